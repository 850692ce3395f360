//! The facts the bundled corpus must yield.

use chrono::NaiveDate;
use dateline::corpus;
use dateline::model::{ArticleId, Basis, ClusterId, ItemId, Model, Precision};
use std::path::PathBuf;

fn model() -> Model {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let c = corpus::open(&[data], None);
    assert!(c.issues.is_empty(), "{:?}", c.issues);
    c.model
}

#[test]
fn the_export_path_builds_the_same_model_as_the_explorer() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let (lean, issues) = corpus::open_model(std::slice::from_ref(&data), None);
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(lean, model());
    let mut compact = Vec::new();
    dateline::export::write_json(&lean, &issues, &mut compact, false).unwrap();
    let compact: serde_json::Value = serde_json::from_slice(&compact).unwrap();
    let pretty: serde_json::Value =
        serde_json::from_str(&dateline::export::to_json(&lean, &issues)).unwrap();
    assert_eq!(compact, pretty);
    assert_eq!(compact["events"][0]["id"], "e0");
    assert!(compact["clusters"][0]["members"][0].is_string());
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn article_of(m: &Model, id: ArticleId) -> String {
    let a = m.articles.iter().find(|a| a.id == id).unwrap();
    std::path::Path::new(&a.path)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn articles_have_dates_authors_and_outlets() {
    let m = model();
    let by = |f: &str| m.articles.iter().find(|a| a.path.ends_with(f)).unwrap();
    assert_eq!(by("000_bc706ae1db6b178c.txt").published, Some(day(4)));
    let a1 = by("001_c159d0900175c4db.txt");
    assert_eq!(a1.published, Some(day(5)), "from the byline");
    assert_eq!(a1.author.as_deref(), Some("R. Cort Kirkwood"));
    assert_eq!(a1.outlet.as_deref(), Some("The New American"));
    let a3 = by("003_2e8388431a05906f.txt");
    assert_eq!(a3.author.as_deref(), Some("Chanshimla Varah"));
    assert_eq!(a3.published, Some(day(5)));
}

#[test]
fn the_monday_call_is_dated_monday_march_2() {
    let m = model();
    let calls: Vec<_> = m
        .events
        .iter()
        .filter(|e| {
            e.text
                .contains("On Monday, Netanyahu called White House officials")
        })
        .collect();
    assert!(calls.len() >= 2, "in 000 and 001: {calls:?}");
    for e in calls {
        assert_eq!(
            (e.date.start, e.date.end, e.date.precision),
            (day(2), day(2), Precision::Day),
            "{e:?}"
        );
        assert_eq!(e.date.basis, Basis::Relative);
        assert!(
            e.actors.iter().any(|a| &**a == "benjamin-netanyahu"),
            "{:?}",
            e.actors
        );
    }
}

#[test]
fn tuesday_statements_are_dated_march_3() {
    let m = model();
    for needle in [
        "ruled out any talks with the Iranian regime Tuesday",
        "said on Tuesday that Iran had expressed interest",
    ] {
        let e = m
            .events
            .iter()
            .find(|e| e.text.contains(needle))
            .unwrap_or_else(|| panic!("{needle}"));
        assert_eq!(e.date.start, day(3), "{e:?}");
        assert_eq!(e.reported, Some(day(4)));
    }
}

#[test]
fn the_war_started_on_saturday_february_28() {
    let m = model();
    let e = m
        .events
        .iter()
        .find(|e| e.text.contains("started on Saturday"))
        .unwrap();
    assert_eq!(e.date.start, NaiveDate::from_ymd_opt(2026, 2, 28).unwrap());
    assert_eq!(e.reported, Some(day(5)));
}

#[test]
fn trump_said_their_air_defense_is_gone() {
    let m = model();
    let q = m
        .quotes
        .iter()
        .find(|q| q.text.starts_with("Their air defense"))
        .unwrap();
    assert_eq!(q.speaker.as_deref(), Some("donald-trump"), "{q:?}");
    assert!(
        q.text.contains("Too Late!"),
        "the split quote is one quote: {q:?}"
    );
    assert_eq!(
        q.date.start,
        day(3),
        "said on Tuesday, in a post on Truth Social"
    );
}

#[test]
fn anonymous_sources_are_kept_as_written() {
    let m = model();
    let q = m
        .quotes
        .iter()
        .find(|q| q.text.starts_with("The White House told Bibi"))
        .unwrap();
    assert_eq!(q.speaker_text.as_deref(), Some("one source"));
    assert_eq!(q.speaker, None);
}

#[test]
fn netanyahu_is_one_actor_with_the_alias_bibi() {
    let m = model();
    let n: Vec<_> = m
        .actors
        .iter()
        .filter(|a| a.name.contains("Netanyahu") || a.aliases.iter().any(|x| x == "Netanyahu"))
        .collect();
    assert_eq!(n.len(), 1, "{n:?}");
    assert!(n[0].aliases.iter().any(|a| a == "Bibi"));
    assert!(
        n[0].roles.iter().any(|r| r == "Israeli Prime Minister"),
        "{:?}",
        n[0].roles
    );
    for bad in [
        "Despite",
        "On Monday",
        "Monday",
        "Axios",
        "The New York Times",
        "Still",
    ] {
        assert!(
            !m.actors.iter().any(|a| a.name == bad),
            "{bad} is not an actor"
        );
    }
}

#[test]
fn outlets_are_cited_not_actors() {
    let m = model();
    let e = m
        .events
        .iter()
        .find(|e| e.text.contains("told Newsmax"))
        .unwrap();
    assert_eq!(&*e.cites, &["Newsmax".into()]);
    let e = m
        .events
        .iter()
        .find(|e| e.text.starts_with("Operatives from Iran's Ministry"))
        .unwrap();
    assert!(
        e.cites.iter().any(|c| &**c == "The New York Times"),
        "{:?}",
        e.cites
    );
}

#[test]
fn equal_actor_lists_and_speakers_are_held_once() {
    let m = model();
    // Distinct allocations among equal values (a list is shared within a
    // slice of a few thousand items, and this corpus is one slice).
    fn held(all: impl Iterator<Item = *const u8>) -> (usize, usize) {
        let all: Vec<_> = all.collect();
        let mut distinct = all.clone();
        distinct.sort_unstable();
        distinct.dedup();
        (distinct.len(), all.len())
    }
    let trump = held(
        m.events
            .iter()
            .filter(|e| e.actors.len() == 1 && e.actors[0].contains("trump"))
            .map(|e| e.actors.as_ptr().cast()),
    );
    assert!(trump.0 == 1 && trump.1 > 2, "{trump:?}");
    let said = held(
        m.quotes
            .iter()
            .filter_map(|q| q.speaker_text.as_deref())
            .filter(|s| *s == "Trump")
            .map(str::as_ptr),
    );
    assert!(said.0 == 1 && said.1 > 1, "{said:?}");
}

fn cluster_articles(m: &Model, cluster: ClusterId) -> Vec<String> {
    let c = m.clusters.iter().find(|c| c.id == cluster).unwrap();
    let mut v: Vec<String> = c
        .articles
        .iter()
        .map(|&a| article_of(m, a)[..3].to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn the_same_quote_in_two_articles_is_one_cluster() {
    let m = model();
    let q = m
        .quotes
        .iter()
        .find(|q| {
            q.text
                .starts_with("They know we are not talking to the Iranians")
        })
        .unwrap();
    assert_eq!(cluster_articles(&m, q.cluster), vec!["000", "001"]);
    let q = m
        .quotes
        .iter()
        .find(|q| q.text.contains("[expletive]"))
        .unwrap();
    let c = m.clusters.iter().find(|c| c.id == q.cluster).unwrap();
    assert!(
        c.members.iter().any(|id| m
            .quotes
            .iter()
            .any(|x| ItemId::Quote(x.id) == *id && x.text.contains("bulls**t"))),
        "the two wordings are one quote"
    );
}

#[test]
fn the_geneva_envoy_statement_is_one_cluster_of_three() {
    let m = model();
    let e = m
        .events
        .iter()
        .find(|e| {
            e.text
                .contains("Iran's envoy to the United Nations in Geneva")
        })
        .unwrap();
    assert_eq!(cluster_articles(&m, e.cluster), vec!["002", "003", "004"]);
}

#[test]
fn different_statements_do_not_merge() {
    let m = model();
    let a = m
        .events
        .iter()
        .find(|e| {
            e.text
                .contains("Iran's envoy to the United Nations in Geneva")
        })
        .unwrap();
    let b = m
        .events
        .iter()
        .find(|e| {
            e.text
                .contains("said on Tuesday that Iran had expressed interest")
        })
        .unwrap();
    assert_ne!(a.cluster, b.cluster);
    let big = m.clusters.iter().map(|c| c.articles.len()).max().unwrap();
    assert!(big <= 5);
}

#[test]
fn no_page_furniture_in_events_or_quotes() {
    let m = model();
    let bad = [
        "Written by",
        "LOADING",
        "What's the story",
        "[Follow]",
        "Follow",
        "Reply",
        "Copy link",
        "Read 36 replies",
        "Subscribe",
        "What's Included",
        "Digital Edition",
        "money back",
        "(#)",
        "](",
        "@ronenbergman",
        "AM ·",
    ];
    for t in m
        .events
        .iter()
        .map(|e| &e.text)
        .chain(m.quotes.iter().map(|q| &q.text))
    {
        for b in bad {
            assert!(!t.contains(b), "{b:?} in {t:?}");
        }
    }
}

#[test]
fn social_posts_are_dated_by_their_timestamp() {
    let m = model();
    let q = m
        .quotes
        .iter()
        .find(|q| q.text.contains("I might've FORCED THEIR HAND"))
        .unwrap();
    assert_eq!(q.date.start, day(3));
    let g = m
        .quotes
        .iter()
        .find(|q| {
            q.speaker_text.as_deref() == Some("Glenn Greenwald") && q.text.contains("Big Boss")
        })
        .unwrap();
    assert_eq!(g.date.start, day(5));
    assert_eq!(g.speaker.as_deref(), Some("glenn-greenwald"));
}

#[test]
fn spans_point_at_the_text_in_the_file() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let m = model();
    for e in &m.events {
        let a = m.articles.iter().find(|a| a.id == e.article).unwrap();
        let file =
            std::fs::read_to_string(data.join(std::path::Path::new(&a.path).file_name().unwrap()))
                .unwrap();
        let slice = &file[e.span.start..e.span.end];
        let first = e.text.split_whitespace().next().unwrap();
        assert!(
            slice.contains(first.trim_matches(|c: char| !c.is_alphanumeric())),
            "{slice:?} vs {:?}",
            e.text
        );
    }
}
