//! Search: a static index of both languages built in-process at `build` time,
//! searched by a small script in the browser, so that any static host can
//! serve it. Chinese text is segmented into words with jieba; English is split
//! into lowercase words. The browser segments a Chinese query by longest match
//! against the index's own vocabulary.
//!
//! The segmenter's dictionary is jieba's, trimmed to its words of frequency 10
//! or more (`dict.txt`, written by `scripts/trim-dict.sh`), plus the site's
//! glossary terms: it loads in a sixth of the time of the full dictionary, and
//! rarer words are still found by jieba's HMM.

use crate::content::model::Article;
use crate::markdown::to_plain_text;
use crate::render::OutFile;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// One searchable unit: a paragraph (or headline) in one language.
#[derive(Debug, Serialize)]
struct Doc {
    /// Page and anchor, relative to the site root.
    u: String,
    /// Title of the article.
    t: String,
    /// Language: `zh` or `en`.
    l: &'static str,
    /// Plain text shown in results.
    x: String,
}

#[derive(Serialize)]
struct Index<'a> {
    docs: Vec<Doc>,
    /// Token → ids of the docs that contain it, ascending.
    terms: BTreeMap<&'a str, Vec<u32>>,
}

/// Splits Chinese text into search words.
pub struct Segmenter {
    jieba: jieba_rs::Jieba,
    /// Tokens of texts seen before, when the segmenter is kept between builds.
    memory: Option<Mutex<TokenMemory>>,
}

/// Tokens by text and language.
type TokenMemory = HashMap<(String, &'static str), Arc<[String]>>;

/// The trimmed general dictionary: `word frequency [tag]` per line.
const DICTIONARY: &str = include_str!("dict.txt");

/// Frequency given to the site's own terms: high enough that a term is kept
/// whole, as a common word of the dictionary is.
const TERM_FREQUENCY: usize = 100_000;

impl Segmenter {
    /// Loads the dictionary and adds `terms` (the glossary's) as words.
    pub fn new(terms: &[String]) -> Segmenter {
        let mut jieba = jieba_rs::Jieba::with_dict(&mut DICTIONARY.as_bytes())
            .expect("the built-in dictionary is well-formed");
        for term in terms {
            if term.chars().any(crate::ingest::text::is_han) {
                jieba.add_word(term, Some(TERM_FREQUENCY), None);
            }
        }
        Segmenter {
            jieba,
            memory: None,
        }
    }

    /// Remembers the tokens of every text from now on, so that the index of a
    /// site where a few paragraphs changed is rebuilt without segmenting the
    /// rest again (while serving).
    pub fn remember(&mut self) {
        self.memory.get_or_insert_with(Default::default);
    }

    fn tokens_of(&self, text: &str, lang: &'static str) -> Arc<[String]> {
        let Some(memory) = &self.memory else {
            return self.tokens(text, lang).into();
        };
        let key = (text.to_string(), lang);
        if let Some(tokens) = memory.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return tokens.clone();
        }
        let tokens: Arc<[String]> = self.tokens(text, lang).into();
        memory
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, tokens.clone());
        tokens
    }

    /// Loads on another thread, so that it overlaps with rendering the site.
    pub fn load_in_background(terms: Vec<String>) -> JoinHandle<Segmenter> {
        std::thread::spawn(move || Segmenter::new(&terms))
    }

    /// Search tokens of a text: jieba words (and their sub-words) of Chinese
    /// runs, lowercase words of everything else.
    pub fn tokens(&self, text: &str, lang: &str) -> Vec<String> {
        let mut out = Vec::new();
        if lang == "zh" {
            for word in self.jieba.cut_for_search(text, true) {
                let word = word.word.trim();
                if word.chars().any(crate::ingest::text::is_han) {
                    out.push(word.to_string());
                } else {
                    out.extend(latin_words(word));
                }
            }
        } else {
            out.extend(latin_words(text));
        }
        out
    }
}

fn latin_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’').to_lowercase())
        .filter(|w| !w.is_empty() && !w.chars().any(crate::ingest::text::is_han))
        .collect()
}

/// Builds `search/index.js` for the articles: the index as a script (not a
/// JSON fetch) so that search also works from a copy opened from disk.
pub fn index_file(articles: &[Article], segmenter: &Segmenter) -> OutFile {
    let mut docs = Vec::new();
    for article in articles {
        let slug = &article.front.slug;
        let en_title = article
            .translation
            .as_ref()
            .map(|t| t.front.title.clone())
            .filter(|t| !t.trim().is_empty());
        docs.push(Doc {
            u: format!("zh/{slug}/index.html"),
            t: article.front.title.clone(),
            l: "zh",
            x: article.front.title.clone(),
        });
        if let Some(title) = &en_title {
            docs.push(Doc {
                u: format!("en/{slug}/index.html"),
                t: title.clone(),
                l: "en",
                x: title.clone(),
            });
        }
        for block in &article.blocks {
            docs.push(Doc {
                u: format!("zh/{slug}/index.html#{}", block.id),
                t: article.front.title.clone(),
                l: "zh",
                x: to_plain_text(&block.markdown),
            });
            if let Some(english) = article
                .english(&block.id)
                .filter(|b| !b.markdown.is_empty())
            {
                docs.push(Doc {
                    u: format!("en/{slug}/index.html#{}", block.id),
                    t: en_title
                        .clone()
                        .unwrap_or_else(|| article.front.title.clone()),
                    l: "en",
                    x: to_plain_text(&english.markdown),
                });
            }
        }
    }
    use rayon::prelude::*;
    let tokens: Vec<Arc<[String]>> = docs
        .par_iter()
        .map(|doc| segmenter.tokens_of(&doc.x, doc.l))
        .collect();
    let mut postings: HashMap<&str, Vec<u32>> = HashMap::new();
    for (id, doc_tokens) in tokens.iter().enumerate() {
        for token in doc_tokens.iter() {
            let list = postings.entry(token).or_default();
            if list.last() != Some(&(id as u32)) {
                list.push(id as u32);
            }
        }
    }
    let terms: BTreeMap<&str, Vec<u32>> = postings.into_iter().collect();
    let json = serde_json::to_string(&Index { docs, terms }).expect("index serialises");
    OutFile {
        path: "search/index.js".into(),
        bytes: format!("window.MINSHENG_SEARCH={json};\n").into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_segmented_into_words() {
        let segmenter = Segmenter::new(&["民生实事".to_string()]);
        let tokens = |text: &str, lang: &str| segmenter.tokens(text, lang);
        let t = tokens("办好民生实事", "zh");
        assert!(t.contains(&"民生实事".to_string()), "{t:?}");
        let t = tokens("持续推进老旧小区加装电梯", "zh");
        assert!(t.contains(&"电梯".to_string()), "{t:?}");
        assert!(
            t.contains(&"老旧小区".to_string()) || t.contains(&"小区".to_string()),
            "{t:?}"
        );
        let t = tokens("Lifts for old residential compounds", "en");
        assert_eq!(t, ["lifts", "for", "old", "residential", "compounds"]);
    }
}
