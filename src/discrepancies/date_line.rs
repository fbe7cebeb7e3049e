//! The date-line check: a report whose date line is earlier than the month the reports
//! date the events in cannot tell what has not happened yet, so one of the two is wrong
//! (a copied date line, or a date resolved against the wrong day).
//!
//! The month of the events is the one most absolute dates name (relative dates depend on
//! the date line under suspicion, so they do not vote); ties go to the earlier month.

use std::collections::HashMap;

use super::findings::Placed;
use crate::details::{Anchor, Date, Value};

/// A date line earlier than the events, and the dates that show it.
pub struct TooEarly {
    pub report: usize,
    /// The segment of the date line.
    pub segment: usize,
    pub anchor: Anchor,
    /// Indices into the placed details: up to three of the report's own relative dates,
    /// resolved against its date line, then up to three dates in the month of the events
    /// from the other reports.
    pub dates: Vec<usize>,
}

/// The reports whose date line (`date_lines`, by report: segment and day) is earlier
/// than the month of the events.
pub fn too_early(placed: &[Placed], date_lines: &[Option<(usize, Anchor)>]) -> Vec<TooEarly> {
    let date = |i: usize| match placed[i].detail.value {
        Value::Date(date) => Some(date),
        _ => None,
    };
    let mut months: HashMap<u8, usize> = HashMap::new();
    for d in (0..placed.len())
        .filter_map(date)
        .filter(|d| d.year.is_none())
    {
        *months.entry(d.month).or_default() += 1;
    }
    let Some((&event_month, _)) = months
        .iter()
        .max_by_key(|&(m, n)| (*n, std::cmp::Reverse(*m)))
    else {
        return Vec::new();
    };
    let dates_where = |test: &dyn Fn(&Placed, Date) -> bool| {
        (0..placed.len())
            .filter(|&i| date(i).is_some_and(|d| test(&placed[i], d)))
            .take(3)
            .collect::<Vec<usize>>()
    };
    let mut out = Vec::new();
    for (report, line) in date_lines.iter().enumerate() {
        let Some((segment, anchor)) = *line else {
            continue;
        };
        if anchor.month >= event_month {
            continue;
        }
        let mut dates = dates_where(&|p, d| p.report == report && d.year.is_some());
        dates.extend(dates_where(&|p, d| {
            p.report != report && d.month == event_month
        }));
        out.push(TooEarly {
            report,
            segment,
            anchor,
            dates,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::details::Detail;

    fn date(report: usize, month: u8, day: u8, year: Option<u16>) -> Placed {
        let date = Date {
            month,
            first: day,
            last: day,
            year,
        };
        Placed {
            unit: report,
            report,
            detail: Detail {
                value: Value::Date(date),
                start: 0,
                end: 0,
            },
        }
    }

    fn dated(year: u16, month: u8, day: u8) -> Option<(usize, Anchor)> {
        Some((0, Anchor { year, month, day }))
    }

    #[test]
    fn a_date_line_before_the_month_of_the_events() {
        // Report 0 is dated 2 January 2024 and says "on Sunday" (31 December 2023); the
        // others date the events in October; report 2 is dated in November.
        let placed = [
            date(0, 12, 31, Some(2023)),
            date(1, 10, 19, None),
            date(2, 10, 18, None),
            date(2, 9, 30, None),
        ];
        let lines = [dated(2024, 1, 2), None, dated(2025, 11, 3)];
        let early: Vec<(usize, Vec<usize>)> = too_early(&placed, &lines)
            .into_iter()
            .map(|t| (t.report, t.dates))
            .collect();
        assert_eq!(early, [(0, vec![0, 1, 2])]);
    }

    #[test]
    fn no_absolute_dates_no_check() {
        let placed = [date(0, 12, 31, Some(2023))];
        assert!(too_early(&placed, &[dated(2024, 1, 2)]).is_empty());
    }
}
