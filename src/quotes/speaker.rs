//! Who said it: the attribution of a quote as written in the report.
//!
//! A reporting verb (said, told, warned, added, according to, …) near the quote names the
//! speaker: after the quote, inverted ("…,” said a security source") or not ("…,” one
//! security source said); before it ("Khawaja Asif said: “…”", "According to officials,
//! …"); or at the end of a sentence holding a partial quote ("calling such activities
//! “unacceptable”, security sources said"). Anonymous and collective sources are speakers
//! like any other. A pronoun is resolved to the nearest fitting speaker named before it in
//! the report; a headline's quote belongs to the headline's subject. When nothing fits the
//! speaker stays unknown: a wrong name is worse than none.

use crate::text::names;

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
    "accused",
    "accuses",
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
    "had",
    "separately",
    "publicly",
];

/// Words that cannot be a speaker on their own.
const NOT_SPEAKERS: &[&str] = &[
    "that", "which", "who", "this", "it", "as", "and", "but", "or", "the", "a", "an", "in", "on",
    "at", "to", "of", "for", "with", "by", "from", "when", "while", "if", "is", "was",
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

fn is_verb(t: &Tok<'_>) -> bool {
    !t.punct && VERBS.contains(&t.text.to_lowercase().as_str())
}

/// Joins the words of a speaker phrase, dropping leading conjunctions and a trailing
/// comma; `None` when what is left cannot name anyone.
fn phrase(words: &[Tok<'_>]) -> Option<String> {
    let mut words: Vec<&str> = words
        .iter()
        .filter(|t| !t.punct || t.text == ",")
        .map(|t| t.text)
        .collect();
    while words.first().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "and" | "but" | "," | "while" | "as"
        )
    }) {
        words.remove(0);
    }
    while words.last() == Some(&",") {
        words.pop();
    }
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if lower
        .iter()
        .all(|w| NOT_SPEAKERS.contains(&w.as_str()) || w == ",")
    {
        return None;
    }
    if lower
        .iter()
        .any(|w| matches!(w.as_str(), "that" | "which" | "if" | "because"))
    {
        return None;
    }
    // "senior security officials quoted by Pakistani media": the speaker is the officials.
    if let Some(cut) = lower
        .iter()
        .position(|w| matches!(w.as_str(), "quoted" | "cited" | "speaking" | "interviewed"))
    {
        words.truncate(cut);
        if words.is_empty() {
            return None;
        }
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

/// The speaker phrase ending just before the verb at `verb` (skipping auxiliaries and
/// adverbs), back to a clause boundary.
fn before_verb(tokens: &[Tok<'_>], verb: usize) -> Option<String> {
    // A passive ("Scenes have been described as", "was called") names no speaker.
    let auxiliary = verb.checked_sub(1).map(|k| tokens[k].text.to_lowercase());
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
    // An apposition between the speaker and the verb ("Mike Brown, commissioner of
    // Transport for London, said"; "Martin Bamford, 30, from Croydon, said"): the speaker
    // is the phrase before the first comma of the clause.
    if end > 0 && tokens[end - 1].text == "," {
        let clause_start = clause_start(tokens, end - 1, true);
        let first_comma = (clause_start..end).find(|&k| tokens[k].text == ",")?;
        let name = &tokens[clause_start..first_comma];
        let capitalised = name
            .first()
            .is_some_and(|t| t.text.chars().next().is_some_and(char::is_uppercase));
        return if capitalised { phrase(name) } else { None };
    }
    let start = clause_start(tokens, end, false);
    phrase(&tokens[start..end])
}

/// Where the phrase ending at `tokens[..end]` starts: after sentence punctuation, a quote
/// or another reporting verb, and, unless `through_commas` (reading back over an
/// apposition, at most four commas), after a comma or a relative word.
fn clause_start(tokens: &[Tok<'_>], end: usize, through_commas: bool) -> usize {
    let mut start = end;
    let mut commas = 0;
    while start > 0 {
        let t = tokens[start - 1];
        if t.punct && t.text != "," || t.text == "Q" || is_verb(&t) {
            break;
        }
        if t.text == "," {
            commas += 1;
            if !through_commas || commas > 4 {
                break;
            }
        }
        // A relative or content clause starts here: "…presented what it called".
        let relative = matches!(
            t.text.to_lowercase().as_str(),
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
        let lower = tokens[end].text.to_lowercase();
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

/// Finds the attribution of a quote from the text before it and after it, within its
/// sentence(s); quotes inside either side are masked as `“Q”`.
pub fn attribute(left: &str, right: &str, heading: bool) -> Option<Attribution> {
    let right_toks = toks(right);
    let left_toks = toks(left);
    // After the quote: "…,” said a security source" or "…,” one official said".
    if let Some(verb) = right_toks.iter().position(is_verb) {
        let before = &right_toks[..verb];
        let gap_ok = before.iter().filter(|t| !t.punct).count() <= 8;
        if gap_ok {
            if before.iter().all(|t| t.punct) {
                if let Some(name) = after_verb(&right_toks, verb) {
                    return Some(found(name, 0.9));
                }
            } else if let Some(name) = before_verb(&right_toks, verb) {
                return Some(found(name, 0.9));
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
    // Before the quote: "According to security sources, …" anywhere in the sentence.
    let lower: Vec<String> = left_toks.iter().map(|t| t.text.to_lowercase()).collect();
    if let Some(k) = lower
        .windows(2)
        .position(|w| w[0] == "according" && w[1] == "to")
    {
        let rest = &left_toks[k + 2..];
        let end = rest
            .iter()
            .position(|t| t.punct || t.text == "Q")
            .unwrap_or(rest.len());
        if let Some(name) = phrase(&rest[..end]) {
            return Some(found(name, 0.85));
        }
    }
    // Before the quote: "Khawaja Asif said: “…”", "Islamabad has stated that the “…”",
    // "Islamabad, they said, was demanding “…”": the nearest verb that has a subject.
    let confidence = if heading { 0.7 } else { 0.8 };
    (0..left_toks.len())
        .rev()
        .filter(|&k| is_verb(&left_toks[k]))
        .find_map(|verb| before_verb(&left_toks, verb))
        .map(|name| found(name, confidence))
}

fn found(name: String, confidence: f32) -> Attribution {
    Attribution {
        as_written: name,
        confidence,
    }
}

/// Whether a speaker phrase is a pronoun to resolve.
pub fn is_pronoun(name: &str) -> bool {
    matches!(
        name.to_lowercase().as_str(),
        "he" | "she" | "they" | "we" | "i"
    )
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

#[cfg(test)]
mod tests {
    use super::{attribute, names_in};

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
        assert_eq!(who("The delegation presented what it called “", ".”"), None);
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
}
