//! dateline-bench: throughput, scaling, peak memory and filter latency,
//! measured on a synthetic corpus generated here, deterministically.
//!
//!   dateline-bench extract   open + JSON export of 1,000 and 10,000 articles
//!   dateline-bench filter    query::filter over 10,000 and 100,000 items,
//!                            side by side with `fzf --filter` when installed
//!   dateline-bench all       both
//!
//! Each extract size runs in a child process of its own (this binary,
//! re-executed with `--child-extract`) so that its VmHWM is its own.

use chrono::{Datelike, Duration as Days, NaiveDate};
use dateline::aliases::AliasTable;
use dateline::loader::{self, RawText};
use dateline::query::{self, Haystack, Query};
use dateline::timeline::{self, Item};
use dateline::{corpus, export, extract};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SEED: u64 = 0x5eed_da7e_11e5;

// ---------------------------------------------------------------------------
// A small deterministic PRNG (splitmix64).

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut r = Rng(seed ^ 0x9e37_79b9_7f4a_7c15);
        r.next_u64();
        r
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn pick<T: Clone>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())].clone()
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

// ---------------------------------------------------------------------------
// Vocabulary.

const FIRST: &[&str] = &[
    "Alan", "Maria", "David", "Sofia", "Omar", "Elena", "James", "Leila", "Viktor", "Hana",
    "Tomas", "Grace", "Samuel", "Nadia", "Peter", "Ingrid", "Rafael", "Amira", "Jonas", "Clara",
    "Karim", "Yuki", "Daniel", "Olga", "Marcus", "Fatima", "Lukas", "Priya", "Henrik", "Aisha",
    "Pablo", "Mei", "Stefan", "Rosa", "Ivan", "Noor", "Felix", "Lena", "Arjun", "Beatrix",
];
const LAST: &[&str] = &[
    "Reyes",
    "Okafor",
    "Lindqvist",
    "Haddad",
    "Moreau",
    "Tanaka",
    "Kowalski",
    "Brennan",
    "Castillo",
    "Novak",
    "Petrov",
    "Mensah",
    "Larsen",
    "Farouk",
    "Oliveira",
    "Schmidt",
    "Nakamura",
    "Duarte",
    "Whitfield",
    "Al-Amin",
    "Varga",
    "Rossi",
    "Keane",
    "Sorensen",
    "Abbasi",
];
const SYLL: &[&str] = &[
    "ka", "ro", "vi", "ta", "len", "mar", "so", "bel", "dor", "an", "gri", "ve", "lo", "sha",
    "tor", "mi", "nez", "cor", "pa", "ul", "res", "din", "ko", "sel", "ra", "bo", "quin", "tez",
];
const TITLES: &[(&str, &str)] = &[
    ("Prime Minister", "the prime minister"),
    ("Foreign Minister", "the minister"),
    ("Defense Minister", "the minister"),
    ("Finance Minister", "the minister"),
    ("Interior Minister", "the minister"),
    ("Senator", "the senator"),
    ("Governor", "the governor"),
    ("Ambassador", "the ambassador"),
    ("General", "the general"),
    ("President", "the president"),
    ("Mayor", "the mayor"),
    ("Secretary of State", "the secretary"),
    ("spokesperson", "the spokesperson"),
    ("Representative", "the lawmaker"),
];
/// People in the bundled alias table, so aliases ("Bibi") have work to do.
const KNOWN: &[(&str, &str, &str)] = &[
    (
        "Israeli Prime Minister",
        "Benjamin Netanyahu",
        "the prime minister",
    ),
    ("President", "Donald Trump", "the president"),
    ("Secretary of State", "Marco Rubio", "the secretary"),
    ("special envoy", "Steve Witkoff", "the envoy"),
    ("Foreign Minister", "Abbas Araghchi", "the minister"),
];
const KNOWN_SHORT: &[&str] = &["Bibi", "Trump", "Rubio", "Witkoff", "Araghchi", "Netanyahu"];
const OUTLETS: &[&str] = &[
    "Axios",
    "Reuters",
    "The New York Times",
    "Associated Press",
    "The Washington Post",
    "Politico",
    "Bloomberg",
    "Al Jazeera",
    "The Daily Ledger",
    "The Harbor Tribune",
    "The Northern Courier",
    "Meridian News",
    "The Capital Observer",
];
const ORGS: &[&str] = &[
    "the defense ministry",
    "the central bank",
    "negotiators",
    "the ruling coalition",
    "opposition lawmakers",
    "the army",
    "the foreign ministry",
    "the White House",
    "Iran",
    "the U.S.",
    "Israel",
    "the United Nations",
    "the CIA",
    "the energy regulator",
    "the trade commission",
    "the electoral board",
    "the port authority",
    "the health ministry",
    "mediators",
    "the cabinet",
];
const VERBS: &[&str] = &[
    "approved",
    "rejected",
    "proposed",
    "delayed",
    "announced",
    "suspended",
    "expanded",
    "signed",
    "drafted",
    "blocked",
    "negotiated",
    "questioned",
    "endorsed",
    "postponed",
    "finalized",
    "criticized",
    "withdrew from",
    "revived",
    "leaked",
    "disputed",
    "reviewed",
    "accelerated",
    "scaled back",
    "imposed",
    "lifted",
    "extended",
    "tightened",
    "eased",
    "funded",
    "audited",
    "quietly shelved",
    "publicly defended",
];
const ADJS: &[&str] = &[
    "new",
    "sweeping",
    "temporary",
    "limited",
    "expanded",
    "revised",
    "controversial",
    "long-delayed",
    "bilateral",
    "emergency",
    "classified",
    "preliminary",
    "binding",
    "informal",
    "regional",
    "maritime",
    "nuclear",
    "agricultural",
    "fiscal",
    "military",
    "diplomatic",
    "humanitarian",
    "cross-border",
    "multiyear",
];
const NOUNS: &[&str] = &[
    "sanctions",
    "ceasefire talks",
    "export controls",
    "trade agreement",
    "security guarantees",
    "aid package",
    "budget",
    "pipeline deal",
    "border agreement",
    "prisoner exchange",
    "tariff schedule",
    "peace framework",
    "arms shipments",
    "energy subsidies",
    "oil quotas",
    "grain corridor",
    "cyber defense pact",
    "inspection regime",
    "reconstruction fund",
    "fishing rights accord",
    "water-sharing treaty",
    "airspace restrictions",
    "visa program",
    "debt relief plan",
    "election timetable",
    "mining concessions",
    "refugee quota",
    "naval patrols",
];
const TAILS: &[&str] = &[
    "for {P}",
    "with {P}",
    "after talks in {P}",
    "covering {P} and {P}",
    "despite objections from {N}",
    "ahead of the summit in {P}",
    "over the objections of the finance ministry",
    "in a closed-door session",
    "without consulting {P}",
    "under pressure from {N}",
    "",
    "",
];
const ASSESS: &[&str] = &[
    "a serious mistake",
    "long overdue",
    "not acceptable to anyone",
    "the best deal available",
    "a step backwards",
    "premature",
    "a red line for us",
    "completely misunderstood",
    "still very fragile",
];
const ANON: &[&str] = &[
    "a senior official",
    "one source",
    "two people familiar with the matter",
    "a diplomat briefed on the talks",
    "a person close to the negotiations",
    "an official who was not authorized to speak publicly",
    "a senior administration official",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A sentence opening: the date phrase, or a capital letter when there is none.
fn lead(when: &str, rest: &str) -> String {
    if when.is_empty() {
        cap(rest)
    } else {
        format!("{when}{rest}")
    }
}

const PARTICIPLES: &[&str] = &[
    "approved",
    "finalized",
    "signed",
    "delayed",
    "extended",
    "renegotiated",
    "scrapped",
];

fn synth_word(r: &mut Rng, syllables: usize) -> String {
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(r.pick(SYLL));
    }
    cap(&w)
}

struct Person {
    title: String,
    name: String,
    short: String,
    role: String,
}

/// Articles arrive in news cycles: each story is covered by about eight
/// consecutive articles, which repeat its key sentences and quotes.
struct Story {
    events: Vec<String>,
    quotes: Vec<(String, usize)>,
}

struct World {
    people: Vec<Person>,
    places: Vec<String>,
    base: NaiveDate,
}

impl World {
    fn new() -> World {
        let mut r = Rng::new(SEED);
        let mut people = Vec::new();
        for (t, n, role) in KNOWN {
            let short = n.rsplit(' ').next().unwrap_or(n).to_string();
            people.push(Person {
                title: t.to_string(),
                name: n.to_string(),
                short,
                role: role.to_string(),
            });
        }
        while people.len() < 300 {
            let first = r.pick(FIRST).to_string();
            let last = if r.chance(40) {
                r.pick(LAST).to_string()
            } else {
                let k = 2 + r.below(2);
                synth_word(&mut r, k)
            };
            let (t, role) = r.pick(TITLES);
            people.push(Person {
                title: t.to_string(),
                name: format!("{first} {last}"),
                short: last,
                role: role.to_string(),
            });
        }
        let places = (0..150)
            .map(|_| {
                let k = 2 + r.below(2);
                synth_word(&mut r, k)
            })
            .collect();
        World {
            people,
            places,
            base: NaiveDate::from_ymd_opt(2026, 1, 5).expect("valid"),
        }
    }

    fn person(&self, r: &mut Rng) -> usize {
        // The known people are named often; the rest share the remainder.
        if r.chance(15) {
            r.below(KNOWN.len())
        } else {
            r.below(self.people.len())
        }
    }

    fn fill(&self, r: &mut Rng, pattern: &str) -> String {
        let mut out = String::new();
        let mut rest = pattern;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let key = &rest[i + 1..i + 2];
            rest = &rest[i + 3..];
            match key {
                "P" => out.push_str(&r.pick(&self.places)),
                _ => {
                    let p = &self.people[self.person(r)];
                    out.push_str(&p.name);
                }
            }
        }
        out.push_str(rest);
        out
    }

    fn subject(&self, r: &mut Rng) -> String {
        match r.below(4) {
            0 => {
                let p = &self.people[self.person(r)];
                format!("{} {}", p.title, p.name)
            }
            1 => format!("officials in {}", r.pick(&self.places)),
            _ => r.pick(ORGS).to_string(),
        }
    }

    fn clause(&self, r: &mut Rng) -> String {
        let subj = self.subject(r);
        let pattern: &str = r.pick(TAILS);
        let tail = self.fill(r, pattern);
        let mut s = format!(
            "{subj} {} the {} {}",
            r.pick(VERBS),
            r.pick(ADJS),
            r.pick(NOUNS)
        );
        if !tail.is_empty() {
            s.push(' ');
            s.push_str(&tail);
        }
        s
    }

    fn quote_text(&self, r: &mut Rng) -> String {
        let n = r.pick(NOUNS);
        let a = r.pick(ADJS);
        let p = r.pick(&self.places);
        let head = match r.below(6) {
            0 => format!("We are not going to accept a {a} {n} dictated from {p}"),
            1 => format!(
                "This {n} is {}, and everyone in {p} knows it",
                r.pick(ASSESS)
            ),
            2 => format!("There is no {a} {n} on the table right now"),
            3 => return format!("I told them that {}", self.clause(r)),
            4 => format!(
                "The {n} will be {} by the end of {}",
                r.pick(PARTICIPLES),
                r.pick(MONTHS)
            ),
            _ => format!("Nobody in {p} wants {a} {n}, but we may have no choice"),
        };
        // Templates alone repeat by chance across thousands of articles; the
        // tail makes an accidental near-duplicate rare, so clusters come from
        // the stories that really repeat a quote.
        match r.below(3) {
            0 => format!("{head}, because {}", self.clause(r)),
            1 => format!("{head}, not while {}", self.clause(r)),
            _ => format!("{head}, and {} knows that", self.subject(r)),
        }
    }

    fn day_phrase(&self, r: &mut Rng, published: NaiveDate) -> String {
        match r.below(10) {
            0 | 1 => format!("On {}, ", r.pick(WEEKDAYS)),
            2 => "Last week, ".into(),
            3 => "Earlier this week, ".into(),
            4 => {
                let m = (published.month0() as usize + 11) % 12;
                format!("In {}, ", MONTHS[m])
            }
            5 => {
                let d = published - Days::days(r.range(1, 12) as i64);
                format!("On {} {}, ", MONTHS[d.month0() as usize], d.day())
            }
            6 => format!("Late on {}, ", r.pick(WEEKDAYS)),
            _ => String::new(),
        }
    }

    fn story(&self, id: usize) -> Story {
        let mut r = Rng::new(SEED ^ (id as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
        let day = self.base + Days::days((id / 10) as i64 - r.below(3) as i64);
        let date = format!("On {} {}, ", MONTHS[day.month0() as usize], day.day());
        let events = (0..6)
            .map(|_| lead(&date, &format!("{}.", self.clause(&mut r))))
            .collect();
        let quotes = (0..4)
            .map(|_| (self.quote_text(&mut r), self.person(&mut r)))
            .collect();
        Story { events, quotes }
    }

    fn sentence(&self, r: &mut Rng, published: NaiveDate, story: &Story) -> String {
        let when = self.day_phrase(r, published);
        match r.below(14) {
            0 | 1 => {
                let p = &self.people[self.person(r)];
                let rest = format!(
                    "{} {} told reporters that {}.",
                    p.title,
                    p.name,
                    self.clause(r)
                );
                lead(&when, &rest)
            }
            2 => format!(
                "{}, {} reported {}, citing {} sources with knowledge of the matter.",
                cap(&self.clause(r)),
                r.pick(OUTLETS),
                r.pick(WEEKDAYS),
                r.pick(&["two", "three", "several"])
            ),
            3 => {
                let rest = format!("{}, according to {}.", self.clause(r), r.pick(OUTLETS));
                lead(&when, &rest)
            }
            4 => lead(&when, &format!("{} said {}.", r.pick(ANON), self.clause(r))),
            5 => {
                let p = &self.people[self.person(r)];
                format!("\"{},\" {} said.", self.quote_text(r), p.role)
            }
            6 => format!("\"{},\" {} said.", self.quote_text(r), r.pick(ANON)),
            7 => {
                let p = &self.people[self.person(r)];
                format!(
                    "\"{},\" {} {} told {}.",
                    self.quote_text(r),
                    p.title,
                    p.name,
                    r.pick(OUTLETS)
                )
            }
            8 | 9 => story.events[r.below(story.events.len())].clone(),
            10 | 11 => {
                let (q, who) = &story.quotes[r.below(story.quotes.len())];
                let p = &self.people[*who];
                match r.below(3) {
                    0 => format!("\"{q},\" {} {} said.", p.title, p.name),
                    1 => format!("\"{q},\" said {}.", p.short),
                    _ => format!("{} {} said: \"{q}.\"", p.title, p.name),
                }
            }
            12 => format!(
                "{}The White House told {} that {}.",
                when,
                r.pick(KNOWN_SHORT),
                self.clause(r)
            ),
            _ => lead(&when, &format!("{}.", self.clause(r))),
        }
    }

    /// Article `i`: the same text whatever the corpus size, so the
    /// 1,000-article corpus is the first tenth of the 10,000 one.
    fn article(&self, i: usize) -> String {
        let mut r = Rng::new(SEED.wrapping_add((i as u64).wrapping_mul(0x1000_0000_01b3)));
        let published = self.base + Days::days((i / 40 + r.below(2)) as i64);
        let story = self.story(i / 4 + r.below(8));
        let target = r.range(2_400, 5_600);
        let mut out = format!(" date {} ", published.format("%Y-%m-%d"));
        let mut first = true;
        while out.len() < target {
            if !first {
                out.push_str("\n\n");
            }
            first = false;
            let n = r.range(1, 3);
            for k in 0..n {
                if k > 0 {
                    out.push(' ');
                }
                out.push_str(&self.sentence(&mut r, published, &story));
            }
        }
        out.push('\n');
        out
    }
}

// ---------------------------------------------------------------------------
// Helpers.

/// A folder under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let p = std::env::temp_dir().join(format!(
            "dateline-bench-{}-{tag}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&p).expect("create temp dir");
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Peak resident set size of this process, in kB.
fn vm_hwm_kb() -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn write_corpus(w: &World, dir: &Path, n: usize) -> usize {
    let mut bytes = 0;
    for i in 0..n {
        let text = w.article(i);
        bytes += text.len();
        std::fs::write(dir.join(format!("{i:05}.txt")), text).expect("write article");
    }
    bytes
}

// ---------------------------------------------------------------------------
// extract: one size per child process.

fn child_extract(n: usize, max_runs: usize) {
    let w = World::new();
    let dir = TempDir::new(&n.to_string());
    let bytes = write_corpus(&w, &dir.0, n);
    let hwm_before = vm_hwm_kb();
    let paths = [dir.0.clone()];
    let mut times = Vec::new();
    let mut counts = (0, 0, 0, 0, 0);
    let budget = Instant::now();
    for _ in 0..max_runs {
        let t = Instant::now();
        let c = corpus::open(&paths, None);
        let json = export::to_json(&c.model, &c.issues);
        let dt = t.elapsed();
        counts = (
            c.model.events.len(),
            c.model.quotes.len(),
            c.model.clusters.len(),
            c.model.actors.len(),
            json.len(),
        );
        drop(json);
        drop(c);
        times.push(dt);
        eprintln!("  {n} articles: run {} took {:.2} s", times.len(), secs(dt));
        if budget.elapsed() > Duration::from_secs(40) {
            break;
        }
    }
    let hwm = vm_hwm_kb();

    // Stage breakdown, one more pass: load / build_model / timeline / to_json.
    let t = Instant::now();
    let (docs, issues) = corpus::load_paths(&paths);
    let load = t.elapsed();
    let (table, _) = AliasTable::parse(loader::BUNDLED_ALIASES);
    let t = Instant::now();
    let model = extract::build_model(&docs, &table);
    let build = t.elapsed();
    let t = Instant::now();
    let mut m2 = model.clone();
    let clone = t.elapsed();
    let t = Instant::now();
    dateline::cluster::assign(&mut m2);
    let cluster = t.elapsed();
    drop(m2);
    let t = Instant::now();
    let json = export::to_json(&model, &issues);
    let tojson = t.elapsed();
    let t = Instant::now();
    let items = timeline::build(&model);
    let tl = t.elapsed();

    println!(
        "RESULT n={n} bytes={bytes} runs={} median={} events={} quotes={} clusters={} actors={} \
         json={} hwm_kb={hwm} hwm_before_kb={hwm_before} load={} build={} cluster={} clone={} \
         to_json={} timeline={} items={}",
        times.len(),
        secs(median(times)),
        counts.0,
        counts.1,
        counts.2,
        counts.3,
        counts.4.max(json.len()),
        secs(load),
        secs(build),
        secs(cluster),
        secs(clone),
        secs(tojson),
        secs(tl),
        items.len(),
    );
}

fn run_child(n: usize, runs: usize) -> HashMap<String, String> {
    let exe = std::env::current_exe().expect("own path");
    let out = Command::new(exe)
        .args(["--child-extract", &n.to_string(), &runs.to_string()])
        .stderr(Stdio::inherit())
        .output()
        .expect("run child");
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with("RESULT "))
        .unwrap_or_else(|| panic!("child for {n} articles failed: {text}"));
    line["RESULT ".len()..]
        .split_whitespace()
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn bench_extract() {
    let sizes = [(1_000usize, 3usize), (10_000, 3)];
    let mut res = Vec::new();
    for (n, runs) in sizes {
        eprintln!("extract: {n} articles ...");
        res.push(run_child(n, runs));
    }
    let f = |r: &HashMap<String, String>, k: &str| -> f64 {
        r.get(k).and_then(|v| v.parse().ok()).unwrap_or(f64::NAN)
    };
    println!();
    println!("== extract: corpus::open + export::to_json (median of runs) ==");
    println!(
        "{:>9} {:>8} {:>5} {:>9} {:>8} {:>8} {:>8} {:>8} {:>9} {:>10} {:>8}",
        "articles",
        "MB",
        "runs",
        "seconds",
        "MB/s",
        "events",
        "quotes",
        "clusters",
        "JSON MB",
        "peak MB",
        "peak/MB"
    );
    for r in &res {
        let bytes = f(r, "bytes");
        let hwm = f(r, "hwm_kb") * 1024.0;
        println!(
            "{:>9} {:>8.2} {:>5} {:>9.3} {:>8.2} {:>8} {:>8} {:>8} {:>9.1} {:>10.1} {:>7.2}x",
            f(r, "n"),
            bytes / 1e6,
            f(r, "runs"),
            f(r, "median"),
            bytes / 1e6 / f(r, "median"),
            f(r, "events"),
            f(r, "quotes"),
            f(r, "clusters"),
            f(r, "json") / 1e6,
            hwm / 1e6,
            hwm / bytes,
        );
    }
    println!();
    println!("stage breakdown (one extra pass each, seconds):");
    println!(
        "{:>9} {:>9} {:>12} {:>14} {:>9} {:>15} {:>10}",
        "articles", "load", "build_model", "(cluster only)", "to_json", "timeline::build", "items"
    );
    for r in &res {
        println!(
            "{:>9} {:>9.3} {:>12.3} {:>14.3} {:>9.3} {:>15.3} {:>10}",
            f(r, "n"),
            f(r, "load"),
            f(r, "build"),
            f(r, "cluster"),
            f(r, "to_json"),
            f(r, "timeline"),
            f(r, "items"),
        );
    }
    println!(
        "(process peak before loading, corpus already written: {:.1} MB / {:.1} MB)",
        f(&res[0], "hwm_before_kb") / 1024.0,
        f(&res[1], "hwm_before_kb") / 1024.0
    );
    let (a, b) = (&res[0], &res[1]);
    let scale = (f(b, "median") / f(a, "median")) / (f(b, "bytes") / f(a, "bytes"));
    let t10 = f(b, "median");
    let peak =
        (f(a, "hwm_kb") * 1024.0 / f(a, "bytes")).max(f(b, "hwm_kb") * 1024.0 / f(b, "bytes"));
    let verdict = |ok: bool| if ok { "ok" } else { "MISSED" };
    println!();
    println!(
        "{:<44} {:>14} {:>12} {:>7}",
        "target", "measured", "target", ""
    );
    println!(
        "{:<44} {:>12.2} s {:>10} s {:>7}",
        "full export of 10,000 articles",
        t10,
        "< 5",
        verdict(t10 < 5.0)
    );
    println!(
        "{:<44} {:>12.2} x {:>10} x {:>7}",
        "cost per 1x of corpus (1k -> 10k)",
        scale,
        "<= 1.2",
        verdict(scale <= 1.2)
    );
    println!(
        "{:<44} {:>12.2} x {:>10} x {:>7}",
        "peak memory / corpus size (worst size)",
        peak,
        "< 4",
        verdict(peak < 4.0)
    );
}

// ---------------------------------------------------------------------------
// filter.

fn synth_items(w: &World, n: usize) -> (dateline::model::Model, Vec<Item>) {
    let (table, _) = AliasTable::parse(loader::BUNDLED_ALIASES);
    let mut docs: Vec<loader::Document> = Vec::new();
    let mut want = (n / 20).max(50);
    loop {
        while docs.len() < want {
            let i = docs.len();
            docs.push(loader::document(RawText {
                path: PathBuf::from(format!("synthetic/{i:06}.txt")),
                text: w.article(i),
                warnings: Vec::new(),
            }));
        }
        let t = Instant::now();
        let model = extract::build_model(&docs, &table);
        let mut items = timeline::build(&model);
        eprintln!(
            "  {} articles -> {} items in {:.2} s",
            docs.len(),
            items.len(),
            secs(t.elapsed())
        );
        if items.len() >= n {
            items.truncate(n);
            return (model, items);
        }
        let per = items.len().max(1) as f64 / docs.len() as f64;
        want = ((n as f64 / per) * 1.05) as usize + 10;
    }
}

/// Queries for dateline, and what fzf is given for the same intent.
const QUERIES: &[(&str, &str, &str)] = &[
    ("alias", "bibi", "bibi"),
    ("two words", "ceasefire talks", "ceasefire talks"),
    ("3-letter word", "oil", "oil"),
    ("exact", "'sanctions", "'sanctions"),
    ("@name", "@reyes", "reyes"),
    ("no match", "zqxjvw", "zqxjvw"),
];

fn fzf_installed() -> bool {
    Command::new("fzf")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Median wall clock of `fzf --filter q < lines`, and its number of hits.
fn time_fzf(lines: &Path, q: &str, runs: usize) -> (Duration, usize) {
    let mut times = Vec::new();
    let mut hits = 0;
    for _ in 0..runs {
        let input = std::fs::File::open(lines).expect("open lines");
        let t = Instant::now();
        let out = Command::new("fzf")
            .args(["--filter", q])
            .stdin(input)
            .output()
            .expect("run fzf");
        times.push(t.elapsed());
        hits = out.stdout.iter().filter(|&&b| b == b'\n').count();
    }
    (median(times), hits)
}

fn bench_filter() {
    let w = World::new();
    let fzf = fzf_installed();
    let tmp = TempDir::new("filter");
    let mut summary = Vec::new();
    for n in [10_000usize, 100_000] {
        eprintln!("filter: building {n} items ...");
        let t = Instant::now();
        let (model, items) = synth_items(&w, n);
        let built = t.elapsed();
        let t = Instant::now();
        let hays: Vec<Haystack> = items.iter().map(|i| Haystack::of(i, &model)).collect();
        let hay_time = t.elapsed();
        let lines = tmp.0.join(format!("lines-{n}.txt"));
        {
            let mut f = std::io::BufWriter::new(std::fs::File::create(&lines).expect("lines"));
            for it in &items {
                writeln!(f, "{}", it.text.replace('\n', " ")).expect("write lines");
            }
        }
        println!();
        println!(
            "== filter: {} items (model from {} articles built in {:.2} s; haystacks {:.1} ms) ==",
            items.len(),
            model.articles.len(),
            secs(built),
            ms(hay_time)
        );
        println!(
            "{:<14} {:<18} {:>8} {:>11} {:>11} | {:<18} {:>8} {:>11}",
            "query", "dateline", "hits", "median ms", "min ms", "fzf --filter", "hits", "median ms"
        );
        for (label, q, fq) in QUERIES {
            let parsed = Query::parse(q);
            let mut times = Vec::new();
            let mut hits = 0;
            for _ in 0..5 {
                let t = Instant::now();
                let r = query::filter(&model, &items, &hays, &parsed, false);
                times.push(t.elapsed());
                hits = r.len();
            }
            let min = *times.iter().min().expect("runs");
            let med = median(times);
            let fz = if fzf {
                let (d, h) = time_fzf(&lines, fq, 5);
                format!("{:<18} {:>8} {:>11.1}", fq, h, ms(d))
            } else {
                "fzf not installed (apt-get install fzf)".to_string()
            };
            println!(
                "{:<14} {:<18} {:>8} {:>11.1} {:>11.1} | {}",
                label,
                q,
                hits,
                ms(med),
                ms(min),
                fz
            );
            summary.push((n, label.to_string(), med));
        }
    }
    let worst = |n: usize| {
        summary
            .iter()
            .filter(|s| s.0 == n)
            .map(|s| s.2)
            .max()
            .unwrap_or_default()
    };
    let verdict = |ok: bool| if ok { "ok" } else { "MISSED" };
    let (w10, w100) = (worst(10_000), worst(100_000));
    println!();
    println!(
        "{:<44} {:>12} {:>12} {:>7}",
        "target (slowest query)", "measured", "target", ""
    );
    println!(
        "{:<44} {:>9.1} ms {:>9} ms {:>7}",
        "filter pass at 10,000 items",
        ms(w10),
        "< 50",
        verdict(ms(w10) < 50.0)
    );
    println!(
        "{:<44} {:>9.1} ms {:>9} ms {:>7}",
        "full filter pass at 100,000 items",
        ms(w100),
        "< 100",
        verdict(ms(w100) < 100.0)
    );
    println!(
        "(dateline matches text, actors with aliases, outlets and quote text; fzf sees only the row text)"
    );
}

/// The largest clusters of an in-memory corpus of `n` articles: a cluster
/// that grows with the corpus makes clustering superlinear.
fn cluster_stats(n: usize) {
    let w = World::new();
    let docs: Vec<loader::Document> = (0..n)
        .map(|i| {
            loader::document(RawText {
                path: PathBuf::from(format!("synthetic/{i:06}.txt")),
                text: w.article(i),
                warnings: Vec::new(),
            })
        })
        .collect();
    let (table, _) = AliasTable::parse(loader::BUNDLED_ALIASES);
    let model = extract::build_model(&docs, &table);
    let mut sizes: Vec<(usize, usize, &str)> = model
        .clusters
        .iter()
        .map(|c| (c.members.len(), c.articles.len(), c.id.as_str()))
        .collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    let multi = sizes.iter().filter(|s| s.0 > 1).count();
    println!(
        "{n} articles: {} clusters, {multi} with more than one member",
        sizes.len()
    );
    for (members, articles, id) in sizes.iter().take(8) {
        let c = model
            .clusters
            .iter()
            .find(|c| c.id == *id)
            .expect("cluster");
        let first = &c.members[0];
        let text = model
            .events
            .iter()
            .find(|e| &e.id == first)
            .map(|e| e.text.clone())
            .or_else(|| {
                model
                    .quotes
                    .iter()
                    .find(|q| &q.id == first)
                    .map(|q| q.text.clone())
            })
            .unwrap_or_default();
        println!(
            "  {members:>6} members {articles:>6} articles  {:.90}",
            text
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--child-extract") => {
            let n = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1_000);
            let runs = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3);
            child_extract(n, runs);
        }
        Some("--sample") => {
            let w = World::new();
            let i = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(0);
            print!("{}", w.article(i));
        }
        Some("--cluster-stats") => {
            let n = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1_000);
            cluster_stats(n);
        }
        Some("extract") => bench_extract(),
        Some("filter") => bench_filter(),
        Some("all") | None => {
            bench_extract();
            bench_filter();
        }
        Some(other) => {
            eprintln!("usage: dateline-bench [extract|filter|all|--sample N]  (unknown: {other})");
            std::process::exit(2);
        }
    }
}
