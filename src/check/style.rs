//! House-style checks of the English (`docs/house-style.md`), in the manner
//! of translation QA tools: straight quotes, headlines not in sentence case,
//! double spaces, small numbers in digits, Chinese characters outside a
//! gloss, one Chinese paragraph translated two ways, very long sentences.
//! Each finding names file, line and paragraph (or front-matter field).

use super::{CheckReport, Finding, Severity, at};
use crate::chars::is_han;
use crate::content::model::Article;
use crate::markdown::to_plain_text;
use crate::render::format::MONTHS;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// Longest English sentence, in words, before `check` warns.
const LONG_SENTENCE: usize = 45;

/// One piece of English to check: where it is, what it is, its text.
struct Piece<'a> {
    line: usize,
    what: String,
    text: std::borrow::Cow<'a, str>,
    headline: bool,
}

/// Checks the English of every translated article against the house style.
pub fn check_style(articles: &[Article], report: &mut CheckReport) {
    let proper = capitalised_mid_sentence(articles);
    for article in articles {
        let Some(translation) = &article.translation else {
            continue;
        };
        let raw = std::fs::read_to_string(&translation.path).unwrap_or_default();
        for piece in pieces(article, &raw) {
            let location = at(&translation.path, piece.line);
            let mut say = |severity, message: String| {
                report.findings.push(Finding {
                    severity,
                    location: location.clone(),
                    message: format!("{}: {message}", piece.what),
                });
            };
            for problem in text_problems(&piece.text) {
                say(Severity::Error, problem);
            }
            for problem in number_problems(&piece.text, !piece.what.starts_with("fact label")) {
                say(Severity::Warning, problem);
            }
            if piece.headline
                && let Some(word) = title_case_word(&piece.text, &proper)
            {
                say(
                    Severity::Error,
                    format!(
                        "headline is not in sentence case: `{word}` is capitalised (house style: capitals only on the first word and proper nouns)"
                    ),
                );
            }
            for sentence in long_sentences(&piece.text) {
                say(
                    Severity::Warning,
                    format!(
                        "a sentence of {} words (house style: at most {LONG_SENTENCE}): “{}…”",
                        sentence.0, sentence.1
                    ),
                );
            }
        }
    }
    translated_two_ways(articles, report);
}

/// Checks the English guides against the house style, line by line.
pub fn check_guides(guides: &[crate::content::guides::Guide], report: &mut CheckReport) {
    for guide in guides {
        let Some(en) = &guide.en else {
            report.findings.push(Finding {
                severity: Severity::Warning,
                location: at(&guide.zh.path, 1),
                message: format!("guide {} has no English translation", guide.slug),
            });
            continue;
        };
        let raw = std::fs::read_to_string(&en.path).unwrap_or_default();
        let body_from = raw.len() - en.markdown.len();
        let first_line = raw[..body_from].lines().count() + 1;
        let title = std::iter::once((front_line(&raw, "title:"), en.title.clone()));
        let lines = en
            .markdown
            .lines()
            .enumerate()
            .map(|(k, line)| (first_line + k, to_plain_text(line)));
        for (line, text) in title.chain(lines) {
            let mut problems = text_problems(&text);
            problems.extend(long_sentences(&text).into_iter().map(|(n, start)| {
                format!(
                    "a sentence of {n} words (house style: at most {LONG_SENTENCE}): “{start}…”"
                )
            }));
            for message in problems {
                report.findings.push(Finding {
                    severity: Severity::Error,
                    location: at(&en.path, line),
                    message: format!("guide {}: {message}", guide.slug),
                });
            }
        }
    }
}

/// The pieces of English of one translation: headline, deck, summary,
/// context, captions, fact labels and blocks.
fn pieces<'a>(article: &'a Article, raw: &str) -> Vec<Piece<'a>> {
    let Some(translation) = &article.translation else {
        return Vec::new();
    };
    let front = &translation.front;
    let line_of = |key: &str| front_line(raw, key);
    let mut pieces = vec![Piece {
        line: line_of("title:"),
        what: "title".into(),
        text: front.title.as_str().into(),
        headline: true,
    }];
    for (key, value) in [
        ("deck", &front.deck),
        ("summary", &front.summary),
        ("context", &front.context),
    ] {
        if let Some(value) = value {
            pieces.push(Piece {
                line: line_of(&format!("{key}:")),
                what: key.into(),
                text: to_plain_text(value).into(),
                headline: false,
            });
        }
    }
    for (i, caption) in front.figures.iter().enumerate() {
        pieces.push(Piece {
            line: line_of("figures:") + 1 + i,
            what: format!("caption {}", i + 1),
            text: caption.as_str().into(),
            headline: false,
        });
    }
    for (id, label) in &front.facts {
        pieces.push(Piece {
            line: line_of(&format!("  {id}:")),
            what: format!("fact label {id}"),
            text: label.as_str().into(),
            headline: false,
        });
    }
    for block in &translation.blocks {
        let heading = block.markdown.trim_start().starts_with('#');
        // each line on its own, so that the items of a list are apart
        let text: Vec<String> = block.markdown.lines().map(to_plain_text).collect();
        pieces.push(Piece {
            line: block.file_line + 1,
            what: format!("paragraph {}", block.id),
            text: text.join("\n").into(),
            headline: heading,
        });
    }
    pieces
}

/// The line of the front-matter field that starts with `key`.
fn front_line(raw: &str, key: &str) -> usize {
    raw.lines()
        .position(|l| l.starts_with(key))
        .map_or(1, |i| i + 1)
}

/// Straight quotes, double spaces, Chinese characters outside a gloss.
fn text_problems(text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(q) = text.chars().find(|c| matches!(c, '"' | '\'')) {
        problems.push(format!(
            "straight quote `{q}` (house style: “ ” and ‘ ’, apostrophe ’)"
        ));
    }
    if text.trim().contains("  ") {
        problems.push("two spaces in a row".into());
    }
    if let Some(han) = han_outside_gloss(text) {
        problems.push(format!(
            "Chinese `{han}` in the English outside a gloss (house style: only as “English (中文)”)"
        ));
    }
    problems
}

/// A run of Chinese characters that is not a gloss: a gloss is in brackets
/// right after the English it glosses (`subdistricts (街道)`).
fn han_outside_gloss(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_han(chars[i]) {
            i += 1;
            continue;
        }
        let end = (i..chars.len())
            .find(|&k| !(is_han(chars[k]) || crate::chars::is_cjk_punct(chars[k])))
            .unwrap_or(chars.len());
        let open = chars[..i].iter().rposition(|c| *c == '(');
        let glossed = open.is_some_and(|o| {
            let inside_from_open = chars[o + 1..i].iter().all(|c| !matches!(c, ')'));
            let after_english = chars[..o]
                .iter()
                .rev()
                .find(|c| !c.is_whitespace())
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '”' | '’'));
            inside_from_open && after_english && chars[end..].contains(&')')
        });
        if !glossed {
            return Some(chars[i..end].iter().collect());
        }
        i = end;
    }
    None
}

/// Words before a number that make it a name, an ordinal or a date rather
/// than a count (`Line 9`, `No. 3`, `January 8`).
const NUMBER_NAMES: &[&str] = &[
    "No.", "Nos.", "Line", "line", "Phase", "phase", "Grade", "grade", "Building", "building",
    "Unit", "unit", "Class", "class", "Lane", "lane", "Road", "road", "Street", "street", "Block",
    "block", "Gate", "gate", "Level", "level", "Group", "group", "Team", "team", "Article",
    "article", "page", "Page", "Hall", "hall", "Room", "room", "and", "or", "to", "of", "from",
];

/// Words after a number that make it a measure, not a count to spell out.
const UNIT_WORDS: &[&str] = &[
    "%",
    "percent",
    "per",
    "million",
    "billion",
    "trillion",
    "yuan",
    "km",
    "kilometres",
    "kilometre",
    "metres",
    "metre",
    "square",
    "cubic",
    "hours",
    "hour",
    "minutes",
    "minute",
    "seconds",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
    "kg",
    "tonnes",
    "tonne",
    "hectares",
    "mu",
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "storeys",
    "floors",
    "times",
    "stars",
    "star",
    "yuan.",
    "GB",
    "MB",
    "Gbps",
    "Mbps",
];

/// Numbers one to nine written in digits where the house style spells
/// them out, and sentences that begin with digits.
fn number_problems(text: &str, prose: bool) -> Vec<String> {
    let mut problems = Vec::new();
    for sentence in sentences(text) {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        let code = |w: &str| w.chars().any(|c| c.is_ascii_alphabetic());
        if words
            .first()
            .is_some_and(|w| prose && w.starts_with(|c: char| c.is_ascii_digit()) && !code(w))
        {
            problems.push(format!(
                "a sentence begins with digits: “{}…” (house style: spell it out or recast)",
                words.iter().take(6).copied().collect::<Vec<_>>().join(" ")
            ));
        }
        // a sentence that also gives a figure of 10 or more keeps digits
        let has_large = words.iter().any(|w| {
            let digits: String = w.chars().filter(|c| c.is_ascii_digit()).collect();
            digits.len() >= 2
        });
        if has_large {
            continue;
        }
        for (k, word) in words.iter().enumerate() {
            let bare = word.trim_end_matches([',', '.', ';', ':', ')', '”', '’']);
            let small = bare.len() == 1 && bare.starts_with(|c: char| ('1'..='9').contains(&c));
            if !small || k == 0 {
                continue;
            }
            let before = words[k - 1];
            let after = words.get(k + 1).copied().unwrap_or("");
            let named = NUMBER_NAMES.contains(&before)
                || MONTHS.contains(&before.trim_start_matches('('))
                || before.ends_with(['(', '–', '-', '/', '+']);
            let measure = UNIT_WORDS.contains(&after.trim_end_matches([',', '.', ';', ')']))
                || after.starts_with(['%', '–', '-', '+', '/'])
                || bare != *word;
            if !(named || measure) {
                problems.push(format!(
                    "`{bare} {after}`: write {bare} in words (house style: one to nine in words)"
                ));
            }
        }
    }
    problems
}

/// A word of a headline that is capitalised though it is no proper noun: it
/// is never capitalised mid-sentence in the site's English.
fn title_case_word(title: &str, proper: &HashSet<String>) -> Option<String> {
    let text = title.trim().trim_start_matches('#').trim();
    let mut after_colon = true;
    for word in text.split_whitespace() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '’');
        // the first word, one after a colon, one that opens a quoted name
        let first_of_part = after_colon || word.starts_with(['“', '‘']);
        after_colon = word.ends_with(':') || word.ends_with('—');
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        let acronym = bare.chars().filter(|c| c.is_uppercase()).count() > 1;
        if first_of_part || !capital || acronym || bare.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let first_part = bare.split(['-', '’']).next().unwrap_or(bare);
        if !proper.contains(bare) && !proper.contains(first_part) {
            return Some(bare.to_string());
        }
    }
    None
}

/// Words the site's English capitalises mid-sentence: its proper nouns.
fn capitalised_mid_sentence(articles: &[Article]) -> HashSet<String> {
    let mut proper = HashSet::new();
    let texts = articles
        .iter()
        .filter_map(|a| a.translation.as_ref())
        .flat_map(|t| t.blocks.iter())
        .filter(|b| !b.markdown.trim_start().starts_with('#'))
        .map(|b| to_plain_text(&b.markdown));
    for text in texts {
        for sentence in sentences(&text) {
            let words: Vec<&str> = sentence.split_whitespace().collect();
            for pair in words.windows(2) {
                let opens = pair[0].ends_with([':', '“', '‘', '(']);
                let bare = pair[1].trim_matches(|c: char| !c.is_alphanumeric() && c != '’');
                if !opens
                    && !pair[1].starts_with(['“', '‘', '('])
                    && bare.starts_with(char::is_uppercase)
                {
                    proper.insert(bare.to_string());
                    if let Some(first) = bare.split(['-', '’']).next() {
                        proper.insert(first.to_string());
                    }
                }
            }
        }
    }
    proper
}

/// The text's sentences: each line apart, split after `.`, `?`, `!` or `…`
/// (and a closing quote)
/// before a space and a capital, a digit or an opening quote.
fn sentences(text: &str) -> Vec<&str> {
    text.lines().flat_map(sentences_of_line).collect()
}

fn sentences_of_line(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, (at, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '?' | '!' | '…') {
            continue;
        }
        let mut next = k + 1;
        while chars
            .get(next)
            .is_some_and(|(_, c)| matches!(c, '”' | '’' | ')'))
        {
            next += 1;
        }
        let space = chars.get(next).is_some_and(|(_, c)| *c == ' ');
        let capital = chars
            .get(next + 1)
            .is_some_and(|(_, c)| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '‘'));
        let abbreviation = text[start..*at].ends_with(" No") || text[start..*at].ends_with(" Nos");
        if space && capital && !abbreviation {
            let end = chars.get(next).map_or(text.len(), |(i, _)| *i);
            out.push(text[start..end].trim());
            start = end;
        }
    }
    if text[start..].trim().len() > 1 {
        out.push(text[start..].trim());
    }
    out
}

/// Sentences over [`LONG_SENTENCE`] words: their length and first words.
fn long_sentences(text: &str) -> Vec<(usize, String)> {
    sentences(text)
        .into_iter()
        .filter_map(|s| {
            let words: Vec<&str> = s.split_whitespace().collect();
            (words.len() > LONG_SENTENCE).then(|| (words.len(), words[..8].join(" ")))
        })
        .collect()
}

/// The same Chinese paragraph (or heading) translated differently in two
/// articles.
fn translated_two_ways(articles: &[Article], report: &mut CheckReport) {
    let mut seen: BTreeMap<String, (&Path, usize, &str, String)> = BTreeMap::new();
    for article in articles {
        let Some(translation) = &article.translation else {
            continue;
        };
        for block in &article.blocks {
            let chinese = to_plain_text(&block.markdown);
            if chinese.chars().filter(|c| is_han(*c)).count() < 6 {
                continue;
            }
            let Some(english) = article
                .english(&block.id)
                .filter(|b| !b.markdown.is_empty())
            else {
                continue;
            };
            let english_text = to_plain_text(&english.markdown);
            match seen.get(&chinese) {
                Some((path, line, id, other)) if *other != english_text => {
                    report.findings.push(Finding {
                        severity: Severity::Warning,
                        location: at(&translation.path, english.file_line),
                        message: format!(
                            "paragraph {}: the same Chinese is translated otherwise at {}:{line} ({id})",
                            block.id,
                            path.display()
                        ),
                    });
                }
                Some(_) => {}
                None => {
                    seen.insert(
                        chinese,
                        (
                            &translation.path,
                            english.file_line,
                            &block.id,
                            english_text,
                        ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_spaces_and_chinese() {
        assert_eq!(
            text_problems("Jiangbei’s “livelihood” projects"),
            Vec::<String>::new()
        );
        assert!(text_problems("Jiangbei's projects")[0].contains("straight quote `'`"));
        assert!(text_problems("the “two  rivers”")[0].contains("two spaces"));
        assert!(text_problems("subdistricts (街道) and towns").is_empty());
        assert!(text_problems("the 街道 office")[0].contains("Chinese `街道`"));
    }

    #[test]
    fn small_numbers_are_words_unless_measures_or_beside_larger_ones() {
        assert!(number_problems("It opened 3 canteens.", true)[0].contains("write 3 in words"));
        for fine in [
            "It opened three canteens.",
            "It opened 3 of its 12 canteens.",
            "It took 3 hours.",
            "Metro Line 9 opened on January 8.",
            "Prices rose 5% in 2 weeks.",
        ] {
            assert!(
                number_problems(fine, true).is_empty(),
                "{fine}: {:?}",
                number_problems(fine, true)
            );
        }
        assert!(
            number_problems("The district opened a canteen. 3 more followed.", true)[0]
                .contains("begins with digits")
        );
    }

    #[test]
    fn headlines_in_title_case_are_found() {
        let proper: HashSet<String> = ["Jiangbei", "District", "Chongqing"]
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(
            title_case_word("Jiangbei District Delivers Livelihood Projects", &proper).as_deref(),
            Some("Delivers")
        );
        assert_eq!(
            title_case_word(
                "Jiangbei District delivers projects: Chongqing leads",
                &proper
            ),
            None
        );
    }

    #[test]
    fn sentences_and_their_length() {
        assert_eq!(
            sentences("It opened. “Good,” she said. No. 3 closed."),
            ["It opened.", "“Good,” she said.", "No. 3 closed."]
        );
        let long = format!("{}.", vec!["word"; 46].join(" "));
        assert_eq!(long_sentences(&long)[0].0, 46);
        assert!(long_sentences(&format!("{}.", vec!["word"; 45].join(" "))).is_empty());
    }
}
