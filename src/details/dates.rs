//! Dates: calendar dates and ranges ("October 18–19", "25 October"), relative dates
//! ("on Sunday", "yesterday") resolved against the report's date line, and the date line's
//! own date.

use super::{Anchor, Date, Detail, Value};
use crate::text::lexicon;
use crate::text::tokenize::Word;

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
        let Some(m) = lexicon::month(&words[i].norm) else {
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
    let Some(anchor) = anchor else {
        return Vec::new();
    };
    let base = days_from_civil(
        i64::from(anchor.year),
        i64::from(anchor.month),
        i64::from(anchor.day),
    );
    let base_weekday = (base + 3).rem_euclid(7); // 1970-01-01 was a Thursday: Monday = 0
    let mut out = Vec::new();
    for i in 0..words.len() {
        if used[i] {
            continue;
        }
        let before = i.checked_sub(1).map(|k| words[k].norm.as_str());
        let (offset, from) = if let Some(w) = lexicon::weekday(&words[i].norm) {
            // "Tuesday, 02 January 2024" is an absolute date, not a relative one.
            if words[i + 1..]
                .iter()
                .take(3)
                .any(|w| lexicon::month(&w.norm).is_some())
            {
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
        // A civil month and day always fit.
        let (m, d) = (m as u8, d as u8);
        let date = Date {
            month: m,
            first: d,
            last: d,
            year: u16::try_from(y).ok(),
        };
        out.push(Detail::spanning(Value::Date(date), &words[from], &words[i]));
    }
    out
}

fn date(month: u8, first: u8, last: u8, from: &Word, to: &Word) -> Detail {
    let date = Date {
        month,
        first,
        last,
        year: None,
    };
    Detail::spanning(Value::Date(date), from, to)
}

/// The day a date line gives: "Tuesday, 02 January 2024 12:17 GMT".
pub fn date_line(words: &[Word]) -> Option<Anchor> {
    let m = words.iter().find_map(|w| lexicon::month(&w.norm))?;
    let year = words.iter().find_map(|w| {
        w.norm
            .parse::<u16>()
            .ok()
            .filter(|y| (1900..2200).contains(y))
    })?;
    let day = words.iter().find_map(day)?;
    Some(Anchor {
        year,
        month: m,
        day,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::found;
    use super::super::{Anchor, Date, Value};
    use crate::text::tokenize::Tokenizer;

    /// The dates of `text` dated by `anchor`, with the text of their spans.
    fn dates(text: &str, anchor: Option<Anchor>) -> Vec<(Date, &str)> {
        found(text, anchor)
            .into_iter()
            .filter_map(|(value, span)| match value {
                Value::Date(date) => Some((date, span)),
                _ => None,
            })
            .collect()
    }

    fn date(month: u8, first: u8, last: u8, year: Option<u16>) -> Date {
        Date {
            month,
            first,
            last,
            year,
        }
    }

    /// Tuesday 2 January 2024: the date line of sample report 000.
    const TUESDAY: Anchor = Anchor {
        year: 2024,
        month: 1,
        day: 2,
    };

    #[test]
    fn dates_and_ranges() {
        let cases: &[(&str, (u8, u8, u8), &str)] = &[
            ("the October 19 Doha ceasefire", (10, 19, 19), "October 19"),
            (
                "held in Doha, Qatar, on October 18–19, mediated",
                (10, 18, 19),
                "October 18–19",
            ),
            ("began at 2:30 p.m. on Oct. 25 and", (10, 25, 25), "Oct. 25"),
            ("on 25 October the talks", (10, 25, 25), "25 October"),
            ("from Jun. 5 on", (6, 5, 5), "Jun. 5"),
            ("since Jul 4 the", (7, 4, 4), "Jul 4"),
            // A weekday that names an absolute date is that date, not a relative one.
            ("Tuesday, 02 January 2024", (1, 2, 2), "02 January"),
        ];
        for &(text, (month, first, last), span) in cases {
            assert_eq!(
                dates(text, Some(TUESDAY)),
                [(date(month, first, last, None), span)],
                "{text}"
            );
        }
    }

    #[test]
    fn relative_dates_resolve_against_the_date_line() {
        /// (text, date line, the day as (year, month, day), text of the span)
        type Case<'a> = (&'a str, Anchor, (u16, u8, u8), &'a str);
        let cases: &[Case<'_>] = &[
            (
                "reports on Sunday said",
                TUESDAY,
                (2023, 12, 31),
                "on Sunday",
            ),
            (
                "met last Tuesday in",
                TUESDAY,
                (2023, 12, 26),
                "last Tuesday",
            ),
            ("met on Tuesday in", TUESDAY, (2024, 1, 2), "on Tuesday"),
            (
                "will meet on Thursday",
                TUESDAY,
                (2024, 1, 4),
                "on Thursday",
            ),
            ("meets next Tuesday", TUESDAY, (2024, 1, 9), "next Tuesday"),
            ("said yesterday that", TUESDAY, (2024, 1, 1), "yesterday"),
            ("resumes tomorrow", TUESDAY, (2024, 1, 3), "tomorrow"),
            // Back across a leap day.
            (
                "on Wednesday",
                Anchor {
                    year: 2024,
                    month: 3,
                    day: 1,
                },
                (2024, 2, 28),
                "on Wednesday",
            ),
        ];
        for &(text, anchor, (year, month, day), span) in cases {
            assert_eq!(
                dates(text, Some(anchor)),
                [(date(month, day, day, Some(year)), span)],
                "{text}"
            );
        }
        // No date line: nothing to resolve against.
        assert!(dates("reports on Sunday said", None).is_empty());
    }

    #[test]
    fn the_date_line_gives_its_day() {
        let line = "Tuesday, 02 January 2024 12:17 GMT";
        let words = Tokenizer::default().words(line, 0, line.len());
        assert_eq!(super::date_line(&words), Some(TUESDAY));
    }
}
