//! The timeline: one row per cluster (the same event or quote across
//! articles is one row), in chronological order, with everything a view
//! or filter needs already worked out.

use crate::model::{
    ArticleId, ClusterKind, DateInfo, EventId, ItemId, Model, Name, Precision, QuoteId, Span,
};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemRef {
    Event(usize),
    Quote(usize),
}

/// One row of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The representative event or quote.
    pub what: ItemRef,
    pub date: DateInfo,
    /// Index into `model.articles` of the representative.
    pub article: usize,
    pub span: Span,
    /// Speaker-first for quotes: `Trump: “They want to talk.”`.
    pub text: String,
    /// Indices into `model.actors`.
    pub actors: Vec<usize>,
    pub speaker: Option<Name>,
    /// Outlets cited or publishing, for `#outlet` filters.
    pub outlets: Vec<Name>,
    /// Every member of the cluster, representative first.
    pub members: Vec<ItemRef>,
    /// Distinct articles carrying the cluster: the corroborating sources.
    pub sources: Vec<usize>,
    /// A further date its sentence names, not the date it is given (see
    /// `model::Event::mentioned`).
    pub mentioned: bool,
}

impl Item {
    pub fn is_quote(&self) -> bool {
        matches!(self.what, ItemRef::Quote(_))
    }

    /// A row of `members` on `date` and nothing else, for tests.
    #[cfg(test)]
    pub fn bare(date: DateInfo, members: Vec<ItemRef>) -> Item {
        Item {
            what: members.first().copied().unwrap_or(ItemRef::Event(0)),
            date,
            article: 0,
            span: Span::new(0, 1),
            text: String::new(),
            actors: Vec::new(),
            speaker: None,
            outlets: Vec::new(),
            members,
            sources: Vec::new(),
            mentioned: false,
        }
    }

    /// The row's date marker: "also 2011" for a further date its sentence
    /// names.
    pub fn marker(&self) -> String {
        let m = date_marker(&self.date);
        if self.mentioned {
            format!("also {m}")
        } else {
            m
        }
    }
}

/// How a date reads in a timeline marker: "Tue 3 Mar", "week of 2 Mar",
/// "Mar 2026", "2026", "1980s", or "reported" when the text gave no date.
pub fn date_marker(d: &DateInfo) -> String {
    if d.basis == crate::model::Basis::Published {
        return format!("reported {}", d.start.format("%-d %b"));
    }
    match d.precision {
        Precision::Day => d.start.format("%a %-d %b").to_string(),
        Precision::Week => format!("week of {}", d.start.format("%-d %b")),
        Precision::Month => d.start.format("%b %Y").to_string(),
        Precision::Year => d.start.format("%Y").to_string(),
        Precision::Decade => decade_name(d.start),
    }
}

/// "1980s": the decade a date lies in.
pub fn decade_name(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}s", d.year() - d.year().rem_euclid(10))
}

/// Heading for a day group: "Tue 3 Mar 2026".
pub fn day_heading(d: chrono::NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// The group a row is listed under: rows are grouped by what is known of
/// their date, so a month-level row sits under "March 2026", never under
/// a day heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Group {
    pub precision: Precision,
    pub start: chrono::NaiveDate,
}

impl Group {
    pub fn of(d: &DateInfo) -> Group {
        Group {
            precision: d.precision,
            start: d.start,
        }
    }

    /// "Tue 3 Mar 2026", "Week of 2 Mar 2026", "March 2026", "2026" or "1980s".
    pub fn heading(&self) -> String {
        match self.precision {
            Precision::Day => day_heading(self.start),
            Precision::Week => format!("Week of {}", self.start.format("%-d %b %Y")),
            Precision::Month => self.start.format("%B %Y").to_string(),
            Precision::Year => self.start.format("%Y").to_string(),
            Precision::Decade => decade_name(self.start),
        }
    }
}

/// The timeline's order: by start date, and on the same start the coarser
/// row first, so a month or week row opens its interval and never falls
/// inside a day's group.
pub fn order_key(
    d: &DateInfo,
) -> (
    chrono::NaiveDate,
    std::cmp::Reverse<Precision>,
    chrono::NaiveDate,
) {
    (d.start, std::cmp::Reverse(d.precision), d.end)
}

/// Builds the timeline rows. An event whose words are mostly one quotation
/// is shown as that quotation; the rest are shown as events.
pub fn build(model: &Model) -> Vec<Item> {
    // Ids are positions in a whole model, but not in a selection of one.
    let art_index: HashMap<ArticleId, usize> = model
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    let actor_index: HashMap<&str, usize> = model
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (&*a.id, i))
        .collect();
    let ev_index: HashMap<EventId, usize> = model
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id, i))
        .collect();
    let q_index: HashMap<QuoteId, usize> = model
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id, i))
        .collect();

    // Quote spans per article, to tell events that are really quotations.
    let mut quote_spans: HashMap<ArticleId, Vec<Span>> = HashMap::new();
    for q in &model.quotes {
        quote_spans.entry(q.article).or_default().push(q.span);
    }
    let mostly_quote = |article: ArticleId, span: Span| {
        quote_spans.get(&article).is_some_and(|spans| {
            spans.iter().any(|q| {
                let common = q.end.min(span.end).saturating_sub(q.start.max(span.start));
                common * 10 >= span.len() * 6
            })
        })
    };

    let mut items = Vec::new();
    for c in &model.clusters {
        let members: Vec<ItemRef> = c
            .members
            .iter()
            .filter_map(|&id| match (c.kind, id) {
                (ClusterKind::Event, ItemId::Event(e)) => {
                    ev_index.get(&e).map(|&i| ItemRef::Event(i))
                }
                (ClusterKind::Quote, ItemId::Quote(q)) => {
                    q_index.get(&q).map(|&i| ItemRef::Quote(i))
                }
                _ => None,
            })
            .collect();
        let Some(&first) = members.first() else {
            continue;
        };
        if let ItemRef::Event(i) = first {
            let e = &model.events[i];
            if members.iter().all(|m| match m {
                ItemRef::Event(j) => mostly_quote(model.events[*j].article, model.events[*j].span),
                _ => false,
            }) && !e.text.is_empty()
            {
                continue;
            }
        }
        // The representative: the most precise, then earliest-reported member.
        let rep = *members
            .iter()
            .min_by_key(|m| match **m {
                ItemRef::Event(i) => {
                    let e = &model.events[i];
                    (
                        e.date.basis == crate::model::Basis::Published,
                        e.date.precision,
                        e.reported,
                        i,
                    )
                }
                ItemRef::Quote(i) => {
                    let q = &model.quotes[i];
                    (
                        q.date.basis == crate::model::Basis::Published,
                        q.date.precision,
                        q.reported,
                        i,
                    )
                }
            })
            .expect("non-empty");
        let mut sources: Vec<usize> = c
            .articles
            .iter()
            .filter_map(|a| art_index.get(a).copied())
            .collect();
        sources.sort_unstable();
        let mut outlets: Vec<Name> = Vec::new();
        let mut actors: Vec<usize> = Vec::new();
        for m in &members {
            let (cites, ids, art) = match *m {
                ItemRef::Event(i) => {
                    let e = &model.events[i];
                    (&e.cites, e.actors.clone(), e.article)
                }
                ItemRef::Quote(i) => {
                    let q = &model.quotes[i];
                    (&q.cites, q.speaker.iter().cloned().collect(), q.article)
                }
            };
            let published_by = art_index
                .get(&art)
                .and_then(|&a| model.articles[a].outlet.as_deref());
            for o in cites.iter().map(|o| &**o).chain(published_by) {
                if !outlets.iter().any(|x| &**x == o) {
                    outlets.push(o.into());
                }
            }
            for id in ids.iter() {
                if let Some(&a) = actor_index.get(&**id)
                    && !actors.contains(&a)
                {
                    actors.push(a);
                }
            }
        }
        let mentioned = matches!(rep, ItemRef::Event(i) if model.events[i].mentioned);
        let (date, article, span, text, speaker) = match rep {
            ItemRef::Event(i) => {
                let e = &model.events[i];
                (e.date, e.article, e.span, e.text.to_string(), None)
            }
            ItemRef::Quote(i) => {
                let q = &model.quotes[i];
                let who = q
                    .speaker_text
                    .clone()
                    .unwrap_or_else(|| "unattributed".into());
                (
                    q.date,
                    q.article,
                    q.span,
                    format!("{who}: “{}”", q.text),
                    q.speaker_text.clone(),
                )
            }
        };
        let mut ordered = vec![rep];
        ordered.extend(members.iter().copied().filter(|m| *m != rep));
        items.push(Item {
            what: rep,
            date,
            article: art_index.get(&article).copied().unwrap_or(0),
            span,
            text,
            actors,
            speaker,
            outlets,
            members: ordered,
            sources,
            mentioned,
        });
    }
    items.sort_by(|a, b| {
        (order_key(&a.date), a.date.basis, a.article, a.span.start).cmp(&(
            order_key(&b.date),
            b.date.basis,
            b.article,
            b.span.start,
        ))
    });
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Basis;
    use chrono::NaiveDate;

    fn date(start: (i32, u32, u32), end: (i32, u32, u32), precision: Precision) -> DateInfo {
        let d = |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        DateInfo {
            start: d(start),
            end: d(end),
            precision,
            basis: Basis::Stated,
        }
    }

    #[test]
    fn a_further_date_a_sentence_names_says_so_in_its_marker() {
        let year = date((2011, 1, 1), (2011, 12, 31), Precision::Year);
        let mut it = Item::bare(year, vec![ItemRef::Event(0)]);
        assert_eq!(it.marker(), "2011");
        it.mentioned = true;
        assert_eq!(it.marker(), "also 2011");
    }

    #[test]
    fn headings_say_what_is_known() {
        let week = date((2026, 3, 2), (2026, 3, 8), Precision::Week);
        let month = date((2026, 3, 1), (2026, 3, 31), Precision::Month);
        let year = date((2026, 1, 1), (2026, 12, 31), Precision::Year);
        let day = date((2026, 3, 3), (2026, 3, 3), Precision::Day);
        assert_eq!(Group::of(&week).heading(), "Week of 2 Mar 2026");
        assert_eq!(Group::of(&month).heading(), "March 2026");
        assert_eq!(Group::of(&year).heading(), "2026");
        assert_eq!(Group::of(&day).heading(), "Tue 3 Mar 2026");
        let decade = date((1980, 1, 1), (1989, 12, 31), Precision::Decade);
        assert_eq!(Group::of(&decade).heading(), "1980s");
        assert_eq!(date_marker(&decade), "1980s");
    }

    #[test]
    fn coarse_rows_open_their_interval() {
        let first = date((2026, 3, 1), (2026, 3, 1), Precision::Day);
        let month = date((2026, 3, 1), (2026, 3, 31), Precision::Month);
        let year = date((2026, 1, 1), (2026, 12, 31), Precision::Year);
        let jan = date((2026, 1, 1), (2026, 1, 1), Precision::Day);
        let mut v = [first, month, jan, year];
        v.sort_by_key(order_key);
        assert_eq!(v, [year, jan, month, first]);
    }
}
