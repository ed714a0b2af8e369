//! `minsheng ingest --explain <seed>`: every line of a seed with what ingest
//! made of it — where each story starts, its headline, deck, byline, body
//! paragraphs, subheads, captions and credits — and the lines no story took
//! (page furniture, blank lines), so that an editor can see each decision and
//! correct it in the article.

use super::items::{BlockKind, Item};

/// What one source line became.
#[derive(Debug, Clone, PartialEq)]
enum Role {
    Headline,
    Deck,
    Byline,
    Body(String),
    Subhead(String),
    Caption,
    Credit,
    Continued,
    Blank,
    Dropped(&'static str),
    DroppedBySidecar,
}

impl Role {
    fn label(&self) -> String {
        match self {
            Role::Headline => "headline".into(),
            Role::Deck => "deck".into(),
            Role::Byline => "byline".into(),
            Role::Body(id) => format!("body {id}"),
            Role::Subhead(id) => format!("subhead {id}"),
            Role::Caption => "caption".into(),
            Role::Credit => "credit".into(),
            Role::Continued => "continuation mark".into(),
            Role::Blank => String::new(),
            Role::Dropped(why) => format!("dropped: {why}"),
            Role::DroppedBySidecar => "dropped: sidecar".into(),
        }
    }
}

/// The explanation of the seed file at `path` (decoded as ingest decodes it).
pub fn explain_file(path: &std::path::Path) -> crate::Result<String> {
    let bytes = crate::fsutil::read(path)?;
    let decoded = super::read_seed(path, &bytes)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let mut warnings = Vec::new();
    let sidecar = super::sidecar::load(path, decoded.text.lines().count(), &mut warnings)?;
    let mut out = explain(&name, &decoded.text, &sidecar);
    for w in warnings {
        out.push_str(&format!("warning: {w}\n"));
    }
    Ok(out)
}

/// The explanation of the seed `seed_name` with text `text`, read with what
/// its sidecar says.
pub fn explain(seed_name: &str, text: &str, sidecar: &super::sidecar::Sidecar) -> String {
    let items = super::seed_items_with(seed_name, text, sidecar);
    let by_sidecar = sidecar.dropped_lines();
    let left_out = super::format::left_out(seed_name, text);
    let lines: Vec<&str> = text.lines().collect();
    let mut roles: Vec<Option<Role>> = vec![None; lines.len() + 1];
    let mut starts: Vec<(usize, usize)> = Vec::new();
    for (n, item) in items.iter().enumerate() {
        mark_item(item, &lines, &mut roles);
        let first = item
            .title
            .as_ref()
            .map_or(item.first, |t| t.line.min(item.first));
        starts.push((first.max(1), n + 1));
    }
    let mut out = format!(
        "{seed_name}: {} line(s), {} stor{}\n",
        lines.len(),
        items.len(),
        if items.len() == 1 { "y" } else { "ies" }
    );
    for (i, line) in lines.iter().enumerate() {
        let no = i + 1;
        for (_, n) in starts.iter().filter(|(s, _)| *s == no) {
            let title = items[n - 1]
                .title
                .as_ref()
                .map_or(String::new(), |t| t.text.clone());
            out.push_str(&format!("── story {n}: {title}\n"));
        }
        let role = roles[no].clone().unwrap_or(if line.trim().is_empty() {
            Role::Blank
        } else if by_sidecar.contains(&no) {
            Role::DroppedBySidecar
        } else {
            Role::Dropped(
                left_out
                    .get(&no)
                    .copied()
                    .or_else(|| super::furniture::why_dropped(line))
                    .unwrap_or("in no story"),
            )
        });
        out.push_str(&format!(
            "{no:>6}  {:<38} {}\n",
            role.label(),
            line.trim_end()
        ));
    }
    out
}

/// Marks the lines an item took with what they became.
fn mark_item(item: &Item, lines: &[&str], roles: &mut [Option<Role>]) {
    let mut set = |first: usize, last: usize, role: Role| {
        for no in first..=last.min(roles.len() - 1) {
            if no >= 1 && roles[no].is_none() {
                roles[no] = Some(role.clone());
            }
        }
    };
    if let Some(t) = &item.title {
        set(t.line, t.line, Role::Headline);
    }
    if let Some(d) = &item.deck {
        set(d.line, d.line, Role::Deck);
    }
    if let Some(c) = &item.continued_from {
        set(c.line, c.line, Role::Continued);
    }
    for c in &item.captions {
        set(c.first, c.last, Role::Caption);
    }
    for block in &item.body {
        let id = format!("p{}", block.first);
        let role = match block.kind {
            BlockKind::Heading | BlockKind::Label => Role::Subhead(id),
            _ => Role::Body(id),
        };
        set(block.first, block.last, role);
    }
    // bylines and credits keep no line of their own: found by their text
    for no in item.first.max(1)..=item.last.min(lines.len()) {
        if roles[no].is_some() {
            continue;
        }
        let t = lines[no - 1].trim();
        if t.is_empty() {
            continue;
        }
        if item
            .bylines
            .iter()
            .any(|b| t.contains(b.as_str()) || b.contains(t))
        {
            roles[no] = Some(Role::Byline);
        } else if item.credits.iter().any(|c| t.contains(c.as_str())) {
            roles[no] = Some(Role::Credit);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_is_explained_and_stories_are_marked() {
        let page = "江北 实施民生行动\n\n记者 刘静\n\n民生无小事，枝叶总关情。江北区今年办好十件实事。\n\n[]\n";
        let text = explain("page.txt", page, &Default::default());
        let rows: Vec<&str> = text.lines().filter(|l| !l.starts_with("──")).collect();
        assert_eq!(rows.len(), 1 + page.lines().count(), "{text}");
        assert!(text.contains("── story 1: 江北 实施民生行动"), "{text}");
        assert!(
            rows.iter()
                .any(|r| r.contains("headline") && r.contains("江北 实施"))
        );
        assert!(
            rows.iter()
                .any(|r| r.contains("byline") && r.contains("刘静")),
            "{text}"
        );
        assert!(rows.iter().any(|r| r.contains("body p5")));
        assert!(
            rows.iter()
                .any(|r| r.contains("dropped: ") && r.ends_with("[]"))
        );
    }
}
