//! The discrepancies section of the result: details on which reports disagree, and date
//! lines earlier than the events they report.

pub mod findings;

use std::collections::HashMap;

use crate::align::Alignment;
use crate::details::{Anchor, Date, Mediation, Qualifier, Slot, Value};
use crate::ids::{numbered, round3, Reports};
use crate::text::date_line;

/// Disagreements on details between reports, and date lines earlier than the events.
pub fn section(reports: &Reports<'_>, alignment: &Alignment) -> Vec<crate::model::Discrepancy> {
    let prepared = reports.prepared;
    let (corpus, groups) = (&alignment.corpus, &alignment.groups);
    use crate::discrepancies::findings::{self, FindingKind, Placed};
    use crate::model::{Discrepancy, DiscrepancyKind, DiscrepancyValue};
    // Each report's date line, which its relative dates ("on Sunday") resolve against.
    let date_lines: Vec<Option<(usize, crate::details::Anchor)>> =
        prepared.iter().map(date_line::find).collect();
    let placed: Vec<Placed> = corpus
        .units
        .iter()
        .enumerate()
        .flat_map(|(u, unit)| {
            let prep = &prepared[unit.report];
            let anchor = date_lines[unit.report].map(|(_, anchor)| anchor);
            crate::details::extract(prep.text, &prep.words[unit.segment], anchor)
                .into_iter()
                .map(move |detail| Placed {
                    unit: u,
                    report: unit.report,
                    detail,
                })
        })
        .collect();
    let same_group = |a: usize, b: usize| alignment.same_group(a, b);
    let shared_rare = |a: usize, b: usize| corpus.shared_rare(a, b);
    let report_of = |u: usize| corpus.units[u].report;
    let lower: Vec<String> = prepared.iter().map(|p| p.text.to_lowercase()).collect();
    let unit_lower: Vec<String> = corpus
        .units
        .iter()
        .map(|unit| {
            let seg = &prepared[unit.report].segments[unit.segment];
            prepared[unit.report].text[seg.start..seg.end].to_lowercase()
        })
        .collect();
    let report_mentions = |r: usize, name: &str| lower[r].contains(name);
    let unit_mentions = |u: usize, name: &str| unit_lower[u].contains(name);
    let cx = findings::Context {
        same_group: &same_group,
        shared_rare: &shared_rare,
        groups,
        report_of_unit: &report_of,
        unit_mentions: &unit_mentions,
        report_mentions: &report_mentions,
    };
    let value_of = |p: &Placed| {
        let unit = &corpus.units[p.unit];
        let d = &p.detail;
        let written = &prepared[unit.report].text[d.start..d.end];
        let value = value_text(&d.value, written);
        value_at(reports, unit.report, unit.segment, d.start, d.end, value)
    };
    let mut out: Vec<Discrepancy> = findings::findings(&placed, &cx)
        .into_iter()
        .map(|f| {
            let values: Vec<DiscrepancyValue> =
                f.details.iter().map(|&i| value_of(&placed[i])).collect();
            Discrepancy {
                id: String::new(),
                kind: match f.kind {
                    FindingKind::Conflict => DiscrepancyKind::Conflict,
                    FindingKind::Precision => DiscrepancyKind::Precision,
                    FindingKind::OnlyInSome => DiscrepancyKind::OnlyInSome,
                },
                slot: slot_text(f.slot, &values[0].text),
                values,
                confidence: round3(f64::from(f.confidence)),
            }
        })
        .collect();
    // A date line earlier than the month the reports date the events in.
    let date = |p: &Placed| match p.detail.value {
        Value::Date(date) => Some(date),
        _ => None,
    };
    let mut months: HashMap<u8, usize> = HashMap::new();
    for date in placed.iter().filter_map(date).filter(|d| d.year.is_none()) {
        *months.entry(date.month).or_default() += 1;
    }
    if let Some((&event_month, _)) = months
        .iter()
        .max_by_key(|&(m, n)| (*n, std::cmp::Reverse(*m)))
    {
        for (r, prep) in prepared.iter().enumerate() {
            let Some((s, anchor)) = date_lines[r] else {
                continue;
            };
            if anchor.month >= event_month {
                continue;
            }
            let seg = &prep.segments[s];
            let mut values = vec![value_at(
                reports,
                r,
                s,
                seg.start,
                seg.end,
                date_line_text(anchor),
            )];
            // The report's own relative dates, resolved against its date line, then what
            // the other reports date the events.
            values.extend(
                placed
                    .iter()
                    .filter(|p| p.report == r && date(p).is_some_and(|d| d.year.is_some()))
                    .take(3)
                    .map(value_of),
            );
            values.extend(
                placed
                    .iter()
                    .filter(|p| p.report != r && date(p).is_some_and(|d| d.month == event_month))
                    .take(3)
                    .map(value_of),
            );
            out.push(Discrepancy {
                id: String::new(),
                kind: DiscrepancyKind::Conflict,
                slot: "date line".into(),
                values,
                confidence: 0.6,
            });
        }
    }
    out.sort_by_key(|d| d.kind as u8);
    for (i, d) in out.iter_mut().enumerate() {
        d.id = numbered('d', i);
    }
    out
}

/// A value as the result gives it: where report `r` states it, and what it reads as.
fn value_at(
    reports: &Reports<'_>,
    r: usize,
    segment: usize,
    start: usize,
    end: usize,
    value: String,
) -> crate::model::DiscrepancyValue {
    let span = reports.span(r, segment, start, end);
    crate::model::DiscrepancyValue {
        report: reports.id(r).to_string(),
        unit: span.unit,
        start: span.start,
        end: span.end,
        text: span.text,
        value,
    }
}

// --- What the result says -------------------------------------------------------------
// The one place where details become text for people: the slot of a discrepancy and each
// of its values.

/// What a discrepancy is about: "hours", "date", "who led the afghan side". A number's
/// slot is its unit word as the first value writes it (`written`).
fn slot_text(slot: Slot<'_>, written: &str) -> String {
    match slot {
        Slot::Count { unit, earlier } => {
            let word = last_word(written).unwrap_or(unit).to_lowercase();
            if earlier {
                format!("{word}, an earlier figure")
            } else {
                word
            }
        }
        Slot::Date => "date".into(),
        Slot::Leader { side } => format!("who led the {side} side"),
        Slot::Mediators(verb) => format!("who {} it", mediation_text(verb)),
        Slot::Role { person } => format!("title of {person}"),
        Slot::Place => "place".into(),
        Slot::Organisation => "organisation named".into(),
    }
}

/// What one report says, for people: "nearly 9 hours", "October 18–19", "December 31,
/// 2023, by the date line", a leader's name; names and titles as `written`.
fn value_text(value: &Value, written: &str) -> String {
    match value {
        Value::Number(n) => {
            let unit = last_word(written).unwrap_or("");
            let earlier = if n.earlier {
                " (an earlier figure)"
            } else {
                ""
            };
            match n.qualifier {
                Some(q) => format!("{} {} {unit}{earlier}", qualifier_text(q), n.value),
                None => format!("{} {unit}{earlier}", n.value),
            }
        }
        Value::Date(date) => match date.year {
            Some(year) => format!("{}, {year}, by the date line", date_text(date)),
            None => date_text(date),
        },
        Value::Leader { name, .. } => name.clone(),
        Value::Mediators { .. } | Value::Role { .. } | Value::Place(_) | Value::Organisation(_) => {
            written.to_string()
        }
    }
}

/// A date line's date: "dated January 2 2024".
fn date_line_text(anchor: Anchor) -> String {
    let day = Date {
        month: anchor.month,
        first: anchor.day,
        last: anchor.day,
        year: None,
    };
    format!("dated {} {}", date_text(&day), anchor.year)
}

/// "October 19", "October 18–19".
fn date_text(date: &Date) -> String {
    const MONTHS: [&str; 12] = [
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
    let name = MONTHS[usize::from(date.month.clamp(1, 12)) - 1];
    if date.first == date.last {
        format!("{name} {}", date.first)
    } else {
        format!("{name} {}–{}", date.first, date.last)
    }
}

fn qualifier_text(qualifier: Qualifier) -> &'static str {
    match qualifier {
        Qualifier::MoreThan => "more than",
        Qualifier::LessThan => "less than",
        Qualifier::FewerThan => "fewer than",
        Qualifier::AtLeast => "at least",
        Qualifier::AtMost => "at most",
        Qualifier::UpTo => "up to",
        Qualifier::Nearly => "nearly",
        Qualifier::Almost => "almost",
        Qualifier::About => "about",
        Qualifier::Around => "around",
        Qualifier::Roughly => "roughly",
        Qualifier::Approximately => "approximately",
    }
}

fn mediation_text(verb: Mediation) -> &'static str {
    match verb {
        Mediation::Mediated => "mediated",
        Mediation::Brokered => "brokered",
        Mediation::Hosted => "hosted",
        Mediation::Facilitated => "facilitated",
    }
}

/// The last run of letters and digits in `text`: a number's unit word as written.
fn last_word(text: &str) -> Option<&str> {
    text.rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
}
