//! The synthetic corpus: a deterministic world of people, outlets and
//! stories, and news-like articles written about it.

use chrono::{Datelike, Duration as Days, NaiveDate};

pub const SEED: u64 = 0x5eed_da7e_11e5;

// ---------------------------------------------------------------------------
// A small deterministic PRNG (splitmix64).

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut r = Rng(seed ^ 0x9e37_79b9_7f4a_7c15);
        r.next_u64();
        r
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    pub fn pick<T: Clone>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())].clone()
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

// ---------------------------------------------------------------------------
// Vocabulary.

pub const FIRST: &[&str] = &[
    "Alan", "Maria", "David", "Sofia", "Omar", "Elena", "James", "Leila", "Viktor", "Hana",
    "Tomas", "Grace", "Samuel", "Nadia", "Peter", "Ingrid", "Rafael", "Amira", "Jonas", "Clara",
    "Karim", "Yuki", "Daniel", "Olga", "Marcus", "Fatima", "Lukas", "Priya", "Henrik", "Aisha",
    "Pablo", "Mei", "Stefan", "Rosa", "Ivan", "Noor", "Felix", "Lena", "Arjun", "Beatrix",
];
pub const LAST: &[&str] = &[
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
pub const SYLL: &[&str] = &[
    "ka", "ro", "vi", "ta", "len", "mar", "so", "bel", "dor", "an", "gri", "ve", "lo", "sha",
    "tor", "mi", "nez", "cor", "pa", "ul", "res", "din", "ko", "sel", "ra", "bo", "quin", "tez",
];
pub const TITLES: &[(&str, &str)] = &[
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
pub const KNOWN: &[(&str, &str, &str)] = &[
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
pub const KNOWN_SHORT: &[&str] = &["Bibi", "Trump", "Rubio", "Witkoff", "Araghchi", "Netanyahu"];
pub const OUTLETS: &[&str] = &[
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
pub const ORGS: &[&str] = &[
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
pub const VERBS: &[&str] = &[
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
pub const ADJS: &[&str] = &[
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
pub const NOUNS: &[&str] = &[
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
pub const TAILS: &[&str] = &[
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
pub const ASSESS: &[&str] = &[
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
pub const ANON: &[&str] = &[
    "a senior official",
    "one source",
    "two people familiar with the matter",
    "a diplomat briefed on the talks",
    "a person close to the negotiations",
    "an official who was not authorized to speak publicly",
    "a senior administration official",
];
pub const MONTHS: &[&str] = &[
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
pub const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A sentence opening: the date phrase, or a capital letter when there is none.
pub fn lead(when: &str, rest: &str) -> String {
    if when.is_empty() {
        cap(rest)
    } else {
        format!("{when}{rest}")
    }
}

pub const PARTICIPLES: &[&str] = &[
    "approved",
    "finalized",
    "signed",
    "delayed",
    "extended",
    "renegotiated",
    "scrapped",
];

pub fn synth_word(r: &mut Rng, syllables: usize) -> String {
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(r.pick(SYLL));
    }
    cap(&w)
}

pub struct Person {
    title: String,
    name: String,
    short: String,
    role: String,
}

/// Articles arrive in news cycles: each story is covered by about eight
/// consecutive articles, which repeat its key sentences and quotes.
pub struct Story {
    events: Vec<String>,
    quotes: Vec<(String, usize)>,
}

pub struct World {
    people: Vec<Person>,
    places: Vec<String>,
    base: NaiveDate,
}

impl World {
    pub fn new() -> World {
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

    pub fn person(&self, r: &mut Rng) -> usize {
        // The known people are named often; the rest share the remainder.
        if r.chance(15) {
            r.below(KNOWN.len())
        } else {
            r.below(self.people.len())
        }
    }

    pub fn fill(&self, r: &mut Rng, pattern: &str) -> String {
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

    pub fn subject(&self, r: &mut Rng) -> String {
        match r.below(4) {
            0 => {
                let p = &self.people[self.person(r)];
                format!("{} {}", p.title, p.name)
            }
            1 => format!("officials in {}", r.pick(&self.places)),
            _ => r.pick(ORGS).to_string(),
        }
    }

    pub fn clause(&self, r: &mut Rng) -> String {
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

    pub fn quote_text(&self, r: &mut Rng) -> String {
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

    pub fn day_phrase(&self, r: &mut Rng, published: NaiveDate) -> String {
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

    pub fn story(&self, id: usize) -> Story {
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

    pub fn sentence(&self, r: &mut Rng, published: NaiveDate, story: &Story) -> String {
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
    pub fn article(&self, i: usize) -> String {
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
