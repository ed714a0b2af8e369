//! Site-wide pages: home, article lists by topic and by district, and search.

use super::format::{fact_box, fact_english};
use super::view::Summary;
use super::{OutFile, Renderer};
use crate::content::model::{Article, Fact};
use crate::content::taxonomy::{TOPIC_KEYS, district_english, topic_name};
use crate::error::Result;
use crate::lang::Lang;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Serialize)]
pub(super) struct Group {
    key: String,
    label: String,
    href: String,
    count: usize,
}

/// `江北区` → `jiangbei`.
pub fn district_key(district: &str) -> String {
    let reading = crate::content::glossary::pinyin_plain(district.trim_end_matches(['区', '县']));
    super::view::path_segment(&reading.replace(' ', ""))
}

impl Renderer<'_> {
    pub(super) fn search_page(&self, lang: Lang) -> Result<OutFile> {
        let title = self.string(lang, "search");
        let path = format!("{lang}/search/");
        let page = self.page(
            "search",
            lang,
            &path,
            title,
            self.string(lang, "search_label"),
            true,
        );
        let ctx = self.context(&page);
        self.html("search.html", path, &ctx)
    }

    fn list_page(
        &self,
        lang: Lang,
        path: String,
        title: String,
        views: Vec<&Summary>,
    ) -> Result<OutFile> {
        let description = format!("{title} · {}", self.string(lang, "all_articles"));
        let page = self.page("list", lang, &path, title, description, true);
        let mut ctx = self.context(&page);
        ctx.insert_value("articles", super::view::summaries(&views));
        self.html("section.html", path, &ctx)
    }

    pub(super) fn topic_pages(&self, lang: Lang, views: &[&Summary]) -> Result<Vec<OutFile>> {
        let by_topic = by_topic(views);
        TOPIC_KEYS
            .iter()
            .filter_map(|key| Some((key, by_topic.get(key)?)))
            .map(|(key, list)| {
                self.list_page(
                    lang,
                    format!("{lang}/topics/{key}/"),
                    topic_name(key, lang).to_string(),
                    list.clone(),
                )
            })
            .collect()
    }

    pub(super) fn district_pages(&self, lang: Lang, views: &[&Summary]) -> Result<Vec<OutFile>> {
        by_district(views)
            .into_iter()
            .map(|(d, list)| {
                let title = if lang.is_english() {
                    district_english(d).unwrap_or(d).to_string()
                } else {
                    d.to_string()
                };
                self.list_page(
                    lang,
                    format!("{lang}/districts/{}/", district_key(d)),
                    title,
                    list,
                )
            })
            .collect()
    }

    pub(super) fn groups(&self, lang: Lang, views: &[&Summary]) -> (Vec<Group>, Vec<Group>) {
        let en = lang.is_english();
        let by_topic = by_topic(views);
        let topics = TOPIC_KEYS
            .iter()
            .filter_map(|key| {
                Some(Group {
                    key: key.to_string(),
                    label: topic_name(key, lang).into(),
                    href: format!("{lang}/topics/{key}/index.html"),
                    count: by_topic.get(key)?.len(),
                })
            })
            .collect();
        let districts = by_district(views)
            .into_iter()
            .map(|(d, list)| Group {
                key: district_key(d),
                label: if en {
                    district_english(d).unwrap_or(d).to_string()
                } else {
                    d.to_string()
                },
                href: format!("{lang}/districts/{}/index.html", district_key(d)),
                count: list.len(),
            })
            .collect();
        (topics, districts)
    }

    pub(super) fn home(
        &self,
        articles: &[&Article],
        per_lang: &[(Lang, Vec<&Summary>)],
    ) -> Result<OutFile> {
        #[derive(Serialize)]
        struct Figure {
            zh: String,
            zh_label: String,
            en: String,
            en_label: Option<String>,
            slug: String,
            para: String,
        }
        let title = format!("{} · {}", self.config.title.zh, self.config.title.en);
        let description = format!(
            "{} {}",
            self.config.description.zh, self.config.description.en
        );
        let page = self.page("home", Lang::Zh, "", title, description, false);
        let mut ctx = self.context(&page);
        let all: Vec<(&Article, &Fact)> = articles
            .iter()
            .flat_map(|a| a.front.facts.iter().map(move |f| (*a, f)))
            .collect();
        let facts: Vec<Fact> = all
            .iter()
            .map(|(a, f)| Fact {
                para: format!("{}#{}", a.front.slug, f.para),
                ..(*f).clone()
            })
            .collect();
        let figures: Vec<Figure> = fact_box(&facts, 6)
            .into_iter()
            .map(|f| {
                let (slug, para) = f.para.split_once('#').unwrap_or_default();
                let article = articles.iter().find(|a| a.front.slug == slug);
                let en_label = article
                    .and_then(|a| a.translation.as_ref())
                    .and_then(|t| t.front.facts.get(&f.id))
                    .cloned();
                Figure {
                    zh: f.text.clone(),
                    zh_label: f.shown_label(),
                    en: fact_english(f),
                    en_label,
                    slug: slug.into(),
                    para: para.into(),
                }
            })
            .collect();
        ctx.insert("figures", &figures);
        for (lang, views) in per_lang {
            ctx.insert_value(format!("articles_{lang}"), super::view::summaries(views));
            let (topics, districts) = self.groups(*lang, views);
            ctx.insert(format!("topics_{lang}"), &topics);
            ctx.insert(format!("districts_{lang}"), &districts);
        }
        self.html("home.html", String::new(), &ctx)
    }
}

/// The summaries under each topic key they carry, in list order.
/// The addresses of the topic and district pages, under a language's folder
/// (`topics/elderly-care/`, `districts/jiangbei/`), as they are written.
pub(super) fn list_sections(views: &[&Summary]) -> Vec<String> {
    let topics = by_topic(views);
    let topic_pages = TOPIC_KEYS
        .iter()
        .filter(|k| topics.contains_key(**k))
        .map(|k| format!("topics/{k}/"));
    let district_pages = by_district(views)
        .into_keys()
        .map(|d| format!("districts/{}/", district_key(d)));
    topic_pages.chain(district_pages).collect()
}

fn by_topic<'a>(views: &[&'a Summary]) -> HashMap<&'a str, Vec<&'a Summary>> {
    let mut groups: HashMap<&str, Vec<&Summary>> = HashMap::new();
    for view in views {
        for topic in &view.topics {
            groups.entry(topic.as_str()).or_default().push(view);
        }
    }
    groups
}

/// The summaries of each Chinese district name, districts in name order,
/// summaries in list order.
fn by_district<'a>(views: &[&'a Summary]) -> BTreeMap<&'a str, Vec<&'a Summary>> {
    let mut groups: BTreeMap<&str, Vec<&Summary>> = BTreeMap::new();
    for view in views {
        if let Some(d) = &view.district_zh {
            groups.entry(d.as_str()).or_default().push(view);
        }
    }
    groups
}
