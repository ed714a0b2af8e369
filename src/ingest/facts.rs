//! Fact extraction: every figure the text states with a unit or counted noun —
//! amounts with 万/亿 multipliers, qualifiers (余, 多, 超, 近, 约, 以上 …),
//! percentages, ranges, periods, counting Chinese numerals and dates.

use crate::content::model::{Fact, FactKind};

/// Units and counted nouns, longest first so that `人次` wins over `人`.
const UNITS: &[&str] = &[
    "平方米",
    "公里",
    "公斤",
    "小时",
    "分钟",
    "人次",
    "场次",
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
    "年",
    "月",
    "日",
];

const QUALIFIERS_BEFORE: &[&str] = &["超过", "不少于", "超", "近", "约", "逾"];
const QUALIFIERS_AFTER: &[&str] = &["以上", "以下", "左右", "余", "多"];

/// Chinese numerals counted as figures only before these counters (`十大`, `两个`).
const CHINESE_COUNTERS: &[char] = &['大', '个', '项', '条', '件', '支', '家', '所'];

fn chinese_digit(c: char) -> Option<f64> {
    Some(match c {
        '两' => 2.0,
        '三' => 3.0,
        '四' => 4.0,
        '五' => 5.0,
        '六' => 6.0,
        '七' => 7.0,
        '八' => 8.0,
        '九' => 9.0,
        '十' => 10.0,
        _ => return None,
    })
}

/// Classifies a unit into the kind of figure it makes.
pub fn kind_of(unit: &str, value: f64) -> FactKind {
    match unit {
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
        let start = self.pos;
        while self.pos < self.chars.len()
            && (self.chars[self.pos].is_ascii_digit() || self.chars[self.pos] == '.')
        {
            self.pos += 1;
        }
        let text: String = self.chars[start..self.pos].iter().collect();
        let text = text.trim_end_matches('.');
        self.pos = start + text.chars().count();
        // a run of more digits than a double holds exactly is a code, not a figure
        let digits = text.chars().filter(char::is_ascii_digit).count();
        (digits <= MAX_DIGITS).then(|| text.parse().ok()).flatten()
    }
}

/// Most characters a fact's label takes on each side of its figure.
const LABEL_REACH: usize = 80;

/// Most digits a figure has (a double holds 15 exactly).
const MAX_DIGITS: usize = 15;

/// Extracts the facts of one paragraph.
pub fn extract_facts(para_id: &str, text: &str, topic: Option<&str>) -> Vec<Fact> {
    let chars: Vec<char> = text.chars().collect();
    let mut facts = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let found = if chars[i].is_ascii_digit() && starts_number(&chars, i) {
            arabic_figure(&chars, i)
        } else if let Some(v) = chinese_digit(chars[i]) {
            chinese_figure(&chars, i, v)
        } else if chars[i] == '万' && i > 0 && ['超', '近', '上'].contains(&chars[i - 1]) {
            arabic_like_wan(&chars, i)
        } else {
            None
        };
        match found.filter(|f| f.value.is_finite() && f.value_high.is_none_or(f64::is_finite)) {
            Some(mut fact) => {
                let start = qualifier_start(&chars, i, &mut fact);
                let end = fact_end(&chars, i, &fact);
                fact.text = chars[start..end].iter().collect();
                fact.label = clause(&chars, start, end);
                fact.para = para_id.to_string();
                fact.id = format!("{para_id}-{}", facts.len() + 1);
                fact.topic = topic.map(str::to_string);
                i = end.max(i + 1);
                facts.push(fact);
            }
            None => i += 1,
        }
    }
    facts
}

/// A digit starts a figure unless it is part of a code or name (`5G`, `A区`, `1+3`).
fn starts_number(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).map(|k| chars[k]);
    !before.is_some_and(|c| {
        c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '＋' | '-' | '—' | '〔')
    })
}

fn arabic_figure(chars: &[char], i: usize) -> Option<Fact> {
    let mut scan = Scan { chars, pos: i };
    let mut value = scan.take_number()?;
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
    let mut multiplier = 1.0;
    if let Some(m) = scan.take_str(&["万", "亿"]) {
        multiplier = if m == "万" { 1e4 } else { 1e8 };
    }
    if after_number.is_none() {
        after_number = scan.take_str(QUALIFIERS_AFTER);
    }
    if scan
        .chars
        .get(scan.pos)
        .is_some_and(|c| c.is_ascii_alphabetic())
    {
        return None; // 5G, 500Mbps
    }
    let unit = if scan.peek_str("%") || scan.peek_str("％") {
        scan.pos += 1;
        Some("%")
    } else {
        scan.take_str(UNITS)
    };
    let unit = match unit {
        Some(u) => u.to_string(),
        None if multiplier > 1.0 => String::new(),
        None => return None,
    };
    if unit == "月" && scan.peek_str("日") {
        return None; // handled as a date below
    }
    if unit == "年" && scan.peek_str("代") {
        return None;
    }
    let after_unit = if after_number.is_none() {
        scan.take_str(&["以上", "以下", "左右"])
    } else {
        None
    };
    value *= multiplier;
    let value_high = value_high.map(|h| h * multiplier);
    let kind = if value_high.is_some() && matches!(unit.as_str(), "月" | "年" | "日") {
        FactKind::Period
    } else {
        kind_of(&unit, value)
    };
    Some(Fact {
        value,
        value_high,
        unit,
        qualifier: after_number.or(after_unit).map(str::to_string),
        kind,
        ..Fact::default()
    })
    .map(|f| date_fact(chars, i).unwrap_or(f))
}

/// `3月2日`, `12月15日` as dates.
fn date_fact(chars: &[char], i: usize) -> Option<Fact> {
    let mut scan = Scan { chars, pos: i };
    let month = scan.take_number()?;
    scan.take_str(&["月"])?;
    let day = scan.take_number()?;
    scan.take_str(&["日"])?;
    ((1.0..=12.0).contains(&month) && (1.0..=31.0).contains(&day)).then(|| Fact {
        value: month * 100.0 + day,
        unit: "月日".into(),
        kind: FactKind::Date,
        ..Fact::default()
    })
}

fn chinese_figure(chars: &[char], i: usize, value: f64) -> Option<Fact> {
    let before = i.checked_sub(1).map(|k| chars[k]);
    if before.is_some_and(|c| {
        chinese_digit(c).is_some() || matches!(c, '一' | '二' | '零' | '百' | '千' | '第')
    }) {
        return None;
    }
    let counter = *chars.get(i + 1)?;
    let after = chars.get(i + 2).copied();
    (CHINESE_COUNTERS.contains(&counter) && after.is_some_and(super::text::is_han)).then(|| Fact {
        value,
        unit: counter.to_string(),
        kind: FactKind::Count,
        ..Fact::default()
    })
}

/// `超万人次`: 万 standing alone for ten thousand.
fn arabic_like_wan(chars: &[char], i: usize) -> Option<Fact> {
    let scan = Scan { chars, pos: i + 1 };
    let unit = UNITS.iter().find(|u| scan.peek_str(u))?;
    Some(Fact {
        value: 1e4,
        unit: unit.to_string(),
        kind: kind_of(unit, 1e4),
        ..Fact::default()
    })
}

/// Moves the start back over a qualifier printed before the number (`超过50%`).
fn qualifier_start(chars: &[char], i: usize, fact: &mut Fact) -> usize {
    for q in QUALIFIERS_BEFORE {
        let n = q.chars().count();
        if i >= n && chars[i - n..i].iter().copied().eq(q.chars()) {
            if fact.qualifier.is_none() {
                fact.qualifier = Some(q.to_string());
            }
            return i - n;
        }
    }
    i
}

/// End of the figure as printed: number, multiplier, qualifier and unit.
fn fact_end(chars: &[char], start: usize, fact: &Fact) -> usize {
    let mut end = start;
    let allowed = |c: char| {
        c.is_ascii_digit()
            || matches!(
                c,
                '.' | '%'
                    | '％'
                    | '万'
                    | '亿'
                    | '—'
                    | '-'
                    | '至'
                    | '余'
                    | '多'
                    | '超'
                    | '近'
                    | '约'
                    | '逾'
                    | '过'
            )
            || chinese_digit(c).is_some()
    };
    while end < chars.len() && allowed(chars[end]) {
        end += 1;
    }
    let rest: String = chars[end..].iter().take(4).collect();
    if fact.kind == FactKind::Date {
        // 3月2日
        let mut e = start;
        while e < chars.len() && (chars[e].is_ascii_digit() || chars[e] == '月' || chars[e] == '日')
        {
            e += 1;
        }
        return e;
    }
    if !fact.unit.is_empty() && fact.unit != "%" && rest.starts_with(fact.unit.as_str()) {
        end += fact.unit.chars().count();
    } else if fact.unit != "%" && !fact.unit.is_empty() {
        // the counter directly after a Chinese numeral
        if chars.get(end).is_some_and(|c| fact.unit.starts_with(*c)) {
            end += fact.unit.chars().count();
        }
    }
    for q in ["以上", "以下", "左右"] {
        if fact.qualifier.as_deref() == Some(q)
            && chars[end..].iter().take(2).copied().eq(q.chars())
        {
            end += 2;
        }
    }
    end
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
    let to = chars[end..reach_on]
        .iter()
        .position(is_mark)
        .map_or(reach_on, |p| end + p);
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
    fn codes_are_not_figures() {
        assert!(extract_facts("p1", "以5G和千兆光网为代表，轨道9号线", None).is_empty());
        assert!(extract_facts("p1", "学习贯彻党的二十大精神", None).is_empty());
    }
}
