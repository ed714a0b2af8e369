//! Translations: the real site is complete (`build --strict` passes), and
//! `check` / `build --strict` catch each kind of problem, naming file and
//! paragraph; glossary pages and term marks are generated.

mod common;
use common::*;

#[test]
fn the_real_site_is_fully_translated_and_builds_strict() {
    let dir = project(true);
    let out = run(dir.path(), &["build", "--strict"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let check = run(dir.path(), &["check"]);
    let text = stdout(&check);
    let coverage = text
        .lines()
        .find(|l| l.starts_with("translation coverage:"))
        .expect("coverage line");
    let (done, total) = coverage
        .trim_start_matches("translation coverage: ")
        .trim_end_matches(" paragraphs")
        .split_once('/')
        .unwrap();
    assert_eq!(done, total, "{coverage}");
    assert!(total.parse::<usize>().unwrap() > 200);
}

#[test]
fn strict_build_names_each_problem_and_keeps_the_old_site() {
    let dir = fixture("tiny");
    assert!(run(dir.path(), &["build"]).status.success());
    let before = tree(&dir.path().join("public"));
    let out = run(dir.path(), &["build", "--strict"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    // p2 untranslated; p1's English lacks the figure 18 and the glossary rendering
    assert!(
        err.contains("tiny-article: 1 of 2 paragraphs translated"),
        "{err}"
    );
    assert!(
        err.contains("tiny-article.en.md:7: paragraph p1: figure `18公里` is not in the English"),
        "{err}"
    );
    assert!(err.contains("tiny-article.en.md:7: paragraph p1: glossary term 嘉陵江 should be rendered as `Jialing River`"), "{err}");
    assert!(
        err.contains("translation incomplete: missing summary, context"),
        "{err}"
    );
    assert_eq!(
        tree(&dir.path().join("public")),
        before,
        "a refused build changes nothing"
    );
}

#[test]
fn changed_chinese_marks_its_translation_stale() {
    let dir = fixture("tiny");
    let page = dir.path().join("content/articles/tiny-article.md");
    std::fs::write(
        &page,
        read(&page).replace("城市依山而建。", "城市依山而建，江景壮美。"),
    )
    .unwrap();
    let out = run(dir.path(), &["check"]);
    let text = stdout(&out);
    assert!(
        text.contains("tiny-article.en.md:7: paragraph p1 is stale"),
        "{text}"
    );
    assert!(text.contains("1 stale"), "{text}");
    assert!(run(dir.path(), &["build"]).status.success());
    let en = read(&dir.path().join("public/en/tiny-article/index.html"));
    assert!(en.contains("The Chinese text changed after this paragraph was translated"));
    // formatting and [sic] notes do not make a translation stale
    std::fs::write(
        &page,
        read(&page).replace("城市依山而建，江景壮美。", "城市依山而建。[sic]"),
    )
    .unwrap();
    assert!(!stdout(&run(dir.path(), &["check"])).contains("is stale"));
}

#[test]
fn glossary_pages_and_term_marks() {
    let dir = project(true);
    assert!(run(dir.path(), &["build"]).status.success());
    let public = dir.path().join("public");
    let glossary: Vec<serde_yaml::Value> =
        serde_yaml::from_str(&read(&repo().join("content/glossary.yaml"))).unwrap();
    assert!(glossary.len() >= 60, "{} terms", glossary.len());
    for lang in ["zh", "en"] {
        let page = read(&public.join(lang).join("glossary/index.html"));
        assert_eq!(html_problem(&page), None);
        assert_eq!(
            page.matches("class=glossary-entry").count(),
            glossary.len(),
            "{lang}: one entry per term"
        );
        // every entry with uses links to paragraphs that exist
        for link in page.split(&format!("href=../../{lang}/")).skip(1) {
            let target: String = link
                .chars()
                .take_while(|c| *c != '>' && *c != ' ')
                .collect();
            let Some((path, anchor)) = target.split_once('#') else {
                continue;
            };
            if !path.ends_with("index.html") || path.starts_with("glossary") {
                continue;
            }
            let article = read(&public.join(lang).join(path));
            assert!(
                article.contains(&format!("id={anchor}>")),
                "{lang}: {target} points nowhere"
            );
        }
    }
    let zh_gl = read(&public.join("zh/glossary/index.html"));
    assert!(
        zh_gl.contains("id=t-livelihood-project") && zh_gl.contains("mín shēng shí shì"),
        "pinyin with tones"
    );
    let article = read(&public.join("zh/jiangbei-shishi-minshengliqu-xingdong/index.html"));
    let term_link = |href: &str| {
        article.split("<a ").any(|tag| {
            let tag = tag.split('>').next().unwrap_or_default();
            tag.contains("class=term") && tag.contains(&format!("href={href}"))
        })
    };
    assert!(
        term_link("../../zh/glossary/index.html#t-livelihood-project"),
        "Chinese term linked"
    );
    assert!(
        term_link("../../en/glossary/index.html#t-livelihood-project"),
        "English rendering linked"
    );
    assert!(
        article.contains("<rt>mínshēngshíshì</rt>"),
        "ruby pinyin over each term as one word"
    );
    assert!(
        article.contains("id=card-t-livelihood-project"),
        "card for screen readers and JavaScript"
    );
    assert!(article.contains("aria-describedby=card-t-livelihood-project"));
}

/// Each check fails on the real content when a translation is removed, made
/// stale, loses a number or drops a term's rendering.
#[test]
fn each_check_catches_its_problem_in_the_real_content() {
    let slug = "jiangbei-shishi-minshengliqu-xingdong";
    type Case = (&'static str, fn(String) -> String, &'static str);
    let cases: [Case; 5] = [
        (
            "removed",
            |t| remove_block_text(&t, "{#p4 "),
            "jiangbei-shishi-minshengliqu-xingdong: 36 of 37 paragraphs translated",
        ),
        (
            "number lost",
            |t| t.replace("45.55 million yuan", "a large sum"),
            "paragraph p44: figure `4555万元` is not in the English",
        ),
        (
            "figure written otherwise",
            |t| t.replace("45.55 million yuan", "45,550,000 yuan"),
            "paragraph p44: figure `4555万元` is `45.55 million yuan` in the fact box but `45,550,000` in the English",
        ),
        (
            "term dropped",
            |t| replace_in_block(&t, "{#p40 ", "livelihood projects", "practical projects"),
            "paragraph p40: glossary term 民生实事 should be rendered as `livelihood project`",
        ),
        (
            "stale",
            |t| t.replacen("{#p40 zh=", "{#p40 zh=0", 1),
            "paragraph p40 is stale",
        ),
    ];
    for (what, change, expected) in cases {
        let dir = project(true);
        let path = dir
            .path()
            .join("content/articles")
            .join(format!("{slug}.en.md"));
        let original = read(&path);
        let changed = change(original.clone());
        assert_ne!(changed, original, "{what}: the change applies");
        std::fs::write(&path, changed).unwrap();
        let out = run(dir.path(), &["build", "--strict"]);
        assert_eq!(out.status.code(), Some(1), "{what}: strict build must fail");
        assert!(stderr(&out).contains(expected), "{what}: {}", stderr(&out));
    }
}

/// Replaces the first `from` in the block that `marker` opens.
fn replace_in_block(text: &str, marker: &str, from: &str, to: &str) -> String {
    let start = text.find(marker).expect("marker");
    let end = start
        + 1
        + text[start + 1..]
            .find("\n{#")
            .unwrap_or(text.len() - start - 1);
    let block = text[start..end].replacen(from, to, 1);
    format!("{}{block}{}", &text[..start], &text[end..])
}

fn remove_block_text(text: &str, marker: &str) -> String {
    let start = text.find(marker).expect("marker");
    let body = start + text[start..].find('\n').unwrap() + 1;
    let end = body + text[body..].find("\n{#").unwrap();
    format!("{}{}", &text[..body], &text[end..])
}
