//! Writes a news item as an annotated Markdown article: YAML front matter, then
//! body blocks each introduced by a `{#id lines=a-b}` marker (stable id and
//! source line range).

use super::items::{BlockKind, Item};
use super::text::ends_sentence;
use super::{facts, meta, table_units};
use crate::content::date::Date;
use crate::content::model::{Fact, Figure, FrontMatter};

/// Everything known about the page an item comes from.
pub struct PageInfo<'a> {
    pub seed_name: &'a str,
    pub district: Option<String>,
    pub year: Option<(i32, String)>,
    /// What the sidecar and the page's markup say of the seed.
    pub known: &'a super::known::Known,
}

/// A generated article: its path under `content/` and its text.
pub struct Draft {
    pub rel_path: String,
    pub slug: String,
    pub text: String,
}

/// Builds the Markdown article for one item. `slug` must already be unique.
pub fn emit_article(item: &Item, page: &PageInfo, slug: &str) -> Draft {
    let ids = block_ids(item);
    let body_text: String = item
        .body
        .iter()
        .map(block_plain_text)
        .collect::<Vec<_>>()
        .join("\n");
    let title = item
        .title
        .as_ref()
        .map(|t| t.text.clone())
        .unwrap_or_default();
    let topics = meta::infer_topics(&format!("{title}\n{body_text}"));
    let district = page.known.district.clone().unwrap_or_else(|| {
        meta::district_in_headline(&title)
            .or_else(|| meta::infer_district(&format!("{title}\n{body_text}")))
            .or_else(|| page.district.clone())
    });
    let (date, date_basis) = item_date(item, page);
    let script = crate::script::detect(&format!("{title}\n{body_text}"));
    let all_facts = item_facts(item, &ids, &topics);
    let figures = item
        .captions
        .iter()
        .map(|c| Figure {
            caption: c.text.clone(),
            credit: c.credit.clone(),
            after: c.after.map(|a| ids[a].clone()),
            lines: Some([c.first, c.last]),
        })
        .collect();
    let front = FrontMatter {
        title,
        title_note: item.title_inferred.then(|| {
            "Printed without a headline on this page; title taken from its first sentence.".into()
        }),
        slug: slug.to_string(),
        guide: None,
        deck: item.deck.as_ref().map(|d| d.text.clone()),
        district,
        date,
        date_basis,
        script,
        publication: page
            .known
            .publication
            .clone()
            .or_else(|| item.publication.clone()),
        source_page: page.known.page.clone(),
        source_url: page.known.url.clone(),
        source: Some(page.seed_name.to_string()),
        source_lines: Some([item.first, item.last]),
        continued_from: item.continued_from.as_ref().map(|c| c.text.clone()),
        topics,
        tags: Vec::new(),
        authors: item.authors.clone(),
        bylines: item.bylines.clone(),
        photographers: item.photographers(),
        credits: item.credits.clone(),
        figures,
        facts: all_facts,
    };
    let yaml = serde_yaml::to_string(&front).expect("front matter serialises");
    let mut text = format!("---\n{yaml}---\n");
    for (block, id) in item.body.iter().zip(&ids) {
        push_block(&mut text, block, id);
    }
    Draft {
        rel_path: format!("articles/{slug}.md"),
        slug: slug.to_string(),
        text,
    }
}

/// The item's date and where it comes from: the editor's sidecar or the
/// page's markup, a date the seed's format states for the story, or the
/// latest year the page names.
fn item_date(item: &Item, page: &PageInfo) -> (Option<Date>, Option<String>) {
    if let Some((date, basis)) = &page.known.date {
        return (Some(*date), Some(basis.clone()));
    }
    if let Some(date) = item.date {
        return (Some(date), item.date_basis.clone());
    }
    match &page.year {
        Some((y, s)) => (
            u16::try_from(*y)
                .ok()
                .and_then(|y| Date::new(y, None, None)),
            Some(format!(
                "{}: “{s}…”",
                crate::content::model::INFERRED_YEAR_BASIS
            )),
        ),
        None => (None, None),
    }
}

/// Every figure the item's blocks state, each filed under its paragraph's
/// main topic (or the article's); the rows of a table read in the unit it
/// declares (`单位：万元`).
fn item_facts(item: &Item, ids: &[String], topics: &[String]) -> Vec<Fact> {
    let mut all = Vec::new();
    let mut table = None;
    for (block, id) in item.body.iter().zip(ids) {
        let text = block_plain_text(block);
        let declared = table_units::declared(&text);
        if declared.is_none() && !table_units::continues(&text) {
            table = None;
        }
        let topic = meta::main_topic(&text).or_else(|| topics.first().cloned());
        all.extend(facts::extract_facts_in(
            id,
            &text,
            topic.as_deref(),
            table.as_ref(),
        ));
        if let Some((unit, _)) = declared {
            table = Some(unit);
        }
    }
    all
}

/// Appends a block with its marker: id, seed lines, and `cut` for a
/// paragraph the page leaves unfinished (its text goes on elsewhere).
fn push_block(text: &mut String, block: &super::items::ItemBlock, id: &str) {
    let lines = if block.first == block.last {
        format!("{}", block.first)
    } else {
        format!("{}-{}", block.first, block.last)
    };
    let cut = block.kind == BlockKind::Paragraph && !ends_sentence(&block.text);
    let cut = if cut { " cut" } else { "" };
    text.push_str(&format!(
        "\n{{#{id} lines={lines}{cut}}}\n{}\n",
        block_markdown(block)
    ));
}

/// Ids `p<first line>`, with a letter added where two blocks start on one line.
fn block_ids(item: &Item) -> Vec<String> {
    let mut ids: Vec<String> = Vec::with_capacity(item.body.len());
    let mut taken = std::collections::HashSet::new();
    for block in &item.body {
        let base = format!("p{}", block.first);
        let mut id = base.clone();
        let mut n = 0usize;
        while taken.contains(&id) {
            id = match u8::try_from(n).ok().filter(|n| *n < 26) {
                Some(letter) => format!("{base}{}", (b'a' + letter) as char),
                None => format!("{base}-{n}"),
            };
            n += 1;
        }
        taken.insert(id.clone());
        ids.push(id);
    }
    ids
}

fn block_plain_text(block: &super::items::ItemBlock) -> String {
    match &block.kind {
        BlockKind::List(entries) => entries.join("\n"),
        _ => block.text.clone(),
    }
}

fn block_markdown(block: &super::items::ItemBlock) -> String {
    match &block.kind {
        BlockKind::Paragraph => escape_markdown(&block.text),
        BlockKind::Label => format!("## {}", escape_markdown(&block.text)),
        BlockKind::Heading if block.in_labelled_section => {
            format!("### {}", escape_markdown(&block.text))
        }
        BlockKind::Heading => format!("## {}", escape_markdown(&block.text)),
        BlockKind::List(entries) => entries
            .iter()
            .map(|e| format!("- {}", escape_markdown(e)))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// Escapes the characters Markdown would read as markup, so that text stays text.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let special = matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '~' | '&'
        ) || (i == 0 && matches!(c, '#' | '-' | '+' | '='));
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    // `1. ` or `1) ` at the start would become a list
    if let Some(pos) = out.find(|c: char| !c.is_ascii_digit())
        && pos > 0
        && matches!(out[pos..].chars().next(), Some('.' | ')'))
        && out[pos + 1..].starts_with(' ')
    {
        out.insert(pos, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_specials_are_escaped() {
        assert_eq!(escape_markdown("- 开展"), "\\- 开展");
        assert_eq!(escape_markdown("a*b_c"), "a\\*b\\_c");
        assert_eq!(escape_markdown("1. 一是"), "1\\. 一是");
    }
}
