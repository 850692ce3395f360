//! Speaker phrases and attribution patterns.

use super::forms::{appositive_subject, clause_start, described_subject, quoted_as};
use super::lexicon::*;
use super::pronoun::*;
use super::sentences::*;
use super::subject::*;

/// A speaker phrase found for a quote.
#[derive(Debug, Clone)]
pub(super) struct Speaker {
    pub(super) span: Span,
    /// The bare name inside the phrase (no appositive).
    pub(super) core: Span,
}

impl Speaker {
    pub(super) fn word(w: Span) -> Speaker {
        Speaker { span: w, core: w }
    }
}

/// Attribution right after a quote: ", said X" or ", X said" / "X told".
pub(super) fn attribution_after(masked: &str, e: usize, hi: usize) -> Option<Speaker> {
    let e = ceil_char(masked, e);
    // Attribution sits in the sentence after the quote: never look further
    // than a sentence, however long the paragraph.
    let hi = floor_char(masked, hi.min(e.saturating_add(MAX_SENTENCE))).max(e);
    // "“…” ― Jane Doe" at the end of a line: a signed quote.
    let line_end = between(masked, e, hi).find('\n').map_or(hi, |k| e + k);
    let line = between(masked, e, line_end);
    // An embedded post is credited on the line under it: "— Mayor Rosa
    // Delgado (@RosaDelgado) May 3, 2025".
    let credit = if line.trim_matches(is_space).is_empty() && line_end < hi {
        let s = line_end + 1;
        let end = between(masked, s, hi).find('\n').map_or(hi, |k| s + k);
        Some((s, end))
    } else {
        None
    };
    let (signed_start, signed_end) = credit.unwrap_or((e, line_end));
    let signed = between(masked, signed_start, signed_end).trim_start_matches(is_space);
    if let Some(r) = signed.strip_prefix(['―', '—', '–', '-']) {
        // Where `r` starts: `signed` runs to the end of its line.
        let r_at = signed_end - r.len();
        let handle = r.contains(" (@");
        let r = r.split(" (@").next().unwrap_or(r);
        let name = trim_name_end(r.trim_matches(is_space));
        let nwords = name.split(is_space).filter(|w| !w.is_empty()).count();
        // On a line of its own, a hyphen is more often a list item than a
        // credit: only a dash and a short name, or a handle, credit a post.
        let credited = credit.is_none() || (!signed.starts_with('-') && (handle || nwords <= 4));
        if credited && (1..=6).contains(&nwords) && is_cap(name) {
            let a = r_at + (r.len() - r.trim_start_matches(is_space).len());
            let s = Span::new(a, a + name.len());
            return Some(Speaker::word(s));
        }
    }
    // "“I'm not a politician”: Teodora Vasquez on her run": a headline
    // gives the speaker after a colon.
    if let Some(r) = line.strip_prefix(':') {
        let a = e + 1 + (r.len() - r.trim_start_matches(is_space).len());
        let ws = words(masked, Span::new(a, line_end));
        let n = ws
            .iter()
            .take(4)
            .take_while(|&&w| is_cap(at(masked, w)) && !NOT_NAME.contains(&low(masked, w).as_str()))
            .count();
        if n >= 2 && ws.first().is_some_and(|w| w.start == a) {
            return Some(Speaker::word(ws[0].join(ws[n - 1])));
        }
    }
    let send = sentence_end(masked, e, hi);
    let after = between(masked, e, send);
    let t = after.trim_start_matches(|c: char| is_space(c) || matches!(c, ',' | '—' | '–' | '-'));
    let p = e + (after.len() - t.len());
    if t.is_empty() || t.starts_with(MASK as char) {
        return None;
    }
    let m = VERB_RE.find(t)?;
    // A line break ends the quote's sentence: the next line is the
    // article's own (a credit under a post is read above).
    if t[..m.start()].contains(MASK as char) || between(masked, e, p + m.start()).contains('\n') {
        return None;
    }
    let v = p + m.start();
    // Only a name with a long appositive reaches further: "…," the
    // saxophonist Denise Harlan, who first heard Vance at … and later
    // recorded two albums with her trio, said.
    if m.start() > 160 {
        return appositive_subject(masked, p, v).filter(|_| m.start() <= 320);
    }
    if m.start() == 0 {
        return subject_after(masked, v + m.len(), send);
    }
    if m.as_str().eq_ignore_ascii_case("according to") {
        let sp = subject_after(masked, v + m.len(), send)?;
        return between(masked, p, v)
            .trim_matches(is_space)
            .is_empty()
            .then_some(sp);
    }
    if m.as_str() == "saying"
        && let Some(sp) = quoted_as(masked, p, v)
    {
        return Some(sp);
    }
    if let Some(sp) = appositive_subject(masked, p, v).or_else(|| described_subject(masked, p, v)) {
        return Some(sp);
    }
    let sp = subject_before(masked, p, v)?;
    // The subject starts the clause ("…," the official said), after at
    // most a noun or two ("…," panel Chairman Jo Reed said).
    let lead = between(masked, p, sp.span.start);
    let plain = |words: &[&str]| {
        words.iter().all(|w| {
            let w = lower(w);
            !CLAUSE_WORDS.contains(&w.as_str())
                && !VERB_RE.is_match(&w)
                && !PRONOUNS.contains(&w.as_str())
        })
    };
    let lead_words: Vec<&str> = lead.split(is_space).filter(|w| !w.is_empty()).collect();
    if lead_words.len() <= 2 && !lead.contains([',', '.', ';', ':', MASK as char]) {
        return plain(&lead_words).then_some(sp);
    }
    // "“I have admiration for the mechanics” of the proposals, Mr. Reed
    // said.": the quoted words run on to a comma, and the clause after it
    // closes the sentence: who speaks said the whole of it.
    let run_on = lead.trim_end_matches(is_space).strip_suffix(',')?;
    let rest_after = between(masked, v + m.len(), send);
    let run_words: Vec<&str> = run_on.split(is_space).filter(|w| !w.is_empty()).collect();
    (run_words.len() <= 10
        && !run_on.contains([',', '.', ';', ':', '!', '?', MASK as char])
        && plain(&run_words)
        && rest_after.len() <= 40
        && !rest_after.contains([',', ';', ':', MASK as char]))
    .then_some(sp)
}

/// Attribution earlier in the sentence: "X said …", "X wrote:", "according to X,".
pub(super) fn attribution_before(masked: &str, lo: usize, s: usize) -> Option<(Speaker, usize)> {
    let lo = ceil_char(masked, lo);
    let s = floor_char(masked, s).max(lo);
    // The verb nearest the quote that has a subject wins; only the last few
    // are tried, so a sentence of a thousand "…" said's stays linear.
    let verbs: Vec<_> = SAY_RE.find_iter(between(masked, lo, s)).collect();
    for m in verbs.iter().rev().take(NEAREST_VERBS) {
        let v = lo + m.start();
        let sp = if m.as_str().eq_ignore_ascii_case("according to") {
            subject_after(masked, v + m.len(), s)
        } else if m.as_str() == "saying"
            && let Some(sp) = quoted_as(masked, clause_start(masked, lo, v), v)
        {
            Some(sp)
        } else {
            let clause = clause_start(masked, lo, v);
            appositive_subject(masked, clause, v)
                .or_else(|| described_subject(masked, clause, v))
                .or_else(|| subject_before(masked, lo, v))
                .or_else(|| {
                    // "…, said X: “…”" / "said X, “…”".
                    subject_after(masked, v + m.len(), s).filter(|sp| {
                        let tail = between(masked, sp.span.end, s).trim_matches(is_space);
                        tail.is_empty() || tail == ":" || tail == ","
                    })
                })
        };
        if let Some(sp) = sp {
            return Some((sp, v));
        }
    }
    None
}

/// How many speech verbs before a quote are tried for its speaker.
const NEAREST_VERBS: usize = 4;

/// The speaker of a whole neighbouring sentence, for fallbacks.
pub(super) fn attribution_in(masked: &str, a: usize, b: usize, last: bool) -> Option<Speaker> {
    let a = ceil_char(masked, a);
    let b = floor_char(masked, b).max(a);
    let verbs: Vec<_> = VERB_RE.find_iter(between(masked, a, b)).collect();
    let order: Box<dyn Iterator<Item = _>> = if last {
        Box::new(verbs.iter().rev())
    } else {
        Box::new(verbs.iter())
    };
    order.take(NEAREST_VERBS).find_map(|m| {
        let v = a + m.start();
        if m.as_str().eq_ignore_ascii_case("according to") {
            subject_after(masked, v + m.len(), b)
        } else {
            subject_before(masked, a, v)
        }
    })
}

/// A signature without the punctuation after it ("Karen Ruiz.:" → "Karen
/// Ruiz"), keeping the period of an abbreviation ("Jo Park Jr.").
pub(super) fn trim_name_end(name: &str) -> &str {
    let n = name.trim_end_matches(|c: char| is_space(c) || matches!(c, ':' | ';' | ','));
    match n.strip_suffix('.') {
        Some(b) if !is_abbrev(b.rsplit(is_space).next().unwrap_or(b)) => {
            b.trim_end_matches(|c: char| is_space(c) || matches!(c, ':' | ';' | ',' | '.'))
        }
        _ => n,
    }
}

/// A definite description with a role for its head ("the New York
/// businessman"): a role held by someone named elsewhere, not a name.
pub(super) fn is_description(s: &str) -> bool {
    let l = lower(s);
    let Some(rest) = l.strip_prefix("the ") else {
        return false;
    };
    let head = rest.rsplit(is_space).next().unwrap_or(rest);
    !rest.contains(',')
        && s.rsplit(is_space).next().is_some_and(|h| !is_cap(h))
        && ROLE_NOUNS.contains(&head)
}

/// Whether a sentence's opening subject, `sp` in `masked`, can be taken
/// for who speaks through a colon: a personal pronoun, a name of two words
/// or more, one after a title ("President Obama") or a person's surname;
/// "Post" alone may be an outlet or a thing.
pub(super) fn is_person_like(masked: &str, sp: Span) -> bool {
    let s = sp.slice(masked);
    let l = lower(s);
    if matches!(l.as_str(), "he" | "she" | "they" | "i" | "we") {
        return true;
    }
    let ws: Vec<&str> = s.split(is_space).filter(|w| !w.is_empty()).collect();
    let prev = between(masked, 0, sp.start)
        .trim_end_matches(is_space)
        .rsplit(is_space)
        .next()
        .map(lower)
        .unwrap_or_default();
    let titled = TITLES.contains(&prev.trim_end_matches('.'));
    // One word is a person's when the article named them in full before
    // ("Bernie Sanders" … "Sanders made the following comment:").
    !ws.is_empty()
        && ws.iter().all(|w| is_cap(w))
        && !NOT_NAME.contains(&lower(ws[0]).as_str())
        && (ws.len() >= 2 || titled || is_person_name(masked, sp))
}

/// Titles written before a person's name.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "rep",
    "gov",
    "gen",
    "president",
    "senator",
    "governor",
    "secretary",
    "minister",
    "mayor",
    "chancellor",
    "judge",
    "justice",
    "pope",
    "king",
    "queen",
    "prince",
    "general",
    "professor",
    "prof",
    "rev",
    "chairman",
    "chairwoman",
];
