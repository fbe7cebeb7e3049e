//! The discrepancies section of the result: details on which reports disagree, and date
//! lines earlier than the events they report.

pub mod findings;

use std::collections::HashMap;

use crate::align::Alignment;
use crate::ids::{numbered, round3, Reports};
use crate::text::date_line;

/// Disagreements on details between reports, and date lines earlier than the events.
pub fn section(reports: &Reports<'_>, alignment: &Alignment) -> Vec<crate::model::Discrepancy> {
    let prepared = reports.prepared;
    let (corpus, groups) = (&alignment.corpus, &alignment.groups);
    use crate::details::DetailKind;
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
    let same_group = |a: usize, b: usize| alignment.related(a, b);
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
        let prep = &prepared[unit.report];
        let d = &p.detail;
        let text = prep.text[d.start..d.end].to_string();
        let value = match d.kind {
            DetailKind::Date => match d.year {
                Some(year) => format!(
                    "{}, {year}, by the date line",
                    crate::details::readable_date(&d.value)
                ),
                None => crate::details::readable_date(&d.value),
            },
            DetailKind::Leader => d.value.clone(),
            DetailKind::Mediator
            | DetailKind::Role
            | DetailKind::Place
            | DetailKind::Organisation => text.clone(),
            DetailKind::Number => {
                let unit_word = text
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .find(|w| !w.is_empty())
                    .unwrap_or("");
                let earlier = if d.slot.ends_with(crate::details::EARLIER_SLOT) {
                    " (an earlier figure)"
                } else {
                    ""
                };
                match d.qualifier {
                    Some(q) => format!("{q} {} {unit_word}{earlier}", d.value),
                    None => format!("{} {unit_word}{earlier}", d.value),
                }
            }
        };
        value_at(reports, unit.report, unit.segment, d.start, d.end, value)
    };
    let mut out: Vec<Discrepancy> = findings::findings(&placed, &cx)
        .into_iter()
        .map(|f| {
            let values: Vec<DiscrepancyValue> =
                f.details.iter().map(|&i| value_of(&placed[i])).collect();
            let first = &placed[f.details[0]].detail;
            let slot = match first.kind {
                DetailKind::Date => "date".to_string(),
                DetailKind::Leader => {
                    format!("who led the {} side", f.slot.trim_start_matches("led: "))
                }
                DetailKind::Mediator => format!("who {} it", f.slot),
                DetailKind::Role => {
                    format!("title of {}", f.slot.trim_start_matches("role: "))
                }
                DetailKind::Place => "place".to_string(),
                DetailKind::Organisation => "organisation named".to_string(),
                DetailKind::Number => {
                    let unit_word = values[0]
                        .text
                        .rsplit(|c: char| !c.is_alphanumeric())
                        .find(|w| !w.is_empty())
                        .unwrap_or(&f.slot)
                        .to_lowercase();
                    if f.slot.ends_with(crate::details::EARLIER_SLOT) {
                        format!("{unit_word}, an earlier figure")
                    } else {
                        unit_word
                    }
                }
            };
            Discrepancy {
                id: String::new(),
                kind: match f.kind {
                    FindingKind::Conflict => DiscrepancyKind::Conflict,
                    FindingKind::Precision => DiscrepancyKind::Precision,
                    FindingKind::OnlyInSome => DiscrepancyKind::OnlyInSome,
                },
                slot,
                values,
                confidence: round3(f64::from(f.confidence)),
            }
        })
        .collect();
    // A date line earlier than the month the reports date the events in.
    let mut months: HashMap<u8, usize> = HashMap::new();
    for p in placed
        .iter()
        .filter(|p| p.detail.kind == DetailKind::Date && p.detail.year.is_none())
    {
        if let Some((m, _, _)) = crate::details::days(&p.detail.value) {
            *months.entry(m).or_default() += 1;
        }
    }
    if let Some((&event_month, _)) = months
        .iter()
        .max_by_key(|&(m, n)| (*n, std::cmp::Reverse(*m)))
    {
        for (r, prep) in prepared.iter().enumerate() {
            let Some((s, (year, month, day))) = date_lines[r] else {
                continue;
            };
            if month >= event_month {
                continue;
            }
            let seg = &prep.segments[s];
            let mut values = vec![value_at(
                reports,
                r,
                s,
                seg.start,
                seg.end,
                format!(
                    "dated {} {year}",
                    crate::details::readable_date(&format!("{month:02}-{day:02}..{day:02}"))
                ),
            )];
            // The report's own relative dates, resolved against its date line, then what
            // the other reports date the events.
            values.extend(
                placed
                    .iter()
                    .filter(|p| p.report == r && p.detail.year.is_some())
                    .take(3)
                    .map(value_of),
            );
            values.extend(
                placed
                    .iter()
                    .filter(|p| p.detail.kind == DetailKind::Date && p.report != r)
                    .filter(|p| {
                        crate::details::days(&p.detail.value)
                            .is_some_and(|(m, _, _)| m == event_month)
                    })
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
