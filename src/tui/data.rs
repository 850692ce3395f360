//! The corpus and what the explorer derives from it once at start.

use crate::corpus::Corpus;
use crate::model::Span;
use crate::provenance::ArticleIndex;
use crate::query::Haystack;
use crate::timeline::{self, Item, ItemRef};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

pub type MemberKey = (String, Span, bool);

/// An article's text as the loader reads its file now, or why it cannot.
fn reread(path: &str) -> String {
    if let Some(d) = crate::loader::bundled()
        .into_iter()
        .find(|d| d.path.to_string_lossy() == path)
    {
        return d.text;
    }
    let loaded = crate::loader::load_path(Path::new(path));
    match loaded
        .docs
        .into_iter()
        .find(|d| d.path.to_string_lossy() == path)
    {
        Some(d) => d.text,
        None => match loaded.issues.first() {
            Some(i) => format!("(cannot show the article: {})", i.message()),
            None => "(cannot show the article: its file no longer holds it)".into(),
        },
    }
}

/// The corpus and everything derived from it once; shared with the
/// filter worker.
pub struct Data {
    pub corpus: Corpus,
    pub items: Vec<Item>,
    pub hays: Vec<Haystack>,
    /// Positions of articles by id.
    pub articles: ArticleIndex,
    /// The texts of the articles read so far, for the source pane.
    texts: Mutex<HashMap<usize, Arc<str>>>,
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
            texts: Mutex::default(),
        }
    }

    /// The text an article's spans point into. The model keeps a web
    /// page's or a record's; a text or markdown file is read again from
    /// disk (the same way the loader read it) when first shown.
    pub fn text(&self, art: usize) -> Arc<str> {
        let mut texts = self.texts.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(t) = texts.get(&art) {
            return t.clone();
        }
        let text: Arc<str> = match self.corpus.model.articles.get(art) {
            None => "".into(),
            Some(a) => match &a.text {
                Some(t) => t.as_str().into(),
                None => reread(&a.path).into(),
            },
        };
        // A bounded memo: the pane shows one article at a time.
        if texts.len() >= 64 {
            texts.clear();
        }
        texts.insert(art, text.clone());
        text
    }

    /// How sure the extractor is of a row: its representative event's or
    /// quote's confidence.
    pub fn confidence(&self, it: &Item) -> f32 {
        let m = &self.corpus.model;
        match it.what {
            ItemRef::Event(i) => m.events.get(i).map_or(1.0, |e| e.confidence),
            ItemRef::Quote(i) => m.quotes.get(i).map_or(1.0, |q| q.confidence),
        }
    }

    /// What names a cluster member across two loads of a corpus: its
    /// article's path, its span and whether it is a quote.
    pub fn member_key(&self, m: ItemRef) -> MemberKey {
        let (art, span) = self.member_source(m);
        let path =
            (self.corpus.model.articles.get(art)).map_or_else(String::new, |a| a.path.clone());
        (path, span, matches!(m, ItemRef::Quote(_)))
    }

    /// The row holding each cluster member.
    pub fn member_rows(&self) -> HashMap<MemberKey, usize> {
        let mut rows = HashMap::new();
        for (i, it) in self.items.iter().enumerate() {
            for &m in &it.members {
                rows.insert(self.member_key(m), i);
            }
        }
        rows
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
