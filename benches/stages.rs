//! Stage benchmarks on the real site: each stage of a build timed on its own
//! (median and fastest of several runs), so that a change to one stage shows
//! in its own line. Run with `cargo bench --bench stages`; pass a number to
//! change the runs per stage (`cargo bench --bench stages -- 50`).

use minsheng::build::{BuildOptions, build, load};
use minsheng::output::OutFile;
use minsheng::render::{Theme, render_site};
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

fn main() {
    let runs: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(20);
    let project = copy_of_project();
    let root = project.path();
    let mut table = Vec::new();

    let terms = minsheng::content::glossary::Glossary::load(&root.join("content"))
        .expect("glossary")
        .forms();
    table.push(time("segmenter dictionary", runs, || {
        std::hint::black_box(minsheng::search::Segmenter::new(&terms));
    }));
    let seeds: Vec<(String, String)> = std::fs::read_dir(root.join("seeds"))
        .expect("seeds")
        .map(|e| {
            let path = e.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("seed text");
            (path.file_name().unwrap().to_string_lossy().into(), text)
        })
        .collect();
    table.push(time("ingest (5 seeds)", runs, || {
        let mut taken = Vec::new();
        for (name, text) in &seeds {
            std::hint::black_box(minsheng::ingest::ingest_text(name, text, &mut taken));
        }
    }));
    table.push(time("load content", runs, || {
        std::hint::black_box(load(root, None, &mut Vec::new()).expect("load"));
    }));
    let (mut loaded, _) = load(root, None, &mut Vec::new()).expect("load");
    let theme = Theme::load(&loaded.config).expect("theme");
    let rendered = Mutex::new(Vec::new());
    let mut render_into = |keep: bool| {
        let sink = |file: OutFile| {
            if keep {
                rendered.lock().unwrap().push(file);
            }
            Ok(())
        };
        render_site(
            &loaded.config,
            &theme,
            &mut loaded.articles,
            &minsheng::render::Shelf {
                seeds: &loaded.seeds,
                glossary: &loaded.glossary,
                guides: &loaded.guides,
            },
            false,
            &sink,
        )
        .expect("render");
    };
    table.push(time("render pages", runs, || render_into(false)));
    render_into(true);
    let pages = rendered.into_inner().unwrap();
    table.push(time("minify pages", runs, || {
        for page in &pages {
            std::hint::black_box(minsheng::output::minify_file(&page.path, &page.bytes));
        }
    }));
    let segmenter = minsheng::search::Segmenter::new(&terms);
    table.push(time("search index", runs, || {
        std::hint::black_box(minsheng::search::index_file(&loaded.articles, &segmenter));
    }));
    let out = root.join("public");
    let options = BuildOptions {
        root: root.to_path_buf(),
        out: Some(out),
        ..BuildOptions::default()
    };
    table.push(time("full build (in process)", runs, || {
        build(&options).expect("build");
    }));

    println!(
        "\nstages of a build of the real site ({} pages), {runs} runs each",
        pages.len()
    );
    println!("{:<26} {:>12} {:>12}", "stage", "median ms", "fastest ms");
    for (name, median, fastest) in table {
        println!(
            "{name:<26} {:>12.2} {:>12.2}",
            median.as_secs_f64() * 1e3,
            fastest.as_secs_f64() * 1e3
        );
    }
}

/// Runs `f` once to warm up, then `runs` times; returns the median and fastest.
fn time(
    name: &'static str,
    runs: usize,
    mut f: impl FnMut(),
) -> (&'static str, Duration, Duration) {
    f();
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    eprintln!("  {name}: done");
    (name, times[times.len() / 2], times[0])
}

/// The project's sources in a temporary folder, so that benchmarks never
/// write into the working tree.
fn copy_of_project() -> tempfile::TempDir {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temporary folder");
    for name in ["config.yaml", "seeds", "content"] {
        copy(&manifest.join(name), &dir.path().join(name));
    }
    dir
}

fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).expect("create folder");
        for entry in std::fs::read_dir(from).expect("read folder") {
            let entry = entry.expect("entry");
            copy(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        std::fs::copy(from, to).expect("copy file");
    }
}
