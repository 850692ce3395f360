//! Quotation marks: one tokenizer for every style, then one pairing of the
//! tokens into quoted spans.
//!
//! Styles: straight `"…"`, curly `“…”`, doubled apostrophes `''…''` (and
//! doubled backticks or single curly marks, as some archives write double
//! quotes), guillemets `«…»` / `»…«`, German `„…“`, and single marks `'…'` /
//! `‘…’` used as quotation marks. Marks pair only with marks of their family;
//! marks of another family inside a quote are nested quotes and stay in it.

use crate::span::{Span, is_space};

pub(super) fn is_open_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/')
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Dir {
    Open,
    Close,
    Either,
}

/// Marks pair only within one family.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Family {
    /// `"`, `“ ”`, `„`, `''`, ` `` `.
    Double,
    /// `« »`.
    Guillemet,
    /// `'`, `‘ ’` used as quotation marks (never an apostrophe).
    Single,
}

/// One quotation mark: where, how long, its family and the way it faces.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) struct Mark {
    pub(super) at: usize,
    pub(super) len: usize,
    pub(super) family: Family,
    pub(super) dir: Dir,
}

impl Mark {
    fn end(&self) -> usize {
        self.at + self.len
    }
}

/// Whether `c` is a character of some quotation mark.
fn is_mark_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '\'' | '‘' | '’' | '`'
    )
}

/// Whether a character before a mark leaves the mark free to open.
fn opens_after(p: Option<char>) -> bool {
    p.is_none_or(|p| is_space(p) || is_open_punct(p) || is_mark_char(p))
}

/// Whether a character after a mark leaves the mark free to close.
fn closes_before(n: Option<char>) -> bool {
    n.is_none_or(|n| {
        is_space(n) || matches!(n, ',' | '.' | ';' | ':' | ')' | ']' | '?' | '!' | '—' | '–')
    })
}

/// The direction of a double mark (or guillemet) from its neighbours.
fn double_dir(c: char, prev: Option<char>, next: Option<char>) -> Dir {
    let prev_space = prev.is_none_or(|p| is_space(p) || is_open_punct(p));
    let next_space = closes_before(next);
    match c {
        // Opening by shape; closing only where it plainly ends a word
        // (German `„…“`, Danish `»…«`).
        '“' | '„' | '«' => {
            if next_space && !prev_space {
                Dir::Close
            } else {
                Dir::Open
            }
        }
        '”' | '»' => {
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

/// Words written with a leading apostrophe: "'em", "'til", "rock 'n' roll".
const ELIDED: &[&str] = &[
    "em", "til", "n", "cause", "tis", "twas", "bout", "round", "nother", "cept", "s",
];

/// A single mark, `'` `‘` or `’`, as a quotation mark: it opens before a
/// word it does not elide and closes after a word when no letter follows;
/// otherwise (don't, '90s, voters' choice) it is an apostrophe.
fn single_dir(text: &str, at: usize, c: char, prev: Option<char>) -> Option<Dir> {
    let after = &text[at + c.len_utf8()..];
    let next = after.chars().next();
    if c != '’' && opens_after(prev) && next.is_some_and(char::is_alphanumeric) {
        let word: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        let digits = word.trim_end_matches('s');
        let year =
            !digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit());
        let elided = ELIDED.contains(&word.as_str())
            && after[word.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
        return (!year && !elided).then_some(Dir::Open);
    }
    if c != '‘' && prev.is_some_and(|p| !is_space(p)) && closes_before(next) {
        // The second mark of "rock 'n' roll".
        let elision = text[..at]
            .strip_suffix('n')
            .and_then(|b| b.strip_suffix(['\'', '‘', '’']));
        if elision.is_some_and(|b| b.chars().next_back().is_none_or(is_space)) {
            return None;
        }
        // "the voters’ choice": a plural possessive before a lower-case word.
        let possessive = prev == Some('s')
            && after.starts_with(' ')
            && after[1..].chars().next().is_some_and(char::is_lowercase);
        return (!possessive).then_some(Dir::Close);
    }
    None
}

/// Every quotation mark of `text` inside `within`, in text order.
pub(super) fn tokenize(text: &str, within: Span) -> Vec<Mark> {
    let body = within.slice(text);
    let mut out = Vec::new();
    let mut it = body.char_indices().peekable();
    let mut prev: Option<char> = text[..within.start].chars().next_back();
    while let Some((i, c)) = it.next() {
        let at = within.start + i;
        let next_c = it.peek().map(|&(_, n)| n);
        // Doubled single marks are one double mark: `''`, ` `` `, `‘‘`, `’’`.
        let doubled = matches!(c, '\'' | '`' | '‘' | '’') && next_c == Some(c);
        if doubled {
            let len = 2 * c.len_utf8();
            // Three apostrophes after a word are a possessive and a closing
            // `''`; before a word, an opening `''` and a nested single (left
            // for the next round).
            let third = text[at + len..].starts_with(c);
            let closing_third = third && prev.is_some_and(|p| !is_space(p));
            let at = if closing_third { at + c.len_utf8() } else { at };
            let p = text[..at].chars().next_back();
            let n = text[at + len..].chars().next();
            let dir = match c {
                '`' | '‘' => Dir::Open,
                '’' => Dir::Close,
                _ => double_dir('"', p, n),
            };
            out.push(Mark {
                at,
                len,
                family: Family::Double,
                dir,
            });
            it.next();
            if closing_third {
                it.next();
            }
            prev = Some(c);
            continue;
        }
        let next = text[at + c.len_utf8()..].chars().next();
        let mark = match c {
            '"' | '“' | '”' | '„' => Some((Family::Double, double_dir(c, prev, next))),
            '«' | '»' => Some((Family::Guillemet, double_dir(c, prev, next))),
            '\'' | '‘' | '’' => single_dir(text, at, c, prev).map(|d| (Family::Single, d)),
            _ => None,
        };
        if let Some((family, dir)) = mark {
            out.push(Mark {
                at,
                len: c.len_utf8(),
                family,
                dir,
            });
        }
        prev = Some(c);
    }
    out
}

/// One part of a quote: from its opening mark to its closing mark (or the
/// paragraph end), and the words inside the marks.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(super) struct Part {
    pub(super) span: Span,
    pub(super) inner: Span,
}

/// A quoted stretch before merging: its parts (mark to mark) and paragraph.
#[derive(Debug, Clone)]
pub(super) struct Raw {
    pub(super) parts: Vec<Part>,
    /// Paragraph index of the first and the last part.
    pub(super) para_first: usize,
    pub(super) para_last: usize,
    /// The family of its marks.
    pub(super) family: Family,
    /// For a quote never closed: the pairs of marks inside it, which are
    /// the quotes when its opening mark turns out a stray.
    pub(super) nested: Vec<Part>,
}

/// A quote being read: its family, nesting depth and first mark, and the
/// pairs closed inside it (see `Raw::nested`).
struct Open {
    family: Family,
    depth: usize,
    start: Mark,
    inner_open: Option<Mark>,
    nested: Vec<Part>,
}

impl Open {
    fn new(start: Mark) -> Self {
        Open {
            family: start.family,
            depth: 1,
            start,
            inner_open: None,
            nested: Vec::new(),
        }
    }
}

/// The text of a mark ("“", "''").
fn mark_text(text: &str, m: Mark) -> &str {
    Span::new(m.at, m.end()).slice(text)
}

/// Pairs the quotation marks of every paragraph into quoted spans. Single
/// marks quote only in a text that quotes with no double marks, or only
/// inside single ones.
pub(super) fn pair_marks(text: &str, paras: &[Span]) -> Vec<Raw> {
    let marks: Vec<Vec<Mark>> = paras.iter().map(|&p| tokenize(text, p)).collect();
    let double_opens = || {
        marks
            .iter()
            .flatten()
            .filter(|m| m.family != Family::Single && m.dir != Dir::Close)
    };
    if double_opens().next().is_none() {
        return pair_some(text, paras, &marks, |_| true);
    }
    // Single marks quote where every double mark is inside a single-quoted
    // span (British style: ‘He called it “a toll”,’ she said.); elsewhere
    // they are headline style, nested or apostrophes.
    let singles = pair_some(text, paras, &marks, |m| m.family == Family::Single);
    let nested = |m: &Mark| {
        singles
            .iter()
            .flat_map(|r| &r.parts)
            .any(|p| p.inner.contains_pos(m.at))
    };
    if !singles.is_empty() && double_opens().all(nested) {
        return pair_some(text, paras, &marks, |_| true);
    }
    pair_some(text, paras, &marks, |m| m.family != Family::Single)
}

/// Pairs the marks `keep` admits, paragraph by paragraph.
fn pair_some(
    text: &str,
    paras: &[Span],
    marks: &[Vec<Mark>],
    keep: impl Fn(&Mark) -> bool,
) -> Vec<Raw> {
    let mut out: Vec<Raw> = Vec::new();
    // A quote left open at the end of the previous paragraph.
    let mut carry: Option<Raw> = None;
    for (pi, (para, marks)) in paras.iter().zip(marks).enumerate() {
        let marks: Vec<Mark> = marks.iter().copied().filter(|m| keep(m)).collect();
        let mut open: Option<Open> = None;
        let mut idx = 0;
        if let Some(c) = carry.take() {
            // Continues only when the paragraph opens with the mark that
            // opened it (a curly quote is not continued by a straight one).
            let opener = c
                .parts
                .last()
                .map(|p| Span::new(p.span.start, p.inner.start));
            match marks.first() {
                Some(&m)
                    if m.at == para.start
                        && m.dir != Dir::Close
                        && opener.map(|o| o.slice(text)) == Some(mark_text(text, m)) =>
                {
                    open = Some(Open::new(m));
                    idx = 1;
                    carry = Some(c);
                }
                _ => finish_open(&mut out, c),
            }
        }
        while idx < marks.len() {
            let m = marks[idx];
            idx += 1;
            let Some(o) = open.as_mut() else {
                if m.dir != Dir::Close {
                    open = Some(Open::new(m));
                }
                continue;
            };
            if m.family != o.family {
                continue;
            }
            match m.dir {
                Dir::Open => o.depth += 1,
                Dir::Close | Dir::Either => o.depth -= 1,
            }
            if o.depth == 2 && m.dir != Dir::Close {
                o.inner_open = Some(m);
            }
            if o.depth == 1
                && let Some(inner) = o.inner_open.take()
            {
                o.nested.push(Part {
                    span: Span::new(inner.at, m.end()),
                    inner: Span::new(inner.end(), m.at),
                });
            }
            if o.depth > 0 {
                continue;
            }
            let part = Part {
                span: Span::new(o.start.at, m.end()),
                inner: Span::new(o.start.end(), m.at),
            };
            let family = o.family;
            open = None;
            match carry.take() {
                Some(mut c) => {
                    c.parts.push(part);
                    c.para_last = pi;
                    out.push(c);
                }
                None => out.push(Raw {
                    parts: vec![part],
                    para_first: pi,
                    para_last: pi,
                    family,
                    nested: Vec::new(),
                }),
            }
        }
        if let Some(o) = open {
            // Open at the paragraph end: the quote may run on.
            let part = Part {
                span: Span::new(o.start.at, para.end),
                inner: Span::new(o.start.end(), para.end),
            };
            match carry.as_mut() {
                Some(c) => {
                    c.parts.push(part);
                    c.para_last = pi;
                }
                None => {
                    carry = Some(Raw {
                        parts: vec![part],
                        para_first: pi,
                        para_last: pi,
                        family: o.family,
                        nested: o.nested,
                    })
                }
            }
        }
    }
    if let Some(c) = carry {
        finish_open(&mut out, c);
    }
    out
}

/// A quote still open where no paragraph continues it: kept up to its
/// paragraph's end, unless it is single marks (then the opening one was
/// an apostrophe after all) and never closed, or it holds closed pairs of
/// its family ("\"Trump walked on, chanting “U-S-A!”": its opening mark is
/// a stray, and the pairs inside are the quotes).
fn finish_open(out: &mut Vec<Raw>, c: Raw) {
    if c.parts.len() == 1 && !c.nested.is_empty() {
        out.extend(c.nested.iter().map(|&part| Raw {
            parts: vec![part],
            nested: Vec::new(),
            ..c
        }));
        return;
    }
    if c.family == Family::Single && c.parts.len() == 1 {
        return;
    }
    out.push(c);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        let paras = crate::text::paragraphs(text);
        pair_marks(text, &paras)
            .into_iter()
            .flat_map(|r| r.parts)
            .map(|p| p.inner.slice(text))
            .collect()
    }

    #[test]
    fn every_double_style_pairs() {
        assert_eq!(quoted("He said \"go now\" twice."), ["go now"]);
        assert_eq!(quoted("He said “go now” twice."), ["go now"]);
        assert_eq!(quoted("He said ''go now'' twice."), ["go now"]);
        assert_eq!(quoted("He said ``go now'' twice."), ["go now"]);
        assert_eq!(quoted("Il a dit « partez » hier."), [" partez "]);
        assert_eq!(quoted("Er sagte „geht jetzt“ gestern."), ["geht jetzt"]);
        assert_eq!(quoted("Han sagde »gå nu« i går."), ["gå nu"]);
    }

    #[test]
    fn doubled_apostrophes_next_to_a_possessive_or_nested_single() {
        let t = "''We drove past the Joneses''' he said.";
        assert_eq!(quoted(t), ["We drove past the Joneses'"]);
        let t = "He said '''Not now' was all I heard.''";
        assert_eq!(quoted(t), ["'Not now' was all I heard."]);
    }

    #[test]
    fn nested_marks_of_another_family_stay_inside() {
        let t = "\"She told me, 'Wait here,' and left,\" he said.";
        assert_eq!(quoted(t), ["She told me, 'Wait here,' and left,"]);
        let t = "''I read the sign, \"Closed,\" and went home,'' he said.";
        assert_eq!(quoted(t), ["I read the sign, \"Closed,\" and went home,"]);
    }

    #[test]
    fn single_marks_quote_only_where_no_double_marks_do() {
        let t = "‘We will not move the depot,’ the mayor said. Nobody’s road is safe.";
        assert_eq!(quoted(t), ["We will not move the depot,"]);
        let t = "'Rock 'n' roll lives in the '90s,' said the DJ.";
        assert_eq!(quoted(t), ["Rock 'n' roll lives in the '90s,"]);
        // With double quotes about, singles are headline style or nested.
        let t = "Mayor Says Depot ‘Stays’\n\n“It stays,” she said.";
        assert_eq!(quoted(t), ["It stays,"]);
        // Unless every double mark is inside single ones: British style.
        let t = "‘It is a “toll”, not a levy,’ said Mr Kerrigan.\n\n‘We pay,’ he added.";
        assert_eq!(quoted(t), ["It is a “toll”, not a levy,", "We pay,"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quoted("The voters’ choice wasn’t hers; it's theirs, ’til May.").is_empty());
        assert!(quoted("Bring 'em in before the '08 rush, said Jo's aunt.").is_empty());
    }

    #[test]
    fn a_stray_opening_mark_leaves_the_pairs_after_it() {
        let t = "\"The mayor walked onto the stage, chanting “We won! We won!”\n\n                 “That’s right,” an aide said.";
        assert_eq!(quoted(t), ["We won! We won!", "That’s right,"]);
        // A straight mark does not continue a curly quote, nor the reverse.
        let t = "“We waited for years.\n\n\"Now we go,\" she said.";
        assert_eq!(quoted(t), ["We waited for years.", "Now we go,"]);
    }

    #[test]
    fn quote_runs_on_across_paragraphs_of_its_own_family() {
        let t = "‘We waited for years.\n\n‘Now we go,’ she said.";
        assert_eq!(quoted(t), ["We waited for years.", "Now we go,"]);
        let t = "''We waited for years.\n\n''Now we go,'' she said.";
        assert_eq!(quoted(t), ["We waited for years.", "Now we go,"]);
    }
}
