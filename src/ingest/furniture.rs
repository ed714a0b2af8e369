//! Page furniture inside lines: what web pages and reposts print around a
//! story that is not the story. A line that only states metadata
//! (`发布日期：2016-11-22`, `浏览次数：`), the chain of credits a web article
//! ends with (`来源：… 作者：… 编辑：… 本文链接：…`), the source a repost opens
//! with (`来源：解放军报`), a repost or copyright notice at the end, and an
//! inline advertisement widget (`广告 … ×`) are removed; the line keeps its
//! place, so line numbers hold. Each rule is a table of the words pages use.

/// Labels of metadata a page states as `label：value` or `label|value`.
const METADATA_LABELS: &[&str] = &[
    "来源",
    "信息来源",
    "稿源",
    "文章来源",
    "出处",
    "作者",
    "撰文",
    "编辑",
    "责任编辑",
    "责编",
    "校对",
    "审核",
    "编审",
    "监制",
    "终审",
    "发布日期",
    "发布时间",
    "发表时间",
    "日期",
    "浏览次数",
    "阅读量",
    "点击数",
    "点击量",
    "本文链接",
    "原文链接",
    "原文网址",
    "原文地址",
    "來源",
    "編輯",
    "責任編輯",
    "發布日期",
    "發佈日期",
    "原文網址",
    "瀏覽次數",
];

/// Labels of the day a page states it published the story.
const DATE_LABELS: &[&str] = &[
    "发布日期",
    "发布时间",
    "发表时间",
    "日期",
    "时间",
    "發布日期",
    "發佈日期",
    "發布時間",
    "時間",
];

/// Labels of the medium a story comes from.
const SOURCE_LABELS: &[&str] = &["信息来源", "文章来源", "稿源", "来源", "來源"];

/// Longest source name taken from a `来源：` line.
const SOURCE_MAX: usize = 30;

/// What a metadata line states of its story: the day it was published
/// (and the label that says so) and the medium it comes from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stated {
    pub date: Option<(crate::content::date::Date, &'static str)>,
    pub source: Option<String>,
}

/// What a line of page metadata states (`发布日期：2016-11-22`,
/// `时间：2023年1月12日 来源：江北报`, `2019-08-13 14:07来源：澎湃新闻`).
pub fn stated(line: &str) -> Stated {
    let t = line.trim();
    let mut found = Stated::default();
    let date_first = DATE_LABELS.iter().any(|l| {
        t.strip_prefix(l)
            .is_some_and(|r| r.trim_start().starts_with(LABEL_SEPARATORS))
    });
    if t.chars().count() > 80 || !(is_metadata_line(t) || starts_with_day(t) || date_first) {
        return found;
    }
    for (at, _) in t.char_indices() {
        let rest = &t[at..];
        if found.date.is_none()
            && let Some(label) = DATE_LABELS.iter().find(|l| rest.starts_with(**l))
            && let Some(value) = rest[label.len()..]
                .trim_start()
                .strip_prefix(LABEL_SEPARATORS)
            && let Some(day) = crate::content::date::Date::first_day_in(value)
        {
            found.date = Some((day, label));
        }
        if found.source.is_none()
            && let Some(label) = SOURCE_LABELS.iter().find(|l| rest.starts_with(**l))
            && let Some(value) = rest[label.len()..]
                .trim_start()
                .strip_prefix(LABEL_SEPARATORS)
        {
            let value = value.trim_start();
            let end = value
                .char_indices()
                .find(|(k, c)| {
                    label_at(&value[*k..]).is_some()
                        || (c.is_whitespace() && value[*k..].starts_with("  "))
                })
                .map_or(value.len(), |(k, _)| k);
            let source = value[..end].trim();
            if !source.is_empty() && source.chars().count() <= SOURCE_MAX {
                found.source = Some(source.to_string());
            }
        }
    }
    if found.date.is_none() && starts_with_day(t) && found.source.is_some() {
        found.date = crate::content::date::Date::first_day_in(t).map(|d| (d, "时间"));
    }
    found
}

/// `2019-08-13 14:07来源：…`: a line that opens with the day.
fn starts_with_day(line: &str) -> bool {
    line.starts_with(|c: char| c.is_ascii_digit())
        && crate::content::date::Date::first_day_in(&line.chars().take(20).collect::<String>())
            .is_some()
}

/// What separates a label from its value.
const LABEL_SEPARATORS: &[char] = &['：', ':', '|', '｜', '丨'];

/// The page's controls printed at the end of a repost.
const END_CONTROLS: &[&str] = &[
    "返回搜狐，查看更多",
    "查看更多",
    "更多报道",
    "更多報導",
    "点击查看",
];

/// Sentences that declare a repost or copyright, printed after a story.
const NOTICE_WORDS: &[&str] = &[
    "转载请注明",
    "轉載請註明",
    "版权归原作者",
    "版權歸原作者",
    "侵犯您的合法权益",
    "特别声明",
    "免责声明",
    "如有侵权",
];

/// Endings of a medium's name (`解放军报`, `人民网－四川频道`, `河南日报`).
const MEDIA_ENDINGS: &[&str] = &[
    "日报",
    "晚报",
    "频道",
    "新闻",
    "客户端",
    "报",
    "网",
    "社",
    "台",
];

/// Labels of the lists that open the minutes of a meeting (`出席議員：`).
const ROSTER_LABELS: &[&str] = &["出席", "缺席", "列席"];

/// Marks of a photo's credit after a photographer's name.
const CREDIT_MARKS: &[&str] = &["供图", "摄"];

/// What a credit mark must not be followed by (`摄影`, `摄/名字` is a
/// caption's credit read elsewhere).
const NOT_AFTER_CREDIT: &[char] = &['影', '像', '入', '制', '氏', '/', '／'];

/// One of [`clean_line`]'s steps.
type Step = fn(&str) -> String;

/// Why a line is furniture through and through: the rule that leaves
/// nothing of it, in the order [`clean_line`] applies them.
pub fn why_dropped(line: &str) -> Option<&'static str> {
    if line.trim().is_empty() {
        return None;
    }
    if is_metadata_line(line) {
        return Some("metadata line");
    }
    if is_roster_label(line) {
        return Some("roster label");
    }
    let steps: [(&str, Step); 6] = [
        ("advert or notice", |l| drop_ads(l)),
        ("repost source", |l| drop_head_source(l).to_string()),
        ("credits or share bar", |l| drop_tail(l).to_string()),
        ("picture credit", |l| drop_glued_credits(l).to_string()),
        ("caption or original title", |l| drop_inline_captions(l)),
        ("closing source", |l| drop_closing_source(l).to_string()),
    ];
    let mut rest = line.to_string();
    for (why, step) in steps {
        rest = step(&rest);
        if rest.trim().is_empty() {
            return Some(why);
        }
    }
    None
}

/// A line without its furniture.
pub fn clean_line(line: &str) -> String {
    if is_metadata_line(line) || is_roster_label(line) {
        return String::new();
    }
    let line = drop_ads(line);
    let line = drop_head_source(&line);
    let line = drop_tail(line);
    let line = drop_glued_credits(line);
    let line = drop_inline_captions(&line);
    drop_closing_source(&line).to_string()
}

/// `…主动作为。（来源：上海宝山）`: the source a repost names in brackets after
/// its last sentence.
fn drop_closing_source(line: &str) -> &str {
    let trimmed = line.trim_end();
    let Some(open) = trimmed.rfind(['（', '(']) else {
        return line;
    };
    let inner = &trimmed[open..];
    let inner = inner
        .strip_prefix(['（', '('])
        .and_then(|i| i.strip_suffix(['）', ')']));
    let before = trimmed[..open].trim_end();
    let closes_story = before.ends_with(['。', '！', '？', '”']);
    match inner {
        Some(inner)
            if closes_story
                && label_at(inner).is_some_and(|(l, _)| matches!(l, "来源" | "來源"))
                && inner.chars().count() <= 20 =>
        {
            before
        }
        _ => line,
    }
}

/// `出席議員：` on a line of its own.
fn is_roster_label(line: &str) -> bool {
    let t = line.trim();
    ROSTER_LABELS.iter().any(|l| t.starts_with(l))
        && t.ends_with(['：', ':'])
        && t.chars().count() <= 10
}

/// Picture credits printed into the text right after a sentence
/// (`…加固堤坝。邓青华摄受台风…`, `…休息。本报记者 陈晨 摄本报讯…`,
/// `…宣传辅导。申岚清供图为促进…`).
fn drop_glued_credits(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some((at, len)) = rest.char_indices().find_map(|(i, c)| {
        let at = i + c.len_utf8();
        matches!(c, '。' | '！' | '？' | '”')
            .then(|| credit_after(&rest[at..]).map(|len| (at, len)))
            .flatten()
    }) {
        out.push_str(&rest[..at]);
        rest = &rest[at + len..];
    }
    out.push_str(rest);
    out
}

/// The length of a credit a text starts with: an optional `本报记者`/`记者`,
/// up to four names of two to four Han characters (set apart by `、` or
/// spaces), and a credit mark.
fn credit_after(text: &str) -> Option<usize> {
    const GAPS: [char; 3] = [' ', '\u{3000}', '、'];
    let mut at = ["本报记者", "记者"]
        .iter()
        .find_map(|r| text.strip_prefix(r))
        .map_or(0, |rest| text.len() - rest.len());
    for _ in 0..4 {
        at = text.len() - text[at..].trim_start_matches(GAPS).len();
        let name_ends: Vec<usize> = text[at..]
            .char_indices()
            .take_while(|(_, c)| crate::chars::is_han(*c))
            .take(4)
            .map(|(i, c)| at + i + c.len_utf8())
            .collect();
        // a name of two to four characters, then the mark
        for &end in name_ends.iter().skip(1) {
            let after = text[end..].trim_start_matches([' ', '\u{3000}']);
            let Some(rest) = CREDIT_MARKS.iter().find_map(|m| after.strip_prefix(m)) else {
                continue;
            };
            if !text[at..end].ends_with('拍') && !rest.starts_with(NOT_AFTER_CREDIT) {
                return Some(text.len() - rest.len());
            }
        }
        // otherwise another name follows this one, set apart from it
        let end = *name_ends.last()?;
        if name_ends.len() < 2 || !text[end..].starts_with(GAPS) {
            return None;
        }
        at = end;
    }
    None
}

/// A caption printed inside the text after `▲` (to its sentence's end or its
/// credit), a stock-photo mark (`资料图`), and an original title
/// (`本文原标题：《…》`).
fn drop_inline_captions(line: &str) -> String {
    let mut out = line.to_string();
    while let Some(at) = out.find("本文原标题：《") {
        let Some(close) = out[at..].find('》') else {
            break;
        };
        out.replace_range(at..at + close + '》'.len_utf8(), "");
    }
    for mark in ["资料图片", "资料图"] {
        while let Some(at) = out.find(mark) {
            let after_sentence = out[..at].ends_with(['。', '！', '？']);
            if !after_sentence {
                break;
            }
            out.replace_range(at..at + mark.len(), "");
        }
    }
    let mut from = 0;
    while let Some(found) = out[from..].find('▲') {
        let at = from + found;
        if at == 0 || out[..at].trim().is_empty() {
            // a caption line of its own is read as a caption
            from = at + '▲'.len_utf8();
            continue;
        }
        let rest = &out[at..];
        let end = rest
            .find('。')
            .map(|e| e + '。'.len_utf8())
            .or_else(|| rest.find('摄').map(|e| e + '摄'.len_utf8()))
            .unwrap_or(rest.len());
        let credit = rest.find('摄').map(|e| e + '摄'.len_utf8());
        let end = match credit {
            Some(c) if c < end => c,
            _ => end,
        };
        out.replace_range(at..at + end, "");
        from = at;
    }
    out
}

/// The label a text starts with, and the rest after its separator.
fn label_at(text: &str) -> Option<(&'static str, &str)> {
    METADATA_LABELS
        .iter()
        .filter(|l| text.starts_with(**l))
        .max_by_key(|l| l.len())
        .and_then(|l| {
            let rest = text[l.len()..].trim_start();
            let sep = rest
                .chars()
                .next()
                .filter(|c| LABEL_SEPARATORS.contains(c))?;
            Some((*l, &rest[sep.len_utf8()..]))
        })
}

/// A short line that only states one piece of metadata.
fn is_metadata_line(line: &str) -> bool {
    let t = enclosed(line.trim());
    t.chars().count() <= 40 && label_at(t).is_some() && !t.contains(['。', '，'])
}

/// The text inside brackets that enclose a whole line (`（责编：汤诗瑶）`,
/// `【编辑：王芳】`), or the line.
fn enclosed(line: &str) -> &str {
    for (open, close) in [('（', '）'), ('(', ')'), ('【', '】'), ('[', ']')] {
        if let Some(inner) = line.strip_prefix(open).and_then(|l| l.strip_suffix(close))
            && !inner.contains([open, close])
        {
            return inner.trim();
        }
    }
    line
}

/// `广告 可御可甜 … >>进入直播间 ×`: an advertisement printed in the text.
fn drop_ads(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("广告") {
        let after = &rest[at + "广告".len()..];
        let close = after
            .starts_with([' ', '\u{3000}'])
            .then(|| after.find('×'))
            .flatten()
            .filter(|&end| after[..end].chars().count() <= 60 && !after[..end].contains('。'));
        match close {
            Some(end) => {
                out.push_str(&rest[..at]);
                rest = &after[end + '×'.len_utf8()..];
            }
            None => {
                out.push_str(&rest[..at + "广告".len()]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `来源：解放军报近日，…` → `近日，…`: the medium a repost names first.
fn drop_head_source(line: &str) -> &str {
    let Some(("来源" | "來源", rest)) = label_at(line.trim_start()) else {
        return line;
    };
    let rest = rest.trim_start();
    // the medium's name: Han characters up to the last ending within reach,
    // then a second name joined by a dash (`人民网－四川频道`) and `原创稿`
    // the name ends where words of the story start: a mark, a digit, or a
    // word that opens a report
    let story_starts = |after: &str| {
        after
            .chars()
            .next()
            .is_none_or(|c| !crate::chars::is_han(c))
            || ["近日", "日前", "今天", "昨天", "记者", "本报"]
                .iter()
                .any(|w| after.starts_with(w))
    };
    let mut end = 0;
    for (i, _) in rest.char_indices().take(16) {
        if MEDIA_ENDINGS.iter().any(|m| rest[..i].ends_with(m)) && story_starts(&rest[i..]) {
            end = i;
        }
    }
    if end == 0 {
        return line;
    }
    let mut after = &rest[end..];
    if let Some(more) = after.strip_prefix(['－', '-', '·']) {
        let name_end = more
            .char_indices()
            .take(10)
            .map(|(i, c)| i + c.len_utf8())
            .filter(|&i| MEDIA_ENDINGS.iter().any(|m| more[..i].ends_with(m)))
            .last();
        if let Some(n) = name_end {
            after = &more[n..];
        }
    }
    let after = after.trim_start();
    after.strip_prefix("原创稿").unwrap_or(after).trim_start()
}

/// The credits, notices and controls after a story's last sentence.
/// Where a chain of three credits or more starts right after a sentence
/// (`…！编辑|禤志杰责编|陈梦莹校对|黄慧敏`), even when an account's promotion
/// follows it with sentences of its own (`扫描下方二维码…回复【福利】…`).
fn credit_chain_before_promotion(text: &str) -> Option<usize> {
    text.char_indices()
        .filter(|(i, _)| *i > 0 && text[..*i].ends_with(['。', '！', '？', '”']))
        .map(|(i, _)| i)
        .find(|&i| {
            let window: String = text[i..].chars().take(CREDIT_CHAIN_SPAN).collect();
            label_at(&window).is_some()
                && window
                    .char_indices()
                    .filter(|(k, _)| label_at(&window[*k..]).is_some())
                    .count()
                    >= 3
        })
}

/// Characters within which a chain of credits names its three labels.
const CREDIT_CHAIN_SPAN: usize = 40;

fn drop_tail(line: &str) -> &str {
    let mut cut = line.len();
    // a repost or copyright notice, with the mark or source before it
    for word in NOTICE_WORDS {
        if let Some(at) = line.find(word) {
            let start = line[..at]
                .rfind(['。', '！', '？', '*', '】'])
                .map_or(0, |p| {
                    p + line[p..].chars().next().map_or(0, char::len_utf8)
                });
            let start = line[..start]
                .rfind(['*', '【'])
                .filter(|&p| line[..start].len() - p <= 40)
                .unwrap_or(start);
            cut = cut.min(start);
        }
    }
    // a chain of two labels or more after the last sentence end
    let body = &line[..cut];
    let last_end = body.rfind(['。', '！', '？', '”']).map_or(0, |p| {
        p + body[p..].chars().next().map_or(0, char::len_utf8)
    });
    let tail = &body[last_end..];
    let chain = tail
        .char_indices()
        .find(|(i, _)| label_at(&tail[*i..]).is_some())
        .map(|(i, _)| i)
        .filter(|&i| {
            let rest = &tail[i..];
            let labels = rest
                .char_indices()
                .filter(|(k, _)| label_at(&rest[*k..]).is_some())
                .count();
            labels >= 2 || rest.contains("http") || END_CONTROLS.iter().any(|c| rest.contains(c))
        });
    if let Some(i) = chain {
        cut = last_end + i;
    }
    if let Some(at) = credit_chain_before_promotion(&line[..cut]) {
        cut = at;
    }
    if cut == line.len() {
        // spaces at a line's ends may matter where a cut line goes on
        line
    } else {
        line[..cut].trim_end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_lines_state_the_day_and_the_source() {
        let s = stated("发布日期：2016-11-22");
        assert_eq!(
            s.date.map(|(d, l)| (d.to_string(), l)),
            Some(("2016-11-22".into(), "发布日期"))
        );
        let s = stated("时间：2023年1月12日  来源：江北报  作者：王芳");
        assert_eq!(s.date.unwrap().0.to_string(), "2023-01-12");
        assert_eq!(s.source.as_deref(), Some("江北报"));
        let s = stated("信息来源：省发改委");
        assert_eq!(s.source.as_deref(), Some("省发改委"));
        let s = stated("2019-08-13 14:07来源：澎湃新闻·澎湃号·政务");
        assert_eq!(s.date.unwrap().0.to_string(), "2019-08-13");
        assert_eq!(s.source.as_deref(), Some("澎湃新闻·澎湃号·政务"));
        // a sentence of the story states nothing
        assert_eq!(
            stated("据来源：江北区统计，2023年1月12日新增岗位120个，同比增长。"),
            Stated::default()
        );
    }

    #[test]
    fn a_dropped_line_says_which_rule_dropped_it() {
        assert_eq!(
            why_dropped("来源：新华社 时间：2023-01-12"),
            Some("metadata line")
        );
        assert_eq!(why_dropped("出席議員："), Some("roster label"));
        assert_eq!(why_dropped("(责编：汤诗瑶、丁涛)"), Some("metadata line"));
        assert_eq!(why_dropped("【编辑：王芳】"), Some("metadata line"));
        assert_eq!(
            clean_line(
                "买买买！编辑|禤志杰责编|陈梦莹校对|黄慧敏来源|广州参考扫描下方二维码解锁更多技能1、回复【福利】查看各种政策福利！看都看完了"
            ),
            "买买买！"
        );
        assert_eq!(
            why_dropped("本文原标题：《民生实事》"),
            Some("caption or original title")
        );
        assert_eq!(why_dropped("江北区新建社区养老服务站12个。"), None);
        assert_eq!(why_dropped("  "), None);
    }

    #[test]
    fn glued_picture_credits_and_inline_captions_go() {
        assert_eq!(
            clean_line("扎实开展系列宣传辅导。申岚清供图为促进退役军人创业。"),
            "扎实开展系列宣传辅导。为促进退役军人创业。"
        );
        assert_eq!(
            clean_line("图为官兵加固堤坝。邓青华摄受台风影响，雨很大。"),
            "图为官兵加固堤坝。受台风影响，雨很大。"
        );
        assert_eq!(
            clean_line("在安置点休息。本报记者 陈晨 摄本报讯(记者 郭北晨)受前期"),
            "在安置点休息。本报讯(记者 郭北晨)受前期"
        );
        assert_eq!(
            clean_line("抗洪抢险。陈鹏飞 摄8月1日晚，"),
            "抗洪抢险。8月1日晚，"
        );
        assert_eq!(
            clean_line(
                "航站楼开工了。▲气宇非凡的航站楼造型。▲广州日报全媒体图片记者黎旭阳、李妍摄在建地下通道。"
            ),
            "航站楼开工了。在建地下通道。"
        );
        assert_eq!(
            clean_line("共有789间。资料图目前11月"),
            "共有789间。目前11月"
        );
        assert_eq!(clean_line("出席議員："), "");
        assert_eq!(clean_line("撑起保护伞。（来源：上海宝山）"), "撑起保护伞。");
        // a bracket that is not a source stays: a byline, a stage direction
        for line in [
            "做好宣传。(申岚清)",
            "发展注入澎湃动力。 （本报记者）",
            "的修正案。 (眾笑 )",
        ] {
            assert_eq!(clean_line(line), line);
        }
        // a credit after a space is a caption's, read elsewhere; 摄影 is a word
        let caption = "观音桥商圈的靓丽风景 摄/颜萌";
        assert_eq!(clean_line(caption), caption);
        let sentence = "活动结束。专业人员摄影留念。";
        assert_eq!(clean_line(sentence), sentence);
    }

    #[test]
    fn metadata_lines_go() {
        assert_eq!(clean_line("发布日期：2016-11-22"), "");
        assert_eq!(clean_line("浏览次数："), "");
        assert_eq!(clean_line("信息来源：省发改委"), "");
        // a sentence that says where something comes from stays
        let sentence = "来源：居民反映，小区的电梯已经运行了二十多年。";
        assert_eq!(clean_line(sentence), sentence);
    }

    #[test]
    fn a_web_article_loses_its_credit_chain() {
        let line = "参与服务2952人次。来源：时刻新闻作者：刘静远 编辑：田伶 本文链接：https://yiyang.rednet.cn/x.html返回搜狐，查看更多责任编辑：";
        assert_eq!(clean_line(line), "参与服务2952人次。");
    }

    #[test]
    fn a_repost_loses_its_source_notice_and_ads() {
        assert_eq!(
            clean_line("来源：解放军报近日，某旅官兵加固堤坝。"),
            "近日，某旅官兵加固堤坝。"
        );
        assert_eq!(
            clean_line("来源：人民网－四川频道 原创稿国家税务总局开展宣传。"),
            "国家税务总局开展宣传。"
        );
        assert_eq!(
            clean_line("关心关爱。*文汇独家稿件，转载请注明出处。"),
            "关心关爱。"
        );
        assert_eq!(
            clean_line("活动开始了。广告 可御可甜 有颜有料 >>进入直播间 ×居民们来了。"),
            "活动开始了。居民们来了。"
        );
        // a source that is not a medium stays
        let line = "来源：市民通过平台反映的问题已经解决。";
        assert_eq!(clean_line(line), line);
        // the word alone is not an advertisement
        let line = "社区广告牌换新了。";
        assert_eq!(clean_line(line), line);
    }
}
