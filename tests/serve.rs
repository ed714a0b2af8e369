//! `minsheng serve`: answers on loopback, serves only the output folder,
//! rebuilds on change, reports a broken template and recovers.

mod common;
use common::*;
use std::time::{Duration, Instant};

fn poll(port: u16, since: Option<u64>) -> serde_json::Value {
    let path = match since {
        Some(v) => format!("/__minsheng/poll?v={v}"),
        None => "/__minsheng/poll".into(),
    };
    let (status, _, body) = http(port, "GET", &path, &[]).unwrap();
    assert_eq!(status, 200);
    serde_json::from_slice(&body).unwrap()
}

/// Waits for the build after `version`, returning the new status.
fn next_build(port: u16, version: u64) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let status = poll(port, Some(version));
        if status["version"].as_u64() != Some(version) {
            return status;
        }
        assert!(Instant::now() < deadline, "no rebuild");
    }
}

#[test]
fn serves_pages_with_types_head_and_conditional_requests() {
    let dir = fixture("tiny");
    let (_server, port) = start_server(dir.path(), false);
    let (status, head, body) = http(port, "GET", "/zh/tiny-article/", &[]).unwrap();
    assert_eq!(status, 200);
    assert!(
        head.contains("Content-Type: text/html; charset=utf-8"),
        "{head}"
    );
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains("两江交汇"));
    assert!(
        !html.contains("/__minsheng/live.js"),
        "no live reload without --watch"
    );
    // a validator the page was sent with, sent back, gets 304 and no body
    for (validator, condition) in [
        ("ETag", "If-None-Match"),
        ("Last-Modified", "If-Modified-Since"),
    ] {
        let value = head
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{validator}: ")))
            .unwrap_or_else(|| panic!("no {validator}: {head}"))
            .to_string();
        let (status, _, body) =
            http(port, "GET", "/zh/tiny-article/", &[(condition, &value)]).unwrap();
        assert_eq!((status, body.len()), (304, 0), "{condition}");
    }
    let (status, head, body) = http(port, "HEAD", "/zh/atom.xml", &[]).unwrap();
    assert_eq!(status, 200);
    assert!(
        head.contains("application/xml") && body.is_empty(),
        "{head}"
    );
    let (_, head, _) = http(port, "GET", "/data/facts.json", &[]).unwrap();
    assert!(head.contains("application/json"));
    let (status, _, _) = http(port, "GET", "/zh", &[]).unwrap();
    assert_eq!(status, 301);
    // files a theme may ship, and a link pointing out of the output folder
    let public = dir.path().join("public");
    std::fs::write(
        public.join("icon.svg"),
        "<svg xmlns='http://www.w3.org/2000/svg'/>",
    )
    .unwrap();
    std::fs::write(public.join("site.webmanifest"), "{}").unwrap();
    std::os::unix::fs::symlink(dir.path().join("config.yaml"), public.join("leak.txt")).unwrap();
    for (path, kind) in [
        ("/icon.svg", "image/svg+xml"),
        ("/site.webmanifest", "application/manifest+json"),
        ("/zh/atom.xml", "xml"),
    ] {
        let (status, head, _) = http(port, "GET", path, &[]).unwrap();
        assert_eq!(status, 200, "{path}");
        let content_type = head
            .lines()
            .find_map(|l| l.strip_prefix("Content-Type: "))
            .unwrap_or_default();
        assert!(content_type.contains(kind), "{path}: {content_type}");
    }
    for bad in [
        "/../config.yaml",
        "/%2e%2e/config.yaml",
        "/..%2fconfig.yaml",
        "/zh\\..\\..\\config.yaml",
        "/..\\config.yaml",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/C:/Windows/win.ini",
        "/leak.txt",
    ] {
        let (status, _, body) = http(port, "GET", bad, &[]).unwrap();
        assert!(matches!(status, 400 | 403 | 404), "{bad}: {status}");
        assert!(
            !String::from_utf8_lossy(&body).contains("title:")
                && !String::from_utf8_lossy(&body).contains("root:"),
            "{bad} leaked a file outside the output folder"
        );
    }
    let (status, _, body) = http(port, "GET", "/no/such/page/", &[]).unwrap();
    assert_eq!(status, 404);
    assert!(String::from_utf8_lossy(&body).contains("Page not found"));
    // the build output itself carries no live-reload script
    assert!(!read(&dir.path().join("public/zh/tiny-article/index.html")).contains("live.js"));
}

#[test]
fn watch_rebuilds_on_save_and_survives_a_broken_template() {
    let dir = fixture("tiny");
    let (_server, port) = start_server(dir.path(), true);
    let version = poll(port, None)["version"].as_u64().unwrap_or(0);

    // an edit to a content file is served after the rebuild
    let page = dir.path().join("content/articles/tiny-article.md");
    std::fs::write(
        &page,
        read(&page).replace("第二段还没有翻译。", "第二段已经改写。"),
    )
    .unwrap();
    let status = next_build(port, version);
    assert!(status["error"].is_null(), "{status}");
    let (_, _, body) = http(port, "GET", "/zh/tiny-article/", &[]).unwrap();
    assert!(String::from_utf8_lossy(&body).contains("第二段已经改写。"));
    assert!(
        String::from_utf8_lossy(&body).contains("/__minsheng/live.js"),
        "live reload injected with --watch"
    );

    // a broken template is reported, the server keeps serving the last good site
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("article.html"),
        "{% extends \"base.html\" %}{% block content %}{{ oops }{% endblock content %}",
    )
    .unwrap();
    let broken = next_build(port, status["version"].as_u64().unwrap());
    assert!(
        broken["error"]
            .as_str()
            .is_some_and(|e| e.contains("article.html")),
        "{broken}"
    );
    let (code, _, body) = http(port, "GET", "/zh/tiny-article/", &[]).unwrap();
    assert_eq!(code, 200);
    assert!(String::from_utf8_lossy(&body).contains("第二段已经改写。"));

    // the next good save recovers
    std::fs::remove_file(templates.join("article.html")).unwrap();
    let fixed = next_build(port, broken["version"].as_u64().unwrap());
    assert!(fixed["error"].is_null(), "{fixed}");
}

#[test]
fn bursts_of_saves_and_saves_by_rename_end_in_the_last_version() {
    let dir = fixture("tiny");
    let (_server, port) = start_server(dir.path(), true);
    let mut version = poll(port, None)["version"].as_u64().unwrap_or(0);
    let first = version;
    let page = dir.path().join("content/articles/tiny-article.md");
    let original = read(&page);
    for i in 0..30 {
        std::fs::write(
            &page,
            original.replace("第二段还没有翻译。", &format!("第{i}次保存。")),
        )
        .unwrap();
    }
    // an editor that saves by writing a new file and renaming it over the old one
    let temp = dir.path().join("content/articles/.tiny-article.md.swp");
    std::fs::write(
        &temp,
        original.replace("第二段还没有翻译。", "改名保存的最后版本。"),
    )
    .unwrap();
    std::fs::rename(&temp, &page).unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let status = next_build(port, version);
        version = status["version"].as_u64().unwrap();
        let (_, _, body) = http(port, "GET", "/zh/tiny-article/", &[]).unwrap();
        if String::from_utf8_lossy(&body).contains("改名保存的最后版本。") {
            break;
        }
        assert!(Instant::now() < deadline, "last save never served");
    }
    // 31 saves within a millisecond or two: bursts, each rebuilt once, and
    // bursts met during a rebuild taken together after it
    let rebuilds = version - first;
    assert!(
        rebuilds <= 15,
        "one rebuild per burst, not one per save: {rebuilds} rebuilds for 31 saves"
    );
}

/// Waits for the next build and checks it succeeded.
fn next_good_build(port: u16, version: u64) -> u64 {
    let status = next_build(port, version);
    assert!(status["error"].is_null(), "{status}");
    status["version"].as_u64().unwrap()
}

#[test]
fn article_edits_update_in_place_to_exactly_what_a_full_build_writes() {
    use std::os::unix::fs::MetadataExt;
    let dir = project(true);
    let root = dir.path();
    // serve does not minify: compare with a build that does not either
    let config = read(&root.join("config.yaml"));
    std::fs::write(
        root.join("config.yaml"),
        config.replace("minify: true", "minify: false"),
    )
    .unwrap();
    let (_server, port) = start_server(root, true);
    let mut version = poll(port, None)["version"].as_u64().unwrap_or(0);
    let marker = root.join("public/.minsheng-output");
    let full_build = std::fs::metadata(&marker).unwrap().ino();
    let slugs = article_slugs(root);
    let article = |slug: &str| root.join(format!("content/articles/{slug}.md"));
    let edit = |path: &std::path::Path, from: &str, to: &str| {
        let text = read(path);
        assert!(text.contains(from), "{}: no `{from}`", path.display());
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    };

    // a paragraph
    edit(&article(&slugs[0]), "。", "（改）。");
    version = next_good_build(port, version);
    // a headline in the translation: the neighbours' links change
    let translation = root.join(format!("content/articles/{}.en.md", slugs[1]));
    edit(&translation, "title: \"", "title: \"Revised: ");
    version = next_good_build(port, version);
    // a date: the order of the lists and the neighbours change
    let text = read(&article(&slugs[2]));
    let dated: String = text
        .lines()
        .filter(|l| !l.starts_with("date: "))
        .map(|l| match l.strip_prefix("slug: ") {
            Some(slug) => format!("slug: {slug}\ndate: '2031'\n"),
            None => format!("{l}\n"),
        })
        .collect();
    assert!(dated.contains("date: '2031'"));
    std::fs::write(article(&slugs[2]), dated).unwrap();
    version = next_good_build(port, version);
    // a new article, and one removed
    let copy = read(&article(&slugs[3])).replacen(
        &format!("slug: {}", slugs[3]),
        "slug: a-new-article",
        1,
    );
    std::fs::write(article("a-new-article"), copy).unwrap();
    version = next_good_build(port, version);
    std::fs::remove_file(article(&slugs[4])).unwrap();
    std::fs::remove_file(root.join(format!("content/articles/{}.en.md", slugs[4]))).unwrap();
    next_good_build(port, version);

    assert_eq!(
        std::fs::metadata(&marker).unwrap().ino(),
        full_build,
        "every change was applied in place, without a full build"
    );
    let (_, _, page) = http(port, "GET", "/zh/a-new-article/index.html", &[]).unwrap();
    assert!(String::from_utf8_lossy(&page).contains("<html"));
    let fresh = root.join("fresh");
    let out = run(root, &["build", "--out", fresh.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let without_marker = |dir: &std::path::Path| {
        let mut files = tree(dir);
        files.retain(|(name, _)| !name.ends_with(".minsheng-output"));
        files
    };
    assert_same_tree(
        &without_marker(&root.join("public")),
        &without_marker(&fresh),
        "served site after edits vs a fresh build",
    );
}

/// Follows builds until the last one ended without an error. A page can be
/// served before the build that wrote it reports, so a test that has seen the
/// page waits here before it reads the status.
fn wait_for_clean_build(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut status = poll(port, None);
    while !status["error"].is_null() {
        assert!(Instant::now() < deadline, "still failing: {status}");
        status = next_build(port, status["version"].as_u64().unwrap_or(0));
    }
}

/// Polls until `path` answers with a body containing `text` (or, if `text`
/// is empty, with a 404), following builds as they come.
fn wait_for_page(port: u16, path: &str, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (status, _, body) = http(port, "GET", path, &[]).unwrap();
        let body = String::from_utf8_lossy(&body);
        let done = if text.is_empty() {
            status == 404
        } else {
            status == 200 && body.contains(text)
        };
        if done {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{path}: still {status} without `{text}`"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn survives_the_output_the_content_folder_and_the_config_deleted_and_recreated() {
    let dir = fixture("tiny");
    let root = dir.path();
    let (_server, port) = start_server(root, true);
    let page = "/zh/tiny-article/index.html";
    wait_for_page(port, page, "两江交汇");

    // the output folder removed: built again
    std::fs::remove_dir_all(root.join("public")).unwrap();
    wait_for_page(port, page, "两江交汇");

    // the content folder removed, then put back
    let saved = tempfile::tempdir().unwrap();
    copy_dir(&root.join("content"), saved.path());
    std::fs::remove_dir_all(root.join("content")).unwrap();
    wait_for_page(port, page, "");
    copy_dir(saved.path(), &root.join("content"));
    wait_for_page(port, page, "两江交汇");

    // the configuration removed (defaults apply), then put back
    let config = read(&root.join("config.yaml"));
    std::fs::remove_file(root.join("config.yaml")).unwrap();
    wait_for_page(port, "/zh/index.html", "民生实事");
    std::fs::write(root.join("config.yaml"), config).unwrap();
    wait_for_page(port, "/zh/index.html", "小站");
    wait_for_page(port, page, "两江交汇");
}

#[test]
fn a_rebuild_that_panics_is_shown_and_the_watcher_goes_on() {
    let dir = fixture("tiny");
    let root = dir.path();
    let (_server, port) = start_server_with(root, true, &[("MINSHENG_FAULT_ON_SAVE", "fault.md")]);
    let version = poll(port, None)["version"].as_u64().unwrap_or(0);
    std::fs::write(
        root.join("content/articles/fault.md"),
        "---\ntitle: x\n---\n",
    )
    .unwrap();
    let failed = next_build(port, version);
    assert!(
        failed["error"]
            .as_str()
            .is_some_and(|e| e.contains("internal error") && e.contains("fault.md")),
        "{failed}"
    );
    // the site is still served, and the next good save is built
    wait_for_page(port, "/zh/tiny-article/index.html", "两江交汇");
    std::fs::remove_file(root.join("content/articles/fault.md")).unwrap();
    let page = root.join("content/articles/tiny-article.md");
    std::fs::write(&page, read(&page).replace("两江交汇", "两江汇流")).unwrap();
    wait_for_page(port, "/zh/tiny-article/index.html", "两江汇流");
    wait_for_clean_build(port);
}

#[test]
fn a_broken_configuration_at_start_is_shown_not_fatal() {
    let dir = fixture("tiny");
    let root = dir.path();
    let config = read(&root.join("config.yaml"));
    std::fs::write(root.join("config.yaml"), "title: [unclosed\n").unwrap();
    let (_server, port) = start_server(root, true);
    let status = poll(port, None);
    assert!(
        status["error"]
            .as_str()
            .is_some_and(|e| e.contains("config.yaml")),
        "{status}"
    );
    std::fs::write(root.join("config.yaml"), config).unwrap();
    wait_for_page(port, "/zh/tiny-article/index.html", "两江交汇");
    wait_for_clean_build(port);
}
