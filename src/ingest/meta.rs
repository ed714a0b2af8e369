//! Article metadata inferred from the text: district, year and topics.

use crate::content::taxonomy::DISTRICTS;
#[cfg(doc)]
use crate::content::taxonomy::TOPIC_KEYS;

/// The district a text is about: the one it names clearly most often (the
/// full name counts double, the short form once). A text that names a
/// district only in passing, or several alike (a municipal, provincial or
/// national report), is about none.
pub fn infer_district(text: &str) -> Option<String> {
    let mut scores: Vec<(&str, usize)> = DISTRICTS
        .iter()
        .map(|(full, _)| (*full, district_score(text, full)))
        .filter(|(_, n)| *n > 0)
        .collect();
    scores.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let (best, score) = *scores.first()?;
    let second = scores.get(1).map_or(0, |(_, n)| *n);
    (score >= DISTRICT_MIN_SCORE && score >= 2 * second).then(|| best.to_string())
}

/// The district a headline names, if it names one.
pub fn district_in_headline(title: &str) -> Option<String> {
    DISTRICTS
        .iter()
        .find(|(full, _)| district_score(title, full) > 0)
        .map(|(full, _)| full.to_string())
}

/// Fewest mentions that make a district what a text is about: the full
/// name twice, or the full name and the short form once each (`江北区`…
/// `江北`), not a single passing mention.
const DISTRICT_MIN_SCORE: usize = 3;

fn district_score(text: &str, full: &str) -> usize {
    let short = full.trim_end_matches(['区', '县']);
    let full_count = text.matches(full).count();
    let short_count = if short.chars().count() >= 2 {
        text.matches(short).count()
    } else {
        0
    };
    full_count * 2 + short_count
}

/// Words that signal each of the site's topics ([`TOPIC_KEYS`]).
pub const TOPIC_WORDS: &[(&str, &[&str])] = &[
    (
        "elderly-care",
        &[
            "养老", "老年", "老人", "助老", "适老", "高龄", "助餐", "孤老", "独居",
        ],
    ),
    (
        "employment",
        &[
            "就业", "招聘", "岗位", "零工", "用工", "创业", "技能", "职业",
        ],
    ),
    (
        "education",
        &[
            "教育",
            "学校",
            "幼儿园",
            "学位",
            "学生",
            "小学",
            "托育",
            "科普",
            "课程",
        ],
    ),
    (
        "health",
        &[
            "医疗", "医院", "医生", "健康", "卫生", "心理", "医保", "医检", "抗原", "康复",
        ],
    ),
    (
        "housing",
        &[
            "老旧小区",
            "电梯",
            "改造",
            "城市更新",
            "物业",
            "旧城",
            "公园",
            "绿道",
            "步道",
            "征收",
            "拆除",
            "人居",
        ],
    ),
    (
        "culture",
        &[
            "文化",
            "图书馆",
            "书房",
            "阅读",
            "文创",
            "非遗",
            "文体",
            "读书",
        ],
    ),
    (
        "governance",
        &[
            "治理",
            "网格",
            "矛盾",
            "业委会",
            "党建",
            "枫桥",
            "平安",
            "全会",
            "人大",
            "党委",
            "党工委",
        ],
    ),
    (
        "business",
        &[
            "营商环境",
            "企业",
            "商会",
            "软件",
            "产业",
            "金融",
            "千兆",
            "经济",
        ],
    ),
    (
        "transport",
        &[
            "交通", "出行", "公交", "轨道", "地铁", "停车", "春运", "道路", "拥堵", "路灯",
        ],
    ),
];

fn topic_scores(text: &str) -> Vec<(&'static str, usize)> {
    let mut scores: Vec<(&str, usize)> = TOPIC_WORDS
        .iter()
        .map(|(key, words)| (*key, words.iter().map(|w| text.matches(w).count()).sum()))
        .filter(|(_, n)| *n > 0)
        .collect();
    scores.sort_by_key(|s| std::cmp::Reverse(s.1));
    scores
}

/// Topics of an article: those whose signal words occur at least a third as
/// often as the strongest topic's, and at least three times; at most four.
pub fn infer_topics(text: &str) -> Vec<String> {
    let scores = topic_scores(text);
    let Some(&(_, top)) = scores.first() else {
        return Vec::new();
    };
    scores
        .iter()
        .filter(|(_, n)| *n >= 3.max(top / 3) || *n == top)
        .take(4)
        .map(|(k, _)| k.to_string())
        .collect()
}

/// The single strongest topic of a short text such as a paragraph.
pub fn main_topic(text: &str) -> Option<String> {
    topic_scores(text).first().map(|(k, _)| k.to_string())
}

/// Publication year of a page: the latest year the page names as a plain year
/// (not a range end, a `年度` label or a target `到…年`). When the page also
/// speaks of `今年` (this year) without naming it, a year is only taken if it
/// is named in the same sentence as `以来`, `截至` or `目前`; otherwise the year
/// stays unknown.
pub fn infer_year(text: &str) -> Option<(i32, String)> {
    let sentences: Vec<&str> = text.split_inclusive(['。', '！', '？', '\n']).collect();
    let speaks_of_this_year = text.contains("今年");
    let mut best: Option<(i32, String)> = None;
    for sentence in sentences {
        for (year, at) in plain_years(sentence) {
            let anchored = ["以来", "截至", "目前"]
                .iter()
                .any(|w| sentence.contains(w));
            if speaks_of_this_year && !anchored {
                continue;
            }
            if best.as_ref().is_none_or(|(y, _)| year > *y) {
                let snippet: String = sentence[at.saturating_sub(0)..].chars().take(24).collect();
                best = Some((year, snippet));
            }
        }
    }
    best
}

/// Four-digit years followed by 年 (or `2023春运`-style), with their byte offsets.
fn plain_years(sentence: &str) -> Vec<(i32, usize)> {
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= chars.len() {
        let digits: String = chars[i..i + 4].iter().map(|(_, c)| *c).collect();
        let before = i.checked_sub(1).map(|k| chars[k].1);
        let after: String = chars[i + 4..].iter().take(2).map(|(_, c)| *c).collect();
        let standalone_start = before
            .is_none_or(|c| !c.is_ascii_digit() && !matches!(c, '—' | '-' | '到' | '至' | '〔'));
        if digits.chars().all(|c| c.is_ascii_digit())
            && (digits.starts_with("19") || digits.starts_with("20"))
            && standalone_start
            && (after.starts_with('年') && !after.starts_with("年度") || after == "春运")
            && !after.starts_with('—')
        {
            let followed_by_range = chars
                .get(i + 4)
                .is_some_and(|(_, c)| matches!(c, '—' | '-'));
            if !followed_by_range {
                out.push((digits.parse().unwrap_or(0), chars[i].0));
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn district_by_frequency() {
        assert_eq!(
            infer_district("大渡口区实施民生实事，江北区也有。大渡口区"),
            Some("大渡口区".into())
        );
    }

    #[test]
    fn year_rules() {
        assert_eq!(
            infer_year("2024年以来，发放补贴。被评为2025年全市典型案例。")
                .unwrap()
                .0,
            2025
        );
        assert!(infer_year("小区早在2012年交付使用。今年2月，地铁开通。").is_none());
        assert_eq!(
            infer_year("“2017—2020年度平安中国建设示范区”。2022年3月1日，招聘会。")
                .unwrap()
                .0,
            2022
        );
        assert_eq!(infer_year("到2025年，将着力健全体系。").map(|y| y.0), None);
    }
}

#[cfg(test)]
mod topic_table_tests {
    #[test]
    fn every_topic_has_signal_words_in_the_site_order() {
        let keys: Vec<&str> = super::TOPIC_WORDS.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, crate::content::taxonomy::TOPIC_KEYS);
    }
}
