//! Places and organisations: "in Istanbul", "in Doha, Qatar"; "TTP", "the Rail Accident
//! Investigation Branch".

use super::{capital_run, Detail, Value};
use crate::text::lexicon;
use crate::text::tokenize::Word;

/// "in Istanbul", "in Doha, Qatar", "at Dolmabahçe Palace": a capitalised run after "in" or
/// "at" that is not a month, a weekday or an adjective ("in Afghan territory").
pub(super) fn places(text: &str, words: &[Word]) -> Vec<Detail> {
    let mut out = Vec::new();
    for i in 0..words.len().saturating_sub(1) {
        if !matches!(words[i].norm.as_str(), "in" | "at") {
            continue;
        }
        let run = capital_run(text, words, i + 1, false);
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            continue;
        };
        let next = words.get(i + 1 + run.len());
        // "in Afghan territory": a nationality word before a noun.
        let adjective = lexicon::is_demonym(&last.norm)
            && next.is_some_and(|n| {
                !n.stop && !n.number && !n.capital && text[last.end..n.start].trim().is_empty()
            });
        if adjective
            || run.iter().any(|w| {
                lexicon::month(&w.norm).is_some()
                    || lexicon::weekday(&w.norm).is_some()
                    || lexicon::OFFICES.contains(&w.norm.as_str())
            })
        {
            continue;
        }
        let name: Vec<&str> = run.iter().map(|w| w.norm.as_str()).collect();
        out.push(Detail::spanning(Value::Place(name.join(" ")), first, last));
    }
    out
}

/// Last words of an organisation's name.
const ORGANISATION_HEADS: &[&str] = &[
    "party",
    "ministry",
    "army",
    "council",
    "organisation",
    "organization",
    "movement",
    "front",
    "agency",
    "office",
    "committee",
    "union",
    "bank",
    "company",
    "court",
    "police",
    "department",
    "forces",
    "corporation",
    "commission",
    "university",
    "parliament",
    "assembly",
    "branch",
    "authority",
    "service",
    "institute",
    "association",
    "federation",
];

/// Letters in capitals that are not organisations.
const NOT_ORGANISATIONS: &[&str] = &[
    "GMT", "AM", "PM", "TV", "CEO", "ID", "OK", "BST", "EST", "UTC",
];

/// Acronyms ("TTP", "ISPR") and capitalised names ending in an organisation word ("the
/// Rail Accident Investigation Branch"). A unit in capitals throughout names none.
pub(super) fn organisations(text: &str, words: &[Word]) -> Vec<Detail> {
    let letters = || {
        words
            .iter()
            .flat_map(|w| text[w.start..w.end].chars())
            .filter(|c| c.is_alphabetic())
    };
    let upper = letters().filter(|c| c.is_uppercase()).count();
    if upper * 2 > letters().count() {
        return Vec::new();
    }
    // A headline in title case has capitalised words that are not names.
    let content = || words.iter().filter(|w| !w.stop && !w.number);
    let title_case = content().filter(|w| w.capital).count() * 5 > content().count() * 3;
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let written = &text[w.start..w.end];
        let acronym = (2..=6).contains(&written.len())
            && written.chars().all(|c| c.is_ascii_uppercase())
            && !NOT_ORGANISATIONS.contains(&written);
        if acronym {
            out.push(Detail::spanning(
                Value::Organisation(written.to_lowercase()),
                w,
                w,
            ));
            i += 1;
            continue;
        }
        let ends_name = words
            .get(i + 1)
            .is_none_or(|n| !n.capital || text[w.end..n.start].trim() != "");
        if !title_case
            && w.capital
            && ends_name
            && ORGANISATION_HEADS.contains(&w.norm.as_str())
            && i > 0
        {
            // Back over the capitalised words of the name.
            let mut from = i;
            while from > 0
                && (words[from - 1].capital || words[from - 1].norm == "of")
                && !text[words[from - 1].end..words[from].start].contains(lexicon::NAME_BREAKS)
            {
                from -= 1;
            }
            while from < i && words[from].norm == "of" {
                from += 1;
            }
            if from < i {
                let name: Vec<&str> = words[from..=i].iter().map(|w| w.norm.as_str()).collect();
                out.push(Detail::spanning(
                    Value::Organisation(name.join(" ")),
                    &words[from],
                    w,
                ));
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::found;
    use super::super::Value;

    /// The places and organisations of `text`, with the text of their spans.
    fn names(text: &str) -> Vec<(Value, &str)> {
        found(text, None)
            .into_iter()
            .filter(|(value, _)| matches!(value, Value::Place(_) | Value::Organisation(_)))
            .collect()
    }

    fn place(name: &str) -> Value {
        Value::Place(name.into())
    }

    fn organisation(name: &str) -> Value {
        Value::Organisation(name.into())
    }

    #[test]
    fn places_and_organisations() {
        let cases: &[(&str, &[(Value, &str)])] = &[
            ("talks held in Istanbul ended", &[(place("istanbul"), "Istanbul")]),
            (
                "held in Doha, Qatar, on October 18",
                &[(place("doha"), "Doha")],
            ),
            // An adjective, a month.
            ("sanctuaries in Afghan territory", &[]),
            ("met in October", &[]),
            ("attacks by the TTP rose", &[(organisation("ttp"), "TTP")]),
            (
                "The crash is being investigated by the Rail Accident Investigation Branch, which said the tram was travelling too fast.",
                &[(
                    organisation("rail accident investigation branch"),
                    "Rail Accident Investigation Branch",
                )],
            ),
            ("began at 12:17 GMT", &[]),
            // A unit in capitals names no organisation.
            ("PAKISTAN WARNS THE TTP", &[]),
        ];
        for &(text, expected) in cases {
            assert_eq!(names(text), expected, "{text}");
        }
    }
}
