//! Markdown to HTML with pulldown-cmark, adjusted for Chinese: a line break
//! inside a paragraph next to a Chinese character becomes nothing (never a
//! visible space), raw HTML is escaped or stripped, and links may only use
//! safe schemes.

use crate::config::RawHtml;
use crate::ingest::text::{is_cjk_punct, is_han};
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, html};

/// Renders Markdown to an HTML fragment.
pub fn to_html(markdown: &str, raw_html: RawHtml) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_HEADING_ATTRIBUTES;
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let mut out_events: Vec<Event> = Vec::with_capacity(events.len());
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::SoftBreak => {
                let before = last_char_before(&events, i);
                let after = first_char_after(&events, i);
                let wide = |c: Option<char>| c.is_some_and(|c| is_han(c) || is_cjk_punct(c));
                if !(wide(before) || wide(after)) {
                    out_events.push(Event::Text(CowStr::Borrowed(" ")));
                }
            }
            Event::Html(raw) | Event::InlineHtml(raw) => {
                if raw_html == RawHtml::Escape {
                    out_events.push(Event::Text(raw.clone()));
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => out_events.push(Event::Start(Tag::Link {
                link_type: *link_type,
                dest_url: safe_url(dest_url),
                title: title.clone(),
                id: id.clone(),
            })),
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
            other => out_events.push(other.clone()),
        }
    }
    let mut out = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut out, out_events.into_iter());
    out
}

/// Plain text of Markdown, for descriptions, feeds and search.
pub fn to_plain_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new(markdown) {
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
            Event::End(_)
                if !out.ends_with(' ') && out.chars().last().is_some_and(|c| c.is_ascii()) =>
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
    fn raw_html_and_scripts_are_neutralised() {
        let html = to_html(
            "<script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](JaVaScRiPt:alert(2))",
            RawHtml::Escape,
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.to_lowercase().contains("href=\"javascript"), "{html}");
        assert!(to_html("a <b>b</b>", RawHtml::Strip).contains("<p>a b</p>"));
    }
}
