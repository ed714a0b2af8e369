//! Seeds in the formats editors bring beside plain text: saved web pages,
//! PDFs and Markdown texts become articles in the built site, and a file that
//! is not what its name says is an error naming it that leaves the site as
//! it was.

mod common;
use common::*;
use std::collections::HashMap;
use std::path::Path;

/// A project whose `seeds/` holds the file at `from` as `name`.
fn project_with_seed(from: &Path, name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("themes"), &dir.path().join("themes"));
    std::fs::create_dir_all(dir.path().join("seeds")).unwrap();
    std::fs::copy(from, dir.path().join("seeds").join(name)).unwrap();
    dir
}

fn generated(root: &Path) -> Vec<String> {
    let mut texts: Vec<String> = std::fs::read_dir(root.join("content/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.to_string_lossy().ends_with(".en.md"))
        .map(|p| read(&p))
        .collect();
    texts.sort();
    texts
}

fn han_counts(text: &str) -> HashMap<char, usize> {
    let mut counts = HashMap::new();
    for c in text
        .chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
    {
        *counts.entry(c).or_default() += 1;
    }
    counts
}

/// Share of the Chinese characters of `source` that `out` holds (as a
/// multiset).
fn kept(source: &str, out: &str) -> f64 {
    let (src, got) = (han_counts(source), han_counts(out));
    let total: usize = src.values().sum();
    let kept: usize = src
        .iter()
        .map(|(c, n)| (*n).min(got.get(c).copied().unwrap_or(0)))
        .sum();
    kept as f64 / total as f64
}

/// The visible text of an HTML file: its tags and head left out.
fn visible_text(html: &str) -> String {
    let body = html.split("<body").nth(1).unwrap_or(html);
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn a_pdf_page_becomes_its_article_with_every_character_right() {
    let pdf = repo().join("tests/pdf/jiangbei-page.pdf");
    let dir = project_with_seed(&pdf, "jiangbei-page.pdf");
    let out = run(dir.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let articles = generated(dir.path());
    assert_eq!(articles.len(), 1);
    let article = &articles[0];
    assert!(
        article.contains("title: 江北 以人民为中心绘就幸福生活新图景\n"),
        "{article}"
    );
    let printed = visible_text(&read(&repo().join("tests/pdf/jiangbei-page.html")));
    let share = kept(&printed, article);
    assert!(
        share >= 0.98,
        "{:.1}% of the page's characters kept",
        100.0 * share
    );
    // characters, not the radicals the fonts' maps name them by
    assert!(
        !article
            .chars()
            .any(|c| ('\u{2E80}'..='\u{2FDF}').contains(&c)),
        "{article}"
    );
    assert!(article.contains("户口登记") && !article.contains('戶'));
    assert!(
        dir.path()
            .join("public/source/jiangbei-page/index.html")
            .is_file()
    );
}

#[test]
fn files_that_are_not_what_their_names_say_are_errors_and_the_site_stays() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_dir(&repo().join("themes"), &root.join("themes"));
    let seeds = root.join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    std::fs::copy(
        repo().join("seeds/000_2941489fb0fd2554.txt"),
        seeds.join("page.txt"),
    )
    .unwrap();
    assert!(run(root, &["build"]).status.success());
    let public = tree(&root.join("public"));
    let content = tree(&root.join("content"));
    let pdf = std::fs::read(repo().join("tests/pdf/jiangbei-page.pdf")).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "page.html",
            "江北区新增养老服务设施12个。\n".into(),
            "not an HTML page",
        ),
        ("report.pdf", "江北区".into(), "not a PDF file"),
        ("damaged.pdf", pdf[..4096].to_vec(), "cannot read the PDF"),
        (
            "digest.md",
            "---\ntitle: [broken\n---\n\n# 标题\n\n正文。\n".into(),
            "digest.md:3",
        ),
        (
            "dated.md",
            "---\ndate: 2023年5月\n---\n\n# 标题\n\n正文。\n".into(),
            "dated.md:2: date:",
        ),
        (
            "open.md",
            "---\ntitle: x\n\n# 标题\n\n正文。\n".into(),
            "open.md:1",
        ),
    ];
    for (name, bytes, says) in cases {
        let path = seeds.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = run(root, &["build"]);
        assert_no_panic(&out, name);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(name) && err.contains(says), "{name}: {err}");
        assert_same_tree(&tree(&root.join("public")), &public, name);
        assert_same_tree(&tree(&root.join("content")), &content, name);
        std::fs::remove_file(&path).unwrap();
    }
}
