//! The facts ingest finds in the five seeds, against every figure of their
//! 13 articles annotated by hand (`tests/golden/facts.yaml`): precision and
//! recall.

mod common;
use common::*;

#[derive(serde::Deserialize)]
struct Golden {
    articles: std::collections::BTreeMap<String, Vec<Figure>>,
}

#[derive(serde::Deserialize)]
struct Figure {
    para: String,
    text: String,
    value: f64,
}

/// Whether a found fact is the annotated figure: the same paragraph and
/// value, and the one printed text inside the other.
fn same(fact: &serde_yaml::Value, figure: &Figure) -> bool {
    let text = fact["text"].as_str().unwrap_or_default();
    let value = fact["value"].as_f64().unwrap_or(f64::NAN);
    fact["para"].as_str() == Some(figure.para.as_str())
        && (value - figure.value).abs() <= 1e-6 * figure.value.abs().max(1.0)
        && !text.is_empty()
        && (figure.text.contains(text) || text.contains(figure.text.as_str()))
}

#[test]
fn facts_of_the_seeds_match_the_hand_count() {
    let dir = project(false);
    let out = run(dir.path(), &["ingest"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let golden: Golden =
        serde_yaml::from_str(&read(&repo().join("tests/golden/facts.yaml"))).unwrap();
    let (mut annotated, mut found, mut matched) = (0, 0, 0);
    let mut report = Vec::new();
    for (slug, figures) in &golden.articles {
        let text = read(&dir.path().join(format!("content/articles/{slug}.md")));
        let front: serde_yaml::Value =
            serde_yaml::from_str(text[4..].split_once("\n---\n").unwrap().0).unwrap();
        let facts = front["facts"].as_sequence().cloned().unwrap_or_default();
        let mut used = vec![false; facts.len()];
        for figure in figures {
            match (0..facts.len()).find(|&k| !used[k] && same(&facts[k], figure)) {
                Some(k) => {
                    used[k] = true;
                    matched += 1;
                }
                None => report.push(format!("missed {slug} {} {}", figure.para, figure.text)),
            }
        }
        for (fact, _) in facts.iter().zip(&used).filter(|(_, used)| !**used) {
            report.push(format!(
                "not a figure {slug} {} {}",
                fact["para"].as_str().unwrap_or_default(),
                fact["text"].as_str().unwrap_or_default()
            ));
        }
        annotated += figures.len();
        found += facts.len();
    }
    let precision = matched as f64 / found as f64;
    let recall = matched as f64 / annotated as f64;
    let summary = format!(
        "{matched} of {found} facts right (precision {precision:.3}), {matched} of {annotated} figures found (recall {recall:.3})\n{}",
        report.join("\n")
    );
    eprintln!("{summary}");
    assert!(precision >= 0.99, "{summary}");
    assert!(recall >= 0.98, "{summary}");
}
