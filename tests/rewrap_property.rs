//! Property: however a seed's lines are wrapped, ingestion neither drops nor
//! duplicates a character of body text. Each case re-wraps every line of a
//! seed at a random width, as narrow newspaper columns are cut: 12 to 59
//! characters (each line at that width or one more), or 8 to 59 in printed
//! width (ASCII counting half); a sweep tries every even cut of 6 to 59
//! characters and every printed width of 8 to 59 once. It
//! compares the Chinese characters of all body text with those of the body
//! text ingest finds in the seed as printed (which `ingest_quality.rs`
//! checks, with headlines, bylines and captions, against the seed itself).
//! Headlines, bylines, credits and captions cut by the column must still be
//! read as what they are, or their characters would turn up in the body.

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
    rewrap_by(text, width as f64, |_| 1.0)
}

/// Every line cut into lines of at most `width` in printed width.
fn rewrap_printed(text: &str, width: usize) -> String {
    rewrap_by(text, width as f64, |c| if c.is_ascii() { 0.5 } else { 1.0 })
}

fn rewrap_by(text: &str, width: f64, char_width: impl Fn(char) -> f64) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for line in text.lines() {
        let mut used = 0.0;
        for c in line.chars() {
            let w = char_width(c);
            if used > 0.0 && used + w > width {
                out.push('\n');
                used = 0.0;
            }
            out.push(c);
            used += w;
        }
        out.push('\n');
    }
    out
}

/// The characters whose count in the body differs between a seed's text and
/// its re-wrapped text, with the difference.
fn differing(text: &str, rewrapped: impl Fn(&str) -> String) -> Vec<(char, i64)> {
    let expected = body_characters(text);
    let got = body_characters(&rewrapped(text));
    let chars: std::collections::BTreeSet<&char> = expected.keys().chain(got.keys()).collect();
    chars
        .into_iter()
        .map(|c| {
            (
                *c,
                *got.get(c).unwrap_or(&0) as i64 - *expected.get(c).unwrap_or(&0) as i64,
            )
        })
        .filter(|(_, d)| *d != 0)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Columns are not cut evenly: each line at `width` or one more.
    #[test]
    fn rewrapping_never_drops_or_duplicates_body_characters(
        seed in 0usize..5,
        width in 12usize..60,
        wider in prop::collection::vec(any::<bool>(), 64),
    ) {
        let differing = differing(&seeds()[seed], |text| {
            let mut out = String::new();
            for (i, line) in text.lines().enumerate() {
                let w = width + usize::from(wider[i % wider.len()]);
                out.push_str(&rewrap(&format!("{line}\n"), w));
            }
            out
        });
        prop_assert!(differing.is_empty(), "seed {seed}, width {width} (+1 on {wider:?}): {differing:?}");
    }

    #[test]
    fn rewrapping_by_printed_width_never_drops_or_duplicates_body_characters(
        seed in 0usize..5,
        width in 8usize..60,
    ) {
        let differing = differing(&seeds()[seed], |text| rewrap_printed(text, width));
        prop_assert!(differing.is_empty(), "seed {seed}, printed width {width}: {differing:?}");
    }
}

/// Every seed at every width of the ranges above, once (the random cases may
/// miss one).
#[test]
fn every_seed_at_every_width() {
    for (seed, text) in seeds().iter().enumerate() {
        for width in 6..60 {
            let d = differing(text, |t| rewrap(t, width));
            assert!(d.is_empty(), "seed {seed}, width {width}: {d:?}");
        }
        for width in 8..60 {
            let d = differing(text, |t| rewrap_printed(t, width));
            assert!(d.is_empty(), "seed {seed}, printed width {width}: {d:?}");
        }
    }
}
