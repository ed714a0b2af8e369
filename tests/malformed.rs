//! Malformed inputs: each case breaks one thing in a small site and states
//! exactly what must happen — the exit code, what the message names (file and
//! line where one exists) — and that no case panics, changes the previous
//! `public/`, modifies a seed or overwrites content.

mod common;
use common::*;
use std::path::Path;

struct Case {
    name: &'static str,
    /// Breaks the site.
    setup: fn(&Path),
    /// Extra arguments after `build` (or a whole command).
    command: &'static [&'static str],
    /// Exit code expected.
    code: i32,
    /// Texts the terminal output must contain.
    says: &'static [&'static str],
}

fn write(root: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = read(&path);
    assert!(text.contains(from), "{rel} lacks `{from}`");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

const ARTICLE: &str = "content/articles/tiny-article.md";
const TRANSLATION: &str = "content/articles/tiny-article.en.md";
const SEED: &str = "seeds/page.txt";

fn article(root: &Path, front: &str, body: &str) {
    write(
        root,
        "content/articles/other.md",
        format!("---\n{front}\n---\n{body}"),
    );
}

const CASES: &[Case] = &[
    // seeds
    Case {
        name: "empty seed",
        setup: |r| write(r, SEED, ""),
        command: &["build"],
        code: 1,
        says: &["page.txt", "empty"],
    },
    Case {
        name: "whitespace seed",
        setup: |r| write(r, SEED, " \n\n\t\n"),
        command: &["build"],
        code: 1,
        says: &["page.txt", "empty"],
    },
    Case {
        name: "binary seed",
        setup: |r| {
            write(
                r,
                SEED,
                [0x89u8, b'P', b'N', b'G', 0, 0, 0, 13, 0xFF, 0, 1, 2, 3, 0],
            )
        },
        command: &["build"],
        code: 1,
        says: &["page.txt", "binary"],
    },
    Case {
        name: "invalid UTF-8 and not GBK",
        setup: |r| write(r, SEED, [b'a', 0x80, b'b', 0xFF, 0xFE, 0xFD, b'c']),
        command: &["build"],
        code: 1,
        says: &["page.txt", "convert it to UTF-8"],
    },
    Case {
        name: "GBK seed is converted",
        setup: |r| {
            write(
                r,
                SEED,
                encoding_rs::GB18030
                    .encode("江北区民生实事。\n\n本报讯（记者 刘静）1月4日，江北区获表彰12项。\n")
                    .0,
            )
        },
        command: &["build"],
        code: 0,
        says: &["decoded from GB18030"],
    },
    Case {
        name: "UTF-16 seed is converted",
        setup: |r| {
            let mut b = vec![0xFF, 0xFE];
            for u in "江北区民生实事。\n\n江北区新增就业1万人。\n".encode_utf16()
            {
                b.extend_from_slice(&u.to_le_bytes());
            }
            write(r, SEED, b)
        },
        command: &["build"],
        code: 0,
        says: &["decoded from UTF-16LE"],
    },
    Case {
        name: "50 MB seed",
        setup: |r| write(r, SEED, "江北区民生实事。\n".repeat(2_200_000)),
        command: &["build"],
        code: 1,
        says: &["page.txt", "MB"],
    },
    Case {
        name: "one 10 MB line",
        setup: |r| write(r, SEED, format!("标题\n\n{}", "江".repeat(3_500_000))),
        command: &["build"],
        code: 1,
        says: &["page.txt:3:", "line of"],
    },
    Case {
        name: "NUL-ridden seed",
        setup: |r| write(r, SEED, "江北\0\0\0\0\0\0\0\0\0\0\0\0区".as_bytes()),
        command: &["build"],
        code: 1,
        says: &["page.txt", "binary"],
    },
    // front matter
    Case {
        name: "invalid YAML",
        setup: |r| edit(r, ARTICLE, "district: 江北区", "district: [unclosed"),
        command: &["build"],
        code: 1,
        says: &["tiny-article.md:5:"],
    },
    Case {
        name: "alias bomb",
        setup: |r| {
            article(
                r,
                "title: x\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]",
                "文",
            )
        },
        command: &["build"],
        code: 1,
        says: &["other.md"],
    },
    Case {
        name: "wrong type",
        setup: |r| article(r, "title: [1, 2]", "文"),
        command: &["build"],
        code: 1,
        says: &["other.md:2:"],
    },
    Case {
        name: "duplicate key",
        setup: |r| article(r, "title: a\ntitle: b", "文"),
        command: &["build"],
        code: 1,
        says: &["other.md:", "duplicate"],
    },
    Case {
        name: "unknown key warns",
        setup: |r| article(r, "title: a\ntopcis: [x]", "文"),
        command: &["build"],
        code: 0,
        says: &["unknown key `topcis` (did you mean `topics`?)"],
    },
    Case {
        name: "no front matter",
        setup: |r| write(r, "content/articles/other.md", "只有正文。\n"),
        command: &["build"],
        code: 1,
        says: &["other.md:1:", "front matter"],
    },
    Case {
        name: "unclosed front matter",
        setup: |r| write(r, "content/articles/other.md", "---\ntitle: a\n"),
        command: &["build"],
        code: 1,
        says: &["other.md:1:", "not closed"],
    },
    Case {
        name: "front matter not a mapping",
        setup: |r| article(r, "- a\n- b", "文"),
        command: &["build"],
        code: 1,
        says: &["other.md:2:", "mapping"],
    },
    Case {
        name: "missing title",
        setup: |r| article(r, "district: 江北区", "文"),
        command: &["build"],
        code: 1,
        says: &["other.md:2:", "title"],
    },
    Case {
        name: "bad slug",
        setup: |r| article(r, "title: a\nslug: Not A Slug", "文"),
        command: &["build"],
        code: 1,
        says: &["other.md:3:", "slug"],
    },
    Case {
        name: "duplicate slug",
        setup: |r| article(r, "title: a\nslug: tiny-article", "文"),
        command: &["build"],
        code: 1,
        says: &["other.md", "already used"],
    },
    Case {
        name: "empty content file",
        setup: |r| write(r, "content/articles/other.md", ""),
        command: &["build"],
        code: 1,
        says: &["other.md:1:"],
    },
    // markdown
    Case {
        name: "raw script is escaped",
        setup: |r| article(r, "title: a", "<script>alert(1)</script>\n"),
        command: &["build"],
        code: 0,
        says: &[],
    },
    Case {
        name: "javascript link",
        setup: |r| article(r, "title: a", "[x](javascript:alert(1))\n"),
        command: &["build"],
        code: 0,
        says: &[],
    },
    Case {
        name: "unclosed comment",
        setup: |r| article(r, "title: a", "<!-- never closed\n\n正文。\n"),
        command: &["build"],
        code: 0,
        says: &[],
    },
    Case {
        name: "deep quote nesting",
        setup: |r| article(r, "title: a", &"> ".repeat(5000)),
        command: &["build"],
        code: 1,
        says: &["other.md:4:", "nested"],
    },
    Case {
        name: "deep list nesting",
        setup: |r| article(r, "title: a", &"- ".repeat(5000)),
        command: &["build"],
        code: 1,
        says: &["other.md:4:", "nested"],
    },
    Case {
        name: "bad paragraph marker",
        setup: |r| article(r, "title: a", "\n{#p1 lines=9-2}\n文\n"),
        command: &["build"],
        code: 1,
        says: &["other.md:5:"],
    },
    Case {
        name: "duplicate paragraph id",
        setup: |r| article(r, "title: a", "\n{#p1}\n文\n\n{#p1}\n字\n"),
        command: &["build"],
        code: 1,
        says: &["other.md:8:", "twice"],
    },
    Case {
        name: "unknown marker attribute",
        setup: |r| article(r, "title: a", "\n{#p1 colour=red}\n文\n"),
        command: &["build"],
        code: 1,
        says: &["other.md:5:", "unknown attribute"],
    },
    Case {
        name: "invalid translation YAML",
        setup: |r| edit(r, TRANSLATION, "title: Where two rivers meet", "title: [x"),
        command: &["build"],
        code: 1,
        says: &["tiny-article.en.md:"],
    },
    // templates
    Case {
        name: "template syntax error",
        setup: |r| {
            write(
                r,
                "templates/article.html",
                "{% extends \"base.html\" %}{% block content %}{{ article.title }{% endblock content %}",
            )
        },
        command: &["build"],
        code: 1,
        says: &["article.html"],
    },
    Case {
        name: "missing include",
        setup: |r| write(r, "templates/404.html", "{% include \"nowhere.html\" %}"),
        command: &["build"],
        code: 1,
        says: &["nowhere.html"],
    },
    Case {
        name: "include recursion",
        setup: |r| write(r, "templates/404.html", "{% include \"404.html\" %}"),
        command: &["build"],
        code: 1,
        says: &["404.html", "ircular"],
    },
    Case {
        name: "undefined variable",
        setup: |r| write(r, "templates/404.html", "{{ nothing.here }}"),
        command: &["build"],
        code: 1,
        says: &["404.html"],
    },
    // content tree
    Case {
        name: "symlink loop",
        setup: |r| {
            std::os::unix::fs::symlink(r.join("content"), r.join("content/articles/loop")).unwrap();
        },
        command: &["build"],
        code: 0,
        says: &["symbolic link skipped"],
    },
    Case {
        name: "symlink outside the root",
        setup: |r| {
            std::os::unix::fs::symlink("/etc/hostname", r.join("content/articles/outside.md"))
                .unwrap();
        },
        command: &["build"],
        code: 0,
        says: &["outside.md: symbolic link skipped"],
    },
    // a file name is made a slug (see tests/robustness.rs); a slug written
    // in the front matter is taken as written, so it must be one
    Case {
        name: "front matter slug that is not a slug",
        setup: |r| {
            write(
                r,
                "content/articles/a.md",
                "---\ntitle: a\nslug: My Post\n---\n文\n",
            )
        },
        command: &["build"],
        code: 1,
        says: &["a.md:3", "slug"],
    },
    // configuration
    Case {
        name: "output folder outside the root",
        setup: |r| write(r, "config.yaml", "output_dir: ../elsewhere\n"),
        command: &["build"],
        code: 1,
        says: &["config.yaml", "output_dir"],
    },
    Case {
        name: "output folder /",
        setup: |r| write(r, "config.yaml", "output_dir: /\n"),
        command: &["build"],
        code: 1,
        says: &["config.yaml", "output_dir"],
    },
    Case {
        name: "--out /",
        setup: |_| {},
        command: &["build", "--out", "/"],
        code: 1,
        says: &["refusing"],
    },
    Case {
        name: "invalid config YAML",
        setup: |r| write(r, "config.yaml", "title: [\n"),
        command: &["build"],
        code: 1,
        says: &["config.yaml:"],
    },
    Case {
        name: "unknown theme",
        setup: |r| write(r, "config.yaml", "theme: nowhere\n"),
        command: &["build"],
        code: 1,
        says: &["config.yaml", "nowhere"],
    },
    Case {
        name: "bad base_url",
        setup: |r| write(r, "config.yaml", "base_url: example.org\n"),
        command: &["build"],
        code: 1,
        says: &["config.yaml", "base_url"],
    },
    Case {
        name: "bad raw_html",
        setup: |r| write(r, "config.yaml", "raw_html: allow-all\n"),
        command: &["build"],
        code: 1,
        says: &["config.yaml", "raw_html"],
    },
    Case {
        name: "invalid glossary",
        setup: |r| write(r, "content/glossary.yaml", "- term: [x\n"),
        command: &["build"],
        code: 1,
        says: &["glossary.yaml:"],
    },
    Case {
        name: "glossary term twice",
        setup: |r| {
            let entry = "- term: \"嘉陵江\"\n  english: \"Jialing\"\n  literal: \"x\"\n  en: \"x\"\n  zh: \"x\"\n";
            write(r, "content/glossary.yaml", format!("{entry}{entry}"))
        },
        command: &["build"],
        code: 1,
        says: &["glossary.yaml", "twice"],
    },
    Case {
        name: "translation of a missing paragraph",
        setup: |r| edit(r, TRANSLATION, "{#p1 ", "{#p9 "),
        command: &["check"],
        code: 1,
        says: &["tiny-article.en.md:7:", "no Chinese paragraph"],
    },
];

#[test]
fn malformed_inputs_fail_clearly_and_lose_nothing() {
    assert!(CASES.len() >= 40, "{} cases", CASES.len());
    let mut failures = Vec::new();
    for case in CASES {
        let dir = fixture("tiny");
        let root = dir.path();
        std::fs::create_dir_all(root.join("seeds")).unwrap();
        let baseline = run(root, &["build"]);
        assert!(
            baseline.status.success(),
            "{}: baseline build: {}",
            case.name,
            stderr(&baseline)
        );
        let public = tree(&root.join("public"));
        (case.setup)(root);
        let seeds_before = tree(&root.join("seeds"));
        let content_before = tree(&root.join("content"));
        let out = run(root, case.command);
        let all = format!("{}{}", stdout(&out), stderr(&out));
        let code = out.status.code();
        let mut problems = Vec::new();
        if code != Some(case.code) {
            problems.push(format!("exit {code:?}, expected {}", case.code));
        }
        if all.contains("panicked") || all.contains("internal error") {
            problems.push("panicked".into());
        }
        for text in case.says {
            if !all.contains(text) {
                problems.push(format!("message lacks `{text}`"));
            }
        }
        if case.code != 0 && tree(&root.join("public")) != public {
            problems.push("public/ changed".into());
        }
        if tree(&root.join("seeds")) != seeds_before {
            problems.push("a seed was modified".into());
        }
        let content_after = tree(&root.join("content"));
        for (path, bytes) in &content_before {
            if content_after.iter().any(|(p, b)| p == path && b != bytes) {
                problems.push(format!("content {path} was overwritten"));
            }
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{}: {} — output: {}",
                case.name,
                problems.join("; "),
                all.chars().take(300).collect::<String>()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}
