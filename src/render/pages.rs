//! Site-wide pages: home, article lists by topic and by district, the numbers
//! page (every figure, filterable, with charts and a timeline) and search.

use super::charts::{Bar, CHARTED, bar_chart, chart_title, shown};
use super::format::{fact_box, fact_english};
use super::view::Summary;
use super::{OutFile, Renderer};
use crate::content::model::{Article, Fact};
use crate::content::taxonomy::{TOPIC_KEYS, district_english, topic_chinese, topic_english};
use crate::error::Result;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Serialize)]
struct Group {
    key: String,
    label: String,
    href: String,
    count: usize,
}

#[derive(Serialize)]
struct Row {
    figure: String,
    label: String,
    label_missing: bool,
    kind: String,
    topic: String,
    slug: String,
    title: String,
    para: String,
    district: Option<String>,
    district_key: String,
}

#[derive(Serialize)]
struct Event {
    date: String,
    label: String,
    slug: String,
    para: String,
    title: String,
}

fn topic_label(key: &str, en: bool) -> &'static str {
    if en {
        topic_english(key)
    } else {
        topic_chinese(key)
    }
}

/// `江北区` → `jiangbei`.
pub fn district_key(district: &str) -> String {
    let reading = crate::content::glossary::pinyin_plain(district.trim_end_matches(['区', '县']));
    super::view::path_segment(&reading.replace(' ', ""))
}

impl Renderer<'_> {
    pub(super) fn search_page(&self, lang: &str) -> Result<OutFile> {
        let title = if lang == "en" { "Search" } else { "搜索" };
        let path = format!("{lang}/search/");
        let page = self.page(
            "search",
            lang,
            &path,
            title.into(),
            self.string(lang, "search_label"),
            true,
        );
        let ctx = self.context(&page);
        self.html("search.html", path, &ctx)
    }

    fn list_page(
        &self,
        lang: &str,
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

    pub(super) fn topic_pages(&self, lang: &str, views: &[&Summary]) -> Result<Vec<OutFile>> {
        let en = lang == "en";
        let by_topic = by_topic(views);
        TOPIC_KEYS
            .iter()
            .filter_map(|key| Some((key, by_topic.get(key)?)))
            .map(|(key, list)| {
                self.list_page(
                    lang,
                    format!("{lang}/topics/{key}/"),
                    topic_label(key, en).to_string(),
                    list.clone(),
                )
            })
            .collect()
    }

    pub(super) fn district_pages(&self, lang: &str, views: &[&Summary]) -> Result<Vec<OutFile>> {
        by_district(views)
            .into_iter()
            .map(|(d, list)| {
                let title = if lang == "en" {
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

    fn groups(&self, lang: &str, views: &[&Summary]) -> (Vec<Group>, Vec<Group>) {
        let en = lang == "en";
        let by_topic = by_topic(views);
        let topics = TOPIC_KEYS
            .iter()
            .filter_map(|key| {
                Some(Group {
                    key: key.to_string(),
                    label: topic_label(key, en).into(),
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
        per_lang: &[(&str, Vec<&Summary>)],
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
        let page = self.page("home", "zh", "", title, description, false);
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
                    zh_label: f.label.clone(),
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
            let (topics, districts) = self.groups(lang, views);
            ctx.insert(format!("topics_{lang}"), &topics);
            ctx.insert(format!("districts_{lang}"), &districts);
        }
        self.html("home.html", String::new(), &ctx)
    }

    pub(super) fn numbers_page(
        &self,
        lang: &str,
        articles: &[&Article],
        views: &[&Summary],
    ) -> Result<OutFile> {
        #[derive(Serialize)]
        struct Section {
            key: String,
            label: String,
            rows: Vec<Row>,
        }
        let en = lang == "en";
        let mut rows = Vec::new();
        let mut events = Vec::new();
        let mut bars: Vec<Vec<Bar>> = CHARTED.iter().map(|_| Vec::new()).collect();
        for (article, view) in articles.iter().zip(views) {
            let labels = article.translation.as_ref().map(|t| &t.front.facts);
            let year = article.front.date.map(|d| d.year());
            for fact in &article.front.facts {
                let english = labels
                    .and_then(|l| l.get(&fact.id))
                    .filter(|l| !l.trim().is_empty());
                let label = if en {
                    english.cloned().unwrap_or_else(|| fact.label.clone())
                } else {
                    fact.label.clone()
                };
                let href = format!(
                    "{}{lang}/{}/index.html#{}",
                    self.page_root(lang),
                    article.front.slug,
                    fact.para
                );
                if let Some(k) = CHARTED
                    .iter()
                    .position(|(u, kind)| fact.unit == *u && fact.kind == *kind)
                {
                    bars[k].push(Bar {
                        label: label.clone(),
                        value: fact.value,
                        shown: shown(fact, en),
                        href: href.clone(),
                    });
                }
                // a month and day (3月2日), or a month (5月); a day alone has no place
                let date = match (year, fact.kind.as_str(), fact.unit.as_str()) {
                    (Some(year), "date", "月日") => {
                        let (m, d) = ((fact.value / 100.0) as u32, (fact.value % 100.0) as u32);
                        Some(format!("{year}-{m:02}-{d:02}"))
                    }
                    (Some(year), "date", "月") => Some(format!("{year}-{:02}", fact.value as u32)),
                    _ => None,
                };
                if let Some(date) = date {
                    events.push(Event {
                        date,
                        label: label.clone(),
                        slug: article.front.slug.clone(),
                        para: fact.para.clone(),
                        title: view.title.clone(),
                    });
                }
                rows.push(Row {
                    figure: if en {
                        fact_english(fact)
                    } else {
                        fact.text.clone()
                    },
                    label,
                    label_missing: en && english.is_none(),
                    kind: fact.kind.clone(),
                    topic: fact.topic.clone().unwrap_or_else(|| "other".into()),
                    slug: article.front.slug.clone(),
                    title: view.title.clone(),
                    para: fact.para.clone(),
                    district: view.district.clone(),
                    district_key: view
                        .district_zh
                        .as_deref()
                        .map(district_key)
                        .unwrap_or_default(),
                });
            }
        }
        events.sort_by(|a, b| a.date.cmp(&b.date));
        let charts: Vec<String> = CHARTED
            .iter()
            .zip(bars)
            .map(|((unit, _), bars)| bar_chart(&chart_title(unit, en), bars, 10))
            .filter(|svg| !svg.is_empty())
            .collect();
        let mut sections: Vec<Section> = TOPIC_KEYS
            .iter()
            .map(|key| Section {
                key: key.to_string(),
                label: topic_label(key, en).into(),
                rows: Vec::new(),
            })
            .collect();
        sections.push(Section {
            key: "other".into(),
            label: if en { "Other" } else { "其他" }.into(),
            rows: Vec::new(),
        });
        for row in rows {
            let at = sections
                .iter()
                .position(|s| s.key == row.topic)
                .unwrap_or(sections.len() - 1);
            sections[at].rows.push(row);
        }
        sections.retain(|s| !s.rows.is_empty());
        let (_, districts) = self.groups(lang, views);
        let title = if en { "By the numbers" } else { "数字一览" };
        let path = format!("{lang}/numbers/");
        let page = self.page(
            "numbers",
            lang,
            &path,
            title.into(),
            self.string(lang, "numbers_intro"),
            true,
        );
        let mut ctx = self.context(&page);
        ctx.insert("groups", &sections);
        ctx.insert("districts", &districts);
        ctx.insert("charts", &charts);
        ctx.insert("events", &events);
        self.html("numbers.html", path, &ctx)
    }

    /// Relative root of a page two folders deep (`zh/numbers/`).
    fn page_root(&self, _lang: &str) -> &'static str {
        "../../"
    }
}

/// The summaries under each topic key they carry, in list order.
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
