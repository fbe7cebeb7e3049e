//! Dates: calendar dates and ranges ("October 18–19", "25 October"), relative dates
//! ("on Sunday", "yesterday") resolved against the report's date line, periods ("in
//! December", "in 2015", "last month", "two weeks ago"), and the date line's own date.

use super::{Anchor, Date, Detail, Period, Span, Value};
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

/// The span a word names: "week", "weeks" is a week.
fn span(word: &str) -> Option<Span> {
    match word {
        "day" | "days" => Some(Span::Day),
        "week" | "weeks" => Some(Span::Week),
        "month" | "months" => Some(Span::Month),
        "year" | "years" => Some(Span::Year),
        _ => None,
    }
}

/// A year as a word gives it: "2015".
fn year(word: &Word) -> Option<u16> {
    word.number
        .then(|| word.norm.parse::<u16>().ok())
        .flatten()
        .filter(|y| (1900..2200).contains(y))
}

/// Words before a month that make it the time of something: "in December", "in early
/// December" ("since December" is where a span starts, not when a thing happened).
const PERIOD_LEADS: &[&str] = &["in", "during", "early", "late", "mid"];

/// Times coarser than a day and times counted from the report's own day; marks their
/// words `used`:
/// - a month no day follows, after "in", "during", "early", "late", "mid" ("in
///   December", "in early December", "in October 2016"): its month, capitalised so that
///   the verb "may" is no month;
/// - a year after "in" ("in 2015"), not a season ("in 2015/16");
/// - "last", "this" or "next" week, month or year ("last month", "later this year"), but
///   not "the last year" or "the next month", which are spans of time, not dates;
/// - a count of days, weeks, fortnights, months or years and "ago" ("two weeks ago", "a
///   year ago", "a fortnight ago": two weeks),
///   or "in" a count not followed by "of" ("in three days", never "in two days of
///   talks").
///
/// With a date line (`anchor`) the relative ones resolve: counted days and weeks to their
/// day, months to their month, years to their year; "last week" stays relative, a week
/// can span two months and a [`Date`] is days of one. Without one they stay relative:
/// [`crate::discrepancies`] compares them by rules of their own.
pub(super) fn periods(words: &[Word], used: &mut [bool], anchor: Option<Anchor>) -> Vec<Detail> {
    let mut out = Vec::new();
    let norm = |k: usize| words.get(k).map(|w| w.norm.as_str());
    let mut i = 0;
    while i < words.len() {
        if used[i] {
            i += 1;
            continue;
        }
        let before = i.checked_sub(1).and_then(norm);
        let led = before.is_some_and(|b| PERIOD_LEADS.contains(&b));
        let mut found: Option<(Period, usize, usize)> = None;
        let month = || (words[i].capital && led).then(|| lexicon::month(&words[i].norm));
        if let Some(m) = month().flatten() {
            let to = if words.get(i + 1).and_then(year).is_some() {
                i + 1
            } else {
                i
            };
            found = Some((Period::Month(m), i, to));
        } else if let Some(y) = year(&words[i]).filter(|_| before == Some("in")) {
            if !words.get(i + 1).is_some_and(|w| w.number) {
                found = Some((Period::Year(y), i, i));
            }
        } else if let (Some(offset), Some(s)) = (
            match words[i].norm.as_str() {
                "last" => Some(-1),
                "this" => Some(0),
                "next" => Some(1),
                _ => None,
            },
            norm(i + 1).and_then(span).filter(|&s| s != Span::Day),
        ) {
            // "the last year", "the next month": a span of time, not a date; nor are
            // "last weeks".
            let spell = before == Some("the");
            if !spell && !words[i + 1].norm.ends_with('s') {
                found = Some((Period::Calendar { span: s, offset }, i, i + 1));
            }
        } else if let Some(n) = count(&words[i]) {
            // A fortnight is two weeks.
            let (s, n) = match norm(i + 1) {
                Some("fortnight" | "fortnights") => (Some(Span::Week), 2 * n),
                word => (word.and_then(span), n),
            };
            if let Some(s) = s {
                if norm(i + 2) == Some("ago") {
                    found = Some((Period::Counted { span: s, count: -n }, i, i + 2));
                } else if before == Some("in") && norm(i + 2) != Some("of") {
                    found = Some((Period::Counted { span: s, count: n }, i, i + 1));
                }
            }
        }
        let Some((period, from, to)) = found else {
            i += 1;
            continue;
        };
        used[from..=to].fill(true);
        let value = match anchor {
            Some(anchor) => resolve(period, anchor),
            None => Value::Period(period),
        };
        out.push(Detail::spanning(value, &words[from], &words[to]));
        i = to + 1;
    }
    out
}

/// A count as a word gives it: "two" (the tokenizer's "2"), "a", "an".
fn count(word: &Word) -> Option<i16> {
    match word.norm.as_str() {
        "a" | "an" => Some(1),
        n if word.number => n.parse::<i16>().ok().filter(|n| (1..100).contains(n)),
        _ => None,
    }
}

/// A relative period resolved against the date line's day: the day, month or year it
/// names; "last week" and absolute periods stay as they are.
fn resolve(period: Period, anchor: Anchor) -> Value {
    let month = |offset: i64| {
        let m = (i64::from(anchor.month) - 1 + offset).rem_euclid(12) + 1;
        Value::Period(Period::Month(m as u8))
    };
    let year = |offset: i64| {
        let y = i64::from(anchor.year) + offset;
        Value::Period(Period::Year(u16::try_from(y).unwrap_or(anchor.year)))
    };
    let days = |offset: i64| {
        let base = days_from_civil(
            i64::from(anchor.year),
            i64::from(anchor.month),
            i64::from(anchor.day),
        );
        let (y, m, d) = civil_from_days(base + offset);
        // A civil month and day always fit.
        Value::Date(Date {
            month: m as u8,
            first: d as u8,
            last: d as u8,
            year: u16::try_from(y).ok(),
        })
    };
    match period {
        Period::Calendar {
            span: Span::Month,
            offset,
        } => month(offset.into()),
        Period::Calendar {
            span: Span::Year,
            offset,
        } => year(offset.into()),
        Period::Counted { span, count } => {
            let count = i64::from(count);
            match span {
                Span::Day => days(count),
                Span::Week => days(7 * count),
                Span::Month => month(count),
                Span::Year => year(count),
            }
        }
        _ => Value::Period(period),
    }
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
    use super::super::{Anchor, Date, Period, Span, Value};
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

    /// The periods of `text` dated by `anchor` (dates resolved from them too), with the
    /// text of their spans.
    fn periods(text: &str, anchor: Option<Anchor>) -> Vec<(Value, &str)> {
        found(text, anchor)
            .into_iter()
            .filter(|(value, _)| matches!(value, Value::Period(_) | Value::Date(_)))
            .collect()
    }

    fn calendar(span: Span, offset: i8) -> Value {
        Value::Period(Period::Calendar { span, offset })
    }

    fn counted(span: Span, count: i16) -> Value {
        Value::Period(Period::Counted { span, count })
    }

    #[test]
    fn periods_without_a_date_line_stay_relative() {
        let cases: &[(&str, &[(Value, &str)])] = &[
            (
                "was filmed last month in the village",
                &[(calendar(Span::Month, -1), "last month")],
            ),
            (
                "a shareholder vote next month on the slate",
                &[(calendar(Span::Month, 1), "next month")],
            ),
            (
                "regulators this week approved it",
                &[(calendar(Span::Week, 0), "this week")],
            ),
            (
                "its takeover last year of the firm",
                &[(calendar(Span::Year, -1), "last year")],
            ),
            (
                "hit a guard two weeks ago, an incident",
                &[(counted(Span::Week, -2), "two weeks ago")],
            ),
            (
                "told how, less than a fortnight ago, he",
                &[(counted(Span::Week, -2), "a fortnight ago")],
            ),
            (
                "sued the company a year ago",
                &[(counted(Span::Year, -1), "a year ago")],
            ),
            (
                "talks resume in three days",
                &[(counted(Span::Day, 3), "three days")],
            ),
            (
                "was filmed in December outside",
                &[(Value::Period(Period::Month(12)), "December")],
            ),
            (
                "made its bid in October 2016 for the firm",
                &[(Value::Period(Period::Month(10)), "October 2016")],
            ),
            (
                "most famously in 2015 when she",
                &[(Value::Period(Period::Year(2015)), "2015")],
            ),
            // Spans of time, seasons, starting points and verbs are no periods.
            ("sales over the last year rose", &[]),
            ("killed in two days of fighting", &[]),
            ("used the line in 2015/16", &[]),
            ("returns since 2005 were negative", &[]),
            ("the talks in may resume", &[]),
        ];
        for &(text, expected) in cases {
            assert_eq!(periods(text, None), expected, "{text}");
        }
    }

    #[test]
    fn periods_resolve_against_the_date_line() {
        let cases: &[(&str, Value, &str)] = &[
            (
                "was filmed two weeks ago in",
                Value::Date(date(12, 19, 19, Some(2023))),
                "two weeks ago",
            ),
            (
                "was filmed last month in",
                Value::Period(Period::Month(12)),
                "last month",
            ),
            (
                "took it over last year",
                Value::Period(Period::Year(2023)),
                "last year",
            ),
            // A week may span two months: it stays relative.
            (
                "announced last week a",
                calendar(Span::Week, -1),
                "last week",
            ),
        ];
        for (text, value, span) in cases {
            assert_eq!(
                periods(text, Some(TUESDAY)),
                [(value.clone(), *span)],
                "{text}"
            );
        }
    }

    #[test]
    fn the_date_line_gives_its_day() {
        let line = "Tuesday, 02 January 2024 12:17 GMT";
        let words = Tokenizer::default().words(line, 0, line.len());
        assert_eq!(super::date_line(&words), Some(TUESDAY));
    }
}
