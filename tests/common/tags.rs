//! A small HTML tag scanner for the tests: every start tag with its
//! attributes (quoted or not, entities decoded) and the raw text of script
//! elements, as a browser's tokenizer would split them.

/// A start tag.
#[derive(Debug)]
pub struct Tag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    /// Text up to the closing tag, for `script`, `style`, `title`, `textarea`.
    pub raw_text: Option<String>,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Start tags of an HTML document or fragment, in order.
pub fn tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"<!--") {
            i = html[i..].find("-->").map_or(bytes.len(), |end| i + end + 3);
            continue;
        }
        if bytes[i] != b'<' || !bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        let (tag, end) = start_tag(html, i + 1);
        i = end;
        let mut tag = tag;
        // raw text (script, style) and escapable raw text (title, textarea)
        // hold no tags: a browser reads them up to their closing tag
        if ["script", "style", "title", "textarea"].contains(&tag.name.as_str()) {
            let close = format!("</{}", tag.name);
            let lower = html[i..].to_ascii_lowercase();
            let len = lower.find(&close).unwrap_or(lower.len());
            tag.raw_text = Some(html[i..i + len].to_string());
            i += len;
        }
        out.push(tag);
    }
    out
}

/// Parses a start tag from just after `<`; returns it and the index after `>`.
fn start_tag(html: &str, from: usize) -> (Tag, usize) {
    let b = html.as_bytes();
    let mut i = from;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    let name = html[from..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() || b[i] == b'>' {
            break;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let attr = html[start..i].to_ascii_lowercase();
        if i == start {
            i += 1;
            continue;
        }
        let mut value = String::new();
        if b.get(i) == Some(&b'=') {
            i += 1;
            match b.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let end = html[i + 1..].find(q as char).map_or(b.len(), |e| i + 1 + e);
                    value = html[i + 1..end].to_string();
                    i = (end + 1).min(b.len());
                }
                _ => {
                    let start = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = html[start..i].to_string();
                }
            }
        }
        attrs.push((attr, decode_entities(&value)));
    }
    (
        Tag {
            name,
            attrs,
            raw_text: None,
        },
        (i + 1).min(b.len()),
    )
}

/// Decodes the character references a browser would in an attribute or text.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "colon" => Some(':'),
                _ if name.starts_with("#x") || name.starts_with("#X") => {
                    u32::from_str_radix(&name[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                }
                _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, used)) => {
                out.push(c);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Text of a document's body: tags, scripts and styles removed, entities decoded.
pub fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html.find("<body").map_or(html, |at| &html[at..]);
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let lower = rest.get(..8).unwrap_or(rest).to_ascii_lowercase();
        let skip_to = if lower.starts_with("<script") {
            "</script>"
        } else if lower.starts_with("<style") {
            "</style>"
        } else if lower.starts_with("<!--") {
            "-->"
        } else {
            ">"
        };
        rest = rest
            .find(skip_to)
            .map_or("", |e| &rest[e + skip_to.len()..]);
    }
    out.push_str(rest);
    decode_entities(&out)
}

/// Whether a URL, as a browser reads it, would run script.
pub fn runs_script(url: &str) -> bool {
    let normal: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    normal.starts_with("javascript:")
        || normal.starts_with("vbscript:")
        || normal.starts_with("data:text/html")
}
