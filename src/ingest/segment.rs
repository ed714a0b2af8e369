//! Page segmentation: turns the lines of a seed into typed segments (paragraph
//! text, headings, labels, lists, captions, bylines, credits, page marks),
//! rejoining hard-wrapped lines and sentences broken by blank lines or captions.

use super::text::{collapse_doubled, collapse_repeat, ends_sentence, is_han, remove_stray_spaces};

/// One printed line of a seed, numbered from 1: usually one line of the
/// file, or several where a line cut at the page's column width goes on.
#[derive(Debug, Clone)]
pub struct SrcLine {
    pub no: usize,
    /// Last line of the file the printed line takes (`no` unless it was cut).
    pub last: usize,
    pub text: String,
    /// Printed width of the widest file line it takes, and of its last one.
    pub width: f64,
    pub last_width: f64,
}

/// What a stretch of the page is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// Body text; `dateline` is a leading `本报讯（记者 …）`.
    Text {
        text: String,
        dateline: Option<Byline>,
    },
    /// A short line without sentence end: a headline, deck or section heading.
    /// `glued` headings were printed on the line right above their paragraph.
    Heading { text: String, glued: bool },
    /// A section label such as `核心提示`, `数读民生`, `链接`.
    Label(String),
    /// A bulleted list.
    List(Vec<String>),
    /// A photo caption and its photographer, if credited.
    Caption {
        text: String,
        credit: Option<String>,
    },
    /// Names of the writers, possibly followed by a picture credit.
    Byline {
        byline: Byline,
        credit: Option<String>,
    },
    /// A picture credit line (`图片除署名外由…提供`).
    Credit(String),
    /// A continuation mark such as `（上接1版）`.
    Continued(String),
}

/// A byline as printed (`记者 刘静`, `本报讯（记者 王偲媞）`) and the names in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Byline {
    pub printed: String,
    pub names: Vec<String>,
}

/// A typed stretch of the page with its line range.
#[derive(Debug, Clone)]
pub struct Segment {
    pub kind: Kind,
    pub first: usize,
    pub last: usize,
    /// Blank lines before the segment on the page.
    pub gap_before: usize,
}

const LABELS: &[&str] = &[
    "核心提示",
    "数读民生",
    "链接",
    "相关链接",
    "编者按",
    "延伸阅读",
];

/// Splits a seed's text into segments.
pub fn segment_page(text: &str) -> Vec<Segment> {
    segment_lines(text, 1)
}

/// [`segment_page`] of a part of a seed whose first line is line `first_line`.
pub fn segment_lines(text: &str, first_line: usize) -> Vec<Segment> {
    // the page's column is found once, for joining cut lines and for
    // telling a text never wrapped
    let raw: Vec<&str> = text.lines().collect();
    let column = Column::of(&raw);
    let unwrapped = is_unwrapped(&raw, &column);
    let lines = join_cut_lines(&raw, &column, first_line - 1);
    let mut segments = Vec::new();
    let mut gap = 0;
    let mut run: Vec<SrcLine> = Vec::new();
    for line in lines {
        if line.text.is_empty() {
            if !run.is_empty() {
                split_run(std::mem::take(&mut run), gap, unwrapped, &mut segments);
                gap = 0;
            }
            gap += 1;
        } else {
            run.push(line);
        }
    }
    if !run.is_empty() {
        split_run(run, gap, unwrapped, &mut segments);
    }
    reclassify_captions(&mut segments);
    join_broken_paragraphs(segments)
}

/// An empty field of a scraped record (`[]`, `【】`) or a rule of a typed
/// page (`---`, `***`, `|`): not text.
fn is_empty_field_or_rule(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(compact.as_str(), "[]" | "【】" | "（）" | "()")
        || compact.chars().count() >= 3
            && ['-', '*', '_', '=', '~', '※']
                .iter()
                .any(|m| compact.chars().all(|c| c == *m))
        || !compact.is_empty() && compact.chars().all(|c| matches!(c, '|' | '｜'))
}

/// The printed lines of a page. A page extracted from narrow columns is cut
/// at the column width: a line as long as the page's column (see [`Column`])
/// that ends neither a sentence nor a heading glued to its paragraph by a
/// dash goes on on the next line, unless that line starts something of its
/// own (a caption, byline, credit, continuation mark or list entry). Such
/// lines are joined, so that headlines, bylines, credits and captions cut by
/// the column are read whole.
fn join_cut_lines(raw: &[&str], column: &Column, offset: usize) -> Vec<SrcLine> {
    let trim = |l: &str| {
        l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .to_string()
    };
    let mut lines: Vec<SrcLine> = Vec::with_capacity(raw.len());
    let mut continues = false;
    for (i, l) in raw.iter().enumerate() {
        let text = trim(l);
        // an empty field or a rule of the page reads as a blank line
        let text = if is_empty_field_or_rule(&text) {
            String::new()
        } else {
            text
        };
        let starts_own = |text: &str| {
            text.is_empty()
                || is_caption_start(text)
                || parse_byline_or_credit(text).is_some()
                || continued_mark(text).is_some()
                || is_list_line(text)
        };
        match lines.last_mut() {
            Some(prev) if continues && !starts_own(&text) => {
                // a cut at a space keeps the space
                if l.starts_with(' ') || raw[i - 1].ends_with(' ') {
                    prev.text.push(' ');
                }
                let width = display_width(&text);
                prev.text.push_str(&text);
                prev.last = offset + i + 1;
                prev.width = prev.width.max(width);
                prev.last_width = width;
            }
            _ => {
                let width = display_width(&text);
                lines.push(SrcLine {
                    no: offset + i + 1,
                    last: offset + i + 1,
                    text,
                    width,
                    last_width: width,
                })
            }
        }
        // a line ending in a dash is a heading glued to its paragraph
        continues = column.reached_by(l)
            && lines
                .last()
                .is_some_and(|prev| !ends_sentence(&prev.text) && !prev.text.ends_with("——"));
    }
    lines
}

/// Where a page's lines were cut, if they were: the most common length of
/// its lines of 6 or more, when at least a quarter of them (and 4 or more)
/// have it. Counted both in characters and in printed width (ASCII ½), since
/// a page may have been cut by either.
struct Column {
    chars: Option<usize>,
    /// Printed width, in half-widths.
    halves: Option<usize>,
}

impl Column {
    fn of(lines: &[&str]) -> Column {
        let chars: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
        let halves: Vec<usize> = lines
            .iter()
            .map(|l| (display_width(l) * 2.0) as usize)
            .collect();
        Column {
            chars: most_common(&chars, 6),
            halves: most_common(&halves, 12),
        }
    }

    /// Whether a line of the file reaches the column, give or take one
    /// character (cuts are uneven by that much), and so was cut there.
    fn reached_by(&self, line: &str) -> bool {
        self.chars.is_some_and(|w| line.chars().count() + 1 >= w)
            || self
                .halves
                .is_some_and(|w| (display_width(line) * 2.0) as usize + 2 >= w)
    }
}

/// The most common of the values of at least `min`, when a quarter of those
/// (and 4 or more) have it.
fn most_common(values: &[usize], min: usize) -> Option<usize> {
    let mut counts: std::collections::BTreeMap<usize, usize> = Default::default();
    let mut long = 0;
    for &n in values.iter().filter(|&&n| n >= min) {
        *counts.entry(n).or_default() += 1;
        long += 1;
    }
    let (&value, &count) = counts
        .iter()
        .max_by_key(|(v, c)| (**c, std::cmp::Reverse(**v)))?;
    (count >= 4 && count * 4 >= long).then_some(value)
}

/// Lines longer than this are paragraphs, not lines of a column.
const PARAGRAPH_LINE: usize = 60;

/// Whether a text was never wrapped: it has no column, and most of its text
/// is in lines longer than any column (a web page or a document saved as
/// text). Each of its lines is a paragraph or heading of its own.
fn is_unwrapped(raw: &[&str], column: &Column) -> bool {
    if column.chars.is_some() || column.halves.is_some() {
        return false;
    }
    let (mut long, mut all) = (0, 0);
    for line in raw {
        let n = line.trim().chars().count();
        all += n;
        if n > PARAGRAPH_LINE {
            long += n;
        }
    }
    all > 0 && long * 2 >= all
}

/// Splits one run of consecutive non-empty lines into segments.
fn split_run(run: Vec<SrcLine>, gap: usize, unwrapped: bool, out: &mut Vec<Segment>) {
    // In wide text every line is a paragraph; in narrow columns a sentence that
    // ends on a line much shorter than the column ends its paragraph.
    let run_width = run.iter().map(|l| l.width).fold(0.0, f64::max);
    let mut split = RunSplit {
        run: &run,
        acc: Vec::new(),
        gap_before: gap,
        after_glued: false,
        out,
    };
    let mut i = 0;
    while i < run.len() {
        // each shape of line, tried in turn, takes the lines it reads
        let taken = split
            .continued(i)
            .or_else(|| split.caption(i))
            .or_else(|| split.byline(i))
            .or_else(|| split.glued_heading(i))
            .or_else(|| split.speech_title(i));
        match taken {
            Some(next) => i = next,
            None => {
                let ends_paragraph = split.acc.last().is_some_and(|prev| {
                    unwrapped && !(is_list_line(&prev.text) && is_list_line(&run[i].text))
                        || ends_sentence(&prev.text)
                            && (run_width > 40.0 || prev.last_width < run_width * 0.6)
                });
                if ends_paragraph {
                    split.flush();
                }
                split.acc.push(&run[i]);
                i += 1;
            }
        }
    }
    split.flush();
}

/// `政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上 国务院总理 李强`
/// → (`政府工作报告`, `2024年3月5日在第十四届全国人民代表大会第二次会议上 国务院总理 李强`).
fn speech_title_parts(line: &str) -> Option<(String, String)> {
    let (title, rest) = line.split_once("——")?;
    let title = title.trim();
    let n = title.chars().count();
    if !(2..=30).contains(&n) || title.contains(['。', '，', '；']) {
        return None;
    }
    // an optional date, then 在 … 上 within a meeting's name
    let after_date = rest
        .find('日')
        .filter(|&d| {
            rest[..d]
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '年' | '月' | ' '))
        })
        .map_or(rest, |d| &rest[d + '日'.len_utf8()..]);
    let meeting = after_date.strip_prefix('在')?;
    let up = meeting.find('上')?;
    if meeting[..up].chars().count() > 40 || meeting[..up].contains(['。', '，']) {
        return None;
    }
    let tail = &meeting[up + '上'.len_utf8()..];
    let tail = ["的讲话", "的报告", "的致辞"]
        .iter()
        .find_map(|w| tail.strip_prefix(w))
        .unwrap_or(tail);
    let speaker: String = tail.split_whitespace().collect::<Vec<_>>().join(" ");
    if speaker.chars().count() > 20 || speaker.contains(['。', '，']) {
        return None;
    }
    let head = &rest[..rest.len() - tail.len()];
    let deck = if speaker.is_empty() {
        head.trim().to_string()
    } else {
        format!("{} {speaker}", head.trim())
    };
    Some((title.to_string(), deck))
}

/// Longest pending text a caption or glued heading may take up, in characters.
const GLUED_MAX: usize = 60;

/// The state of splitting one run: the text lines waiting to become a
/// paragraph, and what was written so far.
struct RunSplit<'a, 'o> {
    run: &'a [SrcLine],
    acc: Vec<&'a SrcLine>,
    gap_before: usize,
    /// Text printed right under a glued heading is body text, however short.
    after_glued: bool,
    out: &'o mut Vec<Segment>,
}

impl<'a> RunSplit<'a, '_> {
    fn push(&mut self, kind: Kind, first: usize, last: usize) {
        self.out.push(Segment {
            kind,
            first,
            last,
            gap_before: self.gap_before,
        });
        self.gap_before = 0;
    }

    fn flush(&mut self) {
        flush_text(
            &mut self.acc,
            self.after_glued,
            self.out,
            &mut self.gap_before,
        );
    }

    /// The pending text, when it is short enough to be glued to what follows
    /// (each pending line has at least one character, so many lines never are).
    fn short_pending(&self) -> Option<String> {
        (self.acc.len() <= GLUED_MAX)
            .then(|| join_lines(self.acc.iter().map(|l| l.text.as_str())))
            .filter(|p| p.chars().count() <= GLUED_MAX)
    }

    /// A continuation mark (`（上接1版）`) and the text after it on its line.
    fn continued(&mut self, i: usize) -> Option<usize> {
        let line = &self.run[i];
        let mark = continued_mark(&line.text)?;
        self.flush();
        self.push(Kind::Continued(mark.to_string()), line.no, line.last);
        let rest = line.text[mark.len()..].trim();
        if !rest.is_empty() {
            self.out.push(Segment {
                kind: classify_text(rest),
                first: line.no,
                last: line.last,
                gap_before: 0,
            });
        }
        Some(i + 1)
    }

    /// A photo caption, with the lines it was wrapped over.
    fn caption(&mut self, i: usize) -> Option<usize> {
        let run = self.run;
        let line = &run[i];
        if !is_caption_start(&line.text) {
            return None;
        }
        // a caption wrapped over several lines ends with its credit
        if line_has_credit(&line.text)
            && !self.acc.is_empty()
            && let Some(pending) = self.short_pending()
            && !pending.contains(['。', '；', '！', '？'])
            && pending.chars().count() + line.text.chars().count() <= GLUED_MAX
        {
            let first = self.acc[0].no;
            self.acc.clear();
            self.push(
                parse_caption(&format!("{pending}{}", line.text)),
                first,
                line.last,
            );
            return Some(i + 1);
        }
        self.flush();
        // a ▲ caption runs on to the line with its credit (or to the next ▲)
        let mut j = i;
        if line.text.starts_with('▲') {
            while !line_has_credit(&run[j].text)
                && j + 1 < run.len()
                && !run[j + 1].text.starts_with('▲')
            {
                j += 1;
            }
        }
        // a photographer's name wrapped onto the next line
        if j + 1 < run.len() && credit_name_is_cut(&run[j].text, &run[j + 1].text) {
            j += 1;
        }
        let text = join_lines(run[i..=j].iter().map(|l| l.text.as_str()));
        self.push(parse_caption(&text), line.no, run[j].last);
        Some(j + 1)
    }

    /// A byline or credit line, or a byline whose picture credit is wrapped
    /// onto the next line.
    fn byline(&mut self, i: usize) -> Option<usize> {
        let line = &self.run[i];
        if let Some(kind) = parse_byline_or_credit(&line.text) {
            self.flush();
            self.push(kind, line.no, line.last);
            return Some(i + 1);
        }
        let next = self.run.get(i + 1)?;
        if !line.text.contains(' ') {
            return None;
        }
        let kind = parse_byline_or_credit(&format!("{}{}", line.text, next.text))?;
        matches!(
            kind,
            Kind::Byline {
                credit: Some(_),
                ..
            }
        )
        .then(|| {
            self.flush();
            self.push(kind, line.no, next.last);
            i + 2
        })
    }

    /// The title line of a speech or report: `<title>——<date>在<meeting>上
    /// [的讲话] <office> <name>`, read as the headline and a deck.
    fn speech_title(&mut self, i: usize) -> Option<usize> {
        let line = &self.run[i];
        let (title, deck) = speech_title_parts(&line.text)?;
        self.flush();
        let glued = false;
        self.push(Kind::Heading { text: title, glued }, line.no, line.last);
        self.push(Kind::Heading { text: deck, glued }, line.no, line.last);
        Some(i + 1)
    }

    /// A heading printed on the line above its paragraph, ending in `——`.
    fn glued_heading(&mut self, i: usize) -> Option<usize> {
        let line = &self.run[i];
        if !line.text.ends_with("——") || i + 1 >= self.run.len() {
            return None;
        }
        let candidate = format!("{}{}", self.short_pending()?, line.text);
        if candidate.chars().count() > 24 || candidate.contains(['。', '，']) {
            return None;
        }
        let first = self.acc.first().map_or(line.no, |l| l.no);
        self.acc.clear();
        let text = candidate.trim_end_matches('—').to_string();
        self.push(Kind::Heading { text, glued: true }, first, line.last);
        self.after_glued = true;
        Some(i + 1)
    }
}

/// Turns the pending text lines of a run into one segment: a list, body text
/// (right under a glued heading), or whatever the text looks like.
fn flush_text(
    acc: &mut Vec<&SrcLine>,
    after_glued: bool,
    out: &mut Vec<Segment>,
    gap_before: &mut usize,
) {
    let (Some(first), Some(last)) = (acc.first(), acc.last()) else {
        return;
    };
    let joined = join_lines(acc.iter().map(|l| l.text.as_str()));
    let kind = if acc.iter().all(|l| is_list_line(&l.text)) {
        Kind::List(
            acc.iter()
                .map(|l| remove_stray_spaces(strip_bullet(&l.text)))
                .collect(),
        )
    } else if after_glued {
        body_text(&joined)
    } else {
        classify_text(&joined)
    };
    out.push(Segment {
        kind,
        first: first.no,
        last: last.last,
        gap_before: *gap_before,
    });
    *gap_before = 0;
    acc.clear();
}

/// Printed width of a line: Chinese characters count 1, ASCII characters ½.
fn display_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
        .sum()
}

/// Joins hard-wrapped lines. Chinese has no spaces between words, and the
/// pages never break a Latin word without a hyphen, so nothing is added.
fn join_lines<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    lines.collect()
}

fn continued_mark(line: &str) -> Option<&str> {
    for (open, close) in [("（上接", "版）"), ("（下转", "版）"), ("(上接", "版)")] {
        if let Some(rest) = line.strip_prefix(open)
            && let Some(end) = rest.find(close)
            && rest[..end].chars().all(|c| c.is_ascii_digit() || c == ' ')
        {
            return Some(&line[..open.len() + end + close.len()]);
        }
    }
    None
}

fn line_has_credit(line: &str) -> bool {
    line.contains("摄/") || line.contains("摄摄//") || line.contains("摄／")
}

/// Whether the photographer's name after `摄/` goes on on the next line.
fn credit_name_is_cut(line: &str, next: &str) -> bool {
    let Some(at) = line.rfind("摄/") else {
        return false;
    };
    let name = line[at + "摄/".len()..].trim();
    name.chars().count() < 2 && next.chars().count() <= 3 && next.chars().all(is_han)
        || name.chars().count() == 2 && next.chars().count() == 1 && next.chars().all(is_han)
}

fn is_caption_start(line: &str) -> bool {
    line.starts_with('▲') || line_has_credit(line)
}

fn parse_caption(text: &str) -> Kind {
    let text = collapse_doubled(text);
    let text = text.trim_start_matches('▲').trim();
    let (caption, credit) = match text.rfind("摄/").or_else(|| text.rfind("摄／")) {
        Some(at) => {
            let credit = text[at..]
                .trim_start_matches("摄/")
                .trim_start_matches("摄／")
                .trim();
            (text[..at].trim(), Some(collapse_repeat(credit)))
        }
        None => (text, None),
    };
    Kind::Caption {
        text: remove_stray_spaces(&collapse_repeat(caption)),
        credit,
    }
}

fn is_person_name(token: &str) -> bool {
    let n = token.chars().count();
    (2..=3).contains(&n) && token.chars().all(is_han)
}

/// A line of reporters' names (`王彩艳 杨敏`, `记者 刘静`), possibly followed by
/// a picture credit, or a credit line alone.
fn parse_byline_or_credit(line: &str) -> Option<Kind> {
    if let Some(credit) = picture_credit(line)
        && credit.len() == line.trim().len()
    {
        return Some(Kind::Credit(credit.to_string()));
    }
    let line = line.trim();
    // each word with the byte offset it starts at, so that what follows the
    // names is cut from the line as printed, whatever spaces separate them
    let mut tokens: Vec<(usize, &str)> = line
        .split_whitespace()
        .map(|t| (t.as_ptr() as usize - line.as_ptr() as usize, t))
        .collect();
    let role = matches!(tokens.first(), Some((_, "记者" | "本报记者" | "通讯员")));
    if role {
        tokens.remove(0);
    }
    let mut names = Vec::new();
    let mut rest_at = None;
    for &(at, token) in &tokens {
        if is_person_name(token) {
            names.push(token.to_string());
        } else {
            rest_at = Some(at);
            break;
        }
    }
    let credit = match rest_at {
        None => None,
        Some(at) => Some(
            picture_credit(&line[at..])
                .filter(|c| c.len() == line[at..].len())?
                .to_string(),
        ),
    };
    let enough = names.len() >= 2 || (role && !names.is_empty());
    let printed = match rest_at {
        Some(at) => line[..at].trim().to_string(),
        None => line.to_string(),
    };
    enough.then_some(Kind::Byline {
        byline: Byline { printed, names },
        credit,
    })
}

fn picture_credit(text: &str) -> Option<&str> {
    let text = text.trim();
    (text.starts_with("图片") && text.ends_with("提供") && text.chars().count() <= 30)
        .then_some(text)
}

fn is_list_line(line: &str) -> bool {
    ["- ", "• ", "· ", "●"].iter().any(|b| line.starts_with(b))
}

fn strip_bullet(line: &str) -> &str {
    line.trim_start_matches(['-', '•', '·', '●']).trim_start()
}

/// Whether a text has the shape of a heading rather than of a sentence.
pub fn looks_like_heading(text: &str) -> bool {
    let n = text.chars().count();
    if is_scene_heading(text) {
        return true;
    }
    // a heading never leaves a quotation or bracket open
    let balanced = text.matches('“').count() == text.matches('”').count()
        && text.matches('（').count() == text.matches('）').count()
        && text.matches('《').count() == text.matches('》').count();
    let shaped = balanced
        && !ends_sentence(text)
        && !text.contains('。')
        && (!text.contains('，') || text.contains("——"));
    // a headline line may carry several parts separated by spaces
    // print sets the parts of a headline apart with any kind of space
    let spaces = [' ', '\u{3000}', '\u{2002}', '\u{a0}'];
    let parts_short = text.split(spaces).all(|p| p.chars().count() <= 32);
    shaped && (n <= 32 || (n <= 64 && text.contains(spaces) && parts_short && !text.contains('，')))
}

/// `镜头1 …`: numbered scene headings, which may end in punctuation.
fn is_scene_heading(text: &str) -> bool {
    text.strip_prefix("镜头")
        .and_then(|r| r.chars().next())
        .is_some_and(|c| c.is_ascii_digit())
}

fn classify_text(joined: &str) -> Kind {
    let trimmed = joined.trim();
    if line_has_credit(trimmed) && !trimmed.contains('。') && trimmed.chars().count() <= 60 {
        return parse_caption(trimmed);
    }
    if LABELS.contains(&trimmed) {
        return Kind::Label(trimmed.to_string());
    }
    if looks_like_heading(trimmed) {
        let text = trimmed.trim_end_matches('—').to_string();
        return Kind::Heading { text, glued: false };
    }
    body_text(trimmed)
}

fn body_text(joined: &str) -> Kind {
    let (text, dateline) = split_dateline(joined.trim());
    Kind::Text {
        text: remove_stray_spaces(text),
        dateline,
    }
}

/// `本报讯（记者 王偲媞）正文` → (`正文`, `本报讯（记者 王偲媞）` with [`王偲媞`]);
/// likewise `又讯(记者 陈晨)`.
fn split_dateline(text: &str) -> (&str, Option<Byline>) {
    let Some((mark, rest)) = DATELINE_MARKS
        .iter()
        .find_map(|m| text.strip_prefix(m).map(|rest| (*m, rest)))
    else {
        return (text, None);
    };
    if let Some(inner) = rest.strip_prefix('（').or_else(|| rest.strip_prefix('('))
        && let Some(end) = inner.find(['）', ')'])
    {
        let names = inner[..end]
            .split_whitespace()
            .filter(|t| !matches!(*t, "记者" | "通讯员" | "本报记者"))
            .map(str::to_string)
            .collect();
        let close = inner[end..].chars().next().map_or(0, char::len_utf8);
        let body = &inner[end + close..];
        let printed = text[..text.len() - body.len()].to_string();
        return (body, Some(Byline { printed, names }));
    }
    (
        rest,
        Some(Byline {
            printed: mark.into(),
            names: Vec::new(),
        }),
    )
}

/// Words that open a story's first paragraph as its dateline: `本报讯`, and
/// `又讯` for a further story printed on from the one before.
pub const DATELINE_MARKS: &[&str] = &["本报讯", "又讯"];

/// Short heading-shaped stretches that are really photo captions without credit:
/// those set apart by the wide gap the page leaves around pictures, and short
/// name-like lines printed right after another caption.
fn reclassify_captions(segments: &mut [Segment]) {
    for i in 0..segments.len() {
        let Kind::Heading { text, glued: false } = &segments[i].kind else {
            continue;
        };
        let after_caption = i > 0
            && matches!(segments[i - 1].kind, Kind::Caption { .. })
            && segments[i].gap_before <= 1
            && !text.contains(' ')
            && !text.contains("——")
            && text.chars().count() <= 16;
        // blank lines before the first thing on a page set nothing apart
        let set_apart = i > 0 && segments[i].gap_before >= 3 && !is_scene_heading(text);
        if after_caption || set_apart {
            segments[i].kind = parse_caption(text);
        }
    }
}

/// Rejoins paragraphs broken by a blank line or by a caption printed in the
/// middle of a sentence. Captions found inside move after the joined paragraph.
fn join_broken_paragraphs(segments: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(segments.len());
    let mut held: Vec<Segment> = Vec::new(); // captions met while a paragraph is open
    for seg in segments {
        // captions are held only while the last segment out is open text, so
        // with captions held the paragraph they interrupt is the last one out
        let open = out.last().is_some_and(is_open_text);
        match &seg.kind {
            Kind::Caption { .. } | Kind::Credit(_) if open => held.push(seg),
            Kind::Text {
                text,
                dateline: None,
            } if open => {
                let last = out.last_mut().expect("open paragraph");
                if let Kind::Text { text: before, .. } = &mut last.kind {
                    before.push_str(text);
                }
                last.last = seg.last;
                out.append(&mut held);
            }
            _ => {
                out.append(&mut held);
                out.push(seg);
            }
        }
    }
    out.append(&mut held);
    out
}

fn is_open_text(seg: &Segment) -> bool {
    // `any` stops at the first Han character, which a growing paragraph keeps near its start
    matches!(&seg.kind, Kind::Text { text, .. } if !ends_sentence(text) && text.chars().any(is_han))
}

#[cfg(test)]
mod speech_title_tests {
    use super::speech_title_parts;

    #[test]
    fn a_report_title_line_gives_headline_and_deck() {
        let (t, d) = speech_title_parts(
            "政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上国务院总理\u{2002}李强",
        )
        .unwrap();
        assert_eq!(t, "政府工作报告");
        assert_eq!(
            d,
            "2024年3月5日在第十四届全国人民代表大会第二次会议上 国务院总理 李强"
        );
        assert!(speech_title_parts("深耕基层治理——“两眼向下”服务群众紧盯“最后一公里”").is_none());
        assert!(speech_title_parts("养老服务“三级联动”提质增效——").is_none());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        segment_page(text).into_iter().map(|s| s.kind).collect()
    }

    #[test]
    fn hard_wraps_and_blank_lines_inside_sentences_are_joined() {
        let page = "创新构建“政府主导+市场引擎+社会参\n\n与”的养老服务体系，退费时长压减\n80%。\n";
        assert_eq!(
            kinds(page),
            vec![Kind::Text {
                text: "创新构建“政府主导+市场引擎+社会参与”的养老服务体系，退费时长压减80%。"
                    .into(),
                dateline: None
            }]
        );
    }

    #[test]
    fn caption_in_the_middle_of_a_sentence_moves_after_it() {
        let page = "普惠性幼儿园在园幼儿比例保持在85%以上，小\n\n\n\n市民群众在三溪公园休憩\n\n区配套幼儿园治理率达100%。\n";
        let k = kinds(page);
        assert_eq!(k.len(), 2, "{k:?}");
        assert!(
            matches!(&k[0], Kind::Text { text, .. } if text.ends_with("小区配套幼儿园治理率达100%。"))
        );
        assert!(
            matches!(&k[1], Kind::Caption { text, credit: None } if text == "市民群众在三溪公园休憩")
        );
    }

    #[test]
    fn bylines_credits_captions_and_datelines() {
        let page = "鲜活注脚。\n王彩艳 陈佳佳 图片除署名外由江北区教委提供\n 市民在鸿恩寺图书馆阅读 摄/李显彦\n\n本报讯（记者 王偲媞）“砰砰砰……”1月8日，爆破。\n";
        let k = kinds(page);
        assert!(
            matches!(&k[1], Kind::Byline { byline, credit: Some(c) } if byline.names == ["王彩艳", "陈佳佳"] && byline.printed == "王彩艳 陈佳佳" && c.contains("江北区教委"))
        );
        assert!(matches!(&k[2], Kind::Caption { credit: Some(c), .. } if c == "李显彦"));
        assert!(
            matches!(&k[3], Kind::Text { dateline: Some(d), text } if d.names == ["王偲媞"] && d.printed == "本报讯（记者 王偲媞）" && text.starts_with("“砰砰砰"))
        );
    }

    #[test]
    fn glued_heading_is_split_from_its_paragraph() {
        let k = kinds(
            "城市更新有机生\n长——\n\n江北区打造18公里滨江步道。\n\n养老服务“三级联动”提质增效——\n创新构建体系。\n",
        );
        assert_eq!(
            k[0],
            Kind::Heading {
                text: "城市更新有机生长".into(),
                glued: false
            }
        );
        assert_eq!(
            k[2],
            Kind::Heading {
                text: "养老服务“三级联动”提质增效".into(),
                glued: true
            }
        );
    }
}
