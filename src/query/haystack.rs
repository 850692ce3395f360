//! What an item offers to the filter, prepared once per item: the
//! lower-cased text of each field and a letter mask of each, so that most
//! items a word cannot match are set aside with one AND.

use crate::model::Model;
use crate::timeline::Item;
use std::ops::Range;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower case with accents taken off ("José Núñez" → "jose nunez"), so a
/// name typed without them finds it.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether some word of `name` (split at anything not a letter or digit)
/// starts with `prefix`; both already folded.
pub fn word_prefix(name: &str, prefix: &str) -> bool {
    if prefix.is_empty() {
        return false;
    }
    if !prefix.chars().all(char::is_alphanumeric) {
        // "o'neill", "u.s.": a prefix of the name from a word start.
        return name
            .char_indices()
            .filter(|&(i, _)| {
                i == 0
                    || !name[..i]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
            })
            .any(|(i, _)| name[i..].starts_with(prefix));
    }
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.starts_with(prefix))
}

/// The set of ASCII letters and digits in `s`, one bit each (a–z, then
/// 0–9). Anything a word matches holds at least the word's letters, so a
/// field whose mask lacks one of them cannot match.
pub fn letter_mask(s: &str) -> u64 {
    s.bytes().fold(0, |m, b| m | LETTER_BITS[b as usize])
}

/// Each byte's bit in a letter mask (none for other bytes): a table makes
/// the mask one OR a byte, with no branches.
static LETTER_BITS: [u64; 256] = {
    let mut t = [0; 256];
    let mut c = 0;
    while c < 26 {
        t[b'a' as usize + c] = 1 << c;
        t[b'A' as usize + c] = 1 << c;
        c += 1;
    }
    let mut d = 0;
    while d < 10 {
        t[b'0' as usize + d] = 1 << (26 + d);
        d += 1;
    }
    t
};

/// True when `field` holds every letter of `word` (both as masks).
pub fn may_hold(field: u64, word: u64) -> bool {
    field & word == word
}

/// One actor name (or alias, or the speaker) within `Haystack::actors`.
#[derive(Debug, Clone)]
struct Name {
    span: Range<u32>,
    mask: u64,
}

/// The text an item offers to each field, lower-cased once, with the
/// letter mask of each field and of each actor name.
#[derive(Debug, Clone, Default)]
pub struct Haystack {
    text: String,
    /// Actor names and aliases and the speaker, one a line.
    actors: String,
    quote: Option<String>,
    outlets: String,
    names: Vec<Name>,
    /// The speaker of a quote, folded.
    speaker: Option<String>,
    is_quote: bool,
    text_mask: u64,
    quote_mask: u64,
    outlets_mask: u64,
    /// Every field's letters together.
    all_mask: u64,
}

impl Haystack {
    pub fn of(item: &Item, model: &Model) -> Haystack {
        let mut names: Vec<&str> = Vec::new();
        for &a in &item.actors {
            let a = &model.actors[a];
            names.push(&a.name);
            names.extend(a.aliases.iter().map(String::as_str));
        }
        names.extend(item.speaker.as_deref());
        let quote = match item.what {
            crate::timeline::ItemRef::Quote(i) => Some(&*model.quotes[i].text),
            _ => None,
        };
        let mut h = Haystack::new(&item.text, &names, quote, &item.outlets.join(" | "));
        h.is_quote = item.is_quote();
        h.speaker = item.speaker.as_deref().map(fold);
        h
    }

    /// A haystack from raw field text (any case).
    pub fn new(text: &str, names: &[&str], quote: Option<&str>, outlets: &str) -> Haystack {
        let mut actors = String::new();
        let mut spans = Vec::with_capacity(names.len());
        for n in names {
            let start = actors.len();
            if n.is_ascii() {
                actors.push_str(n);
                actors[start..].make_ascii_lowercase();
            } else {
                actors.push_str(&fold(n));
            }
            let span = start as u32..actors.len() as u32;
            actors.push('\n');
            if !span.is_empty() {
                let mask = letter_mask(&actors[start..span.end as usize]);
                spans.push(Name { span, mask });
            }
        }
        let text = text.to_lowercase();
        let quote = quote.map(str::to_lowercase);
        let outlets = outlets.to_lowercase();
        let text_mask = letter_mask(&text);
        let quote_mask = quote.as_deref().map_or(0, letter_mask);
        let outlets_mask = letter_mask(&outlets);
        let all_mask = spans
            .iter()
            .fold(text_mask | quote_mask | outlets_mask, |m, n| m | n.mask);
        let is_quote = quote.is_some();
        Haystack {
            text,
            actors,
            quote,
            outlets,
            names: spans,
            speaker: None,
            is_quote,
            text_mask,
            quote_mask,
            outlets_mask,
            all_mask,
        }
    }

    /// The item's text, lower-cased.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Actor names with their aliases, and the speaker, one a line.
    pub fn actors(&self) -> &str {
        &self.actors
    }

    pub fn quote(&self) -> Option<&str> {
        self.quote.as_deref()
    }

    pub fn outlets(&self) -> &str {
        &self.outlets
    }

    /// The quote's speaker, folded; `None` for events.
    pub fn speaker(&self) -> Option<&str> {
        self.speaker.as_deref()
    }

    pub fn is_quote(&self) -> bool {
        self.is_quote
    }

    pub(super) fn text_field(&self) -> (&str, u64) {
        (&self.text, self.text_mask)
    }

    pub(super) fn quote_field(&self) -> Option<(&str, u64)> {
        self.quote.as_deref().map(|q| (q, self.quote_mask))
    }

    pub(super) fn outlets_field(&self) -> (&str, u64) {
        (&self.outlets, self.outlets_mask)
    }

    /// Each actor name on its own, with its mask.
    pub(super) fn names(&self) -> impl Iterator<Item = (&str, u64)> {
        self.names.iter().map(|n| {
            (
                &self.actors[n.span.start as usize..n.span.end as usize],
                n.mask,
            )
        })
    }

    pub(super) fn all_mask(&self) -> u64 {
        self.all_mask
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_hold_letters_and_digits_apart() {
        assert_eq!(letter_mask("ab"), 0b11);
        assert_eq!(letter_mask("Z0"), 1 << 25 | 1 << 26);
        assert_eq!(letter_mask("“¿ü?” -"), 0, "only ASCII letters and digits");
        // 'p' and '0' used to share a bit (byte % 64); they do not now.
        assert!(!may_hold(letter_mask("p"), letter_mask("0")));
        assert!(may_hold(
            letter_mask("benjamin netanyahu"),
            letter_mask("ntnyhu")
        ));
        assert!(!may_hold(letter_mask("netanyahu"), letter_mask("bibi")));
    }

    #[test]
    fn names_fold_and_match_by_word_prefix() {
        assert_eq!(fold("José Núñez"), "jose nunez");
        assert_eq!(fold("ISRAËL"), "israel");
        assert!(word_prefix("bill clinton", "bill"));
        assert!(word_prefix("bill clinton", "clin"));
        assert!(!word_prefix("karen bobadilla", "bill"));
        assert!(!word_prefix("brian fallon", "bill"));
        assert!(word_prefix("benjamin netanyahu", "netan"));
        assert!(word_prefix("u.s. official", "u.s"));
        assert!(!word_prefix("bill", ""));
    }

    #[test]
    fn names_are_kept_apart_and_lower_cased() {
        let h = Haystack::new("Rubio Spoke", &["Marco Rubio", "", "Rubio"], None, "Axios");
        let names: Vec<&str> = h.names().map(|(n, _)| n).collect();
        assert_eq!(names, ["marco rubio", "rubio"]);
        assert_eq!(h.actors(), "marco rubio\n\nrubio\n");
        assert_eq!(h.text(), "rubio spoke");
        assert!(h.quote_field().is_none());
        let (_, m) = h.names().next().unwrap();
        assert_eq!(m, letter_mask("marco rubio"));
        assert!(may_hold(h.all_mask(), letter_mask("axios rubio spoke")));
    }
}
