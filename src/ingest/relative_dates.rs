//! Dates a paragraph states relative to another: to the article's date
//! (`去年12月`, `上月15日`, kept relative and resolved where the article's
//! date is known) or to the date named before it in the paragraph
//! (`2022年开工，次年6月建成`, `3月5日…次日`), resolved here against that
//! date, or kept unresolved and marked so where the paragraph names none.

use crate::chars;
use crate::content::date::Date;
use crate::content::model::{
    FOLLOWING_WORDS, Fact, FactKind, RELATIVE_WORDS, Relative, following_offset,
};

/// The last date or year a paragraph named: what `次年`, `次月`, `次日`
/// count from.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Anchor {
    year: Option<u16>,
    month: Option<u8>,
    day: Option<u8>,
}

impl Anchor {
    /// Takes `fact` as the date later words count from, where it is one.
    pub fn note(&mut self, fact: &Fact) {
        let v = fact.value as u32;
        let (year, month, day) = match (fact.kind, fact.unit.as_str()) {
            (FactKind::Date, "年月日") => (Some(v / 10_000), Some(v / 100 % 100), Some(v % 100)),
            (FactKind::Date, "年月") => (Some(v / 100), Some(v % 100), None),
            (FactKind::Date, "月日") => (self.year.map(u32::from), Some(v / 100), Some(v % 100)),
            (FactKind::Date, "月") => (self.year.map(u32::from), Some(v), None),
            (FactKind::Year, _) => (Some(v), None, None),
            _ => return,
        };
        *self = Anchor {
            year: year.and_then(|y| u16::try_from(y).ok()),
            month: month.and_then(|m| u8::try_from(m).ok()),
            day: day.and_then(|d| u8::try_from(d).ok()),
        };
    }
}

/// Moves the start of a date back over the word that places it
/// (`去年12月15日`, `次年6月`), marks the fact with that word, and resolves
/// a word that counts from the paragraph's previous date.
pub fn place(chars: &[char], start: usize, fact: &mut Fact, anchor: &Anchor) -> usize {
    if fact.kind != FactKind::Date {
        return start;
    }
    let words = RELATIVE_WORDS
        .iter()
        .chain(FOLLOWING_WORDS)
        .map(|(w, _)| *w);
    let Some(word) = words
        .filter(|w| chars::ends_with_at(chars, start, w))
        .max_by_key(|w| w.len())
    else {
        return start;
    };
    fact.relative = Some(word.to_string());
    if let Some(offset) = following_offset(word) {
        resolve(fact, offset, anchor);
    }
    start - word.chars().count()
}

/// `次日`, `翌日` after a day the paragraph named: that day's next.
pub fn following_day(chars: &[char], i: usize, anchor: &Anchor) -> Option<(Fact, usize)> {
    let word = ["次日", "翌日"]
        .into_iter()
        .find(|w| chars[i..].starts_with(&w.chars().collect::<Vec<_>>()))?;
    let Relative::Days(days) = following_offset(word)? else {
        return None;
    };
    let (month, day) = (anchor.month?, anchor.day?);
    let (month, day) = day_after(anchor.year, month, day, days)?;
    let fact = Fact {
        relative: Some(word.to_string()),
        kind: FactKind::Date,
        ..dated(anchor.year, month, day)
    };
    Some((fact, i + 2))
}

/// Resolves a date that counts from the anchor; one the anchor cannot place
/// keeps its figure and its word, and no year is given it.
fn resolve(fact: &mut Fact, offset: Relative, anchor: &Anchor) {
    let v = fact.value as u32;
    match (offset, fact.unit.as_str(), anchor.year) {
        (Relative::Years(n), "月", Some(y)) => {
            fact.value = f64::from((i32::from(y) + n) as u32 * 100 + v);
            fact.unit = "年月".into();
        }
        (Relative::Years(n), "月日", Some(y)) => {
            fact.value = f64::from((i32::from(y) + n) as u32 * 10_000 + v);
            fact.unit = "年月日".into();
        }
        (Relative::Months(n), "日", year) => {
            let Some(month) = anchor.month else { return };
            let index = i32::from(month) - 1 + n;
            let year = year.map(|y| (i32::from(y) + index.div_euclid(12)) as u16);
            let month = index.rem_euclid(12) as u8 + 1;
            if let Ok(day) = u8::try_from(v) {
                let resolved = dated(year, month, day);
                fact.value = resolved.value;
                fact.unit = resolved.unit;
            }
        }
        _ => {}
    }
}

/// A day as a fact's value: `年月日` where the year is known, else `月日`.
fn dated(year: Option<u16>, month: u8, day: u8) -> Fact {
    let (value, unit) = match year {
        Some(y) => (
            f64::from(y) * 10_000.0 + f64::from(month) * 100.0 + f64::from(day),
            "年月日",
        ),
        None => (f64::from(month) * 100.0 + f64::from(day), "月日"),
    };
    Fact {
        value,
        unit: unit.into(),
        ..Fact::default()
    }
}

/// The day `days` after a day, into the next month (and year) at a month's
/// end; a year that is not known is taken as a leap year, so February 29
/// stays a day.
fn day_after(year: Option<u16>, month: u8, day: u8, days: i32) -> Option<(u8, u8)> {
    let y = year.unwrap_or(2000);
    Date::new(y, Some(month), Some(day))?;
    let next = u8::try_from(i32::from(day) + days).ok()?;
    if Date::new(y, Some(month), Some(next)).is_some() {
        Some((month, next))
    } else {
        Some((month % 12 + 1, 1))
    }
}

#[cfg(test)]
mod tests {
    use crate::ingest::facts::extract_facts;

    fn dates(text: &str) -> Vec<(String, f64, String, Option<String>)> {
        extract_facts("p1", text, None)
            .into_iter()
            .map(|f| (f.text, f.value, f.unit, f.relative))
            .collect()
    }

    #[test]
    fn a_following_year_or_month_counts_from_the_date_before_it() {
        let found = dates("该项目2022年开工，次年6月建成投用");
        assert_eq!(
            found[1],
            (
                "次年6月".into(),
                202_306.0,
                "年月".into(),
                Some("次年".into())
            )
        );
        let found = dates("2022年12月5日启动报名，次月10日正式开班");
        assert_eq!(found[1].1, 20_230_110.0);
        assert_eq!(found[1].2, "年月日");
    }

    #[test]
    fn the_next_day_is_a_date_only_after_a_day() {
        let found = dates("3月31日开馆，次日接待读者500人次");
        assert_eq!(
            found[1],
            ("次日".into(), 401.0, "月日".into(), Some("次日".into()))
        );
        assert!(dates("次日接待读者").is_empty());
    }

    #[test]
    fn a_date_with_no_anchor_keeps_its_word_and_no_year() {
        let found = dates("次年6月建成");
        assert_eq!(
            found[0],
            ("次年6月".into(), 6.0, "月".into(), Some("次年".into()))
        );
        let fact = &extract_facts("p1", "次年6月建成", None)[0];
        assert!(fact.awaits_anchor());
        let article = crate::content::date::Date::new(2023, Some(3), Some(1));
        assert_eq!(fact.iso_date(article), None);
    }

    #[test]
    fn a_month_relative_to_the_article_is_marked() {
        let fact = &extract_facts("p1", "上月15日，社区食堂开门迎客", None)[0];
        assert_eq!(fact.text, "上月15日");
        assert_eq!(fact.relative.as_deref(), Some("上月"));
        let article = crate::content::date::Date::new(2023, Some(1), Some(8));
        assert_eq!(fact.iso_date(article).as_deref(), Some("2022-12-15"));
        // a day alone is the article's month, or the month before when still to come
        let day = &extract_facts("p1", "俄罗斯国防部17日称", None)[0];
        let june = crate::content::date::Date::new(2026, Some(6), Some(18));
        assert_eq!(day.iso_date(june).as_deref(), Some("2026-06-17"));
        let early = crate::content::date::Date::new(2026, Some(6), Some(3));
        assert_eq!(day.iso_date(early).as_deref(), Some("2026-05-17"));
    }
}
