//! Saved web pages: the page's declared charset, its metadata in order of
//! trust, and the article's own text (found by dom_smoothie, a port of
//! Mozilla's readability) as plain paragraphs.
//!
//! The text is what the spans index: paragraphs separated by blank lines,
//! `<blockquote>` and `<q>` in quotation marks, entities decoded, scripts,
//! styles, captions and forms never read.

use super::meta::{Entry, parse_date, tidy_author, tidy_outlet};
use chrono::NaiveDate;
use dom_query::{Document as Dom, NodeRef};
use dom_smoothie::{Config, Readability};
use std::borrow::Cow;

/// Decodes a page's bytes by its byte-order mark, else the charset its
/// `<meta>` (or XML declaration) declares, else UTF-8 when the bytes are
/// valid UTF-8, else windows-1252 (what browsers assume).
pub fn decode_page(bytes: &[u8]) -> (String, Vec<String>) {
    let mut warnings = Vec::new();
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, bad) = enc.decode_without_bom_handling(&bytes[bom..]);
        if bad {
            warnings.push(format!("invalid {} replaced", enc.name()));
        }
        return (text.into_owned(), warnings);
    }
    let declared =
        declared_charset(bytes).and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()));
    // A page saved as bytes cannot be UTF-16 without a BOM; such a
    // declaration is the original server's, not the file's.
    let declared = declared.map(|e| e.output_encoding());
    let enc = match declared {
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() => encoding_rs::UTF_8,
        None => encoding_rs::WINDOWS_1252,
    };
    let (text, bad) = enc.decode_without_bom_handling(bytes);
    if bad {
        warnings.push(format!(
            "bytes that are not valid {} replaced with U+FFFD",
            enc.name()
        ));
    }
    (text.into_owned(), warnings)
}

/// The charset label a page declares in its first few kilobytes.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let find = |needle: &[u8]| lower.windows(needle.len()).position(|w| w == needle);
    let at = find(b"charset=").map(|i| i + 8).or_else(|| {
        find(b"encoding=")
            .filter(|_| lower.starts_with(b"<?xml"))
            .map(|i| i + 9)
    })?;
    let label: String = lower[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .map(|&b| b as char)
        .collect();
    (!label.is_empty()).then_some(label)
}

/// Reads a saved web page.
pub fn read_page(bytes: &[u8]) -> Entry {
    let (html, mut warnings) = decode_page(bytes);
    let mut page = read_page_str(&html);
    warnings.append(&mut page.warnings);
    page.warnings = warnings;
    page
}

/// Reads a page already decoded to text.
pub fn read_page_str(html: &str) -> Entry {
    let dom = Dom::from(html);
    let mut page = Entry {
        url: canonical_url(&dom),
        published: stated_date(&dom),
        ..Entry::default()
    };
    let fallback_title = dom
        .select("title")
        .iter()
        .next()
        .map(|t| crate::text::squash(&t.text()));
    let headings: Vec<String> = dom
        .select("h1")
        .iter()
        .take(20)
        .map(|h| crate::text::squash(&h.text()))
        .collect();
    let site_from_meta = meta_content(&dom, &["og:site_name", "application-name"]);
    let linked = super::jsonld::article(&dom);
    let cfg = Config {
        max_elements_to_parse: 0,
        ..Config::default()
    };
    let lower_tail = crate::span::tail(html, 2048)
        .bytes()
        .map(|b| b.to_ascii_lowercase())
        .collect::<Vec<u8>>();
    let ends = |tag: &[u8]| lower_tail.windows(tag.len()).any(|w| w == tag);
    if !ends(b"</html") && !ends(b"</body") {
        page.warnings
            .push("the page seems cut short (no closing </body> or </html>)".into());
    }
    let article = Readability::with_document(dom, page.url.as_deref(), Some(cfg))
        .ok()
        .and_then(|mut r| r.parse().ok());
    match article {
        Some(a) => {
            page.text = html_to_text(&a.content);
            let title = crate::text::squash(&a.title);
            page.title = (!title.is_empty()).then_some(title);
            page.author = a.byline.as_deref().and_then(tidy_author);
            page.outlet = a
                .site_name
                .as_deref()
                .or(site_from_meta.as_deref())
                .and_then(tidy_outlet);
            if let Some(d) = a.published_time.as_deref().and_then(parse_date) {
                page.published = Some(d);
            }
            if page.url.is_none() {
                page.url = a.url.filter(|u| u.starts_with("http"));
            }
        }
        None => {
            page.warnings
                .push("no main article text found: read the whole page body".into());
            let dom = Dom::from(html);
            let body = dom.select("body");
            page.text = body
                .nodes()
                .first()
                .map(|b| {
                    let mut out = TextOut::default();
                    walk(b, &mut out, true);
                    out.finish()
                })
                .unwrap_or_default();
        }
    }
    // The page's JSON-LD article record is trusted above everything else.
    if let Some(ld) = linked {
        page.title = ld.headline.or(page.title.take());
        page.published = ld.published.or(page.published);
        page.author = ld.author.or(page.author.take());
        page.outlet = ld.publisher.or(page.outlet.take());
        if page.url.is_none() {
            page.url = ld.url;
        }
    }
    if page.published.is_none() {
        page.published = page.url.as_deref().and_then(url_date);
    }
    if page.published.is_none()
        && let Some(d) = first_full_date(&page.text)
    {
        page.published = Some(d);
        page.warnings.push(format!(
            "no publication date in the page's metadata: dated {d}, the first full date its text states"
        ));
    }
    let own_title =
        (fallback_title.as_deref()).map(|t| strip_site_suffix(t, page.outlet.as_deref()));
    // The page's <title> as the headline: without its site suffix, which
    // names the outlet when nothing else does.
    if let (Some(raw), Some(own)) = (fallback_title.as_deref(), own_title.as_deref())
        && raw.trim() != own
    {
        if page
            .title
            .as_deref()
            .is_some_and(|t| t.trim() == raw.trim())
        {
            page.title = Some(own.to_string());
        }
        if page.outlet.is_none()
            && let Some(tail) = raw.trim().strip_prefix(own)
        {
            page.outlet = tidy_outlet(tail.trim_start_matches([' ', '|', '-', '–', '—', ':']));
        }
    }
    let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
    let confirmed = |t: &str| headings.iter().any(|h| same(h, t));
    match (&page.title, &own_title) {
        (None, _) => page.title = own_title,
        // Metadata no headline confirms (a site-wide og:title) gives way
        // to the page's <title> when its headline says the same.
        (Some(t), Some(own)) if !confirmed(t) && confirmed(own) => page.title = own_title,
        _ => {}
    }
    if page.outlet.is_none() {
        page.outlet = page.url.as_deref().and_then(host_of).map(str::to_string);
    }
    page
}

/// The title without a trailing " | Site" or " - Site".
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let short = tail.split_whitespace().count() <= 4;
            let is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail.trim()));
            if (is_site || short) && head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

/// The host of a web address, without `www.`.
pub fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (host.contains('.')).then_some(host)
}

fn meta_content(dom: &Dom, names: &[&str]) -> Option<String> {
    for n in names {
        for attr in ["property", "name", "itemprop"] {
            let sel = dom.select(&format!("meta[{attr}=\"{n}\"]"));
            if let Some(c) = sel.attr("content") {
                let c = crate::text::squash(&c);
                if !c.is_empty() {
                    return Some(c);
                }
            }
        }
    }
    None
}

/// `<link rel=canonical>`, else `og:url`, when it is a web address.
fn canonical_url(dom: &Dom) -> Option<String> {
    let link = dom
        .select("link[rel=\"canonical\"]")
        .attr("href")
        .map(|h| h.to_string());
    link.or_else(|| meta_content(dom, &["og:url"]))
        .map(|u| u.trim().to_string())
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
}

/// The publication date the page's markup states, for when its metadata
/// (JSON-LD, `article:published_time`) says none: dated meta tags, then
/// the first `<time datetime>`.
fn stated_date(dom: &Dom) -> Option<NaiveDate> {
    let meta = meta_content(
        dom,
        &[
            "article:published_time",
            "og:published_time",
            "datePublished",
            "date",
            "pubdate",
            "publishdate",
            "DC.date.issued",
            "dc.date",
            "sailthru.date",
            "parsely-pub-date",
        ],
    );
    meta.as_deref()
        .and_then(parse_date)
        .or_else(|| {
            dom.select("time[datetime]")
                .iter()
                .filter_map(|t| t.attr("datetime"))
                .find_map(|d| parse_date(&d))
        })
        .or_else(|| dated_element(dom))
}

/// A short element whose class or id says it holds the date ("posted on
/// April 21, 2015"), read for the date it states.
fn dated_element(dom: &Dom) -> Option<NaiveDate> {
    const MARKS: &[&str] = &["date", "time", "publish", "posted", "dateline", "byline"];
    dom.select("[class], [id], [itemprop]")
        .iter()
        .take(5000)
        .find_map(|el| {
            let tags = [el.attr("class"), el.attr("id"), el.attr("itemprop")];
            let marked = tags.iter().flatten().any(|t| {
                let t = t.to_ascii_lowercase();
                MARKS.iter().any(|m| t.contains(m)) && !t.contains("update")
            });
            if !marked {
                return None;
            }
            let text = crate::text::squash(&el.text());
            (text.len() <= 120)
                .then(|| crate::dates::parse_stamp(&text))
                .flatten()
        })
}

/// The first day-precise date with its year written out near the top of
/// an article ("March 26, 2015").
fn first_full_date(text: &str) -> Option<NaiveDate> {
    let head = crate::span::head(text, 3000);
    let base = NaiveDate::from_ymd_opt(2000, 1, 1)?;
    crate::dates::find_dates(head, base, None)
        .into_iter()
        .find(|m| {
            m.date.basis == crate::model::Basis::Stated
                && m.date.precision == crate::model::Precision::Day
                && head[m.start..m.end]
                    .bytes()
                    .filter(u8::is_ascii_digit)
                    .count()
                    >= 5
        })
        .map(|m| m.date.start)
}

/// The date a web address states in its path: `/2015/03/18/`,
/// `/2015-03-18/` or `/20150318/`.
fn url_date(url: &str) -> Option<NaiveDate> {
    static DATED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"/((?:19|20)\d\d)[/-]?([01]\d)[/-]?([0-3]\d)(?:/|-|\.|$)")
            .expect("valid regex")
    });
    let path = url.split_once("://").map_or(url, |(_, r)| r);
    let c = DATED.captures(path)?;
    let n = |i: usize| c[i].parse::<u32>().ok();
    NaiveDate::from_ymd_opt(i32::try_from(n(1)?).ok()?, n(2)?, n(3)?)
}

/// Plain text of an HTML fragment: one paragraph per block, blank lines
/// between them, quotation marks around `<blockquote>` and `<q>`.
pub fn html_to_text(html: &str) -> String {
    let dom = Dom::fragment(html);
    let mut out = TextOut::default();
    walk(&dom.root(), &mut out, false);
    out.finish()
}

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "button",
    "form",
    "input",
    "select",
    "textarea",
    "iframe",
    "object",
    "embed",
    "figcaption",
    "head",
    "title",
    "video",
    "audio",
    "canvas",
    "picture",
    "img",
];

/// More skipped when reading a whole page (no article found).
const PAGE_FURNITURE: &[&str] = &["nav", "header", "footer", "aside", "menu"];

const BLOCKS: &[&str] = &[
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "dl", "dt", "dd", "pre", "table", "tr", "thead", "tbody", "header", "footer", "figure", "hr",
    "address", "details", "summary", "body", "html", "center", "caption",
];

#[derive(Default)]
struct TextOut {
    paras: Vec<String>,
    cur: String,
    space: bool,
}

impl TextOut {
    fn text(&mut self, s: &str) {
        for c in s.chars() {
            let c = if c == '\u{a0}' { ' ' } else { c };
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            if c.is_control() {
                continue;
            }
            if self.space && !self.cur.is_empty() && !self.cur.ends_with('\n') {
                self.cur.push(' ');
            }
            self.space = false;
            self.cur.push(c);
        }
    }
    fn raw(&mut self, s: &str) {
        self.space = false;
        self.cur.push_str(s);
    }
    fn line(&mut self) {
        let t = self.cur.trim_end_matches(' ').len();
        self.cur.truncate(t);
        if !self.cur.is_empty() && !self.cur.ends_with('\n') {
            self.cur.push('\n');
        }
        self.space = false;
    }
    fn block(&mut self) {
        let p = self.cur.trim();
        if !p.is_empty() {
            self.paras.push(p.to_string());
        }
        self.cur.clear();
        self.space = false;
    }
    fn finish(mut self) -> String {
        self.block();
        self.paras.join("\n\n")
    }
}

fn walk(node: &NodeRef, out: &mut TextOut, page: bool) {
    for child in node.children_it(false) {
        if child.is_text() {
            out.text(&child.text());
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let name = child
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        let name = name.as_str();
        if SKIPPED.contains(&name) || (page && PAGE_FURNITURE.contains(&name)) {
            continue;
        }
        if child.attr("hidden").is_some()
            || child.attr("aria-hidden").is_some_and(|v| &*v == "true")
        {
            continue;
        }
        match name {
            "br" => out.line(),
            "q" => {
                if out.space && !out.cur.is_empty() && !out.cur.ends_with('\n') {
                    out.raw(" ");
                }
                out.raw("“");
                walk(&child, out, page);
                out.raw("”");
            }
            "blockquote" => {
                out.block();
                let mut inner = TextOut::default();
                walk(&child, &mut inner, page);
                inner.block();
                for p in inner.paras {
                    // Sites also indent tables and lists in a blockquote:
                    // only what reads like speech becomes a quotation.
                    if reads_like_speech(&p) {
                        out.raw(&quoted(&p));
                    } else {
                        out.raw(&p);
                    }
                    out.block();
                }
            }
            _ if BLOCKS.contains(&name) => {
                out.block();
                walk(&child, out, page);
                out.block();
            }
            _ => walk(&child, out, page),
        }
    }
}

/// Words ending like a sentence, or a long run of them, and more letters
/// than digits: not a table row or a label.
fn reads_like_speech(p: &str) -> bool {
    let t = p
        .trim_end_matches(|c: char| crate::text::is_space(c) || matches!(c, '"' | '”' | '’' | '»'));
    let words = t
        .split(crate::text::is_space)
        .filter(|w| !w.is_empty())
        .count();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    letters > digits && (words >= 12 || (words >= 2 && t.ends_with(['.', '!', '?', '…'])))
}

/// A block quotation as a quotation: in quotation marks unless it already
/// is one.
fn quoted(p: &str) -> Cow<'_, str> {
    let opens = p.starts_with(['“', '"', '‘', '«', '„']);
    if opens {
        Cow::Borrowed(p)
    } else {
        Cow::Owned(format!("“{p}”"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_and_labels_in_a_blockquote_are_not_quotations() {
        assert!(reads_like_speech("We lost everything in the cellar."));
        assert!(!reads_like_speech("Caolán McNamara 4307 19.5%"));
        assert!(!reads_like_speech("Most active developers"));
        assert!(!reads_like_speech(
            "4.2.3 April 2014 4.1.6 April 2014 4.2.4 May 2014."
        ));
    }

    #[test]
    fn blocks_become_paragraphs_and_quotes_keep_marks() {
        let t = html_to_text(
            "<p>One &amp; <b>two</b>.</p><script>var x=1;</script><div>Three<br>four</div>\
             <blockquote><p>We will win.</p></blockquote><p>She said <q>no</q> twice.</p>\
             <figure><img src=x><figcaption>A caption</figcaption></figure>",
        );
        assert_eq!(
            t,
            "One & two.\n\nThree\nfour\n\n“We will win.”\n\nShe said “no” twice."
        );
    }

    #[test]
    fn pages_cut_anywhere_in_a_character_are_read() {
        // Two-byte characters all the way, so that the last 2 KB, the first
        // 3 KB and every other cut land inside one somewhere.
        for pad in 0..4 {
            let body = "µ".repeat(1500 + pad);
            let page = format!(
                "<html><body><p>{}On Monday, the café closed, the owner said.</p>{body}</body></html>",
                "x".repeat(pad)
            );
            let e = read_page_str(&page);
            assert!(e.text.contains("the café closed"), "{}", e.text);
            let e = read_page_str(&page[..page.len() - 14]);
            assert!(e.warnings.iter().any(|w| w.contains("cut short")));
        }
    }

    #[test]
    fn charset_is_honoured() {
        let bytes = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        let (t, w) = decode_page(bytes);
        assert!(t.contains("café"), "{t}");
        assert!(w.is_empty());
        // Undeclared and not UTF-8: windows-1252, as browsers read it.
        let (t, _) = decode_page(b"<p>na\xefve</p>");
        assert!(t.contains("naïve"));
    }

    #[test]
    fn site_suffix_and_hosts() {
        assert_eq!(
            strip_site_suffix("Storm floods the lower valley | Valley Herald", None),
            "Storm floods the lower valley"
        );
        assert_eq!(strip_site_suffix("Short - Title", None), "Short - Title");
        assert_eq!(host_of("https://www.example.org/a/b"), Some("example.org"));
        assert_eq!(host_of("not a url"), None);
        assert_eq!(
            url_date("https://example.org/news/2015/03/18/story.html").map(|d| d.to_string()),
            Some("2015-03-18".into())
        );
        assert_eq!(url_date("https://example.org/2015/99/18/x"), None);
    }
}
