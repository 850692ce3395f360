//! Temporal expressions: finding them in a sentence and resolving them
//! against the publication date of the article that states them.

use crate::model::DateInfo;
use chrono::NaiveDate;

/// One temporal expression found in a text, with its byte range in that text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub date: DateInfo,
}

/// Finds and resolves every temporal expression in `text` (one sentence).
/// `previous` is the date of the sentence before ("the same day").
pub fn find_dates(
    _text: &str,
    _published: NaiveDate,
    _previous: Option<DateInfo>,
) -> Vec<DateMention> {
    Vec::new()
}

/// Parses a date stamp as bylines and social posts write it:
/// "March 5, 2026", "Mar 05, 2026", "3:24 AM · Mar 4, 2026", "2026-03-04".
pub fn parse_stamp(_s: &str) -> Option<NaiveDate> {
    None
}
