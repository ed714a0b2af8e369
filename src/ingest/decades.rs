//! Decades: `60年代`, `1980年代`, `上世纪90年代`, `20世纪七八十年代` — a
//! span of ten years (or of two decades together), read as a period from the
//! decade's first year to the last year of its last decade. A decade named
//! without its century is of the twentieth, as Chinese print writes them.

use super::numerals;
use crate::chars;
use crate::content::model::{Fact, FactKind};

/// Words before a decade that name its century as the one before this.
const LAST_CENTURY: &[&str] = &["上世纪", "上个世纪"];

/// The century a decade is in where the text names none.
const DEFAULT_CENTURY: u32 = 1900;

/// A decade starting at `i`, with where its text begins (a century word
/// before it is part of it) and ends.
pub fn decade_at(chars: &[char], i: usize) -> Option<(Fact, usize, usize)> {
    let mut pos = i;
    let mut base = None;
    // `20世纪…`: the century in digits or numerals
    if let Some((century, end)) = number_at(chars, pos)
        && chars[end..].starts_with(&['世', '纪'])
        && (1.0..=30.0).contains(&century)
    {
        base = Some((century as u32 - 1) * 100);
        pos = end + 2;
    }
    let (first, last, end) = decades(chars, pos)?;
    if !chars[end..].starts_with(&['年', '代']) {
        return None;
    }
    let mut start = i;
    if base.is_none()
        && let Some(word) = LAST_CENTURY
            .iter()
            .find(|w| chars::ends_with_at(chars, i, w))
    {
        start = i - word.chars().count();
    }
    let (low, high) = if first >= 1000 {
        (first, last)
    } else {
        let base = base.unwrap_or(DEFAULT_CENTURY);
        (base + first, base + last)
    };
    let fact = Fact {
        value: f64::from(low),
        value_high: Some(f64::from(high + 9)),
        unit: "年代".into(),
        kind: FactKind::Period,
        ..Fact::default()
    };
    Some((fact, start, end + 2))
}

/// The decades before `年代`: `60`, `1980`, `六十`, `七八十` (the seventies
/// and eighties): the first and last decade's first year in the century, or
/// in full where the text writes four digits.
fn decades(chars: &[char], i: usize) -> Option<(u32, u32, usize)> {
    if chars.get(i)?.is_ascii_digit() {
        let end = (i..chars.len())
            .find(|&k| !chars[k].is_ascii_digit())
            .unwrap_or(chars.len());
        let n: u32 = chars[i..end].iter().collect::<String>().parse().ok()?;
        let ok = match end - i {
            2 => n.is_multiple_of(10) && n > 0,
            4 => n.is_multiple_of(10) && (1000..2100).contains(&n),
            _ => false,
        };
        return ok.then_some((n, n, end));
    }
    // `六十`, `七八十`: one or two digits, then 十
    let digits: Vec<u32> = chars[i..]
        .iter()
        .map_while(|c| numerals::digit(*c).filter(|d| *d >= 1.0).map(|d| d as u32))
        .take(2)
        .collect();
    let end = i + digits.len();
    if digits.is_empty() || chars.get(end) != Some(&'十') {
        return None;
    }
    let (first, last) = (digits[0] * 10, digits[digits.len() - 1] * 10);
    (first <= last).then_some((first, last, end + 1))
}

/// A number in digits or in Chinese numerals at `i`, with where it ends.
fn number_at(chars: &[char], i: usize) -> Option<(f64, usize)> {
    if chars.get(i)?.is_ascii_digit() {
        numerals::arabic_at(chars, i)
    } else {
        numerals::chinese_at(chars, i).map(|n| (n.value, n.end))
    }
}

#[cfg(test)]
mod tests {
    use crate::ingest::facts::extract_facts;

    fn decade(text: &str) -> (String, f64, Option<f64>) {
        let facts = extract_facts("p1", text, None);
        assert_eq!(facts.len(), 1, "{text}: {facts:?}");
        let f = &facts[0];
        assert_eq!((f.kind.as_str(), f.unit.as_str()), ("period", "年代"));
        (f.text.clone(), f.value, f.value_high)
    }

    #[test]
    fn decades_are_periods() {
        assert_eq!(
            decade("这栋建于60年代的老楼"),
            ("60年代".into(), 1960.0, Some(1969.0))
        );
        assert_eq!(
            decade("始建于20世纪七八十年代的老旧小区"),
            ("20世纪七八十年代".into(), 1970.0, Some(1989.0))
        );
        assert_eq!(
            decade("上世纪90年代的厂房"),
            ("上世纪90年代".into(), 1990.0, Some(1999.0))
        );
        assert_eq!(decade("1980年代起").1, 1980.0);
        assert_eq!(decade("六十年代").2, Some(1969.0));
    }

    #[test]
    fn years_and_counts_are_no_decades() {
        for text in ["65年代", "几十年代", "20世纪"] {
            let facts = extract_facts("p1", text, None);
            assert!(facts.iter().all(|f| f.unit != "年代"), "{text}: {facts:?}");
        }
    }
}
