//! The site-wide pages and files: each language's section page and
//! glossary, the 404 page, Atom feeds, the sitemap and robots.txt.

use super::Renderer;
use super::plan::TermUse;
use super::view::{self, Summary, card_view};
use crate::content::date::{Date, Precision};
use crate::content::glossary::Glossary;
use crate::content::model::Article;
use crate::error::Result;
use crate::lang::Lang;
use crate::output::OutFile;
use serde::Serialize;

impl Renderer<'_> {
    pub(super) fn section_page(&self, lang: Lang, views: &[&Summary]) -> Result<OutFile> {
        let title = if lang == Lang::Zh {
            &self.config.title.zh
        } else {
            &self.config.title.en
        };
        let description = if lang == Lang::Zh {
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

    pub(super) fn glossary_page(
        &self,
        lang: Lang,
        articles: &[(&Article, &[TermUse])],
        glossary: &Glossary,
    ) -> Result<OutFile> {
        let en = lang.is_english();
        let mut terms: Vec<Term> = (0..glossary.entries.len())
            .map(|i| Term {
                card: card_view(glossary, i),
                uses: Vec::new(),
            })
            .collect();
        for (article, uses) in articles {
            let title = super::page_title(article, lang);
            for (entry, para) in uses.iter() {
                terms[*entry].uses.push(Use {
                    slug: article.front.slug.clone(),
                    para: para.clone(),
                    title: title.clone(),
                });
            }
        }
        let key = |t: &Term| {
            if en {
                t.card.english.to_lowercase()
            } else {
                crate::content::glossary::pinyin_plain(&t.card.term).to_lowercase()
            }
        };
        terms.sort_by_key(|t| key(t));
        let letters = by_initial(terms, key);
        let title = self.string(lang, "glossary");
        let path = format!("{lang}/glossary/");
        let page = self.page(
            "glossary",
            lang,
            &path,
            title,
            self.string(lang, "glossary_intro"),
            true,
        );
        let mut ctx = self.context(&page);
        ctx.insert("letters", &letters);
        self.html("glossary.html", path, &ctx)
    }

    pub(super) fn not_found(&self) -> Result<OutFile> {
        let description = format!(
            "{} {}",
            self.string(Lang::Zh, "not_found_text"),
            self.string(Lang::En, "not_found_text")
        );
        let mut page = self.page("404", Lang::Zh, "", "404".into(), description, false);
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

    pub(super) fn feed(&self, lang: Lang, views: &[&Summary]) -> Result<OutFile> {
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
        let known_days = |v: &&Summary| v.date.filter(|d| d.precision() == Precision::Day);
        let updated = feed_time(views.iter().filter_map(known_days).max());
        ctx.insert("updated", &updated);
        // an entry not known to the day says only what the build knows
        ctx.insert("unknown", &feed_time(None));
        let published: Vec<Option<String>> = views
            .iter()
            .map(|v| known_days(v).map(|d| d.timestamp()))
            .collect();
        ctx.insert("published", &published);
        let xml = self.theme.render("atom.xml", &ctx)?;
        Ok(OutFile {
            path,
            bytes: xml.into_bytes(),
        })
    }

    pub(super) fn sitemap(&self, per_lang: &[(Lang, Vec<&Summary>)]) -> Result<OutFile> {
        #[derive(Serialize)]
        struct Entry {
            loc: String,
            alternates: Vec<(String, String)>,
            /// The article's date, as precisely as it is known.
            lastmod: Option<String>,
        }
        let base = self.config.base_url.clone().unwrap_or_default();
        let both = |path_of: &dyn Fn(Lang) -> String| -> Vec<(String, String)> {
            Lang::ALL
                .into_iter()
                .map(|l| (l.html_lang().to_string(), format!("{base}{}", path_of(l))))
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
            lastmod: None,
        }];
        let guides: Vec<String> = self.guides.iter().map(|g| format!("{g}/")).collect();
        let sections = ["", "numbers/", "glossary/"].map(String::from);
        let lists = per_lang
            .first()
            .map(|(_, views)| super::pages::list_sections(views))
            .unwrap_or_default();
        for section in sections.iter().chain(&guides).chain(&lists) {
            for lang in Lang::ALL {
                entries.push(Entry {
                    loc: format!("{base}{lang}/{section}"),
                    alternates: both(&|l| format!("{l}/{section}")),
                    lastmod: None,
                });
            }
        }
        if let Some((_, views)) = per_lang.first() {
            for lang in Lang::ALL {
                for view in views {
                    let slug = view.slug.clone();
                    entries.push(Entry {
                        loc: format!("{base}{lang}/{slug}/"),
                        alternates: both(&|l| format!("{l}/{slug}/")),
                        lastmod: view.date.map(|d| d.to_string()),
                    });
                }
            }
        }
        let page = self.page("sitemap", Lang::Zh, "", String::new(), String::new(), false);
        let mut ctx = self.context(&page);
        ctx.insert("entries", &entries);
        let xml = self.theme.render("sitemap.xml", &ctx)?;
        Ok(OutFile {
            path: "sitemap.xml".into(),
            bytes: xml.into_bytes(),
        })
    }

    pub(super) fn robots(&self) -> OutFile {
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

#[derive(Serialize)]
struct Use {
    slug: String,
    para: String,
    title: String,
}

/// A glossary entry on the glossary page, with where the articles use it.
#[derive(Serialize)]
struct Term {
    card: view::CardView,
    uses: Vec<Use>,
}

/// The entries under one initial, for the A–Z jump list (`0` for those that
/// begin with a figure, such as `15-minute living circle`).
#[derive(Serialize)]
struct Letter {
    letter: char,
    terms: Vec<Term>,
}

/// Sorted entries grouped by the initial of their sort key.
fn by_initial(terms: Vec<Term>, key: impl Fn(&Term) -> String) -> Vec<Letter> {
    let mut letters: Vec<Letter> = Vec::new();
    for term in terms {
        let initial = key(&term)
            .chars()
            .find(char::is_ascii_alphanumeric)
            .map_or('0', |c| {
                if c.is_ascii_digit() {
                    '0'
                } else {
                    c.to_ascii_uppercase()
                }
            });
        match letters.last_mut() {
            Some(last) if last.letter == initial => last.terms.push(term),
            _ => letters.push(Letter {
                letter: initial,
                terms: vec![term],
            }),
        }
    }
    letters
}

/// The time a feed states as its last update: `SOURCE_DATE_EPOCH` when set
/// (the reproducible-builds convention), else the latest publication day of
/// its articles, else the Unix epoch — never a day no source gives.
fn feed_time(latest: Option<Date>) -> String {
    let epoch = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok());
    match (epoch, latest) {
        (Some(seconds), _) => crate::content::date::timestamp_of_unix(seconds),
        (None, Some(day)) => day.timestamp(),
        (None, None) => crate::content::date::timestamp_of_unix(0),
    }
}
