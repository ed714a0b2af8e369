//! Units a table states once for all its cells (`单位：万元`, `（金额单位：
//! 千元）`): the numbers the rows then print bare are figures of that unit.
//! A unit holds from where it is declared through the rows that follow it,
//! and ends at the first block that reads as prose.

/// A unit declared for a table: its base unit and the magnitude before it
/// (`千元` → 1,000 and `元`).
#[derive(Debug, Clone, PartialEq)]
pub struct TableUnit {
    pub multiplier: f64,
    pub unit: String,
}

/// Words that declare a table's unit, longest first.
const DECLARATIONS: &[&str] = &["金额单位", "计量单位", "单位"];

/// Magnitudes a declared unit may begin with (`百万元`, `万人`).
const MAGNITUDES: &[(char, f64)] = &[
    ('十', 10.0),
    ('百', 100.0),
    ('千', 1e3),
    ('万', 1e4),
    ('亿', 1e8),
];

/// Units a table may be stated in, beyond the counters figures carry.
const TABLE_UNITS: &[&str] = &[
    "元",
    "人",
    "人次",
    "户",
    "个",
    "家",
    "吨",
    "平方米",
    "公里",
    "%",
];

/// The unit a block declares, with the character index where its rows may
/// begin (just after the declaration).
pub fn declared(text: &str) -> Option<(TableUnit, usize)> {
    let chars: Vec<char> = text.chars().collect();
    for word in DECLARATIONS {
        let word: Vec<char> = word.chars().collect();
        let Some(at) = (0..chars.len()).find(|&i| chars[i..].starts_with(&word)) else {
            continue;
        };
        let mut pos = at + word.len();
        if !matches!(chars.get(pos), Some('：' | ':')) {
            continue;
        }
        pos += 1;
        while chars.get(pos) == Some(&' ') {
            pos += 1;
        }
        let end = (pos..chars.len())
            .find(|&k| !(crate::chars::is_han(chars[k]) || chars[k] == '%'))
            .unwrap_or(chars.len());
        let mut multiplier = 1.0;
        let mut from = pos;
        while let Some((_, m)) = chars
            .get(from)
            .and_then(|c| MAGNITUDES.iter().find(|(k, _)| k == c))
        {
            multiplier *= m;
            from += 1;
        }
        let unit: String = chars[from..end].iter().collect();
        let known = TABLE_UNITS.contains(&unit.as_str()) || (unit.is_empty() && multiplier > 1.0);
        if known && end > pos {
            return Some((TableUnit { multiplier, unit }, end));
        }
    }
    None
}

/// Whether a block goes on with a table's rows: it prints a number and is
/// not a sentence of prose.
pub fn continues(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        && !text.contains(['。', '！', '？'])
        && text.chars().count() <= ROW_MAX
}

/// Longest block read as a table's rows rather than prose.
const ROW_MAX: usize = 400;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::facts::extract_facts_in;

    #[test]
    fn declarations_give_a_unit_and_its_magnitude() {
        let (unit, _) = declared("表1 重点项目投资（单位：千元）").unwrap();
        assert_eq!((unit.multiplier, unit.unit.as_str()), (1e3, "元"));
        let (unit, _) = declared("金额单位:万元").unwrap();
        assert_eq!((unit.multiplier, unit.unit.as_str()), (1e4, "元"));
        assert_eq!(declared("单位：万").unwrap().0.unit, "");
        assert!(declared("单位：区民政局").is_none());
        assert!(declared("责任单位：区教委").is_none());
    }

    #[test]
    fn bare_cells_take_the_declared_unit() {
        let (unit, _) = declared("单位：万元").unwrap();
        let facts = extract_facts_in("p2", "城市道路改造 1200 860", None, Some(&unit));
        let read: Vec<_> = facts.iter().map(|f| (f.value, f.unit.as_str())).collect();
        assert_eq!(read, [(1.2e7, "元"), (8.6e6, "元")]);
        assert_eq!(facts[0].text, "1200");
        let facts = extract_facts_in("p2", "320 450 1200", None, Some(&unit));
        assert_eq!(facts.len(), 3, "{facts:?}");
        // a figure printed with its own unit keeps it; a year is no cell
        let facts = extract_facts_in("p2", "2022 新建学校 3所", None, Some(&unit));
        let read: Vec<_> = facts.iter().map(|f| (f.value, f.unit.as_str())).collect();
        assert_eq!(read, [(3.0, "所")]);
    }

    #[test]
    fn prose_ends_the_table() {
        assert!(continues("| 城市道路改造 | 1200 | 860 |"));
        assert!(!continues("全年完成投资1200万元。"));
        assert!(!continues("项目名称 责任单位"));
    }
}
