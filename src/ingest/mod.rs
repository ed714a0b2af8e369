//! Ingest: turns the raw newspaper texts in `seeds/` into annotated Markdown
//! articles in `content/`, one per news item, without ever overwriting what an
//! editor changed by hand.

mod decode;
pub mod emit;
mod explain;
pub mod facts;
pub mod format;
mod furniture;
pub mod items;
mod manifest;
mod markdown_seed;
pub mod meta;
pub mod segment;
pub mod sidecar;
pub mod text;

pub use decode::decode_seed;
pub use explain::{explain, explain_file};
pub use manifest::{IngestOptions, IngestReport, is_seed_name, run};

use crate::content::slug::slugify;
use emit::{Draft, PageInfo, emit_article};
use items::Item;
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
    all
}

/// Turns a seed's text into article drafts. `taken` holds slugs already used
/// elsewhere in the site; new slugs are added to it.
pub fn ingest_text(seed_name: &str, text: &str, taken: &mut Vec<String>) -> Vec<Draft> {
    ingest_seed(seed_name, text, &Sidecar::default(), taken)
}

/// [`ingest_text`] with what the seed's sidecar says.
pub fn ingest_seed(
    seed_name: &str,
    text: &str,
    sidecar: &Sidecar,
    taken: &mut Vec<String>,
) -> Vec<Draft> {
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
        sidecar,
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
