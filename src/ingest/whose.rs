//! Whose figure a sentence states: news tells a programme's results through
//! one person (`49岁的陈师傅…，他…每月收入还增加了1000多元`), and that
//! person's age or income is theirs, not the district's. A person is named
//! as print names them — a surname with a form of address (`陈师傅`,
//! `何女士`, `李大爷`) or `老`/`小` before a surname (`老王`) — and a figure
//! is theirs when it is their age, when its clause begins with them, or when
//! its clause or the one before it speaks of them as 他 or 她.

/// Forms of address that follow a surname, longest first.
const ADDRESS: &[&str] = &[
    "老师傅",
    "老大爷",
    "老奶奶",
    "师傅",
    "女士",
    "先生",
    "大爷",
    "阿姨",
    "奶奶",
    "爷爷",
    "婆婆",
    "大妈",
    "大姐",
    "大哥",
    "大叔",
    "大娘",
    "老人",
    "嬢嬢",
    "孃孃",
];

/// The commonest surnames, which begin a name with a form of address.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤庞";

/// How far before a figure its sentence is searched for the person.
const REACH: usize = 120;

/// Marks that end a clause, and those that end a sentence.
const CLAUSE_MARKS: &[char] = &['，', '。', '；', '：', '！', '？', '\n'];
const SENTENCE_MARKS: &[char] = &['。', '！', '？', '\n'];

/// The person whose figure is printed at `start..end` of `chars`, as named
/// (`陈师傅`), where the sentence says so.
pub fn whose(chars: &[char], start: usize, end: usize, is_age: bool) -> Option<String> {
    let from = start.saturating_sub(REACH);
    let sentence = (from..start)
        .rev()
        .find(|&k| SENTENCE_MARKS.contains(&chars[k]))
        .map_or(from, |k| k + 1);
    let clause = (sentence..start)
        .rev()
        .find(|&k| CLAUSE_MARKS.contains(&chars[k]))
        .map_or(sentence, |k| k + 1);
    let clause_end = (end..chars.len())
        .find(|&k| CLAUSE_MARKS.contains(&chars[k]))
        .unwrap_or(chars.len());
    let people = people_in(chars, sentence, clause_end);
    let named = |(a, b): (usize, usize)| chars[a..b].iter().collect::<String>();
    if is_age {
        // `74岁的何女士`, `何女士今年74岁`: an age belongs to the person of its clause
        if let Some(p) = people.iter().find(|(a, _)| *a >= clause) {
            return Some(named(*p));
        }
    }
    if let Some(p) = people.iter().find(|(a, _)| *a == clause) {
        return Some(named(*p)); // the clause begins with the person
    }
    let before = people.iter().rev().find(|(_, b)| *b <= start)?;
    let previous = (sentence..clause.saturating_sub(1))
        .rev()
        .find(|&k| CLAUSE_MARKS.contains(&chars[k]))
        .map_or(sentence, |k| k + 1);
    let spoken_of = pronoun_in(chars, previous.max(before.1), clause_end);
    spoken_of.then(|| named(*before))
}

/// Where people are named between `from` and `to`.
fn people_in(chars: &[char], from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut k = from;
    while k < to {
        let surname = SURNAMES.contains(chars[k]);
        let address = ADDRESS.iter().find(|a| {
            let a: Vec<char> = a.chars().collect();
            chars[k + 1..to.min(chars.len())].starts_with(&a)
        });
        match address {
            Some(a) if surname => {
                let end = k + 1 + a.chars().count();
                found.push((k, end));
                k = end;
            }
            _ if matches!(chars[k], '老' | '小')
                && chars.get(k + 1).is_some_and(|c| SURNAMES.contains(*c))
                && chars.get(k + 2).is_none_or(|c| {
                    !crate::chars::is_han(*c) || "说介家的在也还就今告".contains(*c)
                }) =>
            {
                found.push((k, k + 2));
                k += 2;
            }
            _ => k += 1,
        }
    }
    found
}

/// A singular 他 or 她 between `from` and `to` (not `其他`, `他人`, `他们`).
fn pronoun_in(chars: &[char], from: usize, to: usize) -> bool {
    (from..to).any(|k| {
        matches!(chars[k], '他' | '她')
            && !(k > 0 && chars[k - 1] == '其')
            && !chars.get(k + 1).is_some_and(|c| matches!(c, '们' | '人'))
    })
}

#[cfg(test)]
mod tests {
    use crate::ingest::facts::extract_facts;

    fn owners(text: &str) -> Vec<(String, Option<String>)> {
        extract_facts("p1", text, None)
            .into_iter()
            .map(|f| (f.text, f.whose))
            .collect()
    }

    #[test]
    fn one_persons_figures_are_theirs() {
        let found = owners(
            "2024年以来，江北区发放就业补贴1.81亿元。在零工市场，工作人员为49岁的陈师傅精准匹配了岗位，他不但实现了就业的梦想，每月收入还增加了1000多元。",
        );
        let theirs: Vec<_> = found
            .iter()
            .filter(|(_, w)| w.is_some())
            .map(|(t, w)| (t.as_str(), w.as_deref().unwrap()))
            .collect();
        assert_eq!(theirs, [("49岁", "陈师傅"), ("1000多元", "陈师傅")]);
        let found = owners("张女士告诉记者，她家每月能省下200元");
        assert_eq!(found[0].1.as_deref(), Some("张女士"));
        let found = owners("何女士每月领取养老金3000元");
        assert_eq!(found[0].1.as_deref(), Some("何女士"));
    }

    #[test]
    fn the_districts_figures_stay_the_districts() {
        for text in [
            "李大爷告诉记者，社区新建了3个食堂",
            "其他区县新增就业2万人",
            "王女士说，他们社区今年新建了3个食堂。全区新增就业2万人",
        ] {
            let found = owners(text);
            assert!(found.iter().all(|(_, w)| w.is_none()), "{text}: {found:?}");
        }
    }
}
