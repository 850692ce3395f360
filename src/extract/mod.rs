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
use crate::loader::{Document, IssueKind, LoadIssue};
use crate::model::{Article, ArticleId, DateInfo, EventId, Model, QuoteId, Span};
use crate::model::{Event, Name, Names, Quote, SourceFormat};
use crate::parallel::{parallel_chunks_mut, parallel_map};
use aho_corasick::AhoCorasick;
use article::{Extracted, extract_article};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

/// One article's record and what was extracted from it, before the
/// corpus-wide passes. The article id is given when the corpus is assembled.
pub struct Part {
    article: Article,
    /// Where in the pool the article's events, quotes and quote contexts
    /// are.
    events: std::ops::Range<usize>,
    quotes: std::ops::Range<usize>,
    names: Vec<u32>,
}

/// Where every article's events and quotes go as soon as they are
/// extracted: one list of each, which become the model's lists, rather
/// than short lists per article (or per worker) to be gathered later, which
/// would hold everything twice while they are copied.
#[derive(Default)]
struct Pool {
    events: Vec<Event>,
    quotes: Vec<Quote>,
    /// For each quote: the sentence holding it, when it may cite an outlet.
    context: Vec<Option<Box<str>>>,
}

/// What the extraction of every article shares: the outlet names, to keep
/// only the sentences that may cite one, one table of the names seen, so
/// that a name mentioned in thousands of articles is held once, and the
/// pool of extracted events and quotes.
pub struct Shared {
    outlets: Option<AhoCorasick>,
    names: Mutex<NameTable>,
    pool: Mutex<Pool>,
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
            pool: Mutex::default(),
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
///
/// Extraction runs behind a boundary: should it panic, the article stays in
/// the corpus (so its text can still be read) with nothing extracted, and
/// the issue says so, while every other article loads as usual.
pub fn extract_document(d: &Document, shared: &Shared) -> (Part, Option<LoadIssue>) {
    extract_with(article_record(d), d, shared)
}

/// [`extract_document`] for a document that is not needed afterwards: the
/// text a web page's record keeps is moved, not copied, and a text file's
/// (which the source pane reads from disk) is freed before extraction, so
/// one long article is not held three times over.
pub fn extract_owned(mut d: Document, shared: &Shared) -> (Part, Option<LoadIssue>) {
    let keep = !matches!(d.format, SourceFormat::Text | SourceFormat::Markdown);
    let text = std::mem::take(&mut d.text);
    let mut record = article_record(&d);
    record.bytes = text.len();
    record.text = keep.then_some(text);
    extract_with(record, &d, shared)
}

fn extract_with(record: Article, d: &Document, shared: &Shared) -> (Part, Option<LoadIssue>) {
    match crate::guard::guarded(|| extract_article(d, shared)) {
        Ok(found) => (add_part(record, shared, found), None),
        Err(panic) => {
            let issue = LoadIssue::failed(&d.path, IssueKind::Extract(panic));
            let mut part = add_part(record, shared, Extracted::default());
            part.article.warnings.push(issue.message());
            (part, Some(issue))
        }
    }
}

fn take_or_extend<T>(pool: &mut Vec<T>, items: Vec<T>) {
    if pool.is_empty() && pool.capacity() < items.len() {
        *pool = items;
    } else {
        pool.extend(items);
    }
}

fn add_part(article: Article, shared: &Shared, found: Extracted) -> Part {
    let mut pool = shared.pool.lock().unwrap_or_else(|e| e.into_inner());
    let (e, q) = (pool.events.len(), pool.quotes.len());
    // The first article's vectors become the pool's: one long article is
    // then never held twice.
    take_or_extend(&mut pool.events, found.events);
    take_or_extend(&mut pool.quotes, found.quotes);
    take_or_extend(&mut pool.context, found.quote_context);
    Part {
        article,
        events: e..pool.events.len(),
        quotes: q..pool.quotes.len(),
        names: found.names,
    }
}

/// Builds the whole model from loaded documents, with the articles whose
/// extraction failed.
pub fn build_model(docs: &[Document], aliases: &AliasTable) -> (Model, Vec<LoadIssue>) {
    let shared = Shared::new(aliases);
    let (parts, issues): (Vec<Part>, Vec<Option<LoadIssue>>) =
        parallel_map(docs, |_, d| extract_document(d, &shared))
            .into_iter()
            .unzip();
    let model = assemble(parts, shared, aliases);
    (model, issues.into_iter().flatten().collect())
}

/// The corpus-wide passes over extracted articles (in path order): article
/// ids, one actor table, actors and cited outlets per event and quote,
/// chronological order and clusters.
pub fn assemble(parts: Vec<Part>, shared: Shared, aliases: &AliasTable) -> Model {
    let mut pool = shared.pool.into_inner().unwrap_or_else(|e| e.into_inner());
    let mut articles = Vec::with_capacity(parts.len());
    let mut name_lists = Vec::with_capacity(parts.len());
    for (i, mut p) in parts.into_iter().enumerate() {
        p.article.id = ArticleId::new(i);
        for e in &mut pool.events[p.events] {
            e.article = p.article.id;
        }
        for q in &mut pool.quotes[p.quotes] {
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

    // Actors and cited outlets, on every core; counted afterwards. Equal
    // lists (and speaker phrases) are held once per slice of the pool.
    let mut mentions = vec![0usize; index.actors.len()];
    let actor = |a: usize| index.actors[a].id.clone();
    let outlet = |o: usize| index.outlets[o].clone();
    {
        let named = parallel_chunks_mut(&mut pool.events, 4096, |_, events| {
            let mut named = Vec::new();
            let (mut actor_lists, mut outlet_lists) = (Held::default(), Held::default());
            for e in events {
                let (actors, outlets) = index.scan(&e.text);
                e.cites = outlet_lists.get(outlets, outlet);
                named.extend_from_slice(&actors);
                e.actors = actor_lists.get(actors, actor);
            }
            named
        });
        let context = std::mem::take(&mut pool.context);
        let named_by_quotes = parallel_chunks_mut(&mut pool.quotes, 4096, |start, quotes| {
            let (mut named, mut outlet_lists) = (Vec::new(), Held::default());
            let mut phrases: HashSet<Name> = HashSet::new();
            for (q, sentence) in quotes.iter_mut().zip(&context[start..]) {
                if let Some(phrase) = q.speaker_text.take() {
                    if let Some(a) = index.resolve_speaker(&phrase) {
                        named.push(a);
                        q.speaker = Some(actor(a));
                    }
                    let held = phrases.get(&phrase).cloned();
                    q.speaker_text = Some(held.unwrap_or_else(|| {
                        phrases.insert(phrase.clone());
                        phrase
                    }));
                }
                if let Some(sentence) = sentence {
                    q.cites = outlet_lists.get(index.scan(sentence).1, outlet);
                }
            }
            named
        });
        for a in named.into_iter().chain(named_by_quotes).flatten() {
            mentions[a] += 1;
        }
    }
    let mut model = Model {
        articles,
        events: pool.events,
        quotes: pool.quotes,
        ..Model::default()
    };
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

/// Actor or outlet lists, made once for each distinct list of numbers.
#[derive(Default)]
struct Held(HashMap<Vec<usize>, Names>);

impl Held {
    fn get(&mut self, ids: Vec<usize>, name: impl Fn(usize) -> Name) -> Names {
        if ids.is_empty() {
            return Names::default();
        }
        if let Some(list) = self.0.get(&ids) {
            return list.clone();
        }
        let list: Names = ids.iter().map(|&i| name(i)).collect();
        self.0.insert(ids, list.clone());
        list
    }
}

fn article_record(d: &Document) -> Article {
    Article {
        id: Default::default(),
        path: d.path.display().to_string(),
        published: d.meta.published,
        author: d.meta.author.clone(),
        outlet: d.meta.outlet.clone(),
        title: d.meta.title.clone(),
        url: d.url.clone(),
        format: d.format,
        text: (!matches!(d.format, SourceFormat::Text | SourceFormat::Markdown))
            .then(|| d.text.clone()),
        warnings: d.warnings.clone(),
        bytes: d.text.len(),
    }
}
