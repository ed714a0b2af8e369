//! Property: however a seed's lines are wrapped, ingestion neither drops nor
//! duplicates a character of body text. Each case re-wraps every line of a
//! seed at a random width of 20 to 59 characters, and compares the
//! Chinese characters of all body text with those of the body text ingest
//! finds in the seed as printed (which `ingest_quality.rs` checks, with
//! headlines, bylines and captions, against the seed itself).

use minsheng::ingest::items::BlockKind;
use minsheng::ingest::page_items;
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// Chinese characters of the body text (paragraphs, headings, list entries)
/// of every item of a page, with their counts.
fn body_characters(text: &str) -> BTreeMap<char, usize> {
    let mut counts = BTreeMap::new();
    for item in page_items(text) {
        for block in item.body {
            let text = match block.kind {
                BlockKind::List(entries) => entries.concat(),
                _ => block.text,
            };
            for c in text.chars().filter(|c| minsheng::ingest::text::is_han(*c)) {
                *counts.entry(c).or_insert(0) += 1;
            }
        }
    }
    counts
}

/// Every line longer than `width` cut into lines of `width` characters.
fn rewrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        for chunk in chars.chunks(width.max(1)) {
            out.extend(chunk);
            out.push('\n');
        }
        if chars.is_empty() {
            out.push('\n');
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn rewrapping_never_drops_or_duplicates_body_characters(
        seed in 0usize..5,
        width in 20usize..60,
    ) {
        let seeds = seeds();
        let text = &seeds[seed];
        let expected = body_characters(text);
        let got = body_characters(&rewrap(text, width));
        let chars: std::collections::BTreeSet<&char> = expected.keys().chain(got.keys()).collect();
        let differing: Vec<(char, i64)> = chars
            .into_iter()
            .map(|c| (*c, *got.get(c).unwrap_or(&0) as i64 - *expected.get(c).unwrap_or(&0) as i64))
            .filter(|(_, d)| *d != 0)
            .collect();
        prop_assert!(differing.is_empty(), "seed {seed}, width {width}: {differing:?}");
    }
}
