//! One render of the site: the order of the articles and their neighbours,
//! which articles' pages must be written, each article's two pages, and the
//! list pages that summarise them all. What a render keeps lets the next one
//! (while serving) write only what a change touched.

use super::Renderer;
use super::Theme;
use super::view::{ArticleView, Summary, article_common};
use crate::config::Config;
use crate::content::glossary::Glossary;
use crate::content::guides::Guide;
use crate::content::model::Article;
use crate::error::Result;
use crate::lang::Lang;
use crate::output::OutFile;
use crate::project::SeedText;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::rc::Rc;

/// Slug and headline of the articles before and after one, if any.
pub(super) type Neighbours<'a> = (Option<&'a (String, String)>, Option<&'a (String, String)>);

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

pub(super) struct Kept {
    slug: String,
    zh: Summary,
    en: Summary,
    neighbours: [LinkedNeighbours; 2],
    terms: Vec<TermUse>,
    /// The source line ranges of its paragraphs of several lines, which the
    /// source page marks for linking.
    ranges: Vec<[usize; 2]>,
}

/// What the site holds beside its articles: the seeds' texts for the source
/// pages, the glossary and the guides.
pub struct Shelf<'a> {
    pub seeds: &'a [SeedText],
    pub glossary: &'a Glossary,
    pub guides: &'a [Guide],
}

/// A glossary entry and the id of a paragraph whose Chinese text uses it.
pub(super) type TermUse = (usize, String);

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
    shelf: &Shelf,
    release_bodies: bool,
    sink: &Sink,
) -> Result<Rendered> {
    use rayon::prelude::*;
    let glossary = shelf.glossary;
    let r = Renderer::new(config, theme, shelf.guides);
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
    r.render_lists(articles, &plan, fresh, &mut kept, shelf, sink)?;
    Ok(kept)
}

/// Renders the site again after the articles at `changed` were edited, added
/// or removed: article pages only for those and for articles whose
/// neighbours changed, every list page. Returns how many article pages were
/// rendered.
pub fn render_changed(
    config: &Config,
    theme: &Theme,
    articles: &[Article],
    shelf: &Shelf,
    kept: &mut Rendered,
    changed: &HashSet<PathBuf>,
    sink: &Sink,
) -> Result<usize> {
    use rayon::prelude::*;
    let glossary = shelf.glossary;
    let r = Renderer::new(config, theme, shelf.guides);
    let plan = Plan::new(articles, kept, Some(changed));
    let fresh = articles
        .par_iter()
        .enumerate()
        .map(|(k, article)| {
            plan.stale[k].then(|| r.render_article(article, plan.neighbours(k), glossary, sink))
        })
        .collect();
    r.render_lists(articles, &plan, fresh, kept, shelf, sink)
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
        let titles = |lang: Lang| -> Vec<(String, String)> {
            order
                .iter()
                .map(|&k| {
                    (
                        articles[k].front.slug.clone(),
                        super::page_title(&articles[k], lang),
                    )
                })
                .collect()
        };
        let mut plan = Plan {
            titles: Lang::ALL.map(titles),
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
        // the rendered blocks, fact box and cards are the same in both languages
        let common = Rc::new(article_common(article, "../../", self.config, glossary));
        let zh = ArticleView::new(common.clone(), article, Lang::Zh);
        let en = ArticleView::new(common, article, Lang::En);
        for (view, (previous, next)) in [(&zh, &linked[0]), (&en, &linked[1])] {
            let page =
                self.article_page(article, view, view.lang, (previous.as_ref(), next.as_ref()))?;
            sink(page)?;
        }
        let kept = Kept {
            slug: article.front.slug.clone(),
            zh: zh.into_summary(),
            en: en.into_summary(),
            neighbours: linked,
            terms: term_uses(article, glossary),
            ranges: article
                .blocks
                .iter()
                .filter_map(|b| b.lines.filter(|[a, b]| a != b))
                .collect(),
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
        shelf: &Shelf,
        sink: &Sink,
    ) -> Result<usize> {
        let (seeds, glossary) = (shelf.seeds, shelf.glossary);
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
        let per_lang: Vec<(Lang, Vec<&Summary>)> = vec![
            (Lang::Zh, in_order.iter().map(|(_, k)| &k.zh).collect()),
            (Lang::En, in_order.iter().map(|(_, k)| &k.en).collect()),
        ];
        let term_uses: Vec<(&Article, &[TermUse])> =
            in_order.iter().map(|(a, k)| (*a, &k.terms[..])).collect();
        let ranges: Vec<(&Article, &[[usize; 2]])> =
            in_order.iter().map(|(a, k)| (*a, &k.ranges[..])).collect();
        // the lists render in parallel too: the largest take as long as many articles
        let mut jobs: Vec<ListJob> = Vec::new();
        let (order_ref, term_uses, ranges) = (&order, &term_uses, &ranges);
        for (lang, views) in &per_lang {
            let lang = *lang;
            jobs.push(Box::new(move || Ok(vec![r.section_page(lang, views)?])));
            if config.feeds {
                jobs.push(Box::new(move || Ok(vec![r.feed(lang, views)?])));
            }
            jobs.push(Box::new(move || {
                Ok(vec![r.numbers_page(lang, order_ref, views)?])
            }));
            jobs.push(Box::new(move || {
                Ok(vec![r.glossary_page(lang, term_uses, glossary)?])
            }));
            if config.search {
                jobs.push(Box::new(move || Ok(vec![r.search_page(lang)?])));
            }
            jobs.push(Box::new(move || r.topic_pages(lang, views)));
            jobs.push(Box::new(move || r.district_pages(lang, views)));
        }
        jobs.push(Box::new(|| Ok(vec![r.home(&order, &per_lang)?])));
        for guide in shelf.guides {
            jobs.push(Box::new(move || r.guide_pages(guide)));
        }
        for seed in seeds {
            jobs.push(Box::new(move || Ok(vec![r.source_page(seed, ranges)?])));
        }
        jobs.push(Box::new(|| Ok(vec![r.not_found()?])));
        // the sitemap protocol takes absolute URLs only
        if config.sitemap && config.base_url.is_some() {
            jobs.push(Box::new(|| Ok(vec![r.sitemap(&per_lang)?])));
        }
        jobs.push(Box::new(|| Ok(vec![r.robots()])));
        use rayon::prelude::*;
        jobs.par_iter()
            .try_for_each(|job| job()?.into_iter().try_for_each(sink))?;
        Ok(pages)
    }
}
