//! The glossary of policy terms (`content/glossary.yaml`): entries with pinyin
//! (from the pinyin crate, overridable per term), English rendering and
//! explanations, and a matcher that finds terms in Chinese text and their
//! renderings in English text.

use crate::error::{Error, Result};
use aho_corasick::{AhoCorasick, MatchKind};
use pinyin::ToPinyin;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// One glossary entry as written.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub term: String,
    /// The English rendering used in every translation.
    pub english: String,
    pub literal: String,
    /// Explanation in English.
    pub en: String,
    /// Explanation in Chinese.
    pub zh: String,
    /// Reading with tone marks, where the crate's reading is wrong in context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinyin: Option<String>,
    /// Other printed forms of the term.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// Other English wordings a translation may use where the term's words
    /// mean something narrower in context (`15分钟` as a walking time: "a
    /// 15-minute walk"); `check` accepts them as the term rendered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub english_also: Vec<String>,
}

impl Entry {
    /// Anchor of the entry on the glossary pages.
    pub fn anchor(&self) -> String {
        let slug: String = self
            .english
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let slug = slug
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        format!("t-{slug}")
    }

    /// Pinyin with tone marks, syllables separated by spaces.
    pub fn pinyin(&self) -> String {
        self.pinyin.clone().unwrap_or_else(|| pinyin_of(&self.term))
    }

    /// Pinyin per character of `text` (empty for characters without a reading),
    /// taking the override where `text` is the term itself.
    pub fn ruby(&self, text: &str) -> Vec<(char, String)> {
        let overridden: Vec<String> = match &self.pinyin {
            Some(p) if text == self.term => p.split_whitespace().map(str::to_string).collect(),
            _ => Vec::new(),
        };
        let han: Vec<char> = text.chars().filter(|c| c.to_pinyin().is_some()).collect();
        let use_override = overridden.len() == han.len();
        let mut k = 0;
        text.chars()
            .map(|c| match c.to_pinyin() {
                Some(p) => {
                    let reading = if use_override {
                        overridden[k].clone()
                    } else {
                        p.with_tone().to_string()
                    };
                    k += 1;
                    (c, reading)
                }
                None => (c, String::new()),
            })
            .collect()
    }
}

/// Pinyin with tone marks of a text, syllables separated by spaces.
pub fn pinyin_of(text: &str) -> String {
    text.chars()
        .filter_map(|c| c.to_pinyin())
        .map(|p| p.with_tone())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Toneless pinyin of a text, for sorting.
pub fn pinyin_plain(text: &str) -> String {
    text.chars()
        .map(|c| {
            c.to_pinyin()
                .map_or_else(|| c.to_string(), |p| p.plain().to_string())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The loaded glossary with its matchers.
pub struct Glossary {
    pub entries: Vec<Entry>,
    /// Folded words of each entry's English rendering.
    english_words: Vec<Vec<String>>,
    /// Entries by the first character of their rendering's first word.
    english_by_initial: HashMap<char, Vec<usize>>,
    chinese: AhoCorasick,
    /// Entry index of each Chinese pattern.
    chinese_owner: Vec<usize>,
}

/// A term found in a text: byte range and entry index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

impl Glossary {
    /// Loads `content/glossary.yaml` (absent: an empty glossary).
    pub fn load(content_dir: &Path) -> Result<Glossary> {
        let path = content_dir.join("glossary.yaml");
        if !path.exists() {
            return Ok(Glossary::new(Vec::new()));
        }
        let text = crate::fsutil::read_text(&path)?;
        let entries: Vec<Entry> =
            serde_yaml::from_str(&text).map_err(|e| crate::yaml::error(&path, &e, 0))?;
        let mut seen: Vec<&str> = Vec::new();
        for entry in &entries {
            if seen.contains(&entry.term.as_str()) {
                return Err(Error::in_file(
                    &path,
                    format!("term `{}` is listed twice", entry.term),
                ));
            }
            seen.push(&entry.term);
        }
        Ok(Glossary::new(entries))
    }

    /// A glossary of the given entries.
    pub fn new(entries: Vec<Entry>) -> Glossary {
        let mut patterns = Vec::new();
        let mut owner = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            for form in std::iter::once(&entry.term).chain(&entry.also) {
                patterns.push(form.clone());
                owner.push(i);
            }
        }
        let chinese = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("glossary patterns build");
        let english_words: Vec<Vec<String>> = entries
            .iter()
            .map(|e| words(&e.english).into_iter().map(|(_, _, w)| w).collect())
            .collect();
        let mut english_by_initial: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, rendering) in english_words.iter().enumerate() {
            if let Some(initial) = rendering.first().and_then(|w| w.chars().next()) {
                english_by_initial.entry(initial).or_default().push(i);
            }
        }
        Glossary {
            entries,
            english_words,
            english_by_initial,
            chinese,
            chinese_owner: owner,
        }
    }

    /// Every printed form of every term.
    pub fn forms(&self) -> Vec<String> {
        self.entries
            .iter()
            .flat_map(|e| std::iter::once(&e.term).chain(&e.also))
            .cloned()
            .collect()
    }

    /// Terms in a Chinese text, leftmost-longest, without overlaps.
    pub fn find_chinese(&self, text: &str) -> Vec<Found> {
        self.chinese
            .find_iter(text)
            .map(|m| Found {
                start: m.start(),
                end: m.end(),
                entry: self.chinese_owner[m.pattern().as_usize()],
            })
            .collect()
    }

    /// Whether an English text renders entry `i`: with its rendering, or
    /// with one of the wordings it allows in context.
    pub fn renders(&self, i: usize, text: &str) -> bool {
        let found = words(text);
        !find_words(&self.english_words[i], &found).is_empty()
            || self.entries[i].english_also.iter().any(|other| {
                let wanted: Vec<String> = words(other).into_iter().map(|(_, _, w)| w).collect();
                !find_words(&wanted, &found).is_empty()
            })
    }

    /// Byte ranges of entry `i`'s English rendering in an English text:
    /// word by word, case-insensitive, each word singular or plural, straight
    /// or curly apostrophes.
    pub fn find_english(&self, i: usize, text: &str) -> Vec<(usize, usize)> {
        find_words(&self.english_words[i], &words(text))
    }

    /// The first occurrence of every entry's English rendering in a text, as
    /// (start byte, end byte, entry), in text order.
    pub fn find_english_all(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let found = words(text);
        let mut seen = vec![false; self.entries.len()];
        let mut hits = Vec::new();
        for k in 0..found.len() {
            // a word and its plural share their first character
            let Some(initial) = found[k].2.chars().next() else {
                continue;
            };
            for &i in self.english_by_initial.get(&initial).into_iter().flatten() {
                let wanted = &self.english_words[i];
                if !seen[i] && matches_at(wanted, &found, k) {
                    seen[i] = true;
                    hits.push((found[k].0, found[k + wanted.len() - 1].1, i));
                }
            }
        }
        hits.sort();
        hits
    }
}

/// Whether the word sequence `wanted` starts at word `k` of `found`.
fn matches_at(wanted: &[String], found: &[(usize, usize, String)], k: usize) -> bool {
    k + wanted.len() <= found.len()
        && wanted
            .iter()
            .zip(&found[k..])
            .all(|(w, (_, _, f))| same_word(w, f))
}

/// Where the word sequence `wanted` occurs in `found`.
fn find_words(wanted: &[String], found: &[(usize, usize, String)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if wanted.is_empty() {
        return out;
    }
    let mut k = 0;
    while k + wanted.len() <= found.len() {
        if matches_at(wanted, found, k) {
            out.push((found[k].0, found[k + wanted.len() - 1].1));
            k += wanted.len();
        } else {
            k += 1;
        }
    }
    out
}

/// Words of a text as (start byte, end byte, folded word); hyphens and
/// apostrophes inside a word stay in it.
fn words(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    // (start byte, end byte of each char, folded chars)
    let mut current: Option<(usize, Vec<usize>, String)> = None;
    let finish = |current: Option<(usize, Vec<usize>, String)>,
                  out: &mut Vec<(usize, usize, String)>| {
        if let Some((start, mut ends, mut word)) = current {
            // a trailing hyphen or apostrophe belongs to the sentence, not the word
            while word.ends_with(['\'', '-']) {
                word.pop();
                ends.pop();
            }
            if let Some(&end) = ends.last() {
                out.push((start, end, word));
            }
        }
    };
    for (b, c) in text.char_indices() {
        let folded = fold(c);
        if folded.is_alphanumeric() || ((folded == '\'' || folded == '-') && current.is_some()) {
            let entry = current.get_or_insert((b, Vec::new(), String::new()));
            entry.1.push(b + c.len_utf8());
            entry.2.push(folded);
        } else {
            finish(current.take(), &mut out);
        }
    }
    finish(current, &mut out);
    out
}

/// Case- and apostrophe-folding of one character.
fn fold(c: char) -> char {
    match c {
        '’' | '‘' | '`' => '\'',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// `community` = `communities`, `centre` = `centres`, `box` = `boxes`.
fn same_word<'a>(a: &'a str, b: &'a str) -> bool {
    // a possessive is the word (`committee’s`)
    let bare = |w: &'a str| -> &'a str { w.strip_suffix("'s").unwrap_or(w).trim_end_matches('\'') };
    let (a, b) = (bare(a), bare(b));
    let plural_of = |w: &str, p: &str| {
        p.strip_suffix('s').is_some_and(|s| s == w)
            || p.strip_suffix("es").is_some_and(|s| s == w)
            || (w.ends_with('y')
                && p.strip_suffix("ies")
                    .is_some_and(|s| s == &w[..w.len() - 1]))
    };
    a == b || plural_of(a, b) || plural_of(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(term: &str, english: &str) -> Entry {
        Entry {
            term: term.into(),
            english: english.into(),
            literal: String::new(),
            en: String::new(),
            zh: String::new(),
            pinyin: None,
            also: Vec::new(),
            english_also: Vec::new(),
        }
    }

    #[test]
    fn finds_longest_chinese_terms_and_english_renderings() {
        let g = Glossary::new(vec![
            entry("人大", "people's congress"),
            entry("人大代表", "people's congress deputy"),
            entry("社区", "community"),
        ]);
        let found = g.find_chinese("人大代表走进社区，人大常委会");
        let entries: Vec<usize> = found.iter().map(|f| f.entry).collect();
        assert_eq!(entries, [1, 2, 0]);
        assert_eq!(
            g.find_english(2, "Two Communities and one community.")
                .len(),
            2
        );
        assert_eq!(g.find_english(0, "the People’s Congress met").len(), 1);
        assert_eq!(g.find_english(0, "the People’s Congress’s work").len(), 1);
        let g2 = Glossary::new(vec![
            entry("两高", "two highs"),
            entry("业委会", "homeowners' committee"),
        ]);
        assert_eq!(
            g2.find_english(0, "building the ‘two highs’ model area")
                .len(),
            1
        );
        assert_eq!(g2.find_english(1, "the homeowners’ committees").len(), 1);
        let g3 = Glossary::new(vec![entry("四上企业", "above-scale enterprise")]);
        assert_eq!(g3.find_english(0, "76 “above-scale” enterprises").len(), 1);
        let text = "the ‘two highs’ model — and ‘two highs’";
        for (a, b) in g2.find_english(0, text) {
            assert_eq!(&text[a..b], "two highs");
        }
        assert!(g.find_english(2, "communitarian").is_empty());
        let g = Glossary::new(vec![entry(
            "服务体",
            "integrated service centre for women and children",
        )]);
        assert_eq!(
            g.find_english(0, "two integrated service centres for women and children.")
                .len(),
            1
        );
    }

    #[test]
    fn pinyin_with_tones_and_overrides() {
        assert_eq!(pinyin_of("民生实事"), "mín shēng shí shì");
        let mut e = entry("长安杯", "Chang'an Cup");
        e.pinyin = Some("Cháng ān Bēi".into());
        assert_eq!(e.ruby("长安杯")[0], ('长', "Cháng".to_string()));
        assert_eq!(e.anchor(), "t-chang-an-cup");
    }
}
