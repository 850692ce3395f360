//! pages: the JSON export of 1,000 saved web pages made from the same
//! articles as the plain-text corpus (JSON-LD metadata, navigation, share
//! buttons, a related-links aside and a footer around the article's
//! paragraphs), beside the same 1,000 articles as plain text.

use crate::extract::{num, run_child};
use crate::util::TempDir;
use crate::world::World;
use std::path::Path;

/// Article `i` as a news site would serve it.
fn page(w: &World, i: usize) -> String {
    let text = w.article(i);
    let (date, body) = text
        .trim_start()
        .strip_prefix("date ")
        .and_then(|t| t.split_once(' '))
        .expect("a dated article");
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
    let title = format!("Report {i} on the talks");
    let mut out = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>{title} | Bench Gazette</title>\
         <link rel=\"canonical\" href=\"https://gazette.example.com/{date}/report-{i}\">\
         <script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\
         \"headline\":\"{title}\",\"datePublished\":\"{date}T08:00:00Z\",\
         \"author\":{{\"@type\":\"Person\",\"name\":\"Dana Reporter\"}},\
         \"publisher\":{{\"@type\":\"Organization\",\"name\":\"Bench Gazette\"}}}}</script>\
         <style>body{{font-family:serif}}</style></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/politics\">Politics</a></nav>\
         <div class=\"share\"><a href=\"#\">Share</a> <a href=\"#\">Email</a></div>\
         <main><article><h1>{title}</h1><p class=\"byline\">By Dana Reporter</p>"
    );
    for para in body.split("\n\n").filter(|p| !p.trim().is_empty()) {
        out.push_str("<p>");
        out.push_str(&esc(para.trim()));
        out.push_str("</p>\n");
    }
    out.push_str(
        "</article></main><aside class=\"related\"><h3>Related</h3><ul>\
         <li><a href=\"/a\">Markets close higher</a></li><li><a href=\"/b\">Weather</a></li></ul></aside>\
         <footer>Subscribe to our newsletter. Cookie settings.</footer>\
         <script>window.analytics=[];</script></body></html>\n",
    );
    out
}

fn run(dir: &Path) -> (f64, f64, f64) {
    let out = dir.parent().expect("a parent").join("export.json");
    let r = run_child(&[
        "--child-export",
        &dir.display().to_string(),
        &out.display().to_string(),
    ]);
    (
        num(&r, "seconds"),
        num(&r, "hwm_kb") * 1024.0,
        num(&r, "events"),
    )
}

pub fn bench_pages() {
    const N: usize = 1_000;
    let w = World::new();
    let tmp = TempDir::new("pages");
    let (html_dir, text_dir) = (tmp.0.join("html"), tmp.0.join("text"));
    std::fs::create_dir_all(&html_dir).expect("dir");
    std::fs::create_dir_all(&text_dir).expect("dir");
    let (mut html_bytes, mut text_bytes) = (0usize, 0usize);
    for i in 0..N {
        let p = page(&w, i);
        html_bytes += p.len();
        std::fs::write(html_dir.join(format!("{i:05}.html")), p).expect("write page");
        let t = w.article(i);
        text_bytes += t.len();
        std::fs::write(text_dir.join(format!("{i:05}.txt")), t).expect("write article");
    }
    eprintln!("pages: {N} web pages ...");
    let (ht, hp, he) = run(&html_dir);
    eprintln!("pages: the same {N} articles as text ...");
    let (tt, tp, te) = run(&text_dir);
    println!();
    println!(
        "== pages: `dateline export DIR -o FILE`, {N} saved web pages beside the same articles as text =="
    );
    println!(
        "{:<10} {:>9} {:>9} {:>8} {:>8} {:>9}",
        "input", "MB", "seconds", "MB/s", "events", "peak MB"
    );
    for (name, bytes, t, p, e) in [
        ("html", html_bytes, ht, hp, he),
        ("text", text_bytes, tt, tp, te),
    ] {
        let mb = bytes as f64 / 1e6;
        println!(
            "{name:<10} {mb:>9.2} {t:>9.3} {:>8.2} {e:>8} {:>9.1}",
            mb / t,
            p / 1e6
        );
    }
    println!(
        "target: {N} pages in under 10 s: {}",
        if ht < 10.0 { "ok" } else { "MISSED" }
    );
}
