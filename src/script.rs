//! Chinese scripts: whether a text is written in Simplified or Traditional
//! characters, its `lang` tag, and its Simplified form (so that search finds
//! a Traditional text by a Simplified query).

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The script a Chinese text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    #[default]
    Simplified,
    Traditional,
}

impl Script {
    /// The `lang` attribute of text in this script: `zh-Hans`, `zh-Hant`.
    pub fn lang_tag(self) -> &'static str {
        match self {
            Script::Simplified => "zh-Hans",
            Script::Traditional => "zh-Hant",
        }
    }

    pub fn is_traditional(self) -> bool {
        self == Script::Traditional
    }
}

/// Share of a text's Chinese characters that must have another Simplified
/// form for the text to count as Traditional. A Simplified text has almost
/// none (a variant or two); a Traditional one has a fifth or more.
const TRADITIONAL_SHARE: f64 = 0.04;

/// Fewest such characters: a name or two in Traditional characters inside
/// a Simplified text do not make it Traditional.
const TRADITIONAL_MIN: usize = 4;

/// The script `text` is written in.
pub fn detect(text: &str) -> Script {
    let simplified = to_simplified(text);
    let mut han = 0usize;
    let mut changed = 0usize;
    for (a, b) in text.chars().zip(simplified.chars()) {
        if crate::chars::is_han(a) {
            han += 1;
            changed += usize::from(a != b);
        }
    }
    let traditional =
        changed >= TRADITIONAL_MIN && changed as f64 >= TRADITIONAL_SHARE * han as f64;
    if traditional {
        Script::Traditional
    } else {
        Script::Simplified
    }
}

/// `text` with Traditional characters and phrases in their Simplified form
/// (OpenCC's `t2s`); other characters are left as they are.
pub fn to_simplified(text: &str) -> String {
    static CONVERTER: OnceLock<Option<ferrous_opencc::OpenCC>> = OnceLock::new();
    let converter = CONVERTER.get_or_init(|| {
        ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s).ok()
    });
    match converter {
        Some(c) => c.convert(text),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_traditional_from_simplified() {
        assert_eq!(
            detect("立法會議員今日通過撥款，預算達一千四百億元，較去年增加。"),
            Script::Traditional
        );
        assert_eq!(
            detect("江北区今年办好十件民生实事，新增养老服务设施。"),
            Script::Simplified
        );
        // a Traditional name inside a Simplified text
        assert_eq!(
            detect("记者在臺北采访了相关人士，了解情况。"),
            Script::Simplified
        );
    }

    #[test]
    fn simplifies_traditional_text() {
        assert_eq!(to_simplified("預算達一千四百億元"), "预算达一千四百亿元");
        assert_eq!(to_simplified("办好民生实事"), "办好民生实事");
    }
}
