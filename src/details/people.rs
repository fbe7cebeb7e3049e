//! People: who led a side, who mediated, people's titles, and people by their relation
//! to someone ("her father Bassem"). When two names are one
//! person, side or party is for [`crate::text::names`] to say.

use super::{capital_run, Detail, Mediation, Value};
use crate::text::lexicon;
use crate::text::tokenize::Word;

/// "… led by `<title> <Name Name>`": the name, and the side as the nearest capitalised word
/// before "led" in the unit ("Afghan", "Pakistani"), lower case without a possessive.
pub(super) fn leaders(text: &str, words: &[Word]) -> Vec<Detail> {
    let mut out = Vec::new();
    for i in 0..words.len().saturating_sub(2) {
        if words[i].norm != "led" || words[i + 1].norm != "by" {
            continue;
        }
        // The name: the capitalised words after "by", up to the first clause break.
        let after = &words[i + 2..];
        let run: Vec<&Word> = after
            .iter()
            .enumerate()
            .take_while(|(k, w)| {
                w.capital
                    && (*k == 0 || !text[after[k - 1].end..w.start].contains(lexicon::NAME_BREAKS))
            })
            .map(|(_, w)| w)
            .collect();
        let side = || {
            words[..i]
                .iter()
                .rev()
                .find(|w| w.capital)
                .map_or_else(|| "delegation".to_string(), |w| w.norm.clone())
        };
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            // Led by someone described, not named: "led by a team of senior treasury
            // officials", up to a clause break or a verb.
            if let Some(described) = described_leader(text, after) {
                out.push(Detail::spanning(
                    Value::Unnamed {
                        side: side(),
                        described: text[after[0].start..described.end].to_string(),
                    },
                    &after[0],
                    described,
                ));
            }
            continue;
        };
        let names = crate::quotes::speaker::names_in(&text[first.start..last.end]);
        let Some(name) = names
            .last()
            .cloned()
            .or_else(|| Some(text[first.start..last.end].to_string()))
        else {
            continue;
        };
        out.push(Detail::spanning(
            Value::Leader { side: side(), name },
            first,
            last,
        ));
    }
    out
}

/// People who lead, when a leader is described rather than named.
const LEADING: &[&str] = &[
    "officials",
    "official",
    "team",
    "delegation",
    "officers",
    "ministers",
    "minister",
    "diplomats",
    "diplomat",
    "envoy",
    "envoys",
    "representatives",
    "representative",
];

/// The last word of a description of who led, in lower case from an article or an
/// adjective, naming no one ("a team of senior treasury officials"), if `after` (the
/// words after "led by") starts one: at most eight words, up to a clause break, ending at
/// a noun of [`LEADING`].
fn described_leader<'w>(text: &str, after: &'w [Word]) -> Option<&'w Word> {
    let mut end = None;
    for (k, w) in after.iter().enumerate().take(8) {
        if k > 0 && text[after[k - 1].end..w.start].contains(lexicon::NAME_BREAKS)
            || w.capital
            || w.number
        {
            break;
        }
        if LEADING.contains(&w.norm.as_str()) {
            end = Some(w);
        }
    }
    end
}

/// "mediated by Qatar and Turkey", "brokered by Egypt", "hosted by Turkey".
pub(super) fn mediators(text: &str, words: &[Word]) -> Vec<Detail> {
    let mut out = Vec::new();
    for i in 0..words.len().saturating_sub(2) {
        let verb = match words[i].norm.as_str() {
            "mediated" => Mediation::Mediated,
            "brokered" => Mediation::Brokered,
            "hosted" => Mediation::Hosted,
            "facilitated" => Mediation::Facilitated,
            _ => continue,
        };
        if words[i + 1].norm != "by" {
            continue;
        }
        let run = capital_run(text, words, i + 2, true);
        let mut parties: Vec<String> = run
            .split(|w| w.norm == "and")
            .filter_map(|part| Some(part.last()?.norm.clone()))
            .collect();
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            continue;
        };
        parties.sort();
        parties.dedup();
        out.push(Detail::spanning(
            Value::Mediators { verb, parties },
            first,
            last,
        ));
    }
    out
}

/// "Defence Minister Khawaja Asif", "Pakistani Defense Minister Khawaja Asif": the person
/// and the title, without nationality words ("Pakistani", "Afghan") and with one spelling
/// of "defence".
pub(super) fn roles(text: &str, words: &[Word]) -> Vec<Detail> {
    let mut out = Vec::new();
    for i in 0..words.len().saturating_sub(1) {
        if !words[i].capital || !lexicon::OFFICES.contains(&words[i].norm.as_str()) {
            continue;
        }
        // The title ends at its last title word: "Chief Executive Officer Hock Tan".
        if words
            .get(i + 1)
            .is_some_and(|n| n.capital && lexicon::TITLE_WORDS.contains(&n.norm.as_str()))
        {
            continue;
        }
        let name_run = capital_run(text, words, i + 1, false);
        let (Some(first), Some(last)) = (name_run.first(), name_run.last()) else {
            continue;
        };
        let Some(name) = crate::quotes::speaker::names_in(&text[first.start..last.end])
            .into_iter()
            .next()
        else {
            continue;
        };
        // The title: the capitalised words just before the head, in one run.
        let mut from = i;
        while from > 0
            && words[from - 1].capital
            && !text[words[from - 1].end..words[from].start].contains(lexicon::NAME_BREAKS)
        {
            from -= 1;
        }
        if from > 0 && words[from - 1].norm == "former" {
            continue; // a past office says nothing about the present one
        }
        let title: Vec<String> = words[from..=i]
            .iter()
            .flat_map(|w| match w.norm.as_str() {
                "defense" => vec!["defence".to_string()],
                "ceo" => vec!["chief".into(), "executive".into(), "officer".into()],
                _ => vec![w.norm.clone()],
            })
            .filter(|w| !lexicon::is_demonym(w) && !crate::text::tokenize::is_stop_word(w))
            .collect();
        let role = Value::Role {
            person: name,
            title,
        };
        out.push(Detail::spanning(role, &words[from], last));
    }
    out
}

/// "her father Bassem", "his lawyer", "their spokesman": a person by their relation to
/// someone ([`lexicon::RELATIONS`] after "her", "his" or "their"), with the name that
/// follows the noun (after a space, no comma), if any.
pub(super) fn relations(text: &str, words: &[Word]) -> Vec<Detail> {
    let mut out = Vec::new();
    for i in 0..words.len().saturating_sub(1) {
        let (owner, noun) = (&words[i], &words[i + 1]);
        if !matches!(owner.norm.as_str(), "her" | "his" | "their")
            || !lexicon::RELATIONS.contains(&noun.norm.as_str())
            || text[owner.end..noun.start] != *" "
        {
            continue;
        }
        let run = match words.get(i + 2) {
            Some(next) if text[noun.end..next.start] == *" " => {
                capital_run(text, words, i + 2, false)
            }
            _ => Vec::new(),
        };
        let name = match (run.first(), run.last()) {
            (Some(first), Some(last)) => Some(text[first.start..last.end].to_string()),
            _ => None,
        };
        let last = run.last().copied().unwrap_or(noun);
        let value = Value::Relation {
            role: noun.norm.clone(),
            name,
        };
        out.push(Detail::spanning(value, owner, last));
    }
    out
}

/// "Kevin Snow, 57, was injured": the age of a person named in two capitalised words or
/// more just before it, set off by commas (a number of at most 120, its word marked
/// used so that it is not read as a count).
pub(super) fn ages(text: &str, words: &[Word], used: &mut [bool]) -> Vec<Detail> {
    let mut out = Vec::new();
    for k in 2..words.len() {
        let n = &words[k];
        if !n.number || used[k] || !words[k - 1].capital {
            continue;
        }
        let closed = words
            .get(k + 1)
            .map_or(text[n.end..].starts_with(','), |next| {
                text[n.end..next.start].trim_start().starts_with(',')
            });
        if !n.number
            || !n.norm.bytes().all(|b| b.is_ascii_digit())
            || n.norm.len() > 3
            || n.norm.parse::<u32>().map_or(true, |v| v == 0 || v > 120)
            || text[words[k - 1].end..n.start] != *", "
            || !closed
        {
            continue;
        }
        // The name: capitalised words before the comma, a space apart, no title words.
        let mut first = k - 1;
        while first > 0
            && words[first - 1].capital
            && !words[first - 1].number
            && text[words[first - 1].end..words[first].start] == *" "
        {
            first -= 1;
        }
        let name = &words[first..k];
        let plain = |w: &Word| {
            w.capital
                && !w.number
                && !lexicon::is_title_word(&w.norm)
                && !lexicon::MONTHS.contains(&w.norm.as_str())
                && !lexicon::WEEKDAYS.contains(&w.norm.as_str())
        };
        if name.len() < 2 || !name.iter().all(plain) {
            continue;
        }
        used[k] = true;
        let value = Value::Age {
            person: text[name[0].start..name[name.len() - 1].end].to_string(),
            years: n.norm.clone(),
        };
        out.push(Detail::spanning(value, &name[0], n));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::found;
    use super::super::{Mediation, Value};

    /// The details of `text` that `keep` picks, with the text of their spans.
    fn picked<T>(text: &str, keep: impl Fn(Value) -> Option<T>) -> Vec<(T, &str)> {
        found(text, None)
            .into_iter()
            .filter_map(|(value, span)| Some((keep(value)?, span)))
            .collect()
    }

    #[test]
    fn who_led_a_side() {
        // (text, side, name, text of the span)
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "On the Afghan side, the negotiations were led by Acting Defense Minister Mullah Yaqoob, accompanied by others.",
                "afghan",
                "Mullah Yaqoob",
                "Acting Defense Minister Mullah Yaqoob",
            ),
            (
                "while Afghanistan’s side was led by Deputy Interior Minister Mawlawi Rahmatullah Najeeb, alongside others",
                "afghanistan",
                "Mawlawi Rahmatullah Najeeb",
                "Deputy Interior Minister Mawlawi Rahmatullah Najeeb",
            ),
            // The name stops at a colon as at any clause break.
            (
                "The Afghan side was led by Mawlawi Rahmatullah Najeeb: Pakistan Wants Guarantees",
                "afghan",
                "Mawlawi Rahmatullah Najeeb",
                "Mawlawi Rahmatullah Najeeb",
            ),
        ];
        for &(text, side, name, span) in cases {
            let leaders = picked(text, |value| match value {
                Value::Leader { side, name } => Some((side, name)),
                _ => None,
            });
            assert_eq!(leaders, [((side.into(), name.into()), span)], "{text}");
        }
    }

    #[test]
    fn who_mediated() {
        // (text, verb, parties, text of the span)
        let cases: &[(&str, Mediation, &[&str], &str)] = &[
            (
                "The negotiations – mediated by Turkey and Qatar – aim",
                Mediation::Mediated,
                &["qatar", "turkey"],
                "Turkey and Qatar",
            ),
            (
                "the October 19 Doha ceasefire mediated by Qatar, saw",
                Mediation::Mediated,
                &["qatar"],
                "Qatar",
            ),
            (
                "talks in Istanbul, mediated by Qatari and Turkish officials, concluded",
                Mediation::Mediated,
                &["qatari", "turkish"],
                "Qatari and Turkish",
            ),
            (
                "a truce brokered by Egypt",
                Mediation::Brokered,
                &["egypt"],
                "Egypt",
            ),
        ];
        for &(text, verb, parties, span) in cases {
            let mediators = picked(text, |value| match value {
                Value::Mediators { verb, parties } => Some((verb, parties)),
                _ => None,
            });
            let parties: Vec<String> = parties.iter().map(|p| p.to_string()).collect();
            assert_eq!(mediators, [((verb, parties), span)], "{text}");
        }
    }

    /// (person, title) of each role in `text`.
    fn roles(text: &str) -> Vec<(String, String)> {
        picked(text, |value| match value {
            Value::Role { person, title } => Some((person, title.join(" "))),
            _ => None,
        })
        .into_iter()
        .map(|(role, _)| role)
        .collect()
    }

    #[test]
    fn titles_of_people() {
        // (text, person, title)
        let cases: &[(&str, &str, &str)] = &[
            (
                "said Pakistani Defense Minister Khawaja Asif on X",
                "Khawaja Asif",
                "defence minister",
            ),
            (
                "led by Deputy Interior Minister Mawlawi Rahmatullah Najeeb, alongside",
                "Mawlawi Rahmatullah Najeeb",
                "deputy interior minister",
            ),
            (
                "Information Minister Attaullah Tarar said",
                "Attaullah Tarar",
                "information minister",
            ),
            (
                "Broadcom CEO Hock Tan announced",
                "Hock Tan",
                "broadcom chief executive officer",
            ),
            // A title starts after a dash.
            (
                "Islamabad — Foreign Ministry Spokesperson Mumtaz Zahra Baloch said",
                "Mumtaz Zahra Baloch",
                "foreign ministry spokesperson",
            ),
        ];
        for &(text, person, title) in cases {
            assert_eq!(roles(text), [(person.into(), title.into())], "{text}");
        }
        assert!(
            roles("former Prime Minister Imran Khan said").is_empty(),
            "a past office"
        );
        assert!(roles("the minister said").is_empty(), "no name");
    }

    #[test]
    fn ages_of_named_people() {
        // (text, the person and age read, text of the span)
        type Case<'a> = (&'a str, &'a [(&'a str, &'a str, &'a str)]);
        let cases: &[Case] = &[
            (
                "Navy veteran Colin Marsh, 57, was one of those injured.",
                &[("Colin Marsh", "57", "Colin Marsh, 57")],
            ),
            (
                "Amina Bello, 46, rushed to her husband's side.",
                &[("Amina Bello", "46", "Amina Bello, 46")],
            ),
            // One capitalised word, a date, a title, or no comma after: no age.
            ("Marsh, 57, was injured.", &[]),
            ("On Tuesday December 6, 40 people were hurt.", &[]),
            ("Colin Marsh, 57 people said", &[]),
            ("Prime Minister, 12, said", &[]),
            ("Colin Marsh, 2016, said", &[]),
        ];
        for &(text, expected) in cases {
            let ages = picked(text, |value| match value {
                Value::Age { person, years } => Some((person, years)),
                _ => None,
            });
            let expected: Vec<((String, String), &str)> = expected
                .iter()
                .map(|&(person, years, span)| ((person.into(), years.into()), span))
                .collect();
            assert_eq!(ages, expected, "{text}");
        }
    }

    #[test]
    fn people_by_their_relation_to_someone() {
        // (text, relation, name, text of the span)
        type Case<'a> = (&'a str, &'a [(&'a str, Option<&'a str>, &'a str)]);
        let cases: &[Case] = &[
            (
                "Her father Anwar has said she was upset.",
                &[("father", Some("Anwar"), "Her father Anwar")],
            ),
            (
                "Her father said the boy was upset.",
                &[("father", None, "Her father")],
            ),
            (
                "his lawyer Dana Pell said the charges would be dropped",
                &[("lawyer", Some("Dana Pell"), "his lawyer Dana Pell")],
            ),
            // A name after a comma or a clause is not read as the relation's name.
            (
                "said his brother, Tomas",
                &[("brother", None, "his brother")],
            ),
            (
                "their spokesman. Police",
                &[("spokesman", None, "their spokesman")],
            ),
            // Not a relation noun, or no possessive before it.
            ("her friend Mira said", &[]),
            ("the father Anwar said", &[]),
        ];
        for &(text, expected) in cases {
            let relations = picked(text, |value| match value {
                Value::Relation { role, name } => Some((role, name)),
                _ => None,
            });
            let expected: Vec<((String, Option<String>), &str)> = expected
                .iter()
                .map(|&(role, name, span)| ((role.into(), name.map(Into::into)), span))
                .collect();
            assert_eq!(relations, expected, "{text}");
        }
    }
}
