//! The build: configuration → ingest of changed seeds → content → rendered
//! pages → an atomically replaced output folder. Each stage is timed.

use crate::config::Warning;
use crate::error::Result;
use crate::ingest::{self, IngestOptions, IngestReport};
use crate::output;
use crate::output::{OutFile, StaticFile};
use crate::project::{self, Project};
use crate::render::{self, Theme};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What to build and where.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Output folder (default: the configuration's, `public/`).
    pub out: Option<PathBuf>,
    pub base_url: Option<String>,
    /// Skip minification (faster, for `serve`).
    pub no_minify: bool,
    /// Refuse to build while `check` finds any problem (untranslated, stale,
    /// missing figures or glossary renderings, broken links).
    pub strict: bool,
}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    pub out: PathBuf,
    pub pages: usize,
    pub articles: usize,
    /// Files linked unchanged from the previous build.
    pub reused: usize,
    pub ingest: IngestReport,
    pub warnings: Vec<Warning>,
    /// Stage name and milliseconds.
    pub timings: Vec<(&'static str, f64)>,
}

fn lap(timings: &mut Vec<(&'static str, f64)>, name: &'static str, start: &mut Instant) {
    timings.push((name, start.elapsed().as_secs_f64() * 1000.0));
    *start = Instant::now();
}

/// Ingests changed seeds, then loads the project.
pub fn load(
    root: &Path,
    base_url: Option<&str>,
    timings: &mut Vec<(&'static str, f64)>,
) -> Result<(Project, IngestReport)> {
    let mut clock = Instant::now();
    let (config, warnings) = project::config(root, base_url)?;
    let ingest = ingest::run(&config.root, IngestOptions::default())?;
    lap(timings, "ingest", &mut clock);
    let project = project::load(config, warnings)?;
    lap(timings, "load", &mut clock);
    Ok((project, ingest))
}

/// What a build keeps in memory for rebuilding after a change (see
/// [`crate::serve`]): the loaded project, its theme, what rendering kept of
/// each article, and the search segmenter.
pub struct Built {
    pub loaded: Project,
    pub theme: Theme,
    pub rendered: render::Rendered,
    pub segmenter: Option<crate::search::Segmenter>,
    /// The output folder, absolute.
    pub out: PathBuf,
}

/// What a deployable site lacks for want of its address: canonical links,
/// hreflang alternates and the sitemap need absolute URLs, and are left out
/// without one; feeds then link relatively.
fn publishing_warnings(config: &crate::config::Config) -> Vec<Warning> {
    match config.base_url {
        Some(_) => Vec::new(),
        None => vec![format!(
            "base_url is not set, so canonical links, hreflang alternates{} are left out and feeds link relatively: set base_url in config.yaml or pass --base-url to publish",
            if config.sitemap {
                " and the sitemap"
            } else {
                ""
            }
        )],
    }
}

/// Builds the site. Each article's paragraphs are dropped as soon as its
/// pages are rendered, so that memory holds the site's front matter and list
/// items but not all of its text at the end.
pub fn build(options: &BuildOptions) -> Result<BuildReport> {
    let (report, built) = build_with(options, false)?;
    // freeing tens of thousands of articles takes a while: it happens on
    // another thread, so a build returns (and a command ends) without it
    std::thread::spawn(move || drop(built));
    Ok(report)
}

/// Builds the site and keeps what a rebuild after a change can reuse.
pub fn build_keeping(options: &BuildOptions) -> Result<(BuildReport, Built)> {
    build_with(options, true)
}

fn build_with(options: &BuildOptions, keep: bool) -> Result<(BuildReport, Built)> {
    let mut timings = Vec::new();
    let (mut loaded, ingest) = load(&options.root, options.base_url.as_deref(), &mut timings)?;
    // the segmenter's dictionary loads while the site renders
    let segmenter = loaded
        .config
        .search
        .then(|| crate::search::Segmenter::load_in_background(loaded.glossary.forms()));
    if options.strict {
        let problems = crate::check::check_loaded(&loaded).strict_problems();
        if !problems.is_empty() {
            return Err(crate::Error::Strict(problems));
        }
    }
    let out = output_folder(options, &loaded)?;
    let mut clock = Instant::now();
    let theme = Theme::load(&loaded.config)?;
    let staging = output::Staging::create(&out, loaded.config.minify && !options.no_minify)?;
    let (rendered, segmenter, pages) = render_into(&staging, &mut loaded, &theme, segmenter, keep)?;
    lap(&mut timings, "render and search index", &mut clock);
    let statics: Vec<(String, StaticFile)> = theme
        .static_files
        .iter()
        .map(|(path, file)| (path.clone(), file.clone()))
        .collect();
    staging.copy_static(&statics)?;
    let reused = staging.reused();
    staging.finish()?;
    lap(&mut timings, "write", &mut clock);
    let report = BuildReport {
        out: out.clone(),
        pages,
        articles: loaded.articles.len(),
        reused,
        ingest,
        warnings: publishing_warnings(&loaded.config)
            .into_iter()
            .chain(std::mem::take(&mut loaded.warnings))
            .collect(),
        timings,
    };
    let built = Built {
        loaded,
        theme,
        rendered,
        segmenter,
        out,
    };
    Ok((report, built))
}

/// The absolute output folder, checked to be safe to replace.
fn output_folder(options: &BuildOptions, loaded: &Project) -> Result<PathBuf> {
    let out = options
        .out
        .clone()
        .unwrap_or_else(|| loaded.config.output_dir.clone());
    let out = if out.is_absolute() {
        out
    } else {
        std::env::current_dir().unwrap_or_default().join(out)
    };
    output::check_output_dir(&loaded.config.root, &out)?;
    Ok(out)
}

/// Renders every page, the data files and (once its segmenter has loaded)
/// the search index into the staging folder. Returns what rendering kept,
/// the segmenter, and the number of HTML pages written.
fn render_into(
    staging: &output::Staging,
    loaded: &mut Project,
    theme: &Theme,
    segmenter: Option<std::thread::JoinHandle<crate::search::Segmenter>>,
    keep: bool,
) -> Result<(render::Rendered, Option<crate::search::Segmenter>, usize)> {
    let pages = std::sync::atomic::AtomicUsize::new(0);
    // progress on a terminal for larger sites; nothing when output is piped
    let expected = loaded.articles.len() * 2;
    let progress = expected > 300 && std::io::IsTerminal::is_terminal(&std::io::stderr());
    let sink = |file: OutFile| {
        if file.path.ends_with(".html") {
            let done = pages.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if progress && done.is_multiple_of(250) {
                eprint!("\r  rendering {done}/{expected} article pages");
            }
        }
        staging.write(&file)
    };
    // the search index builds beside the pages, from the text taken before
    // rendering releases it
    let documents = segmenter
        .is_some()
        .then(|| crate::search::Documents::of(&loaded.articles));
    let Project {
        config,
        articles,
        glossary,
        guides,
        seeds,
        ..
    } = loaded;
    let shelf = render::Shelf {
        seeds,
        glossary,
        guides,
    };
    let (rendered, index) = rayon::join(
        || render::render_site(config, theme, articles, &shelf, !keep, &sink),
        || {
            segmenter.zip(documents).map(|(segmenter, documents)| {
                let segmenter = segmenter
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (documents.index(&segmenter), segmenter)
            })
        },
    );
    let rendered = rendered?;
    let (index, segmenter) = index.unzip();
    if progress {
        eprint!("\r{:60}\r", "");
    }
    for file in render::data::fact_files(&loaded.articles) {
        staging.write(&file)?;
    }
    if let Some(index) = index {
        staging.write(&index)?;
    }
    Ok((rendered, segmenter, pages.into_inner()))
}
