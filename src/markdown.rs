//! Markdown to HTML with pulldown-cmark, adjusted for Chinese: a line break
//! inside a paragraph next to a Chinese character becomes nothing (never a
//! visible space), raw HTML is escaped, stripped or sanitised, and links may
//! only use safe schemes.

use crate::chars::{is_cjk_punct, is_han};
use crate::config::RawHtml;
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TextMergeStream, html};

/// Private-use characters that stand for an editor's note (`[sic]`,
/// `[sic: …]`, `[query: …]`) while Markdown is parsed; a query's text starts
/// with `QUERY_MARK`.
const SIC_OPEN: char = '\u{E000}';
const SIC_CLOSE: char = '\u{E001}';
const QUERY_MARK: char = '\u{E002}';

/// Marks up words in text (outside links and code), e.g. glossary terms.
pub trait TextMarker {
    /// HTML for `text` (escaped by the marker), or `None` to leave it as it is.
    fn mark(&mut self, text: &str) -> Option<String>;
}

/// Renders Markdown to an HTML fragment.
pub fn to_html(markdown: &str, raw_html: RawHtml) -> String {
    to_html_marked(markdown, raw_html, None)
}

/// Renders Markdown to an HTML fragment, letting `marker` mark up its text.
pub fn to_html_marked(
    markdown: &str,
    raw_html: RawHtml,
    mut marker: Option<&mut dyn TextMarker>,
) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_HEADING_ATTRIBUTES;
    let marked = mark_sic(markdown);
    let events: Vec<Event> = TextMergeStream::new(Parser::new_ext(&marked, options)).collect();
    let mut out_events: Vec<Event> = Vec::with_capacity(events.len());
    let mut in_link = 0usize;
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::End(pulldown_cmark::TagEnd::Link) => {
                in_link = in_link.saturating_sub(1);
                out_events.push(event.clone());
            }
            Event::Text(text) if in_link == 0 && !text.contains(SIC_OPEN) && marker.is_some() => {
                match marker.as_mut().and_then(|m| m.mark(text)) {
                    Some(html) => out_events.push(Event::InlineHtml(CowStr::from(html))),
                    None => out_events.push(event.clone()),
                }
            }
            Event::SoftBreak => {
                let before = last_char_before(&events, i);
                let after = first_char_after(&events, i);
                let wide = |c: Option<char>| c.is_some_and(|c| is_han(c) || is_cjk_punct(c));
                if !(wide(before) || wide(after)) {
                    out_events.push(Event::Text(CowStr::Borrowed(" ")));
                }
            }
            Event::Html(raw) | Event::InlineHtml(raw) => match raw_html {
                RawHtml::Escape => out_events.push(Event::Text(raw.clone())),
                RawHtml::Strip => {}
                RawHtml::Sanitize => out_events.push(event.clone()),
            },
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                in_link += 1;
                out_events.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: safe_url(dest_url),
                    title: title.clone(),
                    id: id.clone(),
                }))
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => out_events.push(Event::Start(Tag::Image {
                link_type: *link_type,
                dest_url: safe_url(dest_url),
                title: title.clone(),
                id: id.clone(),
            })),
            Event::Text(text) if text.contains(SIC_OPEN) => {
                push_sic(text, &mut out_events, &mut marker, in_link == 0)
            }
            other => out_events.push(other.clone()),
        }
    }
    let mut out = String::with_capacity(markdown.len() * 2);
    // only fragments with raw HTML from the source need the sanitiser
    let raw_kept = raw_html == RawHtml::Sanitize
        && events
            .iter()
            .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)));
    html::push_html(&mut out, out_events.into_iter());
    if raw_kept { sanitize(&out) } else { out }
}

/// Cleans a fragment that holds raw HTML from Markdown: what Markdown and
/// the site's own markers write (term links and their cards, `[sic]` notes,
/// ruby readings) is kept; scripts, styles, frames, event handlers and URLs
/// with other schemes than http, https and mailto are removed.
fn sanitize(html: &str) -> String {
    use std::sync::OnceLock;
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER
        .get_or_init(|| {
            let mut builder = ammonia::Builder::default();
            builder
                .add_tags(["ruby", "rt", "rp", "mark", "figure", "figcaption"])
                .add_generic_attributes([
                    "class",
                    "id",
                    "lang",
                    "title",
                    "data-card",
                    "aria-describedby",
                    "aria-label",
                ])
                .url_schemes(["http", "https", "mailto"].into_iter().collect())
                .link_rel(None);
            builder
        })
        .clean(html)
        .to_string()
}

/// Replaces `[sic]`, `[sic: correction]` and `[query: doubt]` (not
/// backslash-escaped) by private-use markers, so that Markdown does not read
/// them as link text.
fn mark_sic(markdown: &str) -> std::borrow::Cow<'_, str> {
    if !markdown.contains("[sic") && !markdown.contains("[query") {
        return markdown.into();
    }
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some((at, word)) = next_note(rest) {
        let escaped = rest[..at].ends_with('\\');
        let after = &rest[at + word.len()..];
        let query = word == "[query";
        let note = if after.starts_with(']') && !query {
            Some(("", 1))
        } else if let Some(body) = after.strip_prefix(':').or_else(|| after.strip_prefix('：')) {
            body.find(']')
                .map(|end| (body[..end].trim(), after.len() - body.len() + end + 1))
                .filter(|(text, _)| !(query && text.is_empty()))
        } else {
            None
        };
        match note {
            Some((text, used)) if !escaped => {
                out.push_str(&rest[..at]);
                out.push(SIC_OPEN);
                if query {
                    out.push(QUERY_MARK);
                }
                push_note_text(&mut out, text);
                out.push(SIC_CLOSE);
                rest = &after[used..];
            }
            _ => {
                out.push_str(&rest[..at + word.len()]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// The first editor's note that may start in `text`: where, and its opening.
fn next_note(text: &str) -> Option<(usize, &'static str)> {
    ["[sic", "[query"]
        .into_iter()
        .filter_map(|word| text.find(word).map(|at| (at, word)))
        .min()
}

/// A note's text, kept one piece of text for the Markdown parser.
fn push_note_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
}

/// The editor's queries a block's Markdown holds (`[query: …]`), their text.
pub fn queries(markdown: &str) -> Vec<String> {
    let marked = mark_sic(markdown);
    marked
        .split(SIC_OPEN)
        .skip(1)
        .filter_map(|note| note.strip_prefix(QUERY_MARK))
        .map(|note| note.split(SIC_CLOSE).next().unwrap_or("").replace('\\', ""))
        .map(|note| {
            note.replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
        })
        .collect()
}

/// Turns the `[sic]` markers of a text into a marked-up note.
fn push_sic<'a>(
    text: &str,
    out: &mut Vec<Event<'a>>,
    marker: &mut Option<&mut dyn TextMarker>,
    mark: bool,
) {
    // the words around a note are marked up like any other text
    let mut plain = |words: &str, out: &mut Vec<Event<'a>>| match marker
        .as_mut()
        .filter(|_| mark)
        .and_then(|m| m.mark(words))
    {
        Some(html) => out.push(Event::InlineHtml(CowStr::from(html))),
        None => out.push(Event::Text(CowStr::from(words.to_string()))),
    };
    let mut rest = text;
    while let Some(open) = rest.find(SIC_OPEN) {
        plain(&rest[..open], out);
        let inner = &rest[open + SIC_OPEN.len_utf8()..];
        let close = inner.find(SIC_CLOSE).unwrap_or(inner.len());
        let correction = &inner[..close];
        let html = if let Some(doubt) = correction.strip_prefix(QUERY_MARK) {
            // the note speaks the language it is written in
            let han = doubt.chars().filter(|c| crate::chars::is_han(*c)).count();
            let latin = doubt.chars().filter(char::is_ascii_alphabetic).count();
            let label = if han >= latin {
                "编者存疑："
            } else {
                "Editor’s query: "
            };
            format!(
                "<span class=\"query\" role=\"note\">[<span class=\"query-label\">{label}</span>{}]</span>",
                escape_html(doubt)
            )
        } else if correction.is_empty() {
            "<span class=\"sic\">[sic]</span>".to_string()
        } else {
            format!(
                "<span class=\"sic\">[sic<span class=\"sic-note\">: {}</span>]</span>",
                escape_html(correction)
            )
        };
        out.push(Event::InlineHtml(CowStr::from(html)));
        rest = inner.get(close + SIC_CLOSE.len_utf8()..).unwrap_or("");
    }
    if !rest.is_empty() {
        plain(rest, out);
    }
}

/// Escapes text for HTML.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Whether a tag marks up words within a block rather than a block.
fn is_inline(tag: &pulldown_cmark::TagEnd) -> bool {
    use pulldown_cmark::TagEnd::*;
    matches!(
        tag,
        Emphasis | Strong | Strikethrough | Link | Image | Superscript | Subscript
    )
}

/// Plain text of Markdown, for descriptions, feeds and search (annotations left out).
pub fn to_plain_text(markdown: &str) -> String {
    let marked = mark_sic(markdown);
    let mut out = String::new();
    let mut in_note = false;
    for event in Parser::new(&marked) {
        let event = match event {
            Event::Text(t) if t.contains(SIC_OPEN) || in_note => {
                let mut kept = String::new();
                for c in t.chars() {
                    match c {
                        SIC_OPEN => in_note = true,
                        SIC_CLOSE => in_note = false,
                        _ if !in_note => kept.push(c),
                        _ => {}
                    }
                }
                Event::Text(CowStr::from(kept))
            }
            other => other,
        };
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak
                if out
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_ascii_alphanumeric()) =>
            {
                out.push(' ')
            }
            // the end of a block parts its words from the next; the end of
            // bold, a link or the like parts nothing
            Event::End(tag)
                if !is_inline(&tag)
                    && !out.ends_with(' ')
                    && out.chars().last().is_some_and(|c| c.is_ascii()) =>
            {
                out.push(' ')
            }
            _ => {}
        }
    }
    out.trim().to_string()
}

fn safe_url<'a>(url: &CowStr<'a>) -> CowStr<'a> {
    let lower: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme_end = lower.find(':');
    let path_start = lower.find(['/', '?', '#']);
    let has_scheme = match (scheme_end, path_start) {
        (Some(c), Some(p)) => c < p,
        (Some(_), None) => true,
        _ => false,
    };
    let allowed = ["http:", "https:", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s));
    if has_scheme && !allowed {
        CowStr::Borrowed("#")
    } else {
        url.clone()
    }
}

fn last_char_before(events: &[Event], i: usize) -> Option<char> {
    events[..i].iter().rev().find_map(|e| match e {
        Event::Text(t) | Event::Code(t) => t.chars().last(),
        _ => None,
    })
}

fn first_char_after(events: &[Event], i: usize) -> Option<char> {
    events[i + 1..].iter().find_map(|e| match e {
        Event::Text(t) | Event::Code(t) => t.chars().next(),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_line_breaks_leave_no_space() {
        assert_eq!(
            to_html("民生无小事，\n枝叶总关情。", RawHtml::Escape),
            "<p>民生无小事，枝叶总关情。</p>\n"
        );
        assert_eq!(
            to_html("in brief\ntext", RawHtml::Escape),
            "<p>in brief text</p>\n"
        );
        assert_eq!(
            to_html("江北区\n**民生**", RawHtml::Escape),
            "<p>江北区<strong>民生</strong></p>\n"
        );
    }

    #[test]
    fn sic_annotations() {
        let html = to_html("开展“进家人户[sic: 进家入户]”走访", RawHtml::Escape);
        assert_eq!(
            html,
            "<p>开展“进家人户<span class=\"sic\">[sic<span class=\"sic-note\">: 进家入户</span>]</span>”走访</p>\n"
        );
        assert!(
            to_html("看的见[sic]", RawHtml::Escape)
                .contains("看的见<span class=\"sic\">[sic]</span>")
        );
        assert_eq!(to_plain_text("看的见[sic: 看得见]变化"), "看的见变化");
        assert_eq!(to_html("\\[sic]", RawHtml::Escape), "<p>[sic]</p>\n");
        assert!(to_html("[sic: <b>]", RawHtml::Escape).contains(": &lt;b&gt;"));
    }

    #[test]
    fn plain_text_keeps_inline_markup_in_its_sentence() {
        assert_eq!(
            to_plain_text("A **district** has its own **people’s congress**, whose deputies"),
            "A district has its own people’s congress, whose deputies"
        );
        assert_eq!(to_plain_text("One.\n\nTwo."), "One. Two.");
    }

    #[test]
    fn editors_queries() {
        let text =
            "全年城镇新增就业17万余人[query: 全区常住人口约40万，疑为误印]，并帮助61名残疾人";
        let html = to_html(text, RawHtml::Escape);
        assert!(
            html.contains("17万余人<span class=\"query\" role=\"note\">[<span class=\"query-label\">编者存疑：</span>全区常住人口约40万，疑为误印]</span>，"),
            "{html}"
        );
        assert_eq!(
            to_plain_text(text),
            "全年城镇新增就业17万余人，并帮助61名残疾人",
            "a query is no part of the words (nor of the staleness hash)"
        );
        assert_eq!(queries(text), ["全区常住人口约40万，疑为误印"]);
        let english = to_html(
            "more than 170,000 [query: a misprint?] jobs",
            RawHtml::Escape,
        );
        assert!(
            english.contains("Editor’s query: </span>a misprint?]"),
            "{english}"
        );
        assert!(queries("[query]: not a note, nor [query:]").is_empty());
        assert_eq!(queries("[sic] and [query: a & b]"), ["a & b"]);
    }

    #[test]
    fn raw_html_and_scripts_are_neutralised() {
        let html = to_html(
            "<script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](JaVaScRiPt:alert(2))",
            RawHtml::Escape,
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.to_lowercase().contains("href=\"javascript"), "{html}");
        assert!(to_html("a <b>b</b>", RawHtml::Strip).contains("<p>a b</p>"));
        let clean = to_html(
            "a <b>b</b><script>x()</script> <img src=\"p.png\" onerror=\"x()\"> <a href=\"javascript:x()\">c</a> <span style=\"color:red\" class=\"k\">d</span>",
            RawHtml::Sanitize,
        );
        assert!(clean.contains("<b>b</b>"), "{clean}");
        assert!(clean.contains("<img src=\"p.png\">"), "{clean}");
        assert!(clean.contains("<span class=\"k\">d</span>"), "{clean}");
        for gone in ["script", "x()", "onerror", "javascript", "style"] {
            assert!(!clean.contains(gone), "{gone}: {clean}");
        }
    }
}
