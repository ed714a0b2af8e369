//! Ingest on real texts written elsewhere (`tests/corpus/`: twelve texts from
//! public repositories, each with its source, commit and a hand annotation of
//! its items, headlines and furniture). Each text is ingested alone by the
//! real binary; the totals must not fall below what ingest reaches today, so
//! that a change that reads real texts worse fails here.

mod common;
use common::*;
use std::path::Path;

/// What ingest reaches on the corpus today (of 42 items, 25 headlines and 64
/// furniture strings), measured on the text as shown (Markdown escapes undone,
/// so a leaked string with `|` or `>` in it is found); raise these as ingest
/// improves.
const SEPARATE_AT_LEAST: usize = 40;
const HEADLINES_AT_LEAST: usize = 25;
/// Of the 154 annotated figures, and of the 36 number-like strings that are
/// not figures.
const FIGURES_FOUND_AT_LEAST: usize = 153;
const TAKEN_AS_FIGURES_AT_MOST: usize = 2;

#[derive(serde::Deserialize)]
struct Expect {
    items: Vec<ExpectItem>,
    #[serde(default)]
    furniture: Vec<String>,
    #[serde(default)]
    figures: Vec<ExpectFigure>,
    #[serde(default)]
    not_figures: Vec<String>,
}

/// A figure the text states, with its value.
#[derive(serde::Deserialize)]
struct ExpectFigure {
    text: String,
    value: f64,
}

#[derive(serde::Deserialize)]
struct ExpectItem {
    headline: Option<String>,
    first_words: String,
    last_words: String,
}

/// An article's headline, the text a reader sees (title, deck, body), and
/// its facts (as printed, with their values).
struct Article {
    title: String,
    text: String,
    facts: Vec<(String, f64)>,
}

/// Markdown as the reader sees it: markers gone, escapes undone.
fn shown_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut chars = markdown.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    out
}

fn articles_of(root: &Path) -> Vec<Article> {
    let dir = root.join("content/articles");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut articles = Vec::new();
    for entry in entries {
        let path = entry.unwrap().path();
        let text = read(&path);
        let (front, body) = text[4..].split_once("\n---\n").unwrap();
        let front: serde_yaml::Value = serde_yaml::from_str(front).unwrap();
        let field = |k: &str| front[k].as_str().unwrap_or_default().to_string();
        let body: String = body
            .lines()
            .filter(|l| !l.starts_with("{#"))
            .collect::<Vec<_>>()
            .join("");
        let facts = front["facts"]
            .as_sequence()
            .map(|facts| {
                facts
                    .iter()
                    .map(|f| {
                        let text = f["text"].as_str().unwrap_or_default();
                        (nfkc_ish(text), f["value"].as_f64().unwrap_or(f64::NAN))
                    })
                    .collect()
            })
            .unwrap_or_default();
        articles.push(Article {
            title: field("title"),
            text: format!("{}{}{}", field("title"), field("deck"), shown_text(&body)),
            facts,
        });
    }
    articles
}

/// Text compared as `score.py` compares it: whitespace gone, full-width
/// digits, letters and signs as ASCII.
fn nfkc_ish(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[derive(Default, Debug)]
struct Score {
    items: usize,
    separate: usize,
    headlines: usize,
    headlines_right: usize,
    furniture: usize,
    leaked: usize,
    figures: usize,
    figures_found: usize,
    not_figures: usize,
    taken_as_figures: usize,
}

fn score_text(text: &Path, expect: &Expect) -> Score {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    std::fs::copy(text, seeds.join(text.file_name().unwrap())).unwrap();
    let out = run(dir.path(), &["ingest"]);
    assert!(out.status.success(), "{}: {}", text.display(), stderr(&out));
    let articles = articles_of(dir.path());
    let owner: Vec<Option<usize>> = expect
        .items
        .iter()
        .map(|item| {
            articles.iter().position(|a| {
                a.text.contains(&item.first_words) && a.text.contains(&item.last_words)
            })
        })
        .collect();
    let separate = owner
        .iter()
        .filter(|o| o.is_some() && owner.iter().filter(|p| p == o).count() == 1)
        .count();
    let headlines: Vec<&String> = expect
        .items
        .iter()
        .filter_map(|i| i.headline.as_ref())
        .collect();
    let headlines_right = headlines
        .iter()
        .filter(|h| articles.iter().any(|a| a.title.trim() == h.trim()))
        .count();
    let leaked = expect
        .furniture
        .iter()
        .filter(|f| articles.iter().any(|a| a.text.contains(f.as_str())))
        .count();
    let facts: Vec<&(String, f64)> = articles.iter().flat_map(|a| &a.facts).collect();
    let figures_found = expect
        .figures
        .iter()
        .filter(|f| {
            let text = nfkc_ish(&f.text);
            facts.iter().any(|(t, v)| {
                (v - f.value).abs() <= 1e-6 * f.value.abs().max(1.0)
                    && !t.is_empty()
                    && (t.contains(&text) || text.contains(t.as_str()))
            })
        })
        .count();
    let taken_as_figures = expect
        .not_figures
        .iter()
        .filter(|s| {
            let s = nfkc_ish(s);
            facts
                .iter()
                .any(|(t, _)| !t.is_empty() && s.contains(t.as_str()))
        })
        .count();
    Score {
        items: expect.items.len(),
        separate,
        headlines: headlines.len(),
        headlines_right,
        furniture: expect.furniture.len(),
        leaked,
        figures: expect.figures.len(),
        figures_found,
        not_figures: expect.not_figures.len(),
        taken_as_figures,
    }
}

#[test]
fn real_texts_are_read_at_least_as_well_as_today() {
    let corpus = repo().join("tests/corpus");
    let mut total = Score::default();
    let mut lines = Vec::new();
    let mut expects: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".expect.yaml"))
        .collect();
    expects.sort();
    assert_eq!(expects.len(), 12);
    for path in expects {
        let expect: Expect = serde_yaml::from_str(&read(&path)).unwrap();
        let stem = path.to_string_lossy().replace(".expect.yaml", "");
        let text = [".txt", ".md"]
            .iter()
            .map(|ext| std::path::PathBuf::from(format!("{stem}{ext}")))
            .find(|p| p.is_file())
            .expect("the annotated text");
        let s = score_text(&text, &expect);
        lines.push(format!(
            "{}: {s:?}",
            text.file_name().unwrap().to_string_lossy()
        ));
        total.items += s.items;
        total.separate += s.separate;
        total.headlines += s.headlines;
        total.headlines_right += s.headlines_right;
        total.furniture += s.furniture;
        total.leaked += s.leaked;
        total.figures += s.figures;
        total.figures_found += s.figures_found;
        total.not_figures += s.not_figures;
        total.taken_as_figures += s.taken_as_figures;
    }
    let report = format!("{}\ntotal: {total:?}", lines.join("\n"));
    eprintln!("{report}");
    assert!(total.separate >= SEPARATE_AT_LEAST, "{report}");
    assert!(total.headlines_right >= HEADLINES_AT_LEAST, "{report}");
    assert_eq!(total.leaked, 0, "no furniture string leaks: {report}");
    assert!(total.figures_found >= FIGURES_FOUND_AT_LEAST, "{report}");
    assert!(
        total.taken_as_figures <= TAKEN_AS_FIGURES_AT_MOST,
        "{report}"
    );
}

#[test]
fn a_markdown_digest_becomes_one_article_per_story_in_the_built_site() {
    let name = "11-xwlb-20260618-markdown.md";
    let dir = project_with_seed(&repo().join("tests/corpus").join(name), name);
    let out = run(dir.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let slugs = article_slugs(dir.path());
    assert_eq!(slugs.len(), 16, "{slugs:?}");
    let expect: Expect = serde_yaml::from_str(&read(
        &repo().join("tests/corpus/11-xwlb-20260618-markdown.expect.yaml"),
    ))
    .unwrap();
    let pages: Vec<String> = slugs
        .iter()
        .map(|s| read(&dir.path().join(format!("public/zh/{s}/index.html"))))
        .collect();
    for item in &expect.items {
        let headline = item.headline.as_deref().unwrap();
        assert!(
            pages.iter().any(|p| p.contains(&format!(">{headline}<"))),
            "no page with the headline {headline}"
        );
    }
    // the front matter's date is the stories' date; markup is not text
    let article = read(&dir.path().join(format!("content/articles/{}.md", slugs[0])));
    assert!(article.contains("date: 2026-06-18"), "{article}");
    assert!(
        pages
            .iter()
            .all(|p| !p.contains("查看视频") && !p.contains("]("))
    );
    // the source page lists the digest's lines
    assert!(
        dir.path()
            .join("public/source/11-xwlb-20260618-markdown/index.html")
            .is_file()
    );
}

#[test]
fn ingest_explain_shows_every_line_of_every_seed_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(repo().join("seeds"))
        .unwrap()
        .chain(std::fs::read_dir(repo().join("tests/corpus")).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .filter(|p| !p.ends_with("README.md"))
        .collect();
    files.sort();
    assert!(files.len() >= 17);
    for file in files {
        let out = run(dir.path(), &["ingest", "--explain", file.to_str().unwrap()]);
        assert!(out.status.success(), "{}: {}", file.display(), stderr(&out));
        let shown = stdout(&out);
        let rows = shown
            .lines()
            .filter(|l| {
                l.starts_with(' ')
                    && l.trim_start()
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_digit())
            })
            .count();
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).to_string();
        assert_eq!(rows, text.lines().count(), "{}", file.display());
        assert!(shown.contains("── story 1"), "{}", file.display());
    }
    // saved pages and PDFs: every line of the text read from them
    let pages = std::fs::read_dir(repo().join("tests/html"))
        .unwrap()
        .chain(std::fs::read_dir(repo().join("tests/pdf")).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html" || e == "pdf"));
    for file in pages {
        let out = run(dir.path(), &["ingest", "--explain", file.to_str().unwrap()]);
        assert!(out.status.success(), "{}: {}", file.display(), stderr(&out));
        let shown = stdout(&out);
        let said: usize = shown
            .lines()
            .next()
            .and_then(|l| l.split(": ").nth(1))
            .and_then(|l| l.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let rows = shown.lines().filter(|l| l.starts_with(' ')).count();
        assert!(said >= 5 && rows == said, "{}: {shown}", file.display());
        assert!(shown.contains("headline"), "{}", file.display());
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
    let out = run(dir.path(), &["ingest", "--explain", "no-such-seed.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no-such-seed.txt"));
}

#[test]
fn a_traditional_text_keeps_its_script_and_is_found_by_a_simplified_query() {
    let name = "10-tw-cybersecurity-budget.txt";
    let dir = project_with_seed(&repo().join("tests/corpus").join(name), name);
    let out = run(dir.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let slugs = article_slugs(dir.path());
    assert_eq!(slugs.len(), 1, "{slugs:?}");
    let slug = &slugs[0];
    assert!(
        slug.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
        "{slug}"
    );
    let article = read(&dir.path().join(format!("content/articles/{slug}.md")));
    assert!(article.contains("script: traditional\n"), "{article}");
    assert!(article.contains("資安預算"), "the text keeps its script");
    let page = read(&dir.path().join(format!("public/zh/{slug}/index.html"))).replace('"', "");
    assert!(
        page.contains("<h1><span class=l-zh lang=zh-Hant>"),
        "headline marked zh-Hant"
    );
    assert!(page.contains("lang=zh-Hant>在經費上") || page.contains("lang=zh-Hant><p>"));
    assert!(page.contains("inLanguage:zh-Hant"), "JSON-LD");
    // the index holds the Traditional words and their Simplified forms
    let index = read(&dir.path().join("public/search/index.js"));
    for term in ["\"預算\":", "\"预算\":", "\"资安\":"] {
        assert!(index.contains(term), "{term} not in the index");
    }
    let home = read(&dir.path().join("public/zh/index.html")).replace('"', "");
    assert!(
        home.contains("lang=zh-Hant>6成網路攻擊"),
        "list titles marked zh-Hant"
    );
}

#[test]
fn what_a_page_states_of_its_story_becomes_its_metadata() {
    for (name, date, publication) in [
        (
            "05-deqing-county-investment-govweb.txt",
            "2016-11-22",
            "省发改委",
        ),
        (
            "06-nansha-cruise-port-thepaper-govweb.txt",
            "2019-08-13",
            "澎湃新闻·澎湃号·政务",
        ),
    ] {
        let dir = project_with_seed(&repo().join("tests/corpus").join(name), name);
        let out = run(dir.path(), &["ingest"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let slugs = article_slugs(dir.path());
        let article = read(&dir.path().join(format!("content/articles/{}.md", slugs[0])));
        assert!(
            article.contains(&format!("date: {date}\n")),
            "{name}: {article}"
        );
        assert!(
            article.contains(&format!("publication: {publication}\n")),
            "{name}"
        );
    }
}
