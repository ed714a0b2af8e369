//! Loading `content/`: finds articles and their `.en.md` translations, splits
//! front matter from body, and parses the body into id-marked blocks. Every
//! error names the file and line.

use super::model::{Article, Block, FrontMatter, Translation, TranslationFront};
use crate::config::Warning;
use crate::error::{Error, Result};
use crate::fsutil;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// Loads every article under `content_dir`, sorted by path, with warnings.
pub fn load_articles(content_dir: &Path) -> Result<(Vec<Article>, Vec<Warning>)> {
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    let mut articles = Vec::new();
    if !content_dir.is_dir() {
        return Ok((articles, warnings));
    }
    use rayon::prelude::*;
    let paths: Vec<PathBuf> = markdown_files(content_dir, &mut warnings)?
        .into_iter()
        .filter(|path| {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            !(name.ends_with(".en.md") || name.starts_with('_'))
        })
        .collect();
    // parsed in parallel; results kept in path order, so output is the same
    let loaded: Vec<(Result<Article>, Vec<Warning>)> = paths
        .par_iter()
        .map(|path| {
            let mut found = Vec::new();
            let article = load_article(path, &mut found);
            (article, found)
        })
        .collect();
    articles.reserve_exact(loaded.len());
    for (article, found) in loaded {
        warnings.extend(found);
        match article {
            Ok(article) => articles.push(article),
            Err(e) => errors.push(e),
        }
    }
    errors.extend(duplicate_slugs(&articles));
    Error::from_list(errors)?;
    Ok((articles, warnings))
}

/// An error for each article whose slug an earlier one already uses.
pub fn duplicate_slugs<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Vec<Error> {
    let mut seen: std::collections::HashMap<&str, &Path> = std::collections::HashMap::new();
    let mut errors = Vec::new();
    for article in articles {
        if let Some(other) = seen.insert(&article.front.slug, &article.path) {
            errors.push(Error::in_file(
                &article.path,
                format!(
                    "slug `{}` is already used by {}",
                    article.front.slug,
                    other.display()
                ),
            ));
        }
    }
    errors
}

fn markdown_files(dir: &Path, warnings: &mut Vec<Warning>) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let guides = dir.join(super::guides::GUIDES_DIR);
    // guides are pages of their own, not articles
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.path() != guides)
    {
        let entry = entry.map_err(|e| Error::in_file(dir, e.to_string()))?;
        if entry.path_is_symlink() {
            warnings.push(format!("{}: symbolic link skipped", entry.path().display()));
            continue;
        }
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if entry.file_type().is_file()
            && !hidden
            && entry.path().extension().is_some_and(|e| e == "md")
        {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// Loads one article and its translation, if it has one.
pub fn load_article(path: &Path, warnings: &mut Vec<Warning>) -> Result<Article> {
    let text = fsutil::read_text(path)?;
    let mut article = parse_article(path, &text, warnings)?;
    let en_path = path.with_extension("en.md");
    if en_path.exists() {
        article.translation = Some(load_translation(&en_path, warnings)?);
    }
    Ok(article)
}

/// Parses the text of an article file (`path` names it in errors), without
/// its translation.
pub fn parse_article(path: &Path, text: &str, warnings: &mut Vec<Warning>) -> Result<Article> {
    let (yaml, body, body_line) = split_front_matter(path, text)?;
    let mut front: FrontMatter = parse_front(path, yaml, warnings)?;
    if front.title.trim().is_empty() {
        return Err(Error::at_line(path, 2, "front matter needs a `title`"));
    }
    if front.slug.is_empty() {
        front.slug = slug_of_file_name(path);
    }
    if !super::slug::is_valid_slug(&front.slug) {
        let line = crate::yaml::line_of_key(yaml, "slug").map_or(2, |l| l + 1);
        return Err(Error::at_line(
            path,
            line,
            format!(
                "slug `{}` must be lowercase ASCII letters, digits and hyphens",
                front.slug
            ),
        ));
    }
    if let Some(fact) = front
        .facts
        .iter()
        .find(|f| !f.value.is_finite() || f.value_high.is_some_and(|v| !v.is_finite()))
    {
        let line = crate::yaml::line_of_key(yaml, "facts").map_or(2, |l| l + 1);
        return Err(Error::at_line(
            path,
            line,
            format!("fact `{}` has no finite value", fact.id),
        ));
    }
    let blocks = parse_blocks(path, body, body_line)?;
    Ok(Article {
        path: path.to_path_buf(),
        front,
        blocks,
        translation: None,
    })
}

/// The slug of an article without one in its front matter: its file name,
/// made a slug where it is not one (`你好.md` → `nihao`, `My Post.md` → `my-post`).
fn slug_of_file_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if super::slug::is_valid_slug(stem) {
        stem.to_string()
    } else {
        super::slug::slugify(stem)
    }
}

/// The slugs of the articles under `content_dir` other than those in
/// `except` (paths relative to `content_dir`), as far as they can be read;
/// an article that does not load is reported when the site is loaded.
pub fn slugs_in(content_dir: &Path, except: &[PathBuf]) -> Vec<String> {
    let Ok(paths) = markdown_files(content_dir, &mut Vec::new()) else {
        return Vec::new();
    };
    paths
        .iter()
        .filter(|p| !p.to_string_lossy().ends_with(".en.md"))
        .filter(|p| {
            p.strip_prefix(content_dir)
                .is_ok_and(|rel| !except.iter().any(|e| e == rel))
        })
        .filter_map(|p| {
            let text = fsutil::read_text(p).ok()?;
            parse_article(p, &text, &mut Vec::new())
                .ok()
                .map(|a| a.front.slug)
        })
        .collect()
}

fn load_translation(path: &Path, warnings: &mut Vec<Warning>) -> Result<Translation> {
    parse_translation(path, &fsutil::read_text(path)?, warnings)
}

/// Parses the text of a translation file (`path` names it in errors).
pub fn parse_translation(
    path: &Path,
    text: &str,
    warnings: &mut Vec<Warning>,
) -> Result<Translation> {
    let (yaml, body, body_line) = split_front_matter(path, text)?;
    let front: TranslationFront = parse_front(path, yaml, warnings)?;
    let blocks = parse_blocks(path, body, body_line)?;
    Ok(Translation {
        path: path.to_path_buf(),
        front,
        blocks,
    })
}

fn parse_front<T: DeserializeOwned>(
    path: &Path,
    yaml: &str,
    warnings: &mut Vec<Warning>,
) -> Result<T> {
    crate::yaml::parse_mapping(path, yaml, 1, warnings)
}

/// Splits `---` front matter from the body; returns (yaml, body, first body line).
pub fn split_front_matter<'a>(path: &Path, text: &'a str) -> Result<(&'a str, &'a str, usize)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
        .ok_or_else(|| Error::at_line(path, 1, "the file must start with `---` front matter"))?;
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Ok((yaml, body, i + 3));
        }
        offset += line.len();
    }
    Err(Error::at_line(
        path,
        1,
        "front matter is not closed by a `---` line",
    ))
}

/// Parses a body into blocks. Each block starts with a marker line
/// `{#id lines=a-b zh=hash}`; text before the first marker becomes a block with
/// id `intro`. A body without markers is one block with id `body`.
pub fn parse_blocks(path: &Path, body: &str, first_line: usize) -> Result<Vec<Block>> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    let mut preamble = String::new();
    for (i, line) in body.lines().enumerate() {
        let line_no = first_line + i;
        if let Some(marker) = line
            .trim()
            .strip_prefix("{#")
            .and_then(|m| m.strip_suffix('}'))
        {
            if let Some(done) = current.take() {
                blocks.push(done);
            }
            let block = parse_marker(path, line_no, marker)?;
            if blocks.iter().any(|b| b.id == block.id) {
                return Err(Error::at_line(
                    path,
                    line_no,
                    format!("paragraph id `{}` is used twice", block.id),
                ));
            }
            current = Some(block);
        } else if let Some(block) = current.as_mut() {
            block.markdown.push_str(line);
            block.markdown.push('\n');
        } else {
            preamble.push_str(line);
            preamble.push('\n');
        }
    }
    blocks.extend(current);
    if !preamble.trim().is_empty() {
        let id = if blocks.is_empty() { "body" } else { "intro" };
        blocks.insert(
            0,
            Block {
                id: id.into(),
                lines: None,
                source_hash: None,
                markdown: preamble,
                cut: false,
                file_line: first_line,
            },
        );
    }
    for block in &mut blocks {
        block.markdown = block.markdown.trim().to_string();
    }
    check_nesting(path, body, first_line)?;
    // every article's blocks stay loaded for the whole build
    blocks.shrink_to_fit();
    Ok(blocks)
}

/// Deepest nesting of quotes and lists a Markdown text may use. Real text
/// stays far below; much deeper nesting would exhaust the renderer's stack.
pub const MAX_NESTING: usize = 32;

/// Refuses Markdown nested deeper than [`MAX_NESTING`] levels, naming the line.
fn check_nesting(path: &Path, body: &str, first_line: usize) -> Result<()> {
    for (i, line) in body.lines().enumerate() {
        let depth = nesting_depth(line);
        if depth > MAX_NESTING {
            return Err(Error::at_line(
                path,
                first_line + i,
                format!("quotes or lists nested {depth} levels deep (at most {MAX_NESTING})"),
            ));
        }
    }
    Ok(())
}

/// Container depth at the start of a line: `>` quotes, list markers and
/// indentation (two spaces a level).
fn nesting_depth(line: &str) -> usize {
    let bytes = line.as_bytes();
    let (mut depth, mut spaces, mut i) = (0, 0, 0);
    while i < bytes.len() {
        match bytes[i] {
            // indentation counts only before the first marker
            b' ' if depth == 0 => spaces += 1,
            b'\t' if depth == 0 => spaces += 4,
            b' ' | b'\t' => {}
            b'>' => depth += 1,
            b'-' | b'*' | b'+' if bytes.get(i + 1) == Some(&b' ') => depth += 1,
            b'0'..=b'9' => {
                let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                match bytes.get(i + digits) {
                    Some(b'.' | b')') if bytes.get(i + digits + 1) == Some(&b' ') => {
                        depth += 1;
                        i += digits;
                    }
                    _ => break,
                }
            }
            _ => break,
        }
        i += 1;
    }
    depth + spaces / 2
}

fn parse_marker(path: &Path, line: usize, marker: &str) -> Result<Block> {
    let mut parts = marker.split_whitespace();
    let id = parts.next().unwrap_or_default();
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(Error::at_line(
            path,
            line,
            format!("`{{#{marker}}}`: a paragraph id is letters, digits, - and _"),
        ));
    }
    let mut block = Block {
        id: id.into(),
        lines: None,
        source_hash: None,
        markdown: String::new(),
        cut: false,
        file_line: line,
    };
    for attr in parts {
        match attr.split_once('=') {
            Some(("lines", range)) => {
                let (a, b) = range.split_once('-').unwrap_or((range, range));
                match (a.parse(), b.parse()) {
                    (Ok(a), Ok(b)) if a <= b => block.lines = Some([a, b]),
                    _ => {
                        return Err(Error::at_line(
                            path,
                            line,
                            format!("`lines={range}` must be a line or a range like 12-14"),
                        ));
                    }
                }
            }
            Some(("zh", hash)) => block.source_hash = Some(hash.to_string()),
            None if attr == "cut" => block.cut = true,
            _ => {
                return Err(Error::at_line(
                    path,
                    line,
                    format!(
                        "unknown attribute `{attr}` in paragraph marker (known: lines=, zh=, cut)"
                    ),
                ));
            }
        }
    }
    Ok(block)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_with_markers() {
        let body = "\n{#p3 lines=3-6}\n民生无小事。\n\n{#p8 lines=8}\n## 标题\n";
        let blocks = parse_blocks(Path::new("a.md"), body, 5).unwrap();
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].lines, Some([3, 6]));
        assert_eq!(blocks[0].file_line, 6);
        assert_eq!(blocks[1].markdown, "## 标题");
    }

    #[test]
    fn bad_marker_names_the_line() {
        let err = parse_blocks(Path::new("a.md"), "{#p3 lines=9-2}\n文\n", 7).unwrap_err();
        assert!(err.to_string().starts_with("a.md:7:"), "{err}");
    }

    #[test]
    fn deep_nesting_is_refused_with_its_line() {
        assert_eq!(nesting_depth("> > - 1. text"), 4);
        assert_eq!(nesting_depth("    - item"), 3);
        assert_eq!(nesting_depth("2022年，街道"), 0);
        let body = format!("{{#p1}}\nfine\n\n{}deep\n", "> ".repeat(40));
        let err = parse_blocks(Path::new("a.md"), &body, 5).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("a.md:8: quotes or lists nested"),
            "{err}"
        );
    }

    #[test]
    fn front_matter_must_close() {
        let err = split_front_matter(Path::new("a.md"), "---\ntitle: x\n").unwrap_err();
        assert!(err.to_string().contains("not closed"));
    }
}
