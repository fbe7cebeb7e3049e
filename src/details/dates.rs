//! Dates: calendar dates and ranges ("October 18–19", "25 October"), relative dates
//! ("on Sunday", "yesterday") resolved against the report's date line, and the date line's
//! own date.

use super::{Anchor, Detail, DetailKind};
use crate::text::tokenize::Word;

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

fn day(word: &Word) -> Option<u8> {
    word.number
        .then(|| word.norm.parse::<u8>().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// "October 18–19", "October 19", "Oct. 25", "25 October"; marks their words `used`.
pub(super) fn absolute_dates(words: &[Word], used: &mut [bool]) -> Vec<Detail> {
    let mut out = Vec::new();
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
    out
}

pub(super) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of days since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// "on Sunday", "last Sunday", "next Thursday", "yesterday", "today", "tomorrow", resolved
/// against the date line. A bare or "on" weekday is the latest such day on or before the
/// date line (news reports tell what has happened), unless "will" comes just before;
/// "last" is strictly before, "next" and "this" after. Without a date line there is
/// nothing to resolve against, and no detail.
pub(super) fn relative_dates(
    words: &[Word],
    used: &mut [bool],
    anchor: Option<Anchor>,
) -> Vec<Detail> {
    let Some((year, month, day)) = anchor else {
        return Vec::new();
    };
    let base = days_from_civil(i64::from(year), i64::from(month), i64::from(day));
    let base_weekday = (base + 3).rem_euclid(7); // 1970-01-01 was a Thursday: Monday = 0
    let mut out = Vec::new();
    for i in 0..words.len() {
        if used[i] {
            continue;
        }
        let before = i.checked_sub(1).map(|k| words[k].norm.as_str());
        let (offset, from) = if let Some(w) = WEEKDAYS.iter().position(|d| *d == words[i].norm) {
            // "Tuesday, 02 January 2024" is an absolute date, not a relative one.
            if words[i + 1..].iter().take(3).any(|w| month_of(w).is_some()) {
                continue;
            }
            let w = w as i64;
            let back = (base_weekday - w).rem_euclid(7);
            let ahead = (w - base_weekday).rem_euclid(7);
            let future = words[i.saturating_sub(6)..i]
                .iter()
                .any(|x| x.norm == "will");
            let offset = match before {
                Some("last") => -(if back == 0 { 7 } else { back }),
                Some("next") => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
                Some("this") => ahead,
                _ if future => ahead,
                _ => -back,
            };
            let from = match before {
                Some("on" | "last" | "next" | "this" | "since" | "until") => i - 1,
                _ => i,
            };
            (offset, from)
        } else {
            match words[i].norm.as_str() {
                "yesterday" => (-1, i),
                "today" => (0, i),
                "tomorrow" => (1, i),
                _ => continue,
            }
        };
        let (y, m, d) = civil_from_days(base + offset);
        used[from..=i].fill(true);
        out.push(Detail {
            kind: DetailKind::Date,
            slot: "date".into(),
            value: format!("{m:02}-{d:02}..{d:02}"),
            qualifier: None,
            start: words[from].start,
            end: words[i].end,
            year: u16::try_from(y).ok(),
        });
    }
    out
}

pub(super) fn month_of(word: &Word) -> Option<u8> {
    month(&word.norm)
}

fn date(month: u8, first: u8, last: u8, from: &Word, to: &Word) -> Detail {
    Detail {
        kind: DetailKind::Date,
        slot: "date".into(),
        value: format!("{month:02}-{first:02}..{last:02}"),
        qualifier: None,
        start: from.start,
        end: to.end,
        year: None,
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
    use super::super::extract;
    use super::super::tests::{dated, details};
    use crate::text::tokenize::Tokenizer;

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
    fn relative_dates_resolve_against_the_date_line() {
        // Tuesday 2 January 2024: the date line of sample report 000.
        let tuesday = Some((2024, 1, 2));
        let cases: &[(&str, &str, &str)] = &[
            ("reports on Sunday said", "12-31..31", "on Sunday"),
            ("met last Tuesday in", "12-26..26", "last Tuesday"),
            ("met on Tuesday in", "01-02..02", "on Tuesday"),
            ("will meet on Thursday", "01-04..04", "on Thursday"),
            ("meets next Tuesday", "01-09..09", "next Tuesday"),
            ("said yesterday that", "01-01..01", "yesterday"),
            ("resumes tomorrow", "01-03..03", "tomorrow"),
        ];
        for &(text, value, span) in cases {
            let found = dated(text, tuesday);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!((found[0].2.as_str(), found[0].4), (value, span), "{text}");
        }
        // Across a leap day, and the year is kept.
        let words = Tokenizer::default().words("on Wednesday", 0, 12);
        let d = &extract("on Wednesday", &words, Some((2024, 3, 1)))[0];
        assert_eq!((d.value.as_str(), d.year), ("02-28..28", Some(2024)));
        let d = &extract(
            "on Sunday",
            &Tokenizer::default().words("on Sunday", 0, 9),
            Some((2024, 1, 2)),
        )[0];
        assert_eq!(d.year, Some(2023));
        // No date line: nothing to resolve against.
        assert!(details("reports on Sunday said").is_empty());
        // A weekday that names an absolute date is that date.
        assert_eq!(
            dated("Tuesday, 02 January 2024", tuesday)
                .iter()
                .map(|d| d.2.as_str())
                .collect::<Vec<_>>(),
            ["01-02..02"]
        );
    }
}
