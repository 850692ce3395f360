//! Word lists and patterns for quote attribution.

use regex::Regex;
use std::sync::LazyLock;

/// Byte that replaces every byte of a quoted span in the masked text.
pub(super) const MASK: u8 = 0x01;
/// Longest narration (bytes) between two parts of a split quote.
pub(super) const MAX_SPLIT_GAP: usize = 200;
/// How far back (bytes) pronoun resolution looks for a name.
/// Longest sentence (bytes) looked at around a quote.
pub(super) const MAX_SENTENCE: usize = 2000;
pub(super) const RESOLVE_WINDOW: usize = 1200;

/// Verbs of speech, each in the forms news writing uses: a general
/// lexicon, not the verbs of one corpus. Present forms that are as often
/// plural nouns ("reports", "claims", "recalls") are left out. Participles
/// ("…, asserting, “…”") speak for the subject that opens their sentence;
/// "read" is what a letter or an article says; the capitalised forms open
/// an inverted attribution ("Said Ellis: “…”").
pub(super) const VERBS: &str = "said|says|say|saying|wrote|writes|write|writing|told|tells|added|adds|adding|\
tweeted|posted|asked|asks|explained|explains|noted|argued|argues|claimed|\
continued|continues|stated|warned|warns|insisted|insists|declared|declares|replied|replies|\
responded|responds|recalled|remarked|acknowledged|acknowledges|admitted|admits|announced|\
announces|observed|suggested|suggests|countered|conceded|concedes|\
predicted|promised|vowed|joked|quipped|shouted|shouts|yelled|yells|screamed|screams|urged|\
answered|agreed|clarified|elaborated|speculated|hinted|proclaimed|protested|objected|\
scoffed|fumed|griped|grumbled|groused|gushed|marveled|marvelled|reasoned|sighed|\
wired|cabled|messaged|radioed|reminded|reassured|shot back|fired back|ask|\
concluded|concludes|testified|testifies|emailed|texted|typed|bragged|boasted|complained|complains|lamented|pleaded|pled|\
implored|begged|demanded|mused|cautioned|contended|contends|recounted|\
reiterated|assured|stressed|emphasized|emphasised|maintained|maintains|alleged|tweeting|posting|\
exclaimed|began|wondered|predicts|thundered|disclosed|revealed|confirmed|reported|\
chanted|chanting|sang|sings|singing|whispered|muttered|murmured|retorted|snapped|interjected|\
asserted|asserts|affirmed|commented|opined|pledged|pointed out|put it|[Aa]ccording to|\
asserting|insisting|noting|arguing|explaining|warning|declaring|telling|claiming|stating|\
responding|replying|joking|quipping|recalling|urging|vowing|promising|pleading|complaining|\
boasting|bragging|predicting|acknowledging|admitting|announcing|conceding|stressing|\
reiterating|asking|reads|read|Said|Says|Added|Asked";

/// Verbs that introduce a partial quotation woven into a sentence
/// ("called him “a genius”", "likened the rules to “…”") besides those of
/// speech.
pub(super) const NAMING: &str = "called|calls|call|calling|dubbed|dubs|labeled|labelled|labels|branded|\
termed|described|describes|referred|referenced|cited|hailed|praised|likened|compared|attacked|\
blasted|slammed|denounced|decried|mocked|deemed|used|uses|invoked|specified";
/// Nouns that introduce a quoted phrase ("the words “…”").
const CUE_NOUNS: &str = "words|phrase|term|slogan|motto";

pub(super) static VERB_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b(?:{VERBS})\b")).expect("verb regex"));
/// A speech or naming verb: the subject of a naming verb in the quote's
/// own sentence is its speaker ("Her rivals called it “…”").
pub(super) static SAY_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b(?:{VERBS}|{NAMING})\b")).expect("say regex"));
/// A speech or naming verb or a noun that introduces a quoted phrase.
pub(super) static CUE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b(?:{VERBS}|{NAMING}|{CUE_NOUNS})\b")).expect("cue regex")
});
pub(super) static WORD_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}'’.\-]*").expect("word regex"));

pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it", "you"];
/// Words that end a subject phrase when walking back from the verb.
pub(super) const CLAUSE_WORDS: &[&str] = &[
    "that", "and", "but", "when", "because", "while", "although", "though", "if", "as", "so",
    "where", "which", "after", "before", "since", "what", "how", "why", "or", "than", "is", "was",
    "were", "are", "be", "been", "has", "have", "had", "not", "to", "also", "whom", "once",
    "whether", "until", "unless", "then", "later", "yet", "said", "says", "told", "wrote",
];
/// Adverbs and auxiliaries skipped between a subject and its verb.
pub(super) const SKIP_BEFORE_VERB: &[&str] = &[
    "also",
    "later",
    "then",
    "has",
    "had",
    "have",
    "would",
    "will",
    "once",
    "further",
    "again",
    "just",
    "often",
    "never",
    "even",
    "did",
    "does",
    "earlier",
    "since",
    "first",
    "previously",
    "reportedly",
    "recently",
    "has also",
    "could",
    "may",
    "might",
    "can",
    "should",
    "still",
    "who",
    "had",
    "once",
    "simply",
    "only",
    "then",
    "now",
    "which",
];
/// Plural nouns for people that head an anonymous speaker phrase.
pub(super) const PEOPLE: &[&str] = &[
    "people",
    "sources",
    "officials",
    "residents",
    "witnesses",
    "experts",
    "analysts",
    "aides",
    "critics",
    "lawyers",
    "diplomats",
    "investigators",
    "neighbours",
    "neighbors",
    "friends",
];
pub(super) const DETERMINERS: &[&str] = &[
    "a", "an", "the", "one", "two", "three", "four", "several", "some", "many", "another", "both",
    "most", "few", "other", "senior", "former", "top", "his", "her", "their", "its", "my", "our",
    "multiple", "several",
];
/// Words after "said X," that end the speaker phrase.
pub(super) const APPOS_STOP: &[&str] = &[
    "according",
    "adding",
    "in",
    "on",
    "at",
    "during",
    "referring",
    "speaking",
    "noting",
    "citing",
    "when",
    "while",
    "as",
    "after",
    "before",
    "because",
    "but",
    "and",
    "although",
    "though",
    "explaining",
    "pointing",
    "saying",
    "arguing",
    "calling",
    "to",
    "from",
    "with",
    "before",
    "then",
    "if",
    "so",
    "that",
    "this",
    "also",
    "not",
    "writing",
    "asked",
];
/// Lower-case words that end a name phrase ("said Trump on Tuesday").
pub(super) const NAME_STOP: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "to",
    "from",
    "after",
    "before",
    "last",
    "this",
    "that",
    "when",
    "while",
    "as",
    "and",
    "but",
    "about",
    "earlier",
    "later",
    "recently",
    "yesterday",
    "today",
    "told",
    "through",
    "via",
    "because",
    "since",
    "shortly",
    "then",
    "over",
    "into",
    "with",
    "where",
    "if",
    "by",
];
/// Capitalised words that do not start a person's name.
pub(super) const NOT_NAME: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "however",
    "meanwhile",
    "after",
    "before",
    "when",
    "while",
    "also",
    "as",
    "last",
    "this",
    "that",
    "then",
    "yet",
    "so",
    "still",
    "since",
    "for",
    "with",
    "without",
    "over",
    "under",
    "despite",
    "although",
    "if",
    "earlier",
    "later",
    "now",
    "asked",
    "speaking",
    "according",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "its",
    "our",
    "there",
    "these",
    "those",
    "what",
    "who",
    "why",
    "how",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "to",
    "of",
    "by",
    "from",
    "both",
    "one",
    "two",
    "many",
    "some",
    "all",
    "no",
    "not",
    "in",
    "during",
    "instead",
    "here",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "president",
    "sen.",
    "rep.",
    "gov.",
    "secretary",
    "senator",
    "representative",
    "governor",
    "prime",
    "minister",
    "former",
    "u.s.",
    "american",
    "democratic",
    "republican",
    "white",
    "house",
    "is",
    "was",
    "do",
    "did",
    "does",
    "my",
    "your",
    "you",
    "thus",
    "just",
    "even",
    "only",
    "unlike",
    "like",
];
pub(super) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "st", "jr", "sr", "del",
    "rev", "prof", "u.s", "u.n", "u.k", "inc", "co", "corp", "vs", "no", "sgt", "capt", "maj",
    "adm", "ft", "mt", "d.c", "a.m", "p.m", "e.g", "i.e", "jan", "feb", "aug", "sept", "sep",
    "oct", "nov", "dec", "calif", "fla", "ky", "va", "n.y", "wis", "md", "mo", "ariz", "tex",
];

/// Words after which a name is an object, not a speaker.
pub(crate) const PREPOSITIONS: &[&str] = &[
    "with", "in", "on", "at", "for", "from", "to", "of", "by", "about", "against", "toward",
    "towards", "into", "onto", "than",
];
/// Heads of a definite description that stands for a person named before
/// ("the New York businessman said"): a role, not a name.
/// Sources kept anonymous ("the official", "the source") are not here.
pub(super) const ROLE_NOUNS: &[&str] = &[
    "businessman",
    "businesswoman",
    "billionaire",
    "mogul",
    "nominee",
    "candidate",
    "president",
    "senator",
    "governor",
    "congressman",
    "congresswoman",
    "lawmaker",
    "mayor",
    "premier",
    "chancellor",
    "chairman",
    "chairwoman",
    "actor",
    "actress",
    "singer",
    "rapper",
    "incumbent",
    "challenger",
    "comedian",
    "entrepreneur",
    "tycoon",
    "politician",
];
