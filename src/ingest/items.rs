//! News items: groups the segments of a page into one item per story, attaching
//! bylines, captions and the headline and deck (even when printed after the body).

use super::segment::{Kind, Segment};

/// What a body block of an item is.
#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    Label,
    List(Vec<String>),
}

/// A body block with its source lines.
#[derive(Debug, Clone)]
pub struct ItemBlock {
    pub kind: BlockKind,
    pub text: String,
    pub first: usize,
    pub last: usize,
    /// Whether the block follows a section label (its headings are subheadings).
    pub in_labelled_section: bool,
}

/// A photo caption with the index of the body block it follows.
#[derive(Debug, Clone)]
pub struct ItemCaption {
    pub text: String,
    pub credit: Option<String>,
    pub first: usize,
    pub last: usize,
    pub after: Option<usize>,
}

/// A printed line of the headline group.
#[derive(Debug, Clone)]
pub struct HeadLine {
    pub text: String,
    pub line: usize,
}

/// One story of a page.
#[derive(Debug, Clone, Default)]
pub struct Item {
    pub body: Vec<ItemBlock>,
    pub captions: Vec<ItemCaption>,
    /// Headings printed after the story's byline: its headline group.
    pub head_group: Vec<HeadLine>,
    pub authors: Vec<String>,
    /// Bylines as printed.
    pub bylines: Vec<String>,
    pub credits: Vec<String>,
    pub continued_from: Option<HeadLine>,
    pub title: Option<HeadLine>,
    pub deck: Option<HeadLine>,
    pub title_inferred: bool,
    /// A date the seed's format states for the story, and where it was read.
    pub date: Option<crate::content::date::Date>,
    pub date_basis: Option<String>,
    /// The medium a metadata line of the page names (`来源：江北报`).
    pub publication: Option<String>,
    pub first: usize,
    pub last: usize,
}

impl Item {
    fn is_empty(&self) -> bool {
        self.body.is_empty() && self.head_group.is_empty() && self.captions.is_empty()
    }

    fn touch(&mut self, seg: &Segment) {
        if self.first == 0 {
            self.first = seg.first;
        }
        self.last = self.last.max(seg.last);
    }

    /// Photographers named in the captions, in order of appearance.
    pub fn photographers(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for credit in self.captions.iter().filter_map(|c| c.credit.clone()) {
            if !names.contains(&credit) {
                names.push(credit);
            }
        }
        names
    }
}

/// Where the walk over a page stands.
#[derive(Default)]
struct Walk {
    /// The current story's byline (or dateline) has been printed.
    after_byline: bool,
    /// A headline was printed after that byline: the story is complete.
    titled_after_byline: bool,
    in_labelled_section: bool,
}

/// Splits a page's segments into stories.
pub fn split_items(segments: &[Segment], district_names: &[&str]) -> Vec<Item> {
    let mut items = vec![Item::default()];
    let mut walk = Walk::default();
    for seg in segments {
        let starts_story = match &seg.kind {
            Kind::Continued(_) => !items.last().is_some_and(Item::is_empty),
            Kind::Text {
                dateline: Some(_), ..
            } => !items.last().is_some_and(Item::is_empty),
            Kind::Heading { glued: false, .. }
            | Kind::Byline { .. }
            | Kind::Credit(_)
            | Kind::Caption { .. } => false,
            _ => walk.after_byline && walk.titled_after_byline,
        };
        if starts_story {
            items.push(Item::default());
            walk = Walk::default();
        }
        let item = items.last_mut().expect("at least one item");
        item.touch(seg);
        add_segment(item, seg, &mut walk);
    }
    items.retain(|i| !i.body.is_empty());
    split_shared_headlines(&mut items);
    for item in &mut items {
        choose_title(item, district_names);
    }
    items
}

fn add_segment(item: &mut Item, seg: &Segment, walk: &mut Walk) {
    let block = |kind: BlockKind, text: &str, walk: &Walk| ItemBlock {
        kind,
        text: text.to_string(),
        first: seg.first,
        last: seg.last,
        in_labelled_section: walk.in_labelled_section,
    };
    match &seg.kind {
        Kind::Continued(mark) => {
            item.continued_from = Some(HeadLine {
                text: mark.clone(),
                line: seg.first,
            })
        }
        Kind::Text { text, dateline } => {
            if let Some(byline) = dateline {
                item.authors.extend(byline.names.iter().cloned());
                item.bylines.push(byline.printed.clone());
                walk.after_byline = true;
            }
            let (text, staff) = match text.strip_suffix("（本报记者）") {
                Some(rest) => (rest.trim_end(), true),
                None => (text.as_str(), false),
            };
            item.body.push(block(BlockKind::Paragraph, text, walk));
            if staff {
                item.authors.push("本报记者".into());
                item.bylines.push("（本报记者）".into());
                walk.after_byline = true;
            }
        }
        Kind::Heading { text, glued } => {
            if walk.after_byline && !glued {
                if !text.starts_with("——") {
                    walk.titled_after_byline = true;
                }
                item.head_group.push(HeadLine {
                    text: text.clone(),
                    line: seg.first,
                });
            } else {
                item.body.push(block(BlockKind::Heading, text, walk));
            }
        }
        Kind::Label(text) => {
            walk.after_byline = false;
            walk.in_labelled_section = true;
            item.body.push(block(BlockKind::Label, text, walk));
        }
        Kind::List(entries) => item
            .body
            .push(block(BlockKind::List(entries.clone()), "", walk)),
        Kind::Caption { text, credit } => item.captions.push(ItemCaption {
            text: text.clone(),
            credit: credit.clone(),
            first: seg.first,
            last: seg.last,
            after: item.body.len().checked_sub(1),
        }),
        Kind::Byline { byline, credit } => {
            item.authors.extend(byline.names.iter().cloned());
            item.bylines.push(byline.printed.clone());
            item.credits.extend(credit.iter().cloned());
            walk.after_byline = true;
        }
        Kind::Credit(text) => item.credits.push(text.clone()),
    }
}

/// One printed line may carry the headlines of several stories
/// (`10条措施：… 千兆城市：…`): it is shared out to the preceding stories that
/// have no headline of their own, in order.
fn split_shared_headlines(items: &mut [Item]) {
    for k in 0..items.len() {
        let Some(pos) = items[k]
            .head_group
            .iter()
            .position(|h| h.text.split(' ').filter(|part| part.contains('：')).count() >= 2)
        else {
            continue;
        };
        let line = items[k].head_group[pos].clone();
        let parts: Vec<&str> = line.text.split(' ').collect();
        let headless: Vec<usize> = (0..k)
            .rev()
            .take_while(|&j| items[j].head_group.is_empty())
            .collect();
        if parts.len() < 2 || headless.len() < parts.len() - 1 {
            continue;
        }
        let mut owners: Vec<usize> = headless.into_iter().take(parts.len() - 1).collect();
        owners.reverse();
        owners.push(k);
        items[k].head_group.remove(pos);
        for (owner, part) in owners.into_iter().zip(parts) {
            items[owner].head_group.push(HeadLine {
                text: part.to_string(),
                line: line.line,
            });
        }
    }
}

fn starts_with_district(text: &str, district_names: &[&str]) -> bool {
    district_names.iter().any(|d| text.starts_with(d))
}

/// Picks headline and deck: from the headline group printed after the story if
/// there is one, else from the headings of the body. A line naming the district
/// first is the headline; then one of the form `主题：…`; then the first line.
fn choose_title(item: &mut Item, district_names: &[&str]) {
    if title_from_head_group(item, district_names) || title_from_body(item, district_names) {
        return;
    }
    infer_title(item);
}

/// The headline among the lines printed as the item's headline group: one
/// that starts with a district's name, else one with a colon, else the
/// first; the others make the deck. Whether a title was found.
fn title_from_head_group(item: &mut Item, district_names: &[&str]) -> bool {
    if item.head_group.is_empty() {
        return false;
    }
    let rank = |text: &str| {
        if starts_with_district(text, district_names) {
            0
        } else if text.contains('：') {
            1
        } else {
            2
        }
    };
    let group = std::mem::take(&mut item.head_group);
    let best = group
        .iter()
        .enumerate()
        .filter(|(_, h)| !h.text.starts_with("——"))
        .min_by_key(|(i, h)| (rank(&h.text), *i))
        .map(|(i, _)| i);
    for (i, line) in group.into_iter().enumerate() {
        let text = line.text.trim_start_matches('—').to_string();
        let line = HeadLine {
            text,
            line: line.line,
        };
        if Some(i) == best {
            item.title = Some(line);
        } else if item.deck.is_none() {
            item.deck = Some(line);
        } else if let Some(deck) = &mut item.deck {
            deck.text.push(' ');
            deck.text.push_str(&line.text);
        }
    }
    item.title.is_some()
}

/// A heading of the body taken as the headline (the first that starts with
/// a district's name, else a heading the body starts with), and a heading
/// printed next to it as the deck. Whether a title was found.
fn title_from_body(item: &mut Item, district_names: &[&str]) -> bool {
    let chosen = item
        .body
        .iter()
        .position(|b| {
            b.kind == BlockKind::Heading
                && !b.text.contains("——")
                && !b.in_labelled_section
                && starts_with_district(&b.text, district_names)
        })
        .or_else(|| (item.body.first()?.kind == BlockKind::Heading).then_some(0));
    let Some(i) = chosen else {
        return false;
    };
    let deck_index = [i.checked_sub(1), Some(i + 1)]
        .into_iter()
        .flatten()
        .find(|&j| {
            item.body.get(j).is_some_and(|b| {
                // printed next to the headline: at most one blank line between
                let title = &item.body[i];
                let apart = if j < i {
                    title.first.saturating_sub(b.last)
                } else {
                    b.first.saturating_sub(title.last)
                };
                b.kind == BlockKind::Heading && !b.text.contains("——") && apart <= 2
            })
        });
    item.title = Some(HeadLine {
        text: item.body[i].text.clone(),
        line: item.body[i].first,
    });
    if let Some(j) = deck_index {
        item.deck = Some(HeadLine {
            text: item.body[j].text.clone(),
            line: item.body[j].first,
        });
    }
    let mut removed = vec![i];
    removed.extend(deck_index);
    remove_blocks(item, &removed);
    true
}

/// Gives an item the headline its format marks: it replaces an inferred
/// title; a heading of the body taken as the title becomes the deck.
pub fn set_headline(item: &mut Item, text: &str, line: usize) {
    let chosen = item.title.replace(HeadLine {
        text: text.to_string(),
        line,
    });
    if !item.title_inferred && item.deck.is_none() {
        item.deck = chosen.filter(|c| c.text != text);
    }
    item.title_inferred = false;
    item.first = item.first.min(line);
}

/// Makes an item start at `line`: the index of the item that starts there,
/// splitting the item around it before its first block at or after `line`
/// (captions go with the blocks they follow). `None` when no item holds the
/// line or nothing of the item follows it.
pub fn split_at_line(all: &mut Vec<Item>, line: usize) -> Option<usize> {
    if let Some(k) = all.iter().position(|i| i.first == line) {
        return Some(k);
    }
    let k = all.iter().position(|i| i.first < line && line <= i.last)?;
    let at = all[k].body.iter().position(|b| b.first >= line)?;
    if at == 0 {
        all[k].first = line;
        return Some(k);
    }
    let old = &mut all[k];
    let body = old.body.split_off(at);
    let (kept, moved): (Vec<_>, Vec<_>) = std::mem::take(&mut old.captions)
        .into_iter()
        .partition(|c| c.after.is_none_or(|a| a < at) && c.first < line);
    old.captions = kept;
    let last = old.last;
    old.last = old.body.last().map_or(old.first, |b| b.last);
    let mut new = Item {
        first: line,
        last,
        date: old.date,
        date_basis: old.date_basis.clone(),
        body,
        captions: moved
            .into_iter()
            .map(|mut c| {
                c.after = c.after.and_then(|a| a.checked_sub(at));
                c
            })
            .collect(),
        ..Item::default()
    };
    infer_title(&mut new);
    all.insert(k + 1, new);
    Some(k + 1)
}

/// Gives an item what its record printed before the story: captions, a
/// deck, the byline and its names.
pub fn set_record_head(item: &mut Item, head: &super::format::RecordHead, line: usize) {
    for caption in &head.captions {
        item.captions.push(ItemCaption {
            text: caption.clone(),
            credit: None,
            first: line,
            last: line,
            after: None,
        });
    }
    if item.deck.is_none()
        && let Some(deck) = &head.deck
    {
        item.deck = Some(HeadLine {
            text: deck.clone(),
            line,
        });
    }
    if let Some(byline) = &head.byline {
        item.bylines.insert(0, byline.clone());
        for name in super::format::byline_names(byline) {
            if !item.authors.contains(&name) {
                item.authors.push(name);
            }
        }
    }
}

fn remove_blocks(item: &mut Item, removed: &[usize]) {
    let old_len = item.body.len();
    let mut new_index = vec![None; old_len];
    let mut next = 0;
    for (i, slot) in new_index.iter_mut().enumerate() {
        if !removed.contains(&i) {
            *slot = Some(next);
            next += 1;
        }
    }
    for caption in &mut item.captions {
        caption.after = caption
            .after
            .and_then(|a| (0..=a).rev().find_map(|k| new_index[k]));
    }
    let mut i = 0;
    item.body.retain(|_| {
        let keep = !removed.contains(&i);
        i += 1;
        keep
    });
}

/// A story printed without headline (a continuation from another page) is
/// titled by the first clause of its text, and marked as such.
fn infer_title(item: &mut Item) {
    let Some(first) = item.body.iter().find(|b| b.kind == BlockKind::Paragraph) else {
        return;
    };
    let clause: String = first
        .text
        .chars()
        .take_while(|c| !matches!(c, '，' | '。' | '；' | '：'))
        .collect();
    let clause: String = clause.chars().take(30).collect();
    item.title = Some(HeadLine {
        text: clause,
        line: first.first,
    });
    item.title_inferred = true;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::segment::{looks_like_heading, segment_page};

    #[test]
    fn headline_after_the_body_belongs_to_that_story() {
        let page = "本报讯（记者 钱秋韵）1月7日，该支队启动春运交通安保工作。\n\n我区启动2023春运交通安保工作\n\n强化警力值守 确保路畅人安\n\n本报讯（记者 刘静）1月4日，我区获表彰。\n\n市第五届人大代表履职贡献奖出炉\n";
        let items = split_items(&segment_page(page), &["江北"]);
        assert_eq!(items.len(), 2);
        assert_eq!(
            items[0].title.as_ref().unwrap().text,
            "我区启动2023春运交通安保工作"
        );
        assert_eq!(
            items[0].deck.as_ref().unwrap().text,
            "强化警力值守 确保路畅人安"
        );
        assert_eq!(items[0].authors, ["钱秋韵"]);
        assert_eq!(
            items[1].title.as_ref().unwrap().text,
            "市第五届人大代表履职贡献奖出炉"
        );
    }

    #[test]
    fn shared_headline_line_is_split() {
        let page = "本报讯（记者 甲乙）软件企业增多。\n\n本报讯（记者 甲乙）千兆城市获评。\n\n10条措施：发展壮大软件 千兆城市：赋能转型\n";
        let items = split_items(&segment_page(page), &["江北"]);
        assert_eq!(
            items[0].title.as_ref().unwrap().text,
            "10条措施：发展壮大软件"
        );
        assert_eq!(items[1].title.as_ref().unwrap().text, "千兆城市：赋能转型");
    }

    #[test]
    fn looks_like_heading_is_conservative() {
        assert!(looks_like_heading("打造社区“文化圈”"));
        assert!(!looks_like_heading(
            "另一方面，经过充分研判后，寸滩街道党工委专门"
        ));
    }
}
