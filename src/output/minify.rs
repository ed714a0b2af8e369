//! Minification of HTML pages with minify-html (closing tags and quotes kept,
//! so the output stays well-formed for any parser).

/// What the minifier does, recorded with the output so that a file minified
/// otherwise is never reused: change it with the settings below.
pub const SETTINGS: &str =
    "minify-html 0.18: closing, html and head tags kept; comments dropped; CSS minified";

/// Minifies an HTML file; other files pass through unchanged.
pub fn minify_file(path: &str, bytes: &[u8]) -> Vec<u8> {
    if !path.ends_with(".html") {
        return bytes.to_vec();
    }
    let cfg = minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        keep_comments: false,
        minify_css: true,
        minify_js: false,
        ..minify_html::Cfg::default()
    };
    minify_html::minify(bytes, &cfg)
}
