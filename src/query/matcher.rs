//! Scoring items against one parsed query, and the highlight positions
//! of what matched.

use super::fuzzy::{Frizbee, Fuzzy};
use super::haystack::{letter_mask, may_hold, word_prefix};
use super::{Field, Haystack, Kind, Mode, Query, Term};
use crate::model::DateInfo;
use crate::timeline::Item;

/// How a row's date sits against a date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFit {
    /// The whole interval lies in the range (or there is no range).
    Inside,
    /// The interval overlaps the range but is wider: a month row in a
    /// one-day range.
    Wider,
    Outside,
}

pub fn date_fit(
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
    d: &DateInfo,
) -> DateFit {
    if from.is_some_and(|f| d.end < f) || to.is_some_and(|t| d.start > t) {
        DateFit::Outside
    } else if from.is_some_and(|f| d.start < f) || to.is_some_and(|t| d.end > t) {
        DateFit::Wider
    } else {
        DateFit::Inside
    }
}

/// The engine the filter uses for fuzzy words.
pub type DefaultEngine = Frizbee;

/// One word of the query, ready to match.
struct Word<F> {
    term: Term,
    /// The word's letters, to set aside fields that lack one.
    mask: u64,
    chars: i64,
    /// The engine, for fuzzy words.
    fuzzy: Option<F>,
}

/// Scores items against a query: `None` when an item does not match.
/// Made once per query (and per thread); fuzzy engines keep scratch space.
pub struct Matcher<F = DefaultEngine> {
    words: Vec<Word<F>>,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
    wider: bool,
    kind: Option<Kind>,
}

impl Matcher<DefaultEngine> {
    pub fn new(q: &Query) -> Self {
        Matcher::with_engine(q)
    }
}

impl<F: Fuzzy> Matcher<F> {
    pub fn with_engine(q: &Query) -> Self {
        let words = q
            .terms
            .iter()
            .map(|t| Word {
                term: t.clone(),
                mask: letter_mask(&t.text),
                chars: t.text.chars().count() as i64,
                fuzzy: (t.mode == Mode::Fuzzy).then(|| F::new(&t.text)),
            })
            .collect();
        Matcher {
            words,
            from: q.from,
            to: q.to,
            wider: q.wider,
            kind: q.kind,
        }
    }

    /// The item's score, higher is better.
    pub fn score(&mut self, item: &Item, h: &Haystack) -> Option<i64> {
        match self.score_fit(item, h)? {
            (s, DateFit::Inside) => Some(s),
            (s, _) if self.wider => Some(s),
            _ => None,
        }
    }

    /// The score of an item that matches the words and kind and overlaps
    /// the date range, with how its date sits in the range.
    pub fn score_fit(&mut self, item: &Item, h: &Haystack) -> Option<(i64, DateFit)> {
        let fit = date_fit(self.from, self.to, &item.date);
        if fit == DateFit::Outside {
            return None;
        }
        match self.kind {
            Some(Kind::Quote) if !h.is_quote() => return None,
            Some(Kind::Event) if h.is_quote() => return None,
            _ => {}
        }
        let mut total = 0;
        for w in &mut self.words {
            match (w.score(h), w.term.negate) {
                (Some(_), true) | (None, false) => return None,
                (Some(s), false) => total += s,
                (None, true) => {}
            }
        }
        Some((total, fit))
    }

    /// Char positions of `text` matched by the query's positive words.
    pub fn highlight(&mut self, text: &str) -> Vec<usize> {
        // Lower-case as the haystacks are, remembering where each lower-case
        // char came from (a few chars lower-case to more than one).
        let mut lower = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        for (i, c) in text.chars().enumerate() {
            for l in c.to_lowercase() {
                lower.push(l);
                origin.push(i);
            }
        }
        let mut out = Vec::new();
        for w in self
            .words
            .iter_mut()
            .filter(|w| !w.term.negate && matches!(w.term.field, Field::Any | Field::Quote))
        {
            if let Some(f) = &mut w.fuzzy {
                if let Some(idx) = f.indices(&lower) {
                    out.extend(idx.into_iter().map(|i| origin[i]));
                }
            } else if let Some(b) = lower.find(&w.term.text) {
                let start = lower[..b].chars().count();
                out.extend((start..start + w.chars as usize).map(|i| origin[i]));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

impl<F: Fuzzy> Word<F> {
    /// The best score among the fields the word looks at. Each actor name is
    /// matched on its own: letters taken from two names ("ru-bi-o | ru-bi-o")
    /// are not a match for "bibi".
    fn score(&mut self, h: &Haystack) -> Option<i64> {
        let field = self.term.field;
        // A name word is a word of a name: `@bill` is Bill Clinton, not the
        // letters b-i-l-l somewhere in "Karen Bobadilla".
        let by_word = self.term.mode == Mode::Fuzzy;
        if field == Field::Speaker {
            let sp = h.speaker()?;
            let hit = if by_word {
                word_prefix(sp, &self.term.text)
            } else {
                self.field_score(sp).is_some()
            };
            return hit.then_some(20 * self.chars);
        }
        if field == Field::Actor && by_word {
            let t = &self.term.text;
            return h
                .names()
                .any(|(n, _)| word_prefix(n, t))
                .then_some(20 * self.chars);
        }
        if field == Field::Any && !may_hold(h.all_mask(), self.mask) {
            return None;
        }
        let any = field == Field::Any;
        let text = any.then(|| h.text_field());
        let quote = matches!(field, Field::Any | Field::Quote)
            .then(|| h.quote_field())
            .flatten();
        let outlets = matches!(field, Field::Any | Field::Outlet).then(|| h.outlets_field());
        let names = matches!(field, Field::Any | Field::Actor)
            .then(|| h.names())
            .into_iter()
            .flatten();
        let mask = self.mask;
        let best = text
            .into_iter()
            .chain(outlets)
            .chain(quote)
            .chain(names)
            .filter(|&(_, m)| may_hold(m, mask))
            .filter_map(|(f, _)| self.field_score(f))
            .max();
        // A word found among the actors (an alias, a speaker) ranks first.
        let actor_bonus = if any && self.term.mode == Mode::Fuzzy {
            h.actors().contains(&self.term.text) as i64 * 10 * self.chars
        } else {
            0
        };
        best.map(|b| b + actor_bonus)
    }

    fn field_score(&mut self, f: &str) -> Option<i64> {
        let t = &self.term.text;
        let whole = 20 * self.chars;
        match self.term.mode {
            Mode::Fuzzy => self.fuzzy.as_mut()?.score(f),
            Mode::Exact => f.contains(t.as_str()).then_some(whole),
            Mode::Prefix => f.starts_with(t.as_str()).then_some(whole),
            Mode::Suffix => f
                .trim_end_matches(['.', '”', '"', ' '])
                .ends_with(t.as_str())
                .then_some(whole),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &str) -> Matcher {
        Matcher::new(&Query::parse(q))
    }

    #[test]
    fn letters_from_two_names_do_not_combine() {
        let h = Haystack::new("the secretary spoke", &["Marco Rubio", "Rubio"], None, "");
        assert!(words("bibi").words[0].score(&h).is_none());
        assert!(words("@bibi").words[0].score(&h).is_none());
        let h = Haystack::new(
            "the prime minister spoke",
            &["Benjamin Netanyahu", "Bibi"],
            None,
            "",
        );
        assert!(words("bibi").words[0].score(&h).is_some());
        assert!(words("@bibi").words[0].score(&h).is_some());
        assert!(words("#bibi").words[0].score(&h).is_none(), "not an outlet");
        assert!(words("@netan").words[0].score(&h).is_some());
        assert!(
            words("@ntnyhu").words[0].score(&h).is_none(),
            "whole letters only"
        );
    }

    #[test]
    fn actor_words_are_name_word_prefixes() {
        let h = Haystack::new("x", &["Karen Bobadilla", "Brian Fallon"], None, "");
        assert!(words("@bill").words[0].score(&h).is_none());
        let h = Haystack::new("x", &["Bill Clinton", "Clinton"], None, "");
        assert!(words("@bill").words[0].score(&h).is_some());
        assert!(words("@BILL").words[0].score(&h).is_some());
        let h = Haystack::new("x", &["José Núñez"], None, "");
        assert!(words("@nunez").words[0].score(&h).is_some());
        assert!(words("@núñ").words[0].score(&h).is_some());
    }

    #[test]
    fn date_fit_tells_inside_wider_and_outside() {
        use crate::model::{Basis, Precision};
        let d = |s: u32, e: u32| DateInfo {
            start: chrono::NaiveDate::from_ymd_opt(2026, 3, s).unwrap(),
            end: chrono::NaiveDate::from_ymd_opt(2026, 3, e).unwrap(),
            precision: Precision::Day,
            basis: Basis::Stated,
        };
        let day = |n| chrono::NaiveDate::from_ymd_opt(2026, 3, n);
        assert_eq!(date_fit(day(3), day(3), &d(3, 3)), DateFit::Inside);
        assert_eq!(date_fit(day(3), day(3), &d(1, 31)), DateFit::Wider);
        assert_eq!(date_fit(day(3), day(3), &d(4, 4)), DateFit::Outside);
        assert_eq!(date_fit(None, None, &d(1, 31)), DateFit::Inside);
    }

    #[test]
    fn highlight_agrees_with_the_match() {
        let mut m = words("oil 'price !gas");
        assert_eq!(m.highlight("Oil PRICE up"), vec![0, 1, 2, 4, 5, 6, 7, 8]);
        assert_eq!(
            m.highlight("“Crude” oil"),
            vec![8, 9, 10],
            "char positions past wide quotes"
        );
        // 'İ' lower-cases to two chars; positions still point at the source.
        assert_eq!(words("'price").highlight("İ price"), vec![2, 3, 4, 5, 6]);
        assert_eq!(words("oil").highlight("İ oil"), vec![2, 3, 4]);
        let long = "Officials in Washington remain doubtful that either side is ready";
        assert!(words("bibi").highlight(long).is_empty());
        assert!(words("!oil").highlight("oil").is_empty(), "not negations");
        assert!(words("@oil").highlight("oil").is_empty(), "not actor words");
    }
}
