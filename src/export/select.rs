//! The part of a model an export writes: the chosen rows, and only the
//! articles, actors and clusters they use.

use crate::model::{ArticleId, ClusterId, Model};
use crate::query::{self, Haystack, Query};
use crate::timeline::{self, Item, ItemRef};
use std::borrow::Cow;
use std::collections::HashSet;

/// Keeps only what a query selects: events and quotes that match (as
/// timeline rows, so a cluster is kept or dropped whole), the articles and
/// actors they use, and their clusters. Ids stay those of the whole model.
pub fn select<'m>(model: &'m Model, q: &Query) -> Cow<'m, Model> {
    if q.is_empty() {
        return Cow::Borrowed(model);
    }
    let items = timeline::build(model);
    Cow::Owned(of_items(model, &matching(model, &items, q)))
}

/// The timeline rows (`items`, built from `model`) a query keeps, in
/// timeline order.
pub fn matching<'i>(model: &Model, items: &'i [Item], q: &Query) -> Vec<&'i Item> {
    let hays: Vec<Haystack> = items.iter().map(|i| Haystack::of(i, model)).collect();
    let keep = query::filter(items, &hays, q, false);
    keep.iter().map(|&i| &items[i]).collect()
}

/// The model restricted to the given timeline rows (every member of each
/// row's cluster) and to the articles, actors and clusters they use.
pub fn of_items(model: &Model, items: &[&Item]) -> Model {
    let mut ev = vec![false; model.events.len()];
    let mut qu = vec![false; model.quotes.len()];
    for it in items {
        for m in &it.members {
            match *m {
                ItemRef::Event(e) => ev[e] = true,
                ItemRef::Quote(x) => qu[x] = true,
            }
        }
    }
    let kept = |v: &[bool], i: usize| v.get(i).copied().unwrap_or(false);
    let mut out = Model {
        events: (model.events.iter().enumerate())
            .filter(|(i, _)| kept(&ev, *i))
            .map(|(_, e)| e.clone())
            .collect(),
        quotes: (model.quotes.iter().enumerate())
            .filter(|(i, _)| kept(&qu, *i))
            .map(|(_, q)| q.clone())
            .collect(),
        ..Model::default()
    };
    let clusters: HashSet<ClusterId> = (out.events.iter().map(|e| e.cluster))
        .chain(out.quotes.iter().map(|q| q.cluster))
        .collect();
    out.clusters = (model.clusters.iter())
        .filter(|c| clusters.contains(&c.id))
        .cloned()
        .collect();
    let actors: HashSet<&str> = (out.events.iter())
        .flat_map(|e| e.actors.iter().map(|a| &**a))
        .chain(out.quotes.iter().filter_map(|q| q.speaker.as_deref()))
        .collect();
    out.actors = (model.actors.iter())
        .filter(|a| actors.contains(&*a.id))
        .cloned()
        .collect();
    let articles: HashSet<ArticleId> = (out.events.iter().map(|e| e.article))
        .chain(out.quotes.iter().map(|q| q.article))
        .collect();
    out.articles = (model.articles.iter())
        .filter(|a| articles.contains(&a.id))
        .cloned()
        .collect();
    out.path_bytes = (model.path_bytes.iter())
        .filter(|(a, _)| articles.contains(a))
        .cloned()
        .collect();
    out
}
