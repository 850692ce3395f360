//! Words and sentences of the masked narration around quotes.

use super::lexicon::*;
pub(super) use crate::span::{Span, ceil_char, floor_char, is_space};
pub(super) use crate::text::{is_cap, squash};

pub(super) fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// Words of `masked` inside `within`, each a span.
pub(super) fn words(masked: &str, within: Span) -> Vec<Span> {
    let within = within.clamp(masked);
    WORD_RE
        .find_iter(within.slice(masked))
        .map(|m| {
            let w = m.as_str();
            // Keep a trailing period only on abbreviations and initials.
            let t = w.trim_end_matches(['.', '\'', '’', '-']);
            let keep = if w[t.len()..].starts_with('.') && is_abbrev(t) {
                t.len() + '.'.len_utf8()
            } else {
                t.len()
            };
            Span::new(m.start(), m.start() + keep).shift(within.start)
        })
        .collect()
}

/// The text of a span of `masked`.
pub(super) fn at(masked: &str, s: Span) -> &str {
    s.slice(masked)
}

/// The lower-cased text of a word.
pub(super) fn low(masked: &str, s: Span) -> String {
    lower(at(masked, s))
}

/// The text between two offsets (empty when they come the wrong way round).
pub(super) fn between(masked: &str, a: usize, b: usize) -> &str {
    if a > b {
        ""
    } else {
        Span::new(a, b).slice(masked)
    }
}

pub(super) fn is_abbrev(w: &str) -> bool {
    let l = lower(w);
    ABBREVIATIONS.contains(&l.as_str())
        || (w.chars().count() == 1 && is_cap(w))
        || (w.contains('.') && w.len() <= 6)
}

/// `masked` from `i` on (from the character holding it).
pub(super) fn rest(masked: &str, i: usize) -> &str {
    &masked[floor_char(masked, i)..]
}

/// Whether `c` may follow the punctuation ending a sentence and belong to
/// it: a closing bracket or mark, masked or not.
fn closes_sentence(c: char) -> bool {
    matches!(c, ')' | '\'') || c == MASK as char
}

/// Whether the sentence ends at the terminal punctuation at `i` of `masked`.
pub(super) fn sentence_end_at(masked: &str, i: usize) -> bool {
    let b = masked.as_bytes();
    let Some(&c) = b.get(i) else {
        return false;
    };
    if !matches!(c, b'.' | b'!' | b'?') {
        return false;
    }
    let after = masked[i + 1..].trim_start_matches(closes_sentence);
    let spaced = after.trim_start_matches(is_space);
    if spaced.len() == after.len() && !after.is_empty() {
        return false;
    }
    let Some(nc) = spaced.chars().next() else {
        return true;
    };
    if nc.is_lowercase() {
        return false;
    }
    if c == b'.' {
        // The word before the period.
        let ws = masked[..i]
            .char_indices()
            .rev()
            .find(|&(_, ch)| is_space(ch) || ch == MASK as char || ch == '(')
            .map_or(0, |(k, ch)| k + ch.len_utf8());
        if is_abbrev(&masked[ws..i]) {
            return false;
        }
    }
    true
}

/// Whether the line break at `i` ends a blank line: a paragraph ends
/// there, and so does any sentence (a headline has no full stop; a quote
/// closing a paragraph masks its own).
fn blank_line_at(b: &[u8], i: usize) -> bool {
    b[i] == b'\n'
        && b[..i]
            .iter()
            .rev()
            .find(|&&c| !matches!(c, b' ' | b'\t' | b'\r'))
            .is_some_and(|&c| c == b'\n')
}

/// Start of the sentence holding `pos` (bounded by `lo` and by the start
/// of its paragraph).
pub(super) fn sentence_start(masked: &str, lo: usize, pos: usize) -> usize {
    let pos = floor_char(masked, pos);
    // Bounded look-back keeps huge unbroken paragraphs linear.
    let lo = floor_char(masked, lo.max(pos.saturating_sub(MAX_SENTENCE))).min(pos);
    let b = masked.as_bytes();
    // At the closing marks after a sentence's last stop ("here.''"), the
    // sentence holding `pos` is the one that stop ends.
    let mut j = pos;
    while j > lo && b.get(j).is_some_and(|&c| closes_sentence(char::from(c))) {
        j -= 1;
    }
    let mut i = if j < pos && matches!(b[j], b'.' | b'!' | b'?') {
        j
    } else {
        pos
    };
    while i > lo {
        i -= 1;
        let stop = matches!(b[i], b'.' | b'!' | b'?') && sentence_end_at(masked, i);
        if stop || blank_line_at(b, i) {
            let gap = &masked[i + 1..pos];
            // The marks closing the sentence before are its own; after a
            // paragraph break, a mark opens this one.
            let lead = if stop {
                gap.trim_start_matches(closes_sentence)
            } else {
                gap
            };
            let lead = lead.trim_start_matches(is_space);
            return i + 1 + (gap.len() - lead.len());
        }
    }
    lo
}

/// End of the sentence holding `pos` (bounded by `hi`), after its punctuation.
pub(super) fn sentence_end(masked: &str, pos: usize, hi: usize) -> usize {
    let hi = ceil_char(masked, hi.min(pos.saturating_add(MAX_SENTENCE)));
    let b = masked.as_bytes();
    let mut i = pos;
    while i < hi {
        if matches!(b[i], b'.' | b'!' | b'?') && sentence_end_at(masked, i) {
            let after = &masked[i + 1..hi];
            return hi - after.trim_start_matches(closes_sentence).len();
        }
        if blank_line_at(b, i) {
            return i;
        }
        i += 1;
    }
    hi
}
