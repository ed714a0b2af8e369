//! The fuzzing corpus (`fuzz/corpus/`, kept small and committed) replayed
//! through the same entry points as the cargo-fuzz targets, on the stable
//! toolchain: every input that once found new behaviour must still be
//! handled without a panic.

use minsheng::config::RawHtml;
use std::path::{Path, PathBuf};

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{}: empty corpus", dir.display());
    files
}

#[test]
fn ingest_corpus() {
    for file in corpus("ingest") {
        let bytes = std::fs::read(&file).unwrap();
        if let Ok(decoded) = minsheng::ingest::decode_seed(Path::new("seeds/fuzz.txt"), &bytes) {
            let mut taken = Vec::new();
            let _ = minsheng::ingest::ingest_text("fuzz.txt", &decoded.text, &mut taken);
        }
    }
}

#[test]
fn front_matter_corpus() {
    let path = Path::new("content/articles/fuzz.md");
    for file in corpus("front_matter") {
        let Ok(text) = String::from_utf8(std::fs::read(&file).unwrap()) else {
            continue;
        };
        let _ = minsheng::content::parse_article(path, &text, &mut Vec::new());
        let _ = minsheng::content::parse_translation(path, &text, &mut Vec::new());
    }
}

#[test]
fn markdown_corpus() {
    for file in corpus("markdown") {
        let Ok(text) = String::from_utf8(std::fs::read(&file).unwrap()) else {
            continue;
        };
        let _ = minsheng::markdown::to_html(&text, RawHtml::Escape);
        let _ = minsheng::markdown::to_html(&text, RawHtml::Strip);
        let _ = minsheng::markdown::to_html(&text, RawHtml::Sanitize);
        let _ = minsheng::markdown::to_plain_text(&text);
    }
}

#[test]
fn seed_formats_corpus() {
    for file in corpus("seed_formats") {
        let bytes = std::fs::read(&file).unwrap();
        for name in ["fuzz.html", "fuzz.pdf", "fuzz.md"] {
            if let Ok(seed) = minsheng::ingest::read_seed(Path::new(name), &bytes) {
                let mut taken = Vec::new();
                let _ = minsheng::ingest::ingest_text(name, &seed.text, &mut taken);
            }
        }
    }
}
