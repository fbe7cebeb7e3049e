//! The reports section of the result: each report's units with UTF-16 offsets, its
//! title, the units no other report carries (with the nearest candidate each had), the
//! passages of grouped units that are its own, and the looser tier's links.

use std::collections::{HashMap, HashSet};

use crate::align::Alignment;
use crate::budget::Budget;
use crate::ids::{round3, Reports};
use crate::model::{Nearest, NoticeKind, OnlyHere, PossibleLink, Report, Span, Unit, UnitKind};
use crate::text::date_line::is_date_line;
use crate::text::segment::SegmentKind;

/// A passage of a grouped unit counts as its own when it has this many content words that
/// no other member of its groups has.
const MIN_UNIQUE_SPAN_WORDS: usize = 3;

/// The looser tier's links whose units share no group, strongest first.
pub fn possible(
    reports: &Reports<'_>,
    alignment: &Alignment,
    budget: &Budget,
) -> Vec<PossibleLink> {
    let units = &alignment.corpus.units;
    let mut links: Vec<&crate::align::Link> = alignment
        .links
        .iter()
        .filter(|l| !l.same_fact && !alignment.same_group(l.a, l.b))
        .collect();
    links.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    // Strongest first, each unit with at most MAX_POSSIBLE_PER_REPORT of them with each
    // other report: a passage repeated in hundreds of units is possibly like every copy.
    let mut listed: HashMap<(usize, usize), usize> = HashMap::new();
    let mut cut = vec![0; reports.len()];
    links.retain(|l| {
        let (ra, rb) = (units[l.a].report, units[l.b].report);
        let full = |u: usize, r: usize, listed: &HashMap<(usize, usize), usize>| {
            listed
                .get(&(u, r))
                .is_some_and(|&k| k >= MAX_POSSIBLE_PER_REPORT)
        };
        if full(l.a, rb, &listed) || full(l.b, ra, &listed) {
            cut[ra] += 1;
            return false;
        }
        *listed.entry((l.a, rb)).or_default() += 1;
        *listed.entry((l.b, ra)).or_default() += 1;
        true
    });
    budget.cut_per_report(NoticeKind::PossibleLinks, &cut);
    links
        .into_iter()
        .map(|l| PossibleLink {
            a: reports.unit_id(units[l.a].report, units[l.a].segment),
            b: reports.unit_id(units[l.b].report, units[l.b].segment),
            confidence: round3(f64::from(l.score)),
        })
        .collect()
}

/// The most possible links listed between one unit and one other report.
pub const MAX_POSSIBLE_PER_REPORT: usize = 16;

/// Every report, in input order.
pub fn section(reports: &Reports<'_>, alignment: &Alignment) -> Vec<Report> {
    let carriers = carriers(alignment);
    (0..reports.len())
        .map(|r| report(reports, alignment, &carriers, r))
        .collect()
}

/// Per group: each term of its members with up to two of the reports whose members have
/// it, so that "does another report of this fact have the word" costs one lookup however
/// many reports carry the fact.
fn carriers(alignment: &Alignment) -> Vec<HashMap<u32, [usize; 2]>> {
    let units = &alignment.corpus.units;
    alignment
        .groups
        .iter()
        .map(|members| {
            let mut map: HashMap<u32, [usize; 2]> = HashMap::new();
            for &v in members {
                let r = units[v].report;
                for &t in &units[v].vector.seq {
                    let slot = map.entry(t).or_insert([r, r]);
                    if slot[0] != r {
                        slot[1] = r;
                    }
                }
            }
            map
        })
        .collect()
}

fn report(
    reports: &Reports<'_>,
    alignment: &Alignment,
    carriers: &[HashMap<u32, [usize; 2]>],
    r: usize,
) -> Report {
    let (input, prep) = (&reports.inputs[r], &reports.prepared[r]);
    let text = prep.text;
    let units: Vec<Unit> = prep
        .segments
        .iter()
        .enumerate()
        .map(|(index, seg)| {
            let reason = prep.boilerplate[index];
            Unit {
                id: reports.unit_id(r, index),
                kind: match (reason, seg.kind) {
                    (Some(_), _) => UnitKind::Boilerplate,
                    (None, SegmentKind::Heading) => UnitKind::Heading,
                    (None, SegmentKind::Sentence | SegmentKind::Dateline) => UnitKind::Sentence,
                },
                start: reports.utf16(r, seg.start),
                end: reports.utf16(r, seg.end),
                text: text[seg.start..seg.end].to_string(),
                reason: reason.map(str::to_string),
            }
        })
        .collect();
    let mut unique = Vec::new();
    let mut unique_spans: Vec<Span> = Vec::new();
    for u in alignment.units_of(r) {
        let unit = &alignment.corpus.units[u];
        if !alignment.linked[u] {
            unique.push(OnlyHere {
                unit: units[unit.segment].id.clone(),
                nearest: alignment.nearest[u].map(|(v, score)| {
                    let other = &alignment.corpus.units[v];
                    Nearest {
                        unit: reports.unit_id(other.report, other.segment),
                        report: reports.id(other.report).to_string(),
                        score: round3(f64::from(score)),
                    }
                }),
            });
            continue;
        }
        if alignment.in_groups[u].is_empty() {
            continue;
        }
        let elsewhere: HashSet<u32> = unit
            .vector
            .seq
            .iter()
            .copied()
            .filter(|t| {
                alignment.in_groups[u].iter().any(|&g| {
                    carriers[g]
                        .get(t)
                        .is_some_and(|reports| reports.iter().any(|&s| s != r))
                })
            })
            .collect();
        let words = &prep.words[unit.segment];
        for (first, last) in unmatched_runs(words, &unit.vector.seq, &elsewhere) {
            unique_spans.push(reports.span(r, unit.segment, words[first].start, words[last].end));
        }
    }
    let title = match input.title.trim() {
        "" => units
            .iter()
            .find(|u| u.kind == UnitKind::Heading && !is_date_line(&u.text))
            .map_or_else(|| input.id.clone(), |u| u.text.clone()),
        given => given.to_string(),
    };
    Report {
        id: input.id.clone(),
        title,
        length: reports.utf16(r, text.len()),
        units,
        unique,
        unique_spans,
    }
}

/// Word index ranges (inclusive) whose content words are absent from `elsewhere`, with
/// stop words allowed inside a run but not at its ends.
fn unmatched_runs(
    words: &[crate::text::tokenize::Word],
    seq: &[u32],
    elsewhere: &HashSet<u32>,
) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut current: Option<(usize, usize, usize)> = None; // first, last, content count
    for (i, (word, term)) in words.iter().zip(seq).enumerate() {
        if word.stop {
            continue;
        }
        if elsewhere.contains(term) {
            if let Some(run) = current.take() {
                runs.push(run);
            }
        } else {
            current = Some(match current {
                Some((first, _, n)) => (first, i, n + 1),
                None => (i, i, 1),
            });
        }
    }
    runs.extend(current);
    runs.into_iter()
        .filter(|&(_, _, n)| n >= MIN_UNIQUE_SPAN_WORDS)
        .map(|(first, last, _)| (first, last))
        .collect()
}
