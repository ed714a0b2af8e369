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
use crate::lang::Lang;
use crate::markdown::to_plain_text;
use crate::output::OutFile;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// A page that search results link to.
#[derive(Debug, Serialize)]
struct Page {
    /// Path relative to the site root.
    u: String,
    /// Title of the article.
    t: String,
    /// Language: `zh` or `en`.
    l: Lang,
}

/// One searchable unit: a paragraph (or headline) of a page.
#[derive(Debug, Serialize)]
struct Doc {
    /// Index of the page in `pages`.
    p: u32,
    /// Anchor of the paragraph on the page (empty for the headline).
    a: String,
    /// Plain text shown in results.
    x: String,
    /// The Simplified form of a Traditional text, indexed with it so that a
    /// query in either script finds it.
    #[serde(skip)]
    simplified: Option<String>,
}

#[derive(Serialize)]
struct Index {
    pages: Vec<Page>,
    docs: Vec<Doc>,
    /// Token → ids of the docs that contain it, ascending, each after the
    /// first written as the difference from the one before (shorter).
    terms: BTreeMap<String, Vec<u32>>,
}

/// Splits Chinese text into search words.
pub struct Segmenter {
    jieba: jieba_rs::Jieba,
    /// Tokens of texts seen before, when the segmenter is kept between builds.
    memory: Option<Mutex<TokenMemory>>,
}

/// Tokens by text and language.
type TokenMemory = HashMap<(String, Lang), Arc<[String]>>;

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
            if term.chars().any(crate::chars::is_han) {
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

    /// Calls `f` with each search token of a text, from memory when the
    /// segmenter remembers and has seen the text before.
    fn each_indexed_token(&self, text: &str, lang: Lang, f: &mut impl FnMut(&str)) {
        let Some(memory) = &self.memory else {
            return self.each_token(text, lang, f);
        };
        let key = (text.to_string(), lang);
        let known = memory
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
            .cloned();
        let tokens = known.unwrap_or_else(|| {
            let tokens: Arc<[String]> = self.tokens(text, lang).into();
            memory
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(key, tokens.clone());
            tokens
        });
        tokens.iter().for_each(|t| f(t));
    }

    /// Loads on another thread, so that it overlaps with rendering the site.
    pub fn load_in_background(terms: Vec<String>) -> JoinHandle<Segmenter> {
        std::thread::spawn(move || Segmenter::new(&terms))
    }

    /// Search tokens of a text: jieba words (and their sub-words) of Chinese
    /// runs, lowercase words of everything else.
    pub fn tokens(&self, text: &str, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        self.each_token(text, lang, &mut |token| out.push(token.to_string()));
        out
    }

    /// Calls `f` with each search token of a text, without collecting them.
    pub fn each_token(&self, text: &str, lang: Lang, f: &mut impl FnMut(&str)) {
        if lang == Lang::Zh {
            for word in self.jieba.cut_for_search(text, true) {
                let word = word.word.trim();
                if word.chars().any(crate::chars::is_han) {
                    f(word);
                } else {
                    each_latin_word(word, f);
                }
            }
        } else {
            each_latin_word(text, f);
        }
    }
}

/// Lowercase words of a text without Chinese characters, apostrophes inside.
fn each_latin_word(text: &str, f: &mut impl FnMut(&str)) {
    let apostrophe = |c: char| c == '\'' || c == '’';
    for word in text.split(|c: char| !(c.is_alphanumeric() || apostrophe(c))) {
        let word = word.trim_matches(apostrophe);
        if word.is_empty() || word.chars().any(crate::chars::is_han) {
            continue;
        }
        if word.chars().any(char::is_uppercase) {
            f(&word.to_lowercase());
        } else {
            f(word);
        }
    }
}

/// Builds `search/index.js` for the articles: the index as a script (not a
/// JSON fetch) so that search also works from a copy opened from disk.
pub fn index_file(articles: &[Article], segmenter: &Segmenter) -> OutFile {
    Documents::of(articles).index(segmenter)
}

/// The searchable text of a site: its pages and their paragraphs as plain
/// text. Taken from the articles before they are rendered, so that the index
/// can be built beside the pages while rendering releases each article's body.
pub struct Documents {
    pages: Vec<Page>,
    docs: Vec<Doc>,
}

impl Documents {
    /// The pages and paragraphs of the articles, in article order: each
    /// article's Chinese page, then its English one.
    pub fn of(articles: &[Article]) -> Documents {
        use rayon::prelude::*;
        let per_article: Vec<([Page; 2], Vec<Doc>)> = articles
            .par_iter()
            .enumerate()
            .map(|(k, article)| article_documents(article, 2 * k as u32))
            .collect();
        let mut pages = Vec::with_capacity(2 * per_article.len());
        let mut docs = Vec::with_capacity(per_article.iter().map(|(_, d)| d.len()).sum());
        for (two, article_docs) in per_article {
            pages.extend(two);
            docs.extend(article_docs);
        }
        Documents { pages, docs }
    }

    /// Segments every document and writes the index.
    pub fn index(self, segmenter: &Segmenter) -> OutFile {
        use rayon::prelude::*;
        let Documents { pages, docs } = self;
        // postings gathered per thread, then merged: no document's tokens are kept
        let postings = docs
            .par_iter()
            .enumerate()
            .fold(
                HashMap::<String, Vec<u32>>::new,
                |mut postings, (id, doc)| {
                    let lang = pages[doc.p as usize].l;
                    let mut add = |token: &str| {
                        let list = match postings.get_mut(token) {
                            Some(list) => list,
                            None => postings.entry(token.to_string()).or_default(),
                        };
                        if list.last() != Some(&(id as u32)) {
                            list.push(id as u32);
                        }
                    };
                    segmenter.each_indexed_token(&doc.x, lang, &mut add);
                    if let Some(simplified) = &doc.simplified {
                        segmenter.each_indexed_token(simplified, lang, &mut add);
                    }
                    postings
                },
            )
            .reduce(HashMap::new, |mut a, b| {
                for (token, ids) in b {
                    a.entry(token).or_default().extend(ids);
                }
                a
            });
        // ids ascending, each written as the difference from the one before
        let terms: BTreeMap<String, Vec<u32>> = postings
            .into_iter()
            .map(|(token, mut ids)| {
                ids.sort_unstable();
                for k in (1..ids.len()).rev() {
                    ids[k] -= ids[k - 1];
                }
                (token, ids)
            })
            .collect();
        let mut bytes = b"window.MINSHENG_SEARCH=".to_vec();
        serde_json::to_writer(&mut bytes, &Index { pages, docs, terms }).expect("index serialises");
        bytes.extend_from_slice(b";\n");
        OutFile {
            path: "search/index.js".into(),
            bytes,
        }
    }
}

/// An article's two pages (numbered `zh` and `zh + 1`) and their documents:
/// the headlines, then each paragraph in Chinese and, where translated, in
/// English.
fn article_documents(article: &Article, zh: u32) -> ([Page; 2], Vec<Doc>) {
    let slug = &article.front.slug;
    let en = zh + 1;
    let en_title = article
        .translation
        .as_ref()
        .map(|t| t.front.title.clone())
        .filter(|t| !t.trim().is_empty());
    let pages = [
        Page {
            u: format!("zh/{slug}/index.html"),
            t: article.front.title.clone(),
            l: Lang::Zh,
        },
        Page {
            u: format!("en/{slug}/index.html"),
            t: en_title
                .clone()
                .unwrap_or_else(|| article.front.title.clone()),
            l: Lang::En,
        },
    ];
    let traditional = article.front.script.is_traditional();
    let chinese = |a: String, x: String| Doc {
        p: zh,
        a,
        simplified: traditional.then(|| crate::script::to_simplified(&x)),
        x,
    };
    let mut docs = vec![chinese(String::new(), article.front.title.clone())];
    if let Some(title) = en_title {
        docs.push(Doc {
            p: en,
            a: String::new(),
            x: title,
            simplified: None,
        });
    }
    for block in &article.blocks {
        docs.push(chinese(block.id.clone(), to_plain_text(&block.markdown)));
        if let Some(english) = article
            .english(&block.id)
            .filter(|b| !b.markdown.is_empty())
        {
            docs.push(Doc {
                p: en,
                a: block.id.clone(),
                x: to_plain_text(&english.markdown),
                simplified: None,
            });
        }
    }
    (pages, docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_segmented_into_words() {
        let segmenter = Segmenter::new(&["民生实事".to_string()]);
        let tokens = |text: &str, lang: Lang| segmenter.tokens(text, lang);
        let t = tokens("办好民生实事", Lang::Zh);
        assert!(t.contains(&"民生实事".to_string()), "{t:?}");
        let t = tokens("持续推进老旧小区加装电梯", Lang::Zh);
        assert!(t.contains(&"电梯".to_string()), "{t:?}");
        assert!(
            t.contains(&"老旧小区".to_string()) || t.contains(&"小区".to_string()),
            "{t:?}"
        );
        let t = tokens("Lifts for old residential compounds", Lang::En);
        assert_eq!(t, ["lifts", "for", "old", "residential", "compounds"]);
    }
}
