//! Charts drawn at build time as inline SVG (no chart library at run time):
//! horizontal bars comparing figures of the same unit across the articles.

use super::format::fact_english;
use crate::content::model::Fact;
use crate::content::model::FactKind;
use crate::markdown::escape_html;

/// One bar: its label, value and the link to the sentence it comes from.
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub shown: String,
    pub href: String,
}

/// Widest label line, in characters of Latin text (a Chinese character
/// counts two).
const LABEL_LINE: usize = 38;

/// Width of a label column, a line of text, and the bars' longest extent,
/// in SVG units; the width of one character of the values, roughly.
const LABEL_W: f64 = 300.0;
const LINE_H: f64 = 16.0;
const BAR_W: f64 = 260.0;
const CHAR_W: f64 = 7.5;

/// A bar chart of up to `max` largest bars, as an accessible SVG figure.
/// Labels are wrapped, never cut, and the chart is as wide as its values.
pub fn bar_chart(title: &str, mut bars: Vec<Bar>, max: usize) -> String {
    bars.sort_by(|a, b| b.value.total_cmp(&a.value));
    bars.truncate(max);
    let Some(top) = bars.first().map(|b| b.value).filter(|v| *v > 0.0) else {
        return String::new();
    };
    let labels: Vec<Vec<String>> = bars.iter().map(|b| wrap(&b.label, LABEL_LINE)).collect();
    let value_w = bars
        .iter()
        .map(|b| text_width(&b.shown) as f64 * CHAR_W)
        .fold(0.0, f64::max);
    let heights: Vec<f64> = labels
        .iter()
        .map(|l| l.len().max(1) as f64 * LINE_H + 12.0)
        .collect();
    let height: f64 = heights.iter().sum::<f64>() + 8.0;
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {w:.0} {height:.0}\" aria-labelledby=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}\">{t}</title>",
        w = LABEL_W + BAR_W + value_w + 16.0,
        id = chart_id(title),
        t = escape_html(title)
    );
    let mut y = 4.0;
    for ((bar, lines), row) in bars.iter().zip(&labels).zip(&heights) {
        let w = (bar.value / top * BAR_W).max(1.0);
        let first = y + (row - lines.len() as f64 * LINE_H) / 2.0 + LINE_H * 0.8;
        let tspans: String = lines
            .iter()
            .enumerate()
            .map(|(k, line)| {
                format!(
                    "<tspan x=\"{x}\" y=\"{ly:.1}\">{line}</tspan>",
                    x = LABEL_W - 8.0,
                    ly = first + k as f64 * LINE_H,
                    line = escape_html(line)
                )
            })
            .collect();
        svg.push_str(&format!(
            "<a href=\"{href}\"><text text-anchor=\"end\" class=\"chart-label\">{tspans}</text><rect x=\"{bx}\" y=\"{by:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" class=\"chart-bar\"/><text x=\"{vx:.1}\" y=\"{vy:.1}\" class=\"chart-value\">{shown}</text></a>",
            href = escape_html(&bar.href),
            bx = LABEL_W,
            by = y + row / 2.0 - 10.0,
            h = 20.0,
            vx = LABEL_W + w + 6.0,
            vy = y + row / 2.0 + 5.0,
            shown = escape_html(&bar.shown),
        ));
        y += row;
    }
    svg.push_str("</svg>");
    svg
}

/// Width of a text in Latin characters (a wide character counts two).
fn text_width(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// A label in lines of at most `width`: broken at spaces, or between wide
/// characters where a line has none.
fn wrap(label: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in label.split_inclusive(' ') {
        for piece in split_wide(word, width) {
            if text_width(&line) + text_width(piece.trim_end()) > width && !line.trim().is_empty() {
                lines.push(line.trim_end().to_string());
                line.clear();
            }
            line.push_str(piece);
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// A word too wide for a line, in pieces that fit.
fn split_wide(word: &str, width: usize) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut used = 0;
    for (at, c) in word.char_indices() {
        let w = if c.is_ascii() { 1 } else { 2 };
        if used + w > width && at > start {
            pieces.push(&word[start..at]);
            start = at;
            used = 0;
        }
        used += w;
    }
    pieces.push(&word[start..]);
    pieces
}

fn chart_id(title: &str) -> String {
    format!("chart-{}", &crate::fsutil::sha256_hex(title)[..8])
}

/// The units whose figures are compared, with the kind they must have.
pub const CHARTED: &[(&str, FactKind)] = &[
    ("元", FactKind::Amount),
    ("人", FactKind::Count),
    ("人次", FactKind::Count),
    ("户", FactKind::Count),
    ("%", FactKind::Percent),
];

/// The figure as shown next to its bar.
pub fn shown(fact: &Fact, en: bool) -> String {
    if en {
        fact_english(fact)
    } else {
        fact.text.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest() {
        let bars = vec![
            Bar {
                label: "a".into(),
                value: 50.0,
                shown: "50".into(),
                href: "#a".into(),
            },
            Bar {
                label: "b<".into(),
                value: 100.0,
                shown: "100".into(),
                href: "#b".into(),
            },
        ];
        let svg = bar_chart("T", bars, 10);
        assert!(svg.starts_with("<svg class=\"chart\""));
        assert!(svg.contains("width=\"260.0\"") && svg.contains("width=\"130.0\""));
        assert!(svg.contains("b&lt;"), "labels escaped");
        assert_eq!(bar_chart("T", Vec::new(), 10), "");
    }

    #[test]
    fn labels_are_wrapped_whole() {
        let label =
            "revenue target for the district's software and information services industry by 2025";
        let lines = wrap(label, LABEL_LINE);
        assert!(
            lines.len() > 1 && lines.iter().all(|l| text_width(l) <= LABEL_LINE),
            "{lines:?}"
        );
        assert_eq!(lines.join(" "), label);
        let chinese = "全区软件和信息服务业营收规模将突破五百亿元的目标";
        let lines = wrap(chinese, LABEL_LINE);
        assert!(lines.len() > 1 && lines.iter().all(|l| text_width(l) <= LABEL_LINE));
        assert_eq!(lines.concat(), chinese);
    }
}
