//! People: who led a side, who mediated, and people's titles. When two names are one
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
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
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
        let side = words[..i]
            .iter()
            .rev()
            .find(|w| w.capital)
            .map_or_else(|| "delegation".to_string(), |w| w.norm.clone());
        out.push(Detail::spanning(Value::Leader { side, name }, first, last));
    }
    out
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
}
