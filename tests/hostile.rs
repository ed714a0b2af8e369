//! Hostile content: script payloads put into every field a site has (seed
//! text, front matter, Markdown, translation, glossary, configuration) come
//! out as text, never as script: no event handler attributes, no script URLs,
//! no script element the theme did not write, data in JSON-LD, the search
//! index and the feeds escaped, and a Content-Security-Policy on every page.
//! In Chromium, no page of the site runs any of them.

mod common;
use common::tags::{Tag, runs_script, tags, text_of};
use common::webdriver::Browser;
use common::*;
use std::path::Path;

/// A payload that tries every way out of text, attribute and script contexts;
/// `field` names where it was put, so that a failure says which field leaked.
fn payload(field: &str) -> String {
    format!(
        "{field}<script>window.__pwned='{field}'</script>\"'><img src=x onerror=\"window.__pwned='{field}'\"><svg/onload=window.__pwned=1></title></textarea></script>]]><!--"
    )
}

/// The same for YAML double-quoted strings.
fn yaml(field: &str) -> String {
    serde_json::to_string(&payload(field)).unwrap()
}

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A site whose every field carries a payload.
fn hostile_site(root: &Path) {
    write(
        root,
        "config.yaml",
        &format!(
            "title:\n  zh: {}\n  en: {}\ndescription:\n  zh: {}\n  en: {}\nbase_url: https://example.org/site/\n",
            yaml("config-title-zh"),
            yaml("config-title-en"),
            yaml("config-description-zh"),
            yaml("config-description-en"),
        ),
    );
    write(
        root,
        "content/articles/hostile.md",
        &format!(
            r#"---
title: {title}
title_note: {note}
slug: hostile
guide: {guide}
deck: {deck}
district: {district}
date: '2023'
topics:
- culture
tags:
- {tag}
authors:
- {author}
photographers:
- {photographer}
facts:
- id: p1-1
  para: p1
  text: {fact}
  value: 18.0
  unit: {unit}
  kind: measure
  label: {label}
---

{{#p1}}
嘉陵江边的正文{body}，打造18公里滨江步道。

{{#p2}}
[链接](javascript:window.__pwned='link') [大写](JaVaScRiPt:window.__pwned='upper')
[实体](javascript&#58;window.__pwned='entity') ![图片](javascript:window.__pwned='image')
<a href="javascript:window.__pwned='raw-a'">原始链接</a><iframe src="javascript:window.__pwned='iframe'"></iframe>

{{#p3}}
## 标题{heading}

{{#p4}}
注释处[sic: {sic}]继续。
"#,
            title = yaml("title"),
            note = yaml("title-note"),
            guide = yaml("guide"),
            deck = yaml("deck"),
            district = yaml("district"),
            tag = yaml("tag"),
            author = yaml("author"),
            photographer = yaml("photographer"),
            fact = yaml("fact-text"),
            unit = yaml("fact-unit"),
            label = yaml("fact-label"),
            body = payload("body"),
            heading = payload("heading"),
            sic = payload("sic").replace(']', ")"),
        ),
    );
    write(
        root,
        "content/articles/hostile.en.md",
        &format!(
            r#"---
title: {title}
deck: {deck}
summary: {summary}
context: {context}
facts:
  p1-1: {label}
---

{{#p1}}
The Jialing River text {body} and an 18-kilometre riverside walk.

{{#p2}}
[link](javascript:window.__pwned='en-link') <img src=x onerror="window.__pwned='en-raw'">
"#,
            title = yaml("en-title"),
            deck = yaml("en-deck"),
            summary = yaml("en-summary"),
            context = yaml("en-context"),
            label = yaml("en-fact-label"),
            body = payload("en-body"),
        ),
    );
    write(
        root,
        "content/glossary.yaml",
        &format!(
            "- term: \"嘉陵江\"\n  english: \"Jialing River\"\n  literal: {}\n  en: {}\n  zh: {}\n",
            yaml("glossary-literal"),
            yaml("glossary-en"),
            yaml("glossary-zh"),
        ),
    );
    write(
        root,
        "seeds/hostile.txt",
        &format!(
            "重庆日报\n\n江北区办好民生实事{}\n\n本报讯（记者 张三）江北区今年新建社区食堂12个{}，惠及居民3万余人。\n",
            payload("seed-headline"),
            payload("seed-body"),
        ),
    );
}

/// Problems of one HTML document (or fragment) that could run script.
fn script_problems(file: &str, html: &str, whole_page: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let all: Vec<Tag> = tags(html);
    for tag in &all {
        for (name, value) in &tag.attrs {
            if name.starts_with("on") {
                problems.push(format!("{file}: <{} {name}=…>", tag.name));
            }
            let url_attr = [
                "href",
                "src",
                "action",
                "formaction",
                "xlink:href",
                "poster",
                "data",
            ];
            if url_attr.contains(&name.as_str()) && runs_script(value) {
                problems.push(format!("{file}: <{} {name}={value}>", tag.name));
            }
        }
        if [
            "iframe", "object", "embed", "base", "frame", "frameset", "applet",
        ]
        .contains(&tag.name.as_str())
        {
            problems.push(format!("{file}: <{}>", tag.name));
        }
        if tag.name == "meta"
            && tag
                .attr("http-equiv")
                .is_some_and(|v| !v.eq_ignore_ascii_case("content-security-policy"))
        {
            problems.push(format!("{file}: <meta http-equiv>"));
        }
        if tag.name == "script" {
            let text = tag.raw_text.as_deref().unwrap_or_default();
            match (tag.attr("src"), tag.attr("type")) {
                (Some(src), _) if !src.contains(':') && text.trim().is_empty() => {}
                (None, Some("application/ld+json")) => {
                    if text.contains('<')
                        || serde_json::from_str::<serde_json::Value>(text).is_err()
                    {
                        problems.push(format!("{file}: JSON-LD is not plain JSON: {text}"));
                    }
                }
                _ => problems.push(format!("{file}: script the theme did not write: {text}")),
            }
        }
    }
    if whole_page {
        let csp = all
            .iter()
            .find(|t| t.name == "meta" && t.attr("http-equiv").is_some())
            .and_then(|t| t.attr("content"));
        match csp {
            Some(csp) if csp.contains("script-src 'self'") && !csp.contains("unsafe") => {}
            other => problems.push(format!("{file}: Content-Security-Policy {other:?}")),
        }
    }
    problems
}

#[test]
fn payloads_in_every_field_come_out_as_text_never_as_script() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    hostile_site(root);
    let out = run(root, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = root.join("public");
    let files = tree(&public);
    let mut problems = Vec::new();
    let mut pages = 0;
    for (name, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        if name.ends_with(".html") {
            pages += 1;
            problems.extend(script_problems(name, &text, true));
        } else if name.ends_with(".xml") {
            let doc = roxmltree::Document::parse(&text)
                .unwrap_or_else(|e| panic!("{name} is not well-formed XML: {e}"));
            for node in doc.descendants().filter(|n| n.is_element()) {
                if node.tag_name().name() == "script" {
                    problems.push(format!("{name}: script element"));
                }
                // HTML carried in a feed is read as HTML by feed readers
                if node.attribute("type") == Some("html") {
                    let fragment = node.text().unwrap_or_default();
                    problems.extend(script_problems(name, fragment, false));
                }
            }
        } else if name.ends_with("search/index.js") {
            let json = text
                .strip_prefix("window.MINSHENG_SEARCH=")
                .and_then(|t| t.trim_end().strip_suffix(';'))
                .expect("index is one assignment");
            let index: serde_json::Value = serde_json::from_str(json).expect("index is JSON");
            assert!(
                index.to_string().contains("window.__pwned='body'"),
                "the payload is searchable as text"
            );
        }
    }
    assert!(pages > 10, "{pages} pages");
    assert!(problems.is_empty(), "{problems:#?}");

    // escaped, not dropped: a reader sees what the source says
    for (page, field) in [
        ("zh/hostile/index.html", "body"),
        ("zh/hostile/index.html", "title"),
        ("en/hostile/index.html", "en-body"),
        ("en/glossary/index.html", "glossary-en"),
    ] {
        let text = text_of(&read(&public.join(page)));
        assert!(
            text.contains(&format!("{field}<script>window.__pwned='{field}'</script>")),
            "{page}: the {field} payload is not shown as text: {}",
            &text[text.find(field).unwrap_or(0)..]
                .chars()
                .take(300)
                .collect::<String>()
        );
    }

    // raw HTML stripped or sanitised instead of escaped: no script either
    let config = read(&root.join("config.yaml"));
    for mode in ["strip", "sanitize"] {
        std::fs::write(
            root.join("config.yaml"),
            format!("{config}raw_html: {mode}\n"),
        )
        .unwrap();
        let out_dir = root.join(format!("public-{mode}"));
        let out = run(root, &["build", "--out", out_dir.to_str().unwrap()]);
        assert!(out.status.success(), "{mode}: {}", stderr(&out));
        let problems: Vec<String> = tree(&out_dir)
            .iter()
            .filter(|(name, _)| name.ends_with(".html"))
            .flat_map(|(name, bytes)| {
                script_problems(
                    &format!("{mode}: {name}"),
                    &String::from_utf8_lossy(bytes),
                    true,
                )
            })
            .collect();
        assert!(problems.is_empty(), "{problems:#?}");
    }
    std::fs::write(root.join("config.yaml"), config).unwrap();

    // and a real browser runs none of it
    let Some(browser) = Browser::start() else {
        return;
    };
    let (_server, port) = start_server(root, false);
    let mut visited = 0;
    for (name, _) in files.iter().filter(|(n, _)| n.ends_with(".html")) {
        browser.goto(&format!("http://127.0.0.1:{port}/{name}"));
        let pwned =
            browser.eval("return window.__pwned === undefined ? null : String(window.__pwned)");
        assert!(pwned.is_null(), "{name}: payload `{pwned}` ran");
        visited += 1;
    }
    browser.goto(&format!(
        "http://127.0.0.1:{port}/zh/search/index.html?q=onerror"
    ));
    // results come once the index has loaded: waited for, within a generous bound
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let mut results = serde_json::Value::Null;
    while std::time::Instant::now() < deadline {
        results = browser.eval("return document.querySelectorAll('#search-results li').length");
        if results.as_u64().unwrap_or(0) > 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(
        results.as_u64().unwrap_or(0) > 0,
        "search finds the payload text: {results}"
    );
    let pwned = browser.eval("return window.__pwned === undefined ? null : String(window.__pwned)");
    assert!(pwned.is_null(), "search results: payload `{pwned}` ran");
    assert!(visited > 10);
}
