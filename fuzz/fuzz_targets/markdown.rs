//! Markdown to HTML: any text, with raw HTML escaped, stripped and sanitised,
//! and as plain text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use minsheng::config::RawHtml;

fuzz_target!(|text: &str| {
    let _ = minsheng::markdown::to_html(text, RawHtml::Escape);
    let _ = minsheng::markdown::to_html(text, RawHtml::Strip);
    let _ = minsheng::markdown::to_html(text, RawHtml::Sanitize);
    let _ = minsheng::markdown::to_plain_text(text);
});
