//! Views: the plain data each template receives, built from the content model
//! for one language.

use super::format::{fact_box, fact_english};
use crate::config::{Config, RawHtml};
use crate::content::model::{Article, Block, Fact, block_hash};
use crate::ingest::meta::{district_english, topic_chinese, topic_english};
use crate::markdown::{to_html, to_plain_text};
use serde::Serialize;

/// Number of figures in an article's fact box.
pub const FACT_BOX_SIZE: usize = 6;

#[derive(Debug, Serialize, Clone)]
pub struct TopicView {
    pub key: String,
    pub label: String,
}

#[derive(Debug, Serialize, Clone)]
pub struct FigureView {
    pub caption: String,
    pub credit: Option<String>,
    /// Caption not yet translated (English page shows the Chinese).
    pub missing: bool,
}

#[derive(Debug, Serialize, Clone)]
pub struct BlockView {
    pub id: String,
    pub html: String,
    pub is_heading: bool,
    pub lines: Option<String>,
    pub source_href: Option<String>,
    /// No English yet: `html` holds the Chinese original.
    pub missing: bool,
    /// English written for an older version of the Chinese.
    pub stale: bool,
    /// The printed text breaks off after this block.
    pub cut: bool,
    pub figures: Vec<FigureView>,
}

#[derive(Debug, Serialize, Clone)]
pub struct FactView {
    pub id: String,
    pub para: String,
    pub figure: String,
    pub label: String,
    pub label_missing: bool,
}

/// An article as one language's page shows it.
#[derive(Debug, Serialize, Clone)]
pub struct ArticleView {
    pub slug: String,
    pub lang: String,
    pub title: String,
    pub title_missing: bool,
    pub original_title: String,
    pub title_note: Option<String>,
    pub deck: Option<String>,
    pub district: Option<String>,
    pub date: Option<String>,
    pub date_basis: Option<String>,
    pub topics: Vec<TopicView>,
    pub authors: Vec<String>,
    pub photographers: Vec<String>,
    pub credits: Vec<String>,
    pub continued_from: Option<String>,
    pub summary: Option<String>,
    pub context: Option<String>,
    pub description: String,
    pub blocks: Vec<BlockView>,
    pub figures_before: Vec<FigureView>,
    pub fact_box: Vec<FactView>,
    pub fact_count: usize,
    pub reading_minutes: usize,
    pub source: Option<String>,
    pub source_href: Option<String>,
    pub untranslated: usize,
    pub stale: usize,
}

/// The slug of a seed's source page (`000_2941489fb0fd2554.txt` → `000_2941489fb0fd2554`).
pub fn source_slug(seed: &str) -> String {
    seed.trim_end_matches(".txt").to_string()
}

/// Builds the view of `article` in `lang` (`zh` or `en`); `root` is the relative
/// path from the page to the site root.
pub fn article_view(article: &Article, lang: &str, root: &str, config: &Config) -> ArticleView {
    let en = lang == "en";
    let front = &article.front;
    let translation = article.translation.as_ref().map(|t| &t.front);
    let source_page = front
        .source
        .as_ref()
        .map(|s| format!("{root}source/{}/index.html", source_slug(s)));
    let mut blocks: Vec<BlockView> = article
        .blocks
        .iter()
        .map(|block| block_view(article, block, en, config.raw_html, source_page.as_deref()))
        .collect();
    let mut figures_before = Vec::new();
    for (k, figure) in front.figures.iter().enumerate() {
        let english = translation
            .and_then(|t| t.figures.get(k))
            .filter(|s| !s.trim().is_empty());
        let view = FigureView {
            caption: if en {
                english.cloned().unwrap_or_else(|| figure.caption.clone())
            } else {
                figure.caption.clone()
            },
            credit: figure.credit.clone(),
            missing: en && english.is_none(),
        };
        match figure
            .after
            .as_ref()
            .and_then(|id| blocks.iter_mut().find(|b| &b.id == id))
        {
            Some(block) => block.figures.push(view),
            None => figures_before.push(view),
        }
    }
    let english_title = translation
        .map(|t| t.title.clone())
        .filter(|t| !t.trim().is_empty());
    let title = if en {
        english_title.clone().unwrap_or_else(|| front.title.clone())
    } else {
        front.title.clone()
    };
    let deck = if en {
        translation
            .and_then(|t| t.deck.clone())
            .or_else(|| front.deck.clone())
    } else {
        front.deck.clone()
    };
    let district = front.district.as_ref().map(|d| {
        if en {
            district_english(d)
                .map(str::to_string)
                .unwrap_or_else(|| d.clone())
        } else {
            d.clone()
        }
    });
    let topics = front
        .topics
        .iter()
        .map(|k| TopicView {
            key: k.clone(),
            label: if en {
                topic_english(k)
            } else {
                topic_chinese(k)
            }
            .to_string(),
        })
        .collect();
    let fact_box = fact_box(&front.facts, FACT_BOX_SIZE)
        .into_iter()
        .map(|f| fact_view(f, en, translation.map(|t| &t.facts)))
        .collect();
    let plain: String = article
        .blocks
        .iter()
        .map(|b| to_plain_text(&b.markdown))
        .collect::<Vec<_>>()
        .join("");
    let reading_minutes = if en {
        let english: String = blocks
            .iter()
            .filter(|b| !b.missing)
            .map(|b| strip_tags(&b.html))
            .collect::<Vec<_>>()
            .join(" ");
        english.split_whitespace().count().div_ceil(220).max(1)
    } else {
        plain
            .chars()
            .filter(|c| crate::ingest::text::is_han(*c))
            .count()
            .div_ceil(400)
            .max(1)
    };
    let summary = if en {
        translation.and_then(|t| t.summary.clone())
    } else {
        None
    };
    let description = summary
        .clone()
        .or_else(|| deck.clone())
        .unwrap_or_else(|| plain.chars().take(120).collect());
    let untranslated = blocks.iter().filter(|b| b.missing).count();
    let stale = blocks.iter().filter(|b| b.stale).count();
    for block in &mut blocks {
        block.html = block.html.trim().to_string();
    }
    ArticleView {
        slug: front.slug.clone(),
        lang: lang.into(),
        title_missing: en && english_title.is_none(),
        original_title: front.title.clone(),
        title,
        title_note: front.title_note.clone(),
        deck,
        district,
        date: front.date.clone(),
        date_basis: front.date_basis.clone(),
        topics,
        authors: front.authors.clone(),
        photographers: front.photographers.clone(),
        credits: front.credits.clone(),
        continued_from: front.continued_from.clone(),
        summary,
        context: if en {
            translation.and_then(|t| t.context.clone())
        } else {
            None
        },
        description,
        blocks,
        figures_before,
        fact_box,
        fact_count: front.facts.len(),
        reading_minutes,
        source: front.source.clone(),
        source_href: source_page,
        untranslated,
        stale,
    }
}

fn block_view(
    article: &Article,
    block: &Block,
    en: bool,
    raw_html: RawHtml,
    source_page: Option<&str>,
) -> BlockView {
    let english = if en {
        article
            .english(&block.id)
            .filter(|b| !b.markdown.is_empty())
    } else {
        None
    };
    let missing = en && english.is_none();
    let stale = english
        .is_some_and(|e| e.source_hash.as_deref() != Some(block_hash(&block.markdown).as_str()));
    let markdown = english.map_or(block.markdown.as_str(), |e| e.markdown.as_str());
    BlockView {
        id: block.id.clone(),
        html: to_html(markdown, raw_html),
        is_heading: block.markdown.starts_with('#'),
        lines: block.lines.map(|[a, b]| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        }),
        source_href: source_page
            .zip(block.lines)
            .map(|(page, [a, _])| format!("{page}#L{a}")),
        missing,
        stale,
        cut: block.cut,
        figures: Vec::new(),
    }
}

fn fact_view(
    fact: &Fact,
    en: bool,
    labels: Option<&std::collections::BTreeMap<String, String>>,
) -> FactView {
    let english_label = labels
        .and_then(|l| l.get(&fact.id))
        .filter(|s| !s.trim().is_empty());
    FactView {
        id: fact.id.clone(),
        para: fact.para.clone(),
        figure: if en {
            fact_english(fact)
        } else {
            fact.text.clone()
        },
        label: if en {
            english_label.cloned().unwrap_or_else(|| fact.label.clone())
        } else {
            fact.label.clone()
        },
        label_missing: en && english_label.is_none(),
    }
}

/// Text of an HTML fragment without its tags.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
