//! The site kept in memory while serving. After a change to article files
//! only, the changed articles are loaded again and only the pages they touch
//! are rendered — their own pages, their neighbours', the lists, feeds,
//! sitemap and search index — and written in place, each file replaced whole.
//! Any other change (configuration, glossary, seeds, themes, section files)
//! gets a full build.

use crate::build::{BuildOptions, BuildReport, Built, build_keeping};
use crate::content::model::Article;
use crate::error::{Error, Result};
use crate::output;
use crate::output::OutFile;
use crate::render;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What a rebuild did.
pub enum Rebuilt {
    /// A full build.
    Full(BuildReport),
    /// Only the pages the changed articles touch.
    Partial {
        articles: usize,
        /// Article pages rendered.
        pages: usize,
        /// Files whose bytes changed.
        written: usize,
    },
}

/// A served site and what its last build kept.
pub struct Session {
    options: BuildOptions,
    built: Option<Built>,
}

impl Session {
    /// A session that builds in full on its first rebuild.
    pub fn new(options: BuildOptions) -> Session {
        Session {
            options,
            built: None,
        }
    }

    /// Builds everything and keeps the result.
    pub fn build(&mut self) -> Result<BuildReport> {
        self.built = None;
        let (report, mut built) = build_keeping(&self.options)?;
        if let Some(segmenter) = &mut built.segmenter {
            segmenter.remember();
        }
        self.built = Some(built);
        Ok(report)
    }

    /// Forgets what the last build kept, so that the next rebuild is a full
    /// one (after a rebuild that did not finish).
    pub fn reset(&mut self) {
        self.built = None;
    }

    /// Rebuilds after the files at `changed` were saved, created or removed.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Rebuilt> {
        inject_fault(changed);
        let Some(built) = self.built.as_mut() else {
            return self.build().map(Rebuilt::Full);
        };
        let Some(articles) = changed_articles(&built.loaded.config.root, changed) else {
            return self.build().map(Rebuilt::Full);
        };
        // an article that does not load leaves everything as it was
        let mut warnings = Vec::new();
        let mut fresh = Vec::new();
        for path in articles.iter().filter(|p| p.is_file()) {
            fresh.push(crate::content::load_article(path, &mut warnings)?);
        }
        let kept = built
            .loaded
            .articles
            .iter()
            .filter(|a| !articles.contains(&a.path));
        Error::from_list(crate::content::duplicate_slugs(kept.chain(&fresh)))?;
        for warning in &warnings {
            eprintln!("warning: {warning}");
        }
        let result = update(built, &articles, fresh);
        if result.is_err() {
            // the output may be partly updated: the next change builds in full
            self.built = None;
        }
        result
    }
}

/// The Chinese source files of the articles that `changed` touch, if every
/// changed path is an article or translation file; `None` otherwise.
fn changed_articles(root: &Path, changed: &[PathBuf]) -> Option<HashSet<PathBuf>> {
    let content = root.join("content");
    let mut articles = HashSet::new();
    for path in changed {
        let relative = path.strip_prefix(&content).ok()?;
        let name = relative.file_name()?.to_str()?;
        if !name.ends_with(".md") || name.starts_with(['_', '.']) {
            return None;
        }
        let chinese = match name.strip_suffix(".en.md") {
            Some(stem) => path.with_file_name(format!("{stem}.md")),
            None => path.clone(),
        };
        articles.insert(content.join(chinese.strip_prefix(&content).ok()?));
    }
    Some(articles)
}

/// Puts the freshly loaded articles in place of the changed ones and renders
/// what they touch.
fn update(built: &mut Built, changed: &HashSet<PathBuf>, fresh: Vec<Article>) -> Result<Rebuilt> {
    let mut articles = std::mem::take(&mut built.loaded.articles);
    articles.retain(|a| !changed.contains(&a.path));
    articles.extend(fresh);
    articles.sort_by(|a, b| a.path.cmp(&b.path));
    let loaded = &built.loaded;
    let before: HashSet<String> = built.rendered.slugs().map(str::to_string).collect();
    let out = built.out.clone();
    // every touched file is rendered before any is written: a failed render
    // leaves the served folder as it was
    let files = std::sync::Mutex::new(Vec::new());
    let sink = |file: OutFile| {
        files.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        Ok(())
    };
    // the search index and fact files build beside the pages
    let (pages, others) = rayon::join(
        || {
            render::render_changed(
                &loaded.config,
                &built.theme,
                &articles,
                &render::Shelf {
                    seeds: &loaded.seeds,
                    glossary: &loaded.glossary,
                    guides: &loaded.guides,
                },
                &mut built.rendered,
                changed,
                &sink,
            )
        },
        || {
            let mut files = render::data::fact_files(&articles);
            if let Some(segmenter) = &built.segmenter {
                files.push(crate::search::index_file(&articles, segmenter));
            }
            files.into_iter().try_for_each(&sink)
        },
    );
    let pages = pages?;
    others?;
    let mut written = 0;
    for file in files.into_inner().unwrap_or_else(|e| e.into_inner()) {
        written += usize::from(output::replace_file(&out, &file)?);
    }
    let after: HashSet<&str> = articles.iter().map(|a| a.front.slug.as_str()).collect();
    for gone in before.iter().filter(|slug| !after.contains(slug.as_str())) {
        for lang in crate::lang::Lang::ALL {
            output::remove_pages(&out, &format!("{lang}/{gone}"))?;
        }
    }
    built.loaded.articles = articles;
    Ok(Rebuilt::Partial {
        articles: changed.len(),
        pages,
        written,
    })
}

/// Test builds only: a rebuild panics when a changed file is named as
/// `MINSHENG_FAULT_ON_SAVE` says, so that tests can show the watcher survives
/// a fault no real input triggers any more.
#[cfg(debug_assertions)]
fn inject_fault(changed: &[PathBuf]) {
    if let Some(name) = std::env::var_os("MINSHENG_FAULT_ON_SAVE")
        && changed
            .iter()
            .any(|p| p.file_name() == Some(name.as_os_str()) && p.is_file())
    {
        panic!("fault injected on saving {}", name.to_string_lossy());
    }
}

#[cfg(not(debug_assertions))]
fn inject_fault(_: &[PathBuf]) {}
