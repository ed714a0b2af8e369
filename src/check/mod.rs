//! `minsheng check`: reports problems without writing output — untranslated
//! and stale paragraphs, figures or glossary renderings missing from a
//! translation, broken internal links and anchors, facts that no longer match
//! their paragraph — each naming the file and line.

mod style;
mod translation;

use crate::content::model::{Article, block_hash};
use crate::error::Result;
use crate::project::{self, Project};
use std::path::Path;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Info,
    /// An editor's query on the source (`[query: …]`): always listed, never
    /// a problem of the build.
    Query,
    Warning,
    Error,
}

/// One finding of `check`.
#[derive(Debug, Clone)]
pub struct Finding {
    pub severity: Severity,
    pub location: String,
    pub message: String,
}

/// Per-article translation coverage.
#[derive(Debug, Clone)]
pub struct Coverage {
    pub slug: String,
    pub translated: usize,
    pub total: usize,
    pub stale: usize,
}

/// The result of a check.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub findings: Vec<Finding>,
    pub coverage: Vec<Coverage>,
}

impl CheckReport {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// Problems that `build --strict` refuses: every warning and error, and
    /// every paragraph without translation.
    pub fn strict_problems(&self) -> Vec<String> {
        let mut problems: Vec<String> = self
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning)
            .map(|f| match f.location.as_str() {
                "" => f.message.clone(),
                at => format!("{at}: {}", f.message),
            })
            .collect();
        for c in self.coverage.iter().filter(|c| c.translated < c.total) {
            problems.push(format!(
                "{}: {} of {} paragraphs translated",
                c.slug, c.translated, c.total
            ));
        }
        problems
    }
}

/// Checks the project at `root`.
/// Reads the project only: seeds not yet ingested are not turned into
/// articles, and nothing is written.
pub fn check(root: &Path) -> Result<CheckReport> {
    let (config, warnings) = project::config(root, None)?;
    Ok(check_loaded(&project::load(config, warnings)?))
}

/// Checks a loaded project.
pub fn check_loaded(loaded: &Project) -> CheckReport {
    let mut report = CheckReport::default();
    for warning in &loaded.warnings {
        report.findings.push(Finding {
            severity: Severity::Warning,
            location: String::new(),
            message: warning.clone(),
        });
    }
    for article in &loaded.articles {
        check_article(article, &loaded.articles, &mut report);
        translation::check_translation(article, &loaded.glossary, &mut report);
        list_queries(article, &mut report);
    }
    style::check_style(&loaded.articles, &mut report);
    style::check_guides(&loaded.guides, &mut report);
    if loaded.config.base_url.is_none() {
        report.findings.push(Finding {
            severity: Severity::Info,
            location: "config.yaml".into(),
            message: "base_url is not set: build leaves out canonical links, hreflang alternates and the sitemap, and feeds link relatively (set it, or pass --base-url to build)".into(),
        });
    }
    report
}

/// Lists every editor's query (`[query: …]`) in an article and its
/// translation, for the editor to resolve with the source.
fn list_queries(article: &Article, report: &mut CheckReport) {
    let english = article
        .translation
        .iter()
        .flat_map(|t| t.blocks.iter().map(move |b| (t.path.as_path(), b)));
    let chinese = article.blocks.iter().map(|b| (article.path.as_path(), b));
    for (path, block) in chinese.chain(english) {
        for query in crate::markdown::queries(&block.markdown) {
            report.findings.push(Finding {
                severity: Severity::Query,
                location: at(path, block.file_line + 1),
                message: format!("paragraph {}: editor's query: {query}", block.id),
            });
        }
    }
}

fn at(path: &Path, line: usize) -> String {
    format!("{}:{line}", path.display())
}

fn check_article(article: &Article, all: &[Article], report: &mut CheckReport) {
    let mut coverage = Coverage {
        slug: article.front.slug.clone(),
        translated: 0,
        total: article.blocks.len(),
        stale: 0,
    };
    for block in &article.blocks {
        check_refused_figures(article, block, report);
        match article
            .english(&block.id)
            .filter(|b| !b.markdown.is_empty())
        {
            Some(english) => {
                coverage.translated += 1;
                let stale = english
                    .source_hash
                    .as_deref()
                    .is_some_and(|stamp| stamp != block_hash(&block.markdown));
                if stale {
                    coverage.stale += 1;
                    let path = &article.translation.as_ref().expect("has translation").path;
                    report.findings.push(Finding {
                        severity: Severity::Warning,
                        location: at(path, english.file_line),
                        message: format!("paragraph {} is stale: the Chinese changed since it was translated (zh={})", block.id, block_hash(&block.markdown)),
                    });
                }
            }
            None => report.findings.push(Finding {
                severity: Severity::Info,
                location: at(&article.path, block.file_line),
                message: format!("paragraph {} has no English translation yet", block.id),
            }),
        }
        check_links(article, block, all, report);
    }
    if let Some(translation) = &article.translation {
        for english in &translation.blocks {
            if !article.blocks.iter().any(|b| b.id == english.id) {
                report.findings.push(Finding {
                    severity: Severity::Error,
                    location: at(&translation.path, english.file_line),
                    message: format!(
                        "translation of paragraph {} has no Chinese paragraph with that id",
                        english.id
                    ),
                });
            }
        }
    }
    for fact in &article.front.facts {
        let Some(block) = article.blocks.iter().find(|b| b.id == fact.para) else {
            report.findings.push(Finding {
                severity: Severity::Error,
                location: article.path.display().to_string(),
                message: format!(
                    "fact {} points to paragraph {}, which does not exist",
                    fact.id, fact.para
                ),
            });
            continue;
        };
        if !crate::markdown::to_plain_text(&block.markdown).contains(&fact.text) {
            report.findings.push(Finding {
                severity: Severity::Warning,
                location: at(&article.path, block.file_line),
                message: format!("fact {} (`{}`) is no longer in paragraph {}: stale, re-run ingest or fix the fact", fact.id, fact.text, fact.para),
            });
        }
    }
    report.coverage.push(coverage);
}

/// Figures of a paragraph left out as none a reader can trust (`2月30日`).
fn check_refused_figures(
    article: &Article,
    block: &crate::content::model::Block,
    report: &mut CheckReport,
) {
    let text = crate::markdown::to_plain_text(&block.markdown);
    for (figure, why) in crate::ingest::facts::refused_figures(&text) {
        report.findings.push(Finding {
            severity: Severity::Warning,
            location: format!("{}:{}", article.path.display(), block.file_line),
            message: format!(
                "paragraph {}: `{figure}` is {why}, so no fact was made of it: check the source",
                block.id
            ),
        });
    }
}

/// Internal links in Markdown (`../slug/`, `#p12`) must point to an article or paragraph that exists.
fn check_links(
    article: &Article,
    block: &crate::content::model::Block,
    all: &[Article],
    report: &mut CheckReport,
) {
    for event in pulldown_cmark::Parser::new(&block.markdown) {
        let pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) = event else {
            continue;
        };
        let url = dest_url.to_string();
        if url.contains("://") || url.starts_with("mailto:") {
            continue;
        }
        let (path, anchor) = url.split_once('#').unwrap_or((&url, ""));
        let slug = path
            .trim_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default();
        let target = if slug.is_empty() || slug == "." {
            Some(article)
        } else {
            all.iter().find(|a| a.front.slug == slug)
        };
        let broken = match target {
            None => true,
            Some(t) => !anchor.is_empty() && !t.blocks.iter().any(|b| b.id == anchor),
        };
        if broken {
            report.findings.push(Finding {
                severity: Severity::Error,
                location: at(&article.path, block.file_line),
                message: format!("broken internal link `{url}` in paragraph {}", block.id),
            });
        }
    }
}
