//! What the editor knows about a seed that its text does not say: an optional
//! `seeds/<name>.yaml` beside the seed with its publication, date, page, URL
//! and district, and corrections to single items (where one starts, its
//! title and deck, lines to drop).

use super::items::{self, HeadLine, Item};
use crate::content::date::Date;
use crate::error::{Error, Result};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A seed's sidecar, as the editor wrote it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Sidecar {
    /// The newspaper or site that printed the text (`江北报`).
    pub publication: Option<String>,
    /// The day (or month, or year) the text was published.
    pub date: Option<Date>,
    /// The page or section it was printed on (`第3版`).
    pub page: Option<String>,
    /// Where the text can be read.
    pub url: Option<String>,
    /// The district every item is filed under; `none` for a municipal,
    /// provincial or national text.
    pub district: Option<String>,
    /// Lines of the seed that are not text (furniture ingest missed).
    pub drop: Vec<LineSpan>,
    /// Corrections to single items, each named by a line it starts at.
    pub items: Vec<ItemFix>,
}

/// A correction to the item that starts at `line`: an item is made to start
/// there if none does.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct ItemFix {
    pub line: usize,
    pub title: Option<String>,
    pub deck: Option<String>,
    pub drop: Vec<LineSpan>,
}

/// A line (`12`) or a range of lines (`"12-15"`) of the seed.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(try_from = "serde_yaml::Value")]
pub struct LineSpan {
    pub first: usize,
    pub last: usize,
}

impl TryFrom<serde_yaml::Value> for LineSpan {
    type Error = String;

    fn try_from(value: serde_yaml::Value) -> std::result::Result<Self, String> {
        let bad = || format!("`{value:?}` is not a line or a range of lines such as `12-15`");
        let number = |s: &str| s.trim().parse::<usize>().ok().filter(|n| *n > 0);
        let (first, last) = match &value {
            serde_yaml::Value::Number(n) => {
                let n = n
                    .as_u64()
                    .and_then(|n| usize::try_from(n).ok())
                    .ok_or_else(bad)?;
                (n, n)
            }
            serde_yaml::Value::String(s) => match s.split_once(['-', '–', '—']) {
                Some((a, b)) => (number(a).ok_or_else(bad)?, number(b).ok_or_else(bad)?),
                None => {
                    let n = number(s).ok_or_else(bad)?;
                    (n, n)
                }
            },
            _ => return Err(bad()),
        };
        if first == 0 || last < first {
            return Err(bad());
        }
        Ok(LineSpan { first, last })
    }
}

/// The sidecar path of a seed: its name with `.yaml` for its extension.
pub fn path_for(seed: &Path) -> PathBuf {
    seed.with_extension("yaml")
}

/// The bytes of the sidecar of `seed`, if it has one.
pub fn bytes_for(seed: &Path) -> Result<Option<Vec<u8>>> {
    let path = path_for(seed);
    if path.is_file() {
        crate::fsutil::read(&path).map(Some)
    } else {
        Ok(None)
    }
}

/// Reads a sidecar from its bytes and checks it against the seed's
/// `line_count` lines; keys it does not know become `warnings`.
pub fn parse(
    path: &Path,
    bytes: &[u8],
    line_count: usize,
    warnings: &mut Vec<String>,
) -> Result<Sidecar> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| Error::in_file(path, "the sidecar is not UTF-8 text"))?;
    let sidecar: Sidecar = crate::yaml::parse_mapping(path, text, 0, warnings)?;
    check(path, text, &sidecar, line_count)?;
    Ok(sidecar)
}

/// The sidecar of the seed at `seed` whose text has `line_count` lines, or
/// an empty one.
pub fn load(seed: &Path, line_count: usize, warnings: &mut Vec<String>) -> Result<Sidecar> {
    match bytes_for(seed)? {
        Some(bytes) => parse(&path_for(seed), &bytes, line_count, warnings),
        None => Ok(Sidecar::default()),
    }
}

/// Refuses lines the seed does not have, districts spelled as nothing, and
/// two corrections of one item.
fn check(path: &Path, text: &str, sidecar: &Sidecar, line_count: usize) -> Result<()> {
    let beyond = |line: usize| line == 0 || line > line_count;
    let at = |needle: &str| {
        text.lines()
            .position(|l| l.contains(needle))
            .map_or(1, |i| i + 1)
    };
    let spans = sidecar
        .drop
        .iter()
        .chain(sidecar.items.iter().flat_map(|f| &f.drop));
    for span in spans {
        if beyond(span.last) {
            return Err(Error::at_line(
                path,
                at("drop"),
                format!(
                    "drop: line {} is not in the seed, which has {line_count} lines",
                    span.last
                ),
            ));
        }
    }
    let mut seen = BTreeSet::new();
    for fix in &sidecar.items {
        let line = at(&format!("line: {}", fix.line));
        if beyond(fix.line) {
            return Err(Error::at_line(
                path,
                line,
                format!(
                    "items: line {} is not in the seed, which has {line_count} lines",
                    fix.line
                ),
            ));
        }
        if !seen.insert(fix.line) {
            return Err(Error::at_line(
                path,
                line,
                format!("items: line {} is corrected twice", fix.line),
            ));
        }
    }
    if sidecar
        .district
        .as_deref()
        .is_some_and(|d| d.trim().is_empty())
    {
        return Err(Error::at_line(
            path,
            at("district"),
            "district: give a district, or `none` for a text about no single district",
        ));
    }
    Ok(())
}

impl Sidecar {
    /// Every line the editor dropped.
    pub fn dropped_lines(&self) -> BTreeSet<usize> {
        self.drop
            .iter()
            .chain(self.items.iter().flat_map(|f| &f.drop))
            .flat_map(|s| s.first..=s.last)
            .collect()
    }

    /// The district the editor gives: `Some(None)` for none at all.
    pub fn district(&self) -> Option<Option<String>> {
        self.district.as_ref().map(|d| {
            let d = d.trim();
            (!matches!(d, "none" | "无")).then(|| d.to_string())
        })
    }

    /// Applies the per-item corrections: an item starts at each corrected
    /// line (the item around it is split there), and takes its title and deck.
    pub fn correct_items(&self, all: &mut Vec<Item>) {
        for fix in &self.items {
            let Some(k) = items::split_at_line(all, fix.line) else {
                continue;
            };
            let item = &mut all[k];
            if let Some(title) = &fix.title {
                items::set_headline(item, title.trim(), fix.line);
            }
            if let Some(deck) = &fix.deck {
                item.deck = Some(HeadLine {
                    text: deck.trim().to_string(),
                    line: fix.line,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(yaml: &str, lines: usize) -> Result<Sidecar> {
        parse(
            Path::new("seeds/page.yaml"),
            yaml.as_bytes(),
            lines,
            &mut Vec::new(),
        )
    }

    #[test]
    fn reads_every_key() {
        let s = read(
            "publication: 江北报\ndate: 2023-01-12\npage: 第3版\nurl: https://example.org/a\ndistrict: 江北区\ndrop: [3, \"5-6\"]\nitems:\n  - line: 8\n    title: 新标题\n    drop: [9]\n",
            20,
        )
        .unwrap();
        assert_eq!(s.date.unwrap().to_string(), "2023-01-12");
        assert_eq!(
            s.dropped_lines().into_iter().collect::<Vec<_>>(),
            [3, 5, 6, 9]
        );
        assert_eq!(s.district(), Some(Some("江北区".into())));
        assert_eq!(s.items[0].title.as_deref(), Some("新标题"));
    }

    #[test]
    fn none_means_no_district() {
        assert_eq!(read("district: none\n", 3).unwrap().district(), Some(None));
        assert_eq!(read("{}\n", 3).unwrap().district(), None);
    }

    #[test]
    fn refuses_lines_the_seed_lacks_at_their_line() {
        let e = read("date: 2023-01-12\nitems:\n  - line: 40\n", 20).unwrap_err();
        let shown = e.to_string();
        assert!(
            shown.contains("page.yaml:3") && shown.contains("line 40"),
            "{shown}"
        );
        let e = read("drop: [\"18-25\"]\n", 20).unwrap_err().to_string();
        assert!(e.contains("page.yaml:1") && e.contains("line 25"), "{e}");
        let e = read("items:\n  - line: 4\n  - line: 4\n", 20)
            .unwrap_err()
            .to_string();
        assert!(e.contains("corrected twice"), "{e}");
    }

    #[test]
    fn refuses_dates_and_spans_that_are_none() {
        let e = read("date: 2023-02-30\n", 3).unwrap_err().to_string();
        assert!(e.contains("page.yaml:1"), "{e}");
        let e = read("date: 去年春天\n", 3).unwrap_err().to_string();
        assert!(e.contains("page.yaml:1") && e.contains("not a date"), "{e}");
        let e = read("drop: [\"7-3\"]\n", 9).unwrap_err().to_string();
        assert!(e.contains("range of lines"), "{e}");
        let e = read("district: ''\n", 9).unwrap_err().to_string();
        assert!(e.contains("none"), "{e}");
    }
}
