//! Seeds in the formats editors bring beside plain text: saved web pages,
//! PDFs and Markdown texts become articles in the built site, and a file that
//! is not what its name says is an error naming it that leaves the site as
//! it was.

mod common;
use common::*;
use std::collections::HashMap;
use std::path::Path;

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

/// A real saved page (`tests/html/`) and what its article must be: headline,
/// date, first and last words of the story, and page chrome that must not
/// reach it.
type Page = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const PAGES: &[Page] = &[
    (
        "xinhuanet-2019-france-strike.html",
        "法国全国大罢工再次严重影响交通",
        None,
        "新华社巴黎12月9日电（记者唐霁）",
        "总理菲利普将于11日宣布退休制度改革的总体架构。",
        &["Qzone", "图集", "责任编辑", "纠错", "+1", "新华网"],
    ),
    (
        "people-2019-zheng-banqiao-fathers-day.html",
        "女儿出嫁，郑板桥画了几笔兰花当嫁妆",
        Some("2019-06-15"),
        "父亲的教诲像一盏灯",
        "他与普通父亲并没有差",
        &["点击进入", "责编", "版权所有", "登录", "人民网"],
    ),
    (
        "ltn-2018-wanhua-haunted-house-auction.html",
        "10年前父親掐死兒後自縊... 凶宅下月拍開價425萬",
        Some("2018-07-31"),
        "〔即時新聞／綜合報導〕2008年",
        "凶宅拍賣價每坪38.54萬",
        &["分享", "熱門", "相關", "未滿18", "2018-07-31 08:19"],
    ),
];

#[test]
fn saved_web_pages_become_their_stories_without_the_page_around_them() {
    for (name, headline, date, first, last, chrome) in PAGES {
        let dir = project_with_seed(&repo().join("tests/html").join(name), name);
        let out = run(dir.path(), &["build"]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let articles = generated(dir.path());
        assert_eq!(articles.len(), 1, "{name}");
        let article = &articles[0];
        assert!(
            article.contains(&format!("title: {headline}\n")),
            "{name}: {article}"
        );
        match date {
            Some(d) => assert!(
                article.contains(&format!("date: {d}\n")),
                "{name}: {article}"
            ),
            None => assert!(!article.contains("\ndate:"), "{name}: no date is invented"),
        }
        let body = article.split("\n---\n").nth(1).unwrap_or_default();
        assert!(
            body.contains(first) && body.contains(last),
            "{name}: {body}"
        );
        for c in *chrome {
            assert!(
                !body.contains(c),
                "{name}: `{c}` reached the article: {body}"
            );
        }
    }
    // the Traditional page keeps its script and its caption is a caption
    let dir = project_with_seed(&repo().join("tests/html").join(PAGES[2].0), PAGES[2].0);
    assert!(run(dir.path(), &["build"]).status.success());
    let article = &generated(dir.path())[0];
    assert!(article.contains("script: traditional\n"), "{article}");
    assert!(
        article.contains("- caption: 下月將法拍的房子位在萬大路一帶。"),
        "{article}"
    );
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

#[test]
fn cut_and_mangled_web_pages_and_pdfs_are_read_or_refused_never_a_panic() {
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in std::fs::read_dir(repo().join("tests/html")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let page = std::fs::read(&path).unwrap();
        // cut anywhere, and with every fifth tag's `>` gone
        for cut in (0..page.len()).step_by(page.len() / 40 + 1) {
            inputs.push(("cut.html".into(), page[..cut].to_vec()));
        }
        let mut n = 0;
        let mangled: Vec<u8> = page
            .iter()
            .copied()
            .filter(|b| {
                n += usize::from(*b == b'>');
                !(*b == b'>' && n % 5 == 0)
            })
            .collect();
        inputs.push(("mangled.html".into(), mangled));
    }
    let pdf = std::fs::read(repo().join("tests/pdf/jiangbei-page.pdf")).unwrap();
    for cut in (0..pdf.len()).step_by(pdf.len() / 12 + 1) {
        inputs.push(("cut.pdf".into(), pdf[..cut].to_vec()));
    }
    let mut flipped = pdf.clone();
    for k in (2000..flipped.len()).step_by(9973) {
        flipped[k] ^= 0x5a;
    }
    inputs.push(("flipped.pdf".into(), flipped));
    for (name, bytes) in inputs {
        let len = bytes.len();
        let read = std::panic::catch_unwind(|| {
            minsheng::ingest::read_seed(Path::new(&name), &bytes).map(|s| s.text.len())
        });
        assert!(read.is_ok(), "{name} of {len} bytes: a panic");
    }
}
