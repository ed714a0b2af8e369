//! The content model: what an article is once loaded from `content/` — front
//! matter, paragraphs with stable ids and source lines, photo notes, facts, and
//! the English translation keyed by paragraph id.

use super::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// How `date_basis` begins where the year is the latest one the page names
/// (a guess, which pages say is one).
pub const INFERRED_YEAR_BASIS: &str = "latest year named on the page";

/// Front matter of a Chinese article (`content/articles/<slug>.md`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct FrontMatter {
    pub title: String,
    /// Why the title is not the printed headline, when it is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_note: Option<String>,
    pub slug: String,
    /// 导读: a short guide for Chinese readers, written by an editor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guide: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deck: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// How the date was inferred from the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_basis: Option<String>,
    /// The script of the Chinese text: `traditional` for 繁體 (marked
    /// `zh-Hant` on the page); Simplified when absent.
    #[serde(skip_serializing_if = "is_simplified")]
    pub script: crate::script::Script,
    /// The newspaper or site that printed the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publication: Option<String>,
    /// The page or section it was printed on (`第3版`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_page: Option<String>,
    /// Where the original can be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// Seed file the article was ingested from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_lines: Option<[usize; 2]>,
    /// A printed continuation mark such as `（上接1版）`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub continued_from: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// Free tags (kept from Hugo or Zola front matter; not shown).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Bylines as printed (`记者 刘静`, `本报讯（记者 王偲媞）`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bylines: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub photographers: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<String>,
    /// Photo captions, shown as figure notes after the paragraph they follow.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    /// Every figure the text states.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<Fact>,
}

fn is_simplified(script: &crate::script::Script) -> bool {
    !script.is_traditional()
}

impl Fact {
    /// The ISO 8601 date a date, year or period of years states, at its
    /// precision: its own year (`2022年10月` → `2022-10`), or the article's
    /// date `article`, moved by a relative word (`去年12月15日` → `2022-12-15`
    /// in an article of 2023; `上月15日` → the 15th of the month before the
    /// article's). A day alone (`17日`) is, as news writes it, a day of the
    /// article's month, or of the month before when that day is still to
    /// come. `None` where the year is not known.
    pub fn iso_date(&self, article: Option<Date>) -> Option<String> {
        if self.awaits_anchor() {
            return None;
        }
        let v = self.value as u32;
        let relative = self.relative.as_deref().and_then(relative_offset);
        let year = || {
            let years = match relative {
                Some(Relative::Years(n)) => n,
                _ => 0,
            };
            article.map(|a| i32::from(a.year()) + years)
        };
        match (self.kind, self.unit.as_str()) {
            (FactKind::Date, "年月日") => Some(format!(
                "{}-{:02}-{:02}",
                v / 10_000,
                v / 100 % 100,
                v % 100
            )),
            (FactKind::Date, "年月") => Some(format!("{}-{:02}", v / 100, v % 100)),
            (FactKind::Date, "月日") => {
                Some(format!("{}-{:02}-{:02}", year()?, v / 100, v % 100))
            }
            (FactKind::Date, "月") => Some(format!("{}-{v:02}", year()?)),
            (FactKind::Date, "日") => {
                let article = article?;
                let months = match relative {
                    Some(Relative::Months(n)) => n,
                    Some(_) => return None,
                    // a day still to come in the article's month is last month's
                    None if article.day().is_some_and(|d| u32::from(d) < v) => -1,
                    None => 0,
                };
                let (y, m) = month_moved(article.year(), article.month()?, months);
                Date::new(y, Some(m), Some(u8::try_from(v).ok()?))?;
                Some(format!("{y}-{m:02}-{v:02}"))
            }
            (FactKind::Year, _) => Some(format!("{v:04}")),
            (FactKind::Period, "年" | "年代") if v >= 1000 => Some(format!(
                "{v:04}/{:04}",
                self.value_high.unwrap_or(self.value) as u32
            )),
            _ => None,
        }
    }
}

impl Fact {
    /// The label as pages show it: led by the person whose figure it is,
    /// where the clause itself does not name them (`陈师傅：每月收入还增加了1000多元`).
    pub fn shown_label(&self) -> String {
        match &self.whose {
            Some(whose) if !self.label.contains(whose.as_str()) => {
                format!("{whose}：{}", self.label)
            }
            _ => self.label.clone(),
        }
    }

    /// Whether the fact is a date counted from one its paragraph did not
    /// name, and so has no place in time (`次年6月` with no year before it).
    pub fn awaits_anchor(&self) -> bool {
        let Some(word) = self.relative.as_deref() else {
            return false;
        };
        matches!(
            (following_offset(word), self.unit.as_str()),
            (Some(Relative::Years(_)), "月" | "月日") | (Some(Relative::Months(_)), "日")
        )
    }
}

/// A year and month moved by `months` (`2023-01` less one is `2022-12`).
fn month_moved(year: u16, month: u8, months: i32) -> (u16, u8) {
    let index = i32::from(year) * 12 + i32::from(month) - 1 + months;
    ((index / 12) as u16, (index % 12 + 1) as u8)
}

/// How a relative word moves a date from the article's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    Years(i32),
    Months(i32),
    Days(i32),
}

/// Words that place a date relative to the article's date, with how far they
/// move it: a year (`去年12月`) or a month (`上月15日`).
pub const RELATIVE_WORDS: &[(&str, Relative)] = &[
    ("前年", Relative::Years(-2)),
    ("去年", Relative::Years(-1)),
    ("今年", Relative::Years(0)),
    ("明年", Relative::Years(1)),
    ("上月", Relative::Months(-1)),
    ("上个月", Relative::Months(-1)),
    ("本月", Relative::Months(0)),
    ("下月", Relative::Months(1)),
    ("下个月", Relative::Months(1)),
];

/// Words that place a date relative to the one the text named before it
/// (`次年6月`, `次日`); read where that date is in the same paragraph.
pub const FOLLOWING_WORDS: &[(&str, Relative)] = &[
    ("次年", Relative::Years(1)),
    ("翌年", Relative::Years(1)),
    ("同年", Relative::Years(0)),
    ("当年", Relative::Years(0)),
    ("次月", Relative::Months(1)),
    ("当月", Relative::Months(0)),
    ("次日", Relative::Days(1)),
    ("翌日", Relative::Days(1)),
];

/// How a relative word moves the article's date (`去年` → a year back).
pub fn relative_offset(word: &str) -> Option<Relative> {
    RELATIVE_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, r)| *r)
}

/// How a word moves the date named before it (`次年` → a year on).
pub fn following_offset(word: &str) -> Option<Relative> {
    FOLLOWING_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, r)| *r)
}

/// A photo caption printed with the article.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Figure {
    pub caption: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// Paragraph after which the note is shown (none: before the body).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines: Option<[usize; 2]>,
}

/// A figure stated by the text.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    /// Paragraph the figure is stated in.
    pub para: String,
    /// The figure as printed, e.g. `1.81亿元`, `1400余家`.
    pub text: String,
    /// Normalised value: `1.81亿` → 181000000.
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_high: Option<f64>,
    /// Unit or counted noun, e.g. `元`, `人次`, `%`.
    pub unit: String,
    /// 余, 多, 超, 近, 约, 以上, 以下 …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// What a rate is per, as printed (`每万人`, `人均`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
    /// The terms of a ratio, in order (`2.21∶1` → 2.21 and 1); `value` is
    /// the first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terms: Option<Vec<f64>>,
    /// `去年`, `上月`, `次年`, `次日` …: the word that places a date relative
    /// to the article's ([`RELATIVE_WORDS`]) or to the date named before it
    /// in the paragraph ([`FOLLOWING_WORDS`], resolved when the fact is read).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relative: Option<String>,
    pub kind: FactKind,
    /// The phrase the figure describes.
    pub label: String,
    /// The person whose figure it is, as the sentence names them (`陈师傅`):
    /// one person's age or income, not the district's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub whose: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
}

/// What a figure measures.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    /// Money (`1.81亿元`).
    Amount,
    /// A share (`89%`).
    Percent,
    /// A number of things or people (`1400余家`).
    #[default]
    Count,
    /// A physical measure (`18公里`, `3.2万平方米`).
    Measure,
    /// A length of time (`15分钟`, `3年`).
    Duration,
    /// A day or month (`3月2日`).
    Date,
    /// A year (`2023年`).
    Year,
    /// A span of time (`1—9月`, `2022—2025年`).
    Period,
    /// A person's age (`74岁`, `60岁以上`).
    Age,
    /// A figure per so many people (`每万人拥有5G基站24.88个`): see `per`.
    Rate,
    /// A ratio of two or more terms (`城乡居民收入比2.21∶1`): see `terms`.
    Ratio,
}

impl FactKind {
    /// The name front matter and the data files use.
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Amount => "amount",
            FactKind::Percent => "percent",
            FactKind::Count => "count",
            FactKind::Measure => "measure",
            FactKind::Duration => "duration",
            FactKind::Date => "date",
            FactKind::Year => "year",
            FactKind::Period => "period",
            FactKind::Age => "age",
            FactKind::Rate => "rate",
            FactKind::Ratio => "ratio",
        }
    }

    /// Whether the figure places something in time rather than counting it.
    pub fn is_time(self) -> bool {
        matches!(self, FactKind::Date | FactKind::Year | FactKind::Period)
    }
}

impl std::str::FromStr for FactKind {
    type Err = String;

    fn from_str(name: &str) -> Result<FactKind, String> {
        use FactKind::*;
        [
            Amount, Percent, Count, Measure, Duration, Date, Year, Period, Age, Rate, Ratio,
        ]
        .into_iter()
        .find(|k| k.as_str() == name)
        .ok_or_else(|| format!("`{name}` is not a kind of figure"))
    }
}

impl std::fmt::Display for FactKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Front matter of an English translation (`content/articles/<slug>.en.md`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct TranslationFront {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deck: Option<String>,
    /// 'In brief': a short English summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Background for readers new to Chinese local government.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// Captions in the order of the Chinese `figures`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<String>,
    /// English labels of facts, by fact id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub facts: BTreeMap<String, String>,
    /// Kept from Hugo-style translation files, where each language repeats
    /// these; the Chinese article's values are the ones used.
    #[serde(skip_serializing)]
    pub date: Option<Date>,
    #[serde(skip_serializing)]
    pub tags: Vec<String>,
    #[serde(skip_serializing)]
    pub district: Option<String>,
}

/// One block of an article body: a paragraph, heading or list, with a stable id.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub id: String,
    /// Seed lines the block was ingested from.
    pub lines: Option<[usize; 2]>,
    /// Hash of the Chinese text a translated block was made from.
    pub source_hash: Option<String>,
    pub markdown: String,
    /// The printed text breaks off after this block (it continues on a page
    /// the seed does not hold).
    pub cut: bool,
    /// Line of the block's marker in its content file.
    pub file_line: usize,
}

/// An English translation of an article.
#[derive(Debug, Clone)]
pub struct Translation {
    pub path: PathBuf,
    pub front: TranslationFront,
    pub blocks: Vec<Block>,
}

/// An article as loaded from `content/`.
#[derive(Debug, Clone)]
pub struct Article {
    pub path: PathBuf,
    pub front: FrontMatter,
    /// Body text before the first block marker (hand-written intros), if any.
    pub blocks: Vec<Block>,
    pub translation: Option<Translation>,
}

impl Article {
    /// The English block translating the Chinese block `id`, if written.
    pub fn english(&self, id: &str) -> Option<&Block> {
        self.translation
            .as_ref()?
            .blocks
            .iter()
            .find(|b| b.id == id)
    }
}

/// Short hash of a Chinese block's text, stored with its translation to detect
/// staleness. It covers the words only: Markdown formatting and `[sic]` notes
/// can change without making a translation stale.
pub fn block_hash(markdown: &str) -> String {
    crate::fsutil::sha256_hex(crate::markdown::to_plain_text(markdown))[..12].to_string()
}
