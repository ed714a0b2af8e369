//! An article's pages and the source page of a seed: the article in one
//! language with its neighbours and schema.org data, and the numbered lines
//! of the printed page its paragraphs come from.

use super::Renderer;
use super::plan::Neighbours;
use super::view::{ArticleView, line_anchor, source_slug};
use crate::content::model::Article;
use crate::error::Result;
use crate::lang::Lang;
use crate::output::OutFile;
use crate::project::SeedText;
use serde::Serialize;
use std::collections::BTreeSet;

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

    /// The seed's numbered lines, with an anchor for each paragraph's range
    /// (`articles`: every article with the line ranges of its paragraphs).
    pub(super) fn source_page(
        &self,
        seed: &SeedText,
        articles: &[(&Article, &[[usize; 2]])],
    ) -> Result<OutFile> {
        #[derive(Serialize)]
        struct Line<'a> {
            no: usize,
            text: &'a str,
            /// Anchors of the blocks' line ranges that start here.
            ranges: Vec<String>,
        }
        #[derive(Serialize)]
        struct Linked {
            title: String,
            title_en: Option<String>,
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
            format!(
                "{} · {} {}",
                self.string(Lang::Zh, "source_page"),
                self.string(Lang::En, "source_page"),
                seed.name
            ),
            false,
        );
        let mut ctx = self.context(&page);
        let (from_seed, block_lines): (Vec<&Article>, Vec<&[[usize; 2]]>) = articles
            .iter()
            .filter(|(a, _)| a.front.source.as_deref() == Some(seed.name.as_str()))
            .copied()
            .unzip();
        let mut ranges = range_anchors(&from_seed, &block_lines);
        let lines: Vec<Line> = seed
            .text
            .lines()
            .enumerate()
            .map(|(i, text)| Line {
                no: i + 1,
                text,
                ranges: ranges
                    .remove(&(i + 1))
                    .unwrap_or_default()
                    .into_iter()
                    .collect(),
            })
            .collect();
        let linked: Vec<Linked> = from_seed
            .iter()
            .map(|a| Linked {
                title: a.front.title.clone(),
                title_en: a
                    .translation
                    .as_ref()
                    .map(|t| t.front.title.clone())
                    .filter(|t| !t.trim().is_empty()),
                slug: a.front.slug.clone(),
                lines: a.front.source_lines,
            })
            .collect();
        insert_provenance(&mut ctx, from_seed.first().map(|a| &a.front));
        ctx.insert("seed", &seed.name);
        ctx.insert("lines", &lines);
        ctx.insert("articles", &linked);
        self.html("source.html", path, &ctx)
    }
}

/// The anchors of the line ranges of several lines on a source page, by the
/// line each starts at: the articles' and their paragraphs'.
fn range_anchors(
    articles: &[&Article],
    block_lines: &[&[[usize; 2]]],
) -> std::collections::BTreeMap<usize, BTreeSet<String>> {
    let mut ranges: std::collections::BTreeMap<usize, BTreeSet<String>> = Default::default();
    let block_lines = block_lines.iter().flat_map(|r| r.iter().copied().map(Some));
    let article_lines = articles.iter().map(|a| a.front.source_lines);
    for lines in block_lines.chain(article_lines) {
        if let Some(lines @ [first, _]) = lines.filter(|[a, b]| a != b) {
            ranges.entry(first).or_default().insert(line_anchor(lines));
        }
    }
    ranges
}

/// Where the seed was published, from the front matter of an article it
/// holds: publication, page, date and address.
fn insert_provenance(ctx: &mut tera::Context, first: Option<&crate::content::model::FrontMatter>) {
    ctx.insert("publication", &first.and_then(|f| f.publication.clone()));
    ctx.insert("source_page_no", &first.and_then(|f| f.source_page.clone()));
    ctx.insert("source_date", &first.and_then(|f| f.date));
    ctx.insert(
        "source_url",
        &first
            .and_then(|f| f.source_url.clone())
            .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
    );
}
