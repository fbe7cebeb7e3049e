//! Places and organisations: "in Istanbul", "in Doha, Qatar"; "TTP", "the Rail Accident
//! Investigation Branch".

use super::{capital_run, Detail, Value};
use crate::text::tokenize::Word;
use crate::text::{gazetteer, lexicon};

/// "in Istanbul", "in Doha, Qatar", "at Dolmabahçe Palace": a capitalised run after "in" or
/// "at" that is not a month, a weekday or an adjective ("in Afghan territory"); after "in
/// the" or "at the", only a place the gazetteer knows ("in the United States", never "at
/// the Foreign Office").
pub(super) fn places(text: &str, words: &[Word]) -> Vec<Detail> {
    let mut out = Vec::new();
    for i in 0..words.len().saturating_sub(1) {
        if !matches!(words[i].norm.as_str(), "in" | "at") {
            continue;
        }
        // "in the United States": a place the gazetteer knows may follow "the".
        let the = words[i + 1].norm == "the";
        let from = i + 1 + usize::from(the);
        let run = capital_run(text, words, from, false);
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            continue;
        };
        let name: Vec<&str> = run.iter().map(|w| w.norm.as_str()).collect();
        let name = name.join(" ");
        if the && !gazetteer::is_place(&name) {
            continue;
        }
        let next = words.get(from + run.len());
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
        out.push(Detail::spanning(Value::Place(name), first, last));
    }
    out
}

/// "San Diego-based Qualcomm", "the Singapore-headquartered chipmaker Avago": where what
/// the capitalised words after it name is based. The place is the capitalised run just
/// before "-based" or "-headquartered", not a nationality word ("Dutch-based"); what is
/// based there is the next capitalised run, past at most two words in lower case ("the
/// California-based chipmaker Qualcomm"). With none ("the Singapore-based firm") the
/// detail is left out: a place of an unnamed thing cannot be compared.
pub(super) fn bases(text: &str, words: &[Word]) -> Vec<Detail> {
    let mut out = Vec::new();
    for i in 1..words.len() {
        if !matches!(words[i].norm.as_str(), "based" | "headquartered")
            || text[words[i - 1].end..words[i].start].trim_start_matches('.') != "-"
        {
            continue;
        }
        // Back over the place's capitalised words.
        let mut from = i - 1;
        while from > 0
            && words[from - 1].capital
            && !words[from - 1].number
            && !words[from - 1].stop
            && text[words[from - 1].end..words[from].start]
                .trim()
                .is_empty()
        {
            from -= 1;
        }
        let place = &words[from..i];
        if place.iter().any(|w| !w.capital || w.number)
            || place.len() == 1 && lexicon::is_demonym(&place[0].norm)
        {
            continue;
        }
        let Some(start) = (i + 1..words.len().min(i + 4)).find(|&k| words[k].capital) else {
            continue;
        };
        if words[i + 1..start].iter().any(|w| w.number)
            || text[words[i].end..words[start].start].contains(lexicon::NAME_BREAKS)
        {
            continue;
        }
        let of = capital_run(text, words, start, false);
        if of.is_empty() {
            continue;
        }
        let join = |ws: &mut dyn Iterator<Item = &Word>| {
            ws.map(|w| w.norm.as_str()).collect::<Vec<_>>().join(" ")
        };
        let value = Value::Base {
            of: join(&mut of.iter().copied()),
            place: join(&mut place.iter()),
        };
        out.push(Detail::spanning(value, &words[from], &words[i - 1]));
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
            .filter(|(value, _)| {
                matches!(
                    value,
                    Value::Place(_) | Value::Base { .. } | Value::Organisation(_)
                )
            })
            .collect()
    }

    fn place(name: &str) -> Value {
        Value::Place(name.into())
    }

    fn base(of: &str, place: &str) -> Value {
        Value::Base {
            of: of.into(),
            place: place.into(),
        }
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
            // After "the", only a place the gazetteer knows.
            (
                "plans to reincorporate in the United States soon",
                &[(place("united states"), "United States")],
            ),
            ("a briefing at the Foreign Office", &[]),
            // Where a company is based.
            ("the San Diego-based Qualcomm said", &[(base("qualcomm", "san diego"), "San Diego")]),
            (
                "pressure on the California-based chipmaker Qualcomm",
                &[(base("qualcomm", "california"), "California")],
            ),
            ("U.S.-based Intel rose", &[(base("intel", "u.s"), "U.S")]),
            // A nationality word is no place; an unnamed firm cannot be compared.
            (
                "its bid for Spanish-based Repsol",
                &[],
            ),
            ("The Singapore-based firm said it", &[]),
            // A unit in capitals names no organisation.
            ("PAKISTAN WARNS THE TTP", &[]),
        ];
        for &(text, expected) in cases {
            assert_eq!(names(text), expected, "{text}");
        }
    }
}
