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

/// Nouns that count people whatever happened to them: what they count is the outcome
/// the clause gives ("seven people were killed" counts the dead, "40 people were injured"
/// the injured), so that the two are never one slot.
const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "person",
    "men",
    "women",
    "children",
    "passengers",
    "others",
    "individuals",
    "civilians",
    "residents",
    "workers",
    "soldiers",
    "staff",
];

/// Words that say what happened to those counted, by the start of the word, and the slot
/// they count: "killed", "dead", "died" and "fatalities" are all the dead.
const OUTCOMES: &[(&str, &str)] = &[
    ("kill", "dead"),
    ("dead", "dead"),
    ("die", "dead"),
    ("death", "dead"),
    ("fatalit", "dead"),
    ("injur", "injured"),
    ("hurt", "injured"),
    ("wound", "injured"),
    ("hospital", "injured"),
    ("trap", "trapped"),
    ("missing", "missing"),
    ("arrest", "arrested"),
    ("detain", "arrested"),
    ("rescu", "rescued"),
];

/// Whether `unit` is one of the slots of [`OUTCOMES`] ("dead", "injured"), which the text
/// people read names as they are.
pub fn is_outcome(unit: &str) -> bool {
    OUTCOMES.iter().any(|&(_, slot)| slot == unit)
}

/// What a person's age ("42-year-old") counts.
pub const AGE: &str = "(age)";
/// What a time of day ("6.10am", "06:00 GMT") is.
pub const TIME: &str = "(time)";

/// Vague quantities and the figures they allow: "several people died" and "seven were
/// killed" differ in precision, "a handful" and "dozens" conflict.
pub const VAGUE: &[(&str, (f64, f64))] = &[
    ("handful", (2.0, 6.0)),
    ("few", (2.0, 5.0)),
    ("several", (3.0, 9.0)),
    ("dozen", (10.0, 14.0)),
    ("dozens", (24.0, 99.0)),
    ("scores", (40.0, 99.0)),
    ("hundreds", (200.0, 999.0)),
    ("thousands", (2000.0, 9999.0)),
];

/// Times of day ("6.10am", "6am", "06:00 GMT", "6 a.m."), with the qualifier before them
/// ("at about 6.10am", "just after 06:00"), as hours and minutes on a 24-hour clock. Their
/// words are marked `used`, so they are not counted as numbers.
pub(super) fn times(text: &str, words: &[Word], used: &mut [bool]) -> Vec<Detail> {
    let mut out = Vec::new();
    for i in 0..words.len() {
        if used[i] || !words[i].number {
            continue;
        }
        let next = words.get(i + 1);
        let glued = |a: &Word, b: &Word, mark: &str| text[a.end..b.start] == *mark;
        let suffix = |w: Option<&Word>| {
            w.and_then(|w| match w.norm.as_str() {
                "am" | "a.m" => Some(Some(false)),
                "pm" | "p.m" => Some(Some(true)),
                "gmt" | "bst" | "utc" => Some(None),
                _ => None,
            })
        };
        // (hour, minutes, afternoon, index of the last word)
        let parsed = if let Some((h, m, pm)) = clock_word(&words[i].norm) {
            Some((h, m, pm, i))
        } else if let Some(minutes) =
            next.filter(|n| n.number && n.norm.len() == 2 && glued(&words[i], n, ":"))
        {
            let h = words[i].norm.parse::<u32>().ok().filter(|&h| h < 24);
            let m = minutes.norm.parse::<u32>().ok().filter(|&m| m < 60);
            let after = suffix(words.get(i + 2));
            let last = if after.is_some() { i + 2 } else { i + 1 };
            h.zip(m).map(|(h, m)| (h, m, after.flatten(), last))
        } else {
            let h: Option<u32> = words[i]
                .norm
                .parse()
                .ok()
                .filter(|&h| (1..=12).contains(&h));
            match (h, suffix(next)) {
                (Some(h), Some(Some(pm))) => Some((h, 0, Some(pm), i + 1)),
                _ => None,
            }
        };
        let Some((hour, minutes, pm, last)) = parsed else {
            continue;
        };
        let hour = match pm {
            Some(true) if hour < 12 => hour + 12,
            Some(false) if hour == 12 => 0,
            _ => hour,
        };
        if hour >= 24 {
            continue;
        }
        let (qualifier, first) = time_qualifier(words, i);
        for flag in &mut used[first..=last] {
            *flag = true;
        }
        let number = Number {
            value: format!("{hour}:{minutes:02}"),
            unit: TIME.into(),
            qualifier,
            earlier: false,
        };
        out.push(Detail::spanning(
            Value::Number(number),
            &words[first],
            &words[last],
        ));
    }
    out
}

/// "6.10am", "6am", "11.30pm", "6.10" with no suffix is not read as a time.
fn clock_word(norm: &str) -> Option<(u32, u32, Option<bool>)> {
    let (body, pm) = if let Some(b) = norm.strip_suffix("am") {
        (b, false)
    } else {
        (norm.strip_suffix("pm")?, true)
    };
    let (h, m) = match body.split_once(['.', ':']) {
        Some((h, m)) if m.len() == 2 => (h.parse().ok()?, m.parse().ok()?),
        Some(_) => return None,
        None => (body.parse().ok()?, 0),
    };
    ((1..=12).contains(&h) && m < 60).then_some((h, m, Some(pm)))
}

/// The qualifier of a time at `words[i]` and where it starts: "at about", "around",
/// "just after", "shortly before".
fn time_qualifier(words: &[Word], i: usize) -> (Option<Qualifier>, usize) {
    let norm = |k: usize| words.get(k).map_or("", |w| w.norm.as_str());
    let before = |n: usize| i.checked_sub(n).map(norm).unwrap_or("");
    let around = |w: &str| matches!(w, "about" | "around" | "approximately" | "roughly");
    if around(before(1)) {
        return (Some(Qualifier::Around), i - 1);
    }
    let (direction, at) = match before(1) {
        "after" => (Qualifier::MoreThan, i - 1),
        "before" => (Qualifier::LessThan, i - 1),
        _ => return (None, i),
    };
    let at = if matches!(before(2), "just" | "shortly" | "soon") {
        at - 1
    } else {
        at
    };
    (Some(direction), at)
}

/// Words that make a figure's size rather than name what it counts: "$105 billion
/// approach" counts billions.
const MAGNITUDES: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "percent",
];

/// Words after a hyphenated measure that say what is measured of the noun after them
/// ("2,600-kilometer-long border"), not the noun it modifies.
const MEASURES: &[&str] = &[
    "long", "wide", "high", "tall", "deep", "old", "strong", "thick",
];

/// Whether a word can go on a compound noun after a number: a content word in lower
/// case that is not a verb's form ("containing", "injured"); "rescue" in "four rescue
/// units" is a noun.
fn compound_part(word: &Word) -> bool {
    !word.stop
        && !word.number
        && !word.capital
        && !word.norm.ends_with("ing")
        && !word.norm.ends_with("ed")
        && !word.norm.ends_with("ly")
}

/// The outcome a word names, if any.
fn outcome(word: &Word) -> Option<&'static str> {
    OUTCOMES
        .iter()
        .find(|(start, _)| word.norm.starts_with(start))
        .map(|&(_, slot)| slot)
}

/// Ordinals that count rounds, days or terms ("the third round of talks"); "first" is
/// left out, being an order of events more often than a count ("first visit").
const ORDINALS: &[(&str, &str)] = &[
    ("second", "2nd"),
    ("third", "3rd"),
    ("fourth", "4th"),
    ("fifth", "5th"),
    ("sixth", "6th"),
    ("seventh", "7th"),
    ("eighth", "8th"),
    ("ninth", "9th"),
    ("tenth", "10th"),
];

/// The ordinal a word is ("third", "3rd"), written as digits.
fn ordinal(word: &Word) -> Option<String> {
    if let Some(&(_, digits)) = ORDINALS.iter().find(|(w, _)| word.norm == *w) {
        return Some(digits.to_string());
    }
    let digits = word
        .norm
        .trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word.norm[digits.len()..];
    let fits = matches!(
        (digits.chars().last(), suffix),
        (Some('1'), "st") | (Some('2'), "nd") | (Some('3'), "rd") | (Some(_), "th")
    );
    (fits && !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| word.norm.clone())
}

/// The ordinals of a unit's words ("the third round" is the 3rd "round"): compared only
/// with ordinals of the same noun.
pub(super) fn ordinals(words: &[Word], used: &[bool]) -> Vec<Detail> {
    let mut out = Vec::new();
    for i in 0..words.len() {
        let Some(value) = ordinal(&words[i]).filter(|_| !used[i]) else {
            continue;
        };
        // The noun right after it: "third round", "the 2nd day".
        let Some(noun) = words
            .get(i + 1)
            .filter(|w| !w.stop && !w.number && !w.capital)
        else {
            continue;
        };
        let number = Number {
            value,
            unit: format!("{} (ordinal)", noun.stem),
            qualifier: None,
            earlier: false,
        };
        out.push(Detail::spanning(Value::Number(number), &words[i], noun));
    }
    out
}

/// The numbers of a unit's words that are not part of a date (`used`).
pub(super) fn numbers(text: &str, words: &[Word], used: &[bool]) -> Vec<Detail> {
    let mut out = Vec::new();
    for i in 0..words.len() {
        let vague = VAGUE.iter().any(|(w, _)| words[i].norm == *w);
        if used[i]
            || !words[i].number && !vague
            || words[i].norm.len() == 4 && words[i].norm.starts_with("20")
            || ordinal(&words[i]).is_some()
        {
            continue; // a date's day, a year, or an ordinal
        }
        // "5/8" (a gallery's picture counter, a fraction, a score) counts nothing.
        let slashed = |a: &Word, b: &Word| text[a.end..b.start].trim() == "/";
        if i.checked_sub(1)
            .is_some_and(|k| slashed(&words[k], &words[i]))
            || words
                .get(i + 1)
                .is_some_and(|next| slashed(&words[i], next))
        {
            continue;
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
        // "dozens of people": a vague quantity counts what follows "of".
        let Some(at) = (i + 1..words.len())
            .find(|&k| !words[k].stop || words[k].norm == "of" && !vague)
            .filter(|&k| !words[k].number && words[k].norm != "of")
        else {
            continue;
        };
        // "seven, claim passengers": a clause break between the number and the word
        // after it, which it does not count.
        if text[words[i].end..words[at].start].contains(|c: char| ",;:.()".contains(c)) {
            continue;
        }
        let mut first = i;
        let mut qualifier = None;
        for (phrase, name) in QUALIFIERS {
            let n = phrase.len();
            if i >= n && (0..n).all(|k| words[i - n + k].norm == phrase[k]) {
                qualifier = Some(name);
                first = i - n;
                break;
            }
        }
        let from = &words[first];
        // What is counted: the outcome when the word after the number is one ("7
        // killed", "five dead"), or when it counts people and an outcome stands just
        // before the figure ("killing five people and injuring dozens" counts the dead) or
        // in its clause after it ("seven people were killed"); else the word.
        let before = first
            .checked_sub(1)
            .map(|k| &words[k])
            .filter(|w| text[w.end..from.start].trim().is_empty())
            .and_then(outcome);
        // A compound counts its last noun ("eight fire engines", "four rescue units"),
        // up to a verb; a measure glued with a hyphen its first ("2,600-kilometer-long").
        let hyphenated = text[words[i].end..words[at].start].trim() == "-";
        let mut at = at;
        while !hyphenated
            && at + 1 < words.len()
            && at < i + 3
            && text[words[at].end..words[at + 1].start] == *" "
            && compound_part(&words[at])
            && compound_part(&words[at + 1])
            && !PEOPLE.contains(&words[at].norm.as_str())
            && !MAGNITUDES.contains(&words[at].norm.as_str())
        {
            at += 1;
        }
        // "the 42-year-old driver": an age.
        let age = hyphenated
            && words[at].norm == "year"
            && words
                .get(at + 1)
                .is_some_and(|w| w.norm == "old" && text[words[at].end..w.start].trim() == "-");
        if age {
            let number = Number {
                value: words[i].norm.clone(),
                unit: AGE.into(),
                qualifier: None,
                earlier: false,
            };
            out.push(Detail::spanning(
                Value::Number(number),
                &words[i],
                &words[at + 1],
            ));
            continue;
        }
        // Words that leave what is counted to the rest of the clause: "seven people
        // were killed", "four are seriously injured", "50 taken to hospital".
        let open = |w: &Word| {
            PEOPLE.contains(&w.norm.as_str()) || w.norm.ends_with("ly") || w.norm == "taken"
        };
        // A number glued to its noun that modifies another counts a property of that
        // one: a "two-car tram" has two cars, which "several police cars" do not count.
        let modified = words
            .get(at + 1)
            .filter(|next| hyphenated && text[words[at].end..next.start] == *" ")
            .filter(|next| compound_part(next) && !MEASURES.contains(&next.norm.as_str()));
        // "taken to two hospitals" counts hospitals; "50 taken to hospital" the injured.
        let direct = outcome(&words[at])
            .filter(|_| !matches!(words[at].norm.as_str(), "hospital" | "hospitals"));
        let (unit, counted) = match direct {
            _ if modified.is_some() => {
                let head = modified.expect("a modified noun");
                (&words[at], format!("{} {}", words[at].stem, head.stem))
            }
            Some(slot) => (&words[at], slot.to_string()),
            None if before.is_some() && PEOPLE.contains(&words[at].norm.as_str()) => {
                (&words[at], before.expect("an outcome").to_string())
            }
            None if open(&words[at]) => {
                let clause_end = (at + 1..words.len())
                    .find(|&k| {
                        words[k].number
                            || text[words[k - 1].end..words[k].start]
                                .contains(|c: char| ",;:.()".contains(c))
                    })
                    .unwrap_or(words.len());
                match (at + 1..clause_end.min(at + 5))
                    .find_map(|k| outcome(&words[k]).map(|o| (k, o)))
                {
                    Some((k, slot)) => (&words[k], slot.to_string()),
                    None => (&words[at], words[at].stem.clone()),
                }
            }
            None => (&words[at], words[at].stem.clone()),
        };
        // "the initial $103 billion offer", "up from its initial offer of $70 a share": an
        // earlier figure, compared only with earlier figures, never with the new one.
        let window = &words[i.saturating_sub(5)..i];
        let earlier = window.iter().any(|w| EARLIER.contains(&w.norm.as_str()))
            || window
                .windows(2)
                .any(|p| matches!(p[0].norm.as_str(), "up" | "down") && p[1].norm == "from");
        let number = Number {
            value: words[i].norm.clone(),
            unit: counted,
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

    /// Times of day on a 24-hour clock, with their qualifier: compared as times, never as
    /// counts.
    #[test]
    fn times_of_day() {
        type Time<'a> = (&'a str, Option<Qualifier>, &'a str);
        let cases: &[(&str, &[Time<'_>])] = &[
            (
                "at about 6.10am on Wednesday",
                &[("6:10", Some(Around), "about 6.10am")],
            ),
            (
                "just after 06:00 GMT",
                &[("6:00", Some(MoreThan), "just after 06:00 GMT")],
            ),
            (
                "shortly after 6 a.m.",
                &[("6:00", Some(MoreThan), "shortly after 6 a.m")],
            ),
            ("began at 2:30 p.m. in 2021", &[("14:30", None, "2:30 p.m")]),
            ("at 11.30pm", &[("23:30", None, "11.30pm")]),
            // A decimal is not a time.
            ("a 6.10 per cent rise", &[]),
        ];
        for &(text, expected) in cases {
            let times: Vec<(String, Option<Qualifier>, &str)> = found(text, None)
                .into_iter()
                .filter_map(|(value, span)| match value {
                    Value::Number(n) if n.unit == super::TIME => Some((n.value, n.qualifier, span)),
                    _ => None,
                })
                .collect();
            let expected: Vec<(String, Option<Qualifier>, &str)> = expected
                .iter()
                .map(|&(v, q, span)| (v.to_string(), q, span))
                .collect();
            assert_eq!(times, expected, "{text}");
        }
    }

    /// Ages and vague quantities are figures of their own.
    #[test]
    fn ages_and_vague_quantities() {
        let got = |text: &str| -> Vec<(String, String)> {
            found(text, None)
                .into_iter()
                .filter_map(|(value, _)| match value {
                    Value::Number(n) => Some((n.value, n.unit)),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            got("the 42-year-old driver"),
            [("42".into(), super::AGE.into())]
        );
        assert_eq!(
            got("several people died"),
            [("several".into(), "dead".into())]
        );
        assert_eq!(
            got("dozens of people were injured"),
            [("dozens".into(), "injured".into())]
        );
    }

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
            // What happened to those counted is what is counted: the dead, the injured.
            (
                "At least 7 killed.",
                &[("7", "dead", Some(AtLeast), false, "At least 7 killed")],
            ),
            (
                "Seven people were killed and 40 people were injured.",
                &[
                    ("7", "dead", None, false, "Seven people were killed"),
                    ("40", "injured", None, false, "40 people were injured"),
                ],
            ),
            (
                "The scene after a tram overturned in Croydon, south London, trapping five people and injuring another 40.",
                &[("5", "trapped", None, false, "five people")],
            ),
            (
                "Eight fire engines, five fire rescue units containing equipment",
                &[
                    ("8", "engin", None, false, "Eight fire engines"),
                    ("5", "unit", None, false, "five fire rescue units"),
                ],
            ),
            (
                "four are seriously injured and more than 50 taken to hospital",
                &[
                    ("4", "injured", None, false, "four are seriously injured"),
                    ("50", "injured", Some(MoreThan), false, "more than 50 taken to hospital"),
                ],
            ),
            (
                "killing five people and injuring dozens",
                &[("5", "dead", None, false, "five people")],
            ),
            (
                "Two people remain trapped.",
                &[("2", "trapped", None, false, "Two people remain trapped")],
            ),
            // People counted with no outcome stay people.
            (
                "Five people were on board.",
                &[("5", "peopl", None, false, "Five people")],
            ),
            // A picture counter, a fraction, and a number a clause break parts from the
            // word after it count nothing.
            ("Photos 5/8 Emergency services at the scene", &[]),
            ("Tram crash kills seven, claim passengers", &[]),
            // Ordinals count rounds, days or terms, apart from counts.
            (
                "the third round of talks, after 2 rounds",
                &[
                    ("3rd", "round (ordinal)", None, false, "third round"),
                    ("2", "round", None, false, "2 rounds"),
                ],
            ),
            (
                "the 2nd day of the visit",
                &[("2nd", "day (ordinal)", None, false, "2nd day")],
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
                // "truce" is read as "ceasefire", its synonym.
                &[("48", "hour ceasefir", None, false, "48-hour")],
            ),
            // What a glued number counts is of the noun it modifies; a hospital counted
            // is no casualty.
            (
                "the two-car tram; the injured were taken to two hospitals",
                &[
                    ("2", "car tram", None, false, "two-car"),
                    ("2", "hospit", None, false, "two hospitals"),
                ],
            ),
            ("12 hospitalised", &[("12", "injured", None, false, "12 hospitalised")]),
            (
                "the 48-hour ceasefire lasted 48 hours",
                &[
                    ("48", "hour ceasefir", None, false, "48-hour"),
                    ("48", "hour", None, false, "48 hours"),
                ],
            ),
            (
                "the 2,600-kilometer-long border",
                &[("2600", "kilomet", None, false, "2,600-kilometer")],
            ),
            // Years are not counts, and clock times are times of day.
            ("began in 2021", &[]),
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
