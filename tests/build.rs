//! `minsheng build` on the real seeds and content: pages in both languages,
//! feeds, sitemap, 404, atomic output, determinism, base URLs.

mod common;
use common::*;

#[test]
fn builds_every_article_in_both_languages_with_fact_boxes() {
    let dir = project(true);
    let out = run(dir.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = dir.path().join("public");
    let slugs = article_slugs(dir.path());
    assert!(slugs.len() >= 5, "{slugs:?}");
    let mut fact_boxes = 0;
    for slug in &slugs {
        for (lang, html_lang, other) in [("zh", "zh-Hans", "en"), ("en", "en", "zh")] {
            let page = public.join(lang).join(slug).join("index.html");
            let html = read(&page);
            assert!(
                html.contains(&format!("<html lang={html_lang}>")),
                "{}: lang",
                page.display()
            );
            assert!(
                html.contains(&format!("href=../../{other}/{slug}/index.html")),
                "{}: no link to its counterpart",
                page.display()
            );
            assert!(
                html.contains("rel=alternate") && html.contains("hreflang="),
                "{}: no hreflang",
                page.display()
            );
            assert_eq!(html_problem(&html), None, "{}", page.display());
            if html.contains("class=fact-box") {
                fact_boxes += 1;
            }
        }
    }
    assert!(
        fact_boxes >= 2 * (slugs.len() - 1),
        "fact boxes on {fact_boxes} of {} pages",
        2 * slugs.len()
    );
    for page in ["index.html", "zh/index.html", "en/index.html", "404.html"] {
        let html = read(&public.join(page));
        assert_eq!(html_problem(&html), None, "{page}");
    }
}

#[test]
fn english_page_says_which_paragraphs_are_untranslated() {
    let dir = fixture("tiny");
    let out = run(dir.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let en = read(&dir.path().join("public/en/tiny-article/index.html"));
    assert!(
        en.contains("Where the river meets the city."),
        "translated paragraph shown"
    );
    // p2 has no English: a visible notice and the Chinese original, tagged as Chinese
    let p2 = en.split("id=p2>").nth(1).expect("paragraph p2 present");
    let english_side = p2
        .split("<div class=l-en lang=en>")
        .nth(1)
        .expect("English side of p2");
    assert!(
        english_side
            .starts_with("<p class=\"notice untranslated\">This paragraph has not been translated"),
        "{}",
        &english_side[..200.min(english_side.len())]
    );
    assert!(english_side.contains("<div class=original lang=zh-Hans><p>第二段还没有翻译。"));
}

/// A new seed's article starts untranslated: its English page has the
/// Chinese headline, tagged as Chinese, as its `h1` with a notice beside it,
/// and one notice for the body rather than one per paragraph.
#[test]
fn an_untranslated_article_shows_its_chinese_headline_and_one_notice() {
    let dir = fixture("tiny");
    let root = dir.path();
    std::fs::remove_file(root.join("content/articles/tiny-article.en.md")).unwrap();
    let out = run(root, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let en = read(&root.join("public/en/tiny-article/index.html"));
    let h1 = en
        .split("<h1>")
        .nth(1)
        .unwrap()
        .split("</h1>")
        .next()
        .unwrap();
    assert!(
        h1.contains("<span class=\"l-en untranslated-title\" lang=zh-Hans>两江交汇"),
        "{h1}"
    );
    assert!(
        en.contains("The headline has not been translated yet"),
        "notice beside the headline"
    );
    assert_eq!(
        en.matches("This article has not been translated into English yet")
            .count(),
        1,
        "one notice for the body"
    );
    assert!(
        !en.contains("This paragraph has not been translated"),
        "none per paragraph"
    );
    assert!(en.contains("<div class=original lang=zh-Hans><p>第二段还没有翻译。"));
}

#[test]
fn feeds_sitemap_robots_and_data_exist_and_parse() {
    let dir = project(true);
    let out = run(
        dir.path(),
        &["build", "--base-url", "https://example.org/sub"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let public = dir.path().join("public");
    let slugs = article_slugs(dir.path());
    for feed in ["zh/atom.xml", "en/atom.xml"] {
        let xml = read(&public.join(feed));
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{feed}: {e}"));
        let entries = doc
            .descendants()
            .filter(|n| n.has_tag_name("entry"))
            .count();
        assert_eq!(entries, slugs.len(), "{feed}");
    }
    let sitemap = read(&public.join("sitemap.xml"));
    let doc = roxmltree::Document::parse(&sitemap).expect("sitemap is XML");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    // home, each language's front, numbers and glossary page; then in both
    // languages each article, the guide, and each topic and district page
    let lists = ["topics", "districts"]
        .iter()
        .map(|d| {
            std::fs::read_dir(public.join("zh").join(d))
                .unwrap()
                .count()
        })
        .sum::<usize>();
    assert!(lists > 2, "topic and district pages");
    assert_eq!(locs.len(), 7 + 2 * (slugs.len() + 1 + lists));
    assert!(
        locs.iter()
            .all(|l| l.starts_with("https://example.org/sub/")),
        "{locs:?}"
    );
    assert!(sitemap.contains(r#"hreflang="en""#) && sitemap.contains(r#"hreflang="zh-Hans""#));
    assert!(
        read(&public.join("robots.txt")).contains("Sitemap: https://example.org/sub/sitemap.xml")
    );
    let data: serde_json::Value =
        serde_json::from_str(&read(&public.join("data/facts.json"))).unwrap();
    let facts = &data["facts"];
    assert!(facts.as_array().unwrap().len() > 100);
    let csv = read(&public.join("data/facts.csv"));
    assert!(csv.starts_with("article,paragraph,id,figure,value"));
    assert_eq!(csv.lines().count(), facts.as_array().unwrap().len() + 1);
}

#[test]
fn links_are_relative_and_canonical_urls_use_the_base_url() {
    let dir = project(true);
    let out = run(
        dir.path(),
        &["build", "--base-url", "https://example.org/sub/"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let slug = &article_slugs(dir.path())[0];
    let html = read(&dir.path().join("public/zh").join(slug).join("index.html"));
    assert!(
        html.contains(&format!(
            "rel=canonical href=https://example.org/sub/zh/{slug}/"
        )) || html.contains(&format!(
            "href=https://example.org/sub/zh/{slug}/ rel=canonical"
        )),
        "canonical"
    );
    for attr in ["href=/", "src=/", "href=\"/", "src=\"/"] {
        assert!(
            !html.contains(attr),
            "root-absolute link `{attr}` would break under a sub-path"
        );
    }
    // every relative link resolves to a file of the output
    let page_dir = dir.path().join("public/zh").join(slug);
    for link in html.split("href=").skip(1) {
        let target: String = link
            .trim_start_matches('"')
            .chars()
            .take_while(|c| !matches!(c, ' ' | '>' | '"' | '#'))
            .collect();
        if target.is_empty() || target.starts_with("http") || target.starts_with('#') {
            continue;
        }
        assert!(page_dir.join(&target).exists(), "broken link {target}");
    }
}

#[test]
fn chinese_line_breaks_never_become_spaces() {
    let dir = fixture("tiny");
    let out = run(dir.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let zh = read(&dir.path().join("public/zh/tiny-article/index.html"));
    assert!(
        zh.contains("长江与嘉陵江在这里交汇，城市依山而建。"),
        "hard-wrapped Chinese joined without a space"
    );
}

#[test]
fn two_builds_are_byte_identical_also_with_another_thread_count() {
    let dir = project(true);
    let a = dir.path().join("out-a");
    let b = dir.path().join("out-b");
    assert!(
        run(dir.path(), &["build", "--out", a.to_str().unwrap()])
            .status
            .success()
    );
    // the second build on one thread: the output must not depend on scheduling
    let single = bin()
        .env("RAYON_NUM_THREADS", "1")
        .arg("--root")
        .arg(dir.path())
        .args(["build", "--out", b.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(single.status.success(), "{}", stderr(&single));
    let (ta, tb) = (tree(&a), tree(&b));
    assert!(ta.len() > 30);
    let names = |t: &[(String, Vec<u8>)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&ta), names(&tb));
    let differing: Vec<&String> = ta
        .iter()
        .zip(&tb)
        .filter(|(x, y)| x.1 != y.1)
        .map(|(x, _)| &x.0)
        .collect();
    assert!(
        differing.is_empty(),
        "files differ between two builds: {differing:?}"
    );
}

#[test]
fn failed_build_leaves_previous_output_untouched() {
    let dir = project(true);
    assert!(run(dir.path(), &["build"]).status.success());
    let public = dir.path().join("public");
    let before = tree(&public);
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("article.html"),
        "{% extends \"base.html\" %}{% block content %}{{ article.title }{% endblock content %}",
    )
    .unwrap();
    let out = run(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("article.html"),
        "error names the template: {}",
        stderr(&out)
    );
    assert_eq!(
        tree(&public),
        before,
        "public/ changed after a failed build"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().contains(".public."))
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging folders left behind: {leftovers:?}"
    );
}

#[test]
fn refuses_dangerous_output_folders() {
    let dir = project(true);
    let root = dir.path().to_str().unwrap();
    for out in [root, "/", dir.path().join("content").to_str().unwrap()] {
        let result = run(dir.path(), &["build", "--out", out]);
        assert_eq!(
            result.status.code(),
            Some(1),
            "--out {out}: {}",
            stderr(&result)
        );
        assert!(stderr(&result).contains("refusing"), "{}", stderr(&result));
    }
    let foreign = dir.path().join("mine");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(foreign.join("notes.txt"), "my notes").unwrap();
    let result = run(dir.path(), &["build", "--out", foreign.to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(1));
    assert_eq!(read(&foreign.join("notes.txt")), "my notes");
    assert!(run(dir.path(), &["check"]).status.success());
}

#[test]
fn bad_front_matter_names_file_and_line_and_exits_1() {
    let dir = fixture("tiny");
    let page = dir.path().join("content/articles/tiny-article.md");
    let text = read(&page).replacen("district: 江北区", "district: [unclosed", 1);
    std::fs::write(&page, text).unwrap();
    let out = run(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("tiny-article.md:5:") && err.contains("line 4"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn unknown_front_matter_key_warns_with_closest_key() {
    let dir = fixture("tiny");
    let page = dir.path().join("content/articles/tiny-article.md");
    let text = read(&page).replacen("district:", "distrct:", 1);
    std::fs::write(&page, text).unwrap();
    let out = run(dir.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("unknown key `distrct` (did you mean `district`?)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn config_selects_the_theme_and_a_site_overrides_single_files() {
    let dir = fixture("themed");
    let out = run(dir.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = dir.path().join("public");
    let article = read(&public.join("zh/tiny-article/index.html"));
    assert!(
        article.contains("class=plain-theme"),
        "the selected theme's base.html is used"
    );
    assert!(
        article.contains("两江交汇"),
        "templates the theme lacks come from the default theme"
    );
    assert!(
        read(&public.join("static/style.css")).contains("plain theme"),
        "theme stylesheet overrides the default"
    );
    assert!(
        public.join("static/site.js").exists(),
        "default static files fill in"
    );
    assert!(
        read(&public.join("404.html")).contains("Site's own 404"),
        "site template overrides the theme"
    );
    assert_eq!(read(&public.join("static/extra.txt")), "site static file\n");
}

/// Inode of a built file: a reused file is the previous build's file, linked.
fn inode(path: &std::path::Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).expect("built file").ino()
}

#[test]
fn a_rebuild_reuses_only_files_that_are_provably_the_same() {
    let dir = project(true);
    let root = dir.path();
    let public = root.join("public");
    assert!(run(root, &["build"]).status.success());
    let slugs = article_slugs(root);
    let (edited, other) = (&slugs[0], &slugs[1]);
    let page = |lang: &str, slug: &str| public.join(lang).join(slug).join("index.html");
    let before = (inode(&page("zh", edited)), inode(&page("zh", other)));

    // nothing changed: every file is linked, and the output is the same
    let first = tree(&public);
    let out = run(root, &["-v", "build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // the marker lists every rendered file (static files are copied)
    let files = read(&public.join(".minsheng-output")).lines().count() - 2;
    assert!(files > 60, "{files} files listed");
    assert!(
        stderr(&out).contains(&format!("{files} files unchanged")),
        "{}",
        stderr(&out)
    );
    assert_same_tree(&first, &tree(&public), "no-change rebuild");

    // one article edited: its pages are new, another article's are reused
    let source = root.join(format!("content/articles/{edited}.md"));
    let text = std::fs::read_to_string(&source).unwrap();
    let marker = text.find("\n{#").expect("a block marker");
    let paragraph_end = marker + text[marker..].find("\n\n").expect("paragraph end");
    let edited_text = format!(
        "{}新增一句。{}",
        &text[..paragraph_end],
        &text[paragraph_end..]
    );
    std::fs::write(&source, edited_text).unwrap();
    assert!(run(root, &["build"]).status.success());
    assert_ne!(
        inode(&page("zh", edited)),
        before.0,
        "edited page rewritten"
    );
    assert_eq!(inode(&page("zh", other)), before.1, "unchanged page reused");
    assert!(read(&page("zh", edited)).contains("新增一句。"));

    // a built file changed by hand is not trusted: it is written again
    let tampered = page("en", other);
    std::fs::write(&tampered, "<p>changed by hand</p>").unwrap();
    assert!(run(root, &["build"]).status.success());
    assert!(read(&tampered).contains("<html"), "tampered file rebuilt");

    // the result equals a build into a fresh folder, minified or not
    let fresh = root.join("fresh");
    assert!(
        run(root, &["build", "--out", fresh.to_str().unwrap()])
            .status
            .success()
    );
    assert_same_tree(&tree(&public), &tree(&fresh), "rebuilt vs fresh");
    let config = std::fs::read_to_string(root.join("config.yaml")).unwrap();
    let unminified = config.replace("minify: true", "minify: false");
    assert_ne!(config, unminified);
    std::fs::write(root.join("config.yaml"), unminified).unwrap();
    let out = run(root, &["-v", "build"]);
    assert!(
        stderr(&out).contains(" 0 files unchanged"),
        "{}",
        stderr(&out)
    );
    assert!(
        run(root, &["build", "--out", fresh.to_str().unwrap()])
            .status
            .success()
    );
    assert_same_tree(&tree(&public), &tree(&fresh), "unminified rebuild vs fresh");
}

/// A plain Markdown tree in Hugo's layout: `n` articles, each `aNNNN.md` with
/// an `aNNNN.en.md` translation, and no seeds, glossary or theme of its own.
fn plain_tree(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("content/articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(
        dir.path().join("config.yaml"),
        "title:\n  zh: 大站\n  en: Large site\nsearch: false\n",
    )
    .unwrap();
    for k in 0..n {
        let date = format!("2024-{:02}-{:02}", 1 + k % 12, 1 + k % 28);
        std::fs::write(
            articles.join(format!("a{k:04}.md")),
            format!("---\ntitle: 第{k}篇\ndate: {date}\n---\n\n社区新建了{k}个口袋公园。\n"),
        )
        .unwrap();
        std::fs::write(
            articles.join(format!("a{k:04}.en.md")),
            format!("---\ntitle: Article {k}\n---\n\nThe community built {k} pocket parks.\n"),
        )
        .unwrap();
    }
    dir
}

fn stderr_lines(out: &std::process::Output) -> Vec<&str> {
    std::str::from_utf8(&out.stderr).unwrap().lines().collect()
}

/// Without a base URL, the build says once what needs it and writes no URL
/// a search engine rejects; with one, every sitemap URL is absolute.
#[test]
fn publishing_metadata_needs_a_base_url_and_says_so() {
    let dir = fixture("tiny");
    let root = dir.path();
    let out = run(root, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let warned: Vec<&str> = stderr_lines(&out)
        .into_iter()
        .filter(|l| l.contains("base_url is not set"))
        .collect();
    assert_eq!(warned.len(), 1, "warned once: {}", stderr(&out));
    for needs in ["canonical", "hreflang", "sitemap", "feeds"] {
        assert!(warned[0].contains(needs), "names {needs}: {}", warned[0]);
    }
    let public = root.join("public");
    assert!(
        !public.join("sitemap.xml").exists(),
        "no sitemap of relative URLs"
    );
    assert!(!read(&public.join("robots.txt")).contains("Sitemap"));
    let page = read(&public.join("zh/tiny-article/index.html"));
    assert!(!page.contains("rel=canonical") && !page.contains("rel=\"canonical\""));
    assert!(
        !page.contains("rel=alternate hreflang") && !page.contains("rel=\"alternate\" hreflang"),
        "no relative hreflang alternates"
    );
    let out = run(root, &["build", "--base-url", "https://example.org/sub/"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("base_url is not set"),
        "{}",
        stderr(&out)
    );
    let sitemap = read(&public.join("sitemap.xml"));
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    let urls: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc") || n.has_tag_name("link"))
        .filter_map(|n| n.text().or_else(|| n.attribute("href")))
        .collect();
    assert!(urls.len() > 4, "{sitemap}");
    assert!(
        urls.iter()
            .all(|u| u.starts_with("https://example.org/sub/")),
        "only absolute URLs: {urls:?}"
    );
    let page = read(&public.join("zh/tiny-article/index.html"));
    assert!(
        page.contains("https://example.org/sub/en/tiny-article/"),
        "absolute hreflang"
    );
}

#[test]
fn large_builds_show_progress_only_on_a_terminal_and_stage_timings_when_verbose() {
    let dir = plain_tree(200);
    let root = dir.path();
    // piped: the summary line only
    let out = run(root, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let warnings: Vec<&str> = stderr_lines(&out);
    assert!(
        warnings.len() == 1 && warnings[0].contains("base_url is not set"),
        "nothing but the summary and the one publishing warning when piped: {warnings:?}"
    );
    assert_eq!(stdout(&out).lines().count(), 1, "{}", stdout(&out));
    assert!(
        stdout(&out).contains("built 200 articles"),
        "{}",
        stdout(&out)
    );
    // verbose: each stage with its time
    let out = run(root, &["-v", "build"]);
    for stage in ["load", "render", "write"] {
        assert!(
            stderr(&out)
                .lines()
                .any(|l| l.trim_start().starts_with(stage) && l.ends_with(" ms")),
            "no timing of {stage}: {}",
            stderr(&out)
        );
    }
    // on a terminal (a pseudo-terminal from util-linux's `script`): progress
    let command = format!(
        "{} --root {} build",
        env!("CARGO_BIN_EXE_minsheng"),
        root.display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("script (util-linux) runs");
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("rendering 250/400 article pages"),
        "no progress on a terminal: {:?}",
        stdout(&out)
    );
}

#[test]
fn the_output_folder_is_never_missing_while_a_build_replaces_it() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let dir = fixture("tiny");
    let root = dir.path().to_path_buf();
    assert!(run(&root, &["build"]).status.success());
    let done = std::sync::Arc::new(AtomicBool::new(false));
    let missing = std::sync::Arc::new(AtomicUsize::new(0));
    let looked = {
        let (done, missing, page) = (
            done.clone(),
            missing.clone(),
            root.join("public/zh/index.html"),
        );
        std::thread::spawn(move || {
            let mut looks = 0u64;
            while !done.load(Ordering::Relaxed) {
                if !page.exists() {
                    missing.fetch_add(1, Ordering::Relaxed);
                }
                looks += 1;
            }
            looks
        })
    };
    for _ in 0..5 {
        // a changed config renders every page again, so each build swaps
        let config = read(&root.join("config.yaml"));
        std::fs::write(root.join("config.yaml"), format!("{config}\n")).unwrap();
        let out = run(&root, &["build"]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    done.store(true, Ordering::Relaxed);
    let looks = looked.join().unwrap();
    assert!(looks > 0);
    assert_eq!(
        missing.load(Ordering::Relaxed),
        0,
        "the site was missing in {} of {looks} looks",
        missing.load(Ordering::Relaxed)
    );
}

/// Guides (`content/guides/`) are pages in both languages that every
/// article's context links to, listed in the sitemap; one whose address is
/// taken is refused, naming its file.
#[test]
fn the_local_government_guide_is_a_page_in_both_languages_that_articles_link_to() {
    let dir = project(true);
    let root = dir.path();
    let out = run(root, &["build", "--base-url", "https://example.org/"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = root.join("public");
    let en = read(&public.join("en/local-government/index.html"));
    let zh = read(&public.join("zh/local-government/index.html"));
    assert!(en.contains("<h1>How local government works in China</h1>"));
    assert!(
        en.contains("Party working committee"),
        "subdistricts are explained"
    );
    assert!(zh.contains("<h1>中国的基层政府</h1>"));
    for slug in article_slugs(root) {
        let page = read(&public.join(format!("en/{slug}/index.html")));
        assert!(
            page.contains("href=../../en/local-government/index.html"),
            "{slug} links to the guide"
        );
    }
    let sitemap = read(&public.join("sitemap.xml"));
    assert!(sitemap.contains("<loc>https://example.org/en/local-government/</loc>"));

    let dir = fixture("tiny");
    let guides = dir.path().join("content/guides");
    std::fs::create_dir_all(&guides).unwrap();
    std::fs::write(
        guides.join("numbers.md"),
        "---\ntitle: 数字\n---\n\n正文。\n",
    )
    .unwrap();
    let out = run(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("numbers.md") && stderr(&out).contains("is taken"),
        "{}",
        stderr(&out)
    );
}

/// The article's meta links its district and topics to their pages, which
/// the sitemap lists, and the Chinese interface uses full-width colons.
#[test]
fn topic_and_district_pages_are_linked_and_in_the_sitemap() {
    let dir = project(true);
    let root = dir.path();
    let out = run(root, &["build", "--base-url", "https://example.org/"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = root.join("public");
    let slug = "jiangbei-yirenminweizhongxinhuijiuxingfu";
    let page = read(&public.join(format!("zh/{slug}/index.html")));
    let sitemap = read(&public.join("sitemap.xml"));
    let mut linked = 0;
    for href in page.split("href=").skip(1) {
        let href = href.split(['>', ' ']).next().unwrap().trim_matches('"');
        if let Some(rest) = href.strip_prefix("../../zh/")
            && (rest.starts_with("topics/") || rest.starts_with("districts/"))
        {
            linked += 1;
            let file = public.join("zh").join(rest);
            assert!(file.is_file(), "{href} leads to a page");
            let section = rest.trim_end_matches("index.html");
            assert!(
                sitemap.contains(&format!("<loc>https://example.org/zh/{section}</loc>")),
                "{section} is in the sitemap"
            );
        }
    }
    assert!(linked >= 2, "district and topics linked: {linked}");
    let css = read(&public.join("static/style.css"));
    assert!(
        css.contains(".pair:target"),
        "paragraph links highlight their paragraph"
    );
    assert!(
        css.contains("html[lang^=\"zh\"] dl.meta dt::after{content:\"：\"}")
            || css.contains("content: \"：\"")
    );
}

/// Less clutter: a glossary term is linked where the article first uses it,
/// once per language and never in a heading, and headings carry no source
/// marker.
#[test]
fn terms_are_linked_on_first_use_and_headings_stay_plain() {
    let dir = project(true);
    let root = dir.path();
    let out = run(root, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for slug in article_slugs(root) {
        let page = read(&root.join(format!("public/en/{slug}/index.html")));
        let mut seen = std::collections::HashMap::new();
        for link in page.split("aria-describedby=").skip(1) {
            let card = link.split(['>', ' ']).next().unwrap().to_string();
            *seen.entry(card).or_insert(0) += 1;
        }
        // one link per term on each language's side
        assert!(
            seen.values().all(|n| *n <= 2),
            "{slug}: a term linked more than once per language: {seen:?}"
        );
        for heading in page.split("<h2").skip(1).chain(page.split("<h3").skip(1)) {
            let heading = heading.split("</h").next().unwrap();
            assert!(
                !heading.contains("class=term"),
                "{slug}: a term in a heading: {heading}"
            );
        }
        for pair in page.split("class=\"pair pair-heading").skip(1) {
            // after the English heading the pair closes, with no marker
            let english = pair.split("<div class=l-en").nth(1).unwrap();
            let after = english.split_once("</div>").unwrap().1;
            assert!(
                after.starts_with("</div>"),
                "{slug}: a heading with a source marker: {}",
                &after[..80.min(after.len())]
            );
        }
    }
}

/// English pages give bylines and photo credits in pinyin, surname first;
/// the Chinese pages keep them as printed.
#[test]
fn english_pages_give_names_in_pinyin() {
    let dir = project(true);
    let root = dir.path();
    assert!(run(root, &["build"]).status.success());
    let slug = "dadukou-banhaominshengnuanxinshi-tisheng";
    let en = read(&root.join(format!("public/en/{slug}/index.html")));
    let zh = read(&root.join(format!("public/zh/{slug}/index.html")));
    assert!(
        en.contains("<span>Zhan Milu</span>, <span>Wang Caiyan</span>"),
        "bylines in pinyin"
    );
    assert!(
        en.contains("Photo <span>Zhong Ge</span>"),
        "photo credit in pinyin"
    );
    assert!(
        zh.contains("詹米璐、王彩艳"),
        "the Chinese page keeps the names as printed"
    );
    assert!(
        !en.contains("<dd lang=zh-Hans>詹米璐"),
        "no Chinese byline on the English page"
    );
}

/// A text that goes on from another page is listed as a fragment, not as a
/// whole story, in every list of both languages.
#[test]
fn a_continuation_is_listed_as_a_fragment() {
    let dir = project(true);
    let root = dir.path();
    assert!(run(root, &["build"]).status.success());
    let public = root.join("public");
    let en = read(&public.join("en/index.html"));
    let zh = read(&public.join("zh/index.html"));
    let marked = |page: &str, title: &str, note: &str| {
        page.split(title).nth(1).is_some_and(|rest| {
            rest.trim_start_matches("</a> ")
                .starts_with(&format!("<span class=fragment lang={note}"))
        })
    };
    assert!(marked(
        &en,
        "Volunteers teach older residents to use antigen tests and health kits",
        "en"
    ));
    assert!(marked(&zh, "社区志愿者庞欣告诉记者", "zh-Hans"));
    assert_eq!(
        en.matches("class=fragment").count(),
        1,
        "only the continuation"
    );
}
