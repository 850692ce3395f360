//! The pairing of quotation marks.

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

/// A double quotation mark and the way it faces.
pub(super) fn mark_dir(text: &str, i: usize, c: char) -> Dir {
    let prev = text[..i].chars().next_back();
    let next = text[i + c.len_utf8()..].chars().next();
    let prev_space = prev.is_none_or(|p| is_space(p) || is_open_punct(p));
    let next_space =
        next.is_none_or(|n| is_space(n) || matches!(n, ',' | '.' | ';' | ':' | ')' | '?' | '!'));
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

/// A quoted stretch before merging: its parts (mark to mark) and paragraph.
#[derive(Debug, Clone)]
pub(super) struct Raw {
    pub(super) parts: Vec<Span>,
    /// Paragraph index of the first and the last part.
    pub(super) para_first: usize,
    pub(super) para_last: usize,
}

/// Pairs the double quotation marks of every paragraph into quoted spans.
pub(super) fn pair_marks(text: &str, paras: &[Span]) -> Vec<Raw> {
    let mut out: Vec<Raw> = Vec::new();
    // A quote left open at the end of the previous paragraph.
    let mut carry: Option<Raw> = None;
    for (pi, para) in paras.iter().enumerate() {
        let (ps, pe) = (para.start, para.end);
        let body = para.slice(text);
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
                            c.parts.push(Span::new(cur_start, end));
                            c.para_last = pi;
                            out.push(c);
                        }
                        None => out.push(Raw {
                            parts: vec![Span::new(cur_start, end)],
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
            let part = Span::new(cur_start, pe);
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
