//! Presentation of facts: English units, qualifiers and number formatting, and
//! the ranking that picks the figures shown in an article's fact box.

use crate::content::model::{Fact, FactKind};

/// English for a unit or counted noun (empty when English needs none).
pub fn unit_english(unit: &str) -> &'static str {
    match unit {
        "元" => "yuan",
        "人" | "名" | "位" => "people",
        "人次" => "person-times",
        "户" => "households",
        "场" | "场次" => "sessions",
        "次" => "times",
        "%" => "%",
        "公里" => "km",
        "米" => "m",
        "平方米" => "m²",
        "公斤" => "kg",
        "小时" => "hours",
        "分钟" => "minutes",
        "天" => "days",
        "周" => "weeks",
        "年" => "years",
        "岁" => "years old",
        "倍" => "times",
        "台" => "units",
        "起" => "cases",
        "栋" => "buildings",
        "层" => "storeys",
        "册" => "volumes",
        "辆" => "vehicles",
        _ => "",
    }
}

/// English for a qualifier.
pub fn qualifier_english(q: &str) -> &'static str {
    match q {
        "余" | "多" | "超" | "超过" | "逾" | "以上" => "more than",
        "近" => "nearly",
        "约" | "左右" => "about",
        "以下" => "up to",
        "不少于" => "at least",
        _ => "",
    }
}

/// `181000000` → `181 million`; `47794` → `47,794`; `95.26` → `95.26`.
pub fn format_number_en(value: f64) -> String {
    if value >= 1e6 {
        let millions = value / 1e6;
        if (millions * 100.0).round() == millions * 100.0 {
            return format!("{} million", trim_decimals(millions));
        }
    }
    let text = trim_decimals(value);
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        grouped
    } else {
        format!("{grouped}.{frac}")
    }
}

fn trim_decimals(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A fact as an English figure: `more than 1,400`, `89%`, `181 million yuan`.
pub fn fact_english(fact: &Fact) -> String {
    let mut value = format_number_en(fact.value);
    if let Some(high) = fact.value_high {
        value = format!("{value}–{}", format_number_en(high));
    }
    let unit = unit_english(&fact.unit);
    let figure = match unit {
        "%" => format!("{value}%"),
        "" => value,
        unit => format!("{value} {unit}"),
    };
    match fact.qualifier.as_deref().map(qualifier_english) {
        Some(q) if !q.is_empty() => format!("{q} {figure}"),
        _ => figure,
    }
}

/// How telling a figure is for a reader who wants results: money spent and
/// shares reached first, then people served, then things built or held, then
/// sizes; larger figures before smaller ones. Dates, years, periods and
/// durations never make the box.
pub fn fact_score(fact: &Fact) -> f64 {
    let weight = match fact.kind {
        FactKind::Amount => 5.0,
        FactKind::Percent => 4.5,
        FactKind::Count if matches!(fact.unit.as_str(), "人" | "人次" | "户" | "名" | "位") => {
            4.0
        }
        FactKind::Count if fact.unit.is_empty() => 4.0,
        FactKind::Count => 3.0,
        FactKind::Measure => 2.5,
        _ => return 0.0,
    };
    weight + fact.value.max(1.0).log10().min(9.0) / 3.0
}

/// The figures for the fact box: the best-scoring ones, at most two from one
/// paragraph and two of one unit (so money does not crowd out results), in
/// the order the text states them.
pub fn fact_box(facts: &[Fact], size: usize) -> Vec<&Fact> {
    let mut ranked: Vec<(usize, &Fact)> = facts
        .iter()
        .enumerate()
        .filter(|(_, f)| fact_score(f) > 0.0)
        .collect();
    ranked.sort_by(|a, b| {
        fact_score(b.1)
            .total_cmp(&fact_score(a.1))
            .then(a.0.cmp(&b.0))
    });
    let mut chosen: Vec<(usize, &Fact)> = Vec::new();
    // first pass keeps units varied; a second fills the box if that left room
    for max_per_unit in [2, usize::MAX] {
        for &(i, fact) in &ranked {
            if chosen.len() == size {
                break;
            }
            let same_para = chosen.iter().filter(|(_, f)| f.para == fact.para).count();
            let same_unit = chosen.iter().filter(|(_, f)| f.unit == fact.unit).count();
            let taken = chosen.iter().any(|(k, _)| *k == i);
            if !taken && same_para < 2 && same_unit < max_per_unit {
                chosen.push((i, fact));
            }
        }
    }
    chosen.sort_by_key(|(i, _)| *i);
    chosen.into_iter().map(|(_, f)| f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_figures() {
        assert_eq!(format_number_en(181_000_000.0), "181 million");
        assert_eq!(format_number_en(47_794.0), "47,794");
        assert_eq!(format_number_en(6_344_100.0), "6,344,100");
        let fact = Fact {
            value: 1400.0,
            unit: "家".into(),
            qualifier: Some("余".into()),
            ..Fact::default()
        };
        assert_eq!(fact_english(&fact), "more than 1,400");
    }

    #[test]
    fn fact_box_prefers_varied_telling_figures() {
        let fact = |id: &str, value: f64, unit: &str, kind: &str| Fact {
            id: id.into(),
            para: id.into(),
            value,
            unit: unit.into(),
            kind: kind.parse().unwrap(),
            ..Fact::default()
        };
        let facts = vec![
            fact("a", 4e7, "元", "amount"),
            fact("b", 3e6, "元", "amount"),
            fact("c", 2e6, "元", "amount"),
            fact("d", 2022.0, "年", "year"),
            fact("e", 89.0, "%", "percent"),
            fact("f", 5000.0, "人", "count"),
        ];
        let ids: Vec<&str> = fact_box(&facts, 4).iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "e", "f"]);
        let ids: Vec<&str> = fact_box(&facts, 6).iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c", "e", "f"], "years never enter the box");
    }
}
