//! Ingest: turns the raw newspaper texts in `seeds/` into annotated Markdown
//! articles in `content/`, one per news item, without ever overwriting what an
//! editor changed by hand.

pub mod decades;
mod decode;
pub mod emit;
mod explain;
pub mod facts;
pub mod format;
mod furniture;
pub mod html_seed;
pub mod items;
pub mod known;
mod manifest;
mod markdown_seed;
pub mod meta;
pub mod numerals;
pub mod pdf_seed;
pub mod relative_dates;
pub mod segment;
pub mod sidecar;
pub mod table_units;
pub mod text;
pub mod whose;

pub use decode::decode_seed;

/// A seed read as ingest and its source page read it.
#[derive(Debug)]
pub struct ReadSeed {
    /// Its text: the file's, or a saved web page's readable text.
    pub text: String,
    /// The encoding the file was decoded from.
    pub encoding: &'static str,
    /// What a web page's markup says of the article.
    pub from_page: Known,
}

/// Decodes the seed at `path`; of a saved web page or a PDF, extracts the text.
pub fn read_seed(path: &std::path::Path, bytes: &[u8]) -> crate::Result<ReadSeed> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if pdf_seed::is_pdf(&name) {
        let text = pdf_seed::read(path, bytes)?;
        decode::check_lines(path, &text)?;
        return Ok(ReadSeed {
            text,
            encoding: "PDF",
            from_page: Known::default(),
        });
    }
    if !html_seed::is_html(&name) {
        let decoded = decode_seed(path, bytes)?;
        if format::is_markdown(&name) {
            markdown_seed::check_front_matter(path, &decoded.text)?;
        }
        return Ok(ReadSeed {
            text: decoded.text,
            encoding: decoded.encoding,
            from_page: Known::default(),
        });
    }
    let decoded = decode::decode_bytes(path, bytes)?;
    let page = html_seed::read(path, &decoded.text)?;
    decode::check_lines(path, &page.text)?;
    Ok(ReadSeed {
        text: page.text,
        encoding: decoded.encoding,
        from_page: page.known,
    })
}
pub use explain::{explain, explain_file};
pub use manifest::{IngestOptions, IngestReport, is_seed_name, run, seed_extension};

use crate::content::slug::slugify;
use emit::{Draft, PageInfo, emit_article};
use items::Item;
use known::Known;
use sidecar::Sidecar;

/// Splits a seed's text into its news items (a plain page).
pub fn page_items(text: &str) -> Vec<Item> {
    seed_items("page.txt", text)
}

/// Splits the text of the seed `seed_name` into its news items: its format
/// read into parts, each part segmented and split into stories.
pub fn seed_items(seed_name: &str, text: &str) -> Vec<Item> {
    seed_items_with(seed_name, text, &Sidecar::default())
}

/// [`seed_items`] with what the editor's sidecar says: its lines dropped
/// before the text is read, its item corrections applied after.
pub fn seed_items_with(seed_name: &str, text: &str, sidecar: &Sidecar) -> Vec<Item> {
    let dropped = sidecar.dropped_lines();
    let districts = crate::content::taxonomy::district_short_names();
    let mut all = Vec::new();
    for part in format::read_parts(seed_name, text) {
        let text: String = part
            .text
            .split('\n')
            .enumerate()
            .map(|(i, line)| {
                if dropped.contains(&(part.first_line + i)) {
                    String::new()
                } else {
                    furniture::clean_line(line)
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let segments = segment::segment_lines(&text, part.first_line);
        for (k, mut item) in items::split_items(&segments, &districts)
            .into_iter()
            .enumerate()
        {
            item.date = part.date;
            item.date_basis.clone_from(&part.date_basis);
            if k == 0 {
                if let Some((text, line)) = &part.headline {
                    items::set_headline(&mut item, text, *line);
                }
                items::set_record_head(&mut item, &part.head, part.first_line);
            }
            all.push(item);
        }
    }
    sidecar.correct_items(&mut all);
    take_stated_metadata(&mut all, text);
    all
}

/// Gives each item what the page's metadata lines state of it (the day it
/// was published, its source) where its format gave none: a line inside
/// the item, else the nearest one between it and the item before (pages
/// print metadata under the headline). A line after the last item is
/// another story's (a list of related news) and states nothing here.
fn take_stated_metadata(all: &mut [Item], text: &str) {
    let stated: Vec<(usize, furniture::Stated)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, furniture::stated(l)))
        .filter(|(_, s)| s.date.is_some() || s.source.is_some())
        .collect();
    let mut previous_end = 0;
    for item in all.iter_mut() {
        let first = item
            .title
            .as_ref()
            .map_or(item.first, |t| t.line.min(item.first));
        let inside = stated
            .iter()
            .filter(|(n, _)| (first..=item.last).contains(n));
        let after = previous_end;
        let before = stated
            .iter()
            .filter(move |(n, _)| *n > after && *n < first)
            .rev();
        previous_end = item.last;
        for (n, s) in inside.chain(before) {
            if item.date.is_none()
                && let Some((day, label)) = s.date
            {
                item.date = Some(day);
                item.date_basis = Some(format!("the page's `{label}：` line {n}"));
            }
            if item.publication.is_none() {
                item.publication.clone_from(&s.source);
            }
        }
    }
}

/// Turns a seed's text into article drafts. `taken` holds slugs already used
/// elsewhere in the site; new slugs are added to it.
pub fn ingest_text(seed_name: &str, text: &str, taken: &mut Vec<String>) -> Vec<Draft> {
    ingest_seed(
        seed_name,
        text,
        &Sidecar::default(),
        &Known::default(),
        taken,
    )
}

/// [`ingest_text`] with what the seed's sidecar says, and what its page's
/// markup says (`from_page`) where the sidecar is silent.
pub fn ingest_seed(
    seed_name: &str,
    text: &str,
    sidecar: &Sidecar,
    from_page: &Known,
    taken: &mut Vec<String>,
) -> Vec<Draft> {
    let known = Known::from_sidecar(sidecar, seed_name).or(from_page.clone());
    let items = seed_items_with(seed_name, text, sidecar);
    let page_text: String = items
        .iter()
        .flat_map(|i| i.body.iter().map(|b| b.text.as_str()))
        .collect::<Vec<_>>()
        .join("\n");
    let page = PageInfo {
        seed_name,
        district: meta::infer_district(&page_text),
        year: meta::infer_year(&page_text),
        known: &known,
    };
    items
        .iter()
        .map(|item| {
            let base = slugify(item.title.as_ref().map_or("", |t| t.text.as_str()));
            let mut slug = base.clone();
            let mut n = 2;
            while taken.contains(&slug) {
                slug = format!("{base}-{n}");
                n += 1;
            }
            taken.push(slug.clone());
            emit_article(item, &page, &slug)
        })
        .collect()
}
