//! Views: the plain data each template receives, built from the content model.
//! An article view carries both languages, block by block, so that a page can
//! show Chinese, English or both side by side.

use super::format::{fact_box, fact_english};
use super::terms::TermMarker;
use crate::config::{Config, RawHtml};
use crate::content::date::Date;
use crate::content::glossary::Glossary;
use crate::content::model::{Article, Block, Fact, block_hash};
use crate::content::taxonomy::{district_english, topic_chinese, topic_english};
use crate::markdown::{to_html_marked, to_plain_text};
use serde::Serialize;
use std::collections::BTreeSet;

/// Number of figures in an article's fact box.
pub const FACT_BOX_SIZE: usize = 6;

#[derive(Debug, Serialize, Clone)]
pub struct TopicView {
    pub key: String,
    pub label: String,
}

/// A photo caption in both languages.
#[derive(Debug, Serialize, Clone)]
pub struct FigureView {
    pub zh: String,
    pub en: Option<String>,
    pub credit: Option<String>,
}

/// A body block in both languages.
#[derive(Debug, Serialize, Clone)]
pub struct BlockView {
    pub id: String,
    pub zh_html: String,
    /// English HTML; `None` while the block is not translated.
    pub en_html: Option<String>,
    pub is_heading: bool,
    pub lines: Option<String>,
    pub source_href: Option<String>,
    /// English written for an older version of the Chinese.
    pub stale: bool,
    /// The printed text breaks off after this block.
    pub cut: bool,
    pub figures: Vec<FigureView>,
}

/// A fact box entry in both languages.
#[derive(Debug, Serialize, Clone)]
pub struct FactView {
    pub id: String,
    pub para: String,
    pub zh_figure: String,
    pub zh_label: String,
    pub en_figure: String,
    pub en_label: Option<String>,
}

/// A glossary card for a term used on the page.
#[derive(Debug, Serialize, Clone)]
pub struct CardView {
    pub anchor: String,
    pub term: String,
    pub pinyin: String,
    pub english: String,
    pub literal: String,
    pub en: String,
    pub zh: String,
}

/// An article in both languages, as a page in `lang` shows it.
#[derive(Debug, Serialize, Clone)]
pub struct ArticleView {
    pub slug: String,
    pub lang: String,
    /// Headline in the page's language (the Chinese one while untranslated).
    pub title: String,
    pub title_missing: bool,
    pub title_zh: String,
    pub title_en: Option<String>,
    pub title_note: Option<String>,
    /// Deck in the page's language.
    pub deck: Option<String>,
    pub deck_zh: Option<String>,
    pub deck_en: Option<String>,
    pub guide: Option<String>,
    pub summary: Option<String>,
    pub context: Option<String>,
    pub district: Option<String>,
    pub district_zh: Option<String>,
    pub date: Option<Date>,
    pub date_basis: Option<String>,
    pub topics: Vec<TopicView>,
    pub authors: Vec<String>,
    pub photographers: Vec<String>,
    pub credits: Vec<String>,
    pub continued_from: Option<String>,
    pub description: String,
    pub blocks: Vec<BlockView>,
    pub figures_before: Vec<FigureView>,
    pub fact_box: Vec<FactView>,
    pub fact_count: usize,
    pub minutes_zh: usize,
    pub minutes_en: usize,
    pub source: Option<String>,
    pub source_href: Option<String>,
    pub untranslated: usize,
    pub stale: usize,
    pub cards: Vec<CardView>,
}

impl ArticleView {
    /// The same article as a page in another language shows it: only the
    /// headline, deck, description, district and topic labels change; the
    /// rendered blocks are shared.
    pub fn localized(&self, article: &Article, lang: &str) -> ArticleView {
        let en = lang == "en";
        let front = &article.front;
        let mut view = self.clone();
        view.lang = lang.into();
        view.title = if en {
            self.title_en.clone().unwrap_or_else(|| front.title.clone())
        } else {
            front.title.clone()
        };
        view.title_missing = en && self.title_en.is_none();
        view.deck = if en {
            self.deck_en.clone().or_else(|| front.deck.clone())
        } else {
            front.deck.clone()
        };
        view.district = district_label(front.district.as_ref(), en);
        view.topics = topic_views(&front.topics, en);
        let fallback = || excerpt(article);
        view.description = if en {
            self.summary.clone().or_else(|| view.deck.clone())
        } else {
            front.guide.clone().or_else(|| view.deck.clone())
        }
        .unwrap_or_else(fallback);
        view
    }

    /// What lists, feeds and the home page keep of the article: the fields
    /// of a [`ListItem`], converted to a template value once.
    pub fn into_summary(self) -> Summary {
        let item = ListItem {
            slug: &self.slug,
            lang: &self.lang,
            title: &self.title,
            title_missing: self.title_missing,
            title_zh: &self.title_zh,
            title_en: self.title_en.as_deref(),
            deck: self.deck.as_deref(),
            district: self.district.as_deref(),
            district_zh: self.district_zh.as_deref(),
            date: self.date,
            topics: &self.topics,
            authors: &self.authors,
            description: &self.description,
            fact_count: self.fact_count,
        };
        Summary {
            value: tera::Value::from_serializable(&item),
            topics: self.topics.into_iter().map(|t| t.key).collect(),
            slug: self.slug,
            title: self.title,
            date: self.date,
            district: self.district,
            district_zh: self.district_zh,
        }
    }
}

/// An article as list templates (sections, topics, districts, feeds, the
/// home page) see it: the fields of its page view that a list shows. Kept
/// to a few fields, since every article's list item stays in memory until
/// the lists are rendered.
#[derive(Serialize)]
struct ListItem<'a> {
    slug: &'a str,
    lang: &'a str,
    title: &'a str,
    title_missing: bool,
    title_zh: &'a str,
    title_en: Option<&'a str>,
    deck: Option<&'a str>,
    district: Option<&'a str>,
    district_zh: Option<&'a str>,
    date: Option<Date>,
    topics: &'a [TopicView],
    authors: &'a [String],
    description: &'a str,
    fact_count: usize,
}

/// An article in one language as lists show it: the fields the renderer
/// reads, and the whole summary as a template value.
pub struct Summary {
    pub slug: String,
    pub title: String,
    pub date: Option<Date>,
    /// District in the summary's language, and in Chinese.
    pub district: Option<String>,
    pub district_zh: Option<String>,
    /// Topic keys.
    pub topics: Vec<String>,
    pub value: tera::Value,
}

/// The template value of a list of summaries.
pub fn summaries(list: &[&Summary]) -> tera::Value {
    list.iter()
        .map(|s| s.value.clone())
        .collect::<Vec<tera::Value>>()
        .into()
}

/// Topics with their labels in one language.
fn topic_views(topics: &[String], en: bool) -> Vec<TopicView> {
    topics
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
        .collect()
}

/// A district's name in one language.
fn district_label(district: Option<&String>, en: bool) -> Option<String> {
    district.map(|d| {
        if en {
            district_english(d)
                .map(str::to_string)
                .unwrap_or_else(|| d.clone())
        } else {
            d.clone()
        }
    })
}

/// The first 120 characters of an article's text, for descriptions (only as
/// many blocks are read as needed).
fn excerpt(article: &Article) -> String {
    let mut text = String::new();
    for block in &article.blocks {
        text.push_str(&to_plain_text(&block.markdown));
        if text.chars().count() >= 120 {
            break;
        }
    }
    text.chars().take(120).collect()
}

/// The slug of a seed's source page (`000_2941489fb0fd2554.txt` → `000_2941489fb0fd2554`).
pub fn source_slug(seed: &str) -> String {
    path_segment(seed.trim_end_matches(".txt"))
}

/// A name from content made safe as one segment of an output path: lowercase
/// ASCII letters, digits, `-` and `_` (runs of anything else become one `-`),
/// at most 64 characters; a name with nothing left is named by its hash. So
/// it can never leave its folder or need escaping in a URL.
pub fn path_segment(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed: String = out.trim_matches('-').chars().take(64).collect();
    let trimmed = trimmed.trim_end_matches('-');
    if trimmed.is_empty() {
        format!("n-{}", &crate::fsutil::sha256_hex(name)[..12])
    } else {
        trimmed.to_string()
    }
}

/// Builds the view of `article` for a page in `lang` (`zh` or `en`); `root` is
/// the relative path from the page to the site root.
pub fn article_view(
    article: &Article,
    lang: &str,
    root: &str,
    config: &Config,
    glossary: &Glossary,
) -> ArticleView {
    let en = lang == "en";
    let front = &article.front;
    let translation = article.translation.as_ref().map(|t| &t.front);
    let source_page = front
        .source
        .as_ref()
        .map(|s| format!("{root}source/{}/index.html", source_slug(s)));
    let mut used = BTreeSet::new();
    let mut blocks: Vec<BlockView> = article
        .blocks
        .iter()
        .map(|block| {
            let ctx = BlockContext {
                article,
                raw_html: config.raw_html,
                source_page: source_page.as_deref(),
                root,
                glossary,
            };
            block_view(&ctx, block, &mut used)
        })
        .collect();
    let mut figures_before = Vec::new();
    for (k, figure) in front.figures.iter().enumerate() {
        let view = FigureView {
            zh: figure.caption.clone(),
            en: translation
                .and_then(|t| t.figures.get(k))
                .filter(|s| !s.trim().is_empty())
                .cloned(),
            credit: figure.credit.clone(),
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
    let nonempty = |s: &Option<String>| s.clone().filter(|s| !s.trim().is_empty());
    let title_en = translation
        .map(|t| t.title.clone())
        .filter(|t| !t.trim().is_empty());
    let deck_en = translation.and_then(|t| nonempty(&t.deck));
    let summary = translation.and_then(|t| nonempty(&t.summary));
    // reading time from the sources: markup is neither Han characters nor words
    let han: usize = article
        .blocks
        .iter()
        .map(|b| {
            b.markdown
                .chars()
                .filter(|c| crate::chars::is_han(*c))
                .count()
        })
        .sum();
    let english_words: usize = article
        .translation
        .iter()
        .flat_map(|t| t.blocks.iter())
        .map(|b| b.markdown.split_whitespace().count())
        .sum();
    let deck = if en {
        deck_en.clone().or_else(|| front.deck.clone())
    } else {
        front.deck.clone()
    };
    let description = if en {
        summary.clone().or_else(|| deck.clone())
    } else {
        front.guide.clone().or_else(|| deck.clone())
    }
    .unwrap_or_else(|| excerpt(article));
    for block in &mut blocks {
        block.zh_html = block.zh_html.trim().to_string();
        block.en_html = block.en_html.as_ref().map(|h| h.trim().to_string());
    }
    ArticleView {
        slug: front.slug.clone(),
        lang: lang.into(),
        title: if en {
            title_en.clone().unwrap_or_else(|| front.title.clone())
        } else {
            front.title.clone()
        },
        title_missing: en && title_en.is_none(),
        title_zh: front.title.clone(),
        title_en,
        title_note: front.title_note.clone(),
        deck,
        deck_zh: front.deck.clone(),
        deck_en,
        guide: front.guide.clone(),
        summary,
        context: translation.and_then(|t| nonempty(&t.context)),
        district: district_label(front.district.as_ref(), en),
        district_zh: front.district.clone(),
        date: front.date,
        date_basis: front.date_basis.clone(),
        topics: topic_views(&front.topics, en),
        authors: front.authors.clone(),
        photographers: front.photographers.clone(),
        credits: front.credits.clone(),
        continued_from: front.continued_from.clone(),
        description,
        untranslated: blocks.iter().filter(|b| b.en_html.is_none()).count(),
        stale: blocks.iter().filter(|b| b.stale).count(),
        blocks,
        figures_before,
        fact_box: fact_box(&front.facts, FACT_BOX_SIZE)
            .into_iter()
            .map(|f| fact_view(f, translation.map(|t| &t.facts)))
            .collect(),
        fact_count: front.facts.len(),
        minutes_zh: han.div_ceil(400).max(1),
        minutes_en: english_words.div_ceil(220).max(1),
        source: front.source.clone(),
        source_href: source_page,
        cards: used.into_iter().map(|i| card_view(glossary, i)).collect(),
    }
}

/// A glossary entry as a card.
pub fn card_view(glossary: &Glossary, i: usize) -> CardView {
    let e = &glossary.entries[i];
    CardView {
        anchor: e.anchor(),
        term: e.term.clone(),
        pinyin: e.pinyin(),
        english: e.english.clone(),
        literal: e.literal.clone(),
        en: e.en.clone(),
        zh: e.zh.clone(),
    }
}

struct BlockContext<'a> {
    article: &'a Article,
    raw_html: RawHtml,
    source_page: Option<&'a str>,
    root: &'a str,
    glossary: &'a Glossary,
}

fn block_view(ctx: &BlockContext, block: &Block, used: &mut BTreeSet<usize>) -> BlockView {
    let english = ctx
        .article
        .english(&block.id)
        .filter(|b| !b.markdown.is_empty());
    // a translation without a stamp (a plain Markdown tree) is not tracked
    let stale = english
        .and_then(|e| e.source_hash.as_deref())
        .is_some_and(|stamp| stamp != block_hash(&block.markdown));
    let mut render = |markdown: &str, lang: &str| {
        if ctx.glossary.entries.is_empty() {
            return crate::markdown::to_html(markdown, ctx.raw_html);
        }
        let mut marker = TermMarker {
            glossary: ctx.glossary,
            lang,
            glossary_href: format!("{}{lang}/glossary/index.html", ctx.root),
            marked: BTreeSet::new(),
            used: &mut *used,
        };
        to_html_marked(markdown, ctx.raw_html, Some(&mut marker))
    };
    let zh_html = render(&block.markdown, "zh");
    let en_html = english.map(|e| render(&e.markdown, "en"));
    BlockView {
        id: block.id.clone(),
        zh_html,
        en_html,
        is_heading: block.markdown.starts_with('#'),
        lines: block.lines.map(|[a, b]| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        }),
        source_href: ctx
            .source_page
            .zip(block.lines)
            .map(|(page, [a, _])| format!("{page}#L{a}")),
        stale,
        cut: block.cut,
        figures: Vec::new(),
    }
}

fn fact_view(fact: &Fact, labels: Option<&std::collections::BTreeMap<String, String>>) -> FactView {
    FactView {
        id: fact.id.clone(),
        para: fact.para.clone(),
        zh_figure: fact.text.clone(),
        zh_label: fact.label.clone(),
        en_figure: fact_english(fact),
        en_label: labels
            .and_then(|l| l.get(&fact.id))
            .filter(|s| !s.trim().is_empty())
            .cloned(),
    }
}

/// Text of an HTML fragment without its tags (and without ruby readings).
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut in_rt = false;
    let mut tag = String::new();
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                tag.clear();
            }
            '>' => {
                in_tag = false;
                let name = tag
                    .trim_start_matches('/')
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_string();
                if name == "rt" || name == "rp" {
                    in_rt = !tag.starts_with('/');
                }
                out.push(' ');
            }
            _ if in_tag => tag.push(c),
            _ if !in_rt => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::path_segment;

    #[test]
    fn names_from_content_become_safe_path_segments() {
        assert_eq!(path_segment("000_2941489fb0fd2554"), "000_2941489fb0fd2554");
        assert_eq!(path_segment("jiangbei"), "jiangbei");
        assert_eq!(path_segment("../../etc/passwd"), "etc-passwd");
        assert_eq!(path_segment("a<script>b"), "a-script-b");
        assert!(path_segment("区").starts_with("n-"));
        assert!(path_segment(&"x".repeat(200)).len() <= 64);
    }
}
