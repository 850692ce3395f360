//! Attribution forms beyond the plain subject and verb: a name with its
//! appositive, and the verbs and nouns that introduce a quoted phrase.

use super::lexicon::*;
use super::sentences::*;
use super::speaker::*;
use super::subject::subject_after;

/// Whether a speech or naming verb introduces the quote that follows
/// `tail`, the narration before it in its sentence: at most three words
/// between them ("called him “…”", "likened the rules to “…”", "told the
/// crowd: “…”") and no clause break.
pub(super) fn cue_before(tail: &str) -> bool {
    let t = tail.trim_end_matches(|c: char| is_space(c) || matches!(c, ',' | ':'));
    let window = &t[floor_char(t, t.len().saturating_sub(60))..];
    let Some(m) = CUE_RE.find_iter(window).last() else {
        return false;
    };
    let gap = &window[m.end()..];
    !gap.contains(['.', ';', ',', '—', '(', ')', MASK as char])
        && gap.split(is_space).filter(|w| !w.is_empty()).count() <= 3
}

/// Nouns whose quoted complement is a term mentioned, not words said:
/// "the phrase “Islamic terrorism”", "a T-shirt with the words “…”".
const TERM_NOUNS: &[&str] = &[
    "words", "phrase", "term", "slogan", "motto", "label", "hashtag",
];

/// Nouns whose quoted complement names a work: "the commentary “Melania,
/// tell your story,”", "the anthem “A Change Is Gonna Come”".
const WORK_NOUNS: &[&str] = &[
    "commentary",
    "column",
    "op-ed",
    "essay",
    "editorial",
    "headline",
    "anthem",
    "song",
    "album",
    "book",
    "novel",
    "poem",
    "film",
    "movie",
    "documentary",
    "series",
    "episode",
    "show",
    "program",
    "programme",
    "podcast",
    "play",
    "musical",
    "titled",
    "entitled",
];

/// Whether a quote of `nwords` words after `tail` (the narration before it
/// in its sentence) is words mentioned rather than said: a term of at most
/// six words after a noun such as "phrase", or a title of at most ten after
/// a noun such as "book" or "commentary" (a question or exclamation is
/// still said, and so is what a colon introduces).
pub(super) fn mentioned(tail: &str, nwords: usize, quote: &str) -> bool {
    let t = tail.trim_end_matches(|c: char| is_space(c) || matches!(c, ',' | ':'));
    let mut ws = t.rsplit(|c: char| is_space(c) || c == MASK as char);
    let w = lower(ws.next().unwrap_or(""));
    // "the words “…”" is a term; "in his own words, “…”" is a statement.
    let det = ws
        .next()
        .is_some_and(|d| matches!(lower(d).as_str(), "the" | "a" | "an" | "this" | "that"));
    (TERM_NOUNS.contains(&w.as_str()) && det && nwords <= 6)
        // "it was labeled “Mostly True.”": a rating or a name given.
        || (NAMING_VERBS.contains(&w.as_str()) && nwords <= 4)
        || (WORK_NOUNS.contains(&w.as_str())
            && nwords <= 10
            && !quote.ends_with(['?', '!'])
            // "used her words as its headline: “…”" quotes them.
            && !tail.trim_end_matches(is_space).ends_with(':'))
}

/// Verbs whose quoted complement is a name or a rating given, not words
/// said: "it was labeled “Mostly True.”".
const NAMING_VERBS: &[&str] = &[
    "labeled",
    "labelled",
    "rated",
    "dubbed",
    "branded",
    "nicknamed",
    "named",
];

/// Whether the narration right after a title-case quote names what it is
/// the title of: "his “Keepin' It Real” radio program", or "“Collapse: How
/// Societies Choose to Fail or Succeed,” Jared Diamond's 2005 best seller"
/// (an appositive whose head, after a possessive, is a work).
pub(super) fn work_follows(after: &str) -> bool {
    let ws: Vec<&str> = after
        .trim_start_matches(is_space)
        .split(|c: char| is_space(c) || matches!(c, ',' | '.' | ';'))
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    let first = ws.first().copied().unwrap_or("");
    if first.chars().next().is_some_and(|c| c.is_lowercase()) {
        return WORK_NOUNS.contains(&first) || ws.get(1).is_some_and(|w| WORK_NOUNS.contains(w));
    }
    let Some(owner) = ws
        .iter()
        .position(|w| w.ends_with("'s") || w.ends_with("’s"))
    else {
        return false;
    };
    ws[owner + 1..]
        .iter()
        .take(3)
        .any(|w| WORK_NOUNS.contains(w) || matches!(*w, "seller" | "bestseller" | "best-seller"))
}

/// Capitalised words that open a clause without naming anyone.
const NOT_SUBJECT_START: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "however",
    "meanwhile",
    "after",
    "before",
    "when",
    "while",
    "as",
    "if",
    "for",
    "with",
    "this",
    "that",
    "it",
    "there",
];

/// The words from `p` to the verb at `v` (both moved onto character
/// boundaries), when a word opens right at `p`.
fn clause_words(masked: &str, p: usize, v: usize) -> Option<(usize, Vec<Span>)> {
    let v = floor_char(masked, v);
    let p = ceil_char(masked, p).min(v);
    let ws = words(masked, Span::new(p, v));
    let first = *ws.first()?;
    between(masked, p, first.start)
        .trim_matches(is_space)
        .is_empty()
        .then_some((v, ws))
}

/// A name opening the clause at `p`, an appositive between commas and the
/// verb at `v`: "Leonard Burman, director of the tax centre and a
/// professor, said", "Rep. Jo Reed (R-Ohio), a panel member, said",
/// "Mitch Cole, R-Ky., said".
pub(super) fn appositive_subject(masked: &str, p: usize, v: usize) -> Option<Speaker> {
    let (v, ws) = clause_words(masked, p, v)?;
    let first = ws[0];
    // "the saxophonist Denise Harlan, who …, said": a name after its
    // description, in lower case after a quote, is the subject all the same.
    let lead = if matches!(at(masked, first), "the" | "a" | "an") {
        (1..ws.len().min(4))
            .find(|&i| is_cap(at(masked, ws[i])))
            .filter(|&i| ws[1..i].iter().all(|&w| !is_cap(at(masked, w))))
            .filter(|&i| ws.get(i + 1).is_some_and(|&w| is_cap(at(masked, w))))
            .unwrap_or(0)
    } else {
        0
    };
    if lead == 0 && NOT_SUBJECT_START.contains(&low(masked, first).as_str()) {
        return None;
    }
    let mut k = lead;
    while k < ws.len()
        && k < 6
        && is_cap(at(masked, ws[k]))
        && (k == lead
            || between(masked, ws[k - 1].end, ws[k].start)
                .trim_matches(is_space)
                .is_empty())
    {
        k += 1;
    }
    if k == lead || ws[..k].iter().any(|&w| VERB_RE.is_match(at(masked, w))) {
        return None;
    }
    let core = ws[lead].join(ws[k - 1]);
    let mut after = core.end;
    // "(R-Ohio)" right after the name.
    let rest = between(masked, after, v);
    if rest.starts_with(" (")
        && let Some(c) = rest.find(')')
        && c < 24
    {
        after += c + 1;
    }
    let appos = between(masked, after, v);
    let appos = appos.strip_prefix(',')?;
    // The verb follows a comma, maybe after an adverb ("…, also said").
    let mut body = appos.trim_end_matches(is_space);
    loop {
        let cut = body.trim_end_matches(|c: char| !is_space(c) && c != ',');
        let word = &body[cut.len()..];
        let w = lower(word);
        if !w.is_empty()
            && (SKIP_BEFORE_VERB.contains(&w.as_str()) || (w.ends_with("ly") && !is_cap(word)))
        {
            body = cut.trim_end_matches(is_space);
        } else {
            break;
        }
    }
    let body = body.strip_suffix(',')?;
    let text = body.trim_matches(is_space);
    let body_at = after + 1;
    if text.is_empty()
        || text.len() > 300
        || text.contains([MASK as char, ';', ':', '—', '–'])
        || body
            .char_indices()
            .any(|(i, c)| matches!(c, '.' | '!' | '?') && sentence_end_at(masked, body_at + i))
    {
        return None;
    }
    // A phrase of place or time ("…, in a statement on Monday, said") is
    // no appositive: the speaker is the name.
    let opening = lower(text.split(is_space).next().unwrap_or(""));
    let end = if NAME_STOP.contains(&opening.as_str()) {
        after
    } else {
        body_at + body.trim_end_matches(is_space).len()
    };
    Some(Speaker {
        span: Span::new(first.start, end),
        core,
    })
}

/// A description opening the clause at `p`, then a participle or a
/// relative clause between commas, then the verb at `v`: "a government
/// spokesman, speaking on condition of anonymity, said". The description
/// speaks; what the commas hold is why it is not named.
pub(super) fn described_subject(masked: &str, p: usize, v: usize) -> Option<Speaker> {
    let (v, ws) = clause_words(masked, p, v)?;
    let first = ws[0];
    if !DETERMINERS.contains(&at(masked, first)) {
        return None;
    }
    // The description: up to the first comma, a few words, no verb.
    let comma = (0..ws.len().min(6)).find(|&i| {
        between(masked, ws[i].end, ws.get(i + 1).map_or(v, |w| w.start)).contains(',')
    })?;
    if comma == 0
        || ws[..=comma]
            .iter()
            .any(|&w| VERB_RE.is_match(at(masked, w)))
    {
        return None;
    }
    let desc = first.join(ws[comma]);
    let inner = ws.get(comma + 1)?;
    let opener = low(masked, *inner);
    let rest = between(masked, desc.end, v).trim_end_matches(is_space);
    let closes = rest.ends_with(',') && rest.len() <= 200;
    let clean = !rest.contains([MASK as char, ';', ':', '.', '!', '?', '—', '–']);
    (closes && clean && (opener.ends_with("ing") || matches!(opener.as_str(), "who" | "whose")))
        .then(|| Speaker::word(desc))
}

/// Who a report quotes, for the verb "saying" at `v`: "Prime Minister
/// Ilian Voss was quoted by the state news agency as saying" is Voss;
/// "the newspaper quoted him as saying" is "him", and "quoted Ana Ruiz as
/// saying" Ruiz, not the newspaper that relays the words.
pub(super) fn quoted_as(masked: &str, lo: usize, v: usize) -> Option<Speaker> {
    let v = floor_char(masked, v);
    let lo = ceil_char(masked, lo).min(v);
    let ws = words(masked, Span::new(lo, v));
    let (&as_word, before) = ws.split_last()?;
    if low(masked, as_word) != "as" {
        return None;
    }
    let q = (before.iter().rev().take(12)).position(|&w| low(masked, w) == "quoted")?;
    let q = before.len() - 1 - q;
    let stretch = between(masked, ws[q].start, as_word.start);
    if stretch.contains([MASK as char, ';', ':', '.']) {
        return None;
    }
    let passive = q > 0
        && matches!(
            low(masked, ws[q - 1]).as_str(),
            "was" | "were" | "is" | "are"
        );
    if passive {
        return super::subject::subject_before(masked, lo, ws[q - 1].start);
    }
    let obj = &before[q + 1..];
    match obj {
        [one] if matches!(low(masked, *one).as_str(), "him" | "her" | "them") => {
            Some(Speaker::word(*one))
        }
        [] => None,
        _ => subject_after(masked, ws[q].end, as_word.start)
            .filter(|sp| is_cap(sp.core.slice(masked))),
    }
}

/// Where the clause holding `v` starts: after the last quote, colon or
/// semicolon before it in the sentence from `lo`.
pub(super) fn clause_start(masked: &str, lo: usize, v: usize) -> usize {
    let seg = between(masked, lo, v);
    let cut = seg.rfind([MASK as char, ';', ':']).map_or(0, |i| i + 1);
    let rest = &seg[cut..];
    lo + cut
        + (rest.len()
            - rest
                .trim_start_matches(|c: char| is_space(c) || c == ',')
                .len())
}

/// Nouns for what someone said or wrote, before "by" and its author.
const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "comment",
    "comments",
    "remarks",
    "words",
    "message",
    "post",
    "tweet",
    "speech",
    "letter",
    "email",
    "note",
];

/// The person a statement noun between `lo` and `hi` is by: the last "…
/// by X" in that stretch ("this statement by Trump on June 11:", "a post
/// made by Ana Ruiz:"), X a name.
pub(super) fn statement_by(masked: &str, lo: usize, hi: usize) -> Option<Speaker> {
    let ws = words(masked, Span::new(lo, hi));
    let noun = |i: usize| STATEMENT_NOUNS.contains(&low(masked, ws[i]).as_str());
    let by = (1..ws.len())
        .rev()
        .find(|&i| low(masked, ws[i]) == "by" && (noun(i - 1) || (i >= 2 && noun(i - 2))))?;
    let sp = subject_after(masked, ws[by].end, hi)?;
    is_cap(sp.core.slice(masked)).then_some(sp)
}

/// The last heading in `gap` (a line cleaning blanked, given with its
/// text) when it is only a name, maybe with where the person is from after
/// a comma: "Prime Minister Helena Marovic, Estravia", "Water Without
/// Borders". The name, for the quotes under it.
pub(super) fn name_line(headings: &[(Span, String)], gap: Span) -> Option<Speaker> {
    let (span, line) = headings.iter().rfind(|(h, _)| gap.contains(*h))?;
    let marks = |c: char| is_space(c) || matches!(c, '*' | '_' | '#');
    let body = line.trim_matches(marks).trim_end_matches(':');
    let at = span.start + (line.len() - line.trim_start_matches(marks).len());
    let words = body.split(is_space).filter(|w| !w.is_empty()).count();
    // A nickname inside the name ("Ana “Nan” Ruiz") is read through.
    let plain = crate::actors::without_nicknames(body);
    if !(2..=10).contains(&words) || plain.contains(['.', '?', '!', ';', '(', '"', '“', '”']) {
        return None;
    }
    let first = |s: &str| -> String { s.split(',').next().unwrap_or(s).trim_end().to_string() };
    let (name, plain_name) = (first(body), first(&plain));
    let named = crate::actors::find_names(&plain_name)
        .into_iter()
        .any(|m| m.kind.is_some() && plain_name.ends_with(m.name.as_str()) && m.name.contains(' '));
    named.then(|| Speaker::word(Span::new(at, at + name.len())))
}
