//! Glossary terms in rendered text: marks the first occurrence of each term in
//! an article (the caller carries `marked` from block to block) as a link to its glossary entry (the fallback without JavaScript),
//! described by the term's card for screen readers, with ruby pinyin over
//! each Chinese term as a word; and collects which terms a page uses.

use crate::content::glossary::Glossary;
use crate::lang::Lang;
use crate::markdown::{TextMarker, escape_html};
use std::collections::BTreeSet;

/// Marks glossary terms in the text of one block.
pub struct TermMarker<'a> {
    pub glossary: &'a Glossary,
    /// `zh` marks Chinese terms, `en` their English renderings.
    pub lang: Lang,
    /// Link to the glossary page of that language, from the current page.
    pub glossary_href: String,
    /// Terms already marked in this article.
    pub marked: BTreeSet<usize>,
    /// Terms marked on the page (for its cards).
    pub used: &'a mut BTreeSet<usize>,
}

impl TextMarker for TermMarker<'_> {
    fn mark(&mut self, text: &str) -> Option<String> {
        let mut hits: Vec<(usize, usize, usize)> = if self.lang == Lang::Zh {
            self.glossary
                .find_chinese(text)
                .into_iter()
                .map(|f| (f.start, f.end, f.entry))
                .collect()
        } else {
            self.glossary.find_english_all(text)
        };
        // keep the first occurrence of each term, without overlaps
        let mut kept: Vec<(usize, usize, usize)> = Vec::new();
        for hit in hits.drain(..) {
            let overlaps = kept.last().is_some_and(|k| hit.0 < k.1);
            if !overlaps && !self.marked.contains(&hit.2) {
                self.marked.insert(hit.2);
                kept.push(hit);
            }
        }
        if kept.is_empty() {
            return None;
        }
        let mut html = String::with_capacity(text.len() * 3);
        let mut at = 0;
        for (start, end, entry) in kept {
            html.push_str(&escape_html(&text[at..start]));
            html.push_str(&self.term_link(&text[start..end], entry));
            self.used.insert(entry);
            at = end;
        }
        html.push_str(&escape_html(&text[at..]));
        Some(html)
    }
}

impl TermMarker<'_> {
    fn term_link(&self, shown: &str, entry: usize) -> String {
        let e = &self.glossary.entries[entry];
        let anchor = e.anchor();
        let inner = if self.lang == Lang::Zh {
            // one reading over the whole word, as pinyin writes a word, so
            // that the characters are not pushed apart by their syllables
            let reading = word_pinyin(e.ruby(shown).into_iter().map(|(_, r)| r));
            format!(
                "<ruby>{}<rp>(</rp><rt>{}</rt><rp>)</rp></ruby>",
                escape_html(shown),
                escape_html(&reading)
            )
        } else {
            escape_html(shown)
        };
        format!(
            "<a class=\"term\" href=\"{}#{anchor}\" data-card=\"card-{anchor}\" aria-describedby=\"card-{anchor}\">{inner}</a>",
            self.glossary_href
        )
    }
}

/// Syllables written as one pinyin word: joined, with an apostrophe before a
/// syllable that begins with a, o or e (`jī'àn`, not `jīàn`).
fn word_pinyin(syllables: impl Iterator<Item = String>) -> String {
    let mut word = String::new();
    for syllable in syllables.filter(|s| !s.is_empty()) {
        let vowel = syllable
            .chars()
            .next()
            .is_some_and(|c| "aāáǎàoōóǒòeēéěè".contains(c));
        if vowel && !word.is_empty() {
            word.push('\u{2019}');
        }
        word.push_str(&syllable);
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::RawHtml;
    use crate::content::glossary::Entry;
    use crate::markdown::to_html_marked;

    fn glossary() -> Glossary {
        Glossary::new(vec![Entry {
            term: "社区".into(),
            english: "community".into(),
            literal: String::new(),
            en: String::new(),
            zh: String::new(),
            pinyin: None,
            also: Vec::new(),
            english_also: Vec::new(),
        }])
    }

    #[test]
    fn a_word_is_read_as_one_pinyin_word() {
        let word = |s: &[&str]| word_pinyin(s.iter().map(|s| s.to_string()));
        assert_eq!(word(&["shè", "qū"]), "shèqū");
        assert_eq!(word(&["jī", "àn"]), "jī’àn");
        assert_eq!(word(&["ōu", "zhōu"]), "ōuzhōu");
        assert_eq!(word(&["xī", "", "ān"]), "xī’ān");
    }

    #[test]
    fn first_occurrence_is_a_link_with_ruby() {
        let g = glossary();
        let mut used = BTreeSet::new();
        let mut marker = TermMarker {
            glossary: &g,
            lang: Lang::Zh,
            glossary_href: "g.html".into(),
            marked: BTreeSet::new(),
            used: &mut used,
        };
        let html = to_html_marked("社区<b>和社区", RawHtml::Escape, Some(&mut marker));
        assert!(
            html.starts_with("<p><a class=\"term\" href=\"g.html#t-community\""),
            "{html}"
        );
        assert!(
            html.contains("<ruby>社区<rp>(</rp><rt>shèqū</rt><rp>)</rp></ruby></a>&lt;b&gt;和社区"),
            "{html}"
        );
        assert_eq!(used.len(), 1);
        let mut used = BTreeSet::new();
        let mut marker = TermMarker {
            glossary: &g,
            lang: Lang::En,
            glossary_href: "g.html".into(),
            marked: BTreeSet::new(),
            used: &mut used,
        };
        let html = to_html_marked("Two communities & more", RawHtml::Escape, Some(&mut marker));
        assert!(html.contains("Two <a class=\"term\" href=\"g.html#t-community\" data-card=\"card-t-community\" aria-describedby=\"card-t-community\">communities</a> &amp; more"), "{html}");
    }
}
