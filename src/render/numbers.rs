//! The numbers page: every figure of every article in one language, grouped
//! by topic and filterable by district, with bar charts of the units worth
//! comparing and a timeline of the dates the texts state.

use super::Renderer;
use super::charts::{Bar, CHARTED, bar_chart, shown};
use super::format::{fact_english, unit_english};
use super::pages::district_key;
use super::view::Summary;
use crate::content::model::{Article, Fact, FactKind};
use crate::content::taxonomy::{TOPIC_KEYS, topic_name};
use crate::error::Result;
use crate::lang::Lang;
use crate::output::OutFile;
use serde::Serialize;

#[derive(Serialize)]
struct Row {
    figure: String,
    label: String,
    label_missing: bool,
    kind: &'static str,
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

#[derive(Serialize)]
struct Section {
    key: String,
    label: String,
    rows: Vec<Row>,
}

/// What the page shows, gathered from every fact.
#[derive(Default)]
struct Figures {
    rows: Vec<Row>,
    events: Vec<Event>,
    /// Bars of each charted unit (its place in [`CHARTED`]) and topic: the
    /// figures one chart may compare.
    bars: std::collections::BTreeMap<(usize, String), Vec<Bar>>,
}

/// Fewest comparable figures worth a chart.
const MIN_BARS: usize = 3;

/// A chart with its caption.
#[derive(Serialize)]
struct Chart {
    title: String,
    svg: String,
}

/// Relative root of the page (`zh/numbers/`).
const ROOT: &str = "../../";

impl Renderer<'_> {
    pub(super) fn numbers_page(
        &self,
        lang: Lang,
        articles: &[&Article],
        views: &[&Summary],
    ) -> Result<OutFile> {
        let mut figures = Figures::default();
        for (article, view) in articles.iter().zip(views) {
            for fact in &article.front.facts {
                figures.add(lang, article, view, fact);
            }
        }
        figures.events.sort_by(|a, b| a.date.cmp(&b.date));
        let charts: Vec<Chart> = figures
            .bars
            .into_iter()
            .filter(|(_, bars)| bars.len() >= MIN_BARS)
            .map(|((k, topic), bars)| {
                let title = format!(
                    "{} · {}",
                    self.chart_title(lang, CHARTED[k].0),
                    topic_name(&topic, lang)
                );
                Chart {
                    svg: bar_chart(&title, bars, 10),
                    title,
                }
            })
            .filter(|chart| !chart.svg.is_empty())
            .collect();
        let sections = self.sections(lang, figures.rows);
        let (_, districts) = self.groups(lang, views);
        let path = format!("{lang}/numbers/");
        let page = self.page(
            "numbers",
            lang,
            &path,
            self.string(lang, "numbers"),
            self.string(lang, "numbers_intro"),
            true,
        );
        let mut ctx = self.context(&page);
        ctx.insert("groups", &sections);
        ctx.insert("districts", &districts);
        ctx.insert("charts", &charts);
        ctx.insert("events", &figures.events);
        self.html("numbers.html", path, &ctx)
    }

    /// The rows under each topic, in the site's topic order, then the others.
    fn sections(&self, lang: Lang, rows: Vec<Row>) -> Vec<Section> {
        let mut sections: Vec<Section> = TOPIC_KEYS
            .iter()
            .map(|key| Section {
                key: key.to_string(),
                label: topic_name(key, lang).into(),
                rows: Vec::new(),
            })
            .collect();
        sections.push(Section {
            key: "other".into(),
            label: self.string(lang, "other_topic"),
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
        sections
    }

    /// A chart's title: money, shares, or counts in a unit.
    fn chart_title(&self, lang: Lang, unit: &str) -> String {
        match unit {
            "元" => self.string(lang, "chart_amount"),
            "%" => self.string(lang, "chart_share"),
            u => self
                .string(lang, "chart_count")
                .replace('N', lang.pick(u, unit_english(u))),
        }
    }
}

impl Figures {
    /// Adds one fact: its row, its bar if its unit is charted, its event if
    /// it is a date.
    fn add(&mut self, lang: Lang, article: &Article, view: &Summary, fact: &Fact) {
        let en = lang.is_english();
        let english = article
            .translation
            .as_ref()
            .and_then(|t| t.front.facts.get(&fact.id))
            .filter(|l| !l.trim().is_empty());
        let label = match english {
            Some(english) if en => english.clone(),
            _ => fact.shown_label(),
        };
        let slug = &article.front.slug;
        if let Some(k) = CHARTED
            .iter()
            .position(|(u, kind)| fact.unit == *u && fact.kind == *kind)
        {
            let topic = fact.topic.clone().unwrap_or_else(|| "other".into());
            self.bars.entry((k, topic)).or_default().push(Bar {
                label: label.clone(),
                value: fact.value,
                shown: shown(fact, en),
                href: format!("{ROOT}{lang}/{slug}/index.html#{}", fact.para),
            });
        }
        if let Some(date) = timeline_date(article, fact) {
            self.events.push(Event {
                date,
                label: label.clone(),
                slug: slug.clone(),
                para: fact.para.clone(),
                title: view.title.clone(),
            });
        }
        self.rows.push(Row {
            figure: if en {
                fact_english(fact)
            } else {
                fact.text.clone()
            },
            label,
            label_missing: en && english.is_none(),
            kind: fact.kind.as_str(),
            topic: fact.topic.clone().unwrap_or_else(|| "other".into()),
            slug: slug.clone(),
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

/// The place of a date on the timeline: in the year the text gives
/// (`2022年10月`), or in the article's year or the year the text says
/// relative to it (`去年12月15日`, `上月15日`, `17日`); a date counted from
/// one the text did not name has no place.
fn timeline_date(article: &Article, fact: &Fact) -> Option<String> {
    if fact.kind != FactKind::Date {
        return None;
    }
    fact.iso_date(article.front.date)
}
