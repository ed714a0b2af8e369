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

/// A bar chart of up to `max` largest bars, as an accessible SVG figure.
pub fn bar_chart(title: &str, mut bars: Vec<Bar>, max: usize) -> String {
    bars.sort_by(|a, b| b.value.total_cmp(&a.value));
    bars.truncate(max);
    let Some(top) = bars.first().map(|b| b.value).filter(|v| *v > 0.0) else {
        return String::new();
    };
    let (row, label_w, bar_w) = (28.0, 300.0, 300.0);
    let height = row * bars.len() as f64 + 8.0;
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {w} {height}\" aria-labelledby=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}\">{t}</title>",
        w = label_w + bar_w + 140.0,
        id = chart_id(title),
        t = escape_html(title)
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = i as f64 * row + 4.0;
        let w = (bar.value / top * bar_w).max(1.0);
        let label: String = bar.label.chars().take(28).collect();
        svg.push_str(&format!(
            "<a href=\"{href}\"><text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\" class=\"chart-label\">{label}</text><rect x=\"{bx}\" y=\"{y}\" width=\"{w:.1}\" height=\"{h}\" class=\"chart-bar\"/><text x=\"{vx:.1}\" y=\"{ty}\" class=\"chart-value\">{shown}</text></a>",
            href = escape_html(&bar.href),
            lx = label_w - 8.0,
            ty = y + row * 0.62,
            label = escape_html(&label),
            bx = label_w,
            h = row - 8.0,
            vx = label_w + w + 6.0,
            shown = escape_html(&bar.shown),
        ));
    }
    svg.push_str("</svg>");
    svg
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
        assert!(svg.contains("width=\"300.0\"") && svg.contains("width=\"150.0\""));
        assert!(svg.contains("b&lt;"), "labels escaped");
        assert_eq!(bar_chart("T", Vec::new(), 10), "");
    }
}
