//! `minsheng translate <slug>`: starts the English translation of an article
//! with one marker per Chinese block, each stamped with the hash of the Chinese
//! it is to translate, so that `check` can tell missing, done and stale.

use crate::content::load_articles;
use crate::content::model::{Article, block_hash};
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Writes `<slug>.en.md` beside the article; refuses to touch an existing one.
pub fn scaffold(root: &Path, slug: &str) -> Result<PathBuf> {
    let (articles, _) = load_articles(&root.join("content"))?;
    let article = articles
        .iter()
        .find(|a| a.front.slug == slug)
        .ok_or_else(|| Error::Refused(format!("no article with slug `{slug}` in content/")))?;
    let path = article.path.with_extension("en.md");
    if path.exists() {
        return Err(Error::Refused(format!(
            "{} already exists; edit it (`minsheng check` lists what is missing or stale)",
            path.display()
        )));
    }
    crate::fsutil::write(&path, scaffold_text(article))?;
    Ok(path)
}

/// The text of a new translation file for `article`: every field to write,
/// empty, and one stamped marker per Chinese block.
pub fn scaffold_text(article: &Article) -> String {
    #[derive(serde::Serialize)]
    struct Lists {
        #[serde(skip_serializing_if = "Vec::is_empty")]
        figures: Vec<String>,
        #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
        facts: std::collections::BTreeMap<String, String>,
    }
    let lists = Lists {
        figures: vec![String::new(); article.front.figures.len()],
        facts: article
            .front
            .facts
            .iter()
            .filter(|f| !f.kind.is_time())
            .map(|f| (f.id.clone(), String::new()))
            .collect(),
    };
    let mut text = String::from("---\ntitle: ''\n");
    if article.front.deck.is_some() {
        text.push_str("deck: ''\n");
    }
    text.push_str("summary: ''\ncontext: ''\n");
    let lists = serde_yaml::to_string(&lists).expect("front matter serialises");
    if lists.trim() != "{}" {
        text.push_str(&lists);
    }
    text.push_str("---\n");
    for block in &article.blocks {
        text.push_str(&format!(
            "\n{{#{} zh={}}}\n\n",
            block.id,
            block_hash(&block.markdown)
        ));
    }
    text
}
