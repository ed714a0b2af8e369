//! Reading a seed's format: the carrier a text comes in, read into parts that
//! the line stages then segment one by one. A plain page is one part. A
//! scraped dump holds one record per line, each opened by its field label
//! (`2023-07-25 13:11，正文：`): each record is a part, the label dropped and
//! its timestamp kept as the record's date. A Markdown text (`.md`) has its
//! front matter, inline HTML, links and rules read as such, and each heading
//! of the level that opens stories starts a part with that heading as its
//! headline. Parts keep the seed's line numbers.

use crate::content::date::Date;

/// A stretch of a seed read on its own: its text (lines as in the seed, the
/// format's markup replaced by blank space) and the line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub first_line: usize,
    pub text: String,
    /// A date the format states for the part (a record's timestamp, a
    /// Markdown text's front matter).
    pub date: Option<Date>,
    /// Where that date was read.
    pub date_basis: Option<String>,
    /// The headline the format marks (a Markdown heading) and its line; its
    /// line is blank in `text`.
    pub headline: Option<(String, usize)>,
    /// What a scraped record prints before its story, taken out of `text`:
    /// photo captions, a deck, the byline or dateline.
    pub head: RecordHead,
}

/// The head of a scraped record: what the page glued before the story.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecordHead {
    pub captions: Vec<String>,
    pub deck: Option<String>,
    pub byline: Option<String>,
}

/// The parts of a seed named `name`.
pub fn read_parts(name: &str, text: &str) -> Vec<Part> {
    if is_markdown(name) {
        return super::markdown_seed::parts(text).unwrap_or_else(|| vec![whole(text)]);
    }
    if super::html_seed::is_html(name) {
        return split_at_further_stories(headed_by_first_line(text));
    }
    let text = drop_running_heads(text);
    if let Some(page) = web_page(&text) {
        return vec![page];
    }
    match record_parts(&text) {
        // what a record prints before its story is read only in records
        Some(records) => records
            .into_iter()
            .flat_map(split_at_further_stories)
            .map(original_title)
            .map(record_head)
            .collect(),
        None => split_at_further_stories(whole(&text))
            .into_iter()
            .map(original_title)
            .collect(),
    }
}

/// How far into a record its head may reach, in characters.
const HEAD_REACH: usize = 300;

/// Endings of the outlet's name before `记者` in a web byline (`大众网记者`).
const OUTLET_ENDINGS: &[&str] = &["新闻", "网", "报", "台", "社"];

/// The head of a record, taken out of its text: a dateline (`红网时刻益阳
/// 7月24日讯（通讯员 …）`) with the sentences before it, which are the photos'
/// captions (or the deck, when the story says it again); or a web byline
/// (`大众网记者 侯畅 通讯员 钟灿昊 济宁报道`) with the caption glued before it.
fn record_head(mut part: Part) -> Part {
    if let Some(head) = dateline_head(&part.text).or_else(|| byline_head(&part.text)) {
        let (head, rest) = head;
        part.head = head;
        part.text = rest;
    }
    part
}

/// `…外景。红网时刻益阳7月24日讯（通讯员 刘静远）7月19日，…`.
fn dateline_head(text: &str) -> Option<(RecordHead, String)> {
    let reach: usize = text.chars().take(HEAD_REACH).map(char::len_utf8).sum();
    let mark = ["日讯（", "日讯(", "日电（", "日电("]
        .iter()
        .filter_map(|m| text[..reach].find(m).map(|at| (at, m.len())))
        .min()?;
    let close = text[mark.0 + mark.1..].find(['）', ')'])? + mark.0 + mark.1;
    let close = close + text[close..].chars().next()?.len_utf8();
    let start = text[..mark.0].rfind(['。', '！', '？']).map_or(0, |p| {
        p + text[p..].chars().next().map_or(0, char::len_utf8)
    });
    // the dateline names its place and date only: no more than a few words
    if text[start..mark.0].chars().count() > 16 {
        return None;
    }
    let story = &text[close..];
    let mut head = RecordHead {
        byline: Some(text[start..close].to_string()),
        ..RecordHead::default()
    };
    for sentence in text[..start].split_inclusive(['。', '！', '？']) {
        let sentence = sentence.trim();
        if sentence.is_empty() {
            continue;
        }
        if head.deck.is_none() && story.contains(sentence) {
            head.deck = Some(sentence.to_string());
        } else {
            head.captions.push(sentence.to_string());
        }
    }
    Some((head, story.to_string()))
}

/// `街道开展宣讲活动大众网记者 侯畅 通讯员 钟灿昊 济宁报道今年以来，…`.
fn byline_head(text: &str) -> Option<(RecordHead, String)> {
    let reach: usize = text.chars().take(80).map(char::len_utf8).sum();
    let end = text[..reach].find("报道")? + "报道".len();
    let head = &text[..end];
    if head.contains(['。', '！', '？', '，']) {
        return None;
    }
    let reporter = head.find("记者")?;
    // the outlet's name ends right before 记者
    let before = &head[..reporter];
    let outlet = OUTLET_ENDINGS
        .iter()
        .filter(|e| before.ends_with(**e))
        .map(|_| {
            before
                .char_indices()
                .rev()
                .take(5)
                .map(|(i, _)| i)
                .find(|&i| {
                    let name = &before[i..];
                    name.chars().count() >= 3 && OUTLET_ENDINGS.iter().any(|e| name.ends_with(e))
                })
                .unwrap_or(reporter)
        })
        .min()
        .unwrap_or(reporter);
    let caption = head[..outlet].trim();
    let head = RecordHead {
        captions: (!caption.is_empty() && caption.chars().count() <= 40)
            .then(|| caption.to_string())
            .into_iter()
            .collect(),
        byline: Some(head[outlet..].trim().to_string()),
        deck: None,
    };
    Some((head, text[end..].to_string()))
}

/// The names of a byline: words of two or three Han characters that are not
/// a role (`记者`, `通讯员`).
pub fn byline_names(byline: &str) -> Vec<String> {
    byline
        .split(|c: char| c.is_whitespace() || matches!(c, '（' | '）' | '(' | ')' | '、'))
        .filter(|w| {
            let n = w.chars().count();
            (2..=3).contains(&n)
                && w.chars().all(crate::chars::is_han)
                && !matches!(*w, "记者" | "通讯员" | "实习生" | "记者站")
        })
        .map(str::to_string)
        .collect()
}

/// Words of the lines that end a web page's story: its controls, the lists
/// that follow it, its footer.
const PAGE_END_MARKS: &[&str] = &[
    "打印",
    "关闭",
    "关闭窗口",
    "打印本页",
    "收藏",
    "分享到",
    "返回顶部",
    "上一篇",
    "下一篇",
    "相关阅读",
    "相关新闻",
    "热新闻",
    "热门推荐",
    "我要跟帖",
    "发送邮件至",
    "特别声明",
    "打印本頁",
    "關閉",
    "相關新聞",
];

/// What only a page's footer says.
const FOOTER_MARKS: &[&str] = &[
    "ICP备",
    "ICP证",
    "公网安备",
    "版权所有",
    "Copyright",
    "技术支持：",
];

/// Separators between a page's headline and its site in the `<title>` line
/// (`标题_政务_澎湃新闻`, `标题 | 网站`).
const TITLE_SEPARATORS: &[char] = &['_', '|', '｜', '-', '–', '—'];

/// A line of running text: long, with a sentence end.
fn is_running_text(line: &str) -> bool {
    line.chars().count() >= 60 && line.contains(['。', '！', '？'])
}

/// A saved web page as text: its `<title>` on the first line and the same
/// headline again where the story starts (the page's own heading), with the
/// site's menus before it. The story runs from the first line of running
/// text after the heading to the page's controls or footer; the rest is the
/// site's, and reads as blank lines. `None` when the text is not such a page.
fn web_page(text: &str) -> Option<Part> {
    let lines: Vec<&str> = text.split('\n').collect();
    let title = lines.first()?.trim();
    let echo = (1..lines.len()).find(|&i| {
        let line = lines[i].trim();
        line.chars().count() >= 6
            && (line == title
                || title
                    .strip_prefix(line)
                    .is_some_and(|rest| rest.trim_start().starts_with(TITLE_SEPARATORS)))
    })?;
    let body = (echo + 1..lines.len()).find(|&i| is_running_text(lines[i]))?;
    let end = (body + 1..lines.len())
        .find(|&i| {
            let line = lines[i].trim();
            FOOTER_MARKS.iter().any(|m| line.contains(m))
                || !is_running_text(line) && PAGE_END_MARKS.iter().any(|m| line.starts_with(m))
        })
        .unwrap_or(lines.len());
    let kept = |i: usize| (body..end).contains(&i);
    let text = lines
        .iter()
        .enumerate()
        .map(|(i, l)| if kept(i) { *l } else { "" })
        .collect::<Vec<_>>()
        .join("\n");
    Some(Part {
        first_line: 1,
        text,
        date: None,
        date_basis: None,
        headline: Some((lines[echo].trim().to_string(), echo + 1)),
        head: RecordHead::default(),
    })
}

/// Labels a scraped record gives its headline with.
const ORIGINAL_TITLE_LABELS: &[&str] = &["本文原标题：", "原标题：", "原標題："];

/// A record that opens with `原标题：`: the headline is the start of its
/// first sentence, where the page glued the first photo's caption on without
/// a break. The caption starts where a word is printed twice in a row
/// (`…座谈会座谈会现场照片`), or else after the first closing quote followed
/// by text (`…“七彩暑假”开展…`); never inside the headline's own last part
/// (after its last space).
fn original_title(mut part: Part) -> Part {
    let Some(rest) = ORIGINAL_TITLE_LABELS
        .iter()
        .find_map(|l| part.text.strip_prefix(l))
    else {
        return part;
    };
    let first_line_end = rest.find('\n').unwrap_or(rest.len());
    let sentence_end = rest[..first_line_end]
        .find(['。', '！', '？'])
        .unwrap_or(first_line_end);
    let sentence = &rest[..sentence_end];
    let min = sentence.rfind([' ', '\u{3000}']).map_or(0, |p| p + 1);
    let cut = repeated_word_at(sentence, min)
        .or_else(|| closing_quote_before_text(sentence, min))
        .unwrap_or(sentence.len());
    let headline = sentence[..cut].trim();
    if headline.is_empty() || headline.chars().count() > 60 || headline.contains(['，', '。']) {
        return part;
    }
    let (headline, text) = (headline.to_string(), rest[cut..].to_string());
    part.headline = Some((headline, part.first_line));
    part.text = text;
    part
}

/// Where the second of a word printed twice in a row starts (at or after
/// byte `min`).
fn repeated_word_at(text: &str, min: usize) -> Option<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(at, _)) in chars.iter().enumerate() {
        if at < min {
            continue;
        }
        for len in 2..=6 {
            if k + 2 * len > chars.len() {
                break;
            }
            let word = &chars[k..k + len];
            let again = &chars[k + len..k + 2 * len];
            let same = word.iter().zip(again).all(|(a, b)| a.1 == b.1);
            if same && word.iter().all(|(_, c)| crate::chars::is_han(*c)) {
                return Some(chars[k + len].0);
            }
        }
    }
    None
}

/// Just after the first closing quote (at or after byte `min`) that Han text
/// follows.
fn closing_quote_before_text(text: &str, min: usize) -> Option<usize> {
    text.char_indices()
        .filter(|(i, c)| *i >= min && matches!(c, '”' | '」' | '》' | '）'))
        .map(|(i, c)| i + c.len_utf8())
        .find(|&end| text[end..].chars().next().is_some_and(crate::chars::is_han))
}

/// Marks that open a further story inside a line, right after a sentence
/// of the story before (`…基本生活。又讯(记者 陈晨)8月1日，…`).
const FURTHER_STORY: &[&str] = &["又讯(", "又讯（"];

/// A part split where a further story starts inside one of its lines; the
/// new part starts on that line, with the rest of it. One pass over the text.
fn split_at_further_stories(part: Part) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut first_line = part.first_line;
    for (k, line) in part.text.split('\n').enumerate() {
        if k > 0 {
            text.push('\n');
        }
        let mut rest = line;
        while let Some(at) = further_story_at(rest) {
            text.push_str(&rest[..at]);
            parts.push(Part {
                first_line,
                text: std::mem::take(&mut text),
                ..part.clone()
            });
            first_line = part.first_line + k;
            // the mark now starts the part: look for the next one after it
            let mark = rest[at..].chars().next().map_or(0, char::len_utf8);
            text.push_str(&rest[at..at + mark]);
            rest = &rest[at + mark..];
        }
        text.push_str(rest);
    }
    parts.push(Part {
        first_line,
        text,
        ..part
    });
    parts
}

/// Where a further story's mark starts in a line, right after a sentence.
fn further_story_at(line: &str) -> Option<usize> {
    FURTHER_STORY
        .iter()
        .filter_map(|m| {
            line.match_indices(m)
                .map(|(at, _)| at)
                .find(|&at| line[..at].ends_with(['。', '！', '？', '”']))
        })
        .min()
}

/// A whole text as one part.
fn whole(text: &str) -> Part {
    Part {
        first_line: 1,
        text: text.to_string(),
        date: None,
        date_basis: None,
        headline: None,
        head: RecordHead::default(),
    }
}

/// Longest running header or footer of a printed page, in characters.
const RUNNING_HEAD_MAX: usize = 40;

/// A page number on a line of its own: `5042`, `- 12 -`, `第3页`, `3/20`.
fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    let t = t.strip_prefix('第').unwrap_or(t);
    let t = t
        .strip_suffix('页')
        .or_else(|| t.strip_suffix('頁'))
        .unwrap_or(t);
    let t = t.trim_matches(|c: char| c == '-' || c == '—' || c == '–' || c.is_whitespace());
    let digits = |s: &str| (1..=5).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    digits(t)
        || t.split_once('/')
            .is_some_and(|(a, b)| digits(a.trim()) && digits(b.trim()))
}

/// Blanks the running headers and footers of a printed page and the page
/// numbers beside them: a short line that is not a sentence, printed at
/// least three times, mostly within two lines of a page number (or a form
/// feed). Their lines stay, blank, so that line numbers hold and a sentence
/// the page break cut reads on across the gap.
fn drop_running_heads(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let near_page_mark = |i: usize| {
        (i.saturating_sub(2)..(i + 3).min(lines.len()))
            .any(|j| j != i && (is_page_number(lines[j]) || lines[j].contains('\u{c}')))
    };
    let mut seen: std::collections::HashMap<&str, (usize, usize)> = Default::default();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim().trim_matches('\u{c}');
        if t.is_empty()
            || t.chars().count() > RUNNING_HEAD_MAX
            || super::text::ends_sentence(t)
            || is_page_number(t)
        {
            continue;
        }
        let entry = seen.entry(t).or_default();
        entry.0 += 1;
        entry.1 += usize::from(near_page_mark(i));
    }
    let heads: std::collections::HashSet<&str> = seen
        .into_iter()
        .filter(|(_, (n, paged))| *n >= 3 && paged * 3 >= n * 2)
        .map(|(t, _)| t)
        .collect();
    if heads.is_empty() {
        return text.replace('\u{c}', "");
    }
    let is_head = |i: usize| heads.contains(lines[i].trim().trim_matches('\u{c}'));
    let mut blank = vec![false; lines.len()];
    for i in (0..lines.len()).filter(|&i| is_head(i)) {
        blank[i] = true;
        let around = i.saturating_sub(2)..(i + 3).min(lines.len());
        for j in around.filter(|&j| is_page_number(lines[j])) {
            blank[j] = true;
        }
    }
    lines
        .iter()
        .zip(&blank)
        .map(|(l, b)| if *b { "" } else { l.trim_matches('\u{c}') })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A text whose first line is its headline (a saved web page's text, as
/// [`super::html_seed`] writes it): one part, the headline taken out.
fn headed_by_first_line(text: &str) -> Part {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let mut part = whole(&format!("\n{rest}"));
    let headline = first.trim();
    if !headline.is_empty() {
        part.headline = Some((headline.to_string(), 1));
    }
    part
}

/// Lines of a seed its format leaves out of every part (line numbers from
/// 1), and why.
pub fn left_out(name: &str, text: &str) -> std::collections::BTreeMap<usize, &'static str> {
    let mut out = std::collections::BTreeMap::new();
    let lines: Vec<&str> = text.split('\n').collect();
    if !is_markdown(name) && !super::html_seed::is_html(name) {
        for (i, kept) in drop_running_heads(text).split('\n').enumerate() {
            if kept.trim().is_empty() && lines.get(i).is_some_and(|l| !l.trim().is_empty()) {
                out.insert(i + 1, "running head or page number");
            }
        }
    }
    let mut held = vec![false; lines.len() + 1];
    for part in read_parts(name, text) {
        for (i, line) in part.text.split('\n').enumerate() {
            if let Some(h) = held.get_mut(part.first_line + i) {
                *h |= !line.trim().is_empty();
            }
        }
        if let Some((_, line)) = &part.headline {
            held[(*line).min(lines.len())] = true;
        }
    }
    for (i, line) in lines.iter().enumerate() {
        if !held[i + 1] && !line.trim().is_empty() {
            out.entry(i + 1).or_insert(if is_markdown(name) {
                "markup outside the stories"
            } else {
                "page chrome outside the story"
            });
        }
    }
    out
}

/// Whether a seed is read as Markdown.
pub fn is_markdown(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// The field label that opens a record of a scraped dump, as printed after
/// an optional timestamp and an empty title field: `，正文：`.
const RECORD_LABELS: &[&str] = &["，正文：", ",正文：", "，正文:", ",正文:"];

/// A record's label at the start of a line: the length of the label with
/// its timestamp, and the timestamp.
fn record_label(line: &str) -> Option<(usize, Option<&str>)> {
    let stamp_len = timestamp_len(line);
    let rest = &line[stamp_len..];
    let label = RECORD_LABELS.iter().find(|l| rest.starts_with(**l))?;
    let stamp = (stamp_len > 0).then(|| line[..stamp_len].trim());
    Some((stamp_len + label.len(), stamp))
}

/// Length in bytes of a leading `YYYY-MM-DD[ HH:MM[:SS]]`, or 0.
fn timestamp_len(line: &str) -> usize {
    let b = line.as_bytes();
    let digits = |from: usize, n: usize| {
        b.len() >= from + n && b[from..from + n].iter().all(u8::is_ascii_digit)
    };
    let is_day = digits(0, 4)
        && b.get(4) == Some(&b'-')
        && digits(5, 2)
        && b.get(7) == Some(&b'-')
        && digits(8, 2);
    if !is_day {
        return 0;
    }
    let mut end = 10;
    if matches!(b.get(10), Some(b' ' | b'T')) && digits(11, 2) && b.get(13) == Some(&b':') {
        end = if digits(14, 2) { 16 } else { 10 };
        if end == 16 && b.get(16) == Some(&b':') && digits(17, 2) {
            end = 19;
        }
    }
    end
}

/// The records of a scraped dump, if the text is one: every line that opens
/// with a record label starts a record, which runs to the next.
fn record_parts(text: &str) -> Option<Vec<Part>> {
    let lines: Vec<&str> = text.lines().collect();
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| record_label(l.trim_start()).is_some())
        .map(|(i, _)| i)
        .collect();
    let first = *starts.first()?;
    let mut parts = Vec::with_capacity(starts.len() + 1);
    if lines[..first].iter().any(|l| !l.trim().is_empty()) {
        parts.push(Part {
            first_line: 1,
            text: lines[..first].join("\n"),
            date: None,
            date_basis: None,
            headline: None,
            head: RecordHead::default(),
        });
    }
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        let line = lines[start].trim_start();
        let (label_len, stamp) = record_label(line).expect("a record line");
        let mut text = line[label_len..].to_string();
        for rest in &lines[start + 1..end] {
            text.push('\n');
            text.push_str(rest);
        }
        let date = stamp.and_then(|s| s.get(..10)).and_then(|d| d.parse().ok());
        parts.push(Part {
            first_line: start + 1,
            text,
            date,
            date_basis: date
                .and(stamp)
                .map(|s| format!("timestamp of the record: {s}")),
            headline: None,
            head: RecordHead::default(),
        });
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dump_is_read_record_by_record_with_its_timestamps() {
        let text = "2023-07-25 13:11，正文：原标题：甲\n2023-08-05 09:55:24，正文：乙。\n续行。\n，正文：丙。";
        let parts = read_parts("dump.txt", text);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0].first_line, 1);
        assert_eq!(parts[0].headline, Some(("甲".to_string(), 1)));
        assert_eq!(parts[0].date.unwrap().to_string(), "2023-07-25");
        assert_eq!(
            (parts[1].first_line, parts[1].text.as_str()),
            (2, "乙。\n续行。")
        );
        assert_eq!(
            parts[1].date_basis.as_deref(),
            Some("timestamp of the record: 2023-08-05 09:55:24")
        );
        assert_eq!((parts[2].first_line, parts[2].date), (4, None));
    }

    #[test]
    fn running_heads_and_page_numbers_are_blanked_and_sentences_read_on() {
        let page = |n: usize| format!("议事录  ─  2013年 2月 21日\n\n{n}\n");
        let text = format!(
            "{}第一页的句子一直\n{}写到第二页。\n{}第三页。\n主席，我谨此陈辞。\n主席，我谨此陈辞。\n主席，我谨此陈辞。",
            page(1),
            page(2),
            page(3)
        );
        let out = drop_running_heads(&text);
        assert_eq!(out.lines().count(), text.lines().count());
        assert!(!out.contains("议事录") && !out.contains("\n2\n"), "{out}");
        // a repeated sentence is not a running head
        assert_eq!(out.matches("主席，我谨此陈辞。").count(), 3);
        assert!(is_page_number("- 12 -") && is_page_number("第3页") && is_page_number("3 / 20"));
        assert!(!is_page_number("2023年") && !is_page_number("123456"));
    }

    #[test]
    fn a_further_story_inside_a_line_is_a_part_of_its_own() {
        let text = "，正文：本报讯(记者 甲)一场雨。群众安置妥当。又讯(记者 乙 丙)8月1日，第二件事。\n续行。";
        let parts = read_parts("dump.txt", text);
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert_eq!(parts[0].text, "本报讯(记者 甲)一场雨。群众安置妥当。");
        assert_eq!(
            (parts[1].first_line, parts[1].text.as_str()),
            (1, "又讯(记者 乙 丙)8月1日，第二件事。\n续行。")
        );
        // a mark that is not after a sentence is left alone
        assert_eq!(read_parts("a.txt", "他又讯(问)道").len(), 1);
    }

    #[test]
    fn a_record_original_title_is_cut_from_the_caption_glued_to_it() {
        let title = |text: &str| {
            read_parts("dump.txt", &format!("，正文：原标题：{text}"))[0]
                .headline
                .clone()
                .map(|(t, _)| t)
        };
        assert_eq!(
            title("桃江县牛田镇召开“八一”退役军人座谈会座谈会现场照片。正文。").as_deref(),
            Some("桃江县牛田镇召开“八一”退役军人座谈会")
        );
        assert_eq!(
            title("益阳医专：移动科普展下乡点亮儿童“七彩暑假”开展“杏林文化沁童心，弘扬国粹促成长”移动科普展活动。").as_deref(),
            Some("益阳医专：移动科普展下乡点亮儿童“七彩暑假”")
        );
        assert_eq!(
            title("办好民生“食”事 赫山区新增9个“益老食堂”赫山区银山社区“益老食堂”外景。")
                .as_deref(),
            Some("办好民生“食”事 赫山区新增9个“益老食堂”")
        );
    }

    #[test]
    fn a_web_page_keeps_its_story_and_headline_and_drops_the_site() {
        let story = "全县固定资产投资完成246.79亿元，完成年度计划82.3%，同比增长15.3%，增速比上月回落，投资结构继续优化，重大项目带动作用明显。";
        let text = format!(
            "投资结构趋稳趋优_政务_网站\n首页\n当前位置：\n投资结构趋稳趋优\n发布日期：2016-11-22\n{story}\n第二段也是正文的一部分，说的是重大项目的进展情况，全年计划顺利推进之中。\n打印\n关闭\n备案号：浙ICP备05018911号"
        );
        let parts = read_parts("page.txt", &text);
        assert_eq!(parts.len(), 1);
        let part = &parts[0];
        assert_eq!(part.headline, Some(("投资结构趋稳趋优".to_string(), 4)));
        assert_eq!(part.text.split('\n').count(), text.split('\n').count());
        assert!(part.text.contains(story) && part.text.contains("第二段"));
        assert!(
            !part.text.contains("首页")
                && !part.text.contains("打印")
                && !part.text.contains("ICP")
        );
        // a page whose first line is not repeated is no web page
        assert!(
            read_parts("a.txt", &format!("标题\n{story}"))[0]
                .headline
                .is_none()
        );
    }

    #[test]
    fn a_record_head_gives_captions_deck_and_byline() {
        let text = "，正文：原标题：办好民生“食”事 赫山区新增9个“益老食堂”赫山区银山社区“益老食堂”外景。着力解决老年人助餐问题。红网时刻益阳7月24日讯（通讯员 李成刚 谢文杰）7月19日，着力解决老年人助餐问题。";
        let part = &read_parts("d.txt", text)[0];
        assert_eq!(part.head.captions, ["赫山区银山社区“益老食堂”外景。"]);
        assert_eq!(part.head.deck.as_deref(), Some("着力解决老年人助餐问题。"));
        let byline = part.head.byline.clone().unwrap();
        assert_eq!(byline, "红网时刻益阳7月24日讯（通讯员 李成刚 谢文杰）");
        assert_eq!(byline_names(&byline), ["李成刚", "谢文杰"]);
        assert!(part.text.starts_with("7月19日"));
        let text = "，正文：街道开展政务公开知识宣讲活动大众网记者 侯畅 通讯员 钟灿昊 孟怡娜 济宁报道今年以来，我区开展活动。";
        let part = &read_parts("d.txt", text)[0];
        assert_eq!(part.head.captions, ["街道开展政务公开知识宣讲活动"]);
        assert_eq!(
            part.head.byline.as_deref(),
            Some("大众网记者 侯畅 通讯员 钟灿昊 孟怡娜 济宁报道")
        );
        assert!(part.text.starts_with("今年以来"));
    }

    #[test]
    fn a_page_without_record_labels_is_one_part() {
        let text = "江北 实施民生行动\n\n正文：民生无小事。";
        assert_eq!(read_parts("page.txt", text).len(), 1);
        assert_eq!(timestamp_len("2023-07-25 13:11，"), 16);
        assert_eq!(timestamp_len("2023-07-25，"), 10);
        assert_eq!(timestamp_len("2023年7月"), 0);
    }
}
