//! Article dates: a year, a month or a day, as front matter states them
//! (`2023`, `2023-05`, `2023-05-08`; a time after the day, as Hugo and Zola
//! write it, is accepted and dropped). Anything else is an error naming the
//! file and line, so that lists sort and feeds carry only real dates.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date known to the year, the month or the day. Dates order by
/// time; a date known to the year comes before the months of that year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Date {
    /// A date known to the year.
    pub fn year_only(year: u16) -> Date {
        Date {
            year,
            month: None,
            day: None,
        }
    }

    /// A date from its parts, if they name a real day of the calendar.
    pub fn new(year: u16, month: Option<u8>, day: Option<u8>) -> Option<Date> {
        let valid = (1..=9999).contains(&year)
            && match (month, day) {
                (None, None) => true,
                (Some(m), None) => (1..=12).contains(&m),
                (Some(m), Some(d)) => (1..=12).contains(&m) && d >= 1 && d <= days_in(year, m),
                (None, Some(_)) => false,
            };
        valid.then_some(Date { year, month, day })
    }

    pub fn year(&self) -> u16 {
        self.year
    }

    pub fn month(&self) -> Option<u8> {
        self.month
    }

    pub fn day(&self) -> Option<u8> {
        self.day
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (_, Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// RFC 3339 timestamp for feeds (Atom needs a full date-time): the first
    /// day of the month or year where the date is not known to the day.
    pub fn timestamp(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T00:00:00Z",
            self.year,
            self.month.unwrap_or(1),
            self.day.unwrap_or(1)
        )
    }
}

impl Date {
    /// The first day a text writes out in full, as pages and metadata write
    /// it: `2023-01-12`, `2023/1/12 10:00`, `2023.01.12`, `2023年1月12日`,
    /// `2023-01-12T10:00:00+08:00`.
    pub fn first_day_in(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        text.char_indices()
            .map(|(i, _)| i)
            .filter(|&i| bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()))
            .find_map(|i| day_at(&text[i..]))
    }
}

/// The day written at the start of `text`: a four-digit year, a month and
/// a day, each followed by `-`, `/`, `.` or `年` `月` (`日` closing).
fn day_at(text: &str) -> Option<Date> {
    let mut rest = text;
    let mut number = |max: usize, seps: &[&str]| -> Option<u32> {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if digits.is_empty() || digits.len() > max {
            return None;
        }
        rest = &rest[digits.len()..];
        if !seps.is_empty() {
            let sep = seps.iter().find(|s| rest.starts_with(**s))?;
            rest = &rest[sep.len()..];
        }
        digits.parse().ok()
    };
    let year = number(4, &["-", "/", ".", "年"])?;
    let month = number(2, &["-", "/", ".", "月"])?;
    let day = number(2, &[])?;
    if !(1900..=2100).contains(&year) {
        return None;
    }
    Date::new(
        year as u16,
        Some(u8::try_from(month).ok()?),
        Some(u8::try_from(day).ok()?),
    )
}

/// RFC 3339 timestamp of a time given in seconds since 1970 (UTC), as
/// `SOURCE_DATE_EPOCH` gives it.
pub fn timestamp_of_unix(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let of_day = seconds.rem_euclid(86_400);
    // days to a civil date (the proleptic Gregorian calendar)
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        of_day / 3_600,
        of_day % 3_600 / 60,
        of_day % 60
    )
}

fn days_in(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2023-05-08)")]
pub struct DateError(pub String);

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Date, DateError> {
        let error = || DateError(text.to_string());
        let trimmed = text.trim();
        // a time after the day (`2023-05-08T10:00:00+08:00`, `2023-05-08 10:00`)
        let day_part = match trimmed.find(['T', ' ']) {
            Some(at) if at == 10 => &trimmed[..at],
            Some(_) => return Err(error()),
            None => trimmed,
        };
        let mut parts = day_part.split('-');
        let number = |part: Option<&str>, digits: usize| -> Result<Option<u16>, DateError> {
            match part {
                None => Ok(None),
                Some(p) if p.len() == digits && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| error())
                }
                Some(_) => Err(error()),
            }
        };
        let year = number(parts.next(), 4)?.ok_or_else(error)?;
        let month = number(parts.next(), 2)?.map(|m| m as u8);
        let day = number(parts.next(), 2)?.map(|d| d as u8);
        if parts.next().is_some() || (day_part.len() != trimmed.len() && day.is_none()) {
            return Err(error());
        }
        Date::new(year, month, day).ok_or_else(error)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        /// A bare year is a number in YAML (`date: 2023`).
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Year(u64),
            Text(String),
        }
        let text = match Written::deserialize(deserializer)? {
            Written::Year(y) => y.to_string(),
            Written::Text(t) => t,
        };
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_three_precisions_and_writes_them_back() {
        for text in ["2023", "2023-05", "2023-05-08", "2024-02-29"] {
            assert_eq!(text.parse::<Date>().unwrap().to_string(), text);
        }
        assert_eq!(
            "2023-05".parse::<Date>().unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            "2023-05-08T10:00:00+08:00"
                .parse::<Date>()
                .unwrap()
                .to_string(),
            "2023-05-08"
        );
    }

    #[test]
    fn refuses_what_is_not_a_calendar_date() {
        for text in [
            "2023年5月",
            "去年春天",
            "23-05-08",
            "2023-13",
            "2023-02-29",
            "2023-5-8",
            "2023-05-08-01",
            "2023 spring",
            "",
            "０２０２",
        ] {
            assert!(text.parse::<Date>().is_err(), "{text}");
        }
    }

    #[test]
    fn orders_by_time_and_stamps_feeds() {
        let d = |t: &str| t.parse::<Date>().unwrap();
        assert!(d("2022-12-31") < d("2023"));
        assert!(d("2023") < d("2023-01"));
        assert!(d("2023-02") < d("2023-10-01"));
        assert_eq!(d("2023-05").timestamp(), "2023-05-01T00:00:00Z");
    }

    #[test]
    fn days_are_found_as_pages_write_them() {
        for text in [
            "发布日期：2023-01-12",
            "2023/1/12 10:00",
            "时间：2023年1月12日 来源：江北报",
            "2023-01-12T10:00:00+08:00",
            "2023.01.12",
        ] {
            assert_eq!(
                Date::first_day_in(text).map(|d| d.to_string()).as_deref(),
                Some("2023-01-12"),
                "{text}"
            );
        }
        assert_eq!(Date::first_day_in("浏览次数：12023-01-12"), None);
        assert_eq!(Date::first_day_in("2023年5月"), None);
        assert_eq!(Date::first_day_in("2023-02-30"), None);
    }

    #[test]
    fn unix_times_become_timestamps() {
        assert_eq!(timestamp_of_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(timestamp_of_unix(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(timestamp_of_unix(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(timestamp_of_unix(-86_400), "1969-12-31T00:00:00Z");
    }

    #[test]
    fn reads_a_bare_year_from_yaml() {
        let d: Date = serde_yaml::from_str("2023").unwrap();
        assert_eq!(d, Date::year_only(2023));
        let e = serde_yaml::from_str::<Date>("'2023年5月'").unwrap_err();
        assert!(e.to_string().contains("is not a date"), "{e}");
    }
}
