//! Byte spans into a text, and the few operations the extractor needs on
//! them. Every byte offset the core computes goes through this type, so
//! that no arithmetic on offsets can cut a character in two or run past
//! the end of a text: each operation that takes a text returns a span that
//! is inside it and on character boundaries, and [`Span::slice`] never
//! panics.

use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` into a text, so that `text[start..end]` is
/// exactly the passage an event or quote came from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// The span between two offsets, in whichever order they come.
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: start.min(end),
            end: start.max(end),
        }
    }

    /// The empty span at `at`.
    pub fn at(at: usize) -> Self {
        Span { start: at, end: at }
    }

    /// The whole of `text`.
    pub fn whole(text: &str) -> Self {
        Span::new(0, text.len())
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start >= self.end
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn contains_pos(self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span moved `by` bytes later (a span of a slice made a span of
    /// the text the slice was taken from).
    pub fn shift(self, by: usize) -> Span {
        Span::new(self.start.saturating_add(by), self.end.saturating_add(by))
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The part of this span that lies inside `other` (empty, at the nearer
    /// edge, when they do not meet).
    pub fn within(self, other: Span) -> Span {
        let start = self.start.clamp(other.start, other.end);
        let end = self.end.clamp(start, other.end.max(start));
        Span::new(start, end)
    }

    /// The span inside `text` and on its character boundaries, shrunk
    /// inwards where an end falls inside a character.
    pub fn clamp(self, text: &str) -> Span {
        let start = ceil_char(text, self.start);
        let end = floor_char(text, self.end).max(start);
        Span { start, end }
    }

    /// Like [`Span::clamp`], but grown outwards to whole characters.
    pub fn snap_out(self, text: &str) -> Span {
        let start = floor_char(text, self.start);
        let end = ceil_char(text, self.end).max(start);
        Span { start, end }
    }

    /// The span shrunk to exclude white space at either end (Unicode
    /// white space and the zero-width spaces, see [`is_space`]).
    pub fn trim(self, text: &str) -> Span {
        let s = self.clamp(text);
        let inner = &text[s.start..s.end];
        let lead = inner.len() - inner.trim_start_matches(is_space).len();
        let kept = inner.trim_matches(is_space).len();
        Span::new(s.start + lead, s.start + lead + kept)
    }

    /// `text[start..end]` when that is a valid slice.
    pub fn get(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }

    /// The text of the span, after [`Span::clamp`]: never panics.
    pub fn slice(self, text: &str) -> &str {
        let s = self.clamp(text);
        &text[s.start..s.end]
    }

    /// The span as a range, for APIs that take one.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl From<[usize; 2]> for Span {
    fn from(v: [usize; 2]) -> Self {
        Span::new(v[0], v[1])
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> Self {
        [s.start, s.end]
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// The largest character boundary of `text` not above `i` (its length when
/// `i` is past the end).
pub fn floor_char(text: &str, i: usize) -> usize {
    text.floor_char_boundary(i)
}

/// The smallest character boundary of `text` not below `i` (its length when
/// `i` is past the end).
pub fn ceil_char(text: &str, i: usize) -> usize {
    text.ceil_char_boundary(i)
}

/// At most the first `max` bytes of `text`, cut at a character boundary.
pub fn head(text: &str, max: usize) -> &str {
    &text[..floor_char(text, max)]
}

/// At most the last `max` bytes of `text`, cut at a character boundary.
pub fn tail(text: &str, max: usize) -> &str {
    &text[ceil_char(text, text.len().saturating_sub(max))..]
}

/// The boundary after the character that starts at or covers `i`.
pub fn next_char(text: &str, i: usize) -> usize {
    let i = floor_char(text, i);
    text[i..].chars().next().map_or(i, |c| i + c.len_utf8())
}

/// White space as a reader sees it: Unicode white space (no-break space,
/// thin space, ideographic space...) and the zero-width spaces and joiners
/// that web pages put between words.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{180e}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamp_and_snap_stay_on_char_boundaries() {
        let t = "a\u{a0}b’c"; // 1 + 2 + 1 + 3 + 1 bytes
        assert_eq!(Span::new(2, 5).clamp(t), Span::new(3, 4));
        assert_eq!(Span::new(2, 5).snap_out(t), Span::new(1, 7));
        assert_eq!(Span::new(5, 100).clamp(t), Span::new(7, 8));
        assert_eq!(Span::new(50, 100).clamp(t), Span::at(8));
        // An inward clamp inside one character is empty, never inverted.
        assert_eq!(Span::new(5, 6).clamp(t), Span::at(7));
        assert_eq!(Span::new(5, 6).slice(t), "");
        assert_eq!(Span::new(2, 5).slice(t), "b");
    }

    #[test]
    fn new_orders_its_ends_and_serde_keeps_them() {
        assert_eq!(Span::new(7, 6), Span::new(6, 7));
        let s: Span = serde_json::from_str("[9, 3]").unwrap();
        assert_eq!(s, Span::new(3, 9));
        assert_eq!(serde_json::to_string(&s).unwrap(), "[3,9]");
    }

    #[test]
    fn trim_knows_unicode_and_zero_width_space() {
        let t = "\u{a0}\u{200b} said\u{3000}\u{2009}";
        let s = Span::whole(t).trim(t);
        assert_eq!(s.slice(t), "said");
        assert_eq!(Span::at(0).trim(t), Span::at(0));
    }

    #[test]
    fn join_within_and_shift() {
        let a = Span::new(2, 5);
        assert_eq!(a.join(Span::new(8, 9)), Span::new(2, 9));
        assert_eq!(a.within(Span::new(3, 10)), Span::new(3, 5));
        assert_eq!(a.within(Span::new(6, 10)), Span::at(6));
        assert_eq!(a.shift(10), Span::new(12, 15));
        assert_eq!(Span::new(1, usize::MAX).shift(5).end, usize::MAX);
    }

    #[test]
    fn next_char_steps_over_whole_characters() {
        let t = "s\u{a0}x";
        assert_eq!(next_char(t, 1), 3);
        assert_eq!(next_char(t, 2), 3);
        assert_eq!(next_char(t, 4), 4);
    }
}
