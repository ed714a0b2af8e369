//! Figures as the built site and its data show them in English: one way of
//! writing each kind, and an English timeline.

mod common;
use common::*;

/// A copy of the project, built.
fn built_site() -> tempfile::TempDir {
    let dir = project(true);
    let out = run(dir.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

#[test]
fn english_figures_read_as_english_everywhere() {
    let dir = built_site();
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

/// Whether `value` is of the JSON Schema `type` (a name or a list of names).
fn of_type(value: &serde_json::Value, schema: &serde_json::Value) -> bool {
    if let Some(allowed) = schema["enum"].as_array() {
        return allowed.contains(value);
    }
    if let Some(constant) = schema.get("const") {
        return constant == value;
    }
    let types: Vec<&str> = match &schema["type"] {
        serde_json::Value::String(t) => vec![t.as_str()],
        serde_json::Value::Array(ts) => ts.iter().filter_map(|t| t.as_str()).collect(),
        _ => return false,
    };
    types.iter().any(|t| match *t {
        "string" => value.is_string(),
        "number" => value.is_number(),
        "null" => value.is_null(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        _ => false,
    })
}

#[test]
fn facts_json_is_what_its_shipped_schema_says() {
    let dir = built_site();
    let data_dir = dir.path().join("public/data");
    let schema: serde_json::Value =
        serde_json::from_str(&read(&data_dir.join("facts.schema.json"))).unwrap();
    let data: serde_json::Value =
        serde_json::from_str(&read(&data_dir.join("facts.json"))).unwrap();
    let top = &schema["properties"];
    for key in ["schema", "version"] {
        assert!(of_type(&data[key], &top[key]), "{key}: {}", data[key]);
    }
    let item = &schema["properties"]["facts"]["items"];
    let required: Vec<&str> = item["required"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|k| k.as_str())
        .collect();
    let facts = data["facts"].as_array().unwrap();
    assert!(facts.len() > 100);
    for fact in facts {
        let fields = fact.as_object().unwrap();
        assert_eq!(fields.len(), required.len(), "{fact}");
        for key in &required {
            let property = &item["properties"][*key];
            assert!(of_type(&fact[*key], property), "{key} of {fact}");
        }
    }
}

/// One person's figures say whose they are, on the page and in the data.
#[test]
fn one_persons_figure_names_them() {
    let dir = built_site();
    let public = dir.path().join("public");
    let numbers = read(&public.join("zh/numbers/index.html"));
    assert!(
        numbers.contains("陈师傅：每月收入还增加了1000多元"),
        "the numbers page names whose income rose"
    );
    let csv = read(&public.join("data/facts.csv"));
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let column = header
        .iter()
        .position(|h| *h == "whose")
        .expect("whose column");
    let row = csv
        .lines()
        .find(|l| l.contains("每月收入还增加了1000多元"))
        .expect("the row");
    assert_eq!(row.split(',').nth(column), Some("陈师傅"), "{row}");
}

#[test]
fn every_chart_has_a_title_and_whole_labels() {
    let dir = built_site();
    let public = dir.path().join("public");
    let facts: serde_json::Value =
        serde_json::from_str(&read(&public.join("data/facts.json"))).unwrap();
    let labels: Vec<String> = facts["facts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| [f["label"].as_str(), f["label_en"].as_str()])
        .flatten()
        .map(str::to_string)
        .collect();
    for lang in ["zh", "en"] {
        let page = read(&public.join(format!("{lang}/numbers/index.html")));
        let figures: Vec<&str> = page.split("<figure class=chart-figure>").skip(1).collect();
        assert!(figures.len() >= 3, "{lang}: charts");
        let mut checked = 0;
        for figure in figures {
            let caption = figure
                .split("<figcaption>")
                .nth(1)
                .and_then(|c| c.split("</figcaption>").next())
                .unwrap_or_default();
            assert!(
                !caption.trim().is_empty(),
                "{lang}: a chart without a title"
            );
            for text in figure.split("chart-label").skip(1) {
                let text = text.split_once('>').map_or("", |(_, t)| t);
                let text = text.split("</text>").next().unwrap_or_default();
                let lines: Vec<String> = text
                    .split("<tspan")
                    .skip(1)
                    .filter_map(|t| {
                        t.split_once('>').map(|(_, rest)| {
                            rest.split("</tspan>").next().unwrap_or("").to_string()
                        })
                    })
                    .collect();
                let label = lines.join(" ");
                let whole = labels.iter().any(|l| {
                    let l = l
                        .replace('&', "&amp;")
                        .replace('<', "&lt;")
                        .replace('>', "&gt;");
                    l == label
                        || l == lines.concat()
                        || l.replace('\'', "&#39;") == label
                        || l.replace('\'', "&#x27;") == label
                });
                assert!(whole, "{lang}: `{label}` is not a whole label ({caption})");
                checked += 1;
            }
        }
        assert!(checked >= 9, "{lang}: {checked} bar labels read");
    }
}
