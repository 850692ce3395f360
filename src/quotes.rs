//! Direct quotations and who said them.
//!
//! The pipeline over an article's clean text:
//! 1. split into paragraphs and pair double quotation marks (straight or
//!    curly) into quoted spans, following news-style quotes that run on over
//!    several paragraphs; single marks are never paired (they are nested quotes
//!    or apostrophes and stay inside the outer quote);
//! 2. mask the quoted spans so sentence splitting and attribution only see the
//!    narration around them;
//! 3. merge a quote split around its attribution ("Part one," he said. "Two.");
//! 4. find the speaker: the clause right after the quote ("..., said X" /
//!    "..., X said"), the same sentence before it ("X said the plan was "..."",
//!    "X wrote: "...""), then the neighbouring sentences;
//! 5. drop scare quotes and titles: short quotes without any speech context;
//! 6. resolve pronoun speakers to the last named person.

use regex::Regex;
use std::sync::LazyLock;

/// A direct quotation found in an article's clean text.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteMention {
    /// Byte range from the opening to the closing quotation mark (inclusive of
    /// both marks); a quote split around "he said" spans both parts.
    pub start: usize,
    pub end: usize,
    /// The quoted words without the marks; split parts joined by a space.
    pub text: String,
    /// The speaker as written: "Trump", "one source", "a U.S. official", "he".
    pub speaker_text: Option<String>,
    /// Byte range of `speaker_text` in the text.
    pub speaker_span: Option<(usize, usize)>,
    /// For a pronoun speaker, the name it refers to ("Trump").
    pub resolved: Option<String>,
}

/// Byte that replaces every byte of a quoted span in the masked text.
const MASK: u8 = 0x01;
/// Longest narration (bytes) between two parts of a split quote.
const MAX_SPLIT_GAP: usize = 200;
/// How far back (bytes) pronoun resolution looks for a name.
const RESOLVE_WINDOW: usize = 1200;

const VERBS: &str = "said|says|say|saying|wrote|writes|write|writing|told|tells|added|adds|adding|\
tweeted|posted|asked|asks|explained|explains|noted|argued|argues|claimed|\
continued|continues|stated|warned|warns|insisted|insists|declared|declares|replied|replies|\
responded|recalled|remarked|acknowledged|admitted|announced|observed|suggested|countered|conceded|\
predicted|promised|vowed|joked|quipped|shouted|yelled|urged|concluded|testified|emailed|texted|\
bragged|boasted|complained|lamented|pleaded|demanded|mused|cautioned|contended|recounted|\
reiterated|assured|stressed|emphasized|emphasised|maintained|alleged|tweeting|posting|writing|\
exclaimed|began|wondered|predicts|thundered|pointed out|put it|[Aa]ccording to";

static VERB_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b(?:{VERBS})\b")).expect("verb regex"));
static WORD_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}'’.\-]*").expect("word regex"));

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it", "you"];
/// Words that end a subject phrase when walking back from the verb.
const CLAUSE_WORDS: &[&str] = &[
    "that", "and", "but", "when", "because", "while", "although", "though", "if", "as", "so",
    "where", "which", "after", "before", "since", "what", "how", "why", "or", "than", "is", "was",
    "were", "are", "be", "been", "has", "have", "had", "not", "to", "also", "whom", "once",
    "whether", "until", "unless", "then", "later", "yet", "said", "says", "told", "wrote",
];
/// Adverbs and auxiliaries skipped between a subject and its verb.
const SKIP_BEFORE_VERB: &[&str] = &[
    "also",
    "later",
    "then",
    "has",
    "had",
    "have",
    "would",
    "will",
    "once",
    "further",
    "again",
    "just",
    "often",
    "never",
    "even",
    "did",
    "does",
    "earlier",
    "since",
    "first",
    "previously",
    "reportedly",
    "recently",
    "has also",
    "could",
    "may",
    "might",
    "can",
    "should",
    "still",
    "who",
    "had",
    "once",
    "simply",
    "only",
    "then",
];
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "one", "two", "three", "four", "several", "some", "many", "another", "both",
    "most", "few", "other", "senior", "former", "top", "his", "her", "their", "its", "my", "our",
    "multiple", "several",
];
/// Words after "said X," that end the speaker phrase.
const APPOS_STOP: &[&str] = &[
    "according",
    "adding",
    "in",
    "on",
    "at",
    "during",
    "referring",
    "speaking",
    "noting",
    "citing",
    "when",
    "while",
    "as",
    "after",
    "before",
    "because",
    "but",
    "and",
    "although",
    "though",
    "explaining",
    "pointing",
    "saying",
    "arguing",
    "calling",
    "to",
    "from",
    "with",
    "before",
    "then",
    "if",
    "so",
    "that",
    "this",
    "also",
    "not",
    "writing",
    "asked",
];
/// Lower-case words that end a name phrase ("said Trump on Tuesday").
const NAME_STOP: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "to",
    "from",
    "after",
    "before",
    "last",
    "this",
    "that",
    "when",
    "while",
    "as",
    "and",
    "but",
    "about",
    "earlier",
    "later",
    "recently",
    "yesterday",
    "today",
    "told",
    "through",
    "via",
    "because",
    "since",
    "shortly",
    "then",
    "over",
    "into",
    "with",
    "where",
    "if",
    "by",
];
/// Capitalised words that do not start a person's name.
const NOT_NAME: &[&str] = &[
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
    "also",
    "as",
    "last",
    "this",
    "that",
    "then",
    "yet",
    "so",
    "still",
    "since",
    "for",
    "with",
    "without",
    "over",
    "under",
    "despite",
    "although",
    "if",
    "earlier",
    "later",
    "now",
    "asked",
    "speaking",
    "according",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "its",
    "our",
    "there",
    "these",
    "those",
    "what",
    "who",
    "why",
    "how",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "to",
    "of",
    "by",
    "from",
    "both",
    "one",
    "two",
    "many",
    "some",
    "all",
    "no",
    "not",
    "in",
    "during",
    "instead",
    "here",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "president",
    "sen.",
    "rep.",
    "gov.",
    "secretary",
    "senator",
    "representative",
    "governor",
    "prime",
    "minister",
    "former",
    "u.s.",
    "american",
    "democratic",
    "republican",
    "white",
    "house",
    "is",
    "was",
    "do",
    "did",
    "does",
    "my",
    "your",
    "you",
    "thus",
    "just",
    "even",
    "only",
    "unlike",
    "like",
];
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "st", "jr", "sr", "del",
    "rev", "prof", "u.s", "u.n", "u.k", "inc", "co", "corp", "vs", "no", "sgt", "capt", "maj",
    "adm", "ft", "mt", "d.c", "a.m", "p.m", "e.g", "i.e", "jan", "feb", "aug", "sept", "sep",
    "oct", "nov", "dec", "calif", "fla", "ky", "va", "n.y", "wis", "md", "mo", "ariz", "tex",
];

fn is_open_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/')
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Dir {
    Open,
    Close,
    Either,
}

/// A double quotation mark and the way it faces.
fn mark_dir(text: &str, i: usize, c: char) -> Dir {
    let prev = text[..i].chars().next_back();
    let next = text[i + c.len_utf8()..].chars().next();
    let prev_space = prev.is_none_or(|p| p.is_whitespace() || is_open_punct(p));
    let next_space = next
        .is_none_or(|n| n.is_whitespace() || matches!(n, ',' | '.' | ';' | ':' | ')' | '?' | '!'));
    match c {
        '“' | '„' => {
            if next_space && !prev_space {
                Dir::Close
            } else {
                Dir::Open
            }
        }
        '”' => {
            if prev_space && !next_space {
                Dir::Open
            } else {
                Dir::Close
            }
        }
        _ => match (prev_space, next_space) {
            (true, false) => Dir::Open,
            (false, true) => Dir::Close,
            _ => Dir::Either,
        },
    }
}

/// Paragraph byte ranges: runs of lines that are not blank.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank {
            if let Some(s) = start.take() {
                out.push((s, last_end));
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            if start.is_none() {
                start = Some(pos + lead);
            }
            last_end = pos + line.trim_end().len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push((s, last_end));
    }
    out
}

/// A quoted stretch before merging: its parts (mark to mark) and paragraph.
#[derive(Debug, Clone)]
struct Raw {
    parts: Vec<(usize, usize)>,
    /// Paragraph index of the first and the last part.
    para_first: usize,
    para_last: usize,
}

/// Pairs the double quotation marks of every paragraph into quoted spans.
fn pair_marks(text: &str, paras: &[(usize, usize)]) -> Vec<Raw> {
    let mut out: Vec<Raw> = Vec::new();
    // A quote left open at the end of the previous paragraph.
    let mut carry: Option<Raw> = None;
    for (pi, &(ps, pe)) in paras.iter().enumerate() {
        let body = &text[ps..pe];
        let marks: Vec<(usize, char, Dir)> = body
            .char_indices()
            .filter(|&(_, c)| matches!(c, '"' | '“' | '”' | '„'))
            .map(|(i, c)| (ps + i, c, mark_dir(text, ps + i, c)))
            .collect();
        let mut depth = 0usize;
        let mut cur_start = 0usize;
        let mut idx = 0;
        if let Some(mut c) = carry.take() {
            // Continues only when the paragraph opens with a quotation mark.
            if let Some(&(p, _, d)) = marks.first() {
                if p == ps && d != Dir::Close {
                    depth = 1;
                    cur_start = p;
                    idx = 1;
                    c.para_last = pi;
                    carry = Some(c);
                } else {
                    out.push(c);
                }
            } else {
                out.push(c);
            }
        }
        while idx < marks.len() {
            let (p, ch, d) = marks[idx];
            let open = match d {
                Dir::Open => true,
                Dir::Close => false,
                Dir::Either => depth == 0,
            };
            if open {
                if depth == 0 {
                    cur_start = p;
                }
                depth += 1;
            } else if depth > 0 {
                depth -= 1;
                if depth == 0 {
                    let end = p + ch.len_utf8();
                    match carry.take() {
                        Some(mut c) => {
                            c.parts.push((cur_start, end));
                            c.para_last = pi;
                            out.push(c);
                        }
                        None => out.push(Raw {
                            parts: vec![(cur_start, end)],
                            para_first: pi,
                            para_last: pi,
                        }),
                    }
                }
            }
            idx += 1;
        }
        if depth > 0 {
            // Open at the paragraph end: the quote may run on.
            let part = (cur_start, pe);
            match carry.as_mut() {
                Some(c) => c.parts.push(part),
                None => {
                    carry = Some(Raw {
                        parts: vec![part],
                        para_first: pi,
                        para_last: pi,
                    })
                }
            }
        }
    }
    if let Some(c) = carry {
        out.push(c);
    }
    out
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Words (with byte ranges) of `masked[a..b]`.
fn words(masked: &str, a: usize, b: usize) -> Vec<(usize, usize)> {
    WORD_RE
        .find_iter(&masked[a..b])
        .map(|m| {
            let w = m.as_str();
            // Keep a trailing period only on abbreviations and initials.
            let t = w.trim_end_matches(['.', '\'', '’', '-']);
            let keep = if w.ends_with('.') && is_abbrev(t) {
                t.len() + 1
            } else {
                t.len()
            };
            (a + m.start(), a + m.start() + keep.max(1))
        })
        .collect()
}

fn is_abbrev(w: &str) -> bool {
    let l = lower(w);
    ABBREVIATIONS.contains(&l.as_str())
        || (w.chars().count() == 1 && is_cap(w))
        || (w.contains('.') && w.len() <= 6)
}

/// Whether the sentence ends at the terminal punctuation at `i` of `masked`.
fn sentence_end_at(masked: &str, i: usize) -> bool {
    let b = masked.as_bytes();
    let c = b[i];
    if !matches!(c, b'.' | b'!' | b'?') {
        return false;
    }
    let mut j = i + 1;
    while j < b.len() && matches!(b[j], b')' | b'\'') {
        j += 1;
    }
    if j < b.len() && !b[j].is_ascii_whitespace() {
        return false;
    }
    while j < b.len() && b[j].is_ascii_whitespace() {
        j += 1;
    }
    if j >= b.len() {
        return true;
    }
    let nc = masked[j..].chars().next().unwrap_or(' ');
    if nc.is_lowercase() {
        return false;
    }
    if c == b'.' {
        // The word before the period.
        let ws = masked[..i]
            .char_indices()
            .rev()
            .find(|&(_, ch)| ch.is_whitespace() || ch == MASK as char || ch == '(')
            .map_or(0, |(k, ch)| k + ch.len_utf8());
        if is_abbrev(&masked[ws..i]) {
            return false;
        }
    }
    true
}

/// Start of the sentence holding `pos` (bounded by `lo`).
fn sentence_start(masked: &str, lo: usize, pos: usize) -> usize {
    let b = masked.as_bytes();
    let mut i = pos;
    while i > lo {
        i -= 1;
        if matches!(b[i], b'.' | b'!' | b'?') && sentence_end_at(masked, i) {
            let mut k = i + 1;
            while k < pos && b[k].is_ascii_whitespace() {
                k += 1;
            }
            return k;
        }
    }
    lo
}

/// End of the sentence holding `pos` (bounded by `hi`), after its punctuation.
fn sentence_end(masked: &str, pos: usize, hi: usize) -> usize {
    let b = masked.as_bytes();
    let mut i = pos;
    while i < hi {
        if matches!(b[i], b'.' | b'!' | b'?') && sentence_end_at(masked, i) {
            return i + 1;
        }
        i += 1;
    }
    hi
}

/// A speaker phrase found for a quote.
#[derive(Debug, Clone)]
struct Speaker {
    span: (usize, usize),
    /// Byte range of the bare name inside the phrase (no appositive).
    core: (usize, usize),
}

/// The subject phrase ending right before the verb at `v`, not before `lo`.
fn subject_before(masked: &str, lo: usize, v: usize) -> Option<Speaker> {
    let from = v.saturating_sub(220).max(lo);
    let from = (from..=v)
        .find(|&k| masked.is_char_boundary(k))
        .unwrap_or(v);
    let ws = words(masked, from, v);
    let mut k = ws.len();
    // Skip adverbs and auxiliaries ("Trump also said", "he has repeatedly said").
    while k > 0 {
        let w = lower(&masked[ws[k - 1].0..ws[k - 1].1]);
        let between = &masked[ws[k - 1].1..if k < ws.len() { ws[k].0 } else { v }];
        if between.trim().is_empty()
            && (SKIP_BEFORE_VERB.contains(&w.as_str()) || (w.ends_with("ly") && w.len() > 4))
        {
            k -= 1;
        } else {
            break;
        }
    }
    if k == 0 {
        return None;
    }
    let end = ws[k - 1].1;
    let gap = &masked[end..if k < ws.len() { ws[k].0 } else { v }];
    if gap.contains(MASK as char)
        || gap.contains([':', ';', '(', ')', '—', '–']) && !gap.contains(')')
    {
        return None;
    }
    let last = lower(&masked[ws[k - 1].0..end]);
    let verb = masked[v..]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    if last == "and" || last == "but" || (verb.ends_with("ing") && masked[end..v].contains(',')) {
        // "She then turns and says": the subject opens the sentence.
        let w0 = &masked[ws[0].0..ws[0].1];
        if ws[0].0 == lo || masked[lo..ws[0].0].trim().is_empty() {
            if PRONOUNS.contains(&lower(w0).as_str()) {
                return Some(Speaker {
                    span: ws[0],
                    core: ws[0],
                });
            }
            return first_name(masked, ws[0].0, end).map(|n| Speaker { span: n, core: n });
        }
        return None;
    }
    if CLAUSE_WORDS.contains(&last.as_str()) {
        return None;
    }
    if PRONOUNS.contains(&last.as_str()) {
        return Some(Speaker {
            span: ws[k - 1],
            core: ws[k - 1],
        });
    }
    // Walk back to a clause boundary.
    let mut first = k - 1;
    let mut n = 1;
    while first > 0 && n < 16 {
        let (a, b) = ws[first - 1];
        let gap = &masked[b..ws[first].0];
        if gap.contains(MASK as char) || gap.contains([':', ';', '—', '–', '"', '“', '”']) {
            break;
        }
        if gap.contains(['.', '?', '!'])
            && sentence_end_at(masked, b + gap.find(['.', '?', '!']).unwrap_or(0))
        {
            break;
        }
        let w = lower(&masked[a..b]);
        if CLAUSE_WORDS.contains(&w.as_str()) || PRONOUNS.contains(&w.as_str()) {
            break;
        }
        first -= 1;
        n += 1;
    }
    // Comma-separated segments: keep the name and its appositive, drop a
    // leading adverbial ("In a post on X, Trump wrote").
    let mut segs: Vec<(usize, usize)> = Vec::new(); // word index ranges
    let mut s0 = first;
    for i in first..k {
        if i + 1 < k && masked[ws[i].1..ws[i + 1].0].contains(',') {
            segs.push((s0, i + 1));
            s0 = i + 1;
        }
    }
    segs.push((s0, k));
    let seg_is_appos = |(a, _b): (usize, usize)| {
        let w = lower(&masked[ws[a].0..ws[a].1]);
        !is_cap(&masked[ws[a].0..ws[a].1]) || DETERMINERS.contains(&w.as_str())
    };
    let seg_is_name = |(a, b): (usize, usize)| {
        is_cap(&masked[ws[a].0..ws[a].1])
            && !NOT_NAME.contains(&lower(&masked[ws[a].0..ws[a].1]).as_str())
            && b - a <= 6
    };
    let mut chosen = segs.len() - 1;
    let mut core = segs[chosen];
    // "Trump, the Republican nominee, said" → name + appositive.
    if segs.len() >= 2 && seg_is_appos(segs[chosen]) {
        let mut j = chosen;
        while j > 0 && seg_is_appos(segs[j - 1]) && segs.len() - j < 3 {
            j -= 1;
        }
        if j > 0 && seg_is_name(segs[j - 1]) {
            chosen = j - 1;
            core = segs[j - 1];
        }
    }
    let (a, _) = segs[chosen];
    // Drop a leading preposition phrase without comma ("In Iowa Trump said").
    let mut a = a;
    while a < core.1.saturating_sub(1) {
        let w = lower(&masked[ws[a].0..ws[a].1]);
        if NAME_STOP.contains(&w.as_str()) || w == "according" {
            a += 1;
        } else {
            break;
        }
    }
    // "panel Chairman Rep. X": start at the capitalised title.
    if !is_cap(&masked[ws[a].0..ws[a].1])
        && !DETERMINERS.contains(&lower(&masked[ws[a].0..ws[a].1]).as_str())
        && let Some(c) = (a..k).find(|&i| is_cap(&masked[ws[i].0..ws[i].1]))
        && c - a <= 2
    {
        a = c;
    }
    let first_word = &masked[ws[a].0..ws[a].1];
    let fw = lower(first_word);
    if !is_cap(first_word) && !DETERMINERS.contains(&fw.as_str()) && k - a > 4 {
        return None;
    }
    let core_a = core.0.max(a);
    // Close a parenthetical: "Sen. Ted Cruz (R-Texas)".
    let mut end = end;
    if masked[end..v].trim_start().starts_with(')') && masked[ws[a].0..end].contains('(') {
        end += masked[end..v].find(')').unwrap_or(0) + 1;
    }
    Some(Speaker {
        span: (ws[a].0, end),
        core: (ws[core_a].0, ws[core.1 - 1].1),
    })
}

/// The speaker phrase starting at `p` ("said Caddell, a pollster, ..."), up to `hi`.
fn subject_after(masked: &str, p: usize, hi: usize) -> Option<Speaker> {
    let to = (p + 300).min(hi);
    let to = (to..=hi)
        .find(|&k| masked.is_char_boundary(k))
        .unwrap_or(hi);
    let ws = words(masked, p, to);
    if ws.is_empty() {
        return None;
    }
    let lead = &masked[p..ws[0].0];
    if !lead.trim().is_empty() {
        return None;
    }
    let w0 = &masked[ws[0].0..ws[0].1];
    let l0 = lower(w0);
    if PRONOUNS.contains(&l0.as_str()) {
        return Some(Speaker {
            span: ws[0],
            core: ws[0],
        });
    }
    if !is_cap(w0) && !DETERMINERS.contains(&l0.as_str()) {
        return None;
    }
    // The name phrase: up to a comma, a boundary, or a stop word.
    let mut i = 0;
    let mut end_idx;
    loop {
        end_idx = i + 1;
        if i + 1 >= ws.len() || end_idx >= 12 {
            break;
        }
        let gap = &masked[ws[i].1..ws[i + 1].0];
        if gap.contains([',', ';', ':', '—', '–', '(', MASK as char])
            || gap.contains(['.', '!', '?'])
        {
            break;
        }
        let nw = lower(&masked[ws[i + 1].0..ws[i + 1].1]);
        // "one source on the panel", "two sources with knowledge of it".
        let np_ok = !is_cap(w0)
            && matches!(
                nw.as_str(),
                "on" | "in" | "with" | "of" | "at" | "from" | "for"
            );
        if (NAME_STOP.contains(&nw.as_str()) && !np_ok) || VERB_RE.is_match(&nw) || nw == "who" {
            break;
        }
        i += 1;
    }
    let core = (ws[0].0, ws[end_idx - 1].1);
    let mut span_end = core.1;
    // A parenthetical right after the name: "(D-Mo.)".
    let rest = &masked[span_end..to];
    if rest.starts_with(" (")
        && let Some(c) = rest.find(')')
        && c < 20
    {
        span_end += c + 1;
    }
    // Appositives: ", a lawyer for the Sierra Club, who ...".
    let mut j = end_idx;
    while j < ws.len() && ws[j].0 < span_end {
        j += 1;
    }
    let mut segs = 0;
    while j < ws.len() && segs < 3 {
        let gap = &masked[span_end..ws[j].0];
        if gap.trim() != "," {
            break;
        }
        let w = lower(&masked[ws[j].0..ws[j].1]);
        if APPOS_STOP.contains(&w.as_str()) || w.ends_with("ing") || VERB_RE.is_match(&w) {
            break;
        }
        // A capitalised segment is only an appositive as a state: "R-Ky.".
        let wj = &masked[ws[j].0..ws[j].1];
        if is_cap(wj)
            && !DETERMINERS.contains(&w.as_str())
            && !(wj.len() > 2 && wj.as_bytes()[1] == b'-')
        {
            break;
        }
        // Extend to the next comma or boundary.
        let mut m = j;
        while m + 1 < ws.len() {
            let g = &masked[ws[m].1..ws[m + 1].0];
            if g.contains([',', ';', ':', '—', '–', MASK as char])
                || (g.contains(['.', '!', '?'])
                    && sentence_end_at(masked, ws[m].1 + g.find(['.', '!', '?']).unwrap_or(0)))
            {
                break;
            }
            m += 1;
        }
        if m - j > 25 {
            break;
        }
        span_end = ws[m].1;
        j = m + 1;
        segs += 1;
    }
    Some(Speaker {
        span: (ws[0].0, span_end),
        core,
    })
}

/// Attribution right after a quote: ", said X" or ", X said" / "X told".
fn attribution_after(masked: &str, e: usize, hi: usize) -> Option<Speaker> {
    // "“…” ― Jane Doe" at the end of a line: a signed quote.
    let line_end = masked[e..hi].find('\n').map_or(hi, |k| e + k);
    let rest = masked[e..line_end].trim_start();
    if let Some(r) = rest.strip_prefix(['―', '—', '–', '-']) {
        let name = r.trim();
        let nwords = name.split_whitespace().count();
        if (1..=6).contains(&nwords) && is_cap(name) {
            let a = line_end - r.len() + (r.len() - r.trim_start().len());
            let b = a + name.len();
            return Some(Speaker {
                span: (a, b),
                core: (a, b),
            });
        }
    }
    let send = sentence_end(masked, e, hi);
    let after = &masked[e..send];
    let t =
        after.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-'));
    let p = e + (after.len() - t.len());
    if t.is_empty() || t.starts_with(MASK as char) {
        return None;
    }
    let m = VERB_RE.find(t)?;
    if m.start() > 160 || t[..m.start()].contains(MASK as char) {
        return None;
    }
    let v = p + m.start();
    if m.start() == 0 {
        return subject_after(masked, v + m.len(), send);
    }
    if m.as_str().eq_ignore_ascii_case("according to") {
        let sp = subject_after(masked, v + m.len() + 1, send)?;
        return (masked[p..v].trim().is_empty()).then_some(sp);
    }
    let sp = subject_before(masked, p, v)?;
    // The subject must start the clause ("…," the official said).
    masked[p..sp.span.0].trim().is_empty().then_some(sp)
}

/// Attribution earlier in the sentence: "X said …", "X wrote:", "according to X,".
fn attribution_before(masked: &str, lo: usize, s: usize) -> Option<(Speaker, usize)> {
    let before = &masked[lo..s];
    let mut found = None;
    for m in VERB_RE.find_iter(before) {
        let v = lo + m.start();
        let sp = if m.as_str().eq_ignore_ascii_case("according to") {
            subject_after(masked, v + m.len() + 1, s)
        } else {
            subject_before(masked, lo, v).or_else(|| {
                // "…, said X: “…”" / "said X, “…”".
                subject_after(masked, v + m.len() + 1, s).filter(|sp| {
                    let rest = masked[sp.span.1..s].trim();
                    rest.is_empty() || rest == ":" || rest == ","
                })
            })
        };
        if let Some(sp) = sp {
            found = Some((sp, v));
        }
    }
    found
}

/// The speaker of a whole neighbouring sentence, for fallbacks.
fn attribution_in(masked: &str, a: usize, b: usize, last: bool) -> Option<Speaker> {
    let mut out = None;
    for m in VERB_RE.find_iter(&masked[a..b]) {
        let v = a + m.start();
        let sp = if m.as_str().eq_ignore_ascii_case("according to") {
            subject_after(masked, v + m.len() + 1, b)
        } else {
            subject_before(masked, a, v)
        };
        if sp.is_some() {
            out = sp;
            if !last {
                break;
            }
        }
    }
    out
}

/// First person-like name in `masked[a..b]`: a run of capitalised words.
fn first_name(masked: &str, a: usize, b: usize) -> Option<(usize, usize)> {
    let ws = words(masked, a, b);
    let mut i = 0;
    while i < ws.len() {
        let w = &masked[ws[i].0..ws[i].1];
        if is_cap(w) && !NOT_NAME.contains(&lower(w).as_str()) && !VERB_RE.is_match(&lower(w)) {
            let mut j = i;
            while j + 1 < ws.len()
                && masked[ws[j].1..ws[j + 1].0].trim().is_empty()
                && is_cap(&masked[ws[j + 1].0..ws[j + 1].1])
            {
                j += 1;
            }
            let s = &masked[ws[i].0..ws[j].1];
            let s = s.trim_end_matches(['\'', '’', 's']);
            if s.len() > 1 && !s.chars().all(|c| c.is_uppercase() || c == '.') {
                let end = masked[ws[i].0..ws[j].1]
                    .strip_suffix("’s")
                    .or_else(|| masked[ws[i].0..ws[j].1].strip_suffix("'s"))
                    .map_or(ws[j].1, |x| ws[i].0 + x.len());
                return Some((ws[i].0, end));
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    None
}

fn is_pronoun(s: &str) -> bool {
    PRONOUNS.contains(&lower(s).as_str())
}

/// Finds every direct quotation in `text`, the clean text of a whole article.
pub fn find_quotes(text: &str) -> Vec<QuoteMention> {
    let paras = paragraphs(text);
    let raws = pair_marks(text, &paras);
    // Masked text: quoted spans become MASK bytes.
    let mut bytes = text.as_bytes().to_vec();
    for r in &raws {
        for &(a, b) in &r.parts {
            bytes[a..b].fill(MASK);
        }
    }
    let masked = String::from_utf8(bytes).unwrap_or_else(|_| text.to_string());
    let masked = masked.as_str();

    // Merge quotes split around their attribution.
    let mut merged: Vec<(Raw, Option<Speaker>)> = Vec::new();
    for r in raws {
        let (s, _) = r.parts[0];
        if let Some((prev, prev_sp)) = merged.last_mut() {
            let pe = prev.parts.last().map_or(0, |p| p.1);
            if prev.para_last == r.para_first && s > pe && s - pe <= MAX_SPLIT_GAP {
                let gap = &masked[pe..s];
                let (_, hi) = paras[r.para_first];
                let sp = attribution_after(masked, pe, hi.min(s));
                let prev_text = text[prev.parts.last().map_or(0, |p| p.0)..pe]
                    .trim_end_matches(['"', '“', '”', ' ', '\'', '’']);
                let cont = prev_text.ends_with([',', '.', '?', '!', '-', '—', '…']);
                // The gap is one clause: no sentence end before its last char.
                let g = gap.trim_end();
                let inner_end = g.char_indices().any(|(i, c)| {
                    matches!(c, '.' | '!' | '?')
                        && i + 1 < g.len()
                        && sentence_end_at(masked, pe + i)
                });
                if let (Some(sp), true, false) = (sp, cont, inner_end)
                    && g.ends_with([',', '.', ':', '—', '–'])
                    && !g.contains(MASK as char)
                {
                    prev.parts.extend(r.parts.iter().copied());
                    prev.para_last = r.para_last;
                    *prev_sp = Some(sp);
                    continue;
                }
            }
        }
        merged.push((r, None));
    }

    let mut out = Vec::new();
    let mut last_named: Option<String> = None;
    for (r, split_sp) in merged {
        let start = r.parts[0].0;
        let end = r.parts.last().map_or(start, |p| p.1);
        let qtext = r
            .parts
            .iter()
            .map(|&(a, b)| {
                text[a..b]
                    .trim_start_matches(['"', '“', '”', '„'])
                    .trim_end_matches(['"', '“', '”'])
                    .trim()
            })
            .collect::<Vec<_>>()
            .join(" ");
        let nwords = qtext.split_whitespace().count();
        if nwords == 0 {
            continue;
        }
        let (pa, _) = paras[r.para_first];
        let (_, pe) = paras[r.para_last];
        let first_part_para_end = paras[r.para_first].1;
        // 1. Right after the quote (or its first part).
        let first_end = r.parts[0].1;
        let mut sp = split_sp;
        let mut evidence = sp.is_some();
        if sp.is_none() && first_end <= first_part_para_end {
            sp = attribution_after(masked, first_end, first_part_para_end);
        }
        if sp.is_none() && end <= pe {
            sp = attribution_after(masked, end, pe);
        }
        evidence |= sp.is_some();
        // 2. Earlier in the same sentence.
        let sstart = sentence_start(masked, pa, start);
        let before = masked[sstart..start].trim_end();
        let colon = before.ends_with(':');
        // "… repeatedly says, “…”": a speech verb right before the quote.
        let tail = before.trim_end_matches([',', ':', ' ']);
        let lo24 = floor_boundary(tail, tail.len().saturating_sub(24));
        let verb_before = VERB_RE
            .find_iter(&tail[lo24..])
            .last()
            .is_some_and(|m| lo24 + m.end() == tail.len());
        if sp.is_none()
            && let Some((b, _v)) = attribution_before(masked, sstart, start)
        {
            sp = Some(b);
            evidence = true;
        }
        let para_start = start == pa;
        // 3. Neighbouring sentences and a paragraph ending with a colon.
        if sp.is_none() && sstart > pa {
            let ps = sentence_start(masked, pa, sstart.saturating_sub(1));
            sp = attribution_in(masked, ps, sstart, true);
        }
        if sp.is_none() && end < pe {
            let ne = sentence_end(masked, end, pe);
            let ne2 = sentence_end(masked, ne, pe);
            sp = attribution_in(masked, ne, ne2, false);
        }
        let mut prev_colon = false;
        if r.para_first > 0 && para_start {
            let (qa, qb) = paras[r.para_first - 1];
            prev_colon = masked[qa..qb].trim_end().ends_with(':');
            if sp.is_none() && prev_colon {
                let ls = sentence_start(masked, qa, qb);
                sp = attribution_in(masked, ls, qb, true);
            }
        }
        // Scare quotes and titles: short and without speech context.
        let first_char = qtext
            .chars()
            .find(|c| c.is_alphanumeric() || *c == '…' || *c == '.');
        let first_upper = first_char.is_some_and(|c| !c.is_lowercase());
        let ends_sentence = qtext.ends_with(['.', '?', '!', ',', '…']);
        // Partial quotes woven into a sentence ("called it “a disaster”").
        if !first_upper && !para_start && !qtext.starts_with(['…', '.']) {
            continue;
        }
        if is_title(text, start, &qtext) {
            continue;
        }
        let keep = if evidence || colon || prev_colon || verb_before {
            nwords >= 3 || (nwords >= 2 && first_upper && ends_sentence)
        } else if para_start {
            nwords >= 4
        } else {
            nwords >= 8 || (nwords >= 5 && first_upper && ends_sentence)
        };
        if !keep {
            continue;
        }
        let (speaker_text, speaker_span, resolved) = match sp {
            None => (None, None, None),
            Some(sp) => {
                let st = squash(&text[sp.span.0..sp.span.1]);
                let core = squash(&text[sp.core.0..sp.core.1]);
                if is_pronoun(&st) {
                    let res = resolve(masked, text, pa, sstart, start, last_named.as_deref());
                    (Some(st), Some(sp.span), res)
                } else {
                    if is_cap(&core) && !NOT_NAME.contains(&lower(&core).as_str()) {
                        last_named = Some(core);
                    }
                    (Some(st), Some(sp.span), None)
                }
            }
        };
        out.push(QuoteMention {
            start,
            end,
            text: qtext,
            speaker_text,
            speaker_span,
            resolved,
        });
    }
    out
}

/// The person a pronoun speaker most likely refers to.
fn resolve(
    masked: &str,
    text: &str,
    para_start: usize,
    sstart: usize,
    qstart: usize,
    last_named: Option<&str>,
) -> Option<String> {
    // Same sentence before the quote, then previous sentences.
    if let Some((a, b)) = first_name(masked, sstart, qstart) {
        return Some(squash(&text[a..b]));
    }
    let lo = sstart.saturating_sub(RESOLVE_WINDOW);
    let lo = (lo..=sstart)
        .find(|&k| masked.is_char_boundary(k))
        .unwrap_or(sstart);
    let mut end = sstart;
    for _ in 0..4 {
        if end <= lo {
            break;
        }
        let s = sentence_start(masked, lo, end.saturating_sub(1));
        if let Some((a, b)) = first_name(masked, s, end) {
            return Some(squash(&text[a..b]));
        }
        end = s;
    }
    let _ = para_start;
    last_named.map(str::to_string)
}

/// A show or book title: title-case words after "of", "on" or a possessive.
fn is_title(text: &str, start: usize, q: &str) -> bool {
    let ws: Vec<&str> = q.split_whitespace().collect();
    if ws.len() > 8 || q.ends_with(['?', '!']) {
        return false;
    }
    let small = [
        "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "at", "by", "with",
    ];
    let title_case = ws
        .iter()
        .all(|w| small.contains(w) || w.chars().next().is_some_and(|c| !c.is_lowercase()));
    if !title_case || ws.len() < 2 {
        return false;
    }
    let before = text[..start].trim_end();
    let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let prev = prev.trim_end_matches(',');
    matches!(
        prev,
        "of" | "on" | "in" | "titled" | "called" | "book" | "show" | "program" | "film" | "song"
    ) || prev.ends_with("’s")
        || prev.ends_with("'s")
}

/// The largest char boundary of `s` not above `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Collapses runs of white space (left by blanked markup) to one space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> QuoteMention {
        let qs = find_quotes(text);
        assert_eq!(qs.len(), 1, "{qs:#?}");
        qs.into_iter().next().unwrap()
    }

    #[test]
    fn said_after_name() {
        let q = one("\"We will rebuild the bridge by spring,\" said Mayor Ann Lee.");
        assert_eq!(q.text, "We will rebuild the bridge by spring,");
        assert_eq!(q.speaker_text.as_deref(), Some("Mayor Ann Lee"));
        assert_eq!((q.start, q.end), (0, 39));
    }

    #[test]
    fn name_said_after_quote() {
        let q = one("“The vote is final and it is fair,” Governor Kim said on Monday.");
        assert_eq!(q.speaker_text.as_deref(), Some("Governor Kim"));
    }

    #[test]
    fn appositive_kept() {
        let q = one(
            "\"The numbers do not add up at all,\" said Jo Park, a budget analyst at the council.",
        );
        assert_eq!(
            q.speaker_text.as_deref(),
            Some("Jo Park, a budget analyst at the council")
        );
    }

    #[test]
    fn according_to() {
        let q = one("According to Dana Ruiz, \"The plant will close before the winter ends.\"");
        assert_eq!(q.speaker_text.as_deref(), Some("Dana Ruiz"));
    }

    #[test]
    fn split_quote_is_one_mention() {
        let t = "\"The first half is here,\" she said. \"And the second half follows.\"";
        let q = one(t);
        assert_eq!((q.start, q.end), (0, t.len()));
        assert_eq!(
            q.text,
            "The first half is here, And the second half follows."
        );
        assert_eq!(q.speaker_text.as_deref(), Some("she"));
    }

    #[test]
    fn multi_paragraph_quote() {
        let t = "Chen wrote a long letter.\n\n\"We have waited for years for this road to open.\n\n\"Now we will wait no longer,\" Chen said.";
        let q = one(t);
        assert_eq!(q.start, t.find('"').unwrap());
        assert_eq!(q.end, t.rfind('"').unwrap() + 1);
        assert_eq!(q.speaker_text.as_deref(), Some("Chen"));
    }

    #[test]
    fn colon_introduced() {
        let q = one("Rivera wrote: “Nobody asked the farmers what they needed this year.”");
        assert_eq!(q.speaker_text.as_deref(), Some("Rivera"));
    }

    #[test]
    fn pronoun_resolved_to_previous_subject() {
        let t = "Omar Haddad ruled out any delay in a post on his blog. \"The budget is gone, and the plan is gone,\" he wrote.";
        let q = one(t);
        assert_eq!(q.speaker_text.as_deref(), Some("he"));
        assert_eq!(q.resolved.as_deref(), Some("Omar Haddad"));
    }

    #[test]
    fn anonymous_sources() {
        let q = one("\"They are not talking to us at all,\" a senior state official said.");
        assert_eq!(q.speaker_text.as_deref(), Some("a senior state official"));
        let q = one("“The talks stalled over the weekend,” one source told the paper.");
        assert_eq!(q.speaker_text.as_deref(), Some("one source"));
    }

    #[test]
    fn markup_blanks_are_squashed() {
        let q = one("“We treated these messages as noise,” a  U.S. official told  Reuters  .");
        assert_eq!(q.speaker_text.as_deref(), Some("a U.S. official"));
    }

    #[test]
    fn scare_quotes_and_titles_rejected() {
        assert!(
            find_quotes("The mayor labelled the report \"pure fabrication\" on Friday.").is_empty()
        );
        assert!(find_quotes("The “Top Dog” in the town is the mayor.").is_empty());
        assert!(
            find_quotes("She appeared on CBS's \"Morning Talk Hour\" to explain it.").is_empty()
        );
    }

    #[test]
    fn nested_single_quotes_and_apostrophes() {
        let t = "\"They want to talk. I said, 'Too late!' \" he wrote. Sam's view didn't change.";
        let q = one(t);
        assert_eq!(q.end, t.find(" he wrote").unwrap());
        assert!(q.text.contains("'Too late!'"));
        let q = one("“It’s the voters’ choice, not Congress’s choice,” Diaz said.");
        assert_eq!(q.text, "It’s the voters’ choice, not Congress’s choice,");
    }

    #[test]
    fn signed_quote() {
        let q = one("“I will vote for the first time this year.” ― Maria Gomez\n");
        assert_eq!(q.speaker_text.as_deref(), Some("Maria Gomez"));
    }
}
