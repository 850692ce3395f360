//! Turning a scraped article into clean text of the same byte length:
//! metadata lines, scraping debris, social-post chrome and boilerplate are
//! blanked to spaces, markdown syntax is blanked around the words it marks,
//! and everything left is the article's content at its original offsets.

use crate::dates::parse_stamp;
use crate::model::Span;
use crate::text::{paragraphs, squash};
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// An embedded social post: its body is a dated statement by its author.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    pub body: Span,
    pub author: Option<String>,
    pub handle: Option<String>,
    pub date: Option<NaiveDate>,
}

/// What cleaning found out about an article besides its content.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    pub clean: String,
    pub published: Option<NaiveDate>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub title_span: Option<Span>,
    pub posts: Vec<Post>,
    /// The lines blanked as headings, kept as they read: a name on its own
    /// line ("Prime Minister Helena Marovic, Estravia") heads the quotes
    /// under it.
    pub headings: Vec<(Span, String)>,
}

#[derive(Clone, Copy)]
struct Line {
    start: usize,
    /// End of the line's text, before any `\r\n` or `\n`.
    end: usize,
}

macro_rules! re {
    ($name:ident, $pat:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| Regex::new($pat).expect("valid regex"));
    };
}

re!(
    DATE_LINE,
    r"^\s*\x{feff}?\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*"
);
re!(
    WRITTEN_BY,
    r"(?i)^\s*(?:written|posted|published)\s+by\s+(.+?)\s+on\s+(.+?)\s*$"
);
re!(
    BY_LINE,
    r"^\s*(?i:by)\s+([A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){0,3})\s*(?:[,|·–—-]\s*(.+?))?\s*$"
);
re!(
    TIME_ONLY,
    r"(?i)^\s*\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\s*$"
);
re!(
    POST_STAMP,
    r"(?i)^\s*(?:last\s+edited\s+)?\d{1,2}:\d{2}\s*[ap]\.?m\.?\s*·\s*(.+?)\s*$"
);
re!(
    HANDLE_LINE,
    r"^\s*@([A-Za-z0-9_]{1,30})\s*(?:·\s*(?:\[Follow\]\([^)]*\)|Follow)\s*)?$"
);
re!(
    DEBRIS,
    r"(?i)^\s*(?:loading\.*|what'?s the story\??|advertisement|skip to (?:main )?content|share(?: this(?: article| story)?)?|read more|show more|continue reading|listen to (?:this )?article|(?:ap|getty|reuters|afp) images?|photo:.*|image:.*|credit:.*)\s*$"
);
re!(ONLY_LINKS, r"^\s*(?:!?\[[^\]\n]*\]\([^)\n]*\)\s*)+$");
re!(
    ENGAGEMENT,
    r"(?i)^\s*(?:[♥❤]|💬|🔗|[\d.,]+[km]?\s+(?:reply|replies|likes?|retweets?|reposts?|views)\b|reply\s+copy\s+link|copy\s+link)"
);
re!(
    DOMAIN_LINE,
    r"(?i)^\s*(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|co\.uk|co|news|io|uk|de|fr)\s*$"
);
re!(
    BOILERPLATE,
    r#"(?i)^\s*(?:subscribe\b|sign up\b|get exclusive\b|support (?:our|independent)\b|copyright\b|©|all rights reserved|related (?:articles|stories|coverage)\b|more from\b|follow us\b|what's included\??\s*$|["“]?follow\s+(?:\S+\s+){1,4}on\s+(?:twitter|x|facebook|instagram|threads|bluesky)\b)"#
);
re!(
    SUBSCRIBE_TO,
    r"^\s*Subscribe to (?:the )?((?:[A-Z][\w'’&.-]*\s*){1,5})\s*$"
);
re!(MD_LINK, r"(!?)\[([^\]\n]*)\]\(([^)\n]*)\)");
re!(BULLET, r"^(\s*)(?:[-*•]|#{1,6})\s+");
re!(
    CONTROL_LABEL,
    r"(?i)^\s*(?:(?:show|see|load|view|read)\s+(?:more|less|all)|continue\s+reading|expand)\s*[.…]*\s*$"
);

/// Cleans one article. `text` is the decoded file; the result's `clean` has
/// the same byte length, with everything that is not content blanked.
pub fn clean_article(text: &str) -> Cleaned {
    clean_with(text, true)
}

/// Cleans text extracted from markup, whose blocks are known to be the
/// article's own: only lines of a few words that do not end like a
/// sentence (subheads) are blanked.
pub fn clean_structured(text: &str) -> Cleaned {
    clean_with(text, false)
}

fn clean_with(text: &str, blank_short_lines: bool) -> Cleaned {
    let mut out = Cleaned::default();
    let mut buf: Vec<u8> = text.as_bytes().to_vec();
    // Control characters (escape sequences included) never reach the model.
    for b in buf.iter_mut() {
        if (*b < 0x20 && *b != b'\n') || *b == 0x7f {
            *b = b' ';
        }
    }
    let lines = split_lines(text);
    let line_text = |l: &Line| &text[l.start..l.end];
    let blank_line = |buf: &mut Vec<u8>, l: &Line| blank(buf, l.start, l.end);

    // The seed format's first line: " date YYYY-MM-DD " then the first paragraph.
    let mut title_line: Option<(usize, usize)> = None;
    if let Some((i, first)) = lines
        .iter()
        .enumerate()
        .find(|(_, l)| !line_text(l).trim().is_empty())
        && let Some(c) = DATE_LINE.captures(line_text(first))
    {
        out.published = NaiveDate::parse_from_str(&c[1], "%Y-%m-%d").ok();
        let m = c.get(0).expect("whole match");
        blank(&mut buf, first.start, first.start + m.end());
        let rest = line_text(first)[m.end()..].trim();
        if DEBRIS.is_match(rest) {
            blank(&mut buf, first.start, first.end);
        } else if first.start + m.end() < first.end {
            title_line = Some((i, first.start + m.end()));
        }
    }
    // A BOM is not content.
    if text.starts_with('\u{feff}') {
        blank(&mut buf, 0, 3);
    }

    let mut in_post_until = 0usize;
    let mut boiler_from: Option<usize> = None;
    for (i, l) in lines.iter().enumerate() {
        let s = line_text(l);
        let t = s.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(c) = WRITTEN_BY.captures(t)
            && let Some(d) = parse_stamp(&c[2])
        {
            {
                out.author.get_or_insert_with(|| strip_markdown(&c[1]));
                out.published.get_or_insert(d);
                blank_line(&mut buf, l);
                continue;
            }
        }
        if i < 40
            && let Some(c) = BY_LINE.captures(t)
        {
            out.author.get_or_insert_with(|| c[1].trim().to_string());
            if let Some(rest) = c.get(2) {
                let rest = rest.as_str();
                match parse_stamp(rest) {
                    Some(d) => {
                        out.published.get_or_insert(d);
                    }
                    None if rest.split_whitespace().count() <= 5 => {
                        out.outlet.get_or_insert_with(|| rest.to_string());
                    }
                    None => {}
                }
            }
            blank_line(&mut buf, l);
            continue;
        }
        if let Some(c) = HANDLE_LINE.captures(t) {
            let post = read_post(text, &lines, i, &c[1], &mut buf);
            in_post_until = post.body.end;
            out.posts.push(post);
            continue;
        }
        if TIME_ONLY.is_match(t)
            || ENGAGEMENT.is_match(t)
            || DEBRIS.is_match(t)
            || ONLY_LINKS.is_match(t)
        {
            blank_line(&mut buf, l);
            continue;
        }
        if is_stamp_line(t) {
            if l.start >= in_post_until && i < 40 {
                out.published
                    .get_or_insert_with(|| parse_stamp(t).expect("stamp line parses"));
            }
            blank_line(&mut buf, l);
            continue;
        }
        if DOMAIN_LINE.is_match(t) {
            // A link preview card: the domain, the linked title and its blurb.
            let mut j = i;
            while j < lines.len() && !line_text(&lines[j]).trim().is_empty() {
                blank_line(&mut buf, &lines[j]);
                j += 1;
            }
            continue;
        }
        if boiler_from.is_none() && l.start * 10 > text.len() * 4 && BOILERPLATE.is_match(t) {
            if let Some(c) = SUBSCRIBE_TO.captures(t) {
                let name = c[1].trim();
                out.outlet.get_or_insert_with(|| format!("The {name}"));
            }
            boiler_from = Some(l.start);
        }
    }
    if let Some(from) = boiler_from {
        blank(&mut buf, from, text.len());
    }

    blank_markdown(text, &mut buf);
    let mut clean = String::from_utf8(buf).expect("blanking keeps UTF-8 valid");
    find_title(&mut out, &clean, title_line);
    // A line that does not end like a sentence is a subhead, a kicker or
    // navigation, not an event: in markup, whose blocks are the article's
    // own, only the short ones (a subhead, a list item's label) are.
    let max_words = if blank_short_lines { 14 } else { 6 };
    out.headings = blank_headings(&mut clean, out.title_span, &out.posts, max_words);
    out.clean = clean;
    out
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            lines.push(Line { start, end });
            start = i + 1;
        }
    }
    if start < text.len() {
        lines.push(Line {
            start,
            end: text.len(),
        });
    }
    lines
}

/// Replaces bytes `[from, to)` with spaces, keeping newlines (so paragraphs
/// keep their shape) and UTF-8 validity (every byte of a character goes).
fn blank(buf: &mut [u8], from: usize, to: usize) {
    let to = to.min(buf.len());
    for b in &mut buf[from..to] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

/// A line that is nothing but a date stamp: "Mar 05, 2026", "March 5, 2026 11:21 am".
fn is_stamp_line(t: &str) -> bool {
    if t.len() > 60 || parse_stamp(t).is_none() {
        return false;
    }
    let words = t
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphabetic()))
        .count();
    words <= 4 && !t.ends_with('.')
}

/// Reads a social post starting at its handle line: blanks the chrome
/// (display name, handle, timestamp) and returns the body with its date.
fn read_post(text: &str, lines: &[Line], at: usize, handle: &str, buf: &mut [u8]) -> Post {
    let lt = |l: &Line| text[l.start..l.end].trim();
    blank(buf, lines[at].start, lines[at].end);
    // The display name is the closest non-blank line above, often ending in a dash.
    let mut author = None;
    for l in lines[..at].iter().rev().take(4) {
        let t = lt(l);
        if t.is_empty() {
            continue;
        }
        if t.split_whitespace().count() <= 8 && !t.ends_with('.') {
            let name = t.trim_end_matches(['–', '—', '-', ' ', '\u{a0}']).trim();
            if !name.is_empty() {
                author = Some(strip_markdown(name));
            }
            blank(buf, l.start, l.end);
        }
        break;
    }
    let body_start = lines[at].end;
    let mut body_end = lines[at].end;
    let mut date = None;
    for l in lines[at + 1..].iter().take(120) {
        let t = lt(l);
        if let Some(c) = POST_STAMP.captures(t) {
            date = parse_stamp(&c[1]);
            blank(buf, l.start, l.end);
            body_end = l.start;
            break;
        }
        if HANDLE_LINE.is_match(t) {
            break;
        }
        body_end = l.end;
    }
    if date.is_none() {
        body_end = body_start;
    }
    Post {
        body: Span::new(body_start, body_end),
        author,
        handle: Some(handle.to_string()),
        date,
    }
}

/// Blanks markdown syntax but keeps the words: `[text](url)` keeps `text`,
/// images and buttons (`[Show more](#)`) go whole, `*emphasis*` and `**strong**` lose their stars (but a
/// masked word such as `bulls**t` keeps them), bullets and `#` lose markers.
fn blank_markdown(text: &str, buf: &mut [u8]) {
    for c in MD_LINK.captures_iter(text) {
        let whole = c.get(0).expect("match");
        // A button that expands or pages the text is no part of it.
        if !c[1].is_empty() || CONTROL_LABEL.is_match(&c[2]) {
            blank(buf, whole.start(), whole.end());
            continue;
        }
        let inner = c.get(2).expect("text group");
        blank(buf, whole.start(), inner.start());
        blank(buf, inner.end(), whole.end());
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'*' || b == b'_' {
            let mut j = i;
            while j < bytes.len() && bytes[j] == b {
                j += 1;
            }
            let before = if i == 0 { b' ' } else { bytes[i - 1] };
            let after = if j >= bytes.len() { b' ' } else { bytes[j] };
            let word = |c: u8| c.is_ascii_alphanumeric() || c >= 0x80;
            // Emphasis sits on a word edge; inside a word it is part of the word.
            if word(before) != word(after) {
                blank(buf, i, j);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if let Some(m) = BULLET.captures(line) {
            let lead = m.get(1).expect("lead").end();
            blank(buf, start + lead, start + m.get(0).expect("match").end());
        }
        start += line.len();
    }
}

fn strip_markdown(s: &str) -> String {
    let t = MD_LINK.replace_all(s, "$2");
    t.replace(['*', '_'], "").trim().to_string()
}

/// Whether a line ends like a sentence, after its closing marks: of any
/// quoting style, German `„…“` and Danish `»…«` close with what opens
/// elsewhere, and a closing `“` is a common slip of the keyboard.
fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end_matches([
        '"', '\'', '”', '’', '“', '‘', '«', '»', ')', ']', ' ', '\u{a0}',
    ]);
    t.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// The headline is the first content line when it stands alone and does not
/// end like a sentence. It stays in the clean text: it states something.
fn find_title(out: &mut Cleaned, clean: &str, first_line_rest: Option<(usize, usize)>) {
    let Some(first) = paragraphs(clean).into_iter().next() else {
        return;
    };
    // The headline is the first line of the first paragraph, and must be
    // alone in it unless it came on the seed format's date line.
    let t = &clean[first.start..first.end];
    let line_end = t
        .find('\n')
        .map_or(first.end, |i| first.start + t[..i].trim_end().len());
    let line = &clean[first.start..line_end];
    let alone = line_end == first.end || first_line_rest.is_some_and(|(_, s)| s <= first.start);
    let words = line.split_whitespace().count();
    if alone && !ends_sentence(line) && (2..=30).contains(&words) {
        out.title = Some(squash(line));
        out.title_span = Some(Span::new(first.start, line_end));
    }
}

/// Section kickers and captions ("Rubio Contradicted", "Military escalation")
/// are short stand-alone lines that do not end like sentences: not content.
/// Blanks the headings of `clean` and returns them, each with its text.
fn blank_headings(
    clean: &mut String,
    title: Option<Span>,
    posts: &[Post],
    max_words: usize,
) -> Vec<(Span, String)> {
    let spans: Vec<Span> = paragraphs(clean)
        .into_iter()
        .filter(|&span| {
            let t = &clean[span.start..span.end];
            // A post's lines are its author's words, headline-like or not.
            let in_post = posts.iter().any(|p| p.body.contains(span));
            !in_post
                && !t.contains('\n')
                && !title.is_some_and(|ts| ts.overlaps(span))
                && !ends_sentence(t)
                && t.split_whitespace().count() <= max_words
        })
        .collect();
    let headings = (spans.iter())
        .map(|&s| (s, s.slice(clean).to_string()))
        .collect();
    let mut bytes = std::mem::take(clean).into_bytes();
    for s in spans {
        blank(&mut bytes, s.start, s.end);
    }
    *clean = String::from_utf8(bytes).expect("blanking keeps UTF-8 valid");
    headings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_closing_with_any_quotation_mark_is_content() {
        let text = "Headline Of The Day\n\nThe mayor answered:\n\n„Wir bauen die Brücke neu.“\n\n»Vi bygger broen igen.«\n\n“We will rebuild the bridge this year.“\n\nKicker Line\n";
        let clean = clean_article(text).clean;
        for kept in [
            "„Wir bauen die Brücke neu.“",
            "»Vi bygger broen igen.«",
            "“We will rebuild the bridge this year.“",
        ] {
            assert!(clean.contains(kept), "{kept} blanked in {clean:?}");
        }
        assert!(!clean.contains("Kicker Line"), "{clean:?}");
    }

    #[test]
    fn a_follow_line_ends_the_article() {
        let body = "The council met on Monday and voted to rebuild the bridge.\n\n".repeat(4);
        let text = format!("{body}\"Follow Ana Ruiz on Twitter @anaruiz.\"\n\nMore stories\n");
        let clean = clean_article(&text).clean;
        assert!(clean.contains("voted to rebuild"), "{clean:?}");
        assert!(!clean.contains("Follow"), "{clean:?}");
        assert!(!clean.contains("More stories"), "{clean:?}");
    }
}
