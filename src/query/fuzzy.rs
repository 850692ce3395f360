//! The fuzzy engine behind the filter's words, in one place.
//!
//! A fuzzy word counts only when it matches strongly: all of its letters,
//! in order, close to a run of letters. A scattered subsequence across a
//! long sentence does not count, so short words do not match everything.

use crate::span::{Span, ceil_char, floor_char, next_char};
use frizbee::{CaseMatching, Config, Matcher};

/// A fuzzy matcher for one lower-case word, matched against lower-case
/// fields. An engine may keep scratch space, hence `&mut self`.
pub trait Fuzzy {
    fn new(needle: &str) -> Self;
    /// The score of a strong match of the word in `hay`, or `None`.
    fn score(&mut self, hay: &str) -> Option<i64>;
    /// Char positions in `hay` of a strong match, or `None`.
    fn indices(&mut self, hay: &str) -> Option<Vec<usize>>;
}

/// The longest haystack frizbee aligns in full (its Smith-Waterman
/// matrix); past it, it falls back to a greedy match that misses words
/// late in the text. Longer fields are matched in overlapping windows.
const WINDOW: usize = 1024;

/// frizbee: SIMD Smith-Waterman with affine gaps, as fzf scores.
///
/// On lower-case text a run of letters scores 16 a letter (4 more at the
/// start of a word, 12 at the start of the field); a gap costs 5 plus 1 a
/// further char. A match is strong at 13 a letter: "ntnyhu" in "netanyahu"
/// (three one-letter gaps) is, "bi…bi" across two words is not. frizbee
/// also aligns with skipped or replaced letters (typo tolerance: "reuters"
/// would match "reporters"), so only alignments that use every letter of
/// the word count.
pub struct Frizbee {
    matcher: Matcher,
    /// The word's length in bytes: a full alignment has one index a byte.
    bytes: usize,
    threshold: u16,
    /// Bytes shared by neighbouring windows: a strong match spans at most
    /// the word plus its gaps (16 - 13 = 3 a letter, plus bonuses).
    overlap: usize,
}

impl Fuzzy for Frizbee {
    fn new(needle: &str) -> Frizbee {
        let config = Config {
            casing: CaseMatching::Ignore,
            max_typos: Some(0),
            ..Config::default()
        };
        let n = needle.chars().count();
        Frizbee {
            matcher: Matcher::new(needle, &config),
            bytes: needle.len(),
            threshold: if n <= 1 {
                1
            } else {
                (13 * n).min(u16::MAX as usize) as u16
            },
            overlap: (8 * needle.len() + 32).min(WINDOW / 2),
        }
    }

    fn score(&mut self, hay: &str) -> Option<i64> {
        self.best(hay).map(|(s, _)| s as i64)
    }

    fn indices(&mut self, hay: &str) -> Option<Vec<usize>> {
        let (_, mut bytes) = self.best(hay)?;
        bytes.sort_unstable();
        // Byte offsets to char positions (a multi-byte char is one).
        let mut out = Vec::with_capacity(bytes.len());
        let mut next = bytes.iter().peekable();
        for (pos, (b, c)) in hay.char_indices().enumerate() {
            let end = b + c.len_utf8();
            let mut hit = false;
            while next.next_if(|&&i| (i as usize) < end).is_some() {
                hit = true;
            }
            if hit {
                out.push(pos);
            }
            if next.peek().is_none() {
                break;
            }
        }
        Some(out)
    }
}

impl Frizbee {
    /// The best strong match over the windows of `hay`: its score and the
    /// byte offsets of the letters used.
    fn best(&mut self, hay: &str) -> Option<(u16, Vec<u32>)> {
        let mut best: Option<(u16, Vec<u32>)> = None;
        for (start, window) in windows(hay, self.overlap) {
            let Some(m) = self.matcher.match_one_indices(window, 0) else {
                continue;
            };
            if m.score < self.threshold
                || m.indices.len() != self.bytes
                || best.as_ref().is_some_and(|(s, _)| *s >= m.score)
            {
                continue;
            }
            let offset = start as u32;
            best = Some((m.score, m.indices.iter().map(|i| i + offset).collect()));
        }
        best
    }
}

/// `hay` whole when it fits a window, else windows of at most `WINDOW`
/// bytes, each starting `overlap` bytes before the previous one ends.
fn windows(hay: &str, overlap: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let s = start?;
        // A window holds at least one character, and the next starts past
        // this one's start, so the windows always move on.
        let end = floor_char(hay, s + WINDOW).max(next_char(hay, s));
        start = if end >= hay.len() {
            None
        } else {
            Some(ceil_char(hay, end.saturating_sub(overlap)).max(next_char(hay, s)))
        };
        Some((s, Span::new(s, end).slice(hay)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frizbee_matches_strongly() {
        type F = Frizbee;
        let long =
            "officials in washington remain doubtful that either side is ready to pursue diplomacy";
        assert!(F::new("bibi").score(long).is_none());
        assert!(F::new("bibi").indices(long).is_none());
        assert!(
            F::new("bibi")
                .score("on the bilateral talks in binding form")
                .is_none()
        );
        assert!(F::new("late").score("i said 'too late!'").is_some());
        assert!(F::new("bibi").score("bibi").is_some());
        assert!(F::new("ntnyhu").score("the netanyahu government").is_some());
        assert!(F::new("kwlski").score("aisha kowalski").is_some());
        assert!(F::new("o").score("yes, oil").is_some());
        assert!(
            F::new("reuters")
                .score("told reporters on sunday")
                .is_none(),
            "a letter of the word missing is not a match"
        );
        assert!(F::new("reuters").score("told reuters on sunday").is_some());
        // A run scores higher than a word with gaps, and a word start more.
        let s = |w: &str, h: &str| F::new(w).score(h).unwrap();
        assert!(s("late", "too late") > s("late", "translated"));
        assert!(s("late", "translated") > s("late", "the lxatxe"));
    }

    #[test]
    fn indices_are_char_positions_of_every_letter() {
        type F = Frizbee;
        assert_eq!(F::new("oil").indices("the oil price"), Some(vec![4, 5, 6]));
        assert_eq!(F::new("oil").indices("“é” oil"), Some(vec![4, 5, 6]));
        assert_eq!(F::new("ré").indices("le rébus"), Some(vec![3, 4]));
        assert_eq!(
            F::new("ntnyhu").indices("netanyahu"),
            Some(vec![0, 2, 4, 5, 7, 8])
        );
    }

    #[test]
    fn long_fields_are_matched_in_windows() {
        let filler = "lorem ipsum dolor sit amet, ".repeat(80);
        let late = format!("b{filler} the white house told bibi");
        assert!(late.len() > 2 * WINDOW);
        let mut f = Frizbee::new("bibi");
        assert!(f.score(&late).is_some(), "a word past the first window");
        let at = late.chars().count() - 4;
        assert_eq!(f.indices(&late), Some((at..at + 4).collect()));
        // A word across a window's edge is inside the next window.
        for pad in 1000..1030 {
            let hay = format!("{}bibi {filler}", "é".repeat(pad / 2));
            assert!(f.score(&hay).is_some(), "{pad}");
        }
        assert!(Frizbee::new("zq").score(&late).is_none());
    }

    #[test]
    fn windows_cover_the_text_at_char_boundaries() {
        let hay = "aé".repeat(1500);
        let w: Vec<(usize, &str)> = windows(&hay, 100).collect();
        assert!(w.len() >= 5);
        assert_eq!(w[0].0, 0);
        assert!(w.iter().all(|(_, s)| s.len() <= WINDOW));
        assert!(
            w.windows(2)
                .all(|p| p[1].0 + 100 <= p[0].0 + p[0].1.len() + 1)
        );
        let (s, last) = w[w.len() - 1];
        assert_eq!(s + last.len(), hay.len());
        assert_eq!(windows("short", 100).count(), 1);
    }
}
