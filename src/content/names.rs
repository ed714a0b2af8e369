//! Chinese personal names in Hanyu pinyin, for English pages: surname first,
//! then the given name as one word (`詹米璐` → `Zhan Milu`), with the
//! syllable apostrophe where a syllable starting with a, o or e follows
//! another (`Xi’an`). Surnames that read otherwise than their character's
//! commonest reading, and two-character surnames, are tables of their own.

use pinyin::ToPinyin;

/// Two-character surnames.
const COMPOUND_SURNAMES: &[(&str, &str)] = &[
    ("欧阳", "Ouyang"),
    ("司马", "Sima"),
    ("诸葛", "Zhuge"),
    ("上官", "Shangguan"),
    ("东方", "Dongfang"),
    ("皇甫", "Huangfu"),
    ("令狐", "Linghu"),
    ("慕容", "Murong"),
    ("尉迟", "Yuchi"),
    ("长孙", "Zhangsun"),
    ("宇文", "Yuwen"),
    ("司徒", "Situ"),
    ("夏侯", "Xiahou"),
    ("公孙", "Gongsun"),
    ("端木", "Duanmu"),
];

/// Surnames read otherwise than their character's commonest reading.
const SURNAME_READINGS: &[(char, &str)] = &[
    ('单', "Shan"),
    ('曾', "Zeng"),
    ('解', "Xie"),
    ('仇', "Qiu"),
    ('朴', "Piao"),
    ('区', "Ou"),
    ('查', "Zha"),
    ('盖', "Ge"),
    ('翟', "Zhai"),
    ('乐', "Yue"),
    ('覃', "Qin"),
    ('缪', "Miao"),
    ('召', "Shao"),
    ('任', "Ren"),
    ('沈', "Shen"),
    ('柏', "Bai"),
    ('薄', "Bo"),
    ('种', "Chong"),
    ('员', "Yun"),
    ('尉', "Wei"),
    ('秘', "Bi"),
    ('繁', "Po"),
    ('谌', "Chen"),
    ('莘', "Shen"),
];

/// A name of two to four Chinese characters in pinyin (`王偲媞` →
/// `Wang Sidi`); `None` for anything else (a title, a name with a Latin
/// letter), which is shown as printed.
pub fn romanised(name: &str) -> Option<String> {
    let chars: Vec<char> = name.trim().chars().collect();
    if !(2..=4).contains(&chars.len()) || !chars.iter().all(|c| crate::chars::is_han(*c)) {
        return None;
    }
    let text: String = chars.iter().collect();
    let (surname, given) = match COMPOUND_SURNAMES.iter().find(|(s, _)| text.starts_with(s)) {
        Some((s, reading)) if chars.len() > 2 => (reading.to_string(), &chars[s.chars().count()..]),
        _ => {
            let reading = SURNAME_READINGS
                .iter()
                .find(|(c, _)| *c == chars[0])
                .map(|(_, r)| r.to_string())
                .or_else(|| syllable(chars[0]).map(|s| capitalised(&s)))?;
            (reading, &chars[1..])
        }
    };
    let mut given_name = String::new();
    for (k, c) in given.iter().enumerate() {
        let s = syllable(*c)?;
        if k > 0 && s.starts_with(['a', 'o', 'e']) {
            given_name.push('’');
        }
        given_name.push_str(&s);
    }
    Some(format!("{surname} {}", capitalised(&given_name)))
}

/// A character's commonest reading, toneless (`ü` kept).
fn syllable(c: char) -> Option<String> {
    c.to_pinyin().map(|p| p.plain().replace('v', "ü"))
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_pinyin() {
        assert_eq!(romanised("詹米璐").as_deref(), Some("Zhan Milu"));
        assert_eq!(romanised("王彩艳").as_deref(), Some("Wang Caiyan"));
        assert_eq!(romanised("钟戈").as_deref(), Some("Zhong Ge"));
        assert_eq!(romanised("曾伟").as_deref(), Some("Zeng Wei"));
        assert_eq!(romanised("单明").as_deref(), Some("Shan Ming"));
        assert_eq!(romanised("欧阳修").as_deref(), Some("Ouyang Xiu"));
        assert_eq!(romanised("吕洁").as_deref(), Some("Lü Jie"));
        assert_eq!(romanised("张西安").as_deref(), Some("Zhang Xi’an"));
        assert_eq!(romanised("本报记者 王偲媞"), None);
        assert_eq!(romanised("王"), None);
    }
}
