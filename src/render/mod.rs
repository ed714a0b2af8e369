//! Rendering: turns the loaded content into the files of the site through the
//! Tera templates of the theme — pages in both languages, source pages, feeds,
//! sitemap, 404 — as a list of output files.

mod builtin;
pub mod charts;
pub mod format;
mod pages;
pub mod terms;
mod theme;
pub mod view;

pub use theme::{StaticFile, Theme, error_chain};

use crate::config::Config;
use crate::content::glossary::Glossary;
use crate::content::model::Article;
use crate::error::Result;
use crate::project::SeedText;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use view::{ArticleView, Summary, article_view, card_view, source_slug};

/// Site languages: code, `hreflang`/`lang` value.
pub const LANGUAGES: [(&str, &str); 2] = [("zh", "zh-Hans"), ("en", "en")];

/// One file of the built site.
#[derive(Debug, Clone)]
pub struct OutFile {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    pub bytes: Vec<u8>,
}

#[derive(Serialize)]
struct SiteView<'a> {
    search: bool,
    feeds: bool,
    title: &'a crate::config::Bilingual,
    description: &'a crate::config::Bilingual,
    base_url: Option<&'a str>,
    /// Content-Security-Policy for a `<meta http-equiv>` tag.
    csp: &'a str,
}

#[derive(Serialize)]
struct Alternate {
    lang: String,
    hreflang: String,
    href: String,
    absolute: Option<String>,
}

#[derive(Serialize)]
struct PageView {
    kind: &'static str,
    lang: String,
    html_lang: String,
    /// Relative path from this page to the site root (`../../`).
    root: String,
    /// Path of the page under the root (`zh/slug/`).
    path: String,
    canonical: Option<String>,
    alternates: Vec<Alternate>,
    title: String,
    description: String,
}

struct Renderer<'a> {
    config: &'a Config,
    theme: &'a Theme,
    shared: Shared,
}

/// Template values every page gets, converted once.
struct Shared {
    site: tera::Value,
    t_zh: tera::Value,
    t_en: tera::Value,
}

impl Shared {
    fn new(config: &Config, theme: &Theme) -> Shared {
        let strings = |lang: &str| {
            tera::Value::from_serializable(
                &theme
                    .strings
                    .get(lang)
                    .cloned()
                    .unwrap_or(serde_yaml::Value::Null),
            )
        };
        Shared {
            site: tera::Value::from_serializable(&SiteView {
                search: config.search,
                feeds: config.feeds,
                title: &config.title,
                description: &config.description,
                base_url: config.base_url.as_deref(),
                csp: &theme.csp,
            }),
            t_zh: strings("zh"),
            t_en: strings("en"),
        }
    }
}

/// Slug and headline of the articles before and after one, if any.
type Neighbours<'a> = (Option<&'a (String, String)>, Option<&'a (String, String)>);

/// The same, owned: what an article's page linked to when it was rendered.
type LinkedNeighbours = (Option<(String, String)>, Option<(String, String)>);

/// Where rendered files go: called once per file, from several threads.
pub type Sink<'a> = dyn Fn(OutFile) -> Result<()> + Sync + 'a;

/// What rendering keeps of each article between two renders of a site (while
/// serving): its summaries for the lists, and the neighbours its pages link
/// to. With it, a render after a change re-renders the pages of the changed
/// articles and of their new or old neighbours only; the lists, which
/// summarise every article, are always rendered again.
#[derive(Default)]
pub struct Rendered {
    articles: HashMap<PathBuf, Kept>,
}

struct Kept {
    slug: String,
    zh: Summary,
    en: Summary,
    neighbours: [LinkedNeighbours; 2],
    terms: Vec<TermUse>,
}

/// A glossary entry and the id of a paragraph whose Chinese text uses it.
type TermUse = (usize, String);

/// Drops an article's paragraphs and their translations, once nothing else
/// will read them; front matter stays for the lists.
fn release_body(article: &mut Article) {
    article.blocks = Vec::new();
    if let Some(translation) = &mut article.translation {
        translation.blocks = Vec::new();
    }
}

/// Where an article's paragraphs use glossary terms, each term once per paragraph.
fn term_uses(article: &Article, glossary: &Glossary) -> Vec<TermUse> {
    let mut uses = Vec::new();
    if glossary.entries.is_empty() {
        return uses;
    }
    for block in &article.blocks {
        let text = crate::markdown::to_plain_text(&block.markdown);
        let mut seen = std::collections::BTreeSet::new();
        for found in glossary.find_chinese(&text) {
            if seen.insert(found.entry) {
                uses.push((found.entry, block.id.clone()));
            }
        }
    }
    uses
}

impl Rendered {
    /// Slugs of the articles rendered last time.
    pub fn slugs(&self) -> impl Iterator<Item = &str> {
        self.articles.values().map(|k| k.slug.as_str())
    }
}

/// Renders every page of the site and hands each file to `sink` as soon as it
/// is rendered. Article pages render in parallel; lists keep only each
/// article's summary, so memory does not grow with the rendered HTML. With
/// `release_bodies`, each article's paragraphs are dropped as soon as its
/// pages are rendered (for a build that renders once and keeps nothing).
pub fn render_site(
    config: &Config,
    theme: &Theme,
    articles: &mut [Article],
    seeds: &[SeedText],
    glossary: &Glossary,
    release_bodies: bool,
    sink: &Sink,
) -> Result<Rendered> {
    use rayon::prelude::*;
    let r = Renderer::new(config, theme);
    let mut kept = Rendered::default();
    let plan = Plan::new(articles, &kept, None);
    let fresh = articles
        .par_iter_mut()
        .enumerate()
        .map(|(k, article)| {
            let result = r.render_article(article, plan.neighbours(k), glossary, sink);
            if release_bodies {
                release_body(article);
            }
            Some(result)
        })
        .collect();
    r.render_lists(articles, &plan, fresh, &mut kept, seeds, glossary, sink)?;
    Ok(kept)
}

/// Renders the site again after the articles at `changed` were edited, added
/// or removed: article pages only for those and for articles whose
/// neighbours changed, every list page. Returns how many article pages were
/// rendered.
#[allow(clippy::too_many_arguments)]
pub fn render_changed(
    config: &Config,
    theme: &Theme,
    articles: &[Article],
    seeds: &[SeedText],
    glossary: &Glossary,
    kept: &mut Rendered,
    changed: &HashSet<PathBuf>,
    sink: &Sink,
) -> Result<usize> {
    use rayon::prelude::*;
    let r = Renderer::new(config, theme);
    let plan = Plan::new(articles, kept, Some(changed));
    let fresh = articles
        .par_iter()
        .enumerate()
        .map(|(k, article)| {
            plan.stale[k].then(|| r.render_article(article, plan.neighbours(k), glossary, sink))
        })
        .collect();
    r.render_lists(articles, &plan, fresh, kept, seeds, glossary, sink)
}

/// The site's order (newest first), each article's neighbours in it, and
/// which articles' pages a render must write.
struct Plan {
    /// Positions in the articles, in the site's order.
    order: Vec<usize>,
    /// Each article's place in `order`.
    rank: Vec<usize>,
    /// Slug and headline of each article in order, in Chinese and English.
    titles: [Vec<(String, String)>; 2],
    /// Whether each article's pages must be rendered.
    stale: Vec<bool>,
}

impl Plan {
    /// Every article is stale when `changed` is `None`; otherwise the changed
    /// ones and those whose neighbours differ from what their pages link to.
    fn new(articles: &[Article], kept: &Rendered, changed: Option<&HashSet<PathBuf>>) -> Plan {
        let mut order: Vec<usize> = (0..articles.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&articles[a], &articles[b]);
            b.front
                .date
                .cmp(&a.front.date)
                .then(a.front.source.cmp(&b.front.source))
                .then(a.path.cmp(&b.path))
        });
        let mut rank = vec![0; articles.len()];
        for (i, &k) in order.iter().enumerate() {
            rank[k] = i;
        }
        let titles = |lang: &str| -> Vec<(String, String)> {
            order
                .iter()
                .map(|&k| {
                    (
                        articles[k].front.slug.clone(),
                        page_title(&articles[k], lang),
                    )
                })
                .collect()
        };
        let mut plan = Plan {
            titles: [titles("zh"), titles("en")],
            order,
            rank,
            stale: Vec::new(),
        };
        plan.stale = articles
            .iter()
            .enumerate()
            .map(|(k, article)| {
                changed.is_none_or(|c| c.contains(&article.path))
                    || kept
                        .articles
                        .get(&article.path)
                        .is_none_or(|kept| kept.neighbours != plan.neighbours(k))
            })
            .collect();
        plan
    }

    /// The articles before and after article `k`, in Chinese and English.
    fn neighbours(&self, k: usize) -> [LinkedNeighbours; 2] {
        let i = self.rank[k];
        self.titles.each_ref().map(|titles| {
            (
                i.checked_sub(1).and_then(|p| titles.get(p)).cloned(),
                titles.get(i + 1).cloned(),
            )
        })
    }
}

/// Renders one or more list pages.
type ListJob<'a> = Box<dyn Fn() -> Result<Vec<OutFile>> + Send + Sync + 'a>;

/// An article's headline on a page in `lang`.
fn page_title(article: &Article, lang: &str) -> String {
    match &article.translation {
        Some(t) if lang == "en" && !t.front.title.trim().is_empty() => t.front.title.clone(),
        _ => article.front.title.clone(),
    }
}

fn html_lang(lang: &str) -> String {
    LANGUAGES
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or(lang, |(_, h)| h)
        .to_string()
}

impl<'a> Renderer<'a> {
    fn new(config: &'a Config, theme: &'a Theme) -> Renderer<'a> {
        Renderer {
            config,
            theme,
            shared: Shared::new(config, theme),
        }
    }
}

impl Renderer<'_> {
    /// Writes an article's two pages, its blocks rendered once for both, and
    /// returns what the lists keep of it.
    fn render_article(
        &self,
        article: &Article,
        linked: [LinkedNeighbours; 2],
        glossary: &Glossary,
        sink: &Sink,
    ) -> Result<(PathBuf, Kept)> {
        let zh = article_view(article, "zh", "../../", self.config, glossary);
        let en = zh.localized(article, "en");
        for (view, (previous, next)) in [(&zh, &linked[0]), (&en, &linked[1])] {
            let page = self.article_page(
                article,
                view,
                &view.lang,
                (previous.as_ref(), next.as_ref()),
            )?;
            sink(page)?;
        }
        let kept = Kept {
            slug: article.front.slug.clone(),
            zh: zh.into_summary(),
            en: en.into_summary(),
            neighbours: linked,
            terms: term_uses(article, glossary),
        };
        Ok((article.path.clone(), kept))
    }

    /// Keeps what the freshly rendered articles left (`fresh`, one entry per
    /// article, `None` where its pages were not rendered), forgets removed
    /// articles, and renders every list page. Returns how many article pages
    /// were rendered.
    #[allow(clippy::too_many_arguments)]
    fn render_lists(
        &self,
        articles: &[Article],
        plan: &Plan,
        fresh: Vec<Option<Result<(PathBuf, Kept)>>>,
        kept: &mut Rendered,
        seeds: &[SeedText],
        glossary: &Glossary,
        sink: &Sink,
    ) -> Result<usize> {
        let r = self;
        let config = self.config;
        let mut pages = 0;
        kept.articles
            .reserve(plan.stale.iter().filter(|s| **s).count());
        for result in fresh.into_iter().flatten() {
            let (path, article) = result?;
            kept.articles.insert(path, article);
            pages += 2;
        }
        let order: Vec<&Article> = plan.order.iter().map(|&k| &articles[k]).collect();
        if kept.articles.len() > articles.len() {
            let present: HashSet<&PathBuf> = articles.iter().map(|a| &a.path).collect();
            kept.articles.retain(|path, _| present.contains(path));
        }
        let kept = &*kept;
        let in_order: Vec<(&Article, &Kept)> = order
            .iter()
            .filter_map(|a| Some((*a, kept.articles.get(&a.path)?)))
            .collect();
        let per_lang: Vec<(&str, Vec<&Summary>)> = vec![
            ("zh", in_order.iter().map(|(_, k)| &k.zh).collect()),
            ("en", in_order.iter().map(|(_, k)| &k.en).collect()),
        ];
        let term_uses: Vec<(&Article, &[TermUse])> =
            in_order.iter().map(|(a, k)| (*a, &k.terms[..])).collect();
        // the lists render in parallel too: the largest take as long as many articles
        let mut jobs: Vec<ListJob> = Vec::new();
        for (lang, views) in &per_lang {
            jobs.push(Box::new(|| Ok(vec![r.section_page(lang, views)?])));
            if config.feeds {
                jobs.push(Box::new(|| Ok(vec![r.feed(lang, views)?])));
            }
            jobs.push(Box::new(|| Ok(vec![r.numbers_page(lang, &order, views)?])));
            jobs.push(Box::new(|| {
                Ok(vec![r.glossary_page(lang, &term_uses, glossary)?])
            }));
            if config.search {
                jobs.push(Box::new(|| Ok(vec![r.search_page(lang)?])));
            }
            jobs.push(Box::new(|| r.topic_pages(lang, views)));
            jobs.push(Box::new(|| r.district_pages(lang, views)));
        }
        jobs.push(Box::new(|| Ok(vec![r.home(&order, &per_lang)?])));
        for seed in seeds {
            jobs.push(Box::new(|| Ok(vec![r.source_page(seed, &order)?])));
        }
        jobs.push(Box::new(|| Ok(vec![r.not_found()?])));
        if config.sitemap {
            jobs.push(Box::new(|| Ok(vec![r.sitemap(&per_lang)?])));
        }
        jobs.push(Box::new(|| Ok(vec![r.robots()])));
        use rayon::prelude::*;
        jobs.par_iter()
            .try_for_each(|job| job()?.into_iter().try_for_each(sink))?;
        Ok(pages)
    }

    /// An interface string of the theme.
    fn string(&self, lang: &str, key: &str) -> String {
        self.theme
            .strings
            .get(lang)
            .and_then(|t| t.get(key))
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    }

    fn page(
        &self,
        kind: &'static str,
        lang: &str,
        path: &str,
        title: String,
        description: String,
        translated: bool,
    ) -> PageView {
        let depth = path.matches('/').count();
        let root = if depth == 0 {
            "./".to_string()
        } else {
            "../".repeat(depth)
        };
        let absolute = |p: &str| self.config.base_url.as_ref().map(|b| format!("{b}{p}"));
        let alternates = if translated {
            LANGUAGES
                .iter()
                .map(|(l, h)| {
                    let other = swap_lang(path, l);
                    Alternate {
                        lang: l.to_string(),
                        hreflang: h.to_string(),
                        href: format!("{root}{other}index.html"),
                        absolute: absolute(&other),
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        PageView {
            kind,
            lang: lang.into(),
            html_lang: html_lang(lang),
            root,
            path: path.into(),
            canonical: absolute(path),
            alternates,
            title,
            description,
        }
    }

    fn context(&self, page: &PageView) -> tera::Context {
        let mut ctx = tera::Context::new();
        ctx.insert("page", page);
        // converted once per build; cloning a template value is cheap
        ctx.insert_value("site", self.shared.site.clone());
        let t = if page.lang == "en" {
            &self.shared.t_en
        } else {
            &self.shared.t_zh
        };
        ctx.insert_value("t", t.clone());
        ctx.insert_value("t_zh", self.shared.t_zh.clone());
        ctx.insert_value("t_en", self.shared.t_en.clone());
        ctx
    }

    fn html(&self, template: &str, path: String, ctx: &tera::Context) -> Result<OutFile> {
        let html = self.theme.render(template, ctx)?;
        Ok(OutFile {
            path: format!("{path}index.html"),
            bytes: html.into_bytes(),
        })
    }

    fn article_page(
        &self,
        article: &Article,
        view: &ArticleView,
        lang: &str,
        (previous, next): Neighbours,
    ) -> Result<OutFile> {
        let path = format!("{lang}/{}/", article.front.slug);
        let page = self.page(
            "article",
            lang,
            &path,
            view.title.clone(),
            view.description.clone(),
            true,
        );
        let mut ctx = self.context(&page);
        ctx.insert("article", view);
        ctx.insert("previous", &previous);
        ctx.insert("next", &next);
        // serialised here: serde_json orders keys, so two builds are identical
        let ld =
            serde_json::to_string(&self.news_article_ld(article, view, lang)).unwrap_or_default();
        let ld = ld
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026");
        ctx.insert("ld_json", &ld);
        self.html("article.html", path, &ctx)
    }

    /// schema.org data: a NewsArticle; the English page is marked as a
    /// translation of the Chinese original.
    fn news_article_ld(
        &self,
        article: &Article,
        view: &ArticleView,
        lang: &str,
    ) -> serde_json::Value {
        let url = |l: &str| {
            self.config
                .base_url
                .as_ref()
                .map(|b| format!("{b}{l}/{}/", article.front.slug))
        };
        let mut ld = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": view.title,
            "inLanguage": html_lang(lang),
            "description": view.description,
            "author": article.front.authors.iter().map(|a| serde_json::json!({"@type": "Person", "name": a})).collect::<Vec<_>>(),
            "about": view.district,
        });
        if let Some(date) = &article.front.date {
            ld["datePublished"] = serde_json::json!(date);
        }
        if let Some(u) = url(lang) {
            ld["url"] = serde_json::json!(u);
            ld["@id"] = serde_json::json!(u);
        }
        let mut original = serde_json::json!({
            "@type": "NewsArticle",
            "headline": article.front.title,
            "inLanguage": "zh-Hans",
        });
        if let Some(u) = url("zh") {
            original["@id"] = serde_json::json!(u);
        }
        if lang == "en" {
            ld["translationOfWork"] = original;
        } else if let Some(t) = article
            .translation
            .as_ref()
            .filter(|t| !t.front.title.trim().is_empty())
        {
            let mut translation = serde_json::json!({
                "@type": "NewsArticle",
                "headline": t.front.title,
                "inLanguage": "en",
            });
            if let Some(u) = url("en") {
                translation["@id"] = serde_json::json!(u);
            }
            ld["workTranslation"] = translation;
        }
        ld
    }

    fn section_page(&self, lang: &str, views: &[&Summary]) -> Result<OutFile> {
        let title = if lang == "zh" {
            &self.config.title.zh
        } else {
            &self.config.title.en
        };
        let description = if lang == "zh" {
            &self.config.description.zh
        } else {
            &self.config.description.en
        };
        let page = self.page(
            "section",
            lang,
            &format!("{lang}/"),
            title.clone(),
            description.clone(),
            true,
        );
        let mut ctx = self.context(&page);
        ctx.insert_value("articles", view::summaries(views));
        self.html("section.html", format!("{lang}/"), &ctx)
    }

    fn glossary_page(
        &self,
        lang: &str,
        articles: &[(&Article, &[TermUse])],
        glossary: &Glossary,
    ) -> Result<OutFile> {
        #[derive(Serialize)]
        struct Use {
            slug: String,
            para: String,
            title: String,
        }
        #[derive(Serialize)]
        struct Term {
            card: view::CardView,
            uses: Vec<Use>,
        }
        let en = lang == "en";
        let mut terms: Vec<Term> = (0..glossary.entries.len())
            .map(|i| Term {
                card: card_view(glossary, i),
                uses: Vec::new(),
            })
            .collect();
        for (article, uses) in articles {
            let title = match &article.translation {
                Some(t) if en && !t.front.title.trim().is_empty() => t.front.title.clone(),
                _ => article.front.title.clone(),
            };
            for (entry, para) in uses.iter() {
                terms[*entry].uses.push(Use {
                    slug: article.front.slug.clone(),
                    para: para.clone(),
                    title: title.clone(),
                });
            }
        }
        if en {
            terms.sort_by_key(|t| t.card.english.to_lowercase());
        } else {
            terms.sort_by_key(|t| crate::content::glossary::pinyin_plain(&t.card.term));
        }
        let title = if en { "Glossary" } else { "术语表" };
        let path = format!("{lang}/glossary/");
        let page = self.page(
            "glossary",
            lang,
            &path,
            title.into(),
            self.string(lang, "glossary_intro"),
            true,
        );
        let mut ctx = self.context(&page);
        ctx.insert("terms", &terms);
        self.html("glossary.html", path, &ctx)
    }

    fn source_page(&self, seed: &SeedText, articles: &[&Article]) -> Result<OutFile> {
        #[derive(Serialize)]
        struct Line<'a> {
            no: usize,
            text: &'a str,
        }
        #[derive(Serialize)]
        struct Linked {
            title: String,
            slug: String,
            lines: Option<[usize; 2]>,
        }
        let slug = source_slug(&seed.name);
        let path = format!("source/{slug}/");
        let page = self.page(
            "source",
            "zh",
            &path,
            seed.name.clone(),
            format!("Source text {}", seed.name),
            false,
        );
        let mut ctx = self.context(&page);
        let lines: Vec<Line> = seed
            .text
            .lines()
            .enumerate()
            .map(|(i, text)| Line { no: i + 1, text })
            .collect();
        let linked: Vec<Linked> = articles
            .iter()
            .filter(|a| a.front.source.as_deref() == Some(seed.name.as_str()))
            .map(|a| Linked {
                title: a.front.title.clone(),
                slug: a.front.slug.clone(),
                lines: a.front.source_lines,
            })
            .collect();
        ctx.insert("seed", &seed.name);
        ctx.insert("lines", &lines);
        ctx.insert("articles", &linked);
        self.html("source.html", path, &ctx)
    }

    fn not_found(&self) -> Result<OutFile> {
        let description = format!(
            "{} {}",
            self.string("zh", "not_found_text"),
            self.string("en", "not_found_text")
        );
        let mut page = self.page("404", "zh", "", "404".into(), description, false);
        page.root = self
            .config
            .base_url
            .as_ref()
            .and_then(|b| b.splitn(4, '/').nth(3).map(|p| format!("/{p}")))
            .unwrap_or_else(|| "/".into());
        let html = self.theme.render("404.html", &self.context(&page))?;
        Ok(OutFile {
            path: "404.html".into(),
            bytes: html.into_bytes(),
        })
    }

    fn feed(&self, lang: &str, views: &[&Summary]) -> Result<OutFile> {
        let path = format!("{lang}/atom.xml");
        let page = self.page(
            "feed",
            lang,
            &format!("{lang}/"),
            String::new(),
            String::new(),
            true,
        );
        let mut ctx = self.context(&page);
        ctx.insert_value("articles", view::summaries(views));
        let updated = views
            .iter()
            .filter_map(|v| v.date)
            .max()
            .map(|d| d.timestamp());
        ctx.insert(
            "updated",
            &updated.unwrap_or_else(|| "2000-01-01T00:00:00Z".into()),
        );
        let dates: Vec<Option<String>> = views
            .iter()
            .map(|v| v.date.map(|d| d.timestamp()))
            .collect();
        ctx.insert("dates", &dates);
        let xml = self.theme.render("atom.xml", &ctx)?;
        Ok(OutFile {
            path,
            bytes: xml.into_bytes(),
        })
    }

    fn sitemap(&self, per_lang: &[(&str, Vec<&Summary>)]) -> Result<OutFile> {
        #[derive(Serialize)]
        struct Entry {
            loc: String,
            alternates: Vec<(String, String)>,
        }
        let base = self.config.base_url.clone().unwrap_or_default();
        let both = |path_of: &dyn Fn(&str) -> String| -> Vec<(String, String)> {
            LANGUAGES
                .iter()
                .map(|(l, h)| (h.to_string(), format!("{base}{}", path_of(l))))
                .collect()
        };
        let home = if base.is_empty() {
            "./".to_string()
        } else {
            base.clone()
        };
        let mut entries = vec![Entry {
            loc: home,
            alternates: Vec::new(),
        }];
        for section in ["", "numbers/", "glossary/"] {
            for (lang, _) in LANGUAGES {
                entries.push(Entry {
                    loc: format!("{base}{lang}/{section}"),
                    alternates: both(&|l| format!("{l}/{section}")),
                });
            }
        }
        if let Some((_, views)) = per_lang.first() {
            for (lang, _) in LANGUAGES {
                for view in views {
                    let slug = view.slug.clone();
                    entries.push(Entry {
                        loc: format!("{base}{lang}/{slug}/"),
                        alternates: both(&|l| format!("{l}/{slug}/")),
                    });
                }
            }
        }
        let page = self.page("sitemap", "zh", "", String::new(), String::new(), false);
        let mut ctx = self.context(&page);
        ctx.insert("entries", &entries);
        let xml = self.theme.render("sitemap.xml", &ctx)?;
        Ok(OutFile {
            path: "sitemap.xml".into(),
            bytes: xml.into_bytes(),
        })
    }

    fn robots(&self) -> OutFile {
        let mut text = String::from("User-agent: *\nAllow: /\n");
        if let Some(base) = &self.config.base_url {
            text.push_str(&format!("Sitemap: {base}sitemap.xml\n"));
        }
        OutFile {
            path: "robots.txt".into(),
            bytes: text.into_bytes(),
        }
    }
}

/// Replaces the language prefix of a page path.
fn swap_lang(path: &str, lang: &str) -> String {
    match path.split_once('/') {
        Some((first, rest)) if LANGUAGES.iter().any(|(l, _)| *l == first) => {
            format!("{lang}/{rest}")
        }
        _ => path.to_string(),
    }
}
