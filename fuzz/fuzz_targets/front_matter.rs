//! Content files: any text as an article and as a translation (front matter,
//! block markers, body).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let path = std::path::Path::new("content/articles/fuzz.md");
    let _ = minsheng::content::parse_article(path, text, &mut Vec::new());
    let _ = minsheng::content::parse_translation(path, text, &mut Vec::new());
});
