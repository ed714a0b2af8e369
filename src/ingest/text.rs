//! Meaning-preserving normalisation of seed text: stray spaces from
//! justified print, doubled glyphs from bold print, sentence ends.

pub use crate::chars::{is_cjk_punct, is_han};

/// A character after which a Chinese sentence (and so a paragraph) may end.
pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end();
    if trimmed.ends_with("——") {
        return false;
    }
    let mut chars = trimmed
        .chars()
        .rev()
        .skip_while(|c| matches!(c, '”' | '’' | '）' | '」' | '』' | ')'));
    let closers = trimmed
        .chars()
        .rev()
        .take_while(|c| matches!(c, '”' | '’' | '）' | '」' | '』' | ')'))
        .count();
    match chars.next() {
        Some('。' | '！' | '？' | '…' | '；' | '!' | '?') => true,
        Some('：') => closers == 0,
        _ => false,
    }
}

fn is_latin_or_digit(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '%' | '+' | '.' | '＋' | '％')
}

fn is_wide(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// Removes the spaces that justified print leaves inside Chinese text: between a
/// Han character or Chinese punctuation and a digit or Latin letter, next to
/// Chinese punctuation, and inside letter-spaced runs of single characters
/// (`覆 盖 率`). Spaces between words of several characters are kept (`江北 实施`).
pub fn remove_stray_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c != ' ' && c != '\u{3000}' {
            out.push(c);
            continue;
        }
        let left = chars[..i]
            .iter()
            .rev()
            .find(|c| **c != ' ' && **c != '\u{3000}')
            .copied();
        let right = chars[i + 1..]
            .iter()
            .find(|c| **c != ' ' && **c != '\u{3000}')
            .copied();
        let (Some(l), Some(r)) = (left, right) else {
            continue; // leading or trailing space
        };
        let stray = (is_wide(l) && is_latin_or_digit(r))
            || (is_latin_or_digit(l) && is_wide(r))
            || is_cjk_punct(l)
            || is_cjk_punct(r)
            || (is_han(l) && is_han(r) && letter_spaced(&chars, i));
        if !stray && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

/// Whether the space at `i` sits between single characters spaced out by print:
/// one of the two characters has no Han neighbour on its other side.
fn letter_spaced(chars: &[char], i: usize) -> bool {
    let lone_left = i < 2 || !is_han(chars[i - 2]);
    let lone_right = chars.get(i + 2).is_none_or(|c| !is_han(*c));
    lone_left || lone_right
}

/// Collapses the doubled glyphs of bold print in a caption or credit:
/// `摄摄//李涛李涛` becomes `摄/李涛`, and a text printed twice in a row once.
pub fn collapse_doubled(text: &str) -> String {
    let text = text.replace("摄摄//", "摄/");
    collapse_repeat(&text)
}

/// `XX` → `X` when a text is exactly one part repeated twice.
pub fn collapse_repeat(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    if n >= 4 && n.is_multiple_of(2) && chars[..n / 2] == chars[n / 2..] {
        chars[..n / 2].iter().collect()
    } else {
        text.to_string()
    }
}

/// Number of Han characters in a text.
pub fn han_count(text: &str) -> usize {
    text.chars().filter(|c| is_han(*c)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stray_spaces_go_meaningful_ones_stay() {
        assert_eq!(remove_stray_spaces("1月 3日"), "1月3日");
        assert_eq!(remove_stray_spaces("2022 年，街道"), "2022年，街道");
        assert_eq!(
            remove_stray_spaces("覆 盖 率 95.26% ，城 市 10G-PON 端口"),
            "覆盖率95.26%，城市10G-PON端口"
        );
        assert_eq!(
            remove_stray_spaces("江北 实施“民生立区”行动 建设"),
            "江北 实施“民生立区”行动 建设"
        );
        assert_eq!(
            remove_stray_spaces("“多维一体 教育大渡”"),
            "“多维一体 教育大渡”"
        );
        assert_eq!(
            remove_stray_spaces("有 5G 基站数达 24.88 个"),
            "有5G基站数达24.88个"
        );
    }

    #[test]
    fn doubled_glyphs_collapse() {
        assert_eq!(
            collapse_doubled("江北嘴金融中心钻石广场江北嘴金融中心钻石广场 摄摄//李涛李涛"),
            "江北嘴金融中心钻石广场江北嘴金融中心钻石广场 摄/李涛李涛"
        );
        assert_eq!(collapse_repeat("李涛李涛"), "李涛");
        assert_eq!(collapse_repeat("常常"), "常常");
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("枝叶总关情。"));
        assert!(!ends_sentence("大力实施民生"));
        assert!(!ends_sentence("提质增效——"));
    }
}
