//! Paragraphs and sentences of clean text, as byte spans.

use crate::model::Span;
pub use crate::span::is_space;

/// Whether a word starts with a capital letter.
pub fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Paragraphs: maximal runs of non-blank lines, trimmed.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut cur: Option<Span> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let t = line.trim();
        if t.is_empty() {
            if let Some(p) = cur.take() {
                out.push(p);
            }
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let s = start + lead;
        let e = s + t.len();
        cur = Some(match cur {
            Some(p) => Span::new(p.start, e),
            None => Span::new(s, e),
        });
    }
    out.extend(cur);
    out
}

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "st", "jr", "sr", "vs", "etc", "inc", "corp", "co", "ltd", "no", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "ft", "mt", "pres", "sec", "atty", "supt",
    "rev", "hon", "fig", "approx", "dept", "est", "govt", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m",
    "p.m", "d.c", "u.s.a",
];

fn is_abbreviation(word: &str) -> bool {
    let w = word
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    let w = w.trim_end_matches('.');
    if w.len() == 1 && w.chars().all(|c| c.is_alphabetic()) {
        return true; // an initial: "Donald J. Trump"
    }
    ABBREVIATIONS.contains(&w)
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '«')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '’' | '»')
}

/// Splits a paragraph into sentences. Quotes are not split inside (a
/// quotation's sentences stay with the words that attribute them), list
/// items and lines after a sentence end start new sentences.
pub fn sentences(text: &str, para: Span) -> Vec<Span> {
    let s = &text[para.start..para.end];
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut depth_curly = 0i32;
    let mut in_straight = false;
    // One pass with look-ahead on cloned iterators: no per-character table,
    // so a paragraph of megabytes costs no more than its own length.
    let mut it = s.char_indices();
    while let Some((bi, c)) = it.next() {
        match c {
            '"' => in_straight = !in_straight,
            '“' => depth_curly += 1,
            '”' => depth_curly = (depth_curly - 1).max(0),
            _ => {}
        }
        if c == '\n' {
            // A line break ends a sentence when the line before ended one.
            let before = s[start..bi].trim_end();
            if !before.is_empty() && ends_like_sentence(before) {
                push(&mut out, s, para.start, start, bi);
                start = it.offset();
                in_straight = false;
                depth_curly = 0;
            }
            continue;
        }
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let after_c = it.offset();
        // Swallow closing punctuation and quotes.
        loop {
            let mut look = it.clone();
            match look.next() {
                Some((_, cj))
                    if matches!(cj, '.' | '!' | '?' | ')' | ']' | '"' | '”' | '’' | '\'') =>
                {
                    match cj {
                        '"' => in_straight = !in_straight,
                        '”' => depth_curly = (depth_curly - 1).max(0),
                        _ => {}
                    }
                    it = look;
                }
                _ => break,
            }
        }
        let end_b = it.offset();
        let mut look = it.clone();
        let next_ws = look
            .clone()
            .next()
            .is_some_and(|(_, ch)| ch.is_whitespace());
        if next_ws && depth_curly == 0 && !in_straight {
            let next = look.find(|(_, ch)| !ch.is_whitespace()).map(|x| x.1);
            let word_start = s[..bi]
                .char_indices()
                .rev()
                .find(|(_, ch)| ch.is_whitespace())
                .map_or(0, |(p, ch)| p + ch.len_utf8());
            let word = &s[word_start..after_c];
            let starts_new = next.is_some_and(|n| {
                n.is_uppercase() || n.is_ascii_digit() || n == '"' || is_open_quote(n) || n == '\''
            });
            let abbrev = c == '.' && end_b == after_c && is_abbreviation(word);
            if starts_new && !abbrev {
                push(&mut out, s, para.start, start, end_b);
                start = end_b;
            }
        }
    }
    push(&mut out, s, para.start, start, s.len());
    out
}

fn ends_like_sentence(t: &str) -> bool {
    let t = t
        .trim_end_matches(|c: char| c == '"' || is_close_quote(c) || c == ')' || c.is_whitespace());
    t.ends_with(['.', '!', '?', ':', ';', '…'])
}

fn push(out: &mut Vec<Span>, s: &str, base: usize, from: usize, to: usize) {
    let piece = &s[from..to];
    let t = piece.trim();
    if t.is_empty() {
        return;
    }
    let lead = piece.len() - piece.trim_start().len();
    out.push(Span::new(base + from + lead, base + from + lead + t.len()));
}

/// Collapses runs of white space (line breaks, blanked markup, no-break
/// and zero-width spaces included) to one space, trimming both ends.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        paragraphs(t)
            .into_iter()
            .flat_map(|p| sentences(t, p))
            .map(|s| &t[s.start..s.end])
            .collect()
    }

    #[test]
    fn paragraphs_are_runs_of_non_blank_lines() {
        let t = "  one\ntwo  \n \r\n\nthree\n";
        let p: Vec<&str> = paragraphs(t).iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(p, vec!["one\ntwo", "three"]);
    }

    #[test]
    fn sentences_respect_abbreviations_and_initials() {
        let t = "Mr. Trump met Sen. Ted Cruz in the U.S. Senate on Jan. 5. Donald J. Trump left. It rained.";
        assert_eq!(
            split(t),
            vec![
                "Mr. Trump met Sen. Ted Cruz in the U.S. Senate on Jan. 5.",
                "Donald J. Trump left.",
                "It rained."
            ]
        );
    }

    #[test]
    fn quotes_are_not_split_inside() {
        let t = "\"They want to talk. I said, 'Too Late!' \" he wrote. Then he left.";
        assert_eq!(
            split(t),
            vec![
                "\"They want to talk. I said, 'Too Late!' \" he wrote.",
                "Then he left."
            ]
        );
        let c = "“We are here. We stay,” she said. Next.";
        assert_eq!(split(c), vec!["“We are here. We stay,” she said.", "Next."]);
    }

    #[test]
    fn list_items_on_their_own_lines_are_sentences() {
        let t = "Behind the scenes:\n On Monday, he called.\n He asked twice.";
        assert_eq!(
            split(t),
            vec![
                "Behind the scenes:",
                "On Monday, he called.",
                "He asked twice."
            ]
        );
    }

    #[test]
    fn non_breaking_spaces_are_whitespace() {
        let t = "He met Gov.\u{a0}Pence. Then\u{a0}he left.";
        assert_eq!(
            split(t),
            vec!["He met Gov.\u{a0}Pence.", "Then\u{a0}he left."]
        );
    }

    #[test]
    fn squash_collapses_whitespace() {
        assert_eq!(squash("  a \n\n b   c "), "a b c");
    }
}
