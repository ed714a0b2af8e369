//! Data exports: every extracted figure as `data/facts.json` (versioned, and
//! described by `data/facts.schema.json`, a JSON Schema shipped beside it)
//! and `data/facts.csv`.

use super::format::fact_english;
use crate::content::model::Article;
use crate::output::OutFile;
use serde::Serialize;

/// The version of `facts.json`, raised when a field changes meaning or goes.
const FACTS_VERSION: u32 = 1;

/// The JSON Schema of `facts.json`.
const FACTS_SCHEMA: &str = include_str!("facts.schema.json");

#[derive(Serialize)]
struct FactRow<'a> {
    article: &'a str,
    paragraph: &'a str,
    id: &'a str,
    figure: &'a str,
    value: f64,
    value_high: Option<f64>,
    unit: &'a str,
    qualifier: Option<&'a str>,
    /// `去年`…: the year the date is in, relative to the article's.
    relative: Option<&'a str>,
    /// What a rate is per (`每万人`).
    per: Option<&'a str>,
    /// The terms of a ratio (`2.21∶1`).
    terms: Option<&'a [f64]>,
    kind: &'a str,
    /// The date, year or period as ISO 8601, where its year is known.
    date: Option<String>,
    label: &'a str,
    /// The person whose figure it is (`陈师傅`).
    whose: Option<&'a str>,
    label_en: Option<&'a str>,
    figure_en: String,
    topic: Option<&'a str>,
    district: Option<&'a str>,
    /// The sentence on the Chinese page, from the site's root.
    url: String,
}

/// `data/facts.json` and `data/facts.csv`.
pub fn fact_files(articles: &[Article]) -> Vec<OutFile> {
    let mut rows = Vec::new();
    for article in articles {
        let labels = article.translation.as_ref().map(|t| &t.front.facts);
        for fact in &article.front.facts {
            rows.push(FactRow {
                article: &article.front.slug,
                paragraph: &fact.para,
                id: &fact.id,
                figure: &fact.text,
                value: fact.value,
                value_high: fact.value_high,
                unit: &fact.unit,
                qualifier: fact.qualifier.as_deref(),
                relative: fact.relative.as_deref(),
                per: fact.per.as_deref(),
                terms: fact.terms.as_deref(),
                kind: fact.kind.as_str(),
                date: fact.iso_date(article.front.date),
                label: &fact.label,
                whose: fact.whose.as_deref(),
                label_en: labels.and_then(|l| l.get(&fact.id)).map(String::as_str),
                figure_en: fact_english(fact),
                topic: fact.topic.as_deref(),
                district: article.front.district.as_deref(),
                url: format!("zh/{}/index.html#{}", article.front.slug, fact.para),
            });
        }
    }
    rows.sort_by(|a, b| {
        a.article
            .cmp(b.article)
            .then(natural(a.id).cmp(&natural(b.id)))
    });
    let json = serde_json::to_string_pretty(&serde_json::json!({
        "schema": "facts.schema.json",
        "version": FACTS_VERSION,
        "facts": rows,
    }))
    .expect("facts serialise");
    let csv = csv_of(&rows);
    vec![
        OutFile {
            path: "data/facts.json".into(),
            bytes: json.into_bytes(),
        },
        OutFile {
            path: "data/facts.schema.json".into(),
            bytes: FACTS_SCHEMA.as_bytes().to_vec(),
        },
        OutFile {
            path: "data/facts.csv".into(),
            bytes: csv.into_bytes(),
        },
    ]
}

/// The rows as CSV, one column per field.
fn csv_of(rows: &[FactRow]) -> String {
    let mut csv = String::from(
        "article,paragraph,id,figure,value,value_high,unit,qualifier,relative,per,terms,kind,date,label,whose,label_en,figure_en,topic,district,url\n",
    );
    for r in rows {
        let fields = [
            r.article.to_string(),
            r.paragraph.to_string(),
            r.id.to_string(),
            r.figure.to_string(),
            number(r.value),
            r.value_high.map(number).unwrap_or_default(),
            r.unit.to_string(),
            r.qualifier.unwrap_or_default().to_string(),
            r.relative.unwrap_or_default().to_string(),
            r.per.unwrap_or_default().to_string(),
            r.terms
                .map(|t| t.iter().map(|v| number(*v)).collect::<Vec<_>>().join(":"))
                .unwrap_or_default(),
            r.kind.to_string(),
            r.date.clone().unwrap_or_default(),
            r.label.to_string(),
            r.whose.unwrap_or_default().to_string(),
            r.label_en.unwrap_or_default().to_string(),
            r.figure_en.clone(),
            r.topic.unwrap_or_default().to_string(),
            r.district.unwrap_or_default().to_string(),
            r.url.clone(),
        ];
        csv.push_str(
            &fields
                .iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        csv.push('\n');
    }
    csv
}

/// Sort key that orders `p9-2` before `p10-1`.
fn natural(id: &str) -> Vec<(String, u64)> {
    id.split('-')
        .map(|part| {
            let digits: String = part.chars().filter(|c| c.is_ascii_digit()).collect();
            let letters: String = part.chars().filter(|c| !c.is_ascii_digit()).collect();
            (letters, digits.parse().unwrap_or(0))
        })
        .collect()
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Quotes a CSV field when needed (RFC 4180), and defuses spreadsheet formulas.
fn csv_field(field: &str) -> String {
    let field = if field.starts_with(['=', '+', '-', '@']) && field.parse::<f64>().is_err() {
        format!("'{field}")
    } else {
        field.to_string()
    };
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}
