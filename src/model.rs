//! The event model: plain data, serialisable, shared by every view.
//!
//! The JSON export is this model as serde writes it; the README documents
//! the fields and other tools (and the evaluation) read them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` into the original file, so that
/// `file[start..end]` is exactly the text an event or quote came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn shift(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

impl From<[usize; 2]> for Span {
    fn from(v: [usize; 2]) -> Self {
        Span::new(v[0], v[1].max(v[0]))
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> Self {
        [s.start, s.end]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Year,
}

/// Where a date came from: written in the sentence as a date ("March 2"),
/// worked out from a relative expression ("on Monday", "last week"),
/// carried over from the sentence before ("the same day"), or, when the
/// sentence says nothing, the article's publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    Stated,
    Relative,
    Inherited,
    Published,
}

/// A calendar interval `[start, end]` (both inclusive) with its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateInfo {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
    pub basis: Basis,
}

impl DateInfo {
    pub fn day(d: NaiveDate, basis: Basis) -> Self {
        DateInfo {
            start: d,
            end: d,
            precision: Precision::Day,
            basis,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable within one load: `a0`, `a1`, ... in path order.
    pub id: String,
    pub path: String,
    pub published: Option<NaiveDate>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub warnings: Vec<String>,
    /// Number of bytes in the file as read.
    pub bytes: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    /// How many events and quotes name this actor.
    pub mentions: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub article: String,
    pub span: Span,
    pub text: String,
    pub date: DateInfo,
    /// The date the article reporting this event was published.
    pub reported: Option<NaiveDate>,
    pub actors: Vec<String>,
    /// Outlets this event is attributed to ("Axios reported").
    pub cites: Vec<String>,
    pub cluster: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub id: String,
    pub article: String,
    pub span: Span,
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// The actor id of the speaker, when the speaker is a named actor.
    pub speaker: Option<String>,
    /// The speaker as the article names them ("one source", "Trump");
    /// a pronoun is replaced by the name it refers to.
    pub speaker_text: Option<String>,
    pub date: DateInfo,
    pub reported: Option<NaiveDate>,
    pub cites: Vec<String>,
    pub cluster: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClusterKind {
    Event,
    Quote,
}

/// The same event or quote as seen in one or more articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    pub id: String,
    pub kind: ClusterKind,
    /// Event or quote ids, in chronological then article order.
    pub members: Vec<String>,
    /// Distinct article ids that carry a member.
    pub articles: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub articles: Vec<Article>,
    pub actors: Vec<Actor>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    pub clusters: Vec<Cluster>,
}
