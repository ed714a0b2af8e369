//! A project as read from disk, without writing anything: its checked
//! configuration, the articles and translations of `content/`, the glossary,
//! and the seeds' text for the source pages. `build` ingests changed seeds
//! before it loads; `check` only loads.

use crate::config::{Config, Warning};
use crate::content::{self, glossary::Glossary, model::Article};
use crate::error::{Error, Result};
use std::path::Path;

/// A seed's text, for its source page.
pub struct SeedText {
    pub name: String,
    pub text: String,
}

/// Everything loaded from a project, before rendering.
pub struct Project {
    pub config: Config,
    pub articles: Vec<Article>,
    pub glossary: Glossary,
    /// Explainer pages (`content/guides/`).
    pub guides: Vec<content::guides::Guide>,
    pub seeds: Vec<SeedText>,
    pub warnings: Vec<Warning>,
}

/// Reads the configuration at `root`, with `base_url` (when given) in place
/// of the configured one.
pub fn config(root: &Path, base_url: Option<&str>) -> Result<(Config, Vec<Warning>)> {
    let (mut config, warnings) = Config::load(root)?;
    if let Some(url) = base_url {
        config.set_base_url(url)?;
    }
    Ok((config, warnings))
}

/// Loads the content, glossary and seed texts of a configured project.
pub fn load(config: Config, mut warnings: Vec<Warning>) -> Result<Project> {
    let content_dir = config.root.join("content");
    let (articles, content_warnings) = content::load_articles(&content_dir)?;
    warnings.extend(content_warnings);
    let seeds = load_seed_texts(&config.root, &mut warnings)?;
    let glossary = Glossary::load(&content_dir)?;
    let guides = content::guides::load_guides(&content_dir)?;
    Error::from_list(content::guides::clashes(&guides, &articles))?;
    Ok(Project {
        config,
        articles,
        glossary,
        guides,
        seeds,
        warnings,
    })
}

/// Seeds as text for the source pages, each with its sidecar checked.
fn load_seed_texts(root: &Path, warnings: &mut Vec<Warning>) -> Result<Vec<SeedText>> {
    let dir = root.join("seeds");
    let mut seeds = Vec::new();
    if !dir.is_dir() {
        return Ok(seeds);
    }
    for entry in walkdir::WalkDir::new(&dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| Error::in_file(&dir, e.to_string()))?;
        let name = entry.file_name().to_string_lossy().to_string();
        if !entry.file_type().is_file() || !crate::ingest::is_seed_name(&name) {
            continue;
        }
        let bytes = crate::fsutil::read(entry.path())?;
        let decoded = crate::ingest::read_seed(entry.path(), &bytes)?;
        // a sidecar is checked against the seed it belongs to
        crate::ingest::sidecar::load(entry.path(), decoded.text.lines().count(), warnings)?;
        seeds.push(SeedText {
            name,
            text: decoded.text.replace("\r\n", "\n").replace('\r', "\n"),
        });
    }
    Ok(seeds)
}
