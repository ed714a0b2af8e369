//! Search: a static index of both languages built in-process at `build` time,
//! searched by a small script in the browser, so that any static host can
//! serve it. Chinese text is segmented into words with jieba; English is split
//! into lowercase words. The browser segments a Chinese query by longest match
//! against the index's own vocabulary.

use crate::content::model::Article;
use crate::markdown::to_plain_text;
use crate::render::OutFile;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

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
struct Index {
    docs: Vec<Doc>,
    /// Token → ids of the docs that contain it, ascending.
    terms: BTreeMap<String, Vec<u32>>,
}

/// Starts loading the segmenter's dictionary on another thread, so that it
/// overlaps with loading and rendering the site.
pub fn prepare() {
    std::thread::spawn(|| {
        jieba();
    });
}

fn jieba() -> &'static jieba_rs::Jieba {
    static JIEBA: OnceLock<jieba_rs::Jieba> = OnceLock::new();
    JIEBA.get_or_init(jieba_rs::Jieba::new)
}

/// Search tokens of a text: jieba words (and their sub-words) of Chinese runs,
/// lowercase words of everything else.
pub fn tokens(text: &str, lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    if lang == "zh" {
        for word in jieba().cut_for_search(text, true) {
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

fn latin_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’').to_lowercase())
        .filter(|w| !w.is_empty() && !w.chars().any(crate::ingest::text::is_han))
        .collect()
}

/// Builds `search/index.js` for the articles: the index as a script (not a
/// JSON fetch) so that search also works from a copy opened from disk.
pub fn index_file(articles: &[Article]) -> OutFile {
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
    let mut terms: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (id, doc) in docs.iter().enumerate() {
        for token in tokens(&doc.x, doc.l) {
            let postings = terms.entry(token).or_default();
            if postings.last() != Some(&(id as u32)) {
                postings.push(id as u32);
            }
        }
    }
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
