//! The `minsheng` command line: parses arguments and calls the library.

use clap::{Parser, Subcommand};
use minsheng::build::{BuildOptions, build};
use minsheng::check::{Severity, check};
use minsheng::ingest::{IngestOptions, run as ingest};
use minsheng::serve::{ServeOptions, serve};
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

/// Turns raw Chinese news texts about district livelihood projects into a
/// bilingual (Chinese / English) explainer website.
#[derive(Parser)]
#[command(name = "minsheng", version, about)]
struct Cli {
    /// Project folder (holds config.yaml, seeds/, content/, themes/).
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    /// Print stage timings.
    #[arg(long, short, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default: public/).
    Build {
        /// Output folder.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Absolute URL the site is deployed at, e.g. https://example.org/sub/.
        #[arg(long)]
        base_url: Option<String>,
        /// Fail on any problem `check` reports, including untranslated or stale
        /// paragraphs and figures or glossary terms missing from a translation.
        #[arg(long)]
        strict: bool,
    },
    /// Build, serve on loopback, and with --watch rebuild and reload browsers on change.
    Serve {
        /// Rebuild on change and reload open browser tabs.
        #[arg(long)]
        watch: bool,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to bind (default loopback only).
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
        /// Output folder.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Report problems (untranslated or stale paragraphs, broken links) without writing output.
    Check,
    /// Start the English translation of an article: writes content/.../<slug>.en.md
    /// with one stamped marker per Chinese paragraph.
    Translate {
        /// Slug of the article.
        slug: String,
    },
    /// Turn changed seeds into articles in content/ (hand-edited articles are kept).
    Ingest {
        /// Regenerate every seed and overwrite hand-edited articles.
        #[arg(long)]
        force: bool,
        /// Print every line of this seed with what ingest makes of it (writes nothing).
        #[arg(long, value_name = "SEED")]
        explain: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        // the PDF parser's panics are errors about the file, reported as such
        if std::thread::current().name() == Some(minsheng::ingest::pdf_seed::PDF_THREAD) {
            return;
        }
        eprintln!(
            "internal error: {info}\nThis is a bug in minsheng; please report it with the input that caused it."
        );
    }));
    let cli = Cli::parse();
    match std::panic::catch_unwind(|| run(cli)) {
        Ok(Ok(code)) => code,
        Ok(Err(error)) => {
            eprintln!("error: {error}");
            ExitCode::from(if error.is_user_error() { 1 } else { 2 })
        }
        Err(_) => ExitCode::from(2),
    }
}

fn run(cli: Cli) -> minsheng::Result<ExitCode> {
    let root = cli.root;
    match cli.command {
        Command::Build {
            out,
            base_url,
            strict,
        } => run_build(
            BuildOptions {
                root,
                out,
                base_url,
                no_minify: false,
                strict,
            },
            cli.verbose,
        ),
        Command::Serve {
            watch,
            port,
            bind,
            out,
        } => {
            serve(ServeOptions {
                build: BuildOptions {
                    root,
                    out,
                    base_url: None,
                    no_minify: true,
                    strict: false,
                },
                bind,
                port,
                watch,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check => run_check(&root, cli.verbose),
        Command::Translate { slug } => {
            let path = minsheng::translate::scaffold(&root, &slug)?;
            println!(
                "wrote {}: write the English under each marker",
                path.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Ingest {
            explain: Some(seed),
            ..
        } => {
            print!("{}", minsheng::ingest::explain_file(&seed)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Ingest { force, .. } => {
            let report = ingest(&root, IngestOptions { force })?;
            print_ingest(&report);
            println!(
                "ingest: {} file(s) written, {} seed(s) unchanged, {} hand-edited file(s) kept",
                report.written.len(),
                report.unchanged_seeds,
                report.kept.len()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn run_build(options: BuildOptions, verbose: bool) -> minsheng::Result<ExitCode> {
    let report = build(&options)?;
    print_ingest(&report.ingest);
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    if verbose {
        for (stage, ms) in &report.timings {
            eprintln!("  {stage:<24} {ms:>8.1} ms");
        }
        eprintln!(
            "  {} files unchanged since the last build, linked",
            report.reused
        );
    }
    println!(
        "built {} articles, {} pages into {}",
        report.articles,
        report.pages,
        report.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn run_check(root: &std::path::Path, verbose: bool) -> minsheng::Result<ExitCode> {
    let report = check(root)?;
    for f in &report.findings {
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
            Severity::Query => "query",
        };
        if f.severity > Severity::Info || verbose {
            let at = if f.location.is_empty() {
                String::new()
            } else {
                format!("{}: ", f.location)
            };
            println!("{level}: {at}{}", f.message);
        }
    }
    let (done, total): (usize, usize) = report
        .coverage
        .iter()
        .fold((0, 0), |(d, t), c| (d + c.translated, t + c.total));
    for c in &report.coverage {
        let stale = if c.stale > 0 {
            format!(", {} stale", c.stale)
        } else {
            String::new()
        };
        println!(
            "{:<48} {:>4}/{:<4} translated{stale}",
            c.slug, c.translated, c.total
        );
    }
    println!("translation coverage: {done}/{total} paragraphs");
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    println!("{errors} error(s)");
    Ok(if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_ingest(report: &minsheng::ingest::IngestReport) {
    for path in &report.written {
        eprintln!("ingest: wrote {}", path.display());
    }
    for path in &report.removed {
        eprintln!(
            "ingest: removed {} (its seed no longer produces it)",
            path.display()
        );
    }
    for (kept, new) in &report.kept {
        eprintln!(
            "ingest: {} was edited by hand and is kept; the regenerated version is in {} (use `minsheng ingest --force` to overwrite)",
            kept.display(),
            new.display()
        );
    }
    for note in &report.notes {
        eprintln!("ingest: {note}");
    }
}
