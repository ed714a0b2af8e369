//! Figures as the built site and its data show them in English: one way of
//! writing each kind, and an English timeline.

mod common;
use common::*;

#[test]
fn english_figures_read_as_english_everywhere() {
    let dir = project(true);
    let out = run(dir.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = dir.path().join("public");
    let csv = read(&public.join("data/facts.csv"));
    let json = read(&public.join("data/facts.json"));
    let numbers = read(&public.join("en/numbers/index.html"));
    for (name, text) in [
        ("facts.csv", &csv),
        ("facts.json", &json),
        ("numbers", &numbers),
    ] {
        // a year written as a number of years, a thousand million for a
        // billion, one people
        let years = (1990..2040).map(|y| format!("{},{:03} years", y / 1000, y % 1000));
        let bad: Vec<String> = [" 1 people", "000 million", " 1 households", " 1 buildings"]
            .iter()
            .map(|s| s.to_string())
            .chain(years)
            .collect();
        for bad in &bad {
            assert!(!text.contains(bad.as_str()), "{name}: `{bad}`");
        }
    }
    assert!(
        csv.contains(",January 8,") || csv.contains(",January 8\n") || csv.contains("January 8")
    );
    assert!(csv.contains("January–September"), "periods of months");
    assert!(csv.contains("2022–2025"), "periods of years");
    assert!(csv.contains("1.77 billion yuan"), "billions");
    // the English timeline: dates, English labels, English titles
    let start = numbers.find("class=timeline").expect("a timeline");
    let end = numbers[start..]
        .find("</ol>")
        .map_or(numbers.len(), |e| start + e);
    let timeline = &numbers[start..end];
    let han: String = timeline
        .chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .collect();
    assert!(han.is_empty(), "Chinese on the English timeline: {han}");
}
