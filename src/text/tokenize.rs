//! Words of a unit, with the normalised forms the comparison works on.
//!
//! Word boundaries are Unicode's (UAX #29, via `unicode-segmentation`), so "Pakistan’s" is
//! one word and "cross-border" two. Each word keeps its byte span in the original text —
//! that is the map back from normalised to original offsets — and gets:
//!
//! - `norm`: compatibility forms folded (full-width letters, ligatures, combining marks;
//!   see [`fold`]), lower case, typographic apostrophes folded, a possessive `'s` dropped,
//!   number words one to twenty written as digits and digit-group commas removed
//!   ("Nine" → "9", "2,600" → "2600");
//! - `stem`: the Snowball English stem of `norm` ("talks", "talked" → "talk");
//! - flags: stop word, number, capitalised in the text.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

/// One word of a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte span in the original text.
    pub start: usize,
    pub end: usize,
    pub norm: String,
    pub stem: String,
    pub stop: bool,
    pub number: bool,
    pub capital: bool,
}

/// Words that news reports use for one another, so that "killed" meets "died" and
/// "talks" meets "negotiations". Only general news vocabulary, no story's own words; the
/// first word of each set names it. Multi-word phrases are out of reach of a word map.
const SYNONYMS: &[&[&str]] = &[
    &[
        "kill",
        "killed",
        "die",
        "died",
        "dead",
        "death",
        "deaths",
        "fatality",
        "fatalities",
        "fatal",
    ],
    &[
        "injure", "injured", "injuries", "injury", "hurt", "wounded", "wound",
    ],
    &[
        "arrest",
        "arrested",
        "detain",
        "detained",
        "detention",
        "custody",
    ],
    &[
        "talks",
        "negotiation",
        "negotiations",
        "dialogue",
        "discussions",
        "discussion",
    ],
    &["demand", "demanded", "urge", "urged", "press", "pressed"],
    &[
        "refuse",
        "refused",
        "reject",
        "rejected",
        "decline",
        "declined",
        "dismiss",
        "dismissed",
        "rebuff",
        "rebuffed",
    ],
    &[
        "support",
        "backing",
        "patronage",
        "assistance",
        "sponsorship",
    ],
    &["evidence", "proof"],
    &["terrorism", "militancy"],
    &[
        "terrorist",
        "terrorists",
        "militant",
        "militants",
        "insurgent",
        "insurgents",
    ],
    &["ceasefire", "truce"],
    &["border", "frontier"],
    &["warn", "warned", "caution", "cautioned"],
    &["crash", "accident", "collision"],
    &[
        "overturn",
        "overturned",
        "flip",
        "flipped",
        "topple",
        "toppled",
        "capsize",
        "capsized",
    ],
    &[
        "indict",
        "indicted",
        "indictment",
        "charge",
        "charged",
        "charges",
    ],
    &[
        "slap", "slapped", "punch", "punched", "hit", "struck", "strike",
    ],
    &["soldier", "soldiers", "troop", "troops"],
    &["agreement", "deal", "accord", "pact"],
    &["offer", "bid", "proposal"],
    &["acquire", "acquisition", "buy", "purchase", "takeover"],
    &[
        "begin",
        "began",
        "start",
        "started",
        "commence",
        "commenced",
    ],
    &[
        "conclude",
        "concluded",
        "end",
        "ended",
        "finish",
        "finished",
    ],
    &["resume", "resumed", "restart", "restarted"],
    &[
        "mediate",
        "mediated",
        "mediator",
        "mediators",
        "broker",
        "brokered",
    ],
    &["stalemate", "impasse", "deadlock"],
    &["teenage", "teenager", "teen"],
    &["hospital", "hospitals", "hospitalised", "hospitalized"],
];

/// Irregular past forms and their verbs ("sped" → "speed", "seen" → "see"), which the
/// stemmer leaves apart: a report that says "the train sped up" tells what another's
/// "speeding up" does. General English only; forms that are also common nouns or names of
/// something else are left out ("left", "found", "rose", "fed", "dealt", "wound", "lay",
/// "thought", "the Met", "won", "LED", "tore").
/// Sorted by form.
const IRREGULAR: &[(&str, &str)] = &[
    ("arisen", "arise"),
    ("arose", "arise"),
    ("ate", "eat"),
    ("became", "become"),
    ("began", "begin"),
    ("begun", "begin"),
    ("blew", "blow"),
    ("blown", "blow"),
    ("bought", "buy"),
    ("broke", "break"),
    ("broken", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("came", "come"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("drawn", "draw"),
    ("drew", "draw"),
    ("driven", "drive"),
    ("drove", "drive"),
    ("eaten", "eat"),
    ("fallen", "fall"),
    ("fell", "fall"),
    ("felt", "feel"),
    ("fled", "flee"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("forgot", "forget"),
    ("forgotten", "forget"),
    ("fought", "fight"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("gave", "give"),
    ("gone", "go"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("heard", "hear"),
    ("held", "hold"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("lost", "lose"),
    ("meant", "mean"),
    ("oversaw", "oversee"),
    ("overseen", "oversee"),
    ("paid", "pay"),
    ("ran", "run"),
    ("saw", "see"),
    ("seen", "see"),
    ("sent", "send"),
    ("shaken", "shake"),
    ("shook", "shake"),
    ("slept", "sleep"),
    ("sold", "sell"),
    ("sought", "seek"),
    ("sped", "speed"),
    ("spent", "spend"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("stood", "stand"),
    ("swept", "sweep"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("taken", "take"),
    ("taught", "teach"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("told", "tell"),
    ("took", "take"),
    ("understood", "understand"),
    ("upheld", "uphold"),
    ("went", "go"),
    ("withdrawn", "withdraw"),
    ("withdrew", "withdraw"),
    ("withheld", "withhold"),
    ("woke", "wake"),
    ("woken", "wake"),
    ("wore", "wear"),
    ("worn", "wear"),
    ("written", "write"),
    ("wrote", "write"),
];

/// Tokenises with one stemmer.
pub struct Tokenizer {
    stemmer: Stemmer,
}

/// Stems are remembered across comparisons, per thread: news copy repeats its words, the
/// page compares the same reports again when the user changes a view, and stemming is the
/// costliest step of tokenising. The cache is emptied when it reaches this many words.
const STEM_CACHE_LIMIT: usize = 200_000;

thread_local! {
    static STEMS: std::cell::RefCell<std::collections::HashMap<String, String>> = Default::default();
}

/// Stem to the stem of its synonym set's first word, built once per process.
fn synonyms() -> &'static std::collections::HashMap<String, String> {
    static SYNONYM_STEMS: std::sync::OnceLock<std::collections::HashMap<String, String>> =
        std::sync::OnceLock::new();
    SYNONYM_STEMS.get_or_init(|| {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut map = std::collections::HashMap::new();
        for set in SYNONYMS {
            let head = stemmer.stem(set[0]).into_owned();
            for word in *set {
                map.insert(stemmer.stem(word).into_owned(), head.clone());
            }
        }
        map
    })
}

impl Default for Tokenizer {
    fn default() -> Self {
        Tokenizer {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

impl Tokenizer {
    /// The stem of a normalised word, mapped to its synonym set's head.
    fn stem(&self, norm: &str) -> String {
        STEMS.with(|cache| {
            if let Some(stem) = cache.borrow().get(norm) {
                return stem.clone();
            }
            let verb = IRREGULAR
                .binary_search_by(|(form, _)| form.cmp(&norm))
                .map_or(norm, |i| IRREGULAR[i].1);
            let stem = self.stemmer.stem(verb);
            let stem = match synonyms().get(stem.as_ref()) {
                Some(head) => head.clone(),
                None => stem.into_owned(),
            };
            let mut cache = cache.borrow_mut();
            if cache.len() >= STEM_CACHE_LIMIT {
                cache.clear();
            }
            cache.insert(norm.to_string(), stem.clone());
            stem
        })
    }

    /// The words of `text[start..end]`, with spans into `text`.
    pub fn words(&self, text: &str, start: usize, end: usize) -> Vec<Word> {
        text[start..end]
            .unicode_word_indices()
            .map(|(at, raw)| {
                let norm = normalize(raw);
                let number = norm.chars().next().is_some_and(|c| c.is_ascii_digit());
                let stem = if number {
                    norm.clone()
                } else {
                    self.stem(&norm)
                };
                Word {
                    start: start + at,
                    end: start + at + raw.len(),
                    stop: is_stop_word(&norm),
                    capital: raw.chars().next().is_some_and(char::is_uppercase),
                    number,
                    stem,
                    norm,
                }
            })
            .collect()
    }
}

/// The comparison form of one word.
pub fn normalize(raw: &str) -> String {
    let folded: String = if raw.is_ascii() {
        raw.to_ascii_lowercase()
    } else {
        expand_ligatures(raw)
            .chars()
            .filter_map(fold)
            .flat_map(char::to_lowercase)
            .collect()
    };
    let bare = folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix('\''))
        .unwrap_or(&folded);
    if let Some(digits) = number_word(bare) {
        return digits.to_string();
    }
    if bare.starts_with(|c: char| c.is_ascii_digit()) && bare.contains(',') {
        return bare.replace(',', "");
    }
    bare.to_string()
}

/// The compatibility folds of NFKC that occur in pasted news copy, without NFKC's tables
/// (they cost 113 KB of the wasm module, three quarters of the engine's size): full-width
/// ASCII, the Latin ligatures, typographic apostrophes, and combining marks dropped (so
/// a decomposed "é" compares as "e"; a precomposed one stays "é").
fn fold(c: char) -> Option<char> {
    Some(match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        '\u{0300}'..='\u{036F}' => return None,
        '’' | '‘' | '`' | '´' | 'ʼ' | '′' => '\'',
        _ => c,
    })
}

/// Ligatures expand to several letters, so they are spelled out before folding.
fn expand_ligatures(raw: &str) -> std::borrow::Cow<'_, str> {
    const LIGATURES: [(char, &str); 7] = [
        ('ﬀ', "ff"),
        ('ﬁ', "fi"),
        ('ﬂ', "fl"),
        ('ﬃ', "ffi"),
        ('ﬄ', "ffl"),
        ('ﬅ', "st"),
        ('ﬆ', "st"),
    ];
    if !raw.contains(|c| ('\u{FB00}'..='\u{FB06}').contains(&c)) {
        return std::borrow::Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len() + 4);
    for c in raw.chars() {
        match LIGATURES.iter().find(|(l, _)| *l == c) {
            Some((_, spelled)) => out.push_str(spelled),
            None => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

fn number_word(word: &str) -> Option<&'static str> {
    const WORDS: [(&str, &str); 20] = [
        ("one", "1"),
        ("two", "2"),
        ("three", "3"),
        ("four", "4"),
        ("five", "5"),
        ("six", "6"),
        ("seven", "7"),
        ("eight", "8"),
        ("nine", "9"),
        ("ten", "10"),
        ("eleven", "11"),
        ("twelve", "12"),
        ("thirteen", "13"),
        ("fourteen", "14"),
        ("fifteen", "15"),
        ("sixteen", "16"),
        ("seventeen", "17"),
        ("eighteen", "18"),
        ("nineteen", "19"),
        ("twenty", "20"),
    ];
    WORDS.iter().find(|(w, _)| *w == word).map(|(_, d)| *d)
}

/// English function words, which carry no fact of their own.
pub fn is_stop_word(norm: &str) -> bool {
    const STOP: &[&str] = &[
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "either",
        "even",
        "ever",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "may",
        "me",
        "might",
        "more",
        "most",
        "much",
        "must",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "shall",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "within",
        "would",
        "yet",
        "you",
        "your",
        "yours",
        "yourself",
        "s",
        "t",
        "its",
        "whether",
        "however",
        "although",
        "though",
        "since",
        "because",
        "via",
        "per",
        "amid",
    ];
    STOP.contains(&norm)
}

#[cfg(test)]
mod tests {
    use super::{normalize, Tokenizer, IRREGULAR};

    fn stems(text: &str) -> Vec<String> {
        let words = Tokenizer::default().words(text, 0, text.len());
        words.into_iter().map(|w| w.stem).collect()
    }

    #[test]
    fn irregular_forms_meet_their_verb() {
        assert!(
            IRREGULAR.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, each once"
        );
        assert_eq!(stems("sped speeding"), ["speed", "speed"]);
        assert_eq!(stems("saw seen seeing"), ["see", "see", "see"]);
        // "bought" meets the synonym set "buy" belongs to, as "buying" does.
        assert_eq!(stems("bought")[0], stems("buying")[0]);
        // Forms that are also other words are left alone.
        assert_eq!(stems("thought thoughts"), ["thought", "thought"]);
        assert_eq!(stems("Met won"), ["met", "won"]);
    }

    #[test]
    fn possessives_and_curly_apostrophes_fold() {
        assert_eq!(normalize("Taliban’s"), "taliban");
        assert_eq!(normalize("Kabul's"), "kabul");
        assert_eq!(normalize("countries’"), "countries");
    }

    #[test]
    fn number_words_and_digit_groups_become_digits() {
        assert_eq!(normalize("Nine"), "9");
        assert_eq!(normalize("2,600"), "2600");
    }

    #[test]
    fn compatibility_forms_fold() {
        assert_eq!(normalize("ﬁnal"), "final");
        assert_eq!(normalize("Ｔalks"), "talks");
        assert_eq!(normalize("Cafe\u{301}"), "cafe");
        assert_eq!(normalize("Pakistan′s"), "pakistan");
    }

    #[test]
    fn words_keep_their_original_spans() {
        let text = "“Türkiye’s envoys” talked — for nine hours.";
        let words = Tokenizer::default().words(text, 0, text.len());
        let spans: Vec<&str> = words.iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(
            spans,
            ["Türkiye’s", "envoys", "talked", "for", "nine", "hours"]
        );
        let stems: Vec<&str> = words.iter().map(|w| w.stem.as_str()).collect();
        assert_eq!(stems, ["türkiy", "envoy", "talk", "for", "9", "hour"]);
        assert!(words[0].capital && !words[1].capital);
        assert!(words[3].stop && words[4].number);
    }
}
