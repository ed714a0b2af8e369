//! Slugs: the ASCII names of articles in URLs and file names. A slug is
//! taken from the front matter, or made from a title or file name: the pinyin
//! of each run of Han characters, ASCII letters and digits lowercased, other
//! characters turned into hyphens.

use pinyin::ToPinyin;

/// An ASCII slug from a title or file name: the pinyin of each run of Han
/// characters, hyphen-separated, at most about 40 characters.
pub fn slugify(title: &str) -> String {
    const MAX: usize = 40;
    let mut slug = String::new();
    let mut pending_hyphen = false;
    for c in title.chars() {
        let piece = match c.to_pinyin() {
            Some(p) => p.plain().replace('ü', "v"),
            None if c.is_ascii_alphanumeric() => c.to_ascii_lowercase().to_string(),
            None => {
                pending_hyphen = !slug.is_empty();
                continue;
            }
        };
        let extra = piece.len() + usize::from(pending_hyphen);
        if slug.len() + extra > MAX {
            break;
        }
        if pending_hyphen {
            slug.push('-');
            pending_hyphen = false;
        }
        slug.push_str(&piece);
    }
    if slug.is_empty() {
        "article".into()
    } else {
        slug
    }
}

/// Whether a slug is safe in a URL and a file name as it is.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && !slug.starts_with('-')
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_pinyin_runs() {
        assert_eq!(
            slugify("江北 实施“民生立区”行动 建设高品质生活示范区"),
            "jiangbei-shishi-minshengliqu-xingdong"
        );
        assert_eq!(
            slugify("我区启动2023春运交通安保工作"),
            "woquqidong2023chunyunjiaotonganbaogong"
        );
        assert_eq!(
            slugify("市第五届人大代表履职贡献奖出炉"),
            "shidiwujierendadaibiaolvzhigongxianjiang"
        );
    }

    #[test]
    fn file_names_of_plain_trees_become_slugs() {
        assert_eq!(slugify("你好"), "nihao");
        assert_eq!(slugify("My Post"), "my-post");
        assert_eq!(slugify("2023_年报"), "2023-nianbao");
        assert!(is_valid_slug(&slugify("My Post")));
        assert!(!is_valid_slug("My Post"));
    }
}
