//! Ordinary input that once crashed or misled the tool, run through the real
//! binary: credits and bylines with full-width or doubled spaces, free-text
//! dates, `check` on a project with seeds only, `translate` on every article
//! shape, plain Markdown trees with Chinese or spaced file names, slugs that
//! a hand-written article already has, figures too long to be numbers, and
//! inputs whose doubling must not more than double the output.

mod common;
use common::*;
use std::path::Path;

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A project with the default theme and nothing else.
fn empty_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("themes"), &dir.path().join("themes"));
    dir
}

/// Whitespace a page may print between the words of a byline or credit.
const SPACES: &[(&str, &str)] = &[
    ("full-width", "\u{3000}"),
    ("doubled", "  "),
    ("tab", "\t"),
    ("no-break", "\u{a0}"),
    ("full-width and ASCII", " \u{3000}"),
];

/// Lines of the seeds that bylines, credits and captions are read from.
fn is_credit_line(line: &str) -> bool {
    ["摄/", "摄摄//", "记者", "图片", "提供", "通讯员"]
        .iter()
        .any(|m| line.contains(m))
}

#[test]
fn bylines_credits_and_captions_with_any_spacing_build() {
    let dir = empty_project();
    let mut variants = 0;
    for entry in std::fs::read_dir(repo().join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        let text = read(&path);
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        for (name, space) in SPACES {
            let varied: String = text
                .lines()
                .map(|l| {
                    if is_credit_line(l) {
                        // every space, and a space inside each credit
                        l.replace(' ', space)
                            .replace("江北区", &format!("江北区{space}"))
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            let file = format!("{stem}-{}.txt", name.replace(' ', "-"));
            write(&dir.path().join("seeds").join(file), &varied);
            variants += 1;
        }
    }
    // the reported line itself
    write(
        &dir.path().join("seeds/credit.txt"),
        "江北 实施民生行动\n\n民生无小事，枝叶总关情。江北区今年办好十件实事。\n\n王彩艳 陈佳佳 图片由江北区\u{3000}教委提供\n",
    );
    assert!(variants >= 25);
    let out = run(dir.path(), &["build"]);
    assert_no_panic(&out, "build");
    assert!(out.status.success(), "{}", stderr(&out));
    let credit = std::fs::read_dir(dir.path().join("content/articles"))
        .unwrap()
        .map(|e| read(&e.unwrap().path()))
        .find(|t| t.contains("source: credit.txt"))
        .expect("an article from credit.txt");
    assert!(
        credit.contains("- 王彩艳") && credit.contains("- 陈佳佳"),
        "{credit}"
    );
    assert!(credit.contains("图片由江北区\u{3000}教委提供"), "{credit}");
}

fn tiny_with_date(date: &str) -> tempfile::TempDir {
    let dir = fixture("tiny");
    let path = dir.path().join("content/articles/tiny-article.md");
    let text = read(&path).replacen("date: '2023'\n", &format!("date: {date}\n"), 1);
    write(&path, &text);
    dir
}

#[test]
fn a_date_that_is_not_a_date_is_an_error_at_its_line() {
    for date in ["去年春天", "2023年5月", "2023-13-01", "'2023-02-30'"] {
        let dir = tiny_with_date(date);
        let out = run(dir.path(), &["build"]);
        assert_no_panic(&out, date);
        assert_eq!(out.status.code(), Some(1), "{date}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("tiny-article.md:5: date: "),
            "{date}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn feeds_carry_only_the_days_a_source_gives() {
    // known to the month only: no publication time, and no first of the month
    let dir = tiny_with_date("2023-05");
    let out = run(dir.path(), &["build", "--base-url", "https://example.org/"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let feed = read(&dir.path().join("public/zh/atom.xml"));
    assert!(!feed.contains("<published>"), "{feed}");
    assert!(!feed.contains("2023-05-01"), "{feed}");
    assert!(
        feed.contains("<updated>1970-01-01T00:00:00Z</updated>"),
        "{feed}"
    );
    let sitemap = read(&dir.path().join("public/sitemap.xml"));
    assert!(sitemap.contains("<lastmod>2023-05</lastmod>"), "{sitemap}");
    // known to the day: published and updated that day
    let dir = tiny_with_date("2023-05-08");
    assert!(run(dir.path(), &["build"]).status.success());
    let feed = read(&dir.path().join("public/en/atom.xml"));
    assert!(
        feed.contains("<published>2023-05-08T00:00:00Z</published>"),
        "{feed}"
    );
    assert_eq!(
        feed.matches("<updated>2023-05-08T00:00:00Z</updated>")
            .count(),
        2,
        "{feed}"
    );
    // a build time given the reproducible-builds way stamps what no source dates
    let dir = tiny_with_date("2023");
    let out = bin()
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .arg("--root")
        .arg(dir.path())
        .arg("build")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let feed = read(&dir.path().join("public/en/atom.xml"));
    assert!(
        feed.contains("<updated>2023-11-14T22:13:20Z</updated>") && !feed.contains("2023-01-01"),
        "{feed}"
    );
}

#[test]
fn check_reads_a_project_and_writes_nothing() {
    let dir = project(false);
    let before = tree(dir.path());
    let out = run(dir.path(), &["check"]);
    assert_no_panic(&out, "check");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!dir.path().join("content").exists(), "check ingested seeds");
    assert_same_tree(&tree(dir.path()), &before, "the project after check");
    // and with content: nothing changes either
    let dir = project(true);
    let before = tree(dir.path());
    run(dir.path(), &["check"]);
    assert_same_tree(&tree(dir.path()), &before, "the project after check");
}

/// Writes English under every marker of a scaffolded translation.
fn fill(scaffold: &str) -> String {
    let mut n = 0;
    scaffold
        .lines()
        .map(|l| {
            if l.starts_with("{#") {
                n += 1;
                format!("{l}\nEnglish paragraph {n}.")
            } else {
                l.replace("title: ''", "title: An English headline")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn translate_works_on_every_article_shape() {
    let dir = empty_project();
    let shapes = [
        (
            "marked",
            "{#p3 lines=3}\n民生无小事。\n\n{#p5 lines=5}\n## 小标题\n",
        ),
        ("plain", "一段没有标记的正文。\n\n第二段。\n"),
        ("intro", "标记之前的导语。\n\n{#p9}\n正文。\n"),
        ("empty", ""),
    ];
    for (slug, body) in shapes {
        write(
            &dir.path().join(format!("content/articles/{slug}.md")),
            &format!("---\ntitle: 标题{slug}\nslug: {slug}\n---\n\n{body}"),
        );
    }
    for (slug, body) in shapes {
        let out = run(dir.path(), &["translate", slug]);
        assert_no_panic(&out, slug);
        assert!(out.status.success(), "{slug}: {}", stderr(&out));
        let path = dir.path().join(format!("content/articles/{slug}.en.md"));
        let scaffold = read(&path);
        let out = run(dir.path(), &["build"]);
        assert!(
            out.status.success(),
            "{slug}: the scaffold does not build: {}\n{scaffold}",
            stderr(&out)
        );
        write(&path, &fill(&scaffold));
        let out = run(dir.path(), &["build"]);
        assert!(out.status.success(), "{slug}: {}", stderr(&out));
        let page = read(&dir.path().join(format!("public/en/{slug}/index.html")));
        assert!(page.contains("An English headline"), "{slug}");
        if !body.is_empty() {
            assert!(page.contains("English paragraph 1."), "{slug}");
        }
        // every paragraph counts as translated
        let markers = scaffold.matches("{#").count();
        let out = run(dir.path(), &["check"]);
        let line = stdout(&out)
            .lines()
            .find(|l| l.starts_with(&format!("{slug} ")))
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        assert_eq!(
            line,
            format!("{slug} {markers}/{markers} translated"),
            "{slug}"
        );
    }
    // a second translate refuses to overwrite
    let out = run(dir.path(), &["translate", "plain"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn plain_markdown_trees_slugify_their_file_names() {
    let dir = empty_project();
    write(
        &dir.path().join("content/你好.md"),
        "---\ntitle: 你好\n---\n\n正文。\n",
    );
    write(
        &dir.path().join("content/posts/My Post.md"),
        "---\ntitle: My post\n---\n\nText.\n",
    );
    write(
        &dir.path().join("content/a..b.md"),
        "---\ntitle: 点\n---\n\n正文。\n",
    );
    let out = run(dir.path(), &["build"]);
    assert_no_panic(&out, "build");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("public/zh/a-b/index.html").is_file());
    assert!(dir.path().join("public/zh/nihao/index.html").is_file());
    assert!(dir.path().join("public/zh/my-post/index.html").is_file());
}

#[test]
fn ingest_never_takes_the_slug_of_a_hand_written_article() {
    let dir = project(false);
    let taken = "jiangbei-shishi-minshengliqu-xingdong";
    write(
        &dir.path().join("content/articles/mine.md"),
        &format!("---\ntitle: 编辑写的文章\nslug: {taken}\n---\n\n正文。\n"),
    );
    let out = run(dir.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        dir.path()
            .join(format!("content/articles/{taken}-2.md"))
            .is_file()
    );
    assert!(read(&dir.path().join("content/articles/mine.md")).contains("编辑写的文章"));
}

fn ingest_one(text: &str) -> (std::process::Output, u64) {
    let dir = empty_project();
    write(&dir.path().join("seeds/seed.txt"), text);
    let out = run(dir.path(), &["ingest"]);
    let size = walkdir::WalkDir::new(dir.path().join("content"))
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.metadata().unwrap().len())
        .sum();
    (out, size)
}

#[test]
fn a_figure_too_long_to_be_a_number_is_not_one() {
    let text = format!(
        "江北 实施民生行动\n\n全区投入{}元，新建学校3所。\n",
        "9".repeat(400)
    );
    let (out, _) = ingest_one(&text);
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = empty_project();
    write(&dir.path().join("seeds/seed.txt"), &text);
    assert!(run(dir.path(), &["build"]).status.success());
    let article = std::fs::read_dir(dir.path().join("content/articles"))
        .unwrap()
        .map(|e| read(&e.unwrap().path()))
        .next()
        .unwrap();
    assert!(
        !article.contains(".inf") && article.contains("3所"),
        "{article}"
    );
    let page = read(&dir.path().join("public/en/numbers/index.html"));
    assert!(!page.contains("inf"), "a figure shown as inf");
    // a hand-written infinite value is refused at its line
    let dir = fixture("tiny");
    let path = dir.path().join("content/articles/tiny-article.md");
    let text = read(&path).replacen("value: 18.0", "value: .inf", 1);
    write(&path, &text);
    let out = run(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("tiny-article.md:8: fact `p1-1`"),
        "{}",
        stderr(&out)
    );
}

/// Output size of ingesting `unit` repeated `n` and `2n` times.
fn doubled_sizes(header: &str, unit: &str, n: usize) -> (u64, u64) {
    let (out, small) = ingest_one(&format!("{header}{}", unit.repeat(n)));
    assert!(out.status.success(), "{}", stderr(&out));
    let (out, large) = ingest_one(&format!("{header}{}", unit.repeat(2 * n)));
    assert!(out.status.success(), "{}", stderr(&out));
    (small, large)
}

#[test]
fn doubling_an_input_at_most_doubles_its_articles() {
    const HEAD: &str = "江北 实施民生行动\n\n";
    let cases = [
        // figures in one unpunctuated run: each label was the whole clause
        ("figures without punctuation", "1个", 4000),
        ("short lines", "短行\n", 4000),
        ("headline-like lines", "江北 办好\n\n", 1000),
        (
            "captions between paragraph halves",
            "民生实事正在\n\n观音桥 摄/颜萌\n\n",
            1000,
        ),
    ];
    for (what, unit, n) in cases {
        let (small, large) = doubled_sizes(HEAD, unit, n);
        // ids and line numbers gain a digit now and then: 2% for that
        assert!(
            large <= 2 * small + small / 50 + 4096,
            "{what}: {small} bytes for {n}, {large} bytes for {}",
            2 * n
        );
    }
}

#[test]
fn figures_no_reader_can_trust_are_left_out_and_check_says_so() {
    let dir = fixture("tiny");
    let path = dir.path().join("content/articles/tiny-article.md");
    let text = read(&path).replacen(
        "第二段还没有翻译。",
        "2月30日，投入9999999999999亿元，惠及十十万人。",
        1,
    );
    write(&path, &text);
    let out = run(dir.path(), &["check"]);
    assert_no_panic(&out, "check");
    let said = stdout(&out) + &stderr(&out);
    for figure in ["2月30日", "9999999999999亿", "十十万"] {
        assert!(said.contains(&format!("`{figure}` is")), "{figure}: {said}");
    }
    let out = run(dir.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let facts = read(&dir.path().join("public/data/facts.csv"));
    assert!(
        !facts.contains("2月30日") && !facts.contains("9999999999999"),
        "{facts}"
    );
}
