//! Fitting untrusted article text onto the screen: every character is
//! made inert (control characters become visible symbols), measured in
//! terminal columns, truncated with "…" or wrapped, never passed raw.

use unicode_width::UnicodeWidthChar;

pub use crate::sanitize::inert;

/// Columns a character takes once made inert.
pub fn char_width(c: char) -> usize {
    inert(c).width().unwrap_or(0)
}

pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

pub fn sanitize(s: &str) -> String {
    crate::sanitize::sanitize(s).into_owned()
}

/// At most `max` columns of `s`, made inert, ending in "…" when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if str_width(s) <= max {
        return sanitize(s);
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = char_width(c);
        if w + cw + 1 > max {
            break;
        }
        out.push(inert(c));
        w += cw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// Wraps `text` at spaces to `width` columns: the byte range of each
/// screen line. Line breaks end lines and belong to no range.
pub fn wrap(text: &str, width: usize) -> Vec<(usize, usize)> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut base = 0;
    for para in text.split('\n') {
        let here = base;
        base += para.len() + 1;
        let para = para.strip_suffix('\r').unwrap_or(para);
        let (mut start, mut w, mut brk) = (0, 0, None::<usize>);
        for (i, c) in para.char_indices() {
            let cw = char_width(c);
            if w + cw > width && i > start {
                let cut = match brk {
                    Some(b) if b > start && b <= i => b,
                    _ => i,
                };
                out.push((here + start, here + cut));
                w = str_width(&para[cut..i]);
                start = cut;
                brk = None;
            }
            w += cw;
            if c == ' ' {
                brk = Some(i + 1);
            }
        }
        out.push((here + start, here + para.len()));
    }
    out
}

/// The first line to show so that the line holding byte `at` is in view,
/// a third of the way down.
pub fn auto_top(lines: &[(usize, usize)], at: usize, height: usize) -> usize {
    let idx = lines
        .iter()
        .position(|&(_, e)| at < e)
        .unwrap_or(lines.len().saturating_sub(1));
    let max_top = lines.len().saturating_sub(height);
    idx.saturating_sub(height / 3).min(max_top)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_inert() {
        assert_eq!(sanitize("a\x1b[31mb\x07"), "a␛[31mb␇");
        assert!(!sanitize("x\u{9b}y\u{202e}").chars().any(char::is_control));
    }

    #[test]
    fn truncates_by_columns_and_keeps_wide_chars_whole() {
        assert_eq!(truncate("hello world", 8), "hello w…");
        assert_eq!(truncate("日本語テキスト", 6), "日本…");
        assert_eq!(str_width(&truncate("日本語テキスト", 6)), 5);
        assert_eq!(truncate("short", 8), "short");
    }

    #[test]
    fn wraps_at_spaces_within_width() {
        let t = "one two three four\nfive";
        let lines = wrap(t, 9);
        let parts: Vec<&str> = lines.iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(parts, vec!["one two ", "three ", "four", "five"]);
        assert!(lines.iter().all(|&(s, e)| str_width(&t[s..e]) <= 9));
    }
}
