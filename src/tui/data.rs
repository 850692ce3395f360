//! The corpus and what the explorer derives from it once at start.

use crate::corpus::Corpus;
use crate::model::Span;
use crate::provenance::ArticleIndex;
use crate::query::Haystack;
use crate::timeline::{self, Item, ItemRef};

/// The corpus and everything derived from it once; shared with the
/// filter worker.
pub struct Data {
    pub corpus: Corpus,
    pub items: Vec<Item>,
    pub hays: Vec<Haystack>,
    /// Positions of articles by id.
    pub articles: ArticleIndex,
}

impl Data {
    pub fn new(corpus: Corpus) -> Data {
        let items = timeline::build(&corpus.model);
        let hays = items
            .iter()
            .map(|i| Haystack::of(i, &corpus.model))
            .collect();
        let articles = ArticleIndex::of(&corpus.model);
        Data {
            corpus,
            items,
            hays,
            articles,
        }
    }

    /// The article (index) and byte span a cluster member came from.
    pub fn member_source(&self, m: ItemRef) -> (usize, Span) {
        let m_ = &self.corpus.model;
        let (art, span) = match m {
            ItemRef::Event(i) => (&m_.events[i].article, m_.events[i].span),
            ItemRef::Quote(i) => (&m_.quotes[i].article, m_.quotes[i].span),
        };
        (self.articles.get(*art).unwrap_or(0), span)
    }
}
