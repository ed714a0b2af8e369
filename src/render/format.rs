//! Presentation of facts: English units, qualifiers and number formatting, and
//! the ranking that picks the figures shown in an article's fact box.

use crate::content::model::{Fact, FactKind, relative_offset};

/// English for a unit or counted noun (empty when English needs none).
pub fn unit_english(unit: &str) -> &'static str {
    match unit {
        "元" => "yuan",
        "人" | "名" | "位" => "people",
        // each visit or attendance counted, as the house style writes 人次
        "人次" => "attendances",
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
        "个月" => "months",
        "星期" => "weeks",
        "个百分点" => "percentage points",
        "‰" => "‰",
        "宗" => "cases",
        "国" => "countries",
        "镑" => "pounds",
        "公顷" | "顷" => "hectares",
        "亩" => "mu",
        "吨" => "tonnes",
        "斤" => "jin",
        "立方米" | "立方" => "m³",
        "平方公里" => "km²",
        "部门" => "departments",
        "瓶" => "bottles",
        "篇" => "articles",
        "批" => "batches",
        "艘" => "vessels",
        "盏" => "lamps",
        _ => "",
    }
}

/// The singular of an English unit, for a figure of exactly one.
fn singular(unit: &str) -> String {
    match unit {
        "people" => "person".into(),
        "years old" => "year old".into(),
        "times" => "time".into(),
        "%" | "‰" | "m" | "m²" | "m³" | "km" | "km²" | "kg" | "mu" | "jin" | "yuan" => {
            unit.into()
        }
        _ => unit.strip_suffix('s').unwrap_or(unit).into(),
    }
}

/// The months' English names.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(month: f64) -> Option<&'static str> {
    let m = month as usize;
    (month.fract() == 0.0 && (1..=12).contains(&m)).then(|| MONTHS[m - 1])
}

/// `每万人` → `per 10,000 people`.
fn per_english(base: &str) -> Option<&'static str> {
    Some(match base {
        "每十万人" => "per 100,000 people",
        "每万人" | "每万人口" => "per 10,000 people",
        "每千人" | "每千人口" | "每千名" => "per 1,000 people",
        "每百人" => "per 100 people",
        "每百户" => "per 100 households",
        "人均" => "per person",
        "户均" => "per household",
        _ => return None,
    })
}

/// A date, year or period in English: `January 8`, `December`, `2025`,
/// `2022–2025`, `January–September`; `None` for a figure that is none.
fn time_english(fact: &Fact) -> Option<String> {
    let whole = |v: f64| format!("{}", v as i64);
    match (fact.kind, fact.unit.as_str()) {
        (FactKind::Date, "月日") => {
            let month = month_name((fact.value / 100.0).floor())?;
            Some(format!("{month} {}", (fact.value % 100.0) as u32))
        }
        (FactKind::Date, "月") => month_name(fact.value).map(str::to_string),
        (FactKind::Date, "年月") => {
            let month = month_name(fact.value % 100.0)?;
            Some(format!("{month} {}", whole((fact.value / 100.0).floor())))
        }
        (FactKind::Date, "年月日") => {
            let month = month_name((fact.value % 10_000.0 / 100.0).floor())?;
            Some(format!(
                "{month} {}, {}",
                (fact.value % 100.0) as u32,
                whole((fact.value / 10_000.0).floor())
            ))
        }
        (FactKind::Date, "日") => Some(format!("the {}", ordinal(fact.value as u32))),
        (FactKind::Year, _) => Some(whole(fact.value)),
        (FactKind::Period, "年") if fact.value >= 1000.0 => Some(format!(
            "{}–{}",
            whole(fact.value),
            whole(fact.value_high.unwrap_or(fact.value))
        )),
        (FactKind::Period, "年代") => {
            let (first, last) = (fact.value as u32, fact.value_high? as u32 - 9);
            Some(match (last - first) / 10 {
                0 => format!("the {first}s"),
                1 => format!("the {first}s and {last}s"),
                _ => format!("the {first}s to {last}s"),
            })
        }
        (FactKind::Period, "月") => Some(format!(
            "{}–{}",
            month_name(fact.value)?,
            month_name(fact.value_high.unwrap_or(fact.value))?
        )),
        _ => None,
    }
}

/// English for a word that places a date relative to the article's or to
/// the date before it, as it follows the date (`December last year`).
fn relative_english(word: &str) -> &'static str {
    match word {
        "前年" => " two years earlier",
        "去年" => " last year",
        "今年" => " this year",
        "明年" => " next year",
        "上月" | "上个月" => " last month",
        "本月" => " this month",
        "下月" | "下个月" => " next month",
        "次年" | "翌年" => " the following year",
        "同年" | "当年" => " the same year",
        "次月" => " the following month",
        "当月" => " the same month",
        _ => "",
    }
}

/// `1st`, `2nd`, `3rd`, `11th`, `22nd`.
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// English for a qualifier.
pub fn qualifier_english(q: &str) -> &'static str {
    match q {
        "余" | "多" | "超" | "超过" | "逾" | "以上" => "more than",
        "近" | "将近" | "接近" => "nearly",
        "约" | "大约" | "左右" => "about",
        "以下" => "up to",
        "不少于" | "不低于" => "at least",
        "突破" => "over",
        "将突破" => "set to exceed",
        _ => "",
    }
}

/// `181000000` → `181 million`; `1770000000` → `1.77 billion`;
/// `47794` → `47,794`; `95.26` → `95.26`.
pub fn format_number_en(value: f64) -> String {
    for (scale, name) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if value >= scale {
            let scaled = value / scale;
            if ((scaled * 100.0).round() - scaled * 100.0).abs() < 1e-6 {
                return format!("{} {name}", trim_decimals(scaled));
            }
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

/// A fact as an English figure: `more than 1,400`, `89%`, `1.77 billion
/// yuan`, `1 person`, `January 8`, `2022–2025`. The one place figures are
/// written in English: fact box, numbers page, charts and exports use it.
pub fn fact_english(fact: &Fact) -> String {
    if let Some(time) = time_english(fact) {
        // a date counted from one named before it is written as resolved
        let word = fact
            .relative
            .as_deref()
            .filter(|w| relative_offset(w).is_some() || fact.awaits_anchor());
        return match (word.map(relative_english), fact.unit.as_str()) {
            (Some(relative), "日") if !relative.is_empty() => {
                format!("{time} of{relative}")
            }
            (Some(relative), _) => format!("{time}{relative}"),
            (None, _) => time,
        };
    }
    if let Some(terms) = &fact.terms {
        return terms
            .iter()
            .map(|t| format_number_en(*t))
            .collect::<Vec<_>>()
            .join(":");
    }
    let mut value = format_number_en(fact.value);
    if let Some(high) = fact.value_high {
        value = format!("{value}–{}", format_number_en(high));
    }
    let unit = match unit_english(&fact.unit) {
        u if fact.value == 1.0 && fact.value_high.is_none() => singular(u),
        u => u.to_string(),
    };
    if fact.kind == FactKind::Age && matches!(fact.qualifier.as_deref(), Some("以上")) {
        return format!("{value} and over");
    }
    let figure = match unit.as_str() {
        "%" | "‰" => format!("{value}{unit}"),
        "" => value,
        unit => format!("{value} {unit}"),
    };
    let figure = match fact.per.as_deref().and_then(per_english) {
        Some(per) => format!("{figure} {per}"),
        None => figure,
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

    fn fact(value: f64, high: Option<f64>, unit: &str, kind: FactKind) -> Fact {
        Fact {
            value,
            value_high: high,
            unit: unit.into(),
            kind,
            ..Fact::default()
        }
    }

    #[test]
    fn english_figures() {
        assert_eq!(format_number_en(181_000_000.0), "181 million");
        assert_eq!(format_number_en(47_794.0), "47,794");
        assert_eq!(format_number_en(6_344_100.0), "6,344,100");
        assert_eq!(format_number_en(1_770_000_000.0), "1.77 billion");
        assert_eq!(format_number_en(30_000_000_000.0), "30 billion");
        assert_eq!(format_number_en(1.26e14), "126 trillion");
        for (f, english) in [
            (fact(1.0, None, "名", FactKind::Count), "1 person"),
            (fact(2.0, None, "名", FactKind::Count), "2 people"),
            (fact(1.0, None, "栋", FactKind::Count), "1 building"),
            (
                fact(1.77e9, None, "元", FactKind::Amount),
                "1.77 billion yuan",
            ),
            (fact(108.0, None, "月日", FactKind::Date), "January 8"),
            (fact(1215.0, None, "月日", FactKind::Date), "December 15"),
            (fact(12.0, None, "月", FactKind::Date), "December"),
            (
                fact(202_210.0, None, "年月", FactKind::Date),
                "October 2022",
            ),
            (
                fact(20_230_108.0, None, "年月日", FactKind::Date),
                "January 8, 2023",
            ),
            (
                Fact {
                    relative: Some("去年".into()),
                    ..fact(1215.0, None, "月日", FactKind::Date)
                },
                "December 15 last year",
            ),
            (fact(2025.0, None, "年", FactKind::Year), "2025"),
            (
                fact(2022.0, Some(2025.0), "年", FactKind::Period),
                "2022–2025",
            ),
            (
                fact(1.0, Some(9.0), "月", FactKind::Period),
                "January–September",
            ),
            (
                fact(1.2, None, "个百分点", FactKind::Count),
                "1.2 percentage points",
            ),
        ] {
            assert_eq!(fact_english(&f), english, "{f:?}");
        }
        let fact = Fact {
            value: 1400.0,
            unit: "家".into(),
            qualifier: Some("余".into()),
            ..Fact::default()
        };
        assert_eq!(fact_english(&fact), "more than 1,400");
    }

    #[test]
    fn english_relative_days_decades_and_ratios() {
        for (f, english) in [
            (
                fact(1960.0, Some(1969.0), "年代", FactKind::Period),
                "the 1960s",
            ),
            (
                fact(1970.0, Some(1989.0), "年代", FactKind::Period),
                "the 1970s and 1980s",
            ),
            (fact(17.0, None, "日", FactKind::Date), "the 17th"),
            (
                Fact {
                    relative: Some("上月".into()),
                    ..fact(22.0, None, "日", FactKind::Date)
                },
                "the 22nd of last month",
            ),
            (
                Fact {
                    relative: Some("次年".into()),
                    ..fact(6.0, None, "月", FactKind::Date)
                },
                "June the following year",
            ),
            (
                Fact {
                    relative: Some("次年".into()),
                    ..fact(202_306.0, None, "年月", FactKind::Date)
                },
                "June 2023",
            ),
            (
                Fact {
                    terms: Some(vec![2.21, 1.0]),
                    ..fact(2.21, None, "", FactKind::Ratio)
                },
                "2.21:1",
            ),
        ] {
            assert_eq!(fact_english(&f), english, "{f:?}");
        }
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
