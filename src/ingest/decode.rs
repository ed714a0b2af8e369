//! Seed decoding: turns the bytes of a seed into text, detecting UTF-8 (with or
//! without BOM), UTF-16, GB18030/GBK and Big5 (or the charset a web page
//! declares), and refusing empty or binary files.

use crate::error::{Error, Result};
use encoding_rs::{BIG5, Encoding, GB18030, UTF_16BE, UTF_16LE};
use std::path::Path;

/// A decoded seed and the encoding it was found in.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Largest seed accepted: a newspaper page is a few tens of kilobytes.
pub const MAX_SEED_BYTES: usize = 16 << 20;
/// Longest line accepted in a seed, in characters.
pub const MAX_LINE_CHARS: usize = 20_000;

/// Decodes seed bytes, or explains why they are not a text seed.
pub fn decode_seed(path: &Path, bytes: &[u8]) -> Result<Decoded> {
    let decoded = decode_bytes(path, bytes)?;
    check_lines(path, &decoded.text)?;
    Ok(decoded)
}

/// Decodes seed bytes into text, refusing empty and binary files, whatever
/// the length of their lines (a saved web page may be one line long).
pub fn decode_bytes(path: &Path, bytes: &[u8]) -> Result<Decoded> {
    if bytes.len() > MAX_SEED_BYTES {
        return Err(Error::in_file(
            path,
            format!(
                "the seed is {} MB; a newspaper page is far smaller (at most {} MB): split the file or check it is the right one",
                bytes.len() >> 20,
                MAX_SEED_BYTES >> 20
            ),
        ));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::in_file(
            path,
            "the seed is empty: it holds no text to ingest",
        ));
    }
    let (text, encoding) = if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        (decode_strict(path, enc, &bytes[bom..])?, enc.name())
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_string(), "UTF-8")
    } else if let Some(enc) = utf16_without_bom(bytes) {
        (decode_strict(path, enc, bytes)?, enc.name())
    } else if bytes.contains(&0) {
        return Err(binary(path));
    } else if let Some(enc) = declared_charset(bytes)
        && let Ok(text) = decode_strict(path, enc, bytes)
    {
        (text, enc.name())
    } else {
        let text = decode_strict(path, GB18030, bytes).map_err(|_| {
            Error::in_file(
                path,
                "the seed is neither UTF-8, UTF-16, GB18030/GBK nor Big5 text; convert it to UTF-8",
            )
        })?;
        match decode_strict(path, BIG5, bytes) {
            Ok(big5) if reads_as_big5(&text) => (big5, BIG5.name()),
            _ => (text, "GB18030"),
        }
    };
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls * 100 > text.chars().count().max(1) {
        return Err(binary(path));
    }
    Ok(Decoded { text, encoding })
}

/// Refuses a text with a line too long to be a line of a page.
pub fn check_lines(path: &Path, text: &str) -> Result<()> {
    if let Some((i, line)) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.chars().count() > MAX_LINE_CHARS)
    {
        return Err(Error::at_line(
            path,
            i + 1,
            format!(
                "line of {} characters; seed lines are at most {MAX_LINE_CHARS} (is this a text extraction of a page?)",
                line.chars().count()
            ),
        ));
    }
    Ok(())
}

/// The charset a web page declares in its first kilobytes
/// (`<meta charset="big5">`, `content="text/html; charset=gb2312"`).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .collect();
    Encoding::for_label(label.as_bytes())
}

/// Whether a text decoded as GB18030 is Big5 in fact: Big5 writes its
/// full-width punctuation (`，` is A1 41) and many characters with second
/// bytes that GBK leaves to private use or to rare characters, so read as
/// GB18030 a Big5 text is strewn with private-use characters.
fn reads_as_big5(gb18030: &str) -> bool {
    let chars = gb18030.chars().count();
    let private = gb18030
        .chars()
        .filter(|c| ('\u{E000}'..='\u{F8FF}').contains(c))
        .count();
    private >= 3 && private * 100 >= chars
}

fn binary(path: &Path) -> Error {
    Error::in_file(
        path,
        "the seed looks like a binary file, not text; seeds must be plain text",
    )
}

fn decode_strict(path: &Path, enc: &'static Encoding, bytes: &[u8]) -> Result<String> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(Error::in_file(
            path,
            format!(
                "the seed is not valid {} text; convert it to UTF-8",
                enc.name()
            ),
        ));
    }
    Ok(text.into_owned())
}

/// Recognises UTF-16 without a byte-order mark by its many zero bytes on one side.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let zero_even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    // ASCII-heavy UTF-16 has a zero in nearly every pair; CJK-heavy has few zeros
    // but then valid UTF-8 or GB18030 would rarely be rejected first.
    if zero_odd * 3 > pairs && zero_even * 10 < pairs {
        Some(UTF_16LE)
    } else if zero_even * 3 > pairs && zero_odd * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> Result<Decoded> {
        decode_seed(Path::new("seed.txt"), bytes)
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("民生".as_bytes()).unwrap().text, "民生");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("民生".as_bytes());
        assert_eq!(decode(&bom).unwrap().text, "民生");
    }

    #[test]
    fn gbk_and_utf16_are_converted() {
        let (gbk, _, _) = GB18030.encode("江北区民生实事，办到群众心坎上。");
        let d = decode(&gbk).unwrap();
        assert_eq!(d.text, "江北区民生实事，办到群众心坎上。");
        assert_eq!(d.encoding, "GB18030");
        let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
        for unit in "民生 2022".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&utf16).unwrap().text, "民生 2022");
    }

    #[test]
    fn big5_is_told_from_gbk() {
        let text = "立法會議員今日通過撥款，預算達一千四百億元，較去年增加。資安預算亦見增長。";
        let (big5, _, unmappable) = BIG5.encode(text);
        assert!(!unmappable);
        let d = decode(&big5).unwrap();
        assert_eq!(d.encoding, "Big5");
        assert_eq!(d.text, text);
        // a Traditional text in GBK stays GBK
        let (gbk, _, _) = GB18030.encode(text);
        assert_eq!(decode(&gbk).unwrap().text, text);
    }

    #[test]
    fn a_declared_charset_is_honoured() {
        let page = "<html><head><meta charset=\"big5\"></head><body><p>萬華區</p></body></html>";
        let (bytes, _, _) = BIG5.encode(page);
        assert_eq!(decode(&bytes).unwrap().text, page);
    }

    #[test]
    fn empty_and_binary_are_refused() {
        assert!(decode(b"  \n\n").unwrap_err().to_string().contains("empty"));
        let png = [
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0xFF, 0x00, 0x01,
        ];
        assert!(decode(&png).unwrap_err().to_string().contains("binary"));
    }
}
