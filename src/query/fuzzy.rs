//! The fuzzy engine behind the filter's words, in one place.
//!
//! A fuzzy word counts only when it matches strongly: close to what it
//! would score as a run of letters. A scattered subsequence across a long
//! sentence does not count, so short words do not match everything.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// A fuzzy matcher for one lower-case word, matched against lower-case
/// fields. An engine may keep scratch space, hence `&mut self`.
pub trait Fuzzy {
    fn new(needle: &str) -> Self;
    /// The score of a strong match of the word in `hay`, or `None`.
    fn score(&mut self, hay: &str) -> Option<i64>;
    /// Char positions in `hay` of a strong match, or `None`.
    fn indices(&mut self, hay: &str) -> Option<Vec<usize>>;
}

/// fuzzy-matcher's skim algorithm (V2).
pub struct Skim {
    needle: String,
    threshold: i64,
    skim: SkimMatcherV2,
}

impl Fuzzy for Skim {
    fn new(needle: &str) -> Skim {
        // Skim gives about 16 a letter plus bonuses, minus penalties for
        // gaps; 14 a letter still reads as the word itself.
        let n = needle.chars().count() as i64;
        Skim {
            needle: needle.to_string(),
            threshold: if n <= 1 { 1 } else { 14 * n },
            skim: SkimMatcherV2::default().ignore_case(),
        }
    }

    fn score(&mut self, hay: &str) -> Option<i64> {
        let s = self.skim.fuzzy_match(hay, &self.needle)?;
        (s >= self.threshold).then_some(s)
    }

    fn indices(&mut self, hay: &str) -> Option<Vec<usize>> {
        let (s, idx) = self.skim.fuzzy_indices(hay, &self.needle)?;
        (s >= self.threshold).then_some(idx)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// What any engine must do with the filter's kind of text.
    pub fn strong_matches_only<F: Fuzzy>() {
        let long =
            "officials in washington remain doubtful that either side is ready to pursue diplomacy";
        assert!(F::new("bibi").score(long).is_none());
        assert!(F::new("too late").score("i said 'too late!'").is_some());
        assert!(F::new("late").score("i said 'too late!'").is_some());
        assert!(F::new("bibi").score("bibi").is_some());
        assert!(
            F::new("ntnyhu").score("netanyahu called").is_some(),
            "close fuzzy still matches"
        );
        assert!(F::new("o").score("yes, oil").is_some());
        assert_eq!(F::new("oil").indices("the oil price"), Some(vec![4, 5, 6]));
        assert_eq!(
            F::new("oil").indices("“é” oil"),
            Some(vec![4, 5, 6]),
            "char positions, not bytes"
        );
        assert!(F::new("bibi").indices(long).is_none());
    }

    #[test]
    fn skim_matches_strongly() {
        strong_matches_only::<Skim>();
    }
}
