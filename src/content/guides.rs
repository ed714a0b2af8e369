//! Guides: explainer pages written by the editors, in `content/guides/`
//! (`<slug>.md` in Chinese, `<slug>.en.md` in English) — background the
//! articles share, such as how Chinese local government works, kept in one
//! place rather than restated in every article's context note.

use super::load::split_front_matter;
use crate::error::{Error, Result};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The folder of `content/` that holds guides, not articles.
pub const GUIDES_DIR: &str = "guides";

/// One guide in both languages.
#[derive(Debug, Clone)]
pub struct Guide {
    pub slug: String,
    pub zh: GuideText,
    pub en: Option<GuideText>,
    /// Every article's context note links to it.
    pub from_context: bool,
}

/// A guide in one language: its front matter and Markdown body.
#[derive(Debug, Clone)]
pub struct GuideText {
    pub path: PathBuf,
    pub title: String,
    pub description: Option<String>,
    pub markdown: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GuideFront {
    title: String,
    #[serde(default)]
    description: Option<String>,
    /// Linked from every article's context note.
    #[serde(default)]
    context: bool,
}

/// Loads `content/guides/` (absent: no guides), in file-name order.
pub fn load_guides(content_dir: &Path) -> Result<Vec<Guide>> {
    let dir = content_dir.join(GUIDES_DIR);
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut guides = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| Error::io(&dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".md") && !name.ends_with(".en.md") && !name.starts_with('.')
        })
        .collect();
    paths.sort();
    for path in paths {
        let slug = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        if !super::slug::is_valid_slug(&slug) {
            return Err(Error::in_file(
                &path,
                "a guide's file name is its address: lowercase letters, digits and hyphens",
            ));
        }
        let (zh, context) = read_text(&path)?;
        let en_path = path.with_extension("en.md");
        let en = if en_path.exists() {
            Some(read_text(&en_path)?.0)
        } else {
            None
        };
        guides.push(Guide {
            slug,
            zh,
            en,
            from_context: context,
        });
    }
    Ok(guides)
}

/// Folders of each language the site's own pages take.
const SITE_PAGES: &[&str] = &["numbers", "glossary", "search", "topics", "districts"];

/// A guide whose address an article or one of the site's own pages takes.
pub fn clashes(guides: &[Guide], articles: &[super::model::Article]) -> Vec<Error> {
    guides
        .iter()
        .filter_map(|guide| {
            let taken = SITE_PAGES.contains(&guide.slug.as_str())
                || articles.iter().any(|a| a.front.slug == guide.slug);
            taken.then(|| {
                Error::in_file(
                    &guide.zh.path,
                    format!(
                        "the guide's address `{}` is taken by an article or a page of the site",
                        guide.slug
                    ),
                )
            })
        })
        .collect()
}

fn read_text(path: &Path) -> Result<(GuideText, bool)> {
    let text = crate::fsutil::read_text(path)?;
    let (yaml, body, _) = split_front_matter(path, &text)?;
    let front: GuideFront =
        serde_yaml::from_str(yaml).map_err(|e| crate::yaml::error(path, &e, 1))?;
    if front.title.trim().is_empty() {
        return Err(Error::at_line(path, 2, "a guide needs a `title`"));
    }
    let guide = GuideText {
        path: path.to_path_buf(),
        title: front.title,
        description: front.description,
        markdown: body.to_string(),
    };
    Ok((guide, front.context))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guides_load_in_both_languages_and_bad_ones_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let guides = dir.path().join(GUIDES_DIR);
        std::fs::create_dir(&guides).unwrap();
        std::fs::write(
            guides.join("local-government.md"),
            "---\ntitle: 中国的基层政府\ncontext: true\n---\n\n区、街道和社区。\n",
        )
        .unwrap();
        std::fs::write(
            guides.join("local-government.en.md"),
            "---\ntitle: How local government works\n---\n\nDistricts.\n",
        )
        .unwrap();
        let loaded = load_guides(dir.path()).unwrap();
        assert_eq!(loaded.len(), 1);
        assert!(loaded[0].from_context);
        assert_eq!(
            loaded[0].en.as_ref().unwrap().title,
            "How local government works"
        );
        std::fs::write(guides.join("bad.md"), "---\ntitel: x\n---\n").unwrap();
        let err = load_guides(dir.path()).unwrap_err().to_string();
        assert!(err.contains("bad.md"), "{err}");
    }
}
