//! Who carried a story first: the articles of one timeline row in order of
//! publication, each with the outlets it cites, so a reader sees who broke
//! a quote and who repeated it.

use crate::model::{ArticleId, Model, Name};
use crate::timeline::{Item, ItemRef};
use chrono::NaiveDate;
use std::collections::HashMap;

/// One article carrying a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Carrier {
    /// Index into `model.articles`.
    pub article: usize,
    pub published: Option<NaiveDate>,
    /// Outlets this article credits for the row ("according to Axios").
    pub cites: Vec<Name>,
    /// Published on the earliest date of all carriers (ties share it).
    pub first: bool,
}

/// Positions of articles by id: ids are positions in a whole model but
/// not in a selection of one.
pub struct ArticleIndex(HashMap<ArticleId, usize>);

impl ArticleIndex {
    pub fn of(model: &Model) -> Self {
        ArticleIndex(
            (model.articles.iter().enumerate())
                .map(|(i, a)| (a.id, i))
                .collect(),
        )
    }

    /// The position of article `id`, if the model has it.
    pub fn get(&self, id: ArticleId) -> Option<usize> {
        self.0.get(&id).copied()
    }
}

/// The articles carrying `item`, earliest publication first (undated ones
/// last), then by path; each article once, with every outlet its members
/// cite.
pub fn carriers(model: &Model, ix: &ArticleIndex, item: &Item) -> Vec<Carrier> {
    let mut out: Vec<Carrier> = Vec::new();
    for m in &item.members {
        let (id, cites) = match *m {
            ItemRef::Event(i) => match model.events.get(i) {
                Some(e) => (e.article, &e.cites),
                None => continue,
            },
            ItemRef::Quote(i) => match model.quotes.get(i) {
                Some(q) => (q.article, &q.cites),
                None => continue,
            },
        };
        let Some(article) = ix.get(id) else {
            continue;
        };
        let c = match out.iter_mut().find(|c| c.article == article) {
            Some(c) => c,
            None => {
                out.push(Carrier {
                    article,
                    published: model.articles[article].published,
                    cites: Vec::new(),
                    first: false,
                });
                out.last_mut().expect("just pushed")
            }
        };
        for o in cites.iter() {
            if !c.cites.contains(o) {
                c.cites.push(o.clone());
            }
        }
    }
    out.sort_by(|a, b| {
        (a.published.is_none(), a.published)
            .cmp(&(b.published.is_none(), b.published))
            .then_with(|| {
                model.articles[a.article]
                    .path
                    .cmp(&model.articles[b.article].path)
            })
    });
    let earliest = out.iter().filter_map(|c| c.published).min();
    // "First" says something only when another article came later.
    let several = out.len() > 1;
    for c in &mut out {
        c.first = several && earliest.is_some() && c.published == earliest;
    }
    out
}

/// "Axios, 4 Mar 2026 — first", "The New American, 5 Mar 2026, citing
/// Axios, The New York Times": one carrier as a reader would say it.
pub fn describe(model: &Model, c: &Carrier) -> String {
    let a = &model.articles[c.article];
    let mut s = a.source_name();
    s.push_str(", ");
    s.push_str(
        &c.published
            .map_or("undated".into(), |d| d.format("%-d %b %Y").to_string()),
    );
    if c.first {
        s.push_str(" — first");
    }
    if !c.cites.is_empty() {
        let names: Vec<&str> = c.cites.iter().map(|n| &**n).collect();
        s.push_str(", citing ");
        s.push_str(&names.join(", "));
    }
    s
}

/// The whole chain on one line, carriers separated by "; ".
pub fn chain(model: &Model, carriers: &[Carrier]) -> String {
    (carriers.iter())
        .map(|c| describe(model, c))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Basis, DateInfo, Quote, QuoteId, Span};
    use crate::timeline::ItemRef;

    fn article(i: usize, outlet: &str, day: Option<&str>) -> Article {
        Article {
            id: ArticleId::new(i),
            path: format!("{i}.txt"),
            published: day.map(|d| d.parse().unwrap()),
            author: None,
            outlet: Some(outlet.into()),
            title: None,
            url: None,
            format: Default::default(),
            text: None,
            warnings: Vec::new(),
            bytes: 0,
        }
    }

    fn quote(i: usize, article: usize, cites: &[&str]) -> Quote {
        let d: NaiveDate = "2026-03-03".parse().unwrap();
        Quote {
            id: QuoteId::new(i),
            article: ArticleId::new(article),
            span: Span::new(0, 1),
            text: "They want to talk".into(),
            speaker: None,
            speaker_text: None,
            confidence: 1.0,
            speaker_confidence: None,
            date: DateInfo::day(d, Basis::Stated),
            reported: None,
            cites: cites.iter().map(|c| Name::from(*c)).collect(),
            cluster: crate::model::ClusterId::new(0),
        }
    }

    #[test]
    fn carriers_run_from_first_published_with_what_each_cites() {
        let model = Model {
            articles: vec![
                article(0, "The New American", Some("2026-03-05")),
                article(1, "Axios", Some("2026-03-04")),
                article(2, "Blog", None),
            ],
            quotes: vec![
                quote(0, 0, &["Axios"]),
                quote(1, 0, &["The New York Times"]),
                quote(2, 1, &[]),
                quote(3, 2, &[]),
            ],
            ..Model::default()
        };
        let c = carriers(&model, &ArticleIndex::of(&model), &hand_item());
        assert_eq!(
            chain(&model, &c),
            "Axios, 4 Mar 2026 — first; \
             The New American, 5 Mar 2026, citing Axios, The New York Times; \
             Blog, undated"
        );
    }

    fn hand_item() -> Item {
        let date = DateInfo::day("2026-03-03".parse().unwrap(), Basis::Stated);
        Item::bare(date, (0..4).map(ItemRef::Quote).collect())
    }

    #[test]
    fn a_lone_carrier_is_not_called_first() {
        let model = Model {
            articles: vec![article(0, "Axios", Some("2026-03-04"))],
            quotes: vec![quote(0, 0, &[])],
            ..Model::default()
        };
        let mut it = hand_item();
        it.members = vec![ItemRef::Quote(0)];
        let c = carriers(&model, &ArticleIndex::of(&model), &it);
        assert_eq!(chain(&model, &c), "Axios, 4 Mar 2026");
    }
}
