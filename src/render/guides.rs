//! Guide pages (`content/guides/`): each guide at `zh/<slug>/` and
//! `en/<slug>/`, its Markdown rendered like an article's, and the links to
//! it that articles and the footer carry.

use super::Renderer;
use crate::content::guides::{Guide, GuideText};
use crate::error::Result;
use crate::lang::Lang;
use crate::output::OutFile;
use serde::Serialize;

/// A guide as templates link to it.
#[derive(Serialize)]
pub(super) struct GuideLink {
    slug: String,
    title_zh: String,
    title_en: Option<String>,
}

impl GuideLink {
    pub(super) fn of(guide: &Guide) -> GuideLink {
        GuideLink {
            slug: guide.slug.clone(),
            title_zh: guide.zh.title.clone(),
            title_en: guide.en.as_ref().map(|e| e.title.clone()),
        }
    }
}

#[derive(Serialize)]
struct GuideView<'a> {
    title: &'a str,
    description: Option<&'a str>,
    html: String,
    /// The language the text is in: the English page of a guide not yet
    /// translated shows the Chinese.
    text_lang: &'static str,
    translated: bool,
}

impl Renderer<'_> {
    /// The guide's page in each language.
    pub(super) fn guide_pages(&self, guide: &Guide) -> Result<Vec<OutFile>> {
        Lang::ALL
            .into_iter()
            .map(|lang| {
                let (text, text_lang): (&GuideText, Lang) = match (&guide.en, lang) {
                    (Some(en), Lang::En) => (en, Lang::En),
                    _ => (&guide.zh, Lang::Zh),
                };
                let path = format!("{lang}/{}/", guide.slug);
                let page = self.page(
                    "guide",
                    lang,
                    &path,
                    text.title.clone(),
                    text.description.clone().unwrap_or_default(),
                    guide.en.is_some(),
                );
                let mut ctx = self.context(&page);
                ctx.insert(
                    "guide",
                    &GuideView {
                        title: &text.title,
                        description: text.description.as_deref(),
                        html: crate::markdown::to_html(&text.markdown, self.config.raw_html),
                        text_lang: text_lang.html_lang(),
                        translated: text_lang == lang,
                    },
                );
                self.html("guide.html", path, &ctx)
            })
            .collect()
    }
}
