//! The filter's first fuzzy engine, fuzzy-matcher's skim (V2), kept here
//! as the reference the bench times frizbee against.

use dateline::query::Fuzzy;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub struct Skim {
    needle: String,
    threshold: i64,
    skim: SkimMatcherV2,
}

impl Fuzzy for Skim {
    fn new(needle: &str) -> Skim {
        // Skim gives about 16 a letter plus bonuses, minus penalties for
        // gaps; 14 a letter was taken to read as the word itself.
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
mod tests {
    use super::*;

    #[test]
    fn skim_matches_strongly() {
        let long =
            "officials in washington remain doubtful that either side is ready to pursue diplomacy";
        assert!(Skim::new("bibi").score(long).is_none());
        assert!(Skim::new("late").score("i said 'too late!'").is_some());
        assert!(Skim::new("ntnyhu").score("netanyahu called").is_some());
        assert_eq!(Skim::new("oil").indices("“é” oil"), Some(vec![4, 5, 6]));
    }
}
