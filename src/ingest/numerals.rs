//! Numbers as Chinese print writes them: Arabic digits (half- or full-width,
//! with thousands separators `1,661,556` or `12 621`) and Chinese numerals
//! (`一…九 十 百 千 万 亿 两 零 〇 ○`, `廿 卅 卌`, `点` decimals, `五十四万亿`,
//! digit by digit as in `七五五○`), in Simplified or Traditional characters.

/// Characters written alike in both scripts for what figures need, read as
/// their Simplified form: numerals, qualifiers and counters.
const TRADITIONAL_FORMS: &[(char, char)] = &[
    ('萬', '万'),
    ('億', '亿'),
    ('點', '点'),
    ('兩', '两'),
    ('個', '个'),
    ('餘', '余'),
    ('過', '过'),
    ('約', '约'),
    ('輛', '辆'),
    ('層', '层'),
    ('筆', '笔'),
    ('頃', '顷'),
    ('場', '场'),
    ('項', '项'),
    ('條', '条'),
    ('張', '张'),
    ('戶', '户'),
    ('間', '间'),
    ('週', '周'),
    ('國', '国'),
    ('鎊', '镑'),
    ('單', '单'),
    ('臺', '台'),
    ('號', '号'),
    ('歲', '岁'),
    ('僅', '仅'),
    ('紀', '纪'),
    ('達', '达'),
    ('將', '将'),
    ('隻', '只'),
    ('門', '门'),
    ('對', '对'),
    ('處', '处'),
    ('檔', '档'),
    ('節', '节'),
    ('幣', '币'),
    ('圓', '圆'),
];

/// A paragraph's characters as figures are read: full-width digits, signs
/// and letters as ASCII, Traditional forms of numerals, qualifiers and
/// counters as Simplified. One character for one, so positions hold.
pub fn normalise(chars: &[char]) -> Vec<char> {
    chars
        .iter()
        .map(|&c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '．' => '.',
            '％' => '%',
            '＋' => '+',
            '－' => '-',
            _ => TRADITIONAL_FORMS
                .iter()
                .find(|(t, _)| *t == c)
                .map_or(c, |(_, s)| *s),
        })
        .collect()
}

/// Most digits a figure has (a double holds 15 exactly).
pub const MAX_DIGITS: usize = 15;

/// An Arabic number at `i`: its value and where it ends. Thousands are
/// grouped by `,` or by a space before exactly three digits.
pub fn arabic_at(chars: &[char], i: usize) -> Option<(f64, usize)> {
    let mut digits = String::new();
    let mut pos = i;
    let mut group = 0usize;
    while pos < chars.len() {
        let c = chars[pos];
        if c.is_ascii_digit() {
            digits.push(c);
            group += 1;
            pos += 1;
        } else if matches!(c, ',' | ' ' | '\u{2009}' | '\u{202F}' | '\u{A0}')
            && group <= 3
            && !digits.contains('.')
            && three_digits_then_end(chars, pos + 1)
        {
            group = 0;
            pos += 1;
        } else if c == '.'
            && !digits.contains('.')
            && chars.get(pos + 1).is_some_and(char::is_ascii_digit)
        {
            digits.push('.');
            pos += 1;
        } else {
            break;
        }
    }
    let count = digits.chars().filter(char::is_ascii_digit).count();
    if count == 0 || count > MAX_DIGITS {
        return None;
    }
    digits.parse().ok().map(|v| (v, pos))
}

/// Three digits at `at`, and no fourth.
fn three_digits_then_end(chars: &[char], at: usize) -> bool {
    (0..3).all(|k| chars.get(at + k).is_some_and(char::is_ascii_digit))
        && !chars.get(at + 3).is_some_and(char::is_ascii_digit)
}

pub fn digit(c: char) -> Option<f64> {
    Some(match c {
        '零' | '〇' | '○' => 0.0,
        '一' => 1.0,
        '二' | '两' => 2.0,
        '三' => 3.0,
        '四' => 4.0,
        '五' => 5.0,
        '六' => 6.0,
        '七' => 7.0,
        '八' => 8.0,
        '九' => 9.0,
        _ => return None,
    })
}

fn small_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1000.0,
        _ => return None,
    })
}

fn tens(c: char) -> Option<f64> {
    Some(match c {
        '廿' => 20.0,
        '卅' => 30.0,
        '卌' => 40.0,
        _ => return None,
    })
}

/// Whether `c` may be part of a Chinese numeral.
pub fn is_numeral_char(c: char) -> bool {
    digit(c).is_some() || small_unit(c).is_some() || tens(c).is_some() || matches!(c, '万' | '亿')
}

/// A Chinese numeral read at `i`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    pub value: f64,
    /// Where it ends.
    pub end: usize,
    /// Written digit by digit (`七五五○`, `二○二○`), as years and codes are.
    pub digit_by_digit: bool,
    /// It holds `万` or `亿`.
    pub has_multiplier: bool,
    /// `多` or `余` read inside it (`八十多万`).
    pub qualifier: Option<char>,
}

/// The Chinese numeral at `i`, if one starts there and is well formed
/// (`十十万` is not: a unit no smaller than the one before it in a section).
pub fn chinese_at(chars: &[char], i: usize) -> Option<Numeral> {
    let mut end = i;
    while end < chars.len()
        && (is_numeral_char(chars[end])
            || (matches!(chars[end], '点')
                && end > i
                && chars.get(end + 1).is_some_and(|c| digit(*c).is_some()))
            || (matches!(chars[end], '多' | '余')
                && end > i
                && small_unit(chars[end - 1]).is_some()
                && chars.get(end + 1).is_some_and(|c| matches!(c, '万' | '亿'))))
    {
        end += 1;
    }
    if end == i {
        return None;
    }
    let run = &chars[i..end];
    let digit_by_digit = run.len() >= 2 && run.iter().all(|c| digit(*c).is_some());
    if digit_by_digit {
        let text: String = run
            .iter()
            .map(|c| char::from_digit(digit(*c).unwrap_or(0.0) as u32, 10).unwrap_or('0'))
            .collect();
        return (text.len() <= MAX_DIGITS).then(|| Numeral {
            value: text.parse().unwrap_or(0.0),
            end,
            digit_by_digit: true,
            has_multiplier: false,
            qualifier: None,
        });
    }
    let (value, qualifier) = structured_value(run)?;
    Some(Numeral {
        value,
        end,
        digit_by_digit: false,
        has_multiplier: run.iter().any(|c| matches!(c, '万' | '亿')),
        qualifier,
    })
}

/// The value of a numeral with units (`二萬一千`, `一億五千萬`, `卅一點六萬`,
/// `五十四万亿`, `一点二`), and a `多`/`余` read inside it.
fn structured_value(run: &[char]) -> Option<(f64, Option<char>)> {
    let mut total = 0.0;
    let mut section = 0.0;
    let mut number: Option<f64> = None;
    let mut last_unit = f64::INFINITY;
    let mut qualifier = None;
    let mut k = 0;
    while k < run.len() {
        let c = run[k];
        if matches!(c, '零' | '〇' | '○') && number.is_none() {
            // a place left empty (`三百零五`)
        } else if let Some(d) = digit(c) {
            if number.is_some() {
                return None; // two digits in a row inside a numeral with units
            }
            number = Some(d);
        } else if let Some(u) = small_unit(c) {
            if u >= last_unit {
                return None;
            }
            section += number.unwrap_or(1.0) * u;
            number = None;
            last_unit = u;
        } else if let Some(t) = tens(c) {
            if section > 0.0 || number.is_some() {
                return None;
            }
            section += t;
            last_unit = 10.0;
        } else if c == '点' {
            let whole = number.take().unwrap_or(0.0);
            let mut fraction = String::from("0.");
            while k + 1 < run.len() && digit(run[k + 1]).is_some() {
                k += 1;
                fraction.push(char::from_digit(digit(run[k])? as u32, 10)?);
            }
            number = Some(whole + fraction.parse::<f64>().ok()?);
        } else if matches!(c, '多' | '余') {
            qualifier = Some(c);
        } else if c == '万' && run.get(k + 1) == Some(&'亿') {
            total = (total + section + number.take().unwrap_or(0.0)) * 1e12;
            section = 0.0;
            last_unit = f64::INFINITY;
            k += 1;
        } else if c == '万' {
            let part = section + number.take().unwrap_or(0.0);
            if part == 0.0 && total == 0.0 && k > 0 {
                return None;
            }
            total += part.max(if k == 0 { 1.0 } else { 0.0 }) * 1e4;
            section = 0.0;
            last_unit = f64::INFINITY;
        } else if c == '亿' {
            let part = section + number.take().unwrap_or(if k == 0 { 1.0 } else { 0.0 });
            total = (total + part) * 1e8;
            section = 0.0;
            last_unit = f64::INFINITY;
        } else {
            return None;
        }
        k += 1;
    }
    let value = total + section + number.unwrap_or(0.0);
    (value.is_finite() && value > 0.0).then_some((value, qualifier))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<f64> {
        let chars = normalise(&text.chars().collect::<Vec<_>>());
        chinese_at(&chars, 0)
            .filter(|n| n.end == chars.len())
            .map(|n| n.value)
    }

    #[test]
    fn chinese_numerals_of_every_form() {
        for (text, expect) in [
            ("一百七十八", 178.0),
            ("十五萬", 150_000.0),
            ("二萬一千", 21_000.0),
            ("一億五千萬", 150_000_000.0),
            ("卅六億", 3_600_000_000.0),
            ("四點三五億", 435_000_000.0),
            ("卅一點六萬", 316_000.0),
            ("五十四万亿", 54e12),
            ("一点二", 1.2),
            ("十", 10.0),
            ("百", 100.0),
            ("万", 10_000.0),
            ("两千", 2_000.0),
            ("三百零五", 305.0),
            ("七五五○", 7_550.0),
            ("八十多萬", 800_000.0),
        ] {
            let got = value(text);
            assert!(
                got.is_some_and(|v| (v - expect).abs() < 1e-6 * expect),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn malformed_numerals_are_none() {
        assert_eq!(value("十十万"), None);
        assert_eq!(value("百千"), None);
        assert_eq!(value("三四五十"), None);
    }

    #[test]
    fn arabic_numbers_with_separators_and_full_width_digits() {
        let chars: Vec<char> = normalise(&"１２,６２１宗".chars().collect::<Vec<_>>());
        assert_eq!(arabic_at(&chars, 0), Some((12_621.0, 6)));
        let chars: Vec<char> = "12 621宗".chars().collect();
        assert_eq!(arabic_at(&chars, 0), Some((12_621.0, 6)));
        let chars: Vec<char> = "1,661,556人".chars().collect();
        assert_eq!(arabic_at(&chars, 0), Some((1_661_556.0, 9)));
        // a list of numbers is not one number
        let chars: Vec<char> = "3, 5, 7".chars().collect();
        assert_eq!(arabic_at(&chars, 0), Some((3.0, 1)));
        let chars: Vec<char> = "2013年 2月".chars().collect();
        assert_eq!(arabic_at(&chars, 0), Some((2013.0, 4)));
    }
}
