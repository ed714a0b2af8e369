//! Translation checks: every English paragraph keeps the figures of its
//! Chinese paragraph (17.6万 ↔ 176,000, 89% ↔ 89 percent) and uses the
//! glossary's English rendering of every term the Chinese uses; headline,
//! 'In brief', context, captions and fact labels are written.

use super::{CheckReport, Finding, Severity, at};
use crate::content::glossary::Glossary;
use crate::content::model::{Article, Block, Fact, FactKind, TranslationFront};
use crate::markdown::to_plain_text;
use crate::render::format::{MONTHS, fact_english, format_number_en};

/// Adds the translation findings of one article.
pub fn check_translation(article: &Article, glossary: &Glossary, report: &mut CheckReport) {
    let Some(translation) = &article.translation else {
        return;
    };
    let missing = missing_fields(article, &translation.front);
    if !missing.is_empty() {
        report.findings.push(Finding {
            severity: Severity::Warning,
            location: at(&translation.path, 1),
            message: format!("translation incomplete: missing {}", missing.join(", ")),
        });
    }
    for block in &article.blocks {
        if let Some(english) = article
            .english(&block.id)
            .filter(|b| !b.markdown.is_empty())
        {
            let location = at(&translation.path, english.file_line);
            check_paragraph(article, block, english, glossary, &location, report);
        }
    }
}

/// The fields of the translation's front matter still to write.
fn missing_fields(article: &Article, front: &TranslationFront) -> Vec<String> {
    let mut missing = Vec::new();
    if front.title.trim().is_empty() {
        missing.push("title".to_string());
    }
    if article.front.deck.is_some() && front.deck.as_deref().is_none_or(|d| d.trim().is_empty()) {
        missing.push("deck".into());
    }
    for (field, value) in [("summary", &front.summary), ("context", &front.context)] {
        if value.as_deref().is_none_or(|v| v.trim().is_empty()) {
            missing.push(field.into());
        }
    }
    let captions = front
        .figures
        .iter()
        .filter(|c| !c.trim().is_empty())
        .count();
    if captions < article.front.figures.len() {
        missing.push(format!(
            "{} of {} captions",
            article.front.figures.len() - captions,
            article.front.figures.len()
        ));
    }
    let labelled = article
        .front
        .facts
        .iter()
        .filter(|f| !f.kind.is_time())
        .filter(|f| front.facts.get(&f.id).is_none_or(|l| l.trim().is_empty()))
        .count();
    if labelled > 0 {
        missing.push(format!("{labelled} fact labels"));
    }
    missing
}

/// One translated paragraph: every figure of its Chinese, and every
/// glossary term's rendering, must be in its English.
fn check_paragraph(
    article: &Article,
    block: &Block,
    english: &Block,
    glossary: &Glossary,
    location: &str,
    report: &mut CheckReport,
) {
    let chinese = to_plain_text(&block.markdown);
    let text = to_plain_text(&english.markdown);
    for fact in article.front.facts.iter().filter(|f| f.para == block.id) {
        if !figure_in_english(fact, &text) {
            report.findings.push(Finding {
                severity: Severity::Warning,
                location: location.to_string(),
                message: format!(
                    "paragraph {}: figure `{}` is not in the English (expected e.g. `{}`)",
                    block.id,
                    fact.text,
                    figure_forms(fact).first().cloned().unwrap_or_default()
                ),
            });
        } else if let Some(written) = written_differently(fact, &text) {
            report.findings.push(Finding {
                severity: Severity::Warning,
                location: location.to_string(),
                message: format!(
                    "paragraph {}: figure `{}` is `{}` in the fact box but `{written}` in the English",
                    block.id,
                    fact.text,
                    fact_english(fact)
                ),
            });
        }
    }
    let mut reported: Vec<usize> = Vec::new();
    for found in glossary.find_chinese(&chinese) {
        if reported.contains(&found.entry) || glossary.renders(found.entry, &text) {
            continue;
        }
        reported.push(found.entry);
        let entry = &glossary.entries[found.entry];
        report.findings.push(Finding {
            severity: Severity::Warning,
            location: location.to_string(),
            message: format!(
                "paragraph {}: glossary term {} should be rendered as `{}`",
                block.id, entry.term, entry.english
            ),
        });
    }
}

const WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// The ways an English text may write a fact's figure.
pub fn figure_forms(fact: &Fact) -> Vec<String> {
    let v = fact.value;
    let mut forms = Vec::new();
    match fact.kind {
        FactKind::Date => return date_forms(fact),
        FactKind::Period => return forms,
        FactKind::Ratio => return ratio_forms(fact),
        _ => {}
    }
    let plain = trim(v);
    forms.push(format_number_en(v));
    forms.push(grouped(&plain));
    forms.push(plain.clone());
    for (scale, name) in [(1e6, "million"), (1e9, "billion")] {
        let x = v / scale;
        if v >= scale && (x * 100.0).round() == x * 100.0 {
            forms.push(format!("{} {name}", trim(x)));
        }
    }
    if v.fract() == 0.0 && v <= 20.0 {
        forms.push(WORDS[v as usize].to_string());
    }
    if v == 0.5 {
        forms.push("half".into());
    }
    // `一年`, `一个月`: a year, a month
    if v == 1.0 && fact.kind == FactKind::Duration {
        let unit = match fact.unit.as_str() {
            "年" => "year",
            "个月" => "month",
            "天" => "day",
            "小时" => "hour",
            _ => "week",
        };
        forms.push(unit.into());
    }
    // the number as printed, where no 万 or 亿 scales it (`100.00%`)
    let printed: String = fact
        .text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if !printed.is_empty() && !fact.text.contains(['万', '亿']) && !forms.contains(&printed) {
        forms.push(printed);
    }
    if fact.unit == "%" {
        forms = forms
            .iter()
            .flat_map(|f| {
                [
                    format!("{f}%"),
                    format!("{f} percent"),
                    format!("{f} per cent"),
                ]
            })
            .collect();
    }
    forms
}

/// A date's English forms: `January 8`, `8 January`, a month's name, and
/// the year where the date gives one.
fn date_forms(fact: &Fact) -> Vec<String> {
    let v = fact.value;
    let (year, month, day) = match fact.unit.as_str() {
        "年月日" => (
            (v / 10_000.0) as usize,
            (v % 10_000.0 / 100.0) as usize,
            Some((v % 100.0) as usize),
        ),
        "年月" => ((v / 100.0) as usize, (v % 100.0) as usize, None),
        "月" => (0, v as usize, None),
        // a day alone: `the 17th`, or the day's number with its month
        "日" => {
            return vec![
                crate::render::format::ordinal(v as u32),
                (v as usize).to_string(),
            ];
        }
        _ => (0, (v / 100.0) as usize, Some((v % 100.0) as usize)),
    };
    let mut forms = Vec::new();
    if let Some(name) = MONTHS.get(month.wrapping_sub(1)) {
        match day {
            Some(day) => {
                forms.push(format!("{name} {day}"));
                forms.push(format!("{day} {name}"));
            }
            None => forms.push(name.to_string()),
        }
        if year > 0 {
            forms.push(year.to_string());
        }
    }
    forms
}

/// A ratio's English forms: `2.21:1`, `2.21 to 1`.
fn ratio_forms(fact: &Fact) -> Vec<String> {
    let terms: Vec<String> = fact.terms.iter().flatten().map(|t| trim(*t)).collect();
    vec![terms.join(":"), terms.join(" to ")]
}

/// The form in which an English paragraph writes a figure where it differs
/// in magnitude from the fact box, numbers page and exports, which all write
/// it one way (`1,770 million` or `1,770,000,000` against `1.77 billion`).
pub fn written_differently(fact: &Fact, text: &str) -> Option<String> {
    if fact.kind.is_time() || matches!(fact.kind, FactKind::Percent | FactKind::Ratio) {
        return None;
    }
    let shown = format_number_en(fact.value);
    if contains_figure(text, &shown) {
        return None;
    }
    let scaled = |form: &str| {
        ["million", "billion", "trillion"]
            .iter()
            .any(|w| form.contains(w))
    };
    figure_forms(fact)
        .into_iter()
        .filter(|form| form.chars().any(|c| c.is_ascii_digit()))
        .filter(|form| scaled(form) || scaled(&shown))
        .find(|form| contains_figure(text, form))
}

/// Whether `text` states the figure of `fact` in one of its English forms.
pub fn figure_in_english(fact: &Fact, text: &str) -> bool {
    let forms = figure_forms(fact);
    forms.is_empty() || forms.iter().any(|form| contains_figure(text, form))
}

fn trim(v: f64) -> String {
    let text = format!("{v:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn grouped(plain: &str) -> String {
    let (int, frac) = plain.split_once('.').unwrap_or((plain, ""));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if frac.is_empty() {
        out
    } else {
        format!("{out}.{frac}")
    }
}

/// `form` occurs in `text` as a whole figure (not inside a longer number or word).
fn contains_figure(text: &str, form: &str) -> bool {
    let lower = text.to_lowercase();
    let form = form.to_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find(&form) {
        let start = from + at;
        let end = start + form.len();
        let before = lower[..start].chars().last();
        let mut after = lower[end..].chars();
        let next = after.next();
        let next_next = after.next();
        let before_ok = before.is_none_or(|c| !(c.is_alphanumeric() || c == '.' || c == ','));
        let after_ok = next.is_none_or(|c| !c.is_alphanumeric())
            && !(matches!(next, Some('.' | ',')) && next_next.is_some_and(|c| c.is_ascii_digit()));
        if before_ok && after_ok {
            return true;
        }
        from = start + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(value: f64, unit: &str, kind: &str) -> Fact {
        Fact {
            value,
            unit: unit.into(),
            kind: kind.parse().unwrap(),
            ..Fact::default()
        }
    }

    #[test]
    fn figures_are_found_in_their_english_forms() {
        assert!(figure_in_english(
            &fact(176_000.0, "", "count"),
            "dynamic records for 176,000 older people"
        ));
        assert!(figure_in_english(
            &fact(181_000_000.0, "元", "amount"),
            "181 million yuan in subsidies"
        ));
        assert!(figure_in_english(
            &fact(1_770_000_000.0, "元", "amount"),
            "invested 1.77 billion yuan"
        ));
        assert!(figure_in_english(
            &fact(89.0, "%", "percent"),
            "occupancy rose to 89 percent"
        ));
        assert!(figure_in_english(
            &fact(89.0, "%", "percent"),
            "occupancy rose to 89%"
        ));
        assert!(figure_in_english(
            &fact(10.0, "大", "count"),
            "the ten major projects"
        ));
        assert!(figure_in_english(
            &fact(302.0, "月日", "date"),
            "On March 2, a training"
        ));
        assert!(!figure_in_english(
            &fact(12.0, "个", "count"),
            "128 communities"
        ));
        assert!(!figure_in_english(
            &fact(47_794.0, "人", "count"),
            "47,79 people"
        ));
        assert!(!figure_in_english(&fact(1.0, "个", "count"), "1.5 million"));
        let printed = Fact {
            text: "100.00%".into(),
            ..fact(100.0, "%", "percent")
        };
        assert!(figure_in_english(&printed, "coverage reached 100.00%"));
    }
}
