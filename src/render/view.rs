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
use crate::lang::Lang;
use crate::markdown::{to_html_marked, to_plain_text};
use serde::Serialize;
use std::collections::BTreeSet;
use std::rc::Rc;

/// Number of figures in an article's fact box.
pub const FACT_BOX_SIZE: usize = 6;

#[derive(Debug, Serialize, Clone)]
pub struct TopicView {
    pub key: String,
    pub label: String,
    /// The topic has a page of its own (it is one of the site's topics).
    pub listed: bool,
}

/// A person's name as an English page shows it: in pinyin (`Zhan Milu`),
/// or as printed, tagged as Chinese.
#[derive(Debug, Serialize, Clone)]
pub struct NameView {
    pub text: String,
    pub lang: Option<&'static str>,
}

impl NameView {
    fn of(name: &str) -> NameView {
        match crate::content::names::romanised(name) {
            Some(pinyin) => NameView {
                text: pinyin,
                lang: None,
            },
            None => NameView {
                text: name.to_string(),
                lang: Some("zh-Hans"),
            },
        }
    }
}

/// A photo caption in both languages.
#[derive(Debug, Serialize, Clone)]
pub struct FigureView {
    pub zh: String,
    pub en: Option<String>,
    pub credit: Option<String>,
    /// The credit's name in pinyin, for the English side.
    pub credit_en: Option<NameView>,
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
    /// Glossary terms this block uses first, in Chinese and in English:
    /// shown as notes in the margin on wide screens.
    pub notes_zh: Vec<NoteView>,
    pub notes_en: Vec<NoteView>,
}

/// A margin note for a glossary term: the term, its pinyin and its English
/// rendering.
#[derive(Debug, Serialize, Clone)]
pub struct NoteView {
    pub anchor: String,
    pub term: String,
    pub pinyin: String,
    pub english: String,
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

/// What an article's pages show alike in both languages: the rendered
/// blocks, figures, fact box, cards and front matter. Built once per article
/// and shared by its two page views.
#[derive(Debug, Serialize)]
pub struct ArticleCommon {
    pub slug: String,
    /// The `lang` of the Chinese text: `zh-Hans`, or `zh-Hant` for a
    /// Traditional one.
    pub zh_lang: &'static str,
    pub title_zh: String,
    pub title_en: Option<String>,
    pub title_note: Option<String>,
    pub deck_zh: Option<String>,
    pub deck_en: Option<String>,
    pub guide: Option<String>,
    pub summary: Option<String>,
    /// The guide and the summary sentence by sentence, shown as points.
    pub guide_points: Vec<String>,
    pub summary_points: Vec<String>,
    pub context: Option<String>,
    pub district_zh: Option<String>,
    pub date: Option<Date>,
    pub date_basis: Option<String>,
    /// The year is inferred from the text (the latest it names).
    pub date_inferred: bool,
    pub authors: Vec<String>,
    pub photographers: Vec<String>,
    /// The names in pinyin, for English pages (as printed where a name is
    /// no plain Chinese name).
    pub authors_en: Vec<NameView>,
    pub photographers_en: Vec<NameView>,
    pub credits: Vec<String>,
    pub continued_from: Option<String>,
    pub blocks: Vec<BlockView>,
    pub figures_before: Vec<FigureView>,
    pub fact_box: Vec<FactView>,
    pub fact_count: usize,
    pub minutes_zh: usize,
    pub minutes_en: usize,
    pub source: Option<String>,
    pub source_href: Option<String>,
    /// Where the text was printed: publication and page, as the editor gave them.
    pub publication: Option<String>,
    /// The original's address, when it is a web address.
    pub source_url: Option<String>,
    /// What kind of text the source is (`newspaper`, `web`, `digest` or
    /// `document`), for the line that says what the reader is reading.
    pub source_kind: &'static str,
    pub untranslated: usize,
    pub stale: usize,
    pub cards: Vec<CardView>,
}

/// What kind of text an article comes from: a saved web page, a Markdown
/// digest, or a printed page, which is a newspaper's when its byline says
/// so (`记者`, `本报`, `通讯员`: words only newspapers print).
fn source_kind(front: &crate::content::model::FrontMatter) -> &'static str {
    let extension = front
        .source
        .as_deref()
        .and_then(crate::ingest::seed_extension)
        .unwrap_or("");
    const NEWSPAPER_BYLINE: [&str; 3] = ["记者", "本报", "通讯员"];
    match extension {
        ".html" | ".htm" => "web",
        ".md" | ".markdown" => "digest",
        _ if front
            .bylines
            .iter()
            .any(|b| NEWSPAPER_BYLINE.iter().any(|w| b.contains(w)))
            || front.source_page.is_some() =>
        {
            "newspaper"
        }
        _ => "document",
    }
}

/// `江北报 第3版`: the publication and the page, whichever are known.
fn printed_in(front: &crate::content::model::FrontMatter) -> Option<String> {
    let parts: Vec<&str> = [&front.publication, &front.source_page]
        .into_iter()
        .flatten()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// An article as a page in one language shows it: what differs by language,
/// and the shared part (whose fields templates read as the view's own).
#[derive(Debug, Serialize)]
pub struct ArticleView {
    #[serde(flatten)]
    pub common: Rc<ArticleCommon>,
    pub lang: Lang,
    /// Headline in the page's language (the Chinese one while untranslated).
    pub title: String,
    pub title_missing: bool,
    /// Deck in the page's language.
    pub deck: Option<String>,
    pub district: Option<String>,
    /// The address of the district's page (`districts/<key>/`).
    pub district_key: Option<String>,
    pub topics: Vec<TopicView>,
    pub description: String,
}

impl ArticleView {
    /// The article as a page in `lang` shows it.
    pub fn new(common: Rc<ArticleCommon>, article: &Article, lang: Lang) -> ArticleView {
        let en = lang.is_english();
        let front = &article.front;
        let title = match (&common.title_en, en) {
            (Some(english), true) => english.clone(),
            _ => front.title.clone(),
        };
        let deck = if en {
            common.deck_en.clone().or_else(|| front.deck.clone())
        } else {
            front.deck.clone()
        };
        let description = if en {
            common.summary.clone().or_else(|| deck.clone())
        } else {
            front.guide.clone().or_else(|| deck.clone())
        }
        .unwrap_or_else(|| excerpt(article));
        ArticleView {
            lang,
            title,
            title_missing: en && common.title_en.is_none(),
            deck,
            district: district_label(front.district.as_ref(), en),
            district_key: front.district.as_deref().map(super::pages::district_key),
            topics: topic_views(&front.topics, en),
            description,
            common,
        }
    }

    /// What lists, feeds and the home page keep of the article: the fields
    /// of a [`ListItem`], converted to a template value once.
    pub fn into_summary(self) -> Summary {
        let common = &self.common;
        let item = ListItem {
            slug: &common.slug,
            lang: self.lang,
            title: &self.title,
            title_missing: self.title_missing,
            title_lang: (self.title_missing || !self.lang.is_english())
                .then_some(common.zh_lang)
                .filter(|l| *l != self.lang.html_lang()),
            title_zh: &common.title_zh,
            title_en: common.title_en.as_deref(),
            deck: self.deck.as_deref(),
            district: self.district.as_deref(),
            district_zh: common.district_zh.as_deref(),
            date: common.date,
            topics: &self.topics,
            authors: &common.authors,
            description: &self.description,
            fact_count: common.fact_count,
            continued: common.continued_from.is_some(),
        };
        Summary {
            value: tera::Value::from_serializable(&item),
            topics: self.topics.into_iter().map(|t| t.key).collect(),
            slug: common.slug.clone(),
            title: self.title,
            date: common.date,
            district: self.district,
            district_zh: common.district_zh.clone(),
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
    lang: Lang,
    title: &'a str,
    title_missing: bool,
    /// The title's `lang` where it differs from the page's.
    title_lang: Option<&'static str>,
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
    /// The text goes on from another page (`（上接1版）`): a fragment, not a
    /// whole story.
    continued: bool,
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
            listed: crate::content::taxonomy::TOPIC_KEYS.contains(&k.as_str()),
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
    let stem =
        crate::ingest::seed_extension(seed).map_or(seed, |ext| &seed[..seed.len() - ext.len()]);
    path_segment(stem)
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

/// Builds what both pages of `article` show; `root` is the relative path
/// from a page to the site root.
pub fn article_common(
    article: &Article,
    root: &str,
    config: &Config,
    glossary: &Glossary,
) -> ArticleCommon {
    let front = &article.front;
    let translation = article.translation.as_ref().map(|t| &t.front);
    let source_page = (front.source.as_ref()).map(|s| source_page_href(root, s));
    let mut used = BTreeSet::new();
    let ctx = BlockContext {
        article,
        raw_html: config.raw_html,
        source_page: source_page.as_deref(),
        root,
        glossary,
    };
    // a term is linked where the article first uses it, in each language
    let mut marked = [BTreeSet::new(), BTreeSet::new()];
    let mut blocks: Vec<BlockView> = article
        .blocks
        .iter()
        .map(|block| block_view(&ctx, block, &mut used, &mut marked))
        .collect();
    let figures_before = place_figures(article, &mut blocks);
    let nonempty = |s: &Option<String>| s.clone().filter(|s| !s.trim().is_empty());
    let (minutes_zh, minutes_en) = reading_minutes(article);
    ArticleCommon {
        slug: front.slug.clone(),
        title_zh: front.title.clone(),
        title_en: translation
            .map(|t| t.title.clone())
            .filter(|t| !t.trim().is_empty()),
        zh_lang: front.script.lang_tag(),
        title_note: front.title_note.clone(),
        deck_zh: front.deck.clone(),
        deck_en: translation.and_then(|t| nonempty(&t.deck)),
        guide: front.guide.clone(),
        summary: translation.and_then(|t| nonempty(&t.summary)),
        guide_points: points(&front.guide),
        summary_points: points(&translation.and_then(|t| nonempty(&t.summary))),
        context: translation.and_then(|t| nonempty(&t.context)),
        district_zh: front.district.clone(),
        date: front.date,
        date_basis: front.date_basis.clone(),
        date_inferred: date_inferred(front),
        authors: front.authors.clone(),
        photographers: front.photographers.clone(),
        authors_en: front.authors.iter().map(|n| NameView::of(n)).collect(),
        photographers_en: front
            .photographers
            .iter()
            .map(|n| NameView::of(n))
            .collect(),
        credits: front.credits.clone(),
        continued_from: front.continued_from.clone(),
        untranslated: blocks.iter().filter(|b| b.en_html.is_none()).count(),
        stale: blocks.iter().filter(|b| b.stale).count(),
        blocks,
        figures_before,
        fact_box: fact_box(&front.facts, FACT_BOX_SIZE)
            .into_iter()
            .map(|f| fact_view(f, translation.map(|t| &t.facts)))
            .collect(),
        fact_count: front.facts.len(),
        minutes_zh,
        minutes_en,
        source: front.source.clone(),
        source_href: source_page.map(|page| in_source(page, front.source_lines)),
        publication: printed_in(front),
        source_kind: source_kind(front),
        source_url: front
            .source_url
            .clone()
            .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
        cards: used.into_iter().map(|i| card_view(glossary, i)).collect(),
    }
}

/// Puts each photo caption after the block it follows; returns those shown
/// before the body.
fn place_figures(article: &Article, blocks: &mut [BlockView]) -> Vec<FigureView> {
    let translation = article.translation.as_ref().map(|t| &t.front);
    let mut before = Vec::new();
    for (k, figure) in article.front.figures.iter().enumerate() {
        let view = FigureView {
            zh: figure.caption.clone(),
            en: translation
                .and_then(|t| t.figures.get(k))
                .filter(|s| !s.trim().is_empty())
                .cloned(),
            credit: figure.credit.clone(),
            credit_en: figure.credit.as_deref().map(NameView::of),
        };
        match figure
            .after
            .as_ref()
            .and_then(|id| blocks.iter_mut().find(|b| &b.id == id))
        {
            Some(block) => block.figures.push(view),
            None => before.push(view),
        }
    }
    before
}

/// Reading time in minutes, in Chinese and in English, from the texts
/// themselves: markup is neither Han characters nor words.
fn reading_minutes(article: &Article) -> (usize, usize) {
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
    (han.div_ceil(400).max(1), english_words.div_ceil(220).max(1))
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

/// One block's view. Glossary terms are linked on their first use in the
/// article (`marked`: the terms linked so far, Chinese and English), never
/// in a heading.
fn block_view(
    ctx: &BlockContext,
    block: &Block,
    used: &mut BTreeSet<usize>,
    marked: &mut [BTreeSet<usize>; 2],
) -> BlockView {
    let is_heading = block.markdown.starts_with('#');
    let english = ctx
        .article
        .english(&block.id)
        .filter(|b| !b.markdown.is_empty());
    // a translation without a stamp (a plain Markdown tree) is not tracked
    let stale = english
        .and_then(|e| e.source_hash.as_deref())
        .is_some_and(|stamp| stamp != block_hash(&block.markdown));
    // the HTML of one language's text, and the terms it uses first
    let mut render = |markdown: &str, lang: Lang| {
        if ctx.glossary.entries.is_empty() || is_heading {
            return (crate::markdown::to_html(markdown, ctx.raw_html), Vec::new());
        }
        let side = usize::from(lang.is_english());
        let before = marked[side].clone();
        let mut marker = TermMarker {
            glossary: ctx.glossary,
            lang,
            glossary_href: format!("{}{lang}/glossary/index.html", ctx.root),
            marked: std::mem::take(&mut marked[side]),
            used: &mut *used,
        };
        let html = to_html_marked(markdown, ctx.raw_html, Some(&mut marker));
        marked[side] = marker.marked;
        let notes = marked[side]
            .difference(&before)
            .map(|&i| note_view(ctx.glossary, i))
            .collect();
        (html.trim().to_string(), notes)
    };
    let (zh_html, notes_zh) = render(&block.markdown, Lang::Zh);
    let (en_html, notes_en) = match english.map(|e| render(&e.markdown, Lang::En)) {
        Some((html, notes)) => (Some(html), notes),
        None => (None, Vec::new()),
    };
    BlockView {
        id: block.id.clone(),
        zh_html,
        en_html,
        is_heading,
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
            .map(|(page, lines)| format!("{page}#{}", line_anchor(lines))),
        stale,
        cut: block.cut,
        figures: Vec::new(),
        notes_zh,
        notes_en,
    }
}

/// The address of a seed's source page from a page `root` below the site root.
fn source_page_href(root: &str, seed: &str) -> String {
    format!("{root}source/{}/index.html", source_slug(seed))
}

/// The address of an article's lines on its source page.
fn in_source(page: String, lines: Option<[usize; 2]>) -> String {
    match lines {
        Some(lines) => format!("{page}#{}", line_anchor(lines)),
        None => page,
    }
}

/// The year is the latest the page names, not one it states.
fn date_inferred(front: &crate::content::model::FrontMatter) -> bool {
    front
        .date_basis
        .as_deref()
        .is_some_and(|b| b.starts_with(crate::content::model::INFERRED_YEAR_BASIS))
}

/// A brief's points: its sentences.
fn points(text: &Option<String>) -> Vec<String> {
    text.as_deref().map(sentences).unwrap_or_default()
}

/// A text's sentences: each ends at `。！？` or at `.!?` before a space and a
/// capital, a digit or an opening quote (closing quotes stay with their
/// sentence).
pub fn sentences(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        let mut end = k + 1;
        while end < chars.len() && "”’」』\")".contains(chars[end]) {
            end += 1;
        }
        let next = chars[end..].iter().find(|c| !c.is_whitespace());
        let spaced = chars.get(end).is_some_and(|c| c.is_whitespace());
        let ends = match c {
            '。' | '！' | '？' => true,
            '.' | '!' | '?' => {
                spaced
                    && next.is_some_and(|n| {
                        n.is_uppercase() || n.is_ascii_digit() || "“‘\"".contains(*n)
                    })
            }
            _ => false,
        };
        if ends || end >= chars.len() {
            let sentence: String = chars[start..end.min(chars.len())].iter().collect();
            if !sentence.trim().is_empty() {
                out.push(sentence.trim().to_string());
            }
            start = end;
            k = end;
        } else {
            k += 1;
        }
    }
    out
}

/// The anchor of a block's lines on its source page: `L12`, or `L12-15` for
/// a range (the page highlights the whole range).
pub fn line_anchor([first, last]: [usize; 2]) -> String {
    if first == last {
        format!("L{first}")
    } else {
        format!("L{first}-{last}")
    }
}

fn note_view(glossary: &Glossary, i: usize) -> NoteView {
    let e = &glossary.entries[i];
    NoteView {
        anchor: e.anchor(),
        term: e.term.clone(),
        pinyin: e.pinyin(),
        english: e.english.clone(),
    }
}

fn fact_view(fact: &Fact, labels: Option<&std::collections::BTreeMap<String, String>>) -> FactView {
    FactView {
        id: fact.id.clone(),
        para: fact.para.clone(),
        zh_figure: fact.text.clone(),
        zh_label: fact.shown_label(),
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

    #[test]
    fn a_brief_is_read_sentence_by_sentence() {
        assert_eq!(
            sentences(
                "It built 8.4 km of paths. It added 780 places. “Good,” she said. 2024 was busy!"
            ),
            [
                "It built 8.4 km of paths.",
                "It added 780 places.",
                "“Good,” she said.",
                "2024 was busy!"
            ]
        );
        assert_eq!(
            sentences("Ms He said “it works.” Then"),
            ["Ms He said “it works.”", "Then"]
        );
        assert_eq!(
            sentences("建成绿道8.4公里。新增托位780个！"),
            ["建成绿道8.4公里。", "新增托位780个！"]
        );
        assert_eq!(sentences("the U.S. view"), ["the U.S. view"]);
        assert!(sentences("  ").is_empty());
    }
    use super::{path_segment, sentences};

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
