//! An article's pages and the source page of a seed: the article in one
//! language with its neighbours and schema.org data, and the numbered lines
//! of the printed page its paragraphs come from.

use super::Renderer;
use super::plan::Neighbours;
use super::view::{ArticleView, source_slug};
use crate::content::model::Article;
use crate::error::Result;
use crate::lang::Lang;
use crate::output::OutFile;
use crate::project::SeedText;
use serde::Serialize;

impl Renderer<'_> {
    pub(super) fn article_page(
        &self,
        article: &Article,
        view: &ArticleView,
        lang: Lang,
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
    pub(super) fn news_article_ld(
        &self,
        article: &Article,
        view: &ArticleView,
        lang: Lang,
    ) -> serde_json::Value {
        let url = |l: Lang| {
            self.config
                .base_url
                .as_ref()
                .map(|b| format!("{b}{l}/{}/", article.front.slug))
        };
        let mut ld = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": view.title,
            "inLanguage": lang.pick(article.front.script.lang_tag(), lang.html_lang()),
            "description": view.description,
            "author": article.front.authors.iter().map(|a| serde_json::json!({"@type": "Person", "name": a})).collect::<Vec<_>>(),
            "about": view.district,
        });
        if let Some(date) = &article.front.date {
            ld["datePublished"] = serde_json::json!(date);
        }
        if let Some(publication) = &article.front.publication {
            ld["publisher"] = serde_json::json!({"@type": "Organization", "name": publication});
        }
        if let Some(original) = &view.common.source_url {
            ld["isBasedOn"] = serde_json::json!(original);
        }
        if let Some(u) = url(lang) {
            ld["url"] = serde_json::json!(u);
            ld["@id"] = serde_json::json!(u);
        }
        let mut original = serde_json::json!({
            "@type": "NewsArticle",
            "headline": article.front.title,
            "inLanguage": article.front.script.lang_tag(),
        });
        if let Some(u) = url(Lang::Zh) {
            original["@id"] = serde_json::json!(u);
        }
        if lang.is_english() {
            ld["translationOfWork"] = original;
        } else if let Some(t) = article
            .translation
            .as_ref()
            .filter(|t| !t.front.title.trim().is_empty())
        {
            let mut translation = serde_json::json!({
                "@type": "NewsArticle",
                "headline": t.front.title,
                "inLanguage": Lang::En.html_lang(),
            });
            if let Some(u) = url(Lang::En) {
                translation["@id"] = serde_json::json!(u);
            }
            ld["workTranslation"] = translation;
        }
        ld
    }

    pub(super) fn source_page(&self, seed: &SeedText, articles: &[&Article]) -> Result<OutFile> {
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
            Lang::Zh,
            &path,
            seed.name.clone(),
            format!("{} {}", self.string(Lang::Zh, "source_page"), seed.name),
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
}
