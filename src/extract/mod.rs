//! The extractor: documents in, the event model out.
//!
//! Per article (in parallel): sentences, their dates (one event per
//! differently dated clause), quotations and name mentions. Then, over the
//! whole corpus: one actor table, actors and cited outlets per event and
//! quote, and clusters of the same event or quote across articles.

mod article;

use crate::actors::{ActorIndex, NameMention};
use crate::aliases::AliasTable;
use crate::aliases::EntryKind;
use crate::cluster;
use crate::loader::Document;
use crate::model::{Article, ArticleId, DateInfo, EventId, Model, QuoteId, Span};
use crate::model::{Event, Quote};
use crate::parallel::{parallel_chunks_mut, parallel_map_with};
use aho_corasick::AhoCorasick;
use article::{Extracted, extract_article};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::Mutex;

/// One article's record and what was extracted from it, before the
/// corpus-wide passes. The article id is given when the corpus is assembled.
pub struct Part {
    article: Article,
    /// Where in its worker's pool the article's events, quotes and quote
    /// contexts are.
    events: std::ops::Range<usize>,
    quotes: std::ops::Range<usize>,
    names: Vec<u32>,
}

/// Where a worker puts the events and quotes of the articles it extracts:
/// a few long lists rather than three short ones per article, which would
/// leave the memory fragmented once they are gathered into the model.
#[derive(Default)]
pub struct Pool {
    events: Vec<Event>,
    quotes: Vec<Quote>,
    /// For each quote: the speaker phrase and the sentence (see `Extracted`).
    context: Vec<(Option<String>, String)>,
}

/// What the extraction of every article shares: the outlet names, to keep
/// only the sentences that may cite one, and one table of the names seen,
/// so that a name mentioned in thousands of articles is held once.
pub struct Shared {
    outlets: Option<AhoCorasick>,
    names: Mutex<NameTable>,
}

#[derive(Default)]
struct NameTable {
    number: HashMap<NameMention, u32>,
    list: Vec<NameMention>,
}

impl Shared {
    pub fn new(aliases: &AliasTable) -> Shared {
        let outlets: Vec<&str> = aliases
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::Outlet)
            .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
            .map(String::as_str)
            .collect();
        Shared {
            outlets: AhoCorasick::new(outlets).ok(),
            names: Mutex::default(),
        }
    }

    /// Whether `text` holds an outlet name (the actor index finds cited
    /// outlets only where one is written, exactly as listed).
    fn may_cite(&self, text: &str) -> bool {
        self.outlets.as_ref().is_some_and(|m| m.is_match(text))
    }

    fn intern(&self, names: Vec<NameMention>) -> Vec<u32> {
        let mut t = self.names.lock().unwrap_or_else(|e| e.into_inner());
        names
            .into_iter()
            .map(|m| {
                if let Some(&n) = t.number.get(&m) {
                    return n;
                }
                let n = t.list.len() as u32;
                t.number.insert(m.clone(), n);
                t.list.push(m);
                n
            })
            .collect()
    }
}

/// Extracts one document. The document can be dropped afterwards: the part
/// keeps only what the model needs.
pub fn extract_document(d: &Document, shared: &Shared, pool: &mut Pool) -> Part {
    let found: Extracted = extract_article(d, shared);
    let (e, q) = (pool.events.len(), pool.quotes.len());
    pool.events.extend(found.events);
    pool.quotes.extend(found.quotes);
    pool.context.extend(found.quote_context);
    Part {
        article: article_record(d),
        events: e..pool.events.len(),
        quotes: q..pool.quotes.len(),
        names: found.names,
    }
}

/// Builds the whole model from loaded documents.
pub fn build_model(docs: &[Document], aliases: &AliasTable) -> Model {
    let shared = Shared::new(aliases);
    let (parts, pools) = parallel_map_with(docs, Pool::default, |pool, _, d| {
        extract_document(d, &shared, pool)
    });
    assemble(parts, pools, shared, aliases)
}

/// The corpus-wide passes over extracted articles (in path order): article
/// ids, one actor table, actors and cited outlets per event and quote,
/// chronological order and clusters.
pub fn assemble(
    parts: Vec<(usize, Part)>,
    mut pools: Vec<Pool>,
    shared: Shared,
    aliases: &AliasTable,
) -> Model {
    let mut articles = Vec::with_capacity(parts.len());
    let mut name_lists = Vec::with_capacity(parts.len());
    for (i, (w, mut p)) in parts.into_iter().enumerate() {
        p.article.id = ArticleId::new(i);
        for e in &mut pools[w].events[p.events] {
            e.article = p.article.id;
        }
        for q in &mut pools[w].quotes[p.quotes] {
            q.article = p.article.id;
        }
        articles.push(p.article);
        name_lists.push(p.names);
    }
    // Every name once, in order of first mention across the corpus.
    let table = shared.names.into_inner().unwrap_or_else(|e| e.into_inner());
    let mut names: Vec<Option<NameMention>> = table.list.into_iter().map(Some).collect();
    let names: Vec<NameMention> = name_lists
        .into_iter()
        .flatten()
        .filter_map(|n| names[n as usize].take())
        .collect();
    let index = ActorIndex::build(aliases, &names);
    drop(names);

    // Actors and cited outlets, on every core; counted afterwards.
    let mut mentions = vec![0usize; index.actors.len()];
    for pool in &mut pools {
        let named = parallel_chunks_mut(&mut pool.events, 4096, |_, events| {
            let mut named = Vec::new();
            for e in events {
                let (actors, outlets) = index.scan(&e.text);
                e.actors = actors.iter().map(|&a| index.actors[a].id.clone()).collect();
                e.cites = outlets.iter().map(|&o| index.outlets[o].clone()).collect();
                named.extend(actors);
            }
            named
        });
        let context = std::mem::take(&mut pool.context);
        let named_by_quotes = parallel_chunks_mut(&mut pool.quotes, 4096, |start, quotes| {
            let mut named = Vec::new();
            for (q, (speaker, sentence)) in quotes.iter_mut().zip(&context[start..]) {
                if let Some(a) = speaker.as_deref().and_then(|p| index.resolve_speaker(p)) {
                    named.push(a);
                    q.speaker = Some(index.actors[a].id.clone());
                }
                let (_, outlets) = index.scan(sentence);
                q.cites = outlets.iter().map(|&o| index.outlets[o].clone()).collect();
            }
            named
        });
        for a in named.into_iter().chain(named_by_quotes).flatten() {
            mentions[a] += 1;
        }
    }
    // The pools, end to end, are the model's lists.
    let mut pools = pools.into_iter();
    let first = pools.next().unwrap_or_default();
    let mut model = Model {
        articles,
        events: first.events,
        quotes: first.quotes,
        ..Model::default()
    };
    for mut pool in pools {
        model.events.append(&mut pool.events);
        model.quotes.append(&mut pool.quotes);
    }
    model.events.shrink_to_fit();
    model.quotes.shrink_to_fit();
    model.actors = index.actors;
    for (a, n) in model.actors.iter_mut().zip(mentions) {
        a.mentions = n;
    }
    // Actors from the alias file that the corpus never names are noise.
    model.actors.retain(|a| a.mentions > 0);

    let order = |d: &DateInfo, reported: Option<NaiveDate>, art: ArticleId, span: Span| {
        (d.start, d.end, reported, art, span.start, span.end)
    };
    model
        .events
        .sort_unstable_by_key(|e| order(&e.date, e.reported, e.article, e.span));
    model
        .quotes
        .sort_unstable_by_key(|q| order(&q.date, q.reported, q.article, q.span));
    for (i, e) in model.events.iter_mut().enumerate() {
        e.id = EventId::new(i);
    }
    for (i, q) in model.quotes.iter_mut().enumerate() {
        q.id = QuoteId::new(i);
    }
    cluster::assign(&mut model);
    model
}

fn article_record(d: &Document) -> Article {
    Article {
        id: Default::default(),
        path: d.path.display().to_string(),
        published: d.meta.published,
        author: d.meta.author.clone(),
        outlet: d.meta.outlet.clone(),
        title: d.meta.title.clone(),
        warnings: d.warnings.clone(),
        bytes: d.text.len(),
    }
}
