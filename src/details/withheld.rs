//! What a report says was not disclosed: "the composition of the delegation was not
//! disclosed", "officials declined to name the mediator", "an undisclosed sum". Another
//! report of the same fact that gives it is a detail only some give, which the report
//! saying it is unknown makes worth checking.

use super::{Detail, Value, Withheld};
use crate::text::tokenize::Word;

/// Nouns of what is withheld, by what they stand for.
const WHAT: &[(&str, Withheld)] = &[
    ("name", Withheld::Who),
    ("names", Withheld::Who),
    ("identity", Withheld::Who),
    ("identities", Withheld::Who),
    ("composition", Withheld::Who),
    ("members", Withheld::Who),
    ("membership", Withheld::Who),
    ("participants", Withheld::Who),
    ("attendees", Withheld::Who),
    ("leader", Withheld::Who),
    ("leaders", Withheld::Who),
    ("mediator", Withheld::Who),
    ("mediators", Withheld::Who),
    ("victims", Withheld::Who),
    ("who", Withheld::Who),
    ("amount", Withheld::Amount),
    ("sum", Withheld::Amount),
    ("terms", Withheld::Amount),
    ("price", Withheld::Amount),
    ("value", Withheld::Amount),
    ("cost", Withheld::Amount),
    ("fee", Withheld::Amount),
    ("figure", Withheld::Amount),
    ("figures", Withheld::Amount),
    ("toll", Withheld::Amount),
    ("location", Withheld::Place),
    ("venue", Withheld::Place),
    ("whereabouts", Withheld::Place),
    ("destination", Withheld::Place),
    ("date", Withheld::When),
    ("timing", Withheld::When),
];

/// Participles of a passive that withholds: "was not disclosed", "were not named".
const PASSIVE: &[&str] = &[
    "disclosed",
    "revealed",
    "released",
    "named",
    "identified",
    "given",
];
/// Verbs that withhold when negated or declined: "did not disclose", "declined to name".
const ACTIVE: &[&str] = &["disclose", "reveal", "release", "name", "identify", "give"];
/// Auxiliaries of such a passive.
const AUXILIARIES: &[&str] = &["was", "were", "is", "are", "been", "be"];
/// How far a noun may stand from its verb.
const REACH: usize = 5;

fn negation(w: &Word) -> bool {
    w.norm == "not" || w.norm == "never" || w.norm.ends_with("n't")
}

fn what(w: &Word) -> Option<Withheld> {
    WHAT.iter()
        .find(|(noun, _)| w.norm == *noun)
        .map(|&(_, what)| what)
}

/// Statements in `words` that something was not disclosed, each with what it is and the
/// span from its noun to its verb.
pub(super) fn withheld(words: &[Word]) -> Vec<Detail> {
    let mut out = Vec::new();
    for (k, w) in words.iter().enumerate() {
        // "an undisclosed sum", "an undisclosed location".
        if w.norm == "undisclosed" {
            if let Some((at, what)) = (k + 1..words.len().min(k + 3))
                .find_map(|j| self::what(&words[j]).map(|what| (j, what)))
            {
                out.push(Detail::spanning(Value::Withheld(what), w, &words[at]));
            }
            continue;
        }
        let before = &words[k.saturating_sub(3)..k];
        // "The composition of the delegation was not disclosed": the noun before.
        let passive = PASSIVE.contains(&w.norm.as_str())
            && before.iter().any(negation)
            && before
                .iter()
                .any(|b| AUXILIARIES.contains(&b.norm.as_str()));
        // "did not disclose the amount", "declined to name the mediator": the noun after.
        let declined = k >= 2
            && words[k - 1].norm == "to"
            && matches!(words[k - 2].norm.as_str(), "declined" | "refused");
        let active = ACTIVE.contains(&w.norm.as_str()) && (before.iter().any(negation) || declined);
        let found = if passive {
            (k.saturating_sub(REACH + 3)..k)
                .rev()
                .find_map(|j| self::what(&words[j]).map(|what| (j, what)))
                .map(|(j, what)| (what, &words[j], w))
                .or_else(|| person_verb(w).then_some((Withheld::Who, w, w)))
        } else if active {
            (k + 1..words.len().min(k + 1 + REACH))
                .find_map(|j| self::what(&words[j]).map(|what| (j, what)))
                .map(|(j, what)| (what, w, &words[j]))
                .or_else(|| person_verb(w).then_some((Withheld::Who, w, w)))
        } else {
            None
        };
        if let Some((what, from, to)) = found {
            out.push(Detail::spanning(Value::Withheld(what), from, to));
        }
    }
    out
}

/// Whether withholding with this verb withholds a person: "were not named", "declined to
/// identify him".
fn person_verb(w: &Word) -> bool {
    matches!(
        w.norm.as_str(),
        "named" | "identified" | "name" | "identify"
    )
}

#[cfg(test)]
mod tests {
    use super::super::tests::found;
    use super::super::{Value, Withheld};

    #[test]
    fn what_is_said_to_be_withheld() {
        let cases: &[(&str, &[(Withheld, &str)])] = &[
            (
                "The composition of the Afghan delegation was not disclosed.",
                &[(
                    Withheld::Who,
                    "composition of the Afghan delegation was not disclosed",
                )],
            ),
            (
                "Officials declined to name the mediator.",
                &[(Withheld::Who, "name the mediator")],
            ),
            (
                "The company did not disclose the terms of the deal.",
                &[(Withheld::Amount, "disclose the terms")],
            ),
            (
                "He was moved to an undisclosed location.",
                &[(Withheld::Place, "undisclosed location")],
            ),
            (
                "The victims have not been named.",
                &[(Withheld::Who, "victims have not been named")],
            ),
            // Disclosed, and named, are no withholding.
            ("The terms were disclosed on Monday.", &[]),
            ("She was named chief executive.", &[]),
        ];
        for &(text, expected) in cases {
            let got: Vec<(Withheld, &str)> = found(text, None)
                .into_iter()
                .filter_map(|(value, span)| match value {
                    Value::Withheld(what) => Some((what, span)),
                    _ => None,
                })
                .collect();
            assert_eq!(got, expected, "{text}");
        }
    }
}
