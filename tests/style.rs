//! House-style QA of the English: the real content passes, and each class of
//! problem, planted in a copy of it, is reported with file, line and
//! paragraph, and fails `build --strict`. Editor's queries are listed.

mod common;
use common::*;
use std::path::{Path, PathBuf};

const SLUG: &str = "jiangbei-yirenminweizhongxinhuijiuxingfu";

fn english(root: &Path, slug: &str) -> PathBuf {
    root.join("content/articles").join(format!("{slug}.en.md"))
}

/// Replaces the text of block `id` (the line after its marker).
fn set_block(text: &str, id: &str, new: &str) -> String {
    let marker = format!("{{#{id} ");
    let at = text.find(&marker).expect("marker");
    let body = at + text[at..].find('\n').unwrap() + 1;
    let end = body + text[body..].find('\n').unwrap_or(text.len() - body);
    format!("{}{new}{}", &text[..body], &text[end..])
}

/// The id of the first paragraph block (not a heading) of an English file.
fn first_paragraph(text: &str) -> String {
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if let Some(rest) = line.strip_prefix("{#") {
            let next = lines.next().unwrap_or("");
            if !next.starts_with('#') && !next.is_empty() {
                return rest.split_whitespace().next().unwrap().to_string();
            }
        }
    }
    panic!("no paragraph")
}

#[test]
fn the_real_content_follows_the_house_style() {
    let dir = project(true);
    let out = run(dir.path(), &["check"]);
    let text = format!("{}{}", stdout(&out), stderr(&out));
    for class in [
        "straight quote",
        "two spaces",
        "not in sentence case",
        "in words",
        "begins with digits",
        "outside a gloss",
        "translated otherwise",
        "a sentence of",
    ] {
        assert!(!text.contains(class), "{class}: {text}");
    }
}

#[test]
fn each_style_problem_is_named_and_fails_a_strict_build() {
    type Change = fn(&str, &str) -> String;
    let cases: [(&str, Change, &str); 7] = [
        (
            "straight quote",
            |t, p| set_block(t, p, "The district's new canteen opened."),
            "straight quote `'`",
        ),
        (
            "two spaces",
            |t, p| set_block(t, p, "The district opened a canteen.  It is busy."),
            "two spaces in a row",
        ),
        (
            "title case",
            |t, _| {
                let line = t.lines().find(|l| l.starts_with("title:")).unwrap();
                t.replacen(line, "title: \"Jiangbei Puts People First\"", 1)
            },
            "title: headline is not in sentence case: `Puts` is capitalised",
        ),
        (
            "small number in digits",
            |t, p| set_block(t, p, "The district opened 3 canteens."),
            "`3 canteens.`: write 3 in words",
        ),
        (
            "Chinese outside a gloss",
            |t, p| set_block(t, p, "The district opened a 食堂 for older residents."),
            "Chinese `食堂` in the English outside a gloss",
        ),
        (
            "long sentence",
            |t, p| {
                let long = format!("The district {} opened.", vec!["also"; 50].join(" "));
                set_block(t, p, &long)
            },
            "a sentence of 53 words",
        ),
        (
            "sentence starting with digits",
            |t, p| set_block(t, p, "The district opened canteens. 3 opened in May."),
            "a sentence begins with digits",
        ),
    ];
    for (what, change, expected) in cases {
        let dir = project(true);
        let path = english(dir.path(), SLUG);
        let original = read(&path);
        let para = first_paragraph(&original);
        let changed = change(&original, &para);
        assert_ne!(changed, original, "{what}: the change applies");
        std::fs::write(&path, changed).unwrap();
        let out = run(dir.path(), &["build", "--strict"]);
        assert_eq!(out.status.code(), Some(1), "{what}: strict build must fail");
        let err = stderr(&out);
        assert!(err.contains(expected), "{what}: {err}");
        assert!(
            err.contains(&format!("{SLUG}.en.md:")),
            "{what}: names the file and line: {err}"
        );
    }
}

#[test]
fn one_chinese_paragraph_translated_two_ways_is_reported() {
    let dir = project(true);
    let root = dir.path();
    // give another article the Chinese of this one's first paragraph
    let source = read(&root.join(format!("content/articles/{SLUG}.md")));
    let para = first_paragraph(&read(&english(root, SLUG)));
    let chinese_of = |text: &str, id: &str| {
        let marker = format!("{{#{id} ");
        let at = text.find(&marker).unwrap();
        let body = at + text[at..].find('\n').unwrap() + 1;
        text[body..body + text[body..].find('\n').unwrap()].to_string()
    };
    let chinese = chinese_of(&source, &para);
    let other = "jiangbei-shishi-minshengliqu-xingdong";
    let other_path = root.join(format!("content/articles/{other}.md"));
    let other_text = read(&other_path);
    let other_para = first_paragraph(&read(&english(root, other)));
    std::fs::write(&other_path, set_block(&other_text, &other_para, &chinese)).unwrap();
    let out = run(root, &["check"]);
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        text.contains(&format!(
            "paragraph {other_para}: the same Chinese is translated otherwise at"
        )) || text.contains(&format!(
            "paragraph {para}: the same Chinese is translated otherwise at"
        )),
        "{text}"
    );
}

#[test]
fn editors_queries_show_on_both_pages_and_check_lists_them() {
    let dir = project(true);
    let root = dir.path();
    let zh_path = root.join(format!("content/articles/{SLUG}.md"));
    let en_path = english(root, SLUG);
    let para = first_paragraph(&read(&en_path));
    let zh = read(&zh_path);
    let marker = format!("{{#{para} ");
    let at = zh.find(&marker).unwrap();
    let line_end = at + zh[at..].find('\n').unwrap() + 1;
    let body_end = line_end + zh[line_end..].find('\n').unwrap();
    let zh = format!("{}[query: 此数存疑]{}", &zh[..body_end], &zh[body_end..]);
    std::fs::write(&zh_path, zh).unwrap();
    let en = read(&en_path);
    let at = en.find(&format!("{{#{para} ")).unwrap();
    let line_end = at + en[at..].find('\n').unwrap() + 1;
    let body_end = line_end + en[line_end..].find('\n').unwrap();
    let en = format!(
        "{} [query: this figure is doubtful]{}",
        &en[..body_end],
        &en[body_end..]
    );
    std::fs::write(&en_path, en).unwrap();
    let check = run(root, &["check"]);
    let listed = format!("{}{}", stdout(&check), stderr(&check));
    assert!(
        listed.contains(&format!("paragraph {para}: editor's query: 此数存疑")),
        "{listed}"
    );
    assert!(
        listed.contains(&format!(
            "paragraph {para}: editor's query: this figure is doubtful"
        )),
        "{listed}"
    );
    // a query is no change to the words: the translation is not stale
    assert!(!listed.contains("stale"), "{listed}");
    let out = run(root, &["build", "--strict"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let zh_page = read(&root.join(format!("public/zh/{SLUG}/index.html")));
    let en_page = read(&root.join(format!("public/en/{SLUG}/index.html")));
    assert!(
        zh_page.contains("编者存疑：</span>此数存疑"),
        "Chinese page shows the query"
    );
    assert!(
        en_page.contains("Editor’s query: </span>this figure is doubtful"),
        "English page shows the query"
    );
}
