//! The corpus and what the explorer derives from it once at start.

use crate::corpus::Corpus;
use crate::model::{ArticleId, Span};
use crate::query::Haystack;
use crate::timeline::{self, Item, ItemRef};
use std::collections::HashMap;

/// The corpus and everything derived from it once; shared with the
/// filter worker.
pub struct Data {
    pub corpus: Corpus,
    pub items: Vec<Item>,
    pub hays: Vec<Haystack>,
    art_index: HashMap<ArticleId, usize>,
}

impl Data {
    pub fn new(corpus: Corpus) -> Data {
        let items = timeline::build(&corpus.model);
        let hays = items
            .iter()
            .map(|i| Haystack::of(i, &corpus.model))
            .collect();
        let art_index = corpus
            .model
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id, i))
            .collect();
        Data {
            corpus,
            items,
            hays,
            art_index,
        }
    }

    /// The article (index) and byte span a cluster member came from.
    pub fn member_source(&self, m: ItemRef) -> (usize, Span) {
        let m_ = &self.corpus.model;
        let (art, span) = match m {
            ItemRef::Event(i) => (&m_.events[i].article, m_.events[i].span),
            ItemRef::Quote(i) => (&m_.quotes[i].article, m_.quotes[i].span),
        };
        (self.art_index.get(art).copied().unwrap_or(0), span)
    }
}
