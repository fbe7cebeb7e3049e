//! Checkable details of a unit: numbers with their unit and qualifier, and dates.
//!
//! "nearly nine hours" is the number 9, unit "hour", qualifier "nearly"; "October 18–19"
//! is a date range; "48-hour truce" is 48 "hour". Algorithms see words (with their byte
//! spans); the detail keeps the span of its words so findings can point at them.

use crate::text::tokenize::Word;

/// What a detail is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailKind {
    /// A count or measure: "nine hours", "2,600-kilometer", "51 people".
    Number,
    /// A calendar date or range: "October 19", "October 18–19", "25 October".
    Date,
    /// Who led something: "the Afghan side was led by Deputy Interior Minister Mawlawi
    /// Rahmatullah Najeeb". The slot names the side ("led: afghan").
    Leader,
}

/// One detail of a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub kind: DetailKind,
    /// What is counted (the unit word's stem, "hour") or "date".
    pub slot: String,
    /// The value: "9"; for dates "10-18..19" (month-first day..last day).
    pub value: String,
    /// "nearly", "more than", "at least", … when the number is qualified.
    pub qualifier: Option<&'static str>,
    /// Byte span of the words, qualifier included.
    pub start: usize,
    pub end: usize,
}

const MONTHS: [(&str, u8); 21] = [
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// The month number of a month name or abbreviation.
pub fn month(norm: &str) -> Option<u8> {
    MONTHS.iter().find(|(m, _)| *m == norm).map(|&(_, n)| n)
}

/// Qualifiers before a number, longest first: (words, name).
const QUALIFIERS: [(&[&str], &str); 14] = [
    (&["more", "than"], "more than"),
    (&["less", "than"], "less than"),
    (&["fewer", "than"], "fewer than"),
    (&["at", "least"], "at least"),
    (&["at", "most"], "at most"),
    (&["up", "to"], "up to"),
    (&["nearly"], "nearly"),
    (&["almost"], "almost"),
    (&["about"], "about"),
    (&["around"], "around"),
    (&["roughly"], "roughly"),
    (&["approximately"], "approximately"),
    (&["over"], "more than"),
    (&["some"], "about"),
];

fn day(word: &Word) -> Option<u8> {
    word.number
        .then(|| word.norm.parse::<u8>().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// The details of one unit's words (`text` is the report's text their spans point into).
pub fn extract(text: &str, words: &[Word]) -> Vec<Detail> {
    let mut out = Vec::new();
    let mut used = vec![false; words.len()];
    // Dates first, so their numbers are not counted as numbers.
    for i in 0..words.len() {
        let Some(m) = month(&words[i].norm) else {
            continue;
        };
        // "October 18–19", "October 19", "Oct. 25"
        if let Some(first) = words.get(i + 1).and_then(day) {
            let mut last_index = i + 1;
            let mut last = first;
            if let Some(second) = words.get(i + 2).and_then(day).filter(|&d| d > first) {
                last = second;
                last_index = i + 2;
            }
            out.push(date(m, first, last, &words[i], &words[last_index]));
            used[i..=last_index].fill(true);
            continue;
        }
        // "25 October"
        if let Some(d) = i.checked_sub(1).and_then(|k| day(&words[k])) {
            out.push(date(m, d, d, &words[i - 1], &words[i]));
            used[i - 1..=i].fill(true);
        }
    }
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
        let mut start = words[i].start;
        let mut qualifier = None;
        for (phrase, name) in QUALIFIERS {
            let n = phrase.len();
            if i >= n && (0..n).all(|k| words[i - n + k].norm == phrase[k]) {
                qualifier = Some(name);
                start = words[i - n].start;
                break;
            }
        }
        out.push(Detail {
            kind: DetailKind::Number,
            slot: unit.stem.clone(),
            value: words[i].norm.clone(),
            qualifier,
            start,
            end: unit.end,
        });
    }
    out.extend(leaders(text, words));
    out.sort_by_key(|d| d.start);
    out
}

/// "… led by <title> <Name Name>": the name, and the side as the nearest capitalised word
/// before "led" in the unit ("Afghan", "Pakistani"), lower case without a possessive.
fn leaders(text: &str, words: &[Word]) -> Vec<Detail> {
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
                w.capital && (*k == 0 || !text[after[k - 1].end..w.start].contains([',', ';', '.']))
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
        out.push(Detail {
            kind: DetailKind::Leader,
            slot: format!("led: {side}"),
            value: name,
            qualifier: None,
            start: first.start,
            end: last.end,
        });
    }
    out
}

/// Whether two sides name the same party: one is the start of the other ("afghan",
/// "afghanistan"; "pakistani", "pakistan").
pub fn same_side(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim_start_matches("led: "), b.trim_start_matches("led: "));
    let stem = |s: &str| s.trim_end_matches('i').to_string();
    let (x, y) = (stem(a), stem(b));
    x.len() >= 4 && y.len() >= 4 && (x.starts_with(&y) || y.starts_with(&x))
}

/// Whether two names are of one person: they share a word of three letters or more.
pub fn same_person(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .filter(|w| w.len() >= 3)
            .map(str::to_lowercase)
            .collect()
    };
    let wb = words(b);
    words(a).iter().any(|w| wb.contains(w))
}

fn date(month: u8, first: u8, last: u8, from: &Word, to: &Word) -> Detail {
    Detail {
        kind: DetailKind::Date,
        slot: "date".into(),
        value: format!("{month:02}-{first:02}..{last:02}"),
        qualifier: None,
        start: from.start,
        end: to.end,
    }
}

/// A date line's (year, month, day): "Tuesday, 02 January 2024 12:17 GMT".
pub fn date_line(words: &[Word]) -> Option<(u16, u8, u8)> {
    let m = words.iter().find_map(|w| month(&w.norm))?;
    let year = words.iter().find_map(|w| {
        w.norm
            .parse::<u16>()
            .ok()
            .filter(|y| (1900..2200).contains(y))
    })?;
    let d = words.iter().find_map(day)?;
    Some((year, m, d))
}

/// A date value for people: "10-18..19" → "October 18–19".
pub fn readable_date(value: &str) -> String {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match days(value) {
        Some((m, first, last)) => {
            let name = NAMES[usize::from(m.clamp(1, 12)) - 1];
            if first == last {
                format!("{name} {first}")
            } else {
                format!("{name} {first}–{last}")
            }
        }
        None => value.to_string(),
    }
}

/// The days a date value covers: (month, first, last).
pub fn days(value: &str) -> Option<(u8, u8, u8)> {
    let (month, range) = value.split_once('-')?;
    let (first, last) = range.split_once("..")?;
    Some((month.parse().ok()?, first.parse().ok()?, last.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::{extract, DetailKind};
    use crate::text::tokenize::Tokenizer;

    /// (kind initial, slot, value, qualifier, text of the span)
    fn details(text: &str) -> Vec<(char, String, String, Option<&'static str>, &str)> {
        let words = Tokenizer::default().words(text, 0, text.len());
        extract(text, &words)
            .into_iter()
            .map(|d| {
                let kind = match d.kind {
                    DetailKind::Date => 'D',
                    DetailKind::Number => 'N',
                    DetailKind::Leader => 'L',
                };
                (kind, d.slot, d.value, d.qualifier, &text[d.start..d.end])
            })
            .collect()
    }

    #[test]
    fn qualified_durations() {
        assert_eq!(
            details("Following nearly nine hours of talks."),
            [(
                'N',
                "hour".into(),
                "9".into(),
                Some("nearly"),
                "nearly nine hours"
            )]
        );
        assert_eq!(
            details("It continued for more than nine hours."),
            [(
                'N',
                "hour".into(),
                "9".into(),
                Some("more than"),
                "more than nine hours"
            )]
        );
        assert_eq!(details("At least 7 killed.")[0].3, Some("at least"));
    }

    #[test]
    fn hyphenated_measures() {
        assert_eq!(details("a temporary 48-hour truce")[0].1, "hour");
        assert_eq!(details("the 2,600-kilometer-long border")[0].2, "2600");
    }

    #[test]
    fn dates_and_ranges() {
        assert_eq!(details("the October 19 Doha ceasefire")[0].2, "10-19..19");
        assert_eq!(
            details("held in Doha, Qatar, on October 18–19, mediated")[0].2,
            "10-18..19"
        );
        assert_eq!(
            details("began at 2:30 p.m. on Oct. 25 and")[0].2,
            "10-25..25"
        );
        assert_eq!(details("on 25 October the talks")[0].2, "10-25..25");
    }

    #[test]
    fn who_led_a_side() {
        let d = details("On the Afghan side, the negotiations were led by Acting Defense Minister Mullah Yaqoob, accompanied by others.");
        assert_eq!(
            d,
            [(
                'L',
                "led: afghan".into(),
                "Mullah Yaqoob".into(),
                None,
                "Acting Defense Minister Mullah Yaqoob"
            )]
        );
        let d = details("while Afghanistan’s side was led by Deputy Interior Minister Mawlawi Rahmatullah Najeeb, alongside others");
        assert_eq!(d[0].1, "led: afghanistan");
        assert_eq!(d[0].2, "Mawlawi Rahmatullah Najeeb");
        assert!(super::same_side("led: afghan", "led: afghanistan"));
        assert!(!super::same_side("led: afghan", "led: pakistani"));
        assert!(!super::same_person(
            "Mullah Yaqoob",
            "Mawlawi Rahmatullah Najeeb"
        ));
        assert!(super::same_person("Khawaja Asif", "Khawaja Muhammad Asif"));
    }

    #[test]
    fn times_and_years_are_not_counts() {
        assert!(details("began at 2:30 p.m. in 2021").is_empty());
    }
}
