//! PDF seeds (`.pdf`): the text of a PDF page, CID-keyed Chinese fonts
//! included, recovered through each font's map to Unicode, in the order the
//! page draws it. A PDF whose fonts carry no such map has no recoverable
//! text; it is refused with what to do instead.

use crate::error::{Error, Result};
use std::path::Path;

/// Whether a seed is read as a PDF.
pub fn is_pdf(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".pdf")
}

/// Fewest Chinese characters a readable PDF seed holds.
const MIN_HAN: usize = 20;

/// The text of the PDF `bytes` of the seed at `path`.
pub fn read(path: &Path, bytes: &[u8]) -> Result<String> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(Error::in_file(
            path,
            "not a PDF file: it has no `%PDF-` header; rename it to what it is (.txt, .html)",
        ));
    }
    let owned = bytes.to_vec();
    // the PDF parser may panic on a damaged file: it runs on a thread of its
    // own, so that a panic there is an error about the file
    let extracted = std::thread::Builder::new()
        .name(PDF_THREAD.into())
        .spawn(move || pdf_extract::extract_text_from_mem(&owned))
        .map_err(|e| Error::io(path, e))?
        .join();
    let text = match extracted {
        Ok(Ok(text)) => normalise(&text),
        Ok(Err(e)) => return Err(Error::in_file(path, format!("cannot read the PDF: {e}"))),
        Err(_) => {
            return Err(Error::in_file(
                path,
                "cannot read the PDF: its structure is damaged",
            ));
        }
    };
    let han = text.chars().filter(|c| crate::chars::is_han(*c)).count();
    let garbage = text
        .chars()
        .filter(|c| *c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(c))
        .count();
    if han < MIN_HAN || garbage * 10 > han {
        return Err(Error::in_file(
            path,
            format!(
                "the PDF's text cannot be recovered ({han} Chinese characters, {garbage} unreadable): its fonts carry no map to Unicode, or it is a scan; extract the text by OCR and save it as .txt"
            ),
        ));
    }
    Ok(text)
}

/// Name of the thread a PDF is parsed on; a panic there is reported as an
/// error about the file, not as a fault of the program.
pub const PDF_THREAD: &str = "minsheng-pdf";

/// The 214 Kangxi radicals (U+2F00–U+2FD5) as the ideographs they are.
const KANGXI: &str = "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";

/// Radicals of the supplement (U+2E80–U+2EF3) whose shape is a whole
/// character: a font draws both with one glyph, and a PDF's map to Unicode
/// may name the radical where the text has the character.
const RADICAL_CHARACTERS: &[(char, char)] = &[
    ('⺟', '母'),
    ('⺠', '民'),
    ('⻄', '西'),
    ('⻅', '见'),
    ('⻆', '角'),
    ('⻉', '贝'),
    ('⻋', '车'),
    ('⻑', '長'),
    ('⻓', '长'),
    ('⻔', '门'),
    ('⻘', '青'),
    ('⻙', '韦'),
    ('⻚', '页'),
    ('⻛', '风'),
    ('⻜', '飞'),
    ('⻝', '食'),
    ('⻢', '马'),
    ('⻣', '骨'),
    ('⻤', '鬼'),
    ('⻥', '鱼'),
    ('⻦', '鸟'),
    ('⻧', '卤'),
    ('⻨', '麦'),
    ('⻩', '黄'),
    ('⻪', '黾'),
    ('⻬', '齐'),
    ('⻮', '齿'),
    ('⻰', '龙'),
    ('⻱', '龜'),
    ('⻳', '龟'),
];

/// The text with radicals written as the characters they stand for, a
/// two- or three-em dash as the dashes it joins, and the horizontal bar as
/// the dash. The Kangxi radicals are
/// Traditional forms (`⼾` is `戶`); in a Simplified text a font draws them
/// with the Simplified glyph (`户`), which is what the text says.
fn normalise(text: &str) -> String {
    let simplified = !crate::script::detect(text).is_traditional();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{2F00}'..='\u{2FD5}' => {
                let character = KANGXI.chars().nth(c as usize - 0x2F00).unwrap_or(c);
                if simplified {
                    out.push_str(&crate::script::to_simplified(&character.to_string()));
                } else {
                    out.push(character);
                }
            }
            '\u{2E3A}' => out.push_str("——"),
            // a font draws the dash and the horizontal bar alike
            '\u{2015}' => out.push('—'),
            '\u{2E3B}' => out.push_str("———"),
            _ => match RADICAL_CHARACTERS.iter().find(|(r, _)| *r == c) {
                Some((_, character)) => out.push(*character),
                None => out.push(c),
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radicals_become_the_characters_they_stand_for() {
        assert_eq!(normalise("⺠⽣⽆⼩事⸺⻓期"), "民生无小事——长期");
        // a Simplified text's door radical is 户, a Traditional one's 戶
        let simplified = "出生证明、⼾口登记等10项业务简化为1套流程，实现当天申报、当天审批";
        assert!(normalise(simplified).contains("户口"));
        let traditional = "出生證明、⼾口登記等10項業務簡化為1套流程，實現當天申報、當天審批";
        assert!(normalise(traditional).contains("戶口"));
        assert_eq!(KANGXI.chars().count(), 214);
    }

    #[test]
    fn refuses_what_is_not_a_pdf_and_a_damaged_pdf() {
        let e = read(Path::new("page.pdf"), "江北区".as_bytes()).unwrap_err();
        assert!(e.to_string().contains("not a PDF"), "{e}");
        let e = read(Path::new("page.pdf"), b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n").unwrap_err();
        assert!(e.to_string().contains("cannot read the PDF"), "{e}");
    }
}
