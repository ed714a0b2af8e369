//! Site integrity of the real site: every internal link and anchor of every
//! page resolves to a file and an element of the output; every page is well
//! formed; feeds and sitemap parse.

mod common;
use common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Values of an attribute (`href=`, `src=`) in minified HTML, quoted or not.
fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let needle = format!(" {name}=");
    let mut rest = html;
    while let Some(at) = rest.find(&needle) {
        rest = &rest[at + needle.len()..];
        let value: String = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].chars().take_while(|c| *c != q).collect(),
            _ => rest
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>')
                .collect(),
        };
        out.push(value);
    }
    out
}

fn ids(html: &str) -> BTreeSet<String> {
    attribute_values(html, "id").into_iter().collect()
}

#[test]
fn every_internal_link_and_anchor_resolves() {
    let dir = project(true);
    let out = run(
        dir.path(),
        &["build", "--base-url", "https://example.org/sub/"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let public = dir.path().join("public");
    let pages: Vec<PathBuf> = walkdir::WalkDir::new(&public)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    assert!(pages.len() > 50);
    let mut anchors: BTreeMap<PathBuf, BTreeSet<String>> = BTreeMap::new();
    let mut broken = Vec::new();
    let mut checked = 0;
    for page in &pages {
        let html = read(page);
        if let Some(problem) = html_problem(&html) {
            broken.push(format!("{}: {problem}", page.display()));
        }
        if page.ends_with("404.html") {
            continue; // served at any depth: its links are root-relative on purpose
        }
        for link in attribute_values(&html, "href")
            .into_iter()
            .chain(attribute_values(&html, "src"))
        {
            if link.starts_with("http://")
                || link.starts_with("https://")
                || link.starts_with("mailto:")
            {
                continue;
            }
            let (path, anchor) = link.split_once('#').unwrap_or((&link, ""));
            let path = path.split('?').next().unwrap_or_default();
            let target = if path.is_empty() {
                page.clone()
            } else {
                normalize(&page.parent().unwrap().join(path))
            };
            let target = if target.is_dir() {
                target.join("index.html")
            } else {
                target
            };
            checked += 1;
            if !target.starts_with(&public) || !target.is_file() {
                broken.push(format!("{}: `{link}` points to no file", page.display()));
                continue;
            }
            if !anchor.is_empty() && target.extension().is_some_and(|e| e == "html") {
                let ids = anchors
                    .entry(target.clone())
                    .or_insert_with(|| ids(&read(&target)));
                if !ids.contains(anchor) {
                    broken.push(format!(
                        "{}: `{link}` has no element with that id",
                        page.display()
                    ));
                }
            }
        }
    }
    assert!(checked > 2000, "only {checked} links checked");
    assert!(
        broken.is_empty(),
        "{} problems:\n{}",
        broken.len(),
        broken
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// The Nu HTML Checker (`vnu-jar`, pinned in `tests/browser-deps`) and Java.
fn nu_checker() -> Option<(PathBuf, PathBuf)> {
    let jar = repo().join("tests/browser-deps/node_modules/vnu-jar/build/dist/vnu.jar");
    let java = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("java"))
            .find(|p| p.is_file())
    });
    match (jar.is_file(), java) {
        (true, Some(java)) => Some((java, jar)),
        _ => {
            let why =
                "HTML validation skipped: needs Java and `npm ci --prefix tests/browser-deps`";
            if std::env::var_os("MINSHENG_REQUIRE_VALIDATOR").is_some_and(|v| v != "0") {
                panic!("{why}; MINSHENG_REQUIRE_VALIDATOR is set, so this is a failure");
            }
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "{why}");
            None
        }
    }
}

#[test]
fn every_page_is_valid_html_under_the_nu_checker() {
    let dir = project(true);
    let out = run(dir.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let Some((java, jar)) = nu_checker() else {
        return;
    };
    let public = dir.path().join("public");
    let checked = std::process::Command::new(java)
        .arg("-jar")
        .arg(jar)
        .args(["--errors-only", "--skip-non-html", "--format", "json"])
        .arg(&public)
        .output()
        .expect("the Nu checker runs");
    let report: serde_json::Value =
        serde_json::from_slice(&checked.stderr).expect("the Nu checker reports JSON");
    let errors: Vec<String> = report["messages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|m| m["type"] == "error" || m["subType"] == "fatal")
        .map(|m| format!("{}: {}", m["url"], m["message"]))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
}
