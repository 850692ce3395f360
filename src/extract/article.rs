//! One article: sentences, their dates (one event per differently dated
//! clause), quotations and name mentions.

use super::Shared;
use super::statement::{has_verb, is_function_word, is_statement, word_count};
use crate::actors::{NameMention, find_names};
use crate::dates::{Anchor, DateMention, Recent, find_anchor, find_dates_after};
use crate::loader::Document;
use crate::model::{Basis, DateInfo, Name, Precision, Span};
use crate::quotes::find_quotes_in;
use crate::text::{paragraphs, sentences, squash};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An event as one article states it: a clause and the date it states (or
/// the article's date).
#[derive(Serialize, Deserialize)]
pub(super) struct FoundEvent {
    pub(super) span: Span,
    /// The clause, white space squashed.
    pub(super) text: Box<str>,
    pub(super) date: DateInfo,
    /// The event the clause counts its date from ("a day after the strikes
    /// began"), when it gives no date of its own.
    pub(super) anchor: Option<Box<Anchor>>,
    /// Whether this row is one of those further dates: the clause is dated
    /// by its first, and names this one too.
    #[serde(default)]
    pub(super) mentioned: bool,
}

/// A clause as an event, with the further dates it names ("from 2009 to
/// 2011, then between 2014 and 2016") until each becomes a row of its own.
type Statement = (FoundEvent, Vec<DateInfo>);

/// A quotation as one article gives it.
#[derive(Serialize, Deserialize)]
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

/// What one article yields before the corpus-wide passes: plain data, so
/// that the cache can keep it.
#[derive(Default, Serialize, Deserialize)]
pub(super) struct Extracted {
    pub(super) events: Vec<FoundEvent>,
    pub(super) quotes: Vec<FoundQuote>,
    /// The names mentioned, each once, in order of first mention.
    pub(super) names: Vec<NameMention>,
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

/// A clause of a sentence with the one date it states.
struct Clause {
    span: Span,
    date: DateInfo,
    /// Other dates the clause names, each once, in text order.
    also: Vec<DateInfo>,
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
    let found_quotes = find_quotes_in(clean, &doc.meta.headings);
    let mut recent = Recent::default();
    // Every date mention of the article where it stands, to date quotes.
    let mut dated: Vec<(Span, DateInfo)> = Vec::new();
    let paras = paragraphs(clean);
    let sentence_spans: Vec<Span> = paras.iter().flat_map(|&p| sentences(clean, p)).collect();
    // One event per sentence at least: room for them up front, not by
    // doubling, which in a long article leaves half the vector unused.
    // Each clause with the further dates it names ("from 2009 to 2011,
    // then between 2014 and 2016"), before each becomes a row of its own.
    let mut clauses: Vec<Statement> = Vec::with_capacity(sentence_spans.len());
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
        let mut scratch = recent;
        let found = match published.or(post.and_then(|p| p.date)) {
            Some(base) => find_dates_after(text, base, &mut scratch),
            // Undated: only dates written out in full can be trusted.
            None => find_dates_after(text, UNDATED_BASE, &mut scratch)
                .into_iter()
                .filter(|m| m.date.basis == Basis::Stated && states_year(&text[m.start..m.end]))
                .collect(),
        };
        // "for now" and the like carry no more than the publication date.
        let found: Vec<DateMention> = found
            .into_iter()
            .filter(|m| m.date.basis != Basis::Published)
            .collect();
        for m in &found {
            recent.push(m.date);
        }
        // A sentence that gives no date may count one from an event it names.
        let anchor = found.is_empty().then(|| find_anchor(text)).flatten();
        dated.extend(
            found
                .iter()
                .map(|m| (Span::new(sent.start + m.start, sent.start + m.end), m.date)),
        );
        for c in split_clauses(text, sent.start, &found, default) {
            let event = FoundEvent {
                span: c.span,
                text: squash(&clean[c.span.start..c.span.end]).into(),
                date: c.date,
                anchor: anchor.clone().map(Box::new),
                mentioned: false,
            };
            clauses.push((event, c.also));
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
    out.events = with_mentioned(statements(clauses, &paras, clean));
    out.names = names.order;
    // Thousands of articles wait for the corpus-wide passes: no slack.
    out.events.shrink_to_fit();
    out.quotes.shrink_to_fit();
    out
}

/// The events among an article's clauses (in text order): what is no
/// statement goes, unless its words give a date; a clause of a few words
/// ("Who cares?", "Clinton said.") is no event of its own but continues the
/// one beside it in its paragraph when that has the same date; one left
/// alone must have a verb and not ask a question.
fn statements(clauses: Vec<Statement>, paras: &[Span], clean: &str) -> Vec<Statement> {
    let para_of = |span: Span| {
        let i = paras.partition_point(|p| p.end < span.start);
        paras.get(i).filter(|p| p.contains(span)).map(|_| i)
    };
    let mut out: Vec<Statement> = Vec::with_capacity(clauses.len());
    // Whether the last event kept is short and waits for the next one.
    let mut waiting = false;
    for (e, also) in clauses {
        let undated = e.date.basis == Basis::Published;
        if undated && !is_statement(&e.text) {
            continue;
        }
        let short = word_count(&e.text) <= SHORT;
        let joins = |last: &FoundEvent| {
            last.date == e.date && para_of(last.span).is_some_and(|p| Some(p) == para_of(e.span))
        };
        match out.last_mut() {
            Some((last, last_also)) if (short || waiting) && joins(last) => {
                last.span = Span::new(last.span.start, e.span.end);
                last.text = squash(&clean[last.span.start..last.span.end]).into();
                if last.anchor.is_none() {
                    last.anchor = e.anchor;
                }
                for d in also {
                    add_date(last_also, last.date, d);
                }
                waiting = word_count(&last.text) <= SHORT;
            }
            _ => {
                if waiting && out.last().is_some_and(|(l, _)| !stands_alone(l)) {
                    out.pop();
                }
                waiting = short;
                out.push((e, also));
            }
        }
    }
    if waiting && out.last().is_some_and(|(l, _)| !stands_alone(l)) {
        out.pop();
    }
    out
}

/// Each event followed by a row for every further date its clause names,
/// marked `mentioned`: a statement that spans years ("from 2009 to 2011")
/// or compares with another time ("the highest since 1983") is found at
/// each of them, and dated by its first.
fn with_mentioned(events: Vec<Statement>) -> Vec<FoundEvent> {
    let more: usize = events.iter().map(|(_, also)| also.len()).sum();
    let mut out = Vec::with_capacity(events.len() + more);
    for (e, also) in events {
        if also.is_empty() {
            out.push(e);
            continue;
        }
        let (span, text) = (e.span, e.text.clone());
        out.push(e);
        out.extend(also.into_iter().map(|date| FoundEvent {
            span,
            text: text.clone(),
            date,
            anchor: None,
            mentioned: true,
        }));
    }
    out
}

/// Clauses of this many words or fewer are short.
const SHORT: usize = 4;

/// Whether a short clause with no neighbour to join is an event: a heading
/// ("Flawless execution.") has no verb, a question ("Who cares?") states
/// nothing; a clause whose words give a date is kept for that date.
fn stands_alone(e: &FoundEvent) -> bool {
    e.date.basis != Basis::Published || (has_verb(&e.text) && !e.text.trim_end().ends_with('?'))
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
                && !(matches!(d.precision, Precision::Year | Precision::Decade)
                    && modifies_noun(clean, *s))
        })
        .min_by_key(|(s, _)| distance(*s));
    if let Some((_, d)) = said {
        return Some(*d);
    }
    // "Trump posted on Tuesday. “…,” he wrote.": a pronoun speaker points
    // back to the sentence before, which says when. Only a day or a week
    // says when someone spoke; a year or a month there is background ("who
    // chaired the party during the 2000 election", "talks it abandoned in
    // 2009").
    m.resolved.as_ref()?;
    let i = sentences.partition_point(|s| s.end <= first.start);
    let prev = sentences.get(i.checked_sub(1)?).copied()?;
    let lo = dated.partition_point(|(s, _)| s.end <= prev.start);
    dated[lo..]
        .iter()
        .take_while(|(s, _)| s.start < prev.end)
        .filter(|(s, d)| {
            d.basis != Basis::Published
                && matches!(d.precision, Precision::Day | Precision::Week)
                && prev.contains(*s)
                && outside(*s)
        })
        .last()
        .map(|(_, d)| DateInfo {
            basis: Basis::Inherited,
            ..*d
        })
}

/// Whether a date mention names a thing rather than a time: "the 2011
/// raid", "a 2014 Senate hearing", "Obama's 2008 campaign" (a determiner or
/// a possessive before it, a word right after it). Only a year is read so:
/// "in a Sunday interview" still says when the words were said.
fn modifies_noun(clean: &str, date: Span) -> bool {
    let before = Span::new(0, date.start).slice(clean).trim_end();
    let after = Span::new(date.end, clean.len()).slice(clean);
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let determiner = matches!(
        word.as_str(),
        "the" | "a" | "an" | "this" | "that" | "his" | "her" | "its" | "their" | "our" | "my"
    ) || word.ends_with("'s")
        || word.ends_with("’s");
    let noun_after = after.starts_with(' ')
        && after[1..].starts_with(|c: char| c.is_alphabetic())
        && !is_time_word(&after[1..]);
    determiner && noun_after
}

/// Whether `rest` opens with a word that continues a date ("the 2011
/// season" names a thing, "the 2011 to 2013 period" is still a time).
fn is_time_word(rest: &str) -> bool {
    let w: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    matches!(
        w.to_lowercase().as_str(),
        "to" | "and" | "through" | "until"
    )
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
                also: Vec::new(),
            })
            .into_iter()
            .collect();
    }
    let mut cuts = vec![0];
    // Whether a mention is in the clause of the one before: paired with it
    // by a bare connective ("2014 and 2016", "Monday or Tuesday"), or with
    // no clause boundary between them ("on Monday to vote on Tuesday's").
    let mut paired = vec![false];
    for pair in found.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let between = &text[a.end..b.start];
        let bare = matches!(
            between.trim(),
            "and" | "or" | "to" | "through" | "until" | "-" | "–" | "—" | "and then"
        );
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
        .max();
        paired.push(bare || cut.is_none());
        cuts.push(cut.unwrap_or(b.start));
    }
    cuts.push(text.len());
    let mut out: Vec<Clause> = Vec::new();
    // Whether the last clause is a fragment yet.
    let mut last_fragment = false;
    for (k, m) in found.iter().enumerate() {
        let (s, e) = (cuts[k], cuts[k + 1]);
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let t = piece.trim();
        let fragment = is_fragment(t, Span::new(m.start, m.end).slice(text));
        // Consecutive mentions of one interval ("Monday, March 2") stay one
        // clause; so does a fragment, a date with a word or two and no verb
        // ("from 2002 | to 2010.", "On Sunday, | the paper published"),
        // which is no clause of its own: it joins the clause beside it,
        // whose first date leads; and a date paired with the one before
        // ("between 2014 and 2016") is part of the same clause.
        if let Some(last) = out.last_mut().filter(|c| {
            (c.date.start == m.date.start && c.date.end == m.date.end)
                || fragment
                || last_fragment
                || paired[k]
        }) {
            last.span = Span::new(last.span.start, base + s + lead + t.len());
            if !refers_back(Span::new(m.start, m.end).slice(text)) {
                add_date(&mut last.also, last.date, m.date);
            }
            last_fragment &= fragment;
            continue;
        }
        out.push(Clause {
            span: Span::new(base + s + lead, base + s + lead + t.len()),
            date: m.date,
            also: Vec::new(),
        });
        last_fragment = fragment;
    }
    out
}

/// Whether a date mention is a definite description that refers back to
/// a time already named ("2007 was the year of the iPhone", "the same
/// day") rather than naming one of its own.
fn refers_back(mention: &str) -> bool {
    let m = mention.trim().to_lowercase();
    let Some(rest) = m.strip_prefix("the ") else {
        return false;
    };
    let rest = rest.strip_prefix("same ").unwrap_or(rest);
    matches!(
        rest,
        "day" | "week" | "weekend" | "month" | "year" | "period" | "time"
    )
}

/// Adds `d` to the further dates of a clause dated `own`, unless it is the
/// same interval as one it has, or holds its own date: "in January next
/// year" names one time, not a month and a year.
fn add_date(also: &mut Vec<DateInfo>, own: DateInfo, d: DateInfo) {
    let same = |x: &DateInfo| x.start == d.start && x.end == d.end;
    let holds_own = d.start <= own.start && own.end <= d.end;
    if !holds_own && !also.iter().any(same) {
        also.push(d);
    }
}

/// Whether a piece of a sentence holding the date `date` is a fragment: a
/// few words (four at most) without a verb, and besides its date no more
/// than two that are not connectives ("to 2010.", "and ends in June.",
/// "until earlier this year,"). A longer piece reads as a clause of its own.
fn is_fragment(piece: &str, date: &str) -> bool {
    if piece.split_whitespace().count() > SHORT {
        return false;
    }
    const CONNECTIVES: &[&str] = &[
        "then", "between", "until", "till", "through", "since", "also", "only", "just", "about",
        "around", "after", "before", "during", "while", "when", "that", "which", "year",
    ];
    if has_verb(piece) {
        return false;
    }
    let rest = piece.replacen(date, " ", 1);
    let content = rest
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| w.chars().any(char::is_alphabetic))
        .filter(|w| !is_function_word(w) && !CONNECTIVES.contains(&w.as_str()))
        .count();
    content <= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Planted in a test article to make its extraction panic.
    pub(super) const PANIC_MARK: &str = "zq-plant-a-panic-qz";

    /// The model of articles given as (file name, text), with no aliases.
    fn model_of(files: &[(&str, &str)]) -> (crate::model::Model, Vec<crate::loader::LoadIssue>) {
        use crate::loader::{RawText, document};
        let docs: Vec<_> = (files.iter())
            .map(|&(path, text)| {
                document(RawText {
                    path: path.into(),
                    text: text.into(),
                    warnings: Vec::new(),
                })
            })
            .collect();
        let (table, _) = crate::aliases::AliasTable::parse("");
        super::super::build_model(&docs, &table)
    }

    #[test]
    fn a_teaser_cut_for_a_button_is_unsure_and_loses_the_button() {
        let text = " date 2026-03-04 \n\n\
            The council met on Monday, as the [paper reported](#), and voted.\n\n\
            On Tuesday, officials reached out through intermediaries in two capitals with an offer to discuss the terms of the Ministry of [Show more](#)\n\n\
            Sales have grown since the launch in 2003 and that as of February, the store leads.\n";
        let (model, _) = model_of(&[("teaser.md", text)]);
        let texts: Vec<&str> = model.events.iter().map(|e| &*e.text).collect();
        assert!(texts.iter().all(|t| !t.contains("Show more")), "{texts:?}");
        assert!(
            texts.iter().any(|t| t.contains("as the paper reported")),
            "a link inside a sentence keeps its words: {texts:?}"
        );
        let cut = (model.events.iter())
            .find(|e| e.text.ends_with("Ministry of"))
            .unwrap_or_else(|| panic!("the cut sentence is still a row: {texts:?}"));
        assert!(cut.confidence < 0.5, "{}", cut.confidence);
        let whole = (model.events.iter())
            .find(|e| e.text.contains("council met"))
            .expect("the council's event");
        assert!(whole.confidence >= 0.5, "{}", whole.confidence);
    }

    #[test]
    fn a_failing_article_costs_only_itself() {
        let text = |body: &str| {
            format!(" date 2026-03-04 \n\nOn Monday the council approved the budget. {body}\n")
        };
        let (good1, bad) = (text(""), text(PANIC_MARK));
        let good2 = text("The mayor said on Tuesday that the plan would stand.");
        let (model, issues) = model_of(&[
            ("good-1.txt", &good1),
            ("bad.txt", &bad),
            ("good-2.txt", &good2),
        ]);
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
        let text = " date 2026-03-04 \n\n\"The campaign of 2008 started the whole feud,\" Ana Ortiz said on Monday.\n\n\"We have had thousands of calls since January 1st,\" she said.\n\nOn Tuesday the mayor spoke at the hall. \"We will build the new school first,\" she said.\n\nThe mayor says \"the budget of 1999 is still a scar for the town\" and more.\n\n\"We lost the vote and the hall,\" said Jo Fox, who led the party from 1995 to 1997.\n\n\"I had a clot behind my knee,\" Ana Ortiz wrote in 2003.\n\nJo Fox chaired the party during the 2000 election. \"There is no chance at all,\" she said.\n\nJo Fox praised the 2011 raid and said in a Monday interview: \"I am steady as a rock and always will be.\"\n";
        let (model, _) = model_of(&[("said.txt", text)]);
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
        // A year that names a thing ("the 2011 raid") is not when she
        // spoke; "a Monday interview" is.
        assert_eq!(date_of("steady as a rock"), Some((day(2), Basis::Relative)));
        // A year in the sentence before is background, not when she spoke.
        assert_eq!(
            date_of("no chance at all"),
            Some((day(4), Basis::Published))
        );
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

    fn year(start: usize, end: usize, y: i32) -> DateMention {
        DateMention {
            start,
            end,
            date: DateInfo {
                start: NaiveDate::from_ymd_opt(y, 1, 1).unwrap(),
                end: NaiveDate::from_ymd_opt(y, 12, 31).unwrap(),
                precision: Precision::Year,
                basis: Basis::Stated,
            },
        }
    }

    /// The clauses of `t` with the years `found` (each as its text).
    fn clauses(t: &str, years: &[&str]) -> Vec<(String, i32)> {
        use chrono::Datelike;
        let found: Vec<DateMention> = years
            .iter()
            .map(|y| {
                let at = t.find(y).unwrap();
                year(at, at + y.len(), y.parse().unwrap())
            })
            .collect();
        split_clauses(t, 0, &found, None)
            .iter()
            .map(|c| (c.span.slice(t).to_string(), c.date.start.year()))
            .collect()
    }

    #[test]
    fn a_date_without_a_clause_stays_with_its_neighbour() {
        let t = "The ferry ran from 2003 to 2011.";
        assert_eq!(clauses(t, &["2003", "2011"]), [(t.to_string(), 2003)]);
        let t = "The party carried the county in 2004 and 2008.";
        assert_eq!(clauses(t, &["2004", "2008"]), [(t.to_string(), 2004)]);
        // A pair of dates joined by a bare connective is one clause, even
        // when a verb follows the second ("and 2016, officials said").
        let t = "She served between 2014 and 2016, officials said.";
        assert_eq!(clauses(t, &["2014", "2016"]), [(t.to_string(), 2014)]);
        // A leading fragment opens the clause after it, with its date.
        let t = "In 2019, the mill reopened with its 1998 looms.";
        assert_eq!(clauses(t, &["2019", "1998"]), [(t.to_string(), 2019)]);
        // Two clauses with verbs of their own stay two.
        let t = "The mill closed in 1998, and the town rebuilt it in 2019.";
        assert_eq!(
            clauses(t, &["1998", "2019"]),
            [
                ("The mill closed in 1998,".to_string(), 1998),
                ("and the town rebuilt it in 2019.".to_string(), 2019)
            ]
        );
        // A long piece without a verb the lexicon knows is still a clause.
        let t = "Output peaked in 1998, the best harvest of the valley farms since 1971.";
        assert_eq!(clauses(t, &["1998", "1971"]).len(), 2);
        let t = "Exports rose in 1998, and a further 2% since 2001.";
        assert_eq!(clauses(t, &["1998", "2001"]).len(), 2);
    }

    #[test]
    fn each_further_date_a_sentence_names_is_a_row_marked_mentioned() {
        use chrono::Datelike;
        let text = " date 2031-05-14 \n\n\
            The airline will receive six jets from 2032 to 2034, then between 2036 and 2038.\n\n\
            The ferry will sail in January next year.\n\n\
            2029 was the year of the strike, the longest since 1998.\n";
        let (model, _) = model_of(&[("fleet.txt", text)]);
        let rows: Vec<(i32, bool, &str)> = (model.events.iter())
            .map(|e| (e.date.start.year(), e.mentioned, &e.text[..9]))
            .collect();
        // In the order of the timeline.
        assert_eq!(
            rows,
            [
                // "the year" refers back to 2029; 1998 is named too.
                (1998, true, "2029 was "),
                (2029, false, "2029 was "),
                // "next year" holds January: one time, one row.
                (2032, false, "The ferry"),
                (2032, false, "The airli"),
                (2034, true, "The airli"),
                (2036, true, "The airli"),
                (2038, true, "The airli"),
            ]
        );
        let (own, also) = (&model.events[3], &model.events[4]);
        assert_eq!(own.span, also.span, "the same source passage");
        assert!(also.confidence < own.confidence);
    }

    #[test]
    fn a_few_words_continue_their_neighbour_or_go() {
        use crate::loader::{RawText, document};
        let doc = document(RawText {
            path: "a.txt".into(),
            text: " date 2026-03-04 \n\nThe council met in the old hall to debate the harbour tax. Nobody came.\n\nFlawless execution.\n\nWho cares?\n\nThe mayor stayed home.\n\nRead the rest here.\n".into(),
            warnings: Vec::new(),
        });
        let (table, _) = crate::aliases::AliasTable::parse("");
        let (model, _) = super::super::build_model(&[doc], &table);
        let texts: Vec<&str> = model.events.iter().map(|e| &*e.text).collect();
        assert_eq!(
            texts,
            [
                "The council met in the old hall to debate the harbour tax. Nobody came.",
                "The mayor stayed home."
            ]
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
