//! Saved web pages (`.html`, `.htm`): the page is parsed as HTML, its main
//! text found by a readability-style extractor, and what its markup says of
//! the article (headline, date, publication, address) read from `<title>`,
//! `<meta>` and JSON-LD. The seed's text is then the headline on line 1 and
//! the story's blocks after it, one per line with a blank line between, as
//! the source page shows it.

use super::known::Known;
use crate::content::date::Date;
use crate::error::{Error, Result};
use dom_query::Document;
use std::path::Path;

/// Whether a seed is read as a saved web page.
pub fn is_html(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".html") || lower.ends_with(".htm")
}

/// A saved page read: its text, and what its markup says of the article.
#[derive(Debug, Clone, Default)]
pub struct HtmlPage {
    pub text: String,
    pub known: Known,
}

/// `<meta>` names that state the day a page was published: Open Graph and
/// schema.org, Dublin Core, and the names the guidelines for Chinese
/// government sites (《政府网站发展指引》) prescribe.
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "PubDate",
    "pubdate",
    "publishdate",
    "publish_date",
    "datePublished",
    "DC.date.issued",
    "dc.date",
    "og:release_date",
];

/// `<meta>` names of the publishing site or its source (`ContentSource`
/// names who wrote the piece, which a government site republishes).
const SOURCE_METAS: &[&str] = &["ContentSource", "og:site_name", "SiteName", "source"];

/// `<meta>` names of the article's headline.
const TITLE_METAS: &[&str] = &["ArticleTitle", "og:title", "twitter:title"];

/// `<meta>` names of the page's own address.
const URL_METAS: &[&str] = &["og:url", "Url", "url"];

/// Reads the saved page `html` of the seed at `path`.
pub fn read(path: &Path, html: &str) -> Result<HtmlPage> {
    let lower = html.to_ascii_lowercase();
    if !["<html", "<body", "<head", "<p", "<div", "<article"]
        .iter()
        .any(|tag| lower.contains(tag))
    {
        return Err(Error::in_file(
            path,
            "not an HTML page: it has no <html>, <head>, <body> or text elements; save the page as HTML, or rename the file to .txt if it is plain text",
        ));
    }
    let document = Document::from(html);
    let config = dom_smoothie::Config {
        // a Chinese story says in 150 characters what takes 500 in English
        char_threshold: 150,
        ..Default::default()
    };
    let article = dom_smoothie::Readability::with_document(document.clone(), None, Some(config))
        .and_then(|mut r| r.parse())
        .map_err(|e| Error::in_file(path, format!("no article text found in the page ({e})")))?;
    let title = meta(&document, TITLE_METAS)
        .or_else(|| Some(article.title.to_string()).filter(|t| !t.trim().is_empty()))
        .map(|t| clean_title(&t));
    let body = blocks(&story_text(&article.content));
    if body.is_empty() {
        return Err(Error::in_file(path, "no article text found in the page"));
    }
    let mut text = String::new();
    text.push_str(title.as_deref().unwrap_or(""));
    text.push('\n');
    for block in &body {
        text.push('\n');
        text.push_str(block);
        text.push('\n');
    }
    let date = DATE_METAS
        .iter()
        .find_map(|name| meta(&document, &[name]))
        .map(|v| (v, "the page's `<meta>` date".to_string()))
        .or_else(|| {
            article
                .published_time
                .clone()
                .map(|v| (v, "the page's published time".to_string()))
        })
        .and_then(|(value, basis)| Date::first_day_in(value.trim()).map(|d| (d, basis)));
    Ok(HtmlPage {
        text,
        known: Known {
            publication: meta(&document, SOURCE_METAS)
                .or_else(|| article.site_name.clone())
                .map(|p| without_label(&p)),
            url: meta(&document, URL_METAS)
                .or_else(|| canonical(&document))
                .or_else(|| article.url.clone())
                .filter(|u| u.starts_with("http://") || u.starts_with("https://")),
            date,
            ..Known::default()
        },
    })
}

/// The content of the first `<meta>` with one of `names` (as `name` or
/// `property`, in any case), trimmed and not empty.
fn meta(document: &Document, names: &[&str]) -> Option<String> {
    for name in names {
        for tag in document.select("meta").iter() {
            let matches = ["name", "property", "itemprop"].iter().any(|attr| {
                tag.attr(attr)
                    .is_some_and(|v| v.trim().eq_ignore_ascii_case(name))
            });
            if let Some(content) = tag.attr("content").filter(|_| matches) {
                let content = content.trim();
                if !content.is_empty() {
                    return Some(content.to_string());
                }
            }
        }
    }
    None
}

/// `来源：人民网` → `人民网`.
fn without_label(text: &str) -> String {
    let text = text.trim();
    ["来源：", "來源：", "来源:", "來源:", "稿源："]
        .iter()
        .find_map(|l| text.strip_prefix(l))
        .unwrap_or(text)
        .trim()
        .to_string()
}

fn canonical(document: &Document) -> Option<String> {
    document
        .select("link[rel=canonical]")
        .attr("href")
        .map(|h| h.trim().to_string())
}

/// Separators a `<title>` puts between the headline and the names of the
/// channel and site after it.
const TITLE_SEPARATORS: &[&str] = &["_", "--", "|", "｜", " - ", " – ", "-"];

/// Longest channel or site name a `<title>` appends (`人民网`, `新闻中心`,
/// `德清县人民政府`).
const SITE_NAME_MAX: usize = 16;

/// A headline without the names of channel and site a `<title>` appends to
/// it (`标题_新闻_某某网`, `标题--文化--人民网`, `标题 - 澎湃新闻`, `标题-新华网`):
/// short trailing segments go while a headline of six characters or more
/// is left. A hyphen between digits (`2018-2019`) separates nothing.
fn clean_title(title: &str) -> String {
    let mut title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    loop {
        let cut = TITLE_SEPARATORS
            .iter()
            .filter_map(|sep| title.rfind(sep).map(|at| (at, sep.len())))
            .filter(|&(at, len)| {
                let before = title[..at].chars().next_back();
                let after = title[at + len..].chars().next();
                !(before.is_some_and(|c| c.is_ascii_digit())
                    && after.is_some_and(|c| c.is_ascii_digit()))
            })
            .max_by_key(|&(at, _)| at);
        let Some((at, len)) = cut else {
            return title;
        };
        let head = title[..at].trim_end_matches(['-', '_', ' ']).trim();
        let tail = title[at + len..].trim();
        let is_name = tail.chars().count() <= SITE_NAME_MAX
            && !tail.contains(['，', '。', '：', '！', '？', ','])
            && head.chars().count() >= 6;
        if !is_name {
            return title;
        }
        title = head.to_string();
    }
}

/// The text of the story's markup, read the way pages are made: a block that
/// is one link and nothing else (`点击进入…>>`, `上一篇`) is navigation, and
/// the text an image's `title` or `alt` repeats beside it, or a
/// `<figcaption>`, is its caption (marked `▲`, as print marks captions).
fn story_text(content: &str) -> String {
    let doc = Document::from(content);
    let captions: Vec<String> = doc
        .select("img")
        .iter()
        .flat_map(|img| [img.attr("title"), img.attr("alt")])
        .flatten()
        .map(|t| t.trim().to_string())
        .filter(|t| t.chars().count() >= CAPTION_MIN)
        .collect();
    for block in doc.select("p, span, td, figcaption").iter() {
        let text = block.text().trim().to_string();
        let leaf = block.select("p, span, td, div").is_empty();
        if leaf && (block.is("figcaption") || captions.contains(&text)) && !text.is_empty() {
            block.set_text(&format!("▲{text}"));
        }
    }
    for link in doc.select("a").iter() {
        let parent = link.parent();
        let own = closed_up(&parent.text());
        if parent.is("p, li, span, td, h2, h3, h4, h5, h6")
            && !own.is_empty()
            && own == closed_up(&link.text())
            && own.chars().count() <= LINK_BLOCK_MAX
        {
            parent.remove();
        }
    }
    doc.formatted_text().to_string()
}

/// Shortest image title taken as a caption (a word or two is a label).
const CAPTION_MIN: usize = 4;

/// Longest block that is navigation when it is all one link.
const LINK_BLOCK_MAX: usize = 40;

/// Longest line without a Chinese character that is a widget's text
/// (`+1`, `Qzone`, a timestamp) rather than the story's.
const NON_CHINESE_LINE_MAX: usize = 20;

/// Labels of the widgets a page puts inside its story: a gallery, a player,
/// a share bar.
const WIDGET_LABELS: &[&str] = &[
    "图集",
    "圖集",
    "视频",
    "視頻",
    "分享到",
    "分享",
    "扫一扫",
    "掃一掃",
    "打印",
    "关闭",
    "關閉",
    "收藏",
    "评论",
    "評論",
    "点赞",
    "字号",
    "字號",
    "返回顶部",
    "返回頂部",
];

fn closed_up(text: &str) -> String {
    text.split_whitespace().collect()
}

/// The story's blocks: each line of the extracted text with its whitespace
/// runs closed up, without widget labels and short lines with no Chinese.
fn blocks(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .filter(|l| !WIDGET_LABELS.contains(&l.trim_end_matches(['：', ':'])))
        .filter(|l| l.chars().any(crate::chars::is_han) || l.chars().count() > NON_CHINESE_LINE_MAX)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>江北区新增养老服务设施12个_区县新闻_某某网</title>
<meta name="PubDate" content="2023-03-15 09:30">
<meta name="ContentSource" content="江北报">
<meta property="og:url" content="https://example.org/news/123.html">
</head><body>
<div class="nav"><a href="/">首页</a> | <a href="/news">新闻</a> | <a href="/about">关于我们</a></div>
<div class="article"><h1>江北区新增养老服务设施12个</h1>
<p>今年以来，江北区聚焦群众急难愁盼，新建社区养老服务站12个，新增养老床位300张，让老年人在家门口享受到便捷服务。</p>
<p>据介绍，这些服务站提供助餐、助浴、日间照料等服务，截至目前已服务老年人超过1.2万人次，群众满意度持续提升。</p>
<p>下一步，江北区将继续完善养老服务网络，推动居家社区机构协调发展，让更多老年人老有所养、老有所依、老有所乐。</p>
</div>
<div class="share">分享到：微信 微博</div>
<div class="footer">版权所有 某某网 备案号：渝ICP备12345678号</div>
</body></html>"#;

    #[test]
    fn reads_the_story_and_what_the_markup_says() {
        let page = read(Path::new("page.html"), PAGE).unwrap();
        let lines: Vec<&str> = page.text.lines().collect();
        assert_eq!(lines[0], "江北区新增养老服务设施12个", "{}", page.text);
        assert!(page.text.contains("新增养老床位300张"));
        assert!(page.text.contains("老有所乐。"));
        for chrome in ["关于我们", "分享到", "ICP备"] {
            assert!(!page.text.contains(chrome), "{chrome} in {}", page.text);
        }
        let (date, basis) = page.known.date.unwrap();
        assert_eq!(date.to_string(), "2023-03-15");
        assert!(basis.contains("<meta>"), "{basis}");
        assert_eq!(page.known.publication.as_deref(), Some("江北报"));
        assert_eq!(
            page.known.url.as_deref(),
            Some("https://example.org/news/123.html")
        );
    }

    #[test]
    fn refuses_a_file_that_is_not_html() {
        let e = read(Path::new("page.html"), "江北区新增养老服务设施12个。\n").unwrap_err();
        assert!(e.to_string().contains("not an HTML page"), "{e}");
    }

    #[test]
    fn titles_lose_the_site_name() {
        assert_eq!(
            clean_title("江北区新增养老服务设施_区县_某某网"),
            "江北区新增养老服务设施"
        );
        assert_eq!(
            clean_title("南沙邮轮母港开港 - 澎湃新闻"),
            "南沙邮轮母港开港"
        );
        assert_eq!(clean_title("短题_网"), "短题_网");
        assert_eq!(
            clean_title("女儿出嫁，郑板桥画了几笔兰花当嫁妆--文化--人民网 "),
            "女儿出嫁，郑板桥画了几笔兰花当嫁妆"
        );
        assert_eq!(
            clean_title("法国全国大罢工再次严重影响交通-新华网"),
            "法国全国大罢工再次严重影响交通"
        );
        assert_eq!(
            clean_title("2018-2019年度民生实事清单公布"),
            "2018-2019年度民生实事清单公布"
        );
    }

    #[test]
    fn dates_are_read_in_the_forms_pages_write() {
        for value in [
            "2023-01-12T10:00:00+08:00",
            "2023/1/12 10:00",
            "2023年1月12日",
        ] {
            assert_eq!(
                Date::first_day_in(value).unwrap().to_string(),
                "2023-01-12",
                "{value}"
            );
        }
        assert!(Date::first_day_in("2023").is_none());
        assert!(Date::first_day_in("2023-02-30").is_none());
    }
}
