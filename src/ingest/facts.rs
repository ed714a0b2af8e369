//! Fact extraction: every figure the text states with a unit or counted noun —
//! amounts with 万/亿 multipliers, qualifiers (余, 多, 超, 近, 约, 以上 …),
//! percentages, ranges, periods, counting Chinese numerals and dates.

use super::relative_dates::{self, Anchor};
use super::table_units::{self, TableUnit};
use super::{decades, numerals, whose};
use crate::content::model::{Fact, FactKind};

/// Units and counted nouns, longest first so that `人次` wins over `人`.
const UNITS: &[&str] = &[
    "个百分点",
    "平方公里",
    "平方米",
    "立方米",
    "立方",
    "公顷",
    "公里",
    "公斤",
    "小时",
    "分钟",
    "人次",
    "场次",
    "星期",
    "个月",
    "元",
    "人",
    "户",
    "个",
    "所",
    "家",
    "台",
    "张",
    "名",
    "场",
    "次",
    "项",
    "条",
    "支",
    "件",
    "米",
    "天",
    "周",
    "座",
    "处",
    "间",
    "册",
    "辆",
    "套",
    "份",
    "位",
    "起",
    "栋",
    "层",
    "岁",
    "倍",
    "成",
    "宗",
    "笔",
    "辆",
    "顷",
    "斤",
    "镑",
    "国",
    "瓶",
    "块",
    "篇",
    "吨",
    "亩",
    "棵",
    "株",
    "盏",
    "艘",
    "首",
    "幅",
    "批",
    "部门",
    "部",
    "度",
    "架",
    "对",
    "任",
    "步",
    "年",
    "月",
    "日",
];

/// Qualifiers printed before a figure, longest first.
const QUALIFIERS_BEFORE: &[&str] = &[
    "将突破",
    "不少于",
    "不低于",
    "超过",
    "突破",
    "将近",
    "接近",
    "大约",
    "超",
    "近",
    "约",
    "逾",
];
const QUALIFIERS_AFTER: &[&str] = &["以上", "以下", "左右", "余", "多"];

/// What a counter must not be followed by, where it is the first
/// character of another word (`61398部队`, `三名单`, `两家庭`, `五场所`).
const COUNTER_NOT_BEFORE: &[(&str, &str)] = &[
    ("部", "队隊门分署长委属落"),
    ("名", "单称额义字"),
    ("家", "庭长乡属"),
    ("台", "湾风阶"),
    ("起", "来步点飞"),
    ("条", "件例款"),
    ("场", "所地景面"),
    ("处", "理置长级室"),
    ("位", "置于数"),
    ("层", "次面级"),
    ("对", "于接象"),
];

/// Units written in Latin letters (`500Mbps`); a single letter after a number
/// is a code (`5G`).
const LATIN_UNITS: &[&str] = &[
    "Mbps", "Gbps", "kWh", "kW", "MW", "GW", "km", "kg", "TB", "GB",
];

/// Counters a lone `一` counts (`一倍`); before others it is an article
/// (`一个重要举措`) or part of a word (`一项`, `一起`).
const ONE_COUNTERS: &[&str] = &["倍", "成", "年", "个月", "天", "小时", "周", "星期"];

/// Set phrases a lone `一` opens with a counter after it (`一年一度`, `一年四季`).
const ONE_PHRASES: &[&str] = &["一年一度", "一年四季", "一天天", "一年年"];

/// Counters a bare magnitude counts (`万个岗位`, `百场读书会`, `超万人次`);
/// before others it is part of a set phrase (`千家万户`, `万人空巷`).
const BARE_MAGNITUDE_COUNTERS: &[&str] = &[
    "个",
    "场",
    "名",
    "人次",
    "场次",
    "元",
    "套",
    "份",
    "件",
    "项",
    "条",
    "次",
    "台",
    "辆",
    "张",
    "册",
    "平方米",
    "亩",
    "吨",
];

/// Counters only Chinese numerals take (`十大民生实事`; up to ten: `二十大`
/// is a congress).
const CHINESE_NUMERAL_COUNTERS: &[&str] = &["大"];

/// Fixed formulations of political and economic language that numbers
/// name, not count (`八项规定` is a set of rules known by that name,
/// `三次产业` the three sectors of an economy).
const FORMULATIONS: &[&str] = &[
    "八项规定",
    "三次产业",
    "十四五",
    "十三五",
    "十五五",
    "一带一路",
    "两学一做",
    "四个全面",
    "三个代表",
    "五位一体",
    "两个维护",
    "两个确立",
    "四个意识",
    "四个自信",
    "三严三实",
    "一国两制",
    "两个一百年",
    "三大攻坚战",
];

/// Longest slogan or name in quotation marks a number is part of
/// (`“五个一批”`, `“15分钟高品质生活服务圈”`).
const SLOGAN_MAX: usize = 16;

/// What a Chinese numeral must not follow: an ordinal (`第三`, `十三届四次`),
/// a weekday, a lunar day, a number already read, a round number's
/// vagueness (`几十年`, `数百人`).
const NOT_AFTER_NUMERAL: &[char] = &[
    '第', '周', '期', '初', '拜', '之', '其', '星', '届', '几', '数',
];

/// What follows an ordinal written without `第`: the session of a congress
/// (`十三次党代会`, `四次全会`), and the names of plans by their length
/// (`三年行动`).
const ORDINAL_BEFORE: &[&str] = &[
    "次党代会",
    "次全会",
    "次会议",
    "次代表大会",
    "次全体会议",
    "次常委会",
    "年行动",
    "年计划",
];

/// Classifies a unit into the kind of figure it makes.
pub fn kind_of(unit: &str, value: f64) -> FactKind {
    match unit {
        "岁" | "周岁" => FactKind::Age,
        "元" => FactKind::Amount,
        "%" => FactKind::Percent,
        "年" if (1900.0..2100.0).contains(&value) => FactKind::Year,
        "年" | "小时" | "分钟" | "天" | "周" => FactKind::Duration,
        "月" | "日" => FactKind::Date,
        "平方米" | "公里" | "公斤" | "米" | "层" => FactKind::Measure,
        _ => FactKind::Count,
    }
}

struct Scan<'a> {
    chars: &'a [char],
    pos: usize,
}

impl Scan<'_> {
    fn peek_str(&self, s: &str) -> bool {
        let n = s.chars().count();
        self.pos + n <= self.chars.len()
            && self.chars[self.pos..self.pos + n]
                .iter()
                .copied()
                .eq(s.chars())
    }
    fn take_str(&mut self, options: &[&'static str]) -> Option<&'static str> {
        let found = options.iter().find(|o| self.peek_str(o)).copied()?;
        self.pos += found.chars().count();
        Some(found)
    }
    fn take_number(&mut self) -> Option<f64> {
        let (value, end) = numerals::arabic_at(self.chars, self.pos)?;
        self.pos = end;
        Some(value)
    }
    /// `千万`, `百亿`, `万亿`, `万`: the magnitude written after a number.
    fn take_multiplier(&mut self) -> f64 {
        let small = match self.take_str(&["十", "百", "千"]) {
            Some("十") => 10.0,
            Some("百") => 100.0,
            Some("千") => 1000.0,
            _ => 1.0,
        };
        let big = match self.take_str(&["万亿", "万", "亿"]) {
            Some("万亿") => 1e12,
            Some("万") => 1e4,
            Some("亿") => 1e8,
            _ => 1.0,
        };
        if small > 1.0 && big == 1.0 && !self.peek_unit() {
            // `3千` alone before a noun is still a figure; before nothing it is not read
            return small;
        }
        small * big
    }
    fn peek_unit(&self) -> bool {
        UNITS.iter().any(|u| self.peek_str(u))
    }
}

/// Largest figure a text states: a hundred times China's yearly output in
/// yuan; a larger one (`9999999999999亿`) is a misprint or a code.
const MAX_VALUE: f64 = 1e16;

/// Most characters a fact's label takes on each side of its figure.
const LABEL_REACH: usize = 80;

/// Extracts the facts of one paragraph.
pub fn extract_facts(para_id: &str, text: &str, topic: Option<&str>) -> Vec<Fact> {
    extract_facts_in(para_id, text, topic, None)
}

/// Extracts the facts of one paragraph of a table whose unit a block before
/// declared (`单位：万元`), or that declares it itself: its bare cells are
/// figures of that unit.
pub fn extract_facts_in(
    para_id: &str,
    text: &str,
    topic: Option<&str>,
    table: Option<&TableUnit>,
) -> Vec<Fact> {
    let declared = table_units::declared(text);
    let (table, table_from) = match &declared {
        Some((unit, end)) => (Some(unit), *end),
        None => (table, 0),
    };
    let printed: Vec<char> = text.chars().collect();
    let chars = numerals::normalise(&printed);
    let mut facts = Vec::new();
    let mut anchor = Anchor::default();
    let mut i = 0;
    while i < chars.len() {
        if let Some(end) = impossible_day(&chars, i) {
            i = end; // `2月30日`: a misprint, no figure
            continue;
        }
        if in_title(&chars, i) {
            i += 1; // `《…行动计划（2022—2025年）》`: part of a document's name
            continue;
        }
        if let Some((mut fact, start, end)) = decades::decade_at(&chars, i)
            .filter(|_| starts_number(&chars, i) || !chars[i].is_ascii_digit())
        {
            fact.text = printed[start..end].iter().collect();
            fact.label = clause(&printed, start, end);
            push_fact(&mut facts, fact, para_id, topic);
            i = end;
            continue;
        }
        let found = if chars[i].is_ascii_digit() && starts_number(&chars, i) {
            ratio_figure(&chars, i).or_else(|| arabic_figure(&chars, i))
        } else if let Some(next_day) = relative_dates::following_day(&chars, i, &anchor) {
            Some(next_day)
        } else if chars[i..].starts_with(&['百', '分', '之']) {
            percent_in_words(&chars, i)
        } else if chars[i] == '半' {
            half_figure(&chars, i)
        } else if numerals::is_numeral_char(chars[i]) {
            chinese_figure(&chars, i)
        } else {
            None
        };
        let found = match (found, table) {
            (None, Some(unit)) if i >= table_from && starts_number(&chars, i) => {
                table_cell(&chars, i, unit)
            }
            (found, _) => found,
        };
        let found = found.filter(|(f, _)| sensible(f.value) && f.value_high.is_none_or(sensible));
        match found {
            Some((mut fact, end)) => {
                let start = qualifier_start(&chars, i, &mut fact);
                let start = relative_dates::place(&chars, start, &mut fact, &anchor);
                anchor.note(&fact);
                mark_rate(&chars, start, &mut fact);
                fact.text = printed[start..end].iter().collect();
                fact.label = clause(&printed, start, end);
                fact.whose = whose::whose(&printed, start, end, fact.kind == FactKind::Age);
                i = end.max(i + 1);
                push_fact(&mut facts, fact, para_id, topic);
            }
            None => i += 1,
        }
    }
    facts
}

/// Files a fact under its paragraph with the next id.
fn push_fact(facts: &mut Vec<Fact>, mut fact: Fact, para_id: &str, topic: Option<&str>) {
    fact.para = para_id.to_string();
    fact.id = format!("{para_id}-{}", facts.len() + 1);
    fact.topic = topic.map(str::to_string);
    facts.push(fact);
}

/// Figures a paragraph prints that are left out as no figure a reader can
/// trust: a day no month has (`2月30日`), a value beyond any economy
/// (`9999999999999亿元`), a malformed numeral (`十十万`); each with why.
pub fn refused_figures(text: &str) -> Vec<(String, &'static str)> {
    let printed: Vec<char> = text.chars().collect();
    let chars = numerals::normalise(&printed);
    let mut refused = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let take = |end: usize| printed[i..end].iter().collect::<String>();
        if let Some(end) = impossible_day(&chars, i) {
            refused.push((take(end), "a day that no month has"));
            i = end;
        } else if chars[i].is_ascii_digit() && starts_number(&chars, i) {
            let mut scan = Scan {
                chars: &chars,
                pos: i,
            };
            let value = scan.take_number().unwrap_or(0.0) * scan.take_multiplier();
            if !sensible(value) {
                refused.push((take(scan.pos), "a value beyond any economy"));
            }
            i = scan.pos.max(i + 1);
        } else if numerals::is_numeral_char(chars[i])
            && (i == 0 || !numerals::is_numeral_char(chars[i - 1]))
        {
            let end = (i..chars.len())
                .find(|&k| !numerals::is_numeral_char(chars[k]))
                .unwrap_or(chars.len());
            let units = chars[i..end]
                .iter()
                .filter(|c| matches!(c, '十' | '百' | '千'))
                .count();
            if end - i >= 3 && units >= 2 && numerals::chinese_at(&chars, i).is_none() {
                refused.push((take(end), "a malformed numeral"));
            }
            i = end;
        } else {
            i += 1;
        }
    }
    refused
}

/// A value a text can state: finite and within [`MAX_VALUE`].
fn sensible(value: f64) -> bool {
    value.is_finite() && value.abs() <= MAX_VALUE
}

/// A digit starts a figure unless it is part of a code or name (`5G`, `A区`, `1+3`).
fn starts_number(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).map(|k| chars[k]);
    // `—12个镇街中心`, `+3个区级市场`: a dash or plus after a word opens the
    // next item of a list; after a digit it makes a range or a formula
    let after_digit = i >= 2 && chars[i - 2].is_ascii_digit();
    !before.is_some_and(|c| {
        // a code, a part of a name, an ordinal, a place in an address (`1260号2层`)
        c.is_ascii_alphanumeric()
            || matches!(c, '.' | '-' | '〔' | '第' | '号')
            || (matches!(c, '+' | '—') && after_digit)
    })
}

fn arabic_figure(chars: &[char], i: usize) -> Option<(Fact, usize)> {
    if in_slogan(chars, i) {
        return None;
    }
    if let Some(dated) = dated_fact(chars, i) {
        return Some(dated);
    }
    let mut scan = Scan { chars, pos: i };
    let value = scan.take_number()?;
    let mut value_high = None;
    // ranges: 1—9月, 2017—2020年度
    if scan.peek_str("—") || scan.peek_str("-") || scan.peek_str("至") {
        let save = scan.pos;
        scan.pos += 1;
        match scan
            .chars
            .get(scan.pos)
            .filter(|c| c.is_ascii_digit())
            .and_then(|_| scan.take_number())
        {
            Some(high) => value_high = Some(high),
            None => scan.pos = save,
        }
    }
    // `3万余个` and `100余万元`: the qualifier may stand before or after 万/亿
    let mut after_number = scan.take_str(&["余", "多"]);
    let multiplier = scan.take_multiplier();
    if after_number.is_none() {
        after_number = scan.take_str(QUALIFIERS_AFTER);
    }
    let ascii_unit = LATIN_UNITS.iter().find(|u| scan.peek_str(u)).copied();
    if ascii_unit.is_none()
        && scan
            .chars
            .get(scan.pos)
            .is_some_and(|c| c.is_ascii_alphabetic())
    {
        return None; // 5G, 10G-PON
    }
    let unit = match ascii_unit {
        Some(u) => {
            scan.pos += u.len();
            u.to_string()
        }
        None => take_unit(&mut scan, multiplier)?,
    };
    if unit == "月" && scan.peek_str("日") || unit == "年" && scan.peek_str("代") {
        return None; // a date, read below; a decade
    }
    if unit == "年" && scan.peek_str("度") && in_quotes(chars, i, HONOUR_MAX) {
        return None; // `“2017—2020年度平安中国建设示范区”`: the name of an honour
    }
    if unit == "年" && value < 100.0 && short_year(chars, i, &scan) {
        return None; // `19年六月`, `自13年起`: a year written short, not nineteen years
    }
    let after_unit = if after_number.is_none() {
        scan.take_str(&["以上", "以下", "左右"])
    } else {
        None
    };
    let tenths = if unit == "成" { 10.0 } else { 1.0 };
    let (value, unit) = per_tenth(value * multiplier, unit);
    let value_high = value_high.map(|h| h * multiplier * tenths);
    let kind = if value_high.is_some() && matches!(unit.as_str(), "月" | "年" | "日") {
        FactKind::Period
    } else {
        kind_of(&unit, value)
    };
    let fact = Fact {
        value,
        value_high,
        unit,
        qualifier: after_number.or(after_unit).map(str::to_string),
        kind,
        ..Fact::default()
    };
    Some(date_fact(chars, i).unwrap_or((fact, scan.pos)))
}

/// Signs between the terms of a ratio: the ratio colon (`2.21∶1`), which
/// print uses for nothing else, and colons and `比`, which also write times.
const RATIO_SIGNS: &[char] = &['∶', ':', '：', '比'];

/// Words in the clause before a colon that make it a ratio (`城乡居民收入比`,
/// `三次产业占比由…`, `比例为`), and words just before it (`按1:1配套`).
const RATIO_WORDS: &[&str] = &["比"];
const RATIO_WORDS_JUST_BEFORE: &[&str] = &["按", "按照"];

/// How far before a ratio its word is read.
const RATIO_REACH: usize = 8;

/// `2.21∶1`, `1.1:50.3:48.6`, `1比1`: a ratio of two or more terms. A colon
/// between numbers is a ratio where the ratio colon is used, a word before
/// it says so, or its terms are no time of day (`8:30`, `13:30—16:30`).
fn ratio_figure(chars: &[char], i: usize) -> Option<(Fact, usize)> {
    let mut scan = Scan { chars, pos: i };
    let mut terms = vec![scan.take_number()?];
    let mut signs = Vec::new();
    let mut minutes_like = true;
    while let Some(&sign) = chars.get(scan.pos).filter(|c| RATIO_SIGNS.contains(c)) {
        if !chars.get(scan.pos + 1).is_some_and(char::is_ascii_digit) {
            break;
        }
        let from = scan.pos + 1;
        scan.pos = from;
        terms.push(scan.take_number()?);
        minutes_like &= scan.pos - from == 2 && !chars[from..scan.pos].contains(&'.');
        signs.push(sign);
    }
    if terms.len() < 2 {
        return None;
    }
    let clause_before: String = chars[i.saturating_sub(RATIO_REACH)..i].iter().collect();
    let clause_before = clause_before
        .rsplit(['，', '。', '；', '、'])
        .next()
        .unwrap_or("");
    let said = RATIO_WORDS.iter().any(|w| clause_before.contains(w))
        || RATIO_WORDS_JUST_BEFORE
            .iter()
            .any(|w| clause_before.ends_with(w));
    // `8:30`, `13:30—16:30`: hours and minutes
    let time = (minutes_like && terms[0] <= 24.0 && terms[0].fract() == 0.0)
        || chars
            .get(scan.pos)
            .is_some_and(|c| matches!(c, '—' | '-' | '～' | '~'));
    let plain_sign = signs.iter().any(|s| matches!(s, '∶' | '比'));
    if !(plain_sign || said || !time) {
        return None;
    }
    let fact = Fact {
        value: terms[0],
        terms: Some(terms),
        kind: FactKind::Ratio,
        ..Fact::default()
    };
    Some((fact, scan.pos))
}

/// What may follow a table's cell: the next cell or the row's end.
fn ends_cell(c: Option<&char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || matches!(c, '|' | '，' | '、' | '；' | ',' | '）' | ')'))
}

/// A number printed bare in a table whose unit was declared (`1200` under
/// `单位：万元`); a whole number that could be a year heads a column instead.
fn table_cell(chars: &[char], i: usize, table: &TableUnit) -> Option<(Fact, usize)> {
    if !chars[i].is_ascii_digit() {
        return None;
    }
    // cells are parted by spaces, so a space groups no thousands here
    let cell_end = (i..chars.len())
        .find(|&k| chars[k].is_whitespace())
        .unwrap_or(chars.len());
    let (value, end) = numerals::arabic_at(&chars[..cell_end], i)?;
    if !ends_cell(chars.get(end)) || (value.fract() == 0.0 && (1900.0..=2100.0).contains(&value)) {
        return None;
    }
    let value = value * table.multiplier;
    let fact = Fact {
        value,
        unit: table.unit.clone(),
        kind: kind_of(&table.unit, value),
        ..Fact::default()
    };
    Some((fact, end))
}

/// The unit after a number: a percent sign, a counter, or none where a
/// magnitude stands for the noun (`17.6万老年人`).
fn take_unit(scan: &mut Scan, multiplier: f64) -> Option<String> {
    if scan.peek_str("%") || scan.peek_str("‰") {
        let sign = scan.chars[scan.pos];
        scan.pos += 1;
        return Some(sign.to_string());
    }
    match take_counter(scan) {
        Some(u) => Some(u.to_string()),
        None if multiplier > 1.0 => Some(String::new()),
        None => None,
    }
}

/// A counter of [`UNITS`] at the scan, unless it begins another word.
fn take_counter(scan: &mut Scan) -> Option<&'static str> {
    let save = scan.pos;
    let unit = scan.take_str(UNITS)?;
    let next = scan.chars.get(scan.pos).copied();
    let begins_word = COUNTER_NOT_BEFORE
        .iter()
        .any(|(u, after)| *u == unit && next.is_some_and(|c| after.contains(c)));
    if begins_word {
        scan.pos = save;
        return None;
    }
    Some(unit)
}

/// `19年六月`, `自13年起`, `19年是…`: a two-digit year as Taiwanese and
/// Hong Kong print writes years — a month after it, a word of a point in
/// time after it (`起 底 初 中 是 度`), or `自 從 於` before it.
fn short_year(chars: &[char], i: usize, scan: &Scan) -> bool {
    let rest = &scan.chars[scan.pos..];
    let digits = rest
        .iter()
        .take_while(|c| c.is_ascii_digit() || numerals::is_numeral_char(**c))
        .count();
    let month = digits > 0 && rest.get(digits) == Some(&'月');
    let point_after = rest
        .first()
        .is_some_and(|c| "起底初中是度时時".contains(*c));
    let from_before = i > 0 && "自從从於于".contains(chars[i - 1]);
    month || point_after || from_before
}

/// `3成` is 30%: tenths read as percent.
fn per_tenth(value: f64, unit: String) -> (f64, String) {
    if unit == "成" {
        (value * 10.0, "%".into())
    } else {
        (value, unit)
    }
}

/// Where a day that no month has (`2月30日`, `4月31日`) ends.
fn impossible_day(chars: &[char], i: usize) -> Option<usize> {
    if !chars[i].is_ascii_digit() || !starts_number(chars, i) {
        return None;
    }
    let (month, day, end) = month_day_at(chars, i)?;
    let real = (1.0..=12.0).contains(&month)
        && (1.0..=31.0).contains(&day)
        && crate::content::date::Date::new(2000, Some(month as u8), Some(day as u8)).is_some();
    (!real).then_some(end)
}

/// `3月2日` at `i`: its month, its day, and where it ends.
fn month_day_at(chars: &[char], i: usize) -> Option<(f64, f64, usize)> {
    let mut scan = Scan { chars, pos: i };
    let month = scan.take_number()?;
    scan.take_str(&["月"])?;
    let day = scan.take_number()?;
    scan.take_str(&["日"])?;
    Some((month, day, scan.pos))
}

/// `2022年10月`, `2023年1月8日`: a month or a day with its year, one date
/// (`年月`: value `202210`; `年月日`: value `20230108`).
fn dated_fact(chars: &[char], i: usize) -> Option<(Fact, usize)> {
    let mut scan = Scan { chars, pos: i };
    let year = scan.take_number()?;
    scan.take_str(&["年"])?;
    while scan.chars.get(scan.pos) == Some(&' ') {
        scan.pos += 1;
    }
    if !(1900.0..2100.0).contains(&year) || !scan.chars.get(scan.pos)?.is_ascii_digit() {
        return None;
    }
    let month = scan.take_number()?;
    scan.take_str(&["月"])?;
    let before_day = scan.pos;
    while scan.chars.get(scan.pos) == Some(&' ') {
        scan.pos += 1;
    }
    let day = scan
        .take_number()
        .filter(|_| scan.take_str(&["日"]).is_some());
    let (y, m) = (year as u16, u8::try_from(month as u32).ok()?);
    let (value, unit) = match day {
        Some(d) => {
            crate::content::date::Date::new(y, Some(m), Some(u8::try_from(d as u32).ok()?))?;
            (year * 10_000.0 + month * 100.0 + d, "年月日")
        }
        None => {
            crate::content::date::Date::new(y, Some(m), None)?;
            scan.pos = before_day;
            (year * 100.0 + month, "年月")
        }
    };
    let fact = Fact {
        value,
        unit: unit.into(),
        kind: FactKind::Date,
        ..Fact::default()
    };
    Some((fact, scan.pos))
}

/// `3月2日`, `12月15日` as dates.
fn date_fact(chars: &[char], i: usize) -> Option<(Fact, usize)> {
    let (month, day, end) = month_day_at(chars, i)?;
    ((1.0..=12.0).contains(&month) && (1.0..=31.0).contains(&day)).then(|| {
        let fact = Fact {
            value: month * 100.0 + day,
            unit: "月日".into(),
            kind: FactKind::Date,
            ..Fact::default()
        };
        (fact, end)
    })
}

/// `半小时`, `半个月`, `半年`: half a unit of time.
fn half_figure(chars: &[char], i: usize) -> Option<(Fact, usize)> {
    let before = i.checked_sub(1).map(|k| chars[k]);
    if before.is_some_and(|c| {
        numerals::is_numeral_char(c) || matches!(c, '个' | '多' | '大' | '一' | '上' | '下')
    }) {
        // `一个半小时` is one and a half; `一半` is a share; `上半年` a period
        return None;
    }
    let mut scan = Scan { chars, pos: i + 1 };
    let unit = match scan.take_str(&["个小时", "小时", "个月", "年", "天", "月"])? {
        "个小时" => "小时",
        "月" => "个月",
        u => u,
    };
    let fact = Fact {
        value: 0.5,
        unit: unit.to_string(),
        kind: FactKind::Duration,
        ..Fact::default()
    };
    Some((fact, scan.pos))
}

/// Inside the name of a document or work (`《…（2022—2025年）》`): an opening
/// `《` before `i` on the same stretch, not yet closed.
fn in_title(chars: &[char], i: usize) -> bool {
    chars[..i]
        .iter()
        .rev()
        .take(TITLE_REACH)
        .find(|c| matches!(c, '《' | '》' | '。'))
        .is_some_and(|c| *c == '《')
}

/// Longest stretch back to an opening `《` that a title is read over.
const TITLE_REACH: usize = 60;

/// `百分之三十`, `百分之5`: a percentage written out.
fn percent_in_words(chars: &[char], i: usize) -> Option<(Fact, usize)> {
    let at = i + 3;
    let (value, end) = match chars.get(at) {
        Some(c) if c.is_ascii_digit() => numerals::arabic_at(chars, at)?,
        _ => {
            let n = numerals::chinese_at(chars, at)?;
            (n.value, n.end)
        }
    };
    let fact = Fact {
        value,
        unit: "%".into(),
        kind: FactKind::Percent,
        ..Fact::default()
    };
    Some((fact, end))
}

/// A figure in Chinese numerals (`十五萬名`, `卅六億元`, `八成`, `百场`),
/// counted only with a counter after it, or with a magnitude before a noun.
fn chinese_figure(chars: &[char], i: usize) -> Option<(Fact, usize)> {
    let before = i.checked_sub(1).map(|k| chars[k]);
    if before.is_some_and(|c| {
        numerals::is_numeral_char(c) || c.is_ascii_digit() || NOT_AFTER_NUMERAL.contains(&c)
    }) {
        return None;
    }
    let n = numerals::chinese_at(chars, i)?;
    let mut scan = Scan { chars, pos: n.end };
    if ORDINAL_BEFORE.iter().any(|o| scan.peek_str(o)) {
        return None;
    }
    if n.digit_by_digit && (scan.peek_str("年") || n.end - i < 3) {
        return None; // a year (`一八四一年`) or an idiom (`三五成群`)
    }
    let qualifier = n
        .qualifier
        .map(|q| q.to_string())
        .or_else(|| scan.take_str(&["余", "多"]).map(str::to_string));
    let lone_one = n.end - i == 1 && chars[i] == '一';
    let phrase = ONE_PHRASES
        .iter()
        .any(|p| chars[i..].starts_with(&p.chars().collect::<Vec<_>>()));
    if lone_one && (phrase || !ONE_COUNTERS.iter().any(|c| scan.peek_str(c))) {
        return None;
    }
    let bare = n.end - i == 1 && matches!(chars[i], '百' | '千' | '万' | '亿');
    // `百余人`: a magnitude with a qualifier counts whatever follows
    if bare && qualifier.is_none() && !BARE_MAGNITUDE_COUNTERS.iter().any(|c| scan.peek_str(c)) {
        return None;
    }
    if in_slogan(chars, i)
        || FORMULATIONS
            .iter()
            .any(|f| chars[i..].starts_with(&f.chars().collect::<Vec<_>>()))
    {
        return None;
    }
    let unit = match take_counter(&mut scan).or_else(|| scan.take_str(CHINESE_NUMERAL_COUNTERS)) {
        Some(u) => u.to_string(),
        None if n.has_multiplier
            && scan
                .chars
                .get(scan.pos)
                .is_some_and(|c| super::text::is_han(*c)) =>
        {
            String::new()
        }
        None => return None,
    };
    if unit == "年" && scan.peek_str("代") || unit == "大" && n.value > 10.0 || unit == "月" {
        // a decade; a congress (`二十大`), not ten things; a month's name (`六月`)
        return None;
    }
    let after = if qualifier.is_none() {
        scan.take_str(&["以上", "以下", "左右"]).map(str::to_string)
    } else {
        None
    };
    let (value, unit) = per_tenth(n.value, unit);
    let fact = Fact {
        value,
        kind: kind_of(&unit, value),
        unit,
        qualifier: qualifier.or(after),
        ..Fact::default()
    };
    Some((fact, scan.pos))
}

/// `“五个一批”`, `“上面千条线、街道一张网”`, `“15分钟高品质生活服务圈”`: a
/// number inside a short span in quotation marks is part of a slogan or a
/// programme's name.
fn in_slogan(chars: &[char], i: usize) -> bool {
    in_quotes(chars, i, SLOGAN_MAX)
}

/// Longest honour named in quotation marks (`“2017—2020年度平安中国建设示范区”`).
const HONOUR_MAX: usize = 30;

/// Inside a span in quotation marks of at most `max` characters.
fn in_quotes(chars: &[char], i: usize, max: usize) -> bool {
    let open = chars[..i]
        .iter()
        .rev()
        .take(max)
        .position(|c| matches!(c, '“' | '「' | '”' | '」' | '。'))
        .map(|k| i - 1 - k)
        .filter(|&k| matches!(chars[k], '“' | '「'));
    let Some(open) = open else {
        return false;
    };
    chars[i..]
        .iter()
        .take(max)
        .position(|c| matches!(c, '”' | '」' | '“' | '「' | '。'))
        .map(|k| i + k)
        .is_some_and(|close| matches!(chars[close], '”' | '」') && close - open <= max)
}

/// Words before a figure that make it a rate, longest first (`每万人拥有…`).
const RATE_BASES: &[&str] = &[
    "每十万人",
    "每万人口",
    "每千人口",
    "每万人",
    "每千人",
    "每百人",
    "每百户",
    "每千名",
    "人均",
    "户均",
];

/// How far before a figure a rate's base is read (`每万人拥有5G基站24.88个`).
const RATE_REACH: usize = 12;

/// Marks a figure stated per so many people as a rate, with its base.
fn mark_rate(chars: &[char], start: usize, fact: &mut Fact) {
    if !matches!(
        fact.kind,
        FactKind::Count | FactKind::Measure | FactKind::Amount
    ) {
        return;
    }
    let from = start.saturating_sub(RATE_REACH);
    let before: String = chars[from..start].iter().collect();
    // the base in the same clause as the figure
    let clause = before.rsplit(['，', '。', '；', '、']).next().unwrap_or("");
    if let Some(base) = RATE_BASES.iter().find(|b| clause.contains(**b)) {
        fact.kind = FactKind::Rate;
        fact.per = Some(base.to_string());
    }
}

/// Moves the start back over a qualifier printed before the number (`超过50%`).
/// `近` before years or months is no qualifier: `近两年` is the past two years.
fn qualifier_start(chars: &[char], i: usize, fact: &mut Fact) -> usize {
    for q in QUALIFIERS_BEFORE {
        if *q == "近" && matches!(fact.unit.as_str(), "年" | "个月") {
            continue;
        }
        if crate::chars::ends_with_at(chars, i, q) {
            if fact.qualifier.is_none() {
                fact.qualifier = Some(q.to_string());
            }
            return i - q.chars().count();
        }
    }
    i
}

/// The clause around a figure: from the previous to the next clause mark.
fn clause(chars: &[char], start: usize, end: usize) -> String {
    let is_mark = |c: &char| matches!(c, '，' | '。' | '；' | '：' | '！' | '？' | '\n');
    // a clause that runs on without punctuation is cut to a phrase around the figure
    let reach_back = start.saturating_sub(LABEL_REACH);
    let reach_on = (end + LABEL_REACH).min(chars.len());
    let from = chars[reach_back..start]
        .iter()
        .rposition(is_mark)
        .map_or(reach_back, |p| reach_back + p + 1);
    let mut to = chars[end..reach_on]
        .iter()
        .position(is_mark)
        .map_or(reach_on, |p| end + p);
    // a clause that is the figure alone (`1月3日，…`) says nothing of what the
    // figure marks: the label runs on to the end of the next clause
    let said = chars[from..to]
        .iter()
        .filter(|c| crate::chars::is_han(**c))
        .count()
        .saturating_sub(
            chars[start..end]
                .iter()
                .filter(|c| crate::chars::is_han(**c))
                .count(),
        );
    if said < 2 && to < reach_on {
        to = chars[to + 1..reach_on]
            .iter()
            .position(is_mark)
            .map_or(reach_on, |p| to + 1 + p);
    }
    chars[from..to]
        .iter()
        .collect::<String>()
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Fact {
        let facts = extract_facts("p1", text, None);
        assert_eq!(facts.len(), 1, "{text}: {facts:?}");
        facts.into_iter().next().unwrap()
    }

    #[test]
    fn multipliers_and_units() {
        let f = one("为17.6万老年人建立动态档案");
        assert_eq!(
            (f.value, f.unit.as_str(), f.text.as_str()),
            (176_000.0, "", "17.6万")
        );
        let f = one("发放就业补贴1.81亿元，");
        assert_eq!(
            (f.value, f.unit.as_str(), f.kind.as_str()),
            (181_000_000.0, "元", "amount")
        );
        let f = one("共计发放补贴634.41万元。");
        assert!((f.value - 6_344_100.0).abs() < 0.01);
    }

    #[test]
    fn qualifiers() {
        let f = one("提供了100余万元的资金支持");
        assert_eq!(
            (
                f.value,
                f.qualifier.as_deref(),
                f.unit.as_str(),
                f.text.as_str()
            ),
            (1_000_000.0, Some("余"), "元", "100余万元")
        );
        let f = one("吸引1400余家企业参与");
        assert_eq!(
            (f.value, f.qualifier.as_deref(), f.unit.as_str()),
            (1400.0, Some("余"), "家")
        );
        let f = one("公办园在园幼儿比例超过50%");
        assert_eq!(
            (f.value, f.qualifier.as_deref(), f.unit.as_str()),
            (50.0, Some("超过"), "%")
        );
        let f = one("力争增设电梯30台以上");
        assert_eq!(
            (f.qualifier.as_deref(), f.text.as_str()),
            (Some("以上"), "30台以上")
        );
        let f = one("投诉由去年的100多起下降为零");
        assert_eq!(
            (f.value, f.qualifier.as_deref(), f.unit.as_str()),
            (100.0, Some("多"), "起")
        );
        let f = one("日接待游客超万人次");
        assert_eq!(
            (f.value, f.qualifier.as_deref(), f.unit.as_str()),
            (10_000.0, Some("超"), "人次")
        );
    }

    #[test]
    fn periods_dates_and_chinese_numerals() {
        let f = one("1—9月，共新增普惠性幼儿园");
        assert_eq!(
            (f.kind.as_str(), f.value, f.value_high),
            ("period", 1.0, Some(9.0))
        );
        let f = one("3月2日，培训会举行");
        assert_eq!((f.kind.as_str(), f.text.as_str()), ("date", "3月2日"));
        let facts = extract_facts("p1", "江北区2022年十大区级重点民生实事", None);
        assert_eq!(facts.len(), 2, "{facts:?}");
        assert_eq!(
            (facts[0].kind.as_str(), facts[0].text.as_str()),
            ("year", "2022年")
        );
        assert_eq!(
            (
                facts[1].value,
                facts[1].unit.as_str(),
                facts[1].text.as_str()
            ),
            (10.0, "大", "十大")
        );
    }

    #[test]
    fn chinese_numerals_traditional_forms_and_separators() {
        let cases: &[(&str, f64, &str)] = &[
            ("撥款卅六億元，", 3.6e9, "元"),
            ("約十五萬名顧客", 150_000.0, "名"),
            ("超過四成的人", 40.0, "%"),
            ("有6成來自", 60.0, "%"),
            ("佔百分之三十", 30.0, "%"),
            ("上升一点二个百分点", 1.2, "个百分点"),
            ("共12 621宗", 12_621.0, "宗"),
            ("共１２,６２１宗", 12_621.0, "宗"),
            ("每月3千萬次攻擊", 3e7, "次"),
            ("国内生产总值126万亿元", 1.26e14, "元"),
            ("开发万个就业岗位", 10_000.0, "个"),
            ("百余人参加", 100.0, "人"),
            ("两栋高楼", 2.0, "栋"),
        ];
        for (text, value, unit) in cases {
            let f = one(text);
            assert!(
                (f.value - value).abs() < 1e-6 * value && f.unit == *unit,
                "{text}: {f:?}"
            );
        }
        let f = one("截至2022年10月评选时间节点");
        assert_eq!(
            (f.text.as_str(), f.value, f.unit.as_str()),
            ("2022年10月", 202_210.0, "年月")
        );
        let f = one("2023年 2月 27日星期三");
        assert_eq!((f.value, f.unit.as_str()), (20_230_227.0, "年月日"));
        let f = one("去年12月15日，江北区被授牌");
        assert_eq!(
            (f.text.as_str(), f.relative.as_deref()),
            ("去年12月15日", Some("去年"))
        );
        let f = one("自今年5月建成以来");
        assert_eq!(
            (f.text.as_str(), f.relative.as_deref()),
            ("今年5月", Some("今年"))
        );
        for (text, value, unit) in [
            ("只要半个小时就能办完", 0.5, "小时"),
            ("节省近一个月", 1.0, "个月"),
            ("提前一年", 1.0, "年"),
            ("—12个镇街中心", 12.0, "个"),
            ("+3个区级市场", 3.0, "个"),
            ("速率500Mbps及以上", 500.0, "Mbps"),
        ] {
            let f = one(text);
            assert_eq!((f.value, f.unit.as_str()), (value, unit), "{text}");
        }
        let f = one("每万人拥有5G基站24.88个");
        assert_eq!((f.kind, f.per.as_deref()), (FactKind::Rate, Some("每万人")));
        let f = one("为60岁以上老人体检");
        assert_eq!(
            (f.kind, f.qualifier.as_deref()),
            (FactKind::Age, Some("以上"))
        );
        let f = one("1月3日，三洞社区城市书房内温暖如春。");
        assert_eq!(f.label, "1月3日，三洞社区城市书房内温暖如春");
        let f = one("尤其是近两年");
        assert_eq!((f.text.as_str(), f.qualifier), ("两年", None));
        let f = one("收入将突破500亿元");
        assert_eq!(f.qualifier.as_deref(), Some("将突破"));
        assert_eq!(f.text, "将突破500亿元");
    }

    #[test]
    fn ordinals_names_slogans_and_short_years_are_not_figures() {
        for text in [
            "区委十三届四次全会举行",
            "党的十八大以来",
            "落实中央八项规定精神",
            "开展“五个一批”整治行动",
            "打造“15分钟高品质生活服务圈”",
            "解放軍61398部隊",
            "东兰路1260号2层",
            "公布19年六月的統計數字",
            "自13年起",
            "三五成群",
            "但几十年过去",
            "区十三次党代会",
            "国企改革三年行动",
            "一个重要举措",
            "千家万户",
            "一八四一年",
            "出台《江北区支持软件和信息服务业发展十条措施（试行）》",
            "被授牌命名为“2017—2020年度平安中国建设示范区”",
            "一年一度的读书节",
            "上半年，下半年",
            "5G基站",
        ] {
            let facts = extract_facts("p1", text, None);
            assert!(facts.is_empty(), "{text}: {facts:?}");
        }
        // a malformed numeral, a figure beyond any economy, a day no month
        // has: no figure, and no nonsense value
        for text in ["十十万人", "9999999999999亿元", "2月30日举行", "4月31日"] {
            let facts = extract_facts("p1", text, None);
            assert!(facts.is_empty(), "{text}: {facts:?}");
        }
    }

    #[test]
    fn refused_figures_are_named_with_why() {
        let refused =
            refused_figures("2月30日举行，投入9999999999999亿元，惠及十十万人，新增床位300张。");
        let texts: Vec<&str> = refused.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            ["2月30日", "9999999999999亿", "十十万"],
            "{refused:?}"
        );
        assert!(refused_figures("新增床位300张，惠及十五万人。").is_empty());
    }

    #[test]
    fn codes_are_not_figures() {
        assert!(extract_facts("p1", "以5G和千兆光网为代表，轨道9号线", None).is_empty());
        assert!(extract_facts("p1", "学习贯彻党的二十大精神", None).is_empty());
    }

    #[test]
    fn ratios_are_read_and_times_of_day_are_not() {
        let f = one("城乡居民收入比缩小到2.21∶1");
        assert_eq!(
            (f.kind, f.terms.clone()),
            (FactKind::Ratio, Some(vec![2.21, 1.0]))
        );
        assert_eq!(f.text, "2.21∶1");
        let facts = extract_facts(
            "p1",
            "三次产业投资占比由去年同期的1.1:50.3:48.6调整为0.7:50.7:48.6",
            None,
        );
        let terms: Vec<_> = facts.iter().map(|f| f.terms.clone()).collect();
        assert_eq!(
            terms,
            [Some(vec![1.1, 50.3, 48.6]), Some(vec![0.7, 50.7, 48.6])]
        );
        assert_eq!(one("区财政按1:1比例配套资金").terms, Some(vec![1.0, 1.0]));
        assert_eq!(one("师生比达到1比11").terms, Some(vec![1.0, 11.0]));
        for text in [
            "门诊时间：周一到周五 8:00—11:30，13:30—16:30",
            "2023-07-25 13:11，正文",
            "20260618 19:00",
            "每天9:30开馆",
        ] {
            assert!(extract_facts("p1", text, None).is_empty(), "{text}");
        }
    }
}
