//! Who said it: the attribution of a quote as written in the report.
//!
//! A reporting verb (said, told, warned, added, according to, …) near the quote names the
//! speaker: after the quote, inverted ("…,” said a security source") or not ("…,” one
//! security source said); before it ("Khawaja Asif said: “…”", "According to officials,
//! …"); or at the end of a sentence holding a partial quote ("calling such activities
//! “unacceptable”, security sources said"). The subject is read past what stands between
//! it and its verb: an apposition ("Mike Brown, commissioner of …, said"), an abbreviation
//! in brackets ("The Branch (RAIB) said"), a relative clause ("Ms Patel, who said she …,
//! said") and adjuncts before it ("However,", "In a post written that day,"). A verb that
//! shares another's subject takes it: a participle after the main clause ("…, insisting
//! that “…”"), a coordinated verb ("X confirmed … and called it “…”"), a relative clause
//! ("the company, which said"). Without a reporting verb, frames of news grammar still name
//! one: a possessive before the quote ("Officials conveyed their “…”"), a passive agent
//! ("was read by analysts as proof of “…”"), a document and its author ("Initial findings
//! of the Branch show", "X's “…”, according to a statement"), a headline's subject
//! ("Company unveils “…” offer").
//!
//! A speaker is a person, a role, a group or an institution. A phrase is refused when it
//! is a document, an agreement, an event or a date ("a statement", "the Doha Agreement",
//! "the summit", "Monday"), when it is a clause ("there had been fatalities and") or an
//! adjunct ("with Islamabad", "For Mr"), or when it holds a masked quote; the words around
//! a speaker never join it. Anonymous and collective sources are speakers like any other.
//! A pronoun or a description ("he", "it", "the 76-year-old", "the firm") is an
//! [`Anaphor`] for [`super::detect`] to resolve, against the [`Kind`] of the speakers
//! and [`people_in`] the units before: "he" a person, "it" an institution, "they" a
//! group, an institution or a role; never a place ("outside Croydon University
//! Hospital"). When nothing fits the speaker stays unknown: a wrong name is worse than
//! none.
//!
//! Cost: linear in the words of the quote's sentence, for each quote.

use crate::text::{lexicon, names};

/// Verbs that introduce or close a quotation.
const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "warned",
    "warns",
    "stressed",
    "stresses",
    "told",
    "tells",
    "insisted",
    "insists",
    "noted",
    "notes",
    "explained",
    "argued",
    "argues",
    "claimed",
    "claims",
    "claim",
    "stated",
    "states",
    "declared",
    "asserted",
    "cautioned",
    "emphasized",
    "emphasised",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "suggested",
    "indicated",
    "reiterated",
    "affirmed",
    "reaffirmed",
    "admitted",
    "acknowledged",
    "confirmed",
    "announced",
    "reported",
    "reports",
    "recalled",
    "continued",
    "urged",
    "urges",
    "demanded",
    "demands",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "promised",
    "promises",
    "threatened",
    "threatens",
    "slammed",
    "slams",
    "replied",
    "responded",
    "observed",
    "remarked",
    "believes",
    "believed",
    "described",
    "called",
    "calls",
    "dubbed",
    "termed",
    "labelled",
    "labeled",
    "branded",
    "accused",
    "accuses",
    "asked",
    "thought",
    "saying",
    "insisting",
    "adding",
    "warning",
    "stressing",
    "noting",
    "arguing",
    "claiming",
    "asserting",
    "cautioning",
    "emphasizing",
    "emphasising",
    "urging",
    "demanding",
    "calling",
    "describing",
];

/// Words that may stand between a speaker and its verb ("Islamabad has unequivocally
/// stated").
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "also",
    "further",
    "later",
    "earlier",
    "previously",
    "reportedly",
    "then",
    "again",
    "once",
    "separately",
    "publicly",
];

/// Words that cannot be a speaker on their own.
const NOT_SPEAKERS: &[&str] = &[
    "that", "which", "who", "this", "as", "and", "but", "or", "the", "a", "an", "in", "on", "at",
    "to", "of", "for", "with", "by", "from", "when", "while", "if", "is", "was",
];

/// Prepositions: a phrase that starts with one is an adjunct ("with Islamabad", "For
/// Mr Tan"), never a speaker.
const PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "to",
    "from",
    "for",
    "with",
    "by",
    "of",
    "into",
    "onto",
    "outside",
    "inside",
    "near",
    "after",
    "before",
    "during",
    "since",
    "until",
    "over",
    "under",
    "across",
    "through",
    "via",
    "behind",
    "beside",
    "between",
    "among",
    "against",
    "about",
    "around",
    "toward",
    "towards",
    "without",
    "within",
    "amid",
    "despite",
    "upon",
    "beyond",
    "like",
    "following",
    "including",
    "regarding",
    "concerning",
];

/// Sentence adverbs and conjunctions that open a clause without being part of its subject
/// ("However, the operator said").
const CONNECTIVES: &[&str] = &[
    "however",
    "meanwhile",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "still",
    "yet",
    "instead",
    "also",
    "separately",
    "later",
    "earlier",
    "then",
    "now",
    "but",
    "and",
    "so",
    "thus",
    "indeed",
    "elsewhere",
    "finally",
    "while",
    "as",
];

/// Auxiliaries and modals: a finite verb inside a phrase means it is a clause, not a
/// name ("there had been fatalities and").
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "will", "would",
    "can", "could", "shall", "should", "may", "might", "must", "do", "does", "did", "there",
];

/// Common irregular past tenses, which end in neither "-ed" nor "-s" and still end a
/// subject ("The meeting saw ministers …").
const IRREGULAR_PAST: &[&str] = &[
    "saw", "made", "took", "gave", "put", "got", "went", "came", "began", "held", "read", "wrote",
    "told", "said", "thought", "met", "sent", "kept", "left", "won", "lost", "became", "brought",
    "set", "led", "found", "felt", "heard", "knew", "ran", "spoke", "stood", "sought", "paid",
    "meant", "built", "bought", "drew", "chose", "broke", "drove", "spent", "sold", "seen",
    "known", "taken", "given", "shown",
];

/// What a speaker can never be: the head of a document, an event or a date ("the Doha
/// Agreement", "a statement", "the summit", "Monday"). Months and weekdays come from the
/// lexicon.
const NOT_SPEAKER_HEADS: &[&str] = &[
    // documents and agreements
    "statement",
    "report",
    "filing",
    "release",
    "document",
    "letter",
    "study",
    "survey",
    "poll",
    "memo",
    "post",
    "tweet",
    "ruling",
    "indictment",
    "agreement",
    "accord",
    "treaty",
    "deal",
    "pact",
    "declaration",
    "plan",
    "proposal",
    "bill",
    "law",
    "resolution",
    "charter",
    "convention",
    "protocol",
    "memorandum",
    "communique",
    "findings",
    "transcript",
    "email",
    "message",
    "video",
    "article",
    "roadmap",
    "framework",
    "offer",
    "bid",
    // events
    "meeting",
    "talks",
    "summit",
    "conference",
    "briefing",
    "hearing",
    "session",
    "ceremony",
    "visit",
    "crash",
    "attack",
    "war",
    "election",
    "rally",
    "protest",
    "speech",
    "event",
    "incident",
    "accident",
    // times
    "today",
    "yesterday",
    "tomorrow",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "month",
    "year",
    "weekend",
];

/// Nouns that name a document, which speaks for whoever wrote it ("a statement from the
/// ministry", "X's initial findings").
const DOCUMENTS: &[&str] = &[
    "statement",
    "report",
    "filing",
    "release",
    "document",
    "letter",
    "study",
    "findings",
    "memo",
    "post",
    "tweet",
    "ruling",
    "indictment",
    "communique",
    "transcript",
    "email",
    "message",
];

/// Whether the words before a quote only say that a document reads it: "It read:", "The
/// message said:", "The post reads". The quote is its author's, named before.
pub fn document_reads(left: &str) -> bool {
    let left = left.trim_end_matches(|c: char| c.is_whitespace() || "“\"‘'«„".contains(c));
    let tokens = toks(left);
    let words: Vec<String> = tokens.iter().filter(|t| !t.punct).map(lower).collect();
    let verb = |w: &str| matches!(w, "read" | "reads" | "said" | "says" | "stated");
    match words.as_slice() {
        [it, v] => it == "it" && verb(v),
        [the, document, v] => {
            matches!(the.as_str(), "the" | "his" | "her" | "their")
                && DOCUMENTS.contains(&document.as_str())
                && verb(v)
        }
        _ => false,
    }
}

/// Heads of institutions ("the ministry", "the Rail Accident Investigation Branch").
const ORGANISATIONS: &[&str] = &[
    "company",
    "firm",
    "group",
    "ministry",
    "department",
    "government",
    "police",
    "army",
    "military",
    "agency",
    "office",
    "council",
    "court",
    "commission",
    "committee",
    "board",
    "authority",
    "service",
    "services",
    "brigade",
    "branch",
    "bank",
    "union",
    "party",
    "club",
    "team",
    "league",
    "association",
    "organisation",
    "organization",
    "institute",
    "foundation",
    "university",
    "hospital",
    "network",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "plc",
    "llc",
    "co",
    "chipmaker",
    "carrier",
    "operator",
    "administration",
    "embassy",
    "parliament",
    "senate",
    "cabinet",
    "regulator",
    "watchdog",
    "federation",
    "forces",
    "airline",
    "insurer",
    "lender",
    "maker",
    "manufacturer",
    "retailer",
    "giant",
    "business",
    "newspaper",
    "channel",
];

/// Heads of places, which are never a person: "outside Croydon University Hospital", "in
/// the Richmond Park byelection".
const PLACES: &[&str] = &[
    "street",
    "road",
    "avenue",
    "square",
    "park",
    "station",
    "airport",
    "bridge",
    "river",
    "city",
    "town",
    "village",
    "county",
    "province",
    "district",
    "region",
    "hall",
    "centre",
    "center",
    "tunnel",
    "stop",
    "lane",
    "way",
    "port",
    "island",
    "valley",
    "hill",
    "gardens",
    "palace",
    "house",
    "court",
    "hospital",
    "university",
    "school",
    "college",
    "stadium",
];

/// Nouns for people: the head of "a security source", "the driver", "one witness".
const PEOPLE: &[&str] = &[
    "man",
    "woman",
    "boy",
    "girl",
    "father",
    "mother",
    "husband",
    "wife",
    "son",
    "daughter",
    "official",
    "source",
    "witness",
    "passenger",
    "resident",
    "driver",
    "survivor",
    "expert",
    "analyst",
    "officer",
    "member",
    "student",
    "worker",
    "victim",
    "lawyer",
    "friend",
    "neighbour",
    "neighbor",
    "executive",
    "founder",
    "leader",
    "person",
    "spokesperson",
    "investigator",
    "aide",
    "diplomat",
    "negotiator",
    "commentator",
    "activist",
    "campaigner",
    "rider",
    "commuter",
    "eyewitness",
    "onlooker",
    "mp",
    "councillor",
    "politician",
];

/// A speaker as found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The words naming the speaker, as printed ("a security source", "he").
    pub as_written: String,
    /// How sure the attribution is, from 0 to 1.
    pub confidence: f32,
}

/// A word of the attribution context with its text; punctuation marks are words too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tok<'t> {
    text: &'t str,
    punct: bool,
}

fn toks(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let wordish =
            c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' || c == '.' && start.is_some();
        match (wordish, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Tok {
                    text: text[s..i].trim_end_matches('.'),
                    punct: false,
                });
                if text[s..i].ends_with('.') {
                    out.push(Tok {
                        text: ".",
                        punct: true,
                    });
                }
                start = None;
            }
            _ => {}
        }
        if !wordish && !c.is_whitespace() {
            out.push(Tok {
                text: &text[i..i + c.len_utf8()],
                punct: true,
            });
        }
    }
    if let Some(s) = start {
        out.push(Tok {
            text: text[s..].trim_end_matches('.'),
            punct: false,
        });
        if text[s..].ends_with('.') {
            out.push(Tok {
                text: ".",
                punct: true,
            });
        }
    }
    out
}

fn lower(t: &Tok<'_>) -> String {
    t.text.to_lowercase()
}

/// Whether a lower-case word is a verb that introduces or closes a quotation.
pub fn is_reporting_verb(word: &str) -> bool {
    VERBS.contains(&word)
}

fn is_verb(t: &Tok<'_>) -> bool {
    !t.punct && VERBS.contains(&lower(t).as_str())
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word is, by its form, probably a finite verb or participle: a reporting verb,
/// an auxiliary, an irregular past or a lower-case word in "-ed".
fn verb_like(t: &Tok<'_>) -> bool {
    if t.punct {
        return false;
    }
    let w = lower(t);
    is_verb(t)
        || AUXILIARIES.contains(&w.as_str()) && w != "there"
        || w.ends_with("n't")
        || w.ends_with("n’t")
        || IRREGULAR_PAST.contains(&w.as_str())
        || !capitalised(t.text) && w.len() > 3 && w.ends_with("ed") && !w.ends_with("eed")
}

/// Whether the period at `k` ends an abbreviation ("Mr.", "Gen.") rather than a sentence.
fn abbreviation_dot(tokens: &[Tok<'_>], k: usize) -> bool {
    tokens[k].text == "."
        && k > 0
        && !tokens[k - 1].punct
        && lexicon::ABBREVIATIONS.contains(&lower(&tokens[k - 1]).as_str())
}

/// Whether `tokens[k]` ends a sentence: a sentence mark that does not end an
/// abbreviation. A masked quote does not: "X conveyed their “Q,” insisting" is one
/// sentence.
fn sentence_break(tokens: &[Tok<'_>], k: usize) -> bool {
    let t = tokens[k];
    t.punct && matches!(t.text, "." | "!" | "?" | ";" | ":") && !abbreviation_dot(tokens, k)
}

fn is_date(word: &str) -> bool {
    lexicon::weekday(word).is_some()
        || lexicon::month_named(word).is_some()
        || word.chars().all(|c| c.is_ascii_digit())
}

/// Joins the words of a speaker phrase, dropping leading conjunctions and a trailing
/// comma; `None` when what is left cannot name anyone: a clause (it holds an auxiliary),
/// an adjunct (it starts with a preposition), a document, event or date, or the remains of
/// a masked quote. "A statement from the ministry" is the ministry.
fn phrase(words: &[Tok<'_>]) -> Option<String> {
    let mut words: Vec<&str> = words
        .iter()
        .filter(|t| !t.punct || t.text == ",")
        .map(|t| t.text)
        .collect();
    let lower_of = |w: &str| w.to_lowercase();
    while words
        .first()
        .is_some_and(|w| *w == "," || CONNECTIVES.contains(&lower_of(w).as_str()))
    {
        words.remove(0);
    }
    // Trailing dates and times are adjuncts: "a statement Monday".
    while words.last().is_some_and(|w| {
        *w == "," || is_date(&lower_of(w)) || matches!(lower_of(w).as_str(), "today" | "yesterday")
    }) {
        words.pop();
    }
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let mut lower: Vec<String> = words.iter().map(|w| lower_of(w)).collect();
    if lower
        .iter()
        .all(|w| NOT_SPEAKERS.contains(&w.as_str()) || w == ",")
    {
        return None;
    }
    // The remains of a masked quote ("Q", "Q’") are no words of a speaker.
    if lower
        .iter()
        .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == "q")
    {
        return None;
    }
    if lower.iter().any(|w| {
        matches!(
            w.as_str(),
            "that" | "which" | "if" | "because" | "q" | "them" | "him" | "us" | "me"
        )
    }) {
        return None;
    }
    // "A statement from the ministry", "the findings of the inquiry": the author.
    if let Some(k) = (1..lower.len()).find(|&k| {
        matches!(lower[k].as_str(), "from" | "by" | "of")
            && DOCUMENTS.contains(&lower[k - 1].as_str())
    }) {
        words.drain(..=k);
        lower.drain(..=k);
        if words.is_empty() {
            return None;
        }
    }
    // "senior security officials quoted by Pakistani media": the speaker is the officials.
    if let Some(cut) = lower
        .iter()
        .position(|w| matches!(w.as_str(), "quoted" | "cited" | "speaking" | "interviewed"))
    {
        words.truncate(cut);
        lower.truncate(cut);
        if words.is_empty() {
            return None;
        }
    }
    if PREPOSITIONS.contains(&lower[0].as_str())
        || lower.iter().any(|w| AUXILIARIES.contains(&w.as_str()))
    {
        return None;
    }
    // The head of "Survivors of the accident" is "Survivors"; of "the Bank of England"
    // too, but a name's last word already tells what it is.
    let qualified = !capitalised(words.last()?)
        && (1..lower.len()).any(|k| QUALIFIERS.contains(&lower[k].as_str()));
    let head = match (1..lower.len()).find(|&k| QUALIFIERS.contains(&lower[k].as_str())) {
        Some(k) if qualified => lower[k - 1].as_str(),
        _ => lower.last()?.as_str(),
    };
    if matches!(
        head,
        "and"
            | "or"
            | "of"
            | "the"
            | "a"
            | "an"
            | "with"
            | "to"
            | "for"
            | "in"
            | "on"
            | "at"
            | "as"
    ) || NOT_SPEAKER_HEADS.contains(&head)
        || is_date(head)
    {
        return None;
    }
    let mut out = String::new();
    for w in words {
        if w != "," && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    Some(out)
}

/// Whether a comma-separated piece at the start of a sentence is an adjunct rather than
/// its subject: "However,", "In a post written that day,", "Speaking outside the
/// hospital,", "Asked about the driver,".
fn is_adjunct(piece: &[Tok<'_>]) -> bool {
    let words: Vec<String> = piece.iter().filter(|t| !t.punct).map(lower).collect();
    let Some(first) = words.first() else {
        return true;
    };
    let second = words.get(1).map_or("", String::as_str);
    PREPOSITIONS.contains(&first.as_str())
        || CONNECTIVES.contains(&first.as_str())
        || first.ends_with("ly") && words.len() == 1
        || (first.ends_with("ing") || first.ends_with("ed"))
            && (PREPOSITIONS.contains(&second)
                || matches!(second, "what" | "how" | "why" | "whether" | "if"))
}

/// The subject of the sentence that ends at `tokens[..end]`: after any adjuncts, the
/// words before its first verb ("Crystal Palace issued a statement …, offering their";
/// "Broadcom didn't specify … but called them").
fn sentence_subject(tokens: &[Tok<'_>], end: usize) -> Option<String> {
    let mut start = (0..end)
        .rev()
        .find(|&k| sentence_break(tokens, k))
        .map_or(0, |k| k + 1);
    while let Some(comma) = (start..end).find(|&k| tokens[k].text == ",") {
        if !is_adjunct(&tokens[start..comma]) {
            break;
        }
        start = comma + 1;
    }
    let mut words = Vec::new();
    let mut depth = 0;
    let mut verb = false;
    for t in &tokens[start..end] {
        match t.text {
            "(" => depth += 1,
            ")" => depth -= 1,
            _ if depth > 0 => {}
            _ if verb_like(t) => {
                verb = true;
                break;
            }
            "," | "—" | "–" => break,
            _ if t.punct && !matches!(t.text, "." | "-" | "'" | "’") => return None,
            _ => words.push(*t),
        }
    }
    while words
        .last()
        .is_some_and(|t| is_between(t.text) && !capitalised(t.text))
    {
        words.pop();
    }
    let first = words.iter().find(|t| !t.punct)?;
    let determiner = matches!(
        lower(first).as_str(),
        "a" | "an" | "the" | "one" | "another" | "some" | "two" | "three" | "several"
    );
    if !(verb || end - start > words.len()) || words.len() > 7 {
        return None;
    }
    if capitalised(first.text) || determiner {
        phrase(&words)
    } else {
        None
    }
}

/// The words before the verb at `tokens[end]` that can be its subject, back to a verb, a
/// preposition, a relative word or punctuation ("The meeting saw ministers present").
fn noun_phrase_before(tokens: &[Tok<'_>], end: usize) -> Option<String> {
    let mut start = end;
    while start > 0 {
        let t = tokens[start - 1];
        let w = lower(&t);
        if t.punct && !abbreviation_dot(tokens, start - 1)
            || verb_like(&t)
            || PREPOSITIONS.contains(&w.as_str())
            || matches!(w.as_str(), "who" | "which" | "that" | "what" | "whom")
        {
            break;
        }
        start -= 1;
    }
    phrase(&tokens[start..end])
}

/// The speaker phrase ending just before the verb at `verb` (skipping auxiliaries and
/// adverbs), back to a clause boundary.
fn before_verb(tokens: &[Tok<'_>], verb: usize) -> Option<String> {
    // A passive ("Scenes have been described as", "was called") names no speaker.
    let auxiliary = verb.checked_sub(1).map(|k| lower(&tokens[k]));
    let participle = !tokens[verb].text.ends_with("ing");
    if participle
        && auxiliary.is_some_and(|a| {
            matches!(
                a.as_str(),
                "been" | "being" | "be" | "is" | "are" | "was" | "were"
            )
        })
    {
        return None;
    }
    let mut end = verb;
    while end > 0 && !tokens[end - 1].punct && is_between(tokens[end - 1].text) {
        end -= 1;
    }
    // An abbreviation in brackets after the speaker: "The Accident Branch (AB) said".
    if end > 0 && tokens[end - 1].text == ")" {
        if let Some(open) = (0..end - 1).rev().find(|&k| tokens[k].text == "(") {
            end = open;
        }
    }
    let before = end.checked_sub(1).map(|k| lower(&tokens[k]));
    // A participle after the main clause shares its subject: "X said …, adding:",
    // "The board rejected the offer, saying it", "X conveyed their “…,” insisting".
    let mut comma = end;
    while comma > 0 && matches!(tokens[comma - 1].text, "”" | "\"" | "’" | "'") {
        comma -= 1;
    }
    // The comma may be inside the masked quote: "their “final offer,” insisting".
    let masked_comma = comma < end && comma > 0 && tokens[comma - 1].text == "Q";
    if !participle && comma > 0 && (tokens[comma - 1].text == "," || masked_comma) {
        return main_clause_speaker(tokens, comma - 1);
    }
    match before.as_deref() {
        // Coordinated verbs share the subject: "X confirmed … and called it", "X didn't
        // specify … but called them".
        Some("and" | "but") => return main_clause_speaker(tokens, end - 1),
        // A relative clause speaks for the noun before it: "the company, which said".
        Some("which" | "who") if end >= 2 && tokens[end - 2].text == "," => {
            return noun_phrase_before(tokens, end - 2);
        }
        _ => {}
    }
    // An apposition between the speaker and the verb ("Mike Brown, commissioner of
    // Transport for London, said"; "Martin Bamford, 30, from Croydon, said"): the speaker
    // is the first piece of the clause that is not an adjunct ("However, the operator,
    // which …, told").
    if end > 0 && tokens[end - 1].text == "," {
        let clause_start = clause_start(tokens, end - 1, true);
        let mut piece = clause_start;
        loop {
            let comma = (piece..end).find(|&k| tokens[k].text == ",")?;
            let name = &tokens[piece..comma];
            if is_adjunct(name) && comma + 1 < end {
                piece = comma + 1;
                continue;
            }
            // "Pakistan’s Defense Minister, Khawaja Muhammad Asif, said": the name after the
            // title.
            let role = name.iter().rev().find(|t| !t.punct).is_some_and(|t| {
                lexicon::is_title_word(&lower(t)) || PEOPLE.contains(&lower(t).as_str())
            });
            if let Some(next) = (comma + 1..end).find(|&k| tokens[k].text == ",") {
                let named = &tokens[comma + 1..next];
                if role && named.len() >= 2 && named.iter().all(|t| !t.punct && capitalised(t.text))
                {
                    return phrase(named);
                }
            }
            let first = name.iter().find(|t| !t.punct)?;
            let determiner = matches!(lower(first).as_str(), "a" | "an" | "the" | "one");
            return if capitalised(first.text) || determiner {
                phrase(name)
            } else {
                None
            };
        }
    }
    let mut start = clause_start(tokens, end, false);
    // "…, with CEO Jane Doe arguing that": the speaker of an absolute clause.
    if !participle && start < end && lower(&tokens[start]) == "with" {
        start += 1;
    }
    phrase(&tokens[start..end])
}

/// The speaker of the clause that ends at `tokens[..end]`: the subject of its nearest
/// reporting verb, else the subject of its sentence.
fn main_clause_speaker(tokens: &[Tok<'_>], end: usize) -> Option<String> {
    let sentence = (0..end)
        .rev()
        .find(|&k| sentence_break(tokens, k))
        .map_or(0, |k| k + 1);
    (sentence..end)
        .rev()
        .filter(|&k| is_verb(&tokens[k]))
        .find_map(|k| before_verb(tokens, k))
        .or_else(|| sentence_subject(tokens, end))
}

/// Where the phrase ending at `tokens[..end]` starts: after sentence punctuation, a quote
/// or another reporting verb, and, unless `through_commas` (reading back over an
/// apposition, at most four commas, brackets and relative clauses included), after a
/// comma or a relative word.
fn clause_start(tokens: &[Tok<'_>], end: usize, through_commas: bool) -> usize {
    let mut start = end;
    let mut commas = 0;
    while start > 0 {
        let k = start - 1;
        let t = tokens[k];
        let bracket = matches!(t.text, "(" | ")");
        if t.punct && t.text != "," && !(through_commas && bracket) && !abbreviation_dot(tokens, k)
            || t.text == "Q"
        {
            break;
        }
        if is_verb(&t) {
            // A verb inside a relative clause of the apposition ("Ms Patel, who said she
            // …, said") does not end the speaker's clause.
            // Nor does one in an adjunct before the speaker ("In a message posted that
            // day, Tom Reed wrote").
            let piece: Vec<String> = tokens[..k]
                .iter()
                .rev()
                .take_while(|t| !t.punct)
                .map(lower)
                .collect();
            let relative = piece
                .iter()
                .any(|w| matches!(w.as_str(), "who" | "which" | "whose"));
            let adjunct = piece
                .last()
                .is_some_and(|w| PREPOSITIONS.contains(&w.as_str()));
            if !(through_commas && (relative || adjunct)) {
                break;
            }
        }
        if t.text == "," {
            commas += 1;
            if !through_commas || commas > 4 {
                break;
            }
        }
        // A relative or content clause starts here: "…presented what it called".
        let relative = matches!(
            lower(&t).as_str(),
            "what" | "that" | "which" | "who" | "whom" | "where" | "how" | "as"
        );
        if relative && !through_commas {
            break;
        }
        start -= 1;
    }
    start
}

fn is_between(word: &str) -> bool {
    let lower = word.to_lowercase();
    BETWEEN.contains(&lower.as_str()) || lower.ends_with("ly") && lower.len() > 4
}

/// The speaker phrase after an inverted verb ("said a security source"), up to a
/// clause boundary or a preposition that starts an adjunct ("said on X").
fn after_verb(tokens: &[Tok<'_>], verb: usize) -> Option<String> {
    let mut end = verb + 1;
    while end < tokens.len() && !tokens[end].punct && tokens[end].text != "Q" {
        let lower = lower(&tokens[end]);
        if end > verb + 1
            && matches!(
                lower.as_str(),
                "on" | "in"
                    | "at"
                    | "to"
                    | "last"
                    | "during"
                    | "after"
                    | "that"
                    | "when"
                    | "while"
                    | "earlier"
                    | "yesterday"
                    | "today"
            )
        {
            break;
        }
        if end == verb + 1
            && matches!(
                lower.as_str(),
                "on" | "in"
                    | "at"
                    | "to"
                    | "that"
                    | "last"
                    | "during"
                    | "after"
                    | "it"
                    | "this"
                    | "them"
                    | "him"
                    | "her"
            )
        {
            return None;
        }
        end += 1;
    }
    phrase(&tokens[verb + 1..end])
}

/// "according to X" in `tokens`: X, unless X is a document without an author ("according
/// to a statement"), which leaves `Some(None)`.
fn according_to(tokens: &[Tok<'_>]) -> Option<Option<String>> {
    let k = (0..tokens.len().saturating_sub(1))
        .find(|&k| lower(&tokens[k]) == "according" && lower(&tokens[k + 1]) == "to")?;
    let rest = &tokens[k + 2..];
    let end = rest
        .iter()
        .position(|t| t.punct && t.text != "." || t.text == "Q" || t.text == "." && !t.punct)
        .unwrap_or(rest.len());
    let end = rest[..end]
        .iter()
        .position(|t| t.text == ".")
        .unwrap_or(end);
    Some(phrase(&rest[..end]))
}

/// A quote that follows a possessive determiner speaks for the subject of its verb:
/// "Officials conveyed their “firm opposition”", "the meeting saw ministers present
/// their “roadmap”", "…, offering their “sincere condolences”".
fn possessive_frame(tokens: &[Tok<'_>]) -> Option<String> {
    let mut k = tokens.len();
    while k > 0 && (tokens[k - 1].punct || lower(&tokens[k - 1]) == "own") {
        if tokens[k - 1].punct && tokens[k - 1].text != "“" && tokens[k - 1].text != "\"" {
            return None;
        }
        k -= 1;
    }
    let owner = k.checked_sub(1)?;
    if !matches!(
        lower(&tokens[owner]).as_str(),
        "its" | "their" | "his" | "her"
    ) {
        return None;
    }
    let verb = owner.checked_sub(1)?;
    let v = tokens[verb];
    let w = lower(&v);
    if v.punct
        || PREPOSITIONS.contains(&w.as_str())
        || NOT_SPEAKERS.contains(&w.as_str())
        || AUXILIARIES.contains(&w.as_str())
    {
        return None;
    }
    if w.ends_with("ing") && verb > 0 && tokens[verb - 1].text == "," {
        return sentence_subject(tokens, verb - 1);
    }
    noun_phrase_before(tokens, verb).or_else(|| sentence_subject(tokens, verb))
}

/// A passive with its agent before the quote: "The delay was read by analysts as proof of
/// “deep mistrust”".
fn agent_before(tokens: &[Tok<'_>]) -> Option<String> {
    let sentence = (0..tokens.len())
        .rev()
        .find(|&k| sentence_break(tokens, k))
        .map_or(0, |k| k + 1);
    let by = (sentence + 2..tokens.len())
        .rev()
        .find(|&k| lower(&tokens[k]) == "by")?;
    let participle = tokens[by - 1];
    let p = lower(&participle);
    let passive = (p.ends_with("ed") || p.ends_with("en") || IRREGULAR_PAST.contains(&p.as_str()))
        && tokens[sentence..by - 1].iter().rev().take(3).any(|t| {
            matches!(
                lower(t).as_str(),
                "was" | "were" | "is" | "are" | "been" | "be" | "being"
            )
        });
    if !passive {
        return None;
    }
    let end = (by + 1..tokens.len())
        .find(|&k| {
            let t = tokens[k];
            t.punct
                || verb_like(&t)
                || matches!(
                    lower(&t).as_str(),
                    "as" | "of" | "to" | "for" | "in" | "with" | "that"
                )
        })
        .unwrap_or(tokens.len());
    if tokens.get(by + 1).is_some_and(|t| t.text.ends_with("ing")) {
        return None;
    }
    phrase(&tokens[by + 1..end])
}

/// A document in the sentence speaks for its author: "Initial findings of the Branch show
/// that …", "the ministry's statement …".
fn document_frame(tokens: &[Tok<'_>]) -> Option<String> {
    let sentence = (0..tokens.len())
        .rev()
        .find(|&k| sentence_break(tokens, k))
        .map_or(0, |k| k + 1);
    for k in sentence..tokens.len() {
        if !DOCUMENTS.contains(&lower(&tokens[k]).as_str()) {
            continue;
        }
        if tokens
            .get(k + 1)
            .is_some_and(|t| matches!(lower(t).as_str(), "of" | "from" | "by"))
        {
            let end = author_end(tokens, k + 2);
            if let Some(name) = phrase(&tokens[k + 2..end]) {
                return Some(name);
            }
        }
        if let Some(owner) = (sentence..k)
            .rev()
            .take(3)
            .find_map(|j| possessor(tokens[j].text))
        {
            return Some(owner);
        }
    }
    None
}

/// Where the author named at `tokens[start..]` ends: an article and a name ("the Marine
/// Accident Board", "the Office for National Statistics"), or a plain noun phrase up to
/// its verb ("investigators").
fn author_end(tokens: &[Tok<'_>], start: usize) -> usize {
    let mut named = false;
    for e in start..tokens.len() {
        let t = tokens[e];
        if t.punct && !abbreviation_dot(tokens, e) || verb_like(&t) {
            return e;
        }
        let w = lower(&t);
        let article = e == start && matches!(w.as_str(), "the" | "a" | "an");
        let joins = matches!(w.as_str(), "of" | "for" | "and")
            && tokens.get(e + 1).is_some_and(|n| capitalised(n.text));
        if capitalised(t.text) {
            named = true;
        } else if !article && !joins && (named || e > start + 1) {
            return e;
        }
    }
    tokens.len()
}

/// Whether a verb says where words were printed ("reports"), not who said them.
fn published_by(verb: &Tok<'_>) -> bool {
    matches!(lower(verb).as_str(), "reports" | "reported")
}

/// "Broadcom’s" → "Broadcom": a capitalised possessive.
fn possessor(word: &str) -> Option<String> {
    let bare = word
        .strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))?;
    (capitalised(bare) && bare.len() > 1).then(|| bare.to_string())
}

/// Finds the attribution of a quote from the text before it and after it, within its
/// sentence(s); quotes inside either side are masked as `“Q”`.
pub fn attribute(left: &str, right: &str, heading: bool) -> Option<Attribution> {
    let right_toks = toks(right);
    let left_toks = toks(left);
    // After the quote: "…,” said a security source" or "…,” one official said". A
    // publication that "reports" what a speaker named before the quote said is where the
    // words were printed, not who said them: "Bamford said the tram sped up and “…,” the
    // Associated Press reports".
    let published = |verb: usize| published_by(&right_toks[verb]);
    if let Some(verb) = right_toks.iter().position(is_verb).filter(|&verb| {
        !published(verb)
            || !(0..left_toks.len())
                .rev()
                .filter(|&k| is_verb(&left_toks[k]))
                .any(|k| before_verb(&left_toks, k).is_some())
    }) {
        let before = &right_toks[..verb];
        let gap_ok = before.iter().filter(|t| !t.punct).count() <= 8;
        if gap_ok {
            let participle = right_toks[verb].text.ends_with("ing");
            if before.iter().all(|t| t.punct) {
                if let Some(name) = after_verb(&right_toks, verb).filter(|_| !participle) {
                    return Some(found(name, 0.9));
                }
            } else if let Some(name) = before_verb(&right_toks, verb) {
                return Some(found(name, 0.9));
            } else if right_toks[verb - 1].text == "," && !participle {
                // Inverted at the end of a headline: "… in crash, claim passengers".
                if let Some(name) = after_verb(&right_toks, verb) {
                    return Some(found(name, 0.8));
                }
            }
        }
    }
    // A passive with its agent after the quote: "dismissed as “…” by Pakistani officials".
    let words_after: Vec<&Tok<'_>> = right_toks.iter().filter(|t| !t.punct).collect();
    let words_before: Vec<&Tok<'_>> = left_toks.iter().filter(|t| !t.punct).collect();
    let passive = words_before
        .iter()
        .rev()
        .find(|t| t.text != "as")
        .is_some_and(|t| t.text.ends_with("ed"));
    if passive && words_after.first().is_some_and(|t| t.text == "by") {
        let start = right_toks.iter().position(|t| t.text == "by").unwrap_or(0) + 1;
        let end = right_toks[start..]
            .iter()
            .position(|t| t.punct)
            .map_or(right_toks.len(), |k| start + k);
        if let Some(name) = phrase(&right_toks[start..end]) {
            return Some(found(name, 0.7));
        }
    }
    // "According to security sources, …" anywhere in the sentence, or "…,” according to
    // officials". A document without an author names nobody, but the owner of the quoted
    // words may: "… will be Broadcom’s “best and final,” according to a statement".
    let right_sentence = right_toks
        .iter()
        .position(|t| t.punct && matches!(t.text, "." | "!" | "?"))
        .unwrap_or(right_toks.len());
    let according = according_to(&left_toks).or_else(|| {
        let words = right_toks[..right_sentence]
            .iter()
            .filter(|t| !t.punct)
            .count();
        according_to(&right_toks[..right_sentence]).filter(|_| words <= 8)
    });
    match according {
        Some(Some(name)) => return Some(found(name, 0.85)),
        Some(None) => {
            if let Some(owner) = left_toks
                .iter()
                .rev()
                .find(|t| !t.punct)
                .and_then(|t| possessor(t.text))
            {
                return Some(found(owner, 0.7));
            }
        }
        None => {}
    }
    // Before the quote: "Khawaja Asif said: “…”", "Islamabad has stated that the “…”",
    // "Islamabad, they said, was demanding “…”": the nearest verb that has a subject; a
    // publication's "reports" only when no earlier verb has one ("Bamford said the train
    // sped up and “…,” the Associated Press reports", read as one sentence).
    let confidence = if heading { 0.7 } else { 0.8 };
    let mut subjects = (0..left_toks.len())
        .rev()
        .filter(|&k| is_verb(&left_toks[k]))
        .filter_map(|verb| Some((verb, before_verb(&left_toks, verb)?)));
    if let Some((verb, name)) = subjects.next() {
        // Only a publication closing the sentence after what it reports: its subject
        // follows a quote or a punctuation mark ("… and “…” the Associated Press reports."), not
        // people reporting in a clause of their own ("and neighbours reported “…”").
        let closing = left_toks[verb + 1..].iter().all(|t| t.punct)
            && verb
                .checked_sub(name.split_whitespace().count() + 1)
                .is_some_and(|k| left_toks[k].punct || left_toks[k].text == "Q");
        let name = match subjects.next() {
            Some((_, earlier)) if published_by(&left_toks[verb]) && closing => earlier,
            _ => name,
        };
        return Some(found(name, confidence));
    }
    // Frames without a reporting verb: a possessive before the quote, a passive agent, a
    // document with its author.
    if let Some(name) = possessive_frame(&left_toks)
        .or_else(|| agent_before(&left_toks))
        .or_else(|| document_frame(&left_toks))
    {
        return Some(found(name, 0.7));
    }
    // A headline's quote belongs to the headline's subject: "Company unveils its 'final'
    // offer".
    if heading {
        return headline_subject(&left_toks).map(|name| found(name, 0.6));
    }
    None
}

/// The subject of a headline: its capitalised words up to a present-tense verb
/// ("Broadcom unveils …").
fn headline_subject(tokens: &[Tok<'_>]) -> Option<String> {
    let run = tokens
        .iter()
        .take_while(|t| !t.punct && capitalised(t.text))
        .count();
    let verb = tokens.get(run)?;
    let w = lower(verb);
    let present = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s");
    if run == 0
        || run > 4
        || verb.punct
        || !present
        || tokens[0].text.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    phrase(&tokens[..run])
}

fn found(name: String, confidence: f32) -> Attribution {
    Attribution {
        as_written: name,
        confidence,
    }
}

/// What a phrase that refers back stands for: a person ("he", "she", "the 76-year-old"),
/// an institution ("it", "the company"), a group ("they", "we"), or the speaker of the
/// quote around it ("I" inside a quote).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anaphor {
    /// A person, of the given sex when the pronoun says (true for "she").
    Person(Option<bool>),
    Institution,
    Group,
    FirstPerson,
}

/// Nouns that describe someone the report has named, after "the": "the father", "the
/// 23-year-old" (that one by its ending).
const DESCRIBED_PEOPLE: &[&str] = &[
    "man",
    "woman",
    "boy",
    "girl",
    "teenager",
    "father",
    "mother",
    "son",
    "daughter",
    "husband",
    "wife",
    "grandfather",
    "grandmother",
];

/// Whether a speaker phrase refers back to someone named before, and to what kind.
pub fn anaphor(name: &str) -> Option<Anaphor> {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        ["he"] => return Some(Anaphor::Person(Some(false))),
        ["she"] => return Some(Anaphor::Person(Some(true))),
        ["it"] => return Some(Anaphor::Institution),
        ["they"] | ["we"] => return Some(Anaphor::Group),
        ["i"] => return Some(Anaphor::FirstPerson),
        ["the", rest @ ..] if !rest.is_empty() && rest.len() <= 3 => {
            let head = rest[rest.len() - 1];
            // "the Singapore-based firm": the words after the article are common nouns
            // or hyphenated adjectives, not a name.
            let common = name
                .split_whitespace()
                .skip(1)
                .all(|w| !capitalised(w) || w.contains('-'));
            if !common {
                return None;
            }
            if head.ends_with("-year-old") || DESCRIBED_PEOPLE.contains(&head) {
                return Some(Anaphor::Person(None));
            }
            if matches!(
                head,
                "company"
                    | "firm"
                    | "group"
                    | "chipmaker"
                    | "carrier"
                    | "operator"
                    | "bank"
                    | "club"
                    | "airline"
                    | "insurer"
                    | "lender"
                    | "retailer"
                    | "manufacturer"
                    | "conglomerate"
            ) {
                return Some(Anaphor::Institution);
            }
        }
        _ => {}
    }
    None
}

/// Whether a speaker phrase is a pronoun or description to resolve.
pub fn is_pronoun(name: &str) -> bool {
    anaphor(name).is_some()
}

/// What a named speaker is, as far as its words tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A person by name ("Martin Bamford", "Ms Okesola"), female when a title or noun
    /// says so.
    Named(Option<bool>),
    /// A person by role ("a security source", "the driver", "a spokesman").
    Role(Option<bool>),
    Institution,
    Group,
    Unknown,
}

/// The kind of a speaker phrase; `surnames` are the last words of full names in the
/// report (lower case), which make a single capitalised word a person ("Bamford said").
pub fn kind(name: &str, surnames: &[String]) -> Kind {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(last) = words.last() else {
        return Kind::Unknown;
    };
    // A noun phrase with a qualifier is the kind of its head when the head is a common
    // noun or the qualifier names no one: "Survivors of the accident" are survivors, "a
    // resident of New Addington" a resident, "a spokeswoman at Network Rail" a role.
    if let Some(k) = (1..words.len()).find(|&k| QUALIFIERS.contains(&words[k])) {
        if !capitalised(last) || !capitalised(words[k - 1]) {
            return kind(&words[..head_end(&words, k)].join(" "), surnames);
        }
    }
    let head = last.to_lowercase();
    let first = words[0].to_lowercase();
    let first = first.trim_end_matches('.');
    let female = if matches!(first, "ms" | "mrs" | "miss")
        || words.iter().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "woman" | "spokeswoman" | "chairwoman" | "mother" | "wife" | "daughter" | "girl"
            )
        }) {
        Some(true)
    } else if first == "mr" || matches!(head.as_str(), "man" | "spokesman" | "father" | "husband") {
        Some(false)
    } else {
        None
    };
    if lexicon::COURTESY_TITLES.contains(&first) {
        return Kind::Named(female);
    }
    if ORGANISATIONS.contains(&head.as_str()) {
        return Kind::Institution;
    }
    let person_noun = |w: &str| PEOPLE.contains(&w) || lexicon::OFFICES.contains(&w);
    if person_noun(&head) {
        return Kind::Role(female);
    }
    if let Some(singular) = head.strip_suffix('s') {
        if person_noun(singular) || person_noun(head.trim_end_matches("es")) {
            return Kind::Group;
        }
    }
    let capitals = words.iter().rev().take_while(|w| capitalised(w)).count();
    if capitals >= 2 {
        return Kind::Named(female);
    }
    if words.len() == 1 && capitalised(last) {
        if surnames.contains(&head) {
            return Kind::Named(female);
        }
        return Kind::Institution;
    }
    if is_plural(name) {
        return Kind::Group;
    }
    // A head noun qualified by a place or a body: "the Bank of England".
    if let Some(k) = (1..words.len()).find(|&k| QUALIFIERS.contains(&words[k])) {
        return kind(&words[..head_end(&words, k)].join(" "), surnames);
    }
    Kind::Unknown
}

/// Where the head of a phrase whose qualifier opens at `words[k]` ends: before a
/// participle that takes the qualifier ("Survivors | rescued from the wreckage").
fn head_end(words: &[&str], k: usize) -> usize {
    let participle = |w: &str| !capitalised(w) && w.len() > 4 && w.ends_with("ed");
    if k >= 2 && participle(words[k - 1]) {
        k - 1
    } else {
        k
    }
}

/// Prepositions that open a qualifier after a speaker's head noun.
const QUALIFIERS: &[&str] = &[
    "of", "from", "at", "in", "on", "near", "with", "outside", "inside",
];

/// Whether a speaker of `kind` can be what `anaphor` refers back to.
pub fn fits(anaphor: Anaphor, kind: Kind) -> bool {
    let sex_fits = |want: Option<bool>, have: Option<bool>| match (want, have) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    match (anaphor, kind) {
        (Anaphor::Person(want), Kind::Named(have) | Kind::Role(have)) => sex_fits(want, have),
        (Anaphor::Institution, Kind::Institution) => true,
        (Anaphor::Group, Kind::Group | Kind::Institution | Kind::Role(_)) => true,
        _ => false,
    }
}

/// Whether a speaker phrase names a group ("security sources", "officials").
pub fn is_plural(name: &str) -> bool {
    let last = name
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .to_lowercase();
    last.ends_with('s') && !last.ends_with("ss") && !is_pronoun(&last) && last != "this"
}

/// Candidate names in a piece of text: runs of two or more capitalised words ("Khawaja
/// Muhammad Asif", "Zabihullah Mujahid"), the last one first.
pub fn names_in(text: &str) -> Vec<String> {
    let tokens = toks(text);
    let mut names = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, names: &mut Vec<String>| {
        // Titles stay out of the name: "Defense Minister Khawaja Asif" → "Khawaja Asif".
        while names::starts_with_title(run) {
            run.remove(0);
        }
        if run.len() >= 2 {
            names.push(run.join(" "));
        }
        run.clear();
    };
    for t in &tokens {
        let capital = !t.punct
            && t.text.chars().next().is_some_and(char::is_uppercase)
            && !t.text.ends_with("’s")
            && !t.text.ends_with("'s");
        if capital {
            run.push(t.text);
        } else {
            flush(&mut run, &mut names);
        }
    }
    flush(&mut run, &mut names);
    names.reverse();
    names
}

/// People a "he" or "she" may refer back to in a piece of text, the last one first: full
/// names ("Christian Wolmar") and a courtesy title with a surname ("Mr. Tan" → "Mr Tan"),
/// never a place or an institution ("outside Croydon University Hospital", "the Richmond
/// Park byelection", "San Diego-based").
pub fn people_in(text: &str) -> Vec<String> {
    let tokens = toks(text);
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let capital = |t: &Tok<'_>| {
            !t.punct && capitalised(t.text) && !t.text.ends_with("’s") && !t.text.ends_with("'s")
        };
        if !capital(&tokens[k]) {
            k += 1;
            continue;
        }
        let start = k;
        let mut run: Vec<&str> = Vec::new();
        while k < tokens.len() && (capital(&tokens[k]) || abbreviation_dot(&tokens, k)) {
            if !tokens[k].punct {
                run.push(tokens[k].text);
            }
            k += 1;
        }
        // A sentence's first word is capitalised anyway: "However", "For", "The".
        while run.first().is_some_and(|w| {
            let w = w.to_lowercase();
            PREPOSITIONS.contains(&w.as_str())
                || CONNECTIVES.contains(&w.as_str())
                || NOT_SPEAKERS.contains(&w.as_str())
        }) {
            run.remove(0);
        }
        let titled = run
            .first()
            .is_some_and(|w| lexicon::COURTESY_TITLES.contains(&w.to_lowercase().as_str()));
        let place = run.iter().any(|w| {
            let w = w.to_lowercase();
            PLACES.contains(&w.as_str())
                || ORGANISATIONS.contains(&w.as_str())
                || w.ends_with("-based")
        }) || run.iter().any(|w| is_date(&w.to_lowercase()));
        let after_preposition =
            start > 0 && PREPOSITIONS.contains(&lower(&tokens[start - 1]).as_str()) && !titled;
        if !place && !after_preposition {
            if titled && run.len() >= 2 {
                out.push(format!("{} {}", run[0], run[run.len() - 1]));
            } else {
                while names::starts_with_title(&run) {
                    run.remove(0);
                }
                if run.len() >= 2 {
                    out.push(run.join(" "));
                }
            }
        }
    }
    out.reverse();
    out
}

/// The subject of the first sentence of `text`, when it is a name or a phrase that can
/// speak ("Broadcom did more than raise its offer").
pub fn subject_of(text: &str) -> Option<String> {
    let tokens = toks(text);
    let end = (0..tokens.len())
        .find(|&k| sentence_break(&tokens, k))
        .unwrap_or(tokens.len());
    sentence_subject(&tokens, end)
}

#[cfg(test)]
mod tests {
    use super::{anaphor, attribute, fits, kind, names_in, people_in, phrase, toks, Anaphor, Kind};

    fn who(left: &str, right: &str) -> Option<String> {
        attribute(left, right, false).map(|a| a.as_written)
    }

    #[test]
    fn inverted_verb_after_the_quote() {
        assert_eq!(
            who("", ",” said a security source."),
            Some("a security source".into())
        );
    }

    #[test]
    fn subject_and_verb_after_the_quote() {
        assert_eq!(
            who("", ",” one security source said."),
            Some("one security source".into())
        );
        assert_eq!(who("", ",” he said."), Some("he".into()));
        assert_eq!(
            who("", ",” warned a senior security official."),
            Some("a senior security official".into())
        );
    }

    #[test]
    fn speaker_before_the_quote_with_a_colon() {
        assert_eq!(
            who("Taliban spokesman Zabihullah Mujahid said: “", ""),
            Some("Taliban spokesman Zabihullah Mujahid".into())
        );
    }

    #[test]
    fn according_to() {
        assert_eq!(
            who(
                "According to security sources, the delegation was demanding “",
                "” from Kabul."
            ),
            Some("security sources".into())
        );
    }

    #[test]
    fn partial_quote_with_attribution_at_the_end() {
        assert_eq!(
            who(
                "strongly rejecting support for terrorism, calling such activities “",
                "”, security sources said."
            ),
            Some("security sources".into())
        );
    }

    #[test]
    fn adverbs_and_auxiliaries_between_speaker_and_verb() {
        assert_eq!(
            who("Islamabad has unequivocally stated that the “", ".”"),
            Some("Islamabad".into())
        );
    }

    #[test]
    fn adjuncts_after_an_inverted_verb_are_not_the_speaker() {
        assert_eq!(
            who(
                "The ceasefire “",
                ",” Pakistani Defense Minister Khawaja Asif said on X last Sunday."
            ),
            Some("Pakistani Defense Minister Khawaja Asif".into())
        );
    }

    #[test]
    fn parenthetical_attribution_before_the_quote() {
        assert_eq!(
            who("Islamabad, they said, was demanding “", "” from Kabul."),
            Some("they".into())
        );
    }

    #[test]
    fn appositions_between_speaker_and_verb() {
        assert_eq!(
            who(
                "Mike Brown, commissioner of Transport for London, said: “",
                ".”"
            ),
            Some("Mike Brown".into())
        );
        assert_eq!(
            who(
                "Miguel John, who was on a bus to Bromley when it stopped, told the Standard: \"",
                ".\""
            ),
            Some("Miguel John".into())
        );
    }

    #[test]
    fn a_second_verb_closes_the_speaker_phrase() {
        assert_eq!(
            who(
                "Martin Bamford, 30, from Croydon, said he recalled it “",
                "”."
            ),
            Some("he".into())
        );
    }

    #[test]
    fn a_qualifier_does_not_make_the_speaker_an_event() {
        assert_eq!(
            who(
                "Survivors of the accident said people went flying as the tram left the tracks.",
                ""
            ),
            Some("Survivors of the accident".into())
        );
        assert_eq!(
            who("The aftermath of the accident was described as “", "”."),
            None
        );
    }

    #[test]
    fn a_publication_reporting_a_named_speaker_is_not_the_speaker() {
        assert_eq!(
            who(
                "Martin Bamford, 30, a passenger, said the train sped up and “",
                ",” the Associated Press reports."
            ),
            Some("Martin Bamford".into())
        );
        assert_eq!(
            who("The tram was “", ",” the Associated Press reported."),
            Some("the Associated Press".into())
        );
        // The same sentence read whole, as reported speech without its quote.
        assert_eq!(
            who(
                "Martin Bamford, 30, a passenger, said the train sped up and Q the \
                 Associated Press reports.",
                ""
            ),
            Some("Martin Bamford".into())
        );
        assert_eq!(
            who("The Associated Press reported that the tram sped up.", ""),
            Some("The Associated Press".into())
        );
        // People reporting in a clause of their own are not a publication.
        assert_ne!(
            who(
                "Police said the fire started at 3am and neighbours reported “",
                "”."
            ),
            Some("Police".into())
        );
    }

    #[test]
    fn by_after_an_active_verb_is_not_an_agent() {
        assert_eq!(
            who("The Israeli army said he “", "” by showing restraint."),
            Some("The Israeli army".into())
        );
    }

    #[test]
    fn passive_with_its_agent() {
        assert_eq!(
            who(
                "Responses were reportedly dismissed as “",
                "” by Pakistani officials."
            ),
            Some("Pakistani officials".into())
        );
    }

    #[test]
    fn participial_modifiers_are_cut_from_the_speaker() {
        assert_eq!(
            who("According to senior security officials quoted by Pakistani media, Islamabad said it is “", ".”"),
            Some("senior security officials".into())
        );
    }

    #[test]
    fn unknown_stays_unknown() {
        assert_eq!(who("The talks were described as “", ".”"), None);
        assert_eq!(
            who("The delegation presented what it called “", ".”"),
            Some("it".into())
        );
        assert_eq!(who("Scenes have been described as “", "”."), None);
    }

    #[test]
    fn names_for_pronouns() {
        assert_eq!(names_in("In a recent interview, Pakistan’s Defense Minister, Khawaja Muhammad Asif, reaffirmed it."), ["Khawaja Muhammad Asif"]);
        assert_eq!(
            names_in("Minister Asif reiterated that Zabihullah Mujahid said"),
            ["Zabihullah Mujahid"]
        );
    }

    /// Class 1: a speaker in a frame other than "X said": a possessive before the quote,
    /// a participle or a coordinated verb that shares the main clause's subject, a
    /// relative clause, a passive agent before the quote, a document and its author, an
    /// apposition after an adjunct, a headline's subject. Invented sentences.
    #[test]
    fn speakers_in_frames_other_than_a_reporting_verb() {
        let cases: &[(&str, &str, bool, Option<&str>)] = &[
            ("Officials conveyed their “", "”.", false, Some("Officials")),
            (
                "The summit saw ministers present their “",
                "” for the region.",
                false,
                Some("ministers"),
            ),
            (
                "The ministry rejected the claims, insisting that “",
                "”.",
                false,
                Some("The ministry"),
            ),
            (
                "After two days of talks, the visiting officials conveyed their “Q,” insisting that the other side take “",
                "” soon.",
                false,
                Some("the visiting officials"),
            ),
            (
                "The council turned the plan down, saying it “",
                "”.",
                false,
                Some("The council"),
            ),
            (
                "The postponement was read by analysts as proof of “",
                "” between the sides.",
                false,
                Some("analysts"),
            ),
            (
                "Interpol’s initial findings point to a “",
                "” in the system.",
                false,
                Some("Interpol"),
            ),
            (
                "Findings of the Marine Accident Board show that the ferry hit a “",
                "” near the pier.",
                false,
                Some("the Marine Accident Board"),
            ),
            ("The carrier called it its “", "”.", false, Some("The carrier")),
            (
                "Acme Corp didn’t give a figure but called the payment “",
                ".”",
                false,
                Some("Acme Corp"),
            ),
            (
                "Jane Doe, chief engineer at the plant, confirmed there had been delays and called them “",
                "”.",
                false,
                Some("Jane Doe"),
            ),
            (
                "Orbis Ltd, which said the fee was “",
                "”, declined to comment further.",
                false,
                Some("Orbis Ltd"),
            ),
            (
                "The Maritime Safety Agency (MSA) said the vessel was “",
                "”.",
                false,
                Some("The Maritime Safety Agency"),
            ),
            (
                "However, the operator, which is owned by a holding company, told reporters the faults were “",
                "”.",
                false,
                Some("the operator"),
            ),
            (
                "In a message posted that evening, Tom Reed, from Leeds, wrote: “",
                "”",
                false,
                Some("Tom Reed"),
            ),
            (
                "Ms Grant, who said she lives nearby, said: “",
                "”",
                false,
                Some("Ms Grant"),
            ),
            (
                "Sam Ode, 41, said he saw the bus swerve, adding: “",
                "”",
                false,
                Some("Sam Ode"),
            ),
            (
                "Talks stalled, with union leader Ann Cole arguing there was “",
                "” left.",
                false,
                Some("union leader Ann Cole"),
            ),
            (
                "Up to now, the Regional Council of Lyon, ",
                "",
                false,
                None,
            ),
            (
                "The new terms will be Orbis’s “",
                ",” according to a filing.",
                false,
                Some("Orbis"),
            ),
            ("Orbis unveils $9 billion “", "” bid", true, Some("Orbis")),
            (
                "Strike called off after “",
                "” in talks, claim unions",
                true,
                Some("unions"),
            ),
        ];
        for &(left, right, heading, expected) in cases {
            let got = attribute(left, right, heading).map(|a| a.as_written);
            assert_eq!(got.as_deref(), expected, "{left}…{right}");
        }
    }

    /// A document that reads a quote: its author, named before, is the speaker.
    #[test]
    fn a_document_reads_its_authors_words() {
        for left in ["It read: “", "The message said: ", "His post reads \""] {
            assert!(super::document_reads(left), "{left}");
        }
        for left in [
            "It was read as ",
            "The minister said: ",
            "It read the news and said ",
        ] {
            assert!(!super::document_reads(left), "{left}");
        }
    }

    /// Class 2: a speaker is a person, a role, a group or an institution, never a
    /// document, an agreement, an event or a date, and never carries the words around it.
    #[test]
    fn documents_events_dates_and_clauses_are_never_speakers() {
        let cases: &[(&str, Option<&str>)] = &[
            ("there had been casualties and", None),
            ("However", None),
            ("For Mr", None),
            ("with Ankara", None),
            ("Q’ with Defence Minister Lee", None),
            ("the Geneva Agreement", None),
            ("the summit", None),
            ("Monday", None),
            ("a statement Monday", None),
            ("them he", None),
            ("the scene as", None),
            ("a statement from the ministry", Some("the ministry")),
            (
                "a senior security official",
                Some("a senior security official"),
            ),
            ("Ankara", Some("Ankara")),
        ];
        for &(words, expected) in cases {
            assert_eq!(phrase(&toks(words)).as_deref(), expected, "{words}");
        }
        let sentences: &[(&str, &str)] = &[
            ("The Lisbon Accord said the border was “", "”."),
            ("The statement said the deal was “", "”."),
            ("Last Tuesday, the summit declared a “", "”."),
            ("Scenes have been described as “", "”."),
            ("Speaking after the vote, the chamber was “", "”."),
        ];
        for &(left, right) in sentences {
            assert_eq!(attribute(left, right, false), None, "{left}…{right}");
        }
    }

    #[test]
    fn people_a_pronoun_may_refer_to() {
        let cases: &[(&str, &[&str])] = &[
            ("Speaking outside Ridgeway General Hospital, he said", &[]),
            (
                "Transport expert Dana Kerr, who stands in the Hill Park election, said",
                &["Dana Kerr"],
            ),
            (
                "For Mr. Lund, who built the firm, it was a coup",
                &["Mr Lund"],
            ),
            ("The Lyon-based company sold it", &[]),
            (
                "However, Tom Reed met Ann Cole in Oslo",
                &["Ann Cole", "Tom Reed"],
            ),
            ("talks in Kuala Lumpur on Monday", &[]),
        ];
        for &(text, expected) in cases {
            assert_eq!(people_in(text), expected, "{text}");
        }
    }

    /// Class 3: what a pronoun or a description can refer back to.
    #[test]
    fn anaphors_and_what_they_fit() {
        let anaphors: &[(&str, Option<Anaphor>)] = &[
            ("he", Some(Anaphor::Person(Some(false)))),
            ("She", Some(Anaphor::Person(Some(true)))),
            ("it", Some(Anaphor::Institution)),
            ("they", Some(Anaphor::Group)),
            ("I", Some(Anaphor::FirstPerson)),
            ("The 52-year-old", Some(Anaphor::Person(None))),
            ("the Oslo-based firm", Some(Anaphor::Institution)),
            ("the company", Some(Anaphor::Institution)),
            ("the Rail Company", None),
            ("the driver", None),
        ];
        for &(name, expected) in anaphors {
            assert_eq!(anaphor(name), expected, "{name}");
        }
        let surnames = ["reed".to_string()];
        let kinds: &[(&str, Kind)] = &[
            ("Tom Reed", Kind::Named(None)),
            ("Reed", Kind::Named(None)),
            ("Orbis", Kind::Institution),
            ("Ms Grant", Kind::Named(Some(true))),
            ("a London Fire Brigade spokesman", Kind::Role(Some(false))),
            ("security sources", Kind::Group),
            ("the Marine Accident Board", Kind::Institution),
            ("Harbour police Chief Inspector Ann Cole", Kind::Named(None)),
            ("Survivors of the accident", Kind::Group),
            ("Survivors rescued from the wreckage", Kind::Group),
            ("a man injured in the crash", Kind::Role(Some(false))),
            ("a resident of the street", Kind::Role(None)),
            ("a resident of New Addington", Kind::Role(None)),
            ("a spokeswoman at Network Rail", Kind::Role(Some(true))),
            ("Secretary of State Ann Cole", Kind::Named(None)),
            ("the Bank of England", Kind::Institution),
        ];
        for &(name, expected) in kinds {
            assert_eq!(kind(name, &surnames), expected, "{name}");
        }
        let person = Anaphor::Person(Some(true));
        assert!(fits(person, Kind::Named(Some(true))) && !fits(person, Kind::Named(Some(false))));
        assert!(!fits(Anaphor::Institution, Kind::Named(None)));
        assert!(!fits(Anaphor::Person(None), Kind::Institution));
        assert!(fits(Anaphor::Group, Kind::Role(None)));
    }
}
