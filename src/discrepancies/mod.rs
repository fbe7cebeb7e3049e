//! The discrepancies section of the result: details on which reports disagree, and date
//! lines earlier than the events they report.
//!
//! The details of every compared unit ([`crate::details`]) are placed by unit and report;
//! [`findings`] links those that disagree, using the [`Alignment`] to tell which units
//! state one fact; [`date_line`] checks each report's date line against the month of the
//! events. This module then writes the result, and is the one place where typed details
//! become the text people read: a discrepancy's slot ("who led the afghan side") and each
//! value ("nearly 9 hours", "December 31, 2023, by the date line").

mod attribution;
mod date_line;
mod findings;

use crate::align::Alignment;
use crate::details::{self, Anchor, Date, Mediation, Period, Qualifier, Slot, Span, Value};
use crate::ids::{numbered, round3, Reports};
use crate::model::{Discrepancy, DiscrepancyKind, DiscrepancyValue, Tally};
use crate::quotes::Credit;
use crate::text::{self, lexicon};
use findings::{FindingKind, Mentions, Placed};

/// Disagreements on details between reports, on who said what (from the `credits` of
/// each utterance, [`crate::quotes::credits`]), and date lines earlier than the events.
pub fn section(
    reports: &Reports<'_>,
    alignment: &Alignment,
    credits: &[Vec<Credit>],
) -> Vec<Discrepancy> {
    // Each report's date line, which its relative dates ("on Sunday") resolve against.
    let date_lines: Vec<Option<(usize, Anchor)>> =
        reports.prepared.iter().map(text::date_line::find).collect();
    let placed = placed(reports, alignment, &date_lines);
    let value_of = |p: &Placed| {
        let unit = &alignment.corpus.units[p.unit];
        let d = &p.detail;
        let written = &reports.prepared[unit.report].text[d.start..d.end];
        value_at(
            reports,
            unit.report,
            unit.segment,
            d.start,
            d.end,
            value_text(&d.value, written),
        )
    };
    let mentions = Mentions::new(reports, alignment);
    let mut out: Vec<Discrepancy> = findings::findings(&placed, alignment, &mentions)
        .into_iter()
        .map(|f| {
            let values: Vec<DiscrepancyValue> =
                f.details.iter().map(|&i| value_of(&placed[i])).collect();
            Discrepancy {
                id: String::new(),
                kind: kind_of(f.kind),
                slot: slot_text(f.slot, &values[0].text),
                tally: tally(&values),
                values,
                confidence: round3(f64::from(f.confidence)),
            }
        })
        .collect();
    out.extend(
        attribution::differences(credits)
            .into_iter()
            .map(|(u, credited)| {
                let values: Vec<DiscrepancyValue> = credited
                    .credits
                    .iter()
                    .map(|(k, name)| {
                        let c = &credits[u][*k];
                        value_at(reports, c.report, c.segment, c.start, c.end, name.clone())
                    })
                    .collect();
                Discrepancy {
                    id: String::new(),
                    kind: kind_of(credited.kind),
                    slot: "who said it".into(),
                    tally: tally(&values),
                    values,
                    confidence: round3(f64::from(credited.confidence)),
                }
            }),
    );
    out.extend(
        date_line::too_early(&placed, &date_lines)
            .into_iter()
            .map(|early| {
                let (r, s) = (early.report, early.segment);
                let seg = &reports.prepared[r].segments[s];
                let line = value_at(
                    reports,
                    r,
                    s,
                    seg.start,
                    seg.end,
                    date_line_text(early.anchor),
                );
                let mut values = vec![line];
                values.extend(early.dates.iter().map(|&i| value_of(&placed[i])));
                Discrepancy {
                    id: String::new(),
                    kind: DiscrepancyKind::Conflict,
                    slot: "date line".into(),
                    tally: tally(&values),
                    values,
                    confidence: 0.6,
                }
            }),
    );
    out.sort_by_key(|d| d.kind as u8);
    for (i, d) in out.iter_mut().enumerate() {
        d.id = numbered('d', i);
    }
    out
}

fn kind_of(kind: FindingKind) -> DiscrepancyKind {
    match kind {
        FindingKind::Conflict => DiscrepancyKind::Conflict,
        FindingKind::Precision => DiscrepancyKind::Precision,
        FindingKind::OnlyInSome => DiscrepancyKind::OnlyInSome,
    }
}

/// The details of every compared unit, with relative dates resolved against the date
/// line of their report.
fn placed(
    reports: &Reports<'_>,
    alignment: &Alignment,
    date_lines: &[Option<(usize, Anchor)>],
) -> Vec<Placed> {
    let mut out = Vec::new();
    for (u, unit) in alignment.corpus.units.iter().enumerate() {
        let prep = &reports.prepared[unit.report];
        let anchor = date_lines[unit.report].map(|(_, anchor)| anchor);
        out.extend(
            details::extract(prep.text, &prep.words[unit.segment], anchor)
                .into_iter()
                .map(|detail| Placed {
                    unit: u,
                    report: unit.report,
                    detail,
                }),
        );
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
) -> DiscrepancyValue {
    let span = reports.span(r, segment, start, end);
    DiscrepancyValue {
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

/// Who says what: each distinct value once, with the reports giving it (each report once
/// per value), the value most reports give first, ties in the order of the values.
fn tally(values: &[DiscrepancyValue]) -> Vec<Tally> {
    let mut out: Vec<Tally> = Vec::new();
    for v in values {
        match out.iter_mut().find(|t| t.value == v.value) {
            Some(t) if t.reports.contains(&v.report) => {}
            Some(t) => t.reports.push(v.report.clone()),
            None => out.push(Tally {
                value: v.value.clone(),
                reports: vec![v.report.clone()],
            }),
        }
    }
    // A stable sort keeps the order of first appearance among ties.
    out.sort_by_key(|t| std::cmp::Reverse(t.reports.len()));
    out
}

/// What a discrepancy is about: "hours", "date", "who led the afghan side". A number's
/// slot is its unit word as the first value writes it (`written`).
fn slot_text(slot: Slot<'_>, written: &str) -> String {
    match slot {
        Slot::Count { unit, earlier } => {
            // What happened to those counted ("dead", "injured"), which of a series
            // ("which round"), else the word counted as the report prints it.
            let word = if unit == details::TIME {
                "time of day".to_string()
            } else if unit == details::AGE {
                "age".to_string()
            } else if let Some(noun) = unit.strip_suffix(" (ordinal)") {
                format!(
                    "which {}",
                    last_word(written).unwrap_or(noun).to_lowercase()
                )
            } else if details::is_outcome(unit) {
                unit.to_string()
            } else {
                last_word(written).unwrap_or(unit).to_lowercase()
            };
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
        Slot::Base { of } => format!("where {of} is based"),
        Slot::Organisation => "organisation named".into(),
        Slot::Relation { role } => format!("who the {role} is"),
        Slot::Withheld(_) => "what was not disclosed".into(),
        Slot::Age { person } => format!("age of {person}"),
    }
}

/// What one report says, for people: "nearly 9 hours", "October 18–19", "December 31,
/// 2023, by the date line", a leader's name; names and titles as `written`.
fn value_text(value: &Value, written: &str) -> String {
    match value {
        // A time of day or an age reads best as printed: "at about 6.10am", "42-year-old".
        Value::Number(n) if n.unit == details::TIME || n.unit == details::AGE => {
            written.to_string()
        }
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
        Value::Period(period) => period_text(*period, written),
        Value::Leader { name, .. } => name.clone(),
        Value::Relation {
            name: Some(name), ..
        } => name.clone(),
        Value::Age { years, .. } => years.clone(),
        Value::Relation { name: None, .. } => format!("{}, not named", written.to_lowercase()),
        Value::Withheld(_) => "not disclosed".into(),
        Value::Unnamed { described, .. } => format!("{described}, not named"),
        Value::Mediators { .. }
        | Value::Role { .. }
        | Value::Place(_)
        | Value::Base { .. }
        | Value::Organisation(_) => written.to_string(),
    }
}

/// A period: "December", "2015", "last month", "2 weeks ago", "in 3 days". A month or
/// year the words do not name (`written` "last month") was resolved against the date
/// line, and says so.
fn period_text(period: Period, written: &str) -> String {
    let span = |span: Span| match span {
        Span::Day => "day",
        Span::Week => "week",
        Span::Month => "month",
        Span::Year => "year",
    };
    let written = written.to_lowercase();
    match period {
        Period::Month(m) => {
            let name = month_name(m);
            if written.contains(&name.to_lowercase()[..3]) {
                name
            } else {
                format!("{name}, by the date line")
            }
        }
        Period::Year(y) if written.contains(&y.to_string()) => y.to_string(),
        Period::Year(y) => format!("{y}, by the date line"),
        Period::Calendar { span: s, offset } => {
            let which = match offset {
                ..=-1 => "last",
                0 => "this",
                1.. => "next",
            };
            format!("{which} {}", span(s))
        }
        Period::Counted { span: s, count } => {
            let n = count.unsigned_abs();
            let plural = if n == 1 { "" } else { "s" };
            if count < 0 {
                format!("{n} {}{plural} ago", span(s))
            } else {
                format!("in {n} {}{plural}", span(s))
            }
        }
    }
}

/// A month's name, capitalised: "October".
fn month_name(month: u8) -> String {
    let month = lexicon::MONTHS[usize::from(month.clamp(1, 12)) - 1];
    let mut letters = month.chars();
    letters
        .next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .chain(letters)
        .collect()
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
    let name = month_name(date.month);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::details::Number;

    fn number(value: &str, qualifier: Option<Qualifier>, earlier: bool) -> Value {
        Value::Number(Number {
            value: value.into(),
            unit: "hour".into(),
            qualifier,
            earlier,
        })
    }

    fn date(first: u8, last: u8, year: Option<u16>) -> Value {
        Value::Date(Date {
            month: 10,
            first,
            last,
            year,
        })
    }

    #[test]
    fn values_as_people_read_them() {
        // (value, the words as written, the text)
        let cases: &[(Value, &str, &str)] = &[
            (
                number("9", Some(Qualifier::Nearly), false),
                "nearly nine hours",
                "nearly 9 hours",
            ),
            (
                number("70", None, true),
                "$70 a share",
                "70 share (an earlier figure)",
            ),
            (date(18, 19, None), "October 18–19", "October 18–19"),
            (
                date(19, 19, Some(2025)),
                "on Sunday",
                "October 19, 2025, by the date line",
            ),
            (
                Value::Leader {
                    side: "afghan".into(),
                    name: "Mullah Yaqoob".into(),
                },
                "Acting Defense Minister Mullah Yaqoob",
                "Mullah Yaqoob",
            ),
            (
                Value::Mediators {
                    verb: Mediation::Mediated,
                    parties: vec!["qatar".into(), "turkey".into()],
                },
                "Qatar and Turkey",
                "Qatar and Turkey",
            ),
            (
                Value::Relation {
                    role: "father".into(),
                    name: Some("Anwar".into()),
                },
                "Her father Anwar",
                "Anwar",
            ),
            (
                Value::Relation {
                    role: "father".into(),
                    name: None,
                },
                "Her father",
                "her father, not named",
            ),
            (
                Value::Age {
                    person: "Colin Marsh".into(),
                    years: "57".into(),
                },
                "Colin Marsh, 57",
                "57",
            ),
        ];
        let period = Value::Period;
        let periods: &[(Value, &str, &str)] = &[
            (period(Period::Month(12)), "December", "December"),
            (
                period(Period::Month(12)),
                "last month",
                "December, by the date line",
            ),
            (period(Period::Year(2015)), "2015", "2015"),
            (
                period(Period::Year(2023)),
                "last year",
                "2023, by the date line",
            ),
            (
                period(Period::Calendar {
                    span: Span::Month,
                    offset: 1,
                }),
                "next month",
                "next month",
            ),
            (
                period(Period::Counted {
                    span: Span::Week,
                    count: -2,
                }),
                "two weeks ago",
                "2 weeks ago",
            ),
            (
                period(Period::Counted {
                    span: Span::Day,
                    count: 1,
                }),
                "a day",
                "in 1 day",
            ),
        ];
        for (value, written, expected) in cases.iter().chain(periods) {
            assert_eq!(value_text(value, written), *expected, "{value:?}");
        }
        let line = Anchor {
            year: 2024,
            month: 1,
            day: 2,
        };
        assert_eq!(date_line_text(line), "dated January 2 2024");
    }

    #[test]
    fn slots_as_people_read_them() {
        // (slot, the first value as written, the text)
        let cases: &[(Slot<'_>, &str, &str)] = &[
            (
                Slot::Count {
                    unit: "hour",
                    earlier: false,
                },
                "more than nine Hours",
                "hours",
            ),
            (
                Slot::Count {
                    unit: "share",
                    earlier: true,
                },
                "$70 a share",
                "share, an earlier figure",
            ),
            (Slot::Date, "October 19", "date"),
            (
                Slot::Leader { side: "afghan" },
                "Mullah Yaqoob",
                "who led the afghan side",
            ),
            (
                Slot::Mediators(Mediation::Brokered),
                "Egypt",
                "who brokered it",
            ),
            (
                Slot::Relation { role: "father" },
                "Her father Anwar",
                "who the father is",
            ),
            (
                Slot::Age {
                    person: "Colin Marsh",
                },
                "Colin Marsh, 57",
                "age of Colin Marsh",
            ),
            (
                Slot::Role {
                    person: "Mohsin Naqvi",
                },
                "Interior Minister Mohsin Naqvi",
                "title of Mohsin Naqvi",
            ),
            (Slot::Place, "Istanbul", "place"),
            (
                Slot::Base { of: "qualcomm" },
                "San Diego",
                "where qualcomm is based",
            ),
            (Slot::Organisation, "TTP", "organisation named"),
        ];
        for &(slot, written, expected) in cases {
            assert_eq!(slot_text(slot, written), expected, "{slot:?}");
        }
    }
}
