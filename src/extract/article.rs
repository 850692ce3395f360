//! One article: sentences, their dates (one event per differently dated
//! clause), quotations and name mentions.

use super::Shared;
use crate::actors::{NameMention, find_names};
use crate::dates::{DateMention, find_dates};
use crate::loader::Document;
use crate::model::{Basis, DateInfo, Name, Span};
use crate::quotes::find_quotes;
use crate::text::{paragraphs, sentences, squash};
use chrono::NaiveDate;

/// An event as one article states it: a clause and the date it states (or
/// the article's date).
pub(super) struct FoundEvent {
    pub(super) span: Span,
    /// The clause, white space squashed.
    pub(super) text: Box<str>,
    pub(super) date: DateInfo,
}

/// A quotation as one article gives it.
pub(super) struct FoundQuote {
    pub(super) span: Span,
    /// The quoted words, without the quotation marks.
    pub(super) text: Box<str>,
    /// Who the article says spoke, as it says it ("a U.S. official"); a
    /// pronoun is replaced by the name it refers to. The actor it names is
    /// resolved over the whole corpus.
    pub(super) speaker: Option<Name>,
    /// See `model::Quote::confidence` and `speaker_confidence`.
    pub(super) confidence: f32,
    pub(super) speaker_confidence: Option<f32>,
    pub(super) date: DateInfo,
    /// The sentence holding the quote, when it may cite an outlet.
    pub(super) context: Option<Box<str>>,
}

/// What an extracted event and quote both have.
pub(super) trait Found: Sync {
    fn text(&self) -> &str;
    fn date(&self) -> &DateInfo;
}

impl Found for FoundEvent {
    fn text(&self) -> &str {
        &self.text
    }
    fn date(&self) -> &DateInfo {
        &self.date
    }
}

impl Found for FoundQuote {
    fn text(&self) -> &str {
        &self.text
    }
    fn date(&self) -> &DateInfo {
        &self.date
    }
}

/// What one article yields before the corpus-wide passes.
#[derive(Default)]
pub(super) struct Extracted {
    pub(super) events: Vec<FoundEvent>,
    pub(super) quotes: Vec<FoundQuote>,
    /// The names mentioned (numbers in the shared name table), each once,
    /// in order of first mention.
    pub(super) names: Vec<u32>,
}

/// Relative dates in an undated article cannot be resolved; only dates
/// that write out their year are kept, and this base is never shown.
const UNDATED_BASE: NaiveDate = NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid date");

fn states_year(s: &str) -> bool {
    s.as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
}

/// Headlines capitalise every word, so capitals there do not mark names.
fn title_case(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 4 && caps * 10 >= words.len() * 7
}

/// Short words that carry no statement of their own.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by",
    "from", "as", "into", "than", "via", "per", "vs",
];

/// Whether a clause says something: a caption ("Getty/Instagram."), a
/// credit or signature ("Chris Smith.", "Henderson, Nev."), a section label
/// ("FULL TEXT."), a handle, a rule ("___.") or a fragment ("and 2012.",
/// "Limbaugh added:") is not an event. A short clause needs a word that is
/// neither a name nor a function word, as a predicate is; a long one is
/// taken as it stands.
pub(super) fn is_statement(text: &str) -> bool {
    // Markup left in a text file (`<tweet tweet-id="…"><tweet/>`) is no words.
    let text = &without_tags(text);
    let words: Vec<&str> = (text.split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.len() < 2 {
        return false;
    }
    if words.len() > 5 {
        return true;
    }
    // A lead-in to a quotation ("Caddell continued:") says nothing yet.
    if words.len() <= 4 && text.trim_end().ends_with(':') {
        return false;
    }
    words.iter().any(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            && w.chars().count() >= 2
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-')
            && !FUNCTION_WORDS.contains(w)
    })
}

/// `text` with every `<…>` tag removed (a lone `<` is kept).
fn without_tags(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('<') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        match rest[open..].find('>') {
            Some(close) => rest = &rest[open + close + 1..],
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// A clause of a sentence with the one date it states.
struct Clause {
    span: Span,
    date: DateInfo,
}

pub(super) fn extract_article(doc: &Document, shared: &Shared) -> Extracted {
    #[cfg(test)]
    if doc.meta.clean.contains(tests::PANIC_MARK) {
        panic!("extraction failure planted by a test");
    }
    let clean = &doc.meta.clean;
    let published = doc.meta.published;
    let mut names = DistinctNames::default();
    let mut out = Extracted {
        events: Vec::new(),
        quotes: Vec::new(),
        names: Vec::new(),
    };
    // Quotes first: their search holds a masked copy of the text, which is
    // freed before the events of a long article pile up.
    let found_quotes = find_quotes(clean);
    let mut previous: Option<DateInfo> = None;
    // Every date mention of the article where it stands, to date quotes.
    let mut dated: Vec<(Span, DateInfo)> = Vec::new();
    let paras = paragraphs(clean);
    let sentence_spans: Vec<Span> = paras.iter().flat_map(|&p| sentences(clean, p)).collect();
    // One event per sentence at least: room for them up front, not by
    // doubling, which in a long article leaves half the vector unused.
    out.events.reserve(sentence_spans.len());
    for &sent in &sentence_spans {
        let text = &clean[sent.start..sent.end];
        if !title_case(text) {
            names.extend(find_names(text));
        }
        let post = doc.meta.posts.iter().find(|p| p.body.contains(sent));
        let default = match (post.and_then(|p| p.date), published) {
            (Some(d), _) => Some(DateInfo::day(d, Basis::Stated)),
            (None, Some(p)) => Some(DateInfo::day(p, Basis::Published)),
            (None, None) => None,
        };
        let found = match published.or(post.and_then(|p| p.date)) {
            Some(base) => find_dates(text, base, previous),
            // Undated: only dates written out in full can be trusted.
            None => find_dates(text, UNDATED_BASE, previous)
                .into_iter()
                .filter(|m| m.date.basis == Basis::Stated && states_year(&text[m.start..m.end]))
                .collect(),
        };
        // "for now" and the like carry no more than the publication date.
        let found: Vec<DateMention> = found
            .into_iter()
            .filter(|m| m.date.basis != Basis::Published)
            .collect();
        if let Some(last) = found.last() {
            previous = Some(last.date);
        }
        dated.extend(
            found
                .iter()
                .map(|m| (Span::new(sent.start + m.start, sent.start + m.end), m.date)),
        );
        for c in split_clauses(text, sent.start, &found, default) {
            out.events.push(FoundEvent {
                span: c.span,
                text: squash(&clean[c.span.start..c.span.end]).into(),
                date: c.date,
            });
        }
    }
    // Sentences, date mentions and paragraphs are in text order and do not
    // overlap, so each lookup below is a binary search: a single paragraph
    // of megabytes holds hundreds of thousands of them.
    let sentence_of = |pos: usize| {
        let i = sentence_spans.partition_point(|s| s.end.max(s.start + 1) <= pos);
        sentence_spans.get(i).filter(|s| s.start <= pos)
    };
    out.quotes
        .reserve(found_quotes.len() + doc.meta.posts.len());
    // Words inside any quote: a date there is what was said, not when.
    let quoted: Vec<Span> = found_quotes
        .iter()
        .flat_map(|q| q.parts.iter().copied())
        .collect();
    for m in found_quotes {
        let span = m.span;
        let post = doc.meta.posts.iter().find(|p| p.body.contains(span));
        let Some(date) = quote_date(clean, &m, &dated, &quoted, &sentence_spans)
            .or_else(|| {
                post.and_then(|p| p.date)
                    .map(|d| DateInfo::day(d, Basis::Stated))
            })
            .or_else(|| published.map(|d| DateInfo::day(d, Basis::Published)))
        else {
            continue;
        };
        let shown = m.resolved.as_ref().or(m.speaker_text.as_ref());
        if let Some(s) = &shown {
            names.extend(find_names(s));
        }
        let sentence = sentence_of(m.span.start)
            .map(|s| &clean[s.start..s.end])
            .filter(|s| shared.may_cite(s))
            .map(Box::from);
        out.quotes.push(FoundQuote {
            span,
            text: squash(&m.text).into(),
            speaker: shown.map(|s| Name::from(s.as_str())),
            confidence: m.confidence,
            speaker_confidence: m.speaker_confidence,
            date,
            context: sentence,
        });
    }
    // A social post is a dated statement by its author.
    for p in &doc.meta.posts {
        let (Some(author), Some(d)) = (&p.author, p.date) else {
            continue;
        };
        let body = squash(&clean[p.body.start..p.body.end]);
        if body.is_empty() {
            continue;
        }
        let inner = paragraphs(&clean[p.body.start..p.body.end]);
        let span = match (inner.first(), inner.last()) {
            (Some(f), Some(l)) => Span::new(p.body.start + f.start, p.body.start + l.end),
            _ => continue,
        };
        names.extend(find_names(author));
        out.quotes.push(FoundQuote {
            span,
            text: body.into(),
            speaker: Some(author.as_str().into()),
            // The feed's own record of who posted it, and when.
            confidence: 0.95,
            speaker_confidence: Some(0.95),
            date: DateInfo::day(d, Basis::Stated),
            context: None,
        });
    }
    // Every clause dated the quotes above; only statements are events.
    // A clause that dates something ("and 2012.", split from the sentence
    // it ends) is kept for the date it carries.
    out.events
        .retain(|e| e.date.basis != Basis::Published || is_statement(&e.text));
    out.names = shared.intern(names.order);
    // Thousands of articles wait for the corpus-wide passes: no slack.
    out.events.shrink_to_fit();
    out.quotes.shrink_to_fit();
    out
}

/// When a quote was said: a date in the narration of its sentence (the
/// attribution's "said on Tuesday", else another outside the quoted
/// words), the one nearest the speaker; for a pronoun speaker, a date the
/// sentence it points back to states. Never a date inside quoted words:
/// `None` leaves the post's or article's date.
fn quote_date(
    clean: &str,
    m: &crate::quotes::QuoteMention,
    dated: &[(Span, DateInfo)],
    quoted: &[Span],
    sentences: &[Span],
) -> Option<DateInfo> {
    // Quoted parts are in text order and apart: a binary search each.
    let outside = |s: Span| {
        let i = quoted.partition_point(|q| q.end <= s.start);
        quoted.get(i).is_none_or(|q| !q.overlaps(s))
    };
    let sentence_at = |pos: usize| {
        let i = sentences.partition_point(|s| s.end.max(s.start + 1) <= pos);
        sentences.get(i).copied().filter(|s| s.start <= pos)
    };
    let first = sentence_at(m.span.start).unwrap_or(m.span);
    let last = sentence_at(m.span.end.saturating_sub(1)).unwrap_or(m.span);
    let mut around = first.join(last);
    if let Some(sp) = m.speaker_span.and_then(|s| sentence_at(s.start)) {
        around = around.join(sp);
    }
    let anchor = m.speaker_span.unwrap_or(m.span);
    let distance = |s: Span| {
        if s.end <= anchor.start {
            anchor.start - s.end
        } else {
            s.start.saturating_sub(anchor.end)
        }
    };
    let lo = dated.partition_point(|(s, _)| s.end <= around.start);
    let said = dated[lo..]
        .iter()
        .take_while(|(s, _)| s.start < around.end)
        .filter(|(s, d)| {
            d.basis != Basis::Published
                && around.contains(*s)
                && outside(*s)
                && !describes_speaker(clean, anchor, *s)
        })
        .min_by_key(|(s, _)| distance(*s));
    if let Some((_, d)) = said {
        return Some(*d);
    }
    // "Trump posted on Tuesday. “…,” he wrote.": a pronoun speaker points
    // back to the sentence before, which says when.
    m.resolved.as_ref()?;
    let i = sentences.partition_point(|s| s.end <= first.start);
    let prev = sentences.get(i.checked_sub(1)?).copied()?;
    let lo = dated.partition_point(|(s, _)| s.end <= prev.start);
    dated[lo..]
        .iter()
        .take_while(|(s, _)| s.start < prev.end)
        .filter(|(s, d)| d.basis != Basis::Published && prev.contains(*s) && outside(*s))
        .last()
        .map(|(_, d)| DateInfo {
            basis: Basis::Inherited,
            ..*d
        })
}

/// Whether a date mention belongs to the description of the speaker (its
/// appositive or a clause about them: "Jo Fox, who led the party from 1995",
/// "the architect of Obama's 2008 campaign"), not to when they spoke.
fn describes_speaker(clean: &str, speaker: Span, date: Span) -> bool {
    if speaker.overlaps(date) {
        return true;
    }
    let (a, b) = if date.start >= speaker.end {
        (speaker.end, date.start)
    } else {
        (date.end, speaker.start)
    };
    let gap = clean.get(a..b).unwrap_or("").to_lowercase();
    [" who ", " whose ", " which ", "'s ", "’s ", " since "]
        .iter()
        .any(|w| gap.contains(w))
        || gap.starts_with("who ")
        || gap.starts_with(", who ")
}

/// The mentions that can make an actor (those with a kind), each once, in
/// order of first mention: the actor table depends on nothing else. Kept
/// distinct as they come, so a long article costs its distinct names only.
#[derive(Default)]
struct DistinctNames {
    seen: std::collections::HashSet<NameMention>,
    order: Vec<NameMention>,
}

impl DistinctNames {
    fn extend(&mut self, found: impl IntoIterator<Item = NameMention>) {
        for m in found {
            if m.kind.is_some() && !self.seen.contains(&m) {
                self.seen.insert(m.clone());
                self.order.push(m);
            }
        }
    }
}

/// Splits a sentence into one clause per date it states, cutting between
/// two dates at the last clause boundary (comma, "that", "and", ";")
/// before the second; a sentence without a date is one clause dated by
/// `default` (or left out when there is none).
fn split_clauses(
    text: &str,
    base: usize,
    found: &[DateMention],
    default: Option<DateInfo>,
) -> Vec<Clause> {
    if found.is_empty() {
        return default
            .map(|date| Clause {
                span: Span::new(base, base + text.len()),
                date,
            })
            .into_iter()
            .collect();
    }
    let mut cuts = vec![0];
    for pair in found.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let between = &text[a.end..b.start];
        let cut = [
            ", ", " that ", " and ", "; ", " but ", " while ", " after ", " before ", " when ",
        ]
        .iter()
        .filter_map(|p| {
            between.rfind(p).map(|i| {
                a.end
                    + i
                    + if p.starts_with(',') || p.starts_with(';') {
                        1
                    } else {
                        0
                    }
            })
        })
        .max()
        .unwrap_or(a.end);
        cuts.push(cut);
    }
    cuts.push(text.len());
    let mut out = Vec::new();
    for (k, m) in found.iter().enumerate() {
        let (s, e) = (cuts[k], cuts[k + 1]);
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let t = piece.trim();
        // Consecutive mentions of one interval ("Monday, March 2") stay one clause.
        if let Some(last) = out
            .last_mut()
            .filter(|c: &&mut Clause| c.date.start == m.date.start && c.date.end == m.date.end)
        {
            last.span = Span::new(last.span.start, base + s + lead + t.len());
            continue;
        }
        out.push(Clause {
            span: Span::new(base + s + lead, base + s + lead + t.len()),
            date: m.date,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Planted in a test article to make its extraction panic.
    pub(super) const PANIC_MARK: &str = "zq-plant-a-panic-qz";

    #[test]
    fn a_failing_article_costs_only_itself() {
        use crate::loader::{RawText, document};
        let doc = |name: &str, body: &str| {
            document(RawText {
                path: name.into(),
                text: format!(
                    " date 2026-03-04 \n\nOn Monday the council approved the budget. {body}\n"
                ),
                warnings: Vec::new(),
            })
        };
        let docs = vec![
            doc("good-1.txt", ""),
            doc("bad.txt", PANIC_MARK),
            doc(
                "good-2.txt",
                "The mayor said on Tuesday that the plan would stand.",
            ),
        ];
        let (table, _) = crate::aliases::AliasTable::parse("");
        let (model, issues) = super::super::build_model(&docs, &table);
        assert_eq!(
            model.articles.len(),
            3,
            "the failed article keeps its place"
        );
        assert_eq!(issues.len(), 1);
        assert!(issues[0].failed && issues[0].path.ends_with("bad.txt"));
        assert!(
            issues[0]
                .message()
                .contains("could not extract: internal error"),
            "{}",
            issues[0].message()
        );
        assert!(
            issues[0].message().contains("article.rs"),
            "{}",
            issues[0].message()
        );
        assert!(!model.events.iter().any(|e| e.article.index() == 1));
        for good in [0, 2] {
            assert!(
                model.events.iter().any(|e| e.article.index() == good),
                "article {good} loads"
            );
        }
    }
    #[test]
    fn a_quote_is_dated_when_it_was_said_not_by_its_own_words() {
        use crate::loader::{RawText, document};
        let text = " date 2026-03-04 \n\n\"The campaign of 2008 started the whole feud,\" Ana Ortiz said on Monday.\n\n\"We have had thousands of calls since January 1st,\" she said.\n\nOn Tuesday the mayor spoke at the hall. \"We will build the new school first,\" she said.\n\nThe mayor says \"the budget of 1999 is still a scar for the town\" and more.\n\n\"We lost the vote and the hall,\" said Jo Fox, who led the party from 1995 to 1997.\n\n\"I had a clot behind my knee,\" Ana Ortiz wrote in 2003.\n";
        let docs = vec![document(RawText {
            path: "said.txt".into(),
            text: text.into(),
            warnings: Vec::new(),
        })];
        let (table, _) = crate::aliases::AliasTable::parse("");
        let (model, _) = super::super::build_model(&docs, &table);
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let date_of = |words: &str| {
            let q = model.quotes.iter().find(|q| q.text.contains(words));
            q.map(|q| (q.date.start, q.date.basis))
        };
        assert_eq!(date_of("campaign of 2008"), Some((day(2), Basis::Relative)));
        // "she" points back to Ana Ortiz, who spoke on Monday.
        assert_eq!(
            date_of("since January 1st"),
            Some((day(2), Basis::Inherited))
        );
        // A year describing the speaker is not when they spoke.
        assert_eq!(date_of("lost the vote"), Some((day(4), Basis::Published)));
        assert_eq!(
            date_of("clot behind"),
            Some((2003, Basis::Stated))
                .map(|(y, b)| (NaiveDate::from_ymd_opt(y, 1, 1).unwrap(), b))
        );
        assert_eq!(date_of("new school"), Some((day(3), Basis::Inherited)));
        // The dates inside the words are still events of their own.
        assert!(
            model
                .events
                .iter()
                .any(|e| e.date.start.format("%Y").to_string() == "2008")
        );
    }

    use crate::model::Precision;

    fn mention(start: usize, end: usize, day: u32) -> DateMention {
        let d = NaiveDate::from_ymd_opt(2026, 3, day).unwrap();
        DateMention {
            start,
            end,
            date: DateInfo {
                start: d,
                end: d,
                precision: Precision::Day,
                basis: Basis::Relative,
            },
        }
    }

    #[test]
    fn captions_credits_labels_and_fragments_are_not_statements() {
        for junk in [
            "___.",
            "Getty/Instagram.",
            "ABSTRACT.",
            "FULL TEXT.",
            "and 2012.",
            "to 2010.",
            "Chris Smith.",
            "Henderson, Nev.",
            "Washington, D.C.",
            "@Fred_945.",
            "Limbaugh added:",
            "Source: NATO.",
            "2 p.m.",
            "Joining Forces With China.",
            "Scrutinizing the Science.",
            "<tweet tweet-id=\"783499116076687360\"><tweet/>.",
        ] {
            assert!(!is_statement(junk), "{junk}");
        }
        for real in [
            "He didn't suggest retaliation.",
            "Who cares?",
            "She is right!",
            "Only McAuliffe stayed home.",
            "Trump won.",
            "Turnout was 3 < 4 of last time.",
            "Reports: Iranian Intel Officials Contacted CIA to Stop War; Netanyahu Called Trump",
        ] {
            assert!(is_statement(real), "{real}");
        }
    }

    #[test]
    fn two_dates_make_two_clauses() {
        let t = "X said Friday that Y happened on Monday.";
        let f = [mention(7, 13, 6), mention(31, 37, 2)];
        let c = split_clauses(t, 100, &f, None);
        assert_eq!(c.len(), 2);
        assert_eq!(
            &t[c[0].span.start - 100..c[0].span.end - 100],
            "X said Friday"
        );
        assert_eq!(
            &t[c[1].span.start - 100..c[1].span.end - 100],
            "that Y happened on Monday."
        );
    }

    #[test]
    fn undated_sentence_takes_the_default() {
        let d = DateInfo::day(
            NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
            Basis::Published,
        );
        let c = split_clauses("Nothing dated here.", 5, &[], Some(d));
        assert_eq!(c[0].span, Span::new(5, 24));
        assert_eq!(c[0].date.basis, Basis::Published);
        assert!(split_clauses("x", 0, &[], None).is_empty());
    }
}
