//! The extractor: documents in, the event model out.
//!
//! Per article (in parallel): sentences, their dates (one event per
//! differently dated clause), quotations and name mentions. Then, over the
//! whole corpus: one actor table, actors and cited outlets per event and
//! quote, and clusters of the same event or quote across articles.

mod anchored;
mod article;
mod confidence;
mod statement;

use crate::actors::{ActorIndex, NameMention};
use crate::aliases::AliasTable;
use crate::aliases::EntryKind;
use crate::cluster;
use crate::loader::{Document, IssueKind, LoadIssue};
use crate::model::{Article, ArticleId, DateInfo, EventId, Model, QuoteId, Span};
use crate::model::{Cluster, ClusterId, ClusterKind, Event, ItemId, Name, Names, Quote};
use crate::model::{SourceFormat, non_utf8_name};
use crate::parallel::{parallel_chunks_mut, parallel_map};
use aho_corasick::AhoCorasick;
use article::{Extracted, FoundEvent, FoundQuote, extract_article};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Mutex;

/// One article's record and what was extracted from it, before the
/// corpus-wide passes. The article id is given when the corpus is assembled.
pub struct Part {
    article: Record,
    /// Where in the pool the article's events, quotes and quote contexts
    /// are.
    events: std::ops::Range<usize>,
    quotes: std::ops::Range<usize>,
    names: Vec<u32>,
}

impl Part {
    /// The length of the article's text.
    pub fn bytes(&self) -> usize {
        self.article.bytes
    }
}

/// Where every article's events and quotes go as soon as they are
/// extracted: one list of each, which become the model's lists, rather
/// than short lists per article (or per worker) to be gathered later, which
/// would hold everything twice while they are copied.
#[derive(Default)]
struct Pool {
    events: Vec<FoundEvent>,
    quotes: Vec<FoundQuote>,
}

/// What the model's record of an article holds but its id, which is its
/// place in the corpus, known once every article is in.
#[derive(Clone, Serialize, Deserialize)]
struct Record {
    path: String,
    #[serde(with = "crate::model::day::option")]
    published: Option<NaiveDate>,
    author: Option<String>,
    outlet: Option<String>,
    title: Option<String>,
    url: Option<String>,
    format: SourceFormat,
    text: Option<String>,
    warnings: Vec<String>,
    bytes: usize,
}

impl Record {
    fn into_article(self, id: ArticleId) -> Article {
        let Record {
            path,
            published,
            author,
            outlet,
            title,
            url,
            format,
            text,
            warnings,
            bytes,
        } = self;
        Article {
            id,
            path,
            published,
            author,
            outlet,
            title,
            url,
            format,
            text,
            warnings,
            bytes,
        }
    }
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

/// One document extracted, before it joins a corpus: plain data, which
/// is what the cache keeps for each file.
#[derive(Serialize, Deserialize)]
pub struct Done {
    record: Record,
    found: Extracted,
    /// Why extraction failed, when it did (the article then has nothing).
    failed: Option<String>,
    /// The exact bytes of the file name when they are not UTF-8.
    name: Option<Box<[u8]>>,
}

impl Done {
    /// The exact bytes of the document's file name when not UTF-8.
    pub fn name_bytes(&self) -> Option<&[u8]> {
        self.name.as_deref()
    }
}

/// Extracts one document. The document can be dropped afterwards: the part
/// keeps only what the model needs.
///
/// Extraction runs behind a boundary: should it panic, the article stays in
/// the corpus (so its text can still be read) with nothing extracted, and
/// the issue says so, while every other article loads as usual.
pub fn extract_document(d: &Document, shared: &Shared) -> (Part, Option<LoadIssue>) {
    join(extract_with(article_record(d), d, shared), shared)
}

/// [`extract_document`] for a document that is not needed afterwards: the
/// text a web page's record keeps is moved, not copied, and a text file's
/// (which the source pane reads from disk) is freed before extraction, so
/// one long article is not held three times over.
pub fn extract_owned(d: Document, shared: &Shared) -> (Part, Option<LoadIssue>) {
    join(extract_alone(d, shared), shared)
}

/// Extracts a document that is not needed afterwards, without joining it
/// to the corpus yet (see [`extract_owned`]).
pub fn extract_alone(mut d: Document, shared: &Shared) -> Done {
    // Standard input cannot be read again, so its text stays too.
    let keep = !matches!(d.format, SourceFormat::Text | SourceFormat::Markdown)
        || d.path.as_os_str() == crate::loader::STDIN_NAME;
    let text = std::mem::take(&mut d.text);
    let mut record = article_record(&d);
    record.bytes = text.len();
    record.text = keep.then_some(text);
    // Extraction reads the cleaned text, not the file's.
    extract_with(record, &d, shared)
}

fn extract_with(record: Record, d: &Document, shared: &Shared) -> Done {
    let name = non_utf8_name(&d.path);
    match crate::guard::guarded(|| extract_article(d, shared)) {
        Ok(found) => Done {
            record,
            found,
            failed: None,
            name,
        },
        Err(panic) => Done {
            record,
            found: Extracted::default(),
            failed: Some(panic),
            name,
        },
    }
}

/// Adds an extracted document to the corpus being built.
pub fn join(done: Done, shared: &Shared) -> (Part, Option<LoadIssue>) {
    let Done {
        mut record,
        found,
        failed,
        name: _,
    } = done;
    let issue = failed.map(|panic| {
        let issue = LoadIssue::failed(Path::new(&record.path), IssueKind::Extract(panic));
        record.warnings.push(issue.message());
        issue
    });
    (add_part(record, shared, found), issue)
}

fn take_or_extend<T>(pool: &mut Vec<T>, items: Vec<T>) {
    if pool.is_empty() && pool.capacity() < items.len() {
        *pool = items;
    } else {
        pool.extend(items);
    }
}

fn add_part(article: Record, shared: &Shared, found: Extracted) -> Part {
    let names = shared.intern(found.names);
    let mut pool = shared.pool.lock().unwrap_or_else(|e| e.into_inner());
    let (e, q) = (pool.events.len(), pool.quotes.len());
    // The first article's vectors become the pool's: one long article is
    // then never held twice.
    take_or_extend(&mut pool.events, found.events);
    take_or_extend(&mut pool.quotes, found.quotes);
    Part {
        article,
        events: e..pool.events.len(),
        quotes: q..pool.quotes.len(),
        names,
    }
}

/// The `n`-th cluster, holding one item of one article.
fn alone(n: usize, item: ItemId, article: ArticleId) -> Cluster {
    let kind = match item {
        ItemId::Event(_) => ClusterKind::Event,
        ItemId::Quote(_) => ClusterKind::Quote,
    };
    Cluster {
        id: ClusterId::new(n),
        kind,
        members: smallvec::smallvec![item],
        articles: smallvec::smallvec![article],
    }
}

/// What the articles extracted so far show before the corpus-wide passes:
/// every event and quote a row of its own, with no actors resolved. The
/// explorer shows it while the rest load.
pub fn preview(parts: &[Part], shared: &Shared) -> Model {
    let pool = shared.pool.lock().unwrap_or_else(|e| e.into_inner());
    let mut model = Model::default();
    for (i, p) in parts.iter().enumerate() {
        let id = ArticleId::new(i);
        let r = &p.article;
        model.articles.push(r.clone().into_article(id));
        for f in pool.events.get(p.events.clone()).unwrap_or_default() {
            let n = model.clusters.len();
            model.events.push(Event {
                id: EventId::new(model.events.len()),
                article: id,
                span: f.span,
                text: f.text.clone(),
                date: f.date,
                reported: r.published,
                actors: Names::default(),
                cites: Names::default(),
                cluster: ClusterId::new(n),
                confidence: confidence::event_confidence(&f.text, &f.date, f.mentioned),
                mentioned: f.mentioned,
            });
            model.clusters.push(alone(
                n,
                ItemId::Event(EventId::new(model.events.len() - 1)),
                id,
            ));
        }
        for f in pool.quotes.get(p.quotes.clone()).unwrap_or_default() {
            let n = model.clusters.len();
            model.quotes.push(Quote {
                id: QuoteId::new(model.quotes.len()),
                article: id,
                span: f.span,
                text: f.text.clone(),
                speaker: None,
                speaker_text: f.speaker.clone(),
                date: f.date,
                reported: r.published,
                cites: Names::default(),
                cluster: ClusterId::new(n),
                confidence: f.confidence,
                speaker_confidence: f.speaker_confidence,
            });
            model.clusters.push(alone(
                n,
                ItemId::Quote(QuoteId::new(model.quotes.len() - 1)),
                id,
            ));
        }
    }
    model
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
    let pool = shared.pool.into_inner().unwrap_or_else(|e| e.into_inner());
    let (mut found_events, mut found_quotes) = (pool.events, pool.quotes);
    // Each pooled item's article: parts are in path order, their items in
    // the order they reached the pool.
    let mut articles = Vec::with_capacity(parts.len());
    let mut name_lists = Vec::with_capacity(parts.len());
    let mut event_ranges = Vec::with_capacity(parts.len());
    let mut quote_ranges = Vec::with_capacity(parts.len());
    for (i, p) in parts.into_iter().enumerate() {
        let id = ArticleId::new(i);
        event_ranges.push((p.events, id));
        quote_ranges.push((p.quotes, id));
        articles.push(p.article.into_article(id));
        name_lists.push(p.names);
    }
    let article_of = |mut ranges: Vec<(std::ops::Range<usize>, ArticleId)>, n: usize| {
        ranges.sort_unstable_by_key(|(r, _)| r.start);
        let mut of = Vec::with_capacity(n);
        for (r, id) in ranges {
            of.extend(std::iter::repeat_n(id, r.len()));
        }
        debug_assert_eq!(of.len(), n);
        of
    };
    let event_article = article_of(event_ranges, found_events.len());
    let quote_article = article_of(quote_ranges, found_quotes.len());
    anchored::resolve_anchors(&mut found_events, &event_article, &articles);
    crate::timing::mark("anchored dates");

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
    crate::timing::mark("actor index");

    // Actors and cited outlets, on every core; counted afterwards. Equal
    // lists (and speaker phrases) are held once per slice of the pool.
    let mut mentions = vec![0usize; index.actors.len()];
    let actor = |a: usize| index.actors[a].id.clone();
    let outlet = |o: usize| index.outlets[o].clone();
    let attributed = parallel_chunks_mut(&mut found_quotes, 4096, |_, quotes| {
        let (mut named, mut outlet_lists) = (Vec::new(), Held::default());
        let mut said = Vec::with_capacity(quotes.len());
        let mut phrases: HashSet<Name> = HashSet::new();
        for q in quotes.iter_mut() {
            let mut speaker = None;
            if let Some(phrase) = &mut q.speaker {
                if let Some(a) = index.resolve_speaker(phrase) {
                    named.push(a);
                    speaker = Some(actor(a));
                }
                match phrases.get(phrase) {
                    Some(held) => *phrase = held.clone(),
                    None => {
                        phrases.insert(phrase.clone());
                    }
                }
            }
            let cites = (q.context.take()).map_or_else(Names::default, |c| {
                outlet_lists.get(index.scan(&c).1, outlet)
            });
            said.push(Said { speaker, cites });
        }
        (named, said)
    });
    let mut quote_said: Vec<Said> = Vec::with_capacity(found_quotes.len());
    for (named, said) in attributed {
        quote_said.extend(said);
        for a in named {
            mentions[a] += 1;
        }
    }
    crate::timing::mark("quote speakers and outlets");
    // Chronological order, then clusters over items in that order: an
    // item's place is its id.
    let key = |d: &DateInfo, art: ArticleId, span: Span, k: usize| {
        let reported = articles[art.index()].published;
        (d.start, d.end, reported, art, span.start, span.end, k)
    };
    let mut event_order: Vec<u32> = (0..found_events.len() as u32).collect();
    event_order.sort_unstable_by_key(|&k| {
        let k = k as usize;
        let e = &found_events[k];
        key(&e.date, event_article[k], e.span, k)
    });
    let mut quote_order: Vec<u32> = (0..found_quotes.len() as u32).collect();
    quote_order.sort_unstable_by_key(|&k| {
        let k = k as usize;
        let q = &found_quotes[k];
        key(&q.date, quote_article[k], q.span, k)
    });
    crate::timing::mark("chronological order");
    let clustering = cluster::build(
        &Sorted {
            found: &found_events,
            order: &event_order,
            article: &event_article,
            said: None,
        },
        &Sorted {
            found: &found_quotes,
            order: &quote_order,
            article: &quote_article,
            said: Some(&quote_said),
        },
    );

    // The model's records, each made once, moving the texts. They are made
    // from the back of the pool, which gives its memory back as it empties,
    // and then put in order in place: the pool and the model's lists are
    // never both held whole.
    let place = |order: Vec<u32>| {
        let mut place = vec![0u32; order.len()];
        for (i, k) in order.into_iter().enumerate() {
            place[k as usize] = i as u32;
        }
        place
    };
    let event_place = place(event_order);
    let mut events: Vec<Event> = Vec::with_capacity(found_events.len());
    // Actors and cited outlets, on every core, a drained chunk at a time.
    // Equal lists are held once per slice.
    drain_back(&mut found_events, |start, mut chunk| {
        for (named, made) in parallel_chunks_mut(&mut chunk, 2048, |at, part| {
            let mut named = Vec::new();
            let (mut actor_lists, mut outlet_lists) = (Held::default(), Held::default());
            let made: Vec<Event> = (part.iter_mut().enumerate())
                .map(|(j, f)| {
                    let k = start + at + j;
                    let (actors, outlets) = index.scan(&f.text);
                    named.extend_from_slice(&actors);
                    let (i, article) = (event_place[k] as usize, event_article[k]);
                    let confidence = confidence::event_confidence(&f.text, &f.date, f.mentioned);
                    Event {
                        id: EventId::new(i),
                        article,
                        span: f.span,
                        text: std::mem::take(&mut f.text),
                        date: f.date,
                        reported: articles[article.index()].published,
                        actors: actor_lists.get(actors, actor),
                        cites: outlet_lists.get(outlets, outlet),
                        cluster: clustering.events[i],
                        confidence,
                        mentioned: f.mentioned,
                    }
                })
                .collect();
            (named, made)
        }) {
            events.extend(made);
            for a in named {
                mentions[a] += 1;
            }
        }
    });
    events.sort_unstable_by_key(|e| e.id);
    crate::timing::mark("events made");
    let quote_place = place(quote_order);
    let mut quotes: Vec<Quote> = Vec::with_capacity(found_quotes.len());
    drain_back(&mut found_quotes, |start, chunk| {
        let mut said = quote_said.split_off(start);
        shrink_if_half_empty(&mut quote_said);
        for (k, (f, said)) in (start..).zip(chunk.into_iter().zip(said.drain(..))) {
            let (i, article) = (quote_place[k] as usize, quote_article[k]);
            quotes.push(Quote {
                id: QuoteId::new(i),
                article,
                span: f.span,
                text: f.text,
                speaker: said.speaker,
                speaker_text: f.speaker,
                confidence: f.confidence,
                speaker_confidence: f.speaker_confidence,
                date: f.date,
                reported: articles[article.index()].published,
                cites: said.cites,
                cluster: clustering.quotes[i],
            });
        }
    });
    quotes.sort_unstable_by_key(|q| q.id);
    crate::timing::mark("quotes made");
    let mut actors = index.actors;
    for (a, n) in actors.iter_mut().zip(mentions) {
        a.mentions = n;
    }
    // Actors from the alias file that the corpus never names are noise.
    actors.retain(|a| a.mentions > 0);

    Model {
        articles,
        events,
        quotes,
        actors,
        clusters: clustering.clusters,
        ..Model::default()
    }
}

/// Hands out the items of `v` from the back, a chunk at a time with the
/// index of its first, giving back its memory as it empties.
fn drain_back<T>(v: &mut Vec<T>, mut f: impl FnMut(usize, Vec<T>)) {
    const CHUNK: usize = 1 << 14;
    while !v.is_empty() {
        let start = v.len().saturating_sub(CHUNK);
        let chunk = v.split_off(start);
        shrink_if_half_empty(v);
        f(start, chunk);
    }
}

fn shrink_if_half_empty<T>(v: &mut Vec<T>) {
    if v.capacity() > 4096 && v.capacity() / 2 > v.len() {
        v.shrink_to_fit();
    }
}

/// Who said a quote, as the corpus-wide pass finds it.
#[derive(Default)]
struct Said {
    /// The actor the quote's speaker phrase names.
    speaker: Option<Name>,
    cites: Names,
}

/// Extracted events or quotes as clustering sees them: in chronological
/// order, through that order, without a copy.
struct Sorted<'a, T> {
    found: &'a [T],
    order: &'a [u32],
    article: &'a [ArticleId],
    /// Who said each quote (none for events).
    said: Option<&'a [Said]>,
}

impl<T: Sync> Sorted<'_, T> {
    fn at(&self, i: usize) -> usize {
        self.order[i] as usize
    }
}

impl<T: article::Found> cluster::Items for Sorted<'_, T> {
    fn len(&self) -> usize {
        self.order.len()
    }
    fn text(&self, i: usize) -> &str {
        self.found[self.at(i)].text()
    }
    fn dates(&self, i: usize) -> (NaiveDate, NaiveDate) {
        self.found[self.at(i)].date().units()
    }
    fn article(&self, i: usize) -> ArticleId {
        self.article[self.at(i)]
    }
    fn speaker(&self, i: usize) -> Option<&Name> {
        self.said?[self.at(i)].speaker.as_ref()
    }
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

fn article_record(d: &Document) -> Record {
    Record {
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
