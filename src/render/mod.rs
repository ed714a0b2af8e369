//! Rendering: turns the loaded content into the files of the site through the
//! Tera templates of the theme — pages in both languages, source pages, feeds,
//! sitemap, 404, data exports — handing each file to a sink. The pages of one
//! render are planned in [`plan`]; this module holds what every page shares.

mod article;
mod builtin;
pub mod charts;
pub mod data;
pub mod format;
mod guides;
mod numbers;
mod pages;
mod plan;
mod site;
pub mod terms;
mod theme;
pub mod view;

pub use plan::{Rendered, Shelf, Sink, render_changed, render_site};
pub use theme::{Theme, error_chain};

use crate::config::Config;
use crate::content::guides::Guide;
use crate::content::model::Article;
use crate::error::Result;
use crate::lang::Lang;
use crate::output::OutFile;
use serde::Serialize;

#[derive(Serialize)]
struct SiteView<'a> {
    search: bool,
    feeds: bool,
    title: &'a crate::config::Bilingual,
    description: &'a crate::config::Bilingual,
    base_url: Option<&'a str>,
    /// Content-Security-Policy for a `<meta http-equiv>` tag.
    csp: &'a str,
    /// The guides, for links from the footer.
    guides: Vec<guides::GuideLink>,
    /// The guides every article's context note links to.
    background: Vec<guides::GuideLink>,
}

#[derive(Serialize)]
struct Alternate {
    lang: Lang,
    hreflang: &'static str,
    href: String,
    absolute: Option<String>,
}

#[derive(Serialize)]
struct PageView {
    kind: &'static str,
    lang: Lang,
    html_lang: &'static str,
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
    /// The guides' slugs, for the sitemap.
    guides: Vec<String>,
}

/// Template values every page gets, converted once.
struct Shared {
    site: tera::Value,
    t_zh: tera::Value,
    t_en: tera::Value,
}

impl Shared {
    fn new(config: &Config, theme: &Theme, guides: &[Guide]) -> Shared {
        let strings = |lang: Lang| {
            tera::Value::from_serializable(
                &theme
                    .strings
                    .get(lang.code())
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
                guides: guides.iter().map(guides::GuideLink::of).collect(),
                background: guides
                    .iter()
                    .filter(|g| g.from_context)
                    .map(guides::GuideLink::of)
                    .collect(),
            }),
            t_zh: strings(Lang::Zh),
            t_en: strings(Lang::En),
        }
    }
}

impl<'a> Renderer<'a> {
    fn new(config: &'a Config, theme: &'a Theme, guides: &[Guide]) -> Renderer<'a> {
        Renderer {
            config,
            theme,
            shared: Shared::new(config, theme, guides),
            guides: guides.iter().map(|g| g.slug.clone()).collect(),
        }
    }
}

impl Renderer<'_> {
    /// An interface string of the theme.
    fn string(&self, lang: Lang, key: &str) -> String {
        self.theme
            .strings
            .get(lang.code())
            .and_then(|t| t.get(key))
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    }

    fn page(
        &self,
        kind: &'static str,
        lang: Lang,
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
            Lang::ALL
                .into_iter()
                .map(|l| {
                    let other = swap_lang(path, l);
                    Alternate {
                        lang: l,
                        hreflang: l.html_lang(),
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
            lang,
            html_lang: lang.html_lang(),
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
        let t = if page.lang.is_english() {
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
}

/// An article's headline on a page in `lang`.
pub(super) fn page_title(article: &Article, lang: Lang) -> String {
    match &article.translation {
        Some(t) if lang.is_english() && !t.front.title.trim().is_empty() => t.front.title.clone(),
        _ => article.front.title.clone(),
    }
}

/// Replaces the language prefix of a page path.
fn swap_lang(path: &str, lang: Lang) -> String {
    match path.split_once('/') {
        Some((first, rest)) if Lang::from_code(first).is_some() => {
            format!("{lang}/{rest}")
        }
        _ => path.to_string(),
    }
}
