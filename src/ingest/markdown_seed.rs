//! Markdown seeds: a news text or a digest written in Markdown. Front matter
//! gives the text's date; inline HTML tags, link targets, images and
//! thematic breaks are markup, not text; headings mark stories. The level of
//! heading that opens stories is the one most often followed by a paragraph
//! of running text (at least [`STORY_HAN`] Han characters); each such heading
//! starts a part whose first line is the headline, and what comes before the
//! first story (a programme header, a lead) is the page's, not a story.

use super::format::Part;
use crate::content::date::Date;

/// Han characters in the paragraph after a heading that make it a story's.
const STORY_HAN: usize = 40;

/// Media tags a digest puts before a headline (`[视频]`, `【图文】`).
const MEDIA_TAGS: &[&str] = &[
    "视频", "图文", "图片", "音频", "直播", "组图", "图集", "視頻", "圖文", "圖片",
];

/// Link texts that are controls of the page, not words of the story.
const LINK_CONTROLS: &[&str] = &[
    "查看视频",
    "观看视频",
    "阅读原文",
    "原文链接",
    "点击查看",
    "查看原文",
    "↗",
];

/// The stories of a Markdown text as parts, or `None` when it has no
/// heading that opens a story (it is then read as one page).
pub fn parts(text: &str) -> Option<Vec<Part>> {
    let lines: Vec<&str> = text.lines().collect();
    let (body_from, date) = front_matter(&lines);
    let plain: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i < body_from {
                String::new()
            } else {
                plain_line(l)
            }
        })
        .collect();
    let level = story_level(&lines, &plain, body_from)?;
    let starts: Vec<usize> = (body_from..lines.len())
        .filter(|&i| heading_level(lines[i]) == Some(level))
        .collect();
    let mut parts = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        // a heading of a higher level ends the story before it
        let end = (start + 1..end)
            .find(|&i| heading_level(lines[i]).is_some_and(|l| l < level))
            .unwrap_or(end);
        // a heading with no text under it (a programme's header) is no story
        if plain[start + 1..end].iter().all(|l| l.trim().is_empty()) {
            continue;
        }
        let mut text = String::new();
        for line in &plain[start + 1..end] {
            text.push('\n');
            text.push_str(line);
        }
        parts.push(Part {
            first_line: start + 1,
            text,
            date,
            date_basis: date.map(|_| "date of the Markdown text's front matter".to_string()),
            headline: Some((headline(lines[start]), start + 1)),
            head: Default::default(),
        });
    }
    Some(parts)
}

/// Where the text after front matter starts, and the date it gives.
fn front_matter(lines: &[&str]) -> (usize, Option<Date>) {
    if lines
        .first()
        .map(|l| l.trim_start_matches('\u{feff}').trim())
        != Some("---")
    {
        return (0, None);
    }
    let Some(close) = lines.iter().skip(1).position(|l| l.trim() == "---") else {
        return (0, None);
    };
    let yaml = lines[1..=close].join("\n");
    let date = serde_yaml::from_str::<serde_yaml::Value>(&yaml)
        .ok()
        .and_then(|v| DATE_KEYS.iter().find_map(|k| v.get(*k).cloned()))
        .and_then(|v| serde_yaml::from_value::<Date>(v).ok());
    (close + 2, date)
}

/// Refuses a Markdown seed whose front matter is not YAML, is never closed,
/// or gives a date that is not one, naming the line.
pub fn check_front_matter(path: &std::path::Path, text: &str) -> crate::Result<()> {
    let lines: Vec<&str> = text.lines().collect();
    if lines
        .first()
        .map(|l| l.trim_start_matches('\u{feff}').trim())
        != Some("---")
    {
        return Ok(());
    }
    let Some(close) = lines.iter().skip(1).position(|l| l.trim() == "---") else {
        return Err(crate::Error::at_line(
            path,
            1,
            "front matter opened here is never closed by a `---` line",
        ));
    };
    let yaml = lines[1..=close].join("\n");
    let value = serde_yaml::from_str::<serde_yaml::Value>(&yaml)
        .map_err(|e| crate::yaml::error(path, &e, 1))?;
    for key in DATE_KEYS {
        if let Some(date) = value.get(*key) {
            serde_yaml::from_value::<Date>(date.clone()).map_err(|e| {
                let line = crate::yaml::line_of_key(&yaml, key).map_or(1, |l| l + 1);
                crate::Error::at_line(path, line, format!("{key}: {e}"))
            })?;
        }
    }
    Ok(())
}

/// Front-matter keys that give a Markdown text's date.
const DATE_KEYS: &[&str] = &["date", "publishDate", "pubDate"];

/// `### 标题` → 3.
fn heading_level(line: &str) -> Option<usize> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    ((1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t'])).then_some(hashes)
}

/// The level of heading that opens stories: the one most often followed by a
/// paragraph of running text.
fn story_level(lines: &[&str], plain: &[String], from: usize) -> Option<usize> {
    let mut counts = [0usize; 7];
    for i in from..lines.len() {
        let Some(level) = heading_level(lines[i]) else {
            continue;
        };
        let next = plain[i + 1..]
            .iter()
            .zip(&lines[i + 1..])
            .take_while(|(_, raw)| heading_level(raw).is_none())
            .map(|(p, _)| p)
            .find(|p| !p.trim().is_empty());
        if next.is_some_and(|p| p.chars().filter(|c| crate::chars::is_han(*c)).count() >= STORY_HAN)
        {
            counts[level] += 1;
        }
    }
    let (level, &count) = counts
        .iter()
        .enumerate()
        .max_by_key(|(l, c)| (**c, 7 - l))?;
    (count > 0).then_some(level)
}

/// A heading's text: without its marks and a leading media tag.
fn headline(line: &str) -> String {
    let text = plain_line(line.trim_start_matches('#'));
    let text = text.trim();
    for (open, close) in [("[", "]"), ("【", "】")] {
        if let Some(rest) = text.strip_prefix(open)
            && let Some((tag, after)) = rest.split_once(close)
            && MEDIA_TAGS.contains(&tag)
        {
            return after.trim().to_string();
        }
    }
    text.to_string()
}

/// A line's text without Markdown and HTML markup: thematic breaks, images,
/// links to the page's controls and tags are blank; a link keeps its text;
/// list and quote marks go.
fn plain_line(line: &str) -> String {
    let trimmed = line.trim();
    let rule = trimmed.len() >= 3
        && ['-', '*', '_']
            .iter()
            .any(|m| trimmed.chars().all(|c| c == *m || c == ' '));
    if rule {
        return String::new();
    }
    let text = strip_tags(&links_to_text(trimmed));
    let text = text.trim_start_matches(['>', ' ']);
    let text = text
        .strip_prefix("- ")
        .or_else(|| text.strip_prefix("* "))
        .unwrap_or(text);
    text.trim().to_string()
}

/// `[文字](url)` → `文字`, `![alt](src)` → nothing; a link whose text is a
/// control of the page (`查看视频 ↗`) → nothing.
fn links_to_text(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let image = rest[..open].ends_with('!');
        let after = &rest[open + 1..];
        let Some(close) = after.find("](") else {
            break;
        };
        let Some(end) = after[close + 2..].find(')') else {
            break;
        };
        let label = &after[..close];
        out.push_str(&rest[..open - usize::from(image)]);
        let control = LINK_CONTROLS.iter().any(|c| label.contains(c));
        if !image && !control {
            out.push_str(label);
        }
        rest = &after[close + 2 + end + 1..];
    }
    out.push_str(rest);
    out
}

/// Text without HTML tags (`<p class="lead">…</p>` → `…`).
fn strip_tags(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_tag = false;
    for c in line.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIGEST: &str = "---\ntitle: \"完整文字稿\"\ndate: \"2026-06-18\"\n---\n\n<p class=\"lead\">共 2 条。</p>\n\n### 《新闻联播》 20260618\n\n[查看视频 ↗](https://example.org/v)\n\n---\n\n### [视频]第一条新闻的标题\n\n[查看视频 ↗](https://example.org/1)\n\n央视网消息（新闻联播）：今天上午，第一条新闻所说的事情在北京举行，来自各地的代表参加了会议并听取了报告。\n\n---\n\n### [视频]第二条\n\n央视网消息（新闻联播）：第二条新闻说的是另一件事，有关部门今天发布消息，全国各地的工作正在稳步推进之中。\n";

    #[test]
    fn a_digest_gives_one_part_per_story_with_its_headline() {
        let parts = parts(DIGEST).expect("stories");
        // the programme header has no story under it
        assert_eq!(parts.len(), 2, "{parts:?}");
        let (title, line) = parts[0].headline.clone().unwrap();
        assert_eq!((title.as_str(), line), ("第一条新闻的标题", 14));
        assert!(parts[0].text.contains("央视网消息"));
        assert!(!parts[0].text.contains("查看视频") && !parts[0].text.contains("https"));
        assert!(!parts[0].text.contains("---"));
        assert_eq!(parts[0].first_line, 14);
        assert_eq!(parts[1].date.unwrap().to_string(), "2026-06-18");
        // the parts keep the seed's lines, the headline's blank
        assert_eq!(parts[0].text.matches('\n').count() + 1, 8);
    }

    #[test]
    fn markup_is_not_text() {
        assert_eq!(
            plain_line("见[这篇报道](http://x)与![图](a.png)"),
            "见这篇报道与"
        );
        assert_eq!(plain_line("<p class=\"lead\">导语</p>"), "导语");
        assert_eq!(plain_line("- 列表项"), "列表项");
        assert_eq!(plain_line("***"), "");
        assert_eq!(headline("### 【图文】标题"), "标题");
        assert_eq!(
            headline("### 【党旗在基层】林丹：标题"),
            "【党旗在基层】林丹：标题"
        );
    }
}
