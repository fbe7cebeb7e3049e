//! Numbers: counts and measures with their unit and qualifier ("nearly nine hours",
//! "2,600-kilometer", "the initial $103 billion offer").

use super::{Detail, Number, Qualifier, Value};
use crate::text::tokenize::Word;

/// Qualifiers before a number, longest first.
const QUALIFIERS: [(&[&str], Qualifier); 14] = [
    (&["more", "than"], Qualifier::MoreThan),
    (&["less", "than"], Qualifier::LessThan),
    (&["fewer", "than"], Qualifier::FewerThan),
    (&["at", "least"], Qualifier::AtLeast),
    (&["at", "most"], Qualifier::AtMost),
    (&["up", "to"], Qualifier::UpTo),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Almost),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::Around),
    (&["roughly"], Qualifier::Roughly),
    (&["approximately"], Qualifier::Approximately),
    (&["over"], Qualifier::MoreThan),
    (&["some"], Qualifier::About),
];

/// Words before a number that make it an earlier figure than the one the report is about.
const EARLIER: &[&str] = &[
    "initial", "original", "first", "previous", "earlier", "prior", "old",
];

/// The numbers of a unit's words that are not part of a date (`used`).
pub(super) fn numbers(text: &str, words: &[Word], used: &[bool]) -> Vec<Detail> {
    let mut out = Vec::new();
    for i in 0..words.len() {
        if used[i]
            || !words[i].number
            || words[i].norm.len() == 4 && words[i].norm.starts_with("20")
        {
            continue; // a date's day, or a year
        }
        // "one security source": the word "one" is an article more often than a count.
        if words[i].norm == "1"
            && text[words[i].start..words[i].end]
                .chars()
                .all(char::is_alphabetic)
        {
            continue;
        }
        // A clock time ("2:30 p.m.") is not a count.
        let glued = |a: &Word, b: &Word| text[a.end..b.start].trim() == ":";
        let clock = i
            .checked_sub(1)
            .is_some_and(|k| glued(&words[k], &words[i]))
            || words.get(i + 1).is_some_and(|next| {
                glued(&words[i], next)
                    || matches!(next.norm.as_str(), "a.m" | "p.m" | "am" | "pm" | "gmt")
            });
        if clock {
            continue;
        }
        let Some(unit) = words[i + 1..]
            .iter()
            .find(|w| !w.stop || w.norm == "of")
            .filter(|w| !w.number && w.norm != "of")
        else {
            continue;
        };
        let mut from = &words[i];
        let mut qualifier = None;
        for (phrase, name) in QUALIFIERS {
            let n = phrase.len();
            if i >= n && (0..n).all(|k| words[i - n + k].norm == phrase[k]) {
                qualifier = Some(name);
                from = &words[i - n];
                break;
            }
        }
        // "the initial $103 billion offer", "up from its initial offer of $70 a share": an
        // earlier figure, compared only with earlier figures, never with the new one.
        let window = &words[i.saturating_sub(5)..i];
        let earlier = window.iter().any(|w| EARLIER.contains(&w.norm.as_str()))
            || window
                .windows(2)
                .any(|p| matches!(p[0].norm.as_str(), "up" | "down") && p[1].norm == "from");
        let number = Number {
            value: words[i].norm.clone(),
            unit: unit.stem.clone(),
            qualifier,
            earlier,
        };
        out.push(Detail::spanning(Value::Number(number), from, unit));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::found;
    use super::super::{Number, Qualifier, Value};
    use Qualifier::*;

    /// (value, unit stem, qualifier, earlier, text of the span) of each number of `text`.
    type Case<'a> = (&'a str, &'a str, Option<Qualifier>, bool, &'a str);

    #[test]
    fn numbers_with_their_unit_qualifier_and_span() {
        let cases: &[(&str, &[Case<'_>])] = &[
            (
                "Following nearly nine hours of talks.",
                &[("9", "hour", Some(Nearly), false, "nearly nine hours")],
            ),
            (
                "It continued for more than nine hours.",
                &[("9", "hour", Some(MoreThan), false, "more than nine hours")],
            ),
            (
                "At least 7 killed.",
                &[("7", "kill", Some(AtLeast), false, "At least 7 killed")],
            ),
            // Earlier figures are their own slot.
            (
                "raised its offer to $82 a share, up from its initial offer of $70 a share",
                &[
                    ("82", "share", None, false, "82 a share"),
                    ("70", "share", None, true, "70 a share"),
                ],
            ),
            (
                "the original $105 billion approach",
                &[("105", "billion", None, true, "105 billion")],
            ),
            (
                "a new $121 billion offer",
                &[("121", "billion", None, false, "121 billion")],
            ),
            // Hyphenated measures.
            (
                "a temporary 48-hour truce",
                &[("48", "hour", None, false, "48-hour")],
            ),
            (
                "the 2,600-kilometer-long border",
                &[("2600", "kilomet", None, false, "2,600-kilometer")],
            ),
            // Clock times and years are not counts.
            ("began at 2:30 p.m. in 2021", &[]),
        ];
        for &(text, expected) in cases {
            let numbers: Vec<(Number, &str)> = found(text, None)
                .into_iter()
                .filter_map(|(value, span)| match value {
                    Value::Number(n) => Some((n, span)),
                    _ => None,
                })
                .collect();
            let expected: Vec<(Number, &str)> = expected
                .iter()
                .map(|&(value, unit, qualifier, earlier, span)| {
                    let number = Number {
                        value: value.into(),
                        unit: unit.into(),
                        qualifier,
                        earlier,
                    };
                    (number, span)
                })
                .collect();
            assert_eq!(numbers, expected, "{text}");
        }
    }
}
