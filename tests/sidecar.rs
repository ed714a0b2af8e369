//! A seed's sidecar (`seeds/<name>.yaml`): what the editor knows flows into
//! the articles, their pages, JSON-LD, feeds and sitemap; a wrong sidecar is
//! an error at its line that leaves the site as it was.

mod common;
use common::*;
use std::path::Path;

const SIDECAR: &str = "publication: 重庆日报
date: 2023-03-15
page: 第5版
url: https://example.org/cqrb/5
district: 江北区
drop: [14]
items:
  - line: 38
    title: 聚焦公共服务 绘好民生保障线
";

/// A project with the first seed as `seeds/jiangbei.txt` and `sidecar`.
fn project_with(sidecar: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("themes"), &dir.path().join("themes"));
    let seeds = dir.path().join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    std::fs::copy(
        repo().join("seeds/000_2941489fb0fd2554.txt"),
        seeds.join("jiangbei.txt"),
    )
    .unwrap();
    std::fs::write(seeds.join("jiangbei.yaml"), sidecar).unwrap();
    dir
}

fn articles(root: &Path) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = std::fs::read_dir(root.join("content/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.to_string_lossy().ends_with(".en.md"))
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().to_string(),
                read(&p),
            )
        })
        .collect();
    found.sort_by_key(|(_, text)| text.find("source_lines").map(|_| text.len()));
    found
}

#[test]
fn what_the_sidecar_says_reaches_front_matter_pages_feeds_and_sitemap() {
    let dir = project_with(SIDECAR);
    let root = dir.path();
    let out = run(root, &["build", "--base-url", "https://example.org/"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let found = articles(root);
    assert_eq!(found.len(), 2, "the item split at line 38: {found:?}");
    let split = found
        .iter()
        .find(|(_, text)| text.contains("title: 聚焦公共服务 绘好民生保障线"))
        .expect("the corrected title");
    for (slug, text) in &found {
        assert!(text.contains("date: 2023-03-15\n"), "{slug}: {text}");
        assert!(
            text.contains("date_basis: given in seeds/jiangbei.yaml"),
            "{text}"
        );
        assert!(text.contains("publication: 重庆日报\n") && text.contains("source_page: 第5版\n"));
        assert!(text.contains("district: 江北区\n"));
        assert!(
            !text.contains("观音桥商圈的靓丽风景"),
            "line 14 dropped: {text}"
        );
    }
    assert!(split.1.contains("source_lines:\n- 38\n"), "{}", split.1);
    let page = read(&root.join(format!("public/zh/{}/index.html", split.0)));
    assert!(page.contains("重庆日报 第5版"), "publication on the page");
    // the page is minified: attributes may lose their quotes
    let unquoted = page.replace('"', "");
    assert!(
        unquoted.contains("href=https://example.org/cqrb/5>"),
        "the original linked"
    );
    assert!(unquoted.contains("datetime=2023-03-15>"));
    assert!(page.contains("\"datePublished\":\"2023-03-15\""), "JSON-LD");
    assert!(page.contains("\"publisher\":{\"@type\":\"Organization\",\"name\":\"重庆日报\"}"));
    for lang in ["zh", "en"] {
        let feed = read(&root.join(format!("public/{lang}/atom.xml")));
        assert_eq!(
            feed.matches("<published>2023-03-15T00:00:00Z</published>")
                .count(),
            2,
            "{feed}"
        );
    }
    let sitemap = read(&root.join("public/sitemap.xml"));
    assert_eq!(
        sitemap.matches("<lastmod>2023-03-15</lastmod>").count(),
        4,
        "{sitemap}"
    );

    // --explain reads the sidecar too
    let seed = root.join("seeds/jiangbei.txt");
    let out = run(root, &["ingest", "--explain", seed.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("── story 2: 聚焦公共服务 绘好民生保障线"),
        "{text}"
    );
    let line_14 = text
        .lines()
        .find(|l| l.trim_start().starts_with("14 "))
        .unwrap();
    assert!(line_14.contains("dropped: sidecar"), "{line_14}");

    // an edited sidecar is ingested again
    let edited = SIDECAR.replace("聚焦公共服务 绘好民生保障线", "公共服务保障线");
    std::fs::write(root.join("seeds/jiangbei.yaml"), edited).unwrap();
    assert!(run(root, &["build"]).status.success());
    assert!(
        articles(root)
            .iter()
            .any(|(_, t)| t.contains("title: 公共服务保障线\n"))
    );
}

#[test]
fn a_wrong_sidecar_is_an_error_at_its_line_and_the_site_stays() {
    let dir = project_with(SIDECAR);
    let root = dir.path();
    assert!(run(root, &["build"]).status.success());
    let before = tree(&root.join("public"));
    let content = tree(&root.join("content"));
    let cases = [
        (
            SIDECAR.replace("date: 2023-03-15", "date: 2023-02-30"),
            "jiangbei.yaml:2",
        ),
        (SIDECAR.replace("line: 38", "line: 900"), "jiangbei.yaml:8"),
        (
            SIDECAR.replace("drop: [14]", "drop: [\"14-400\"]"),
            "jiangbei.yaml:6",
        ),
        (
            SIDECAR.replace("drop: [14]", "drop: [\"a lot\"]"),
            "jiangbei.yaml:6",
        ),
        ("title: [unclosed\n".to_string(), "jiangbei.yaml:2"),
    ];
    for (sidecar, at) in cases {
        std::fs::write(root.join("seeds/jiangbei.yaml"), &sidecar).unwrap();
        let out = run(root, &["build"]);
        assert_no_panic(&out, at);
        assert_eq!(out.status.code(), Some(1), "{at}: {}", stderr(&out));
        assert!(stderr(&out).contains(at), "{at}: {}", stderr(&out));
        assert_same_tree(&tree(&root.join("public")), &before, at);
        assert_same_tree(&tree(&root.join("content")), &content, at);
    }
}
