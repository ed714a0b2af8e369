//! `minsheng ingest` on the real seeds: articles per seed, hand edits kept,
//! seeds never modified.

mod common;
use common::*;

/// Number of news items printed on each seed page.
const EXPECTED: &[(&str, usize)] = &[
    ("000_2941489fb0fd2554.txt", 1),
    ("001_838b948ff11e4f2f.txt", 1),
    ("002_32a91896fdf1ed7e.txt", 1),
    ("003_580512cbf9cf54e1.txt", 9),
    ("004_95e2c2e77ecc5ccd.txt", 1),
];

fn sources(root: &std::path::Path) -> Vec<String> {
    article_slugs(root)
        .iter()
        .map(|slug| {
            let text = read(&root.join("content/articles").join(format!("{slug}.md")));
            text.lines()
                .find_map(|l| l.strip_prefix("source: "))
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

#[test]
fn every_seed_yields_its_articles() {
    let dir = project(false);
    let out = run(dir.path(), &["ingest"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let sources = sources(dir.path());
    for (seed, count) in EXPECTED {
        assert_eq!(
            sources.iter().filter(|s| s == seed).count(),
            *count,
            "articles from {seed}"
        );
    }
}

/// The block markers (`{#p3 lines=3-6}`) of an article, in order.
fn markers(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.starts_with("{#"))
        .map(str::to_string)
        .collect()
}

#[test]
fn committed_content_matches_a_fresh_ingest() {
    let dir = project(false);
    assert!(run(dir.path(), &["ingest"]).status.success());
    let fresh = tree(&dir.path().join("content"));
    let committed = tree(&repo().join("content"));
    let generated = |t: &[(String, Vec<u8>)]| -> Vec<(String, Vec<u8>)> {
        t.iter()
            // articles: guides are the editors' own, not ingested
            .filter(|(p, _)| {
                p.ends_with(".md") && !p.ends_with(".en.md") && !p.starts_with("guides/")
            })
            .cloned()
            .collect()
    };
    let (fresh, committed) = (generated(&fresh), generated(&committed));
    let names = |t: &[(String, Vec<u8>)]| t.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&fresh),
        names(&committed),
        "content/ has the articles ingest makes"
    );
    // what ingest writes today is, byte for byte, what it wrote when the
    // committed articles were made: the manifest records its hash
    let manifest: serde_yaml::Value =
        serde_yaml::from_str(&read(&repo().join("content/.ingest.yaml"))).unwrap();
    for ((name, fresh), (_, committed)) in fresh.iter().zip(&committed) {
        let recorded = manifest["seeds"]
            .as_mapping()
            .unwrap()
            .values()
            .find_map(|seed| seed["files"][name.as_str()].as_str())
            .unwrap_or_else(|| panic!("{name} is not in content/.ingest.yaml"));
        let hash: String =
            sha2::Digest::finalize(<sha2::Sha256 as sha2::Digest>::new_with_prefix(fresh))
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
        assert_eq!(
            hash, recorded,
            "{name}: ingest no longer writes what was committed"
        );
        // editors correct words, not the structure: the same paragraphs from
        // the same lines
        let (fresh, committed) = (
            String::from_utf8_lossy(fresh),
            String::from_utf8_lossy(committed),
        );
        assert_eq!(
            markers(&fresh),
            markers(&committed),
            "{name}: paragraph markers"
        );
    }
}

#[test]
fn seeds_are_never_modified() {
    let dir = project(false);
    let before = tree(&dir.path().join("seeds"));
    assert!(run(dir.path(), &["ingest"]).status.success());
    assert!(run(dir.path(), &["build"]).status.success());
    assert!(run(dir.path(), &["ingest", "--force"]).status.success());
    assert_same_tree(&tree(&dir.path().join("seeds")), &before, "seeds");
    assert_same_tree(
        &tree(&dir.path().join("seeds")),
        &tree(&repo().join("seeds")),
        "seeds against the repository",
    );
}

#[test]
fn hand_edited_articles_are_kept_and_the_new_version_written_beside() {
    let dir = project(false);
    assert!(run(dir.path(), &["ingest"]).status.success());
    let slug = article_slugs(dir.path())
        .into_iter()
        .find(|s| s.starts_with("dadukou"))
        .expect("dadukou article");
    let page = dir
        .path()
        .join("content/articles")
        .join(format!("{slug}.md"));
    let edited = read(&page).replacen(
        "大渡口区首要抓人居环境",
        "大渡口区首要抓人居环境（编辑注）",
        1,
    );
    std::fs::write(&page, &edited).unwrap();
    // the seed changes (an editor appends a line), so ingest regenerates its articles
    let seed = dir.path().join("seeds/004_95e2c2e77ecc5ccd.txt");
    let mut text = read(&seed);
    text.push_str("\n补充一句。\n");
    std::fs::write(&seed, text).unwrap();
    let out = run(dir.path(), &["ingest"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(read(&page), edited, "hand edit overwritten");
    assert!(stderr(&out).contains("edited by hand"), "{}", stderr(&out));
    let new = page.with_extension("md.new");
    assert!(
        read(&new).contains("补充一句。"),
        "regenerated version beside it"
    );
    // unchanged seeds are not regenerated
    assert!(
        stdout(&out).contains("4 seed(s) unchanged"),
        "{}",
        stdout(&out)
    );
    // --force overwrites
    assert!(run(dir.path(), &["ingest", "--force"]).status.success());
    assert!(!read(&page).contains("（编辑注）"));
}

#[test]
fn bad_seeds_get_clear_errors() {
    for (name, bytes, expect) in [
        ("empty.txt", b"".to_vec(), "empty"),
        (
            "binary.txt",
            vec![
                0x89, b'P', b'N', b'G', 0, 0, 0, 0x0D, 0xFF, 0x00, 0x01, 0x02,
            ],
            "binary",
        ),
    ] {
        let dir = project(false);
        std::fs::write(dir.path().join("seeds").join(name), &bytes).unwrap();
        let out = run(dir.path(), &["ingest"]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = stderr(&out);
        assert!(err.contains(name) && err.contains(expect), "{name}: {err}");
        assert!(!err.contains("panicked"));
    }
}
