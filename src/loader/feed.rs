//! Feeds (RSS 2.0, RSS 1.0, Atom, JSON Feed, read by feed-rs): each entry
//! is an article with its title, link, date, author, the feed's title as
//! the outlet, and its full content (else its summary) read as HTML.

use super::html::{host_of, html_to_text};
use super::meta::{Entry, tidy_author, tidy_outlet};
use feed_rs::model::{Entry as FeedEntry, Feed};

/// The articles of a feed, or why none could be read. A feed cut short is
/// read up to its last complete entry, with a warning.
pub fn read_feed(bytes: &[u8]) -> Result<(Vec<Entry>, Vec<String>), String> {
    let mut warnings = Vec::new();
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(first) => {
            match complete_entries(bytes).and_then(|b| feed_rs::parser::parse(&b[..]).ok()) {
                Some(f) => {
                    warnings.push(format!(
                        "feed cut short or malformed ({first}): read its {} complete entries",
                        f.entries.len()
                    ));
                    f
                }
                None => return Err(format!("not a readable feed: {first}")),
            }
        }
    };
    let entries = feed_entries(&feed);
    if entries.is_empty() {
        warnings.push("the feed has no entries".into());
    }
    Ok((entries, warnings))
}

fn feed_entries(feed: &Feed) -> Vec<Entry> {
    let outlet = feed
        .title
        .as_ref()
        .and_then(|t| tidy_outlet(&plain(&t.content)));
    let site = feed
        .links
        .iter()
        .find_map(|l| host_of(&l.href))
        .map(str::to_string);
    feed.entries
        .iter()
        .enumerate()
        .map(|(i, e)| entry(i, e, outlet.clone().or_else(|| site.clone())))
        .collect()
}

fn entry(i: usize, e: &FeedEntry, outlet: Option<String>) -> Entry {
    let mut warnings = Vec::new();
    let body = e
        .content
        .as_ref()
        .and_then(|c| c.body.as_ref().map(|b| (b, c.content_type.to_string())))
        .filter(|(b, _)| !b.trim().is_empty())
        .or_else(|| {
            e.summary
                .as_ref()
                .map(|s| (&s.content, s.content_type.to_string()))
        });
    let text = match body {
        Some((b, kind)) if kind.contains("plain") && !b.contains('<') => b.trim().to_string(),
        Some((b, _)) => html_to_text(b),
        None => String::new(),
    };
    if text.trim().is_empty() {
        warnings.push("entry has neither content nor summary".into());
    }
    let url = e
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(e.links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|u| u.starts_with("http"));
    let published = e.published.or(e.updated).map(|d| d.date_naive());
    Entry {
        name: Some(format!("#{}", i + 1)),
        text,
        title: e
            .title
            .as_ref()
            .map(|t| plain(&t.content))
            .filter(|t| !t.is_empty()),
        author: e
            .authors
            .iter()
            .find_map(|a| a.name.as_deref().and_then(tidy_author)),
        outlet,
        published,
        url,
        warnings,
    }
}

/// Text that may hold markup, as one line of plain text.
fn plain(s: &str) -> String {
    let t = if s.contains('<') || s.contains('&') {
        html_to_text(s)
    } else {
        s.to_string()
    };
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A cut-short XML feed made whole: everything up to the last complete
/// `</item>` or `</entry>`, then the closing tags still open.
fn complete_entries(bytes: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(bytes).ok()?;
    let lower = text.to_ascii_lowercase();
    let (end, closing) = if let Some(i) = lower.rfind("</item>") {
        let close = if lower.contains("<rdf:rdf") {
            "</rdf:RDF>"
        } else {
            "</channel></rss>"
        };
        (i + "</item>".len(), close)
    } else if let Some(i) = lower.rfind("</entry>") {
        (i + "</entry>".len(), "</feed>")
    } else {
        return None;
    };
    let mut out = text.as_bytes()[..end].to_vec();
    out.extend_from_slice(closing.as_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_become_articles_and_cut_feeds_keep_whole_entries() {
        let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Valley Herald</title>\
            <item><title>Bridge closes</title><link>https://example.org/bridge</link>\
            <pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate>\
            <description>&lt;p&gt;The bridge closed on Monday.&lt;/p&gt;</description></item>\
            <item><title>Half an ite";
        let (entries, warnings) = read_feed(rss.as_bytes()).unwrap();
        assert_eq!(entries.len(), 1);
        assert!(warnings[0].contains("cut short"), "{warnings:?}");
        let e = &entries[0];
        assert_eq!(e.title.as_deref(), Some("Bridge closes"));
        assert_eq!(e.outlet.as_deref(), Some("Valley Herald"));
        assert_eq!(e.url.as_deref(), Some("https://example.org/bridge"));
        assert_eq!(e.text, "The bridge closed on Monday.");
        assert_eq!(e.published.unwrap().to_string(), "2026-03-03");
        assert!(read_feed(b"<rss><nothing").is_err());
    }
}
