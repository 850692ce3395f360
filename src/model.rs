//! The event model: plain data, serialisable, shared by every view.
//!
//! The JSON export is this model as serde writes it; the README documents
//! the fields and other tools (and the evaluation) read them.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use smallvec::SmallVec;
use std::fmt;
use std::sync::Arc;

/// A positional id: the n-th article, event, quote or cluster of a model,
/// written with its letter (`a0`, `e12`, `q3`, `c7`) in JSON and on screen.
/// Four bytes, no allocation: a model holds hundreds of thousands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Id<const P: char>(pub u32);

pub type ArticleId = Id<'a'>;
pub type EventId = Id<'e'>;
pub type QuoteId = Id<'q'>;
pub type ClusterId = Id<'c'>;

/// An actor id or an outlet name: shared, since thousands of events name
/// the same few.
pub type Name = Arc<str>;

/// The actors or outlets an event or quote names: shared too, since most
/// events name one of a few hundred combinations (and many name none).
pub type Names = Arc<[Name]>;

impl<const P: char> Id<P> {
    pub fn new(index: usize) -> Self {
        Id(u32::try_from(index).expect("fewer than 2^32 items"))
    }
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl<const P: char> fmt::Display for Id<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{P}{}", self.0)
    }
}

impl<const P: char> PartialEq<&str> for Id<P> {
    fn eq(&self, other: &&str) -> bool {
        other
            .strip_prefix(P)
            .and_then(|n| n.parse::<u32>().ok())
            .is_some_and(|n| n == self.0)
    }
}

/// Written with its letter where people read it (JSON); as a bare number
/// in the binary cache.
impl<const P: char> Serialize for Id<P> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.collect_str(self)
        } else {
            s.serialize_u32(self.0)
        }
    }
}

impl<'de, const P: char> Deserialize<'de> for Id<P> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if !d.is_human_readable() {
            return u32::deserialize(d).map(Id);
        }
        let s = String::deserialize(d)?;
        s.strip_prefix(P)
            .and_then(|n| n.parse().ok())
            .map(Id)
            .ok_or_else(|| serde::de::Error::custom(format!("expected an id like {P}12, got {s}")))
    }
}

/// A cluster member: an event or a quote, written by its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemId {
    Event(EventId),
    Quote(QuoteId),
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ItemId::Event(e) => e.fmt(f),
            ItemId::Quote(q) => q.fmt(f),
        }
    }
}

impl Serialize for ItemId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            return s.collect_str(self);
        }
        // In the binary cache: the id's number, twice and once more for a
        // quote, so that one integer says both.
        s.serialize_u64(match self {
            ItemId::Event(e) => u64::from(e.0) << 1,
            ItemId::Quote(q) => u64::from(q.0) << 1 | 1,
        })
    }
}

impl<'de> Deserialize<'de> for ItemId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if !d.is_human_readable() {
            let n = u64::deserialize(d)?;
            let id = u32::try_from(n >> 1).map_err(serde::de::Error::custom)?;
            return Ok(if n & 1 == 0 {
                ItemId::Event(Id(id))
            } else {
                ItemId::Quote(Id(id))
            });
        }
        let s = String::deserialize(d)?;
        let n = |rest: &str| rest.parse::<u32>().ok();
        match s.split_at_checked(1) {
            Some(("e", rest)) if n(rest).is_some() => Ok(ItemId::Event(Id(n(rest).unwrap_or(0)))),
            Some(("q", rest)) if n(rest).is_some() => Ok(ItemId::Quote(Id(n(rest).unwrap_or(0)))),
            _ => Err(serde::de::Error::custom(format!(
                "expected an event or quote id like e3 or q7, got {s}"
            ))),
        }
    }
}

pub use crate::span::Span;

/// Dates as people read them where they do (in JSON, `"2026-03-04"`); in
/// the binary cache, as a day number: a third of the size, and no text to
/// format or parse. For `#[serde(with = "day")]`.
pub mod day {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            d.serialize(s)
        } else {
            s.serialize_i32(d.num_days_from_ce())
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        if d.is_human_readable() {
            return NaiveDate::deserialize(d);
        }
        let n = i32::deserialize(d)?;
        NaiveDate::from_num_days_from_ce_opt(n)
            .ok_or_else(|| serde::de::Error::custom(format!("day {n} is out of range")))
    }

    /// A date written as [`day`](self) writes it.
    pub struct Day(pub NaiveDate);

    impl Serialize for Day {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            serialize(&self.0, s)
        }
    }

    impl<'de> Deserialize<'de> for Day {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            deserialize(d).map(Day)
        }
    }

    /// The same for a date that may be missing: with `default`, as a
    /// missing plain `Option` field would be read.
    pub mod option {
        use super::Day;
        use chrono::NaiveDate;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
            d.map(Day).serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            Ok(Option::<Day>::deserialize(d)?.map(|d| d.0))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Year,
    /// A decade ("the 1980s"): ten calendar years from a year ending in 0.
    Decade,
}

/// Where a date came from: written in the sentence as a date ("March 2"),
/// worked out from a relative expression ("on Monday", "last week"),
/// counted from another dated event of the corpus that the sentence names
/// ("a day after the strikes began"), carried over from the sentence before
/// ("the same day"), or, when the sentence says nothing, the article's
/// publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    Stated,
    Relative,
    Anchored,
    Inherited,
    Published,
}

/// A calendar interval `[start, end]` (both inclusive) with its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateInfo {
    #[serde(with = "day")]
    pub start: NaiveDate,
    #[serde(with = "day")]
    pub end: NaiveDate,
    pub precision: Precision,
    pub basis: Basis,
}

impl DateInfo {
    /// The whole calendar units the date lies in: the week, month or year
    /// of an interval "earlier" or "later" cut short, so that the same event
    /// reported on two days has one date to be compared by.
    pub fn units(&self) -> (NaiveDate, NaiveDate) {
        use chrono::Datelike;
        let (s, e) = (self.start, self.end);
        let whole = match self.precision {
            Precision::Day => None,
            Precision::Week => s
                .checked_sub_days(chrono::Days::new(u64::from(
                    s.weekday().num_days_from_monday(),
                )))
                .zip(e.checked_add_days(chrono::Days::new(u64::from(
                    6 - e.weekday().num_days_from_monday(),
                )))),
            Precision::Month => s.with_day(1).zip(
                e.with_day(1)
                    .and_then(|f| f.checked_add_months(chrono::Months::new(1)))
                    .and_then(|n| n.pred_opt()),
            ),
            Precision::Year => NaiveDate::from_ymd_opt(s.year(), 1, 1)
                .zip(NaiveDate::from_ymd_opt(e.year(), 12, 31)),
            Precision::Decade => {
                NaiveDate::from_ymd_opt(s.year() - s.year().rem_euclid(10), 1, 1).zip(
                    NaiveDate::from_ymd_opt(e.year() - e.year().rem_euclid(10) + 9, 12, 31),
                )
            }
        };
        whole.unwrap_or((s, e))
    }

    pub fn day(d: NaiveDate, basis: Basis) -> Self {
        DateInfo {
            start: d,
            end: d,
            precision: Precision::Day,
            basis,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Article {
    /// Stable within one load: `a0`, `a1`, ... in path order.
    pub id: ArticleId,
    pub path: String,
    #[serde(default, with = "day::option")]
    pub published: Option<NaiveDate>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    /// The article's address on the web, when the input states one.
    #[serde(default)]
    pub url: Option<String>,
    /// What the input was read as.
    #[serde(default)]
    pub format: SourceFormat,
    /// For inputs whose spans do not index the file itself (web pages,
    /// feed entries, JSON records): the extracted text the spans index.
    #[serde(default)]
    pub text: Option<String>,
    pub warnings: Vec<String>,
    /// Number of bytes in the file as read.
    pub bytes: usize,
}

/// The format an input was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Plain text (the seed format included).
    #[default]
    Text,
    /// Markdown, with or without YAML or TOML front matter.
    Markdown,
    /// A saved web page.
    Html,
    /// An RSS, Atom or JSON Feed entry.
    Feed,
    /// A record of a JSON document (an array or one object).
    Json,
    /// A record of a JSON Lines stream.
    Jsonl,
}

impl SourceFormat {
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Markdown => "markdown",
            SourceFormat::Html => "html",
            SourceFormat::Feed => "feed",
            SourceFormat::Json => "json",
            SourceFormat::Jsonl => "jsonl",
        }
    }
}

impl fmt::Display for SourceFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Written as the derive would, but a text that is not there is left out
/// of the JSON; the binary cache, which has no field names to go by, always
/// writes it.
impl Serialize for Article {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let readable = s.is_human_readable();
        let mut st = s.serialize_struct("Article", 11)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("path", &self.path)?;
        st.serialize_field("published", &self.published.map(day::Day))?;
        st.serialize_field("author", &self.author)?;
        st.serialize_field("outlet", &self.outlet)?;
        st.serialize_field("title", &self.title)?;
        st.serialize_field("url", &self.url)?;
        st.serialize_field("format", &self.format)?;
        if self.text.is_some() || !readable {
            st.serialize_field("text", &self.text)?;
        } else {
            st.skip_field("text")?;
        }
        st.serialize_field("warnings", &self.warnings)?;
        st.serialize_field("bytes", &self.bytes)?;
        st.end()
    }
}

impl Article {
    /// How a reader cites the article: outlet (else the file name),
    /// headline, author, publication date and web address, as far as known.
    /// Plain text: each view escapes it for its medium.
    /// The name the article goes by: its outlet, else its file name.
    pub fn source_name(&self) -> String {
        self.outlet.clone().unwrap_or_else(|| {
            std::path::Path::new(&self.path)
                .file_name()
                .map_or(self.path.clone(), |f| f.to_string_lossy().into_owned())
        })
    }

    pub fn cite(&self) -> String {
        let mut parts = vec![self.source_name()];
        if let Some(t) = &self.title {
            parts.push(format!("“{t}”"));
        }
        if let Some(a) = &self.author {
            parts.push(format!("by {a}"));
        }
        parts.push(self.published.map_or("undated".into(), |d| d.to_string()));
        if let Some(u) = &self.url {
            parts.push(u.clone());
        }
        parts.join(", ")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Actor {
    pub id: Name,
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    /// How many events and quotes name this actor.
    pub mentions: usize,
    /// For a surname that several people of the corpus share ("Clinton"):
    /// the ids of the people it may be. Empty for a name that is one
    /// actor's.
    #[serde(default)]
    pub candidates: Vec<Name>,
}

/// As the derive would write it, but with no `candidates` in the JSON when
/// there are none; the binary cache always writes them.
impl Serialize for Actor {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let readable = s.is_human_readable();
        let mut st = s.serialize_struct("Actor", 7)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("name", &self.name)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("aliases", &self.aliases)?;
        st.serialize_field("roles", &self.roles)?;
        st.serialize_field("mentions", &self.mentions)?;
        if self.candidates.is_empty() && readable {
            st.skip_field("candidates")?;
        } else {
            st.serialize_field("candidates", &self.candidates)?;
        }
        st.end()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    pub article: ArticleId,
    pub span: Span,
    pub text: Box<str>,
    pub date: DateInfo,
    /// The date the article reporting this event was published.
    #[serde(default, with = "day::option")]
    pub reported: Option<NaiveDate>,
    pub actors: Names,
    /// Outlets this event is attributed to ("Axios reported").
    pub cites: Names,
    pub cluster: ClusterId,
    /// How far the row can be trusted as a dated statement, from 0 to 1:
    /// highest for a full clause whose date is written out to the day, lower
    /// as the date is worked out, counted from another event, carried over
    /// or only the publication date, as it is coarser (a year, a decade),
    /// and as the clause is shorter, a question, or has no verb.
    #[serde(default)]
    pub confidence: f32,
    /// Whether this row is a further date its clause names ("from 2009 to
    /// 2011": the row at 2011): the same text is dated by its first date
    /// in another row.
    #[serde(default)]
    pub mentioned: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub id: QuoteId,
    pub article: ArticleId,
    pub span: Span,
    /// The quoted words, without the quotation marks.
    pub text: Box<str>,
    /// The actor id of the speaker, when the speaker is a named actor.
    pub speaker: Option<Name>,
    /// The speaker as the article names them ("one source", "Trump");
    /// a pronoun is replaced by the name it refers to.
    pub speaker_text: Option<Name>,
    /// How sure it is that this is a quotation, 0..1: speech context in
    /// its sentence, a colon or verb introducing it, closing marks and
    /// length each add to it (a social post's body, quoted by its
    /// metadata, is near 1).
    #[serde(default)]
    pub confidence: f32,
    /// How sure the speaker is, 0..1 (none without a speaker): the
    /// strength of the best-ranked attribution pattern (a clause right
    /// after the quote strongest, a neighbouring sentence weakest),
    /// lessened by its distance from the quote and, for a pronoun or a
    /// description, by how far back the name it stands for was found.
    #[serde(default)]
    pub speaker_confidence: Option<f32>,
    pub date: DateInfo,
    #[serde(default, with = "day::option")]
    pub reported: Option<NaiveDate>,
    pub cites: Names,
    pub cluster: ClusterId,
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
    pub id: ClusterId,
    pub kind: ClusterKind,
    /// Event or quote ids, in chronological then article order (held in
    /// place, not allocated, for the many clusters of one or two).
    pub members: SmallVec<[ItemId; 2]>,
    /// Distinct article ids that carry a member.
    pub articles: SmallVec<[ArticleId; 4]>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub articles: Vec<Article>,
    pub actors: Vec<Actor>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    pub clusters: Vec<Cluster>,
    /// The exact bytes of the file names that are not UTF-8 (their `path`
    /// shows each bad byte as U+FFFD), written as `path_bytes` by the JSON
    /// export so that every path maps back to its file.
    #[serde(skip)]
    pub path_bytes: Vec<(ArticleId, Box<[u8]>)>,
}

/// The bytes of a file name when they are not UTF-8 (`None` when the name
/// is exactly its `path` string).
pub fn non_utf8_name(p: &std::path::Path) -> Option<Box<[u8]>> {
    let bytes = p.as_os_str().as_encoded_bytes();
    std::str::from_utf8(bytes).is_err().then(|| bytes.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_written_with_their_letter_and_read_back() {
        let e = EventId::new(12);
        assert_eq!(e.to_string(), "e12");
        assert_eq!(serde_json::to_string(&e).unwrap(), "\"e12\"");
        assert_eq!(serde_json::from_str::<EventId>("\"e12\"").unwrap(), e);
        assert!(serde_json::from_str::<EventId>("\"q12\"").is_err());
        assert!(e == "e12" && e != "e1" && e != "q12");
        let members = vec![ItemId::Event(Id(3)), ItemId::Quote(Id(7))];
        let json = serde_json::to_string(&members).unwrap();
        assert_eq!(json, r#"["e3","q7"]"#);
        assert_eq!(serde_json::from_str::<Vec<ItemId>>(&json).unwrap(), members);
        assert!(serde_json::from_str::<ItemId>("\"c3\"").is_err());
    }

    #[test]
    fn dates_are_text_in_json_and_day_numbers_in_the_cache() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let date = DateInfo {
            start: d(2026, 3, 2),
            end: d(2026, 3, 8),
            precision: Precision::Week,
            basis: Basis::Relative,
        };
        let json = serde_json::to_string(&date).unwrap();
        assert_eq!(
            json,
            r#"{"start":"2026-03-02","end":"2026-03-08","precision":"week","basis":"relative"}"#
        );
        assert_eq!(serde_json::from_str::<DateInfo>(&json).unwrap(), date);
        let bytes = postcard::to_stdvec(&date).unwrap();
        assert!(bytes.len() <= 10, "{bytes:?}");
        assert_eq!(postcard::from_bytes::<DateInfo>(&bytes).unwrap(), date);
        // The ends of the calendar, and a missing date, read back as they were.
        let e = Event {
            id: EventId::new(0),
            article: ArticleId::new(0),
            span: Span::new(0, 4),
            text: "text".into(),
            date: DateInfo::day(NaiveDate::MIN, Basis::Stated),
            reported: Some(NaiveDate::MAX),
            actors: Names::default(),
            cites: Names::default(),
            cluster: ClusterId::new(0),
            confidence: 0.5,
            mentioned: true,
        };
        for e in [
            e.clone(),
            Event {
                reported: None,
                ..e
            },
        ] {
            let bytes = postcard::to_stdvec(&e).unwrap();
            assert_eq!(postcard::from_bytes::<Event>(&bytes).unwrap(), e);
            let json = serde_json::to_string(&e).unwrap();
            assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), e);
        }
        // A day number no date has is an error, not a date.
        let bad = postcard::to_stdvec(&i32::MAX).unwrap();
        assert!(postcard::from_bytes::<Wrapped>(&bad).is_err());
    }

    #[derive(Deserialize)]
    struct Wrapped(#[allow(dead_code)] day::Day);
}
