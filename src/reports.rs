//! The reports section of the result: each report's units with UTF-16 offsets, its
//! title, the units no other report carries and the passages of grouped units that are
//! its own.

use std::collections::HashSet;

use crate::align::Corpus;
use crate::model::{Report, ReportInput, Span, Unit, UnitKind};
use crate::text::segment::SegmentKind;
use crate::text::Prepared;

/// A passage of a grouped unit counts as its own when it has this many content words that
/// no other member of its groups has.
const MIN_UNIQUE_SPAN_WORDS: usize = 3;

pub(crate) fn report(
    r: usize,
    input: &ReportInput,
    prep: &Prepared<'_>,
    corpus: &Corpus,
    groups: &[Vec<usize>],
    in_groups: &[Vec<usize>],
) -> Report {
    let map = &prep.utf16;
    let text = prep.text;
    let units: Vec<Unit> = prep
        .segments
        .iter()
        .enumerate()
        .map(|(index, seg)| {
            let reason = prep.boilerplate[index];
            Unit {
                id: format!("{}:u{index}", input.id),
                kind: match (reason, seg.kind) {
                    (Some(_), _) => UnitKind::Boilerplate,
                    (None, SegmentKind::Heading) => UnitKind::Heading,
                    (None, SegmentKind::Sentence | SegmentKind::Dateline) => UnitKind::Sentence,
                },
                start: map.utf16(seg.start),
                end: map.utf16(seg.end),
                text: text[seg.start..seg.end].to_string(),
                reason: reason.map(str::to_string),
            }
        })
        .collect();
    let mut unique = Vec::new();
    let mut unique_spans = Vec::new();
    for (u, unit) in corpus
        .units
        .iter()
        .enumerate()
        .filter(|(_, c)| c.report == r)
    {
        if in_groups[u].is_empty() {
            unique.push(units[unit.segment].id.clone());
            continue;
        }
        let elsewhere: HashSet<u32> = in_groups[u]
            .iter()
            .flat_map(|&g| &groups[g])
            .filter(|&&v| corpus.units[v].report != r)
            .flat_map(|&v| corpus.units[v].vector.seq.iter().copied())
            .collect();
        let words = &prep.words[unit.segment];
        for (first, last) in unmatched_runs(words, &unit.vector.seq, &elsewhere) {
            let (s, e) = (words[first].start, words[last].end);
            unique_spans.push(Span {
                unit: units[unit.segment].id.clone(),
                start: map.utf16(s),
                end: map.utf16(e),
                text: text[s..e].to_string(),
            });
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
        length: map.utf16(text.len()),
        units,
        unique,
        unique_spans,
    }
}

pub(crate) fn is_date_line(heading: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = heading.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let year = words
        .iter()
        .any(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()));
    words.len() <= 8 && year && words.iter().any(|w| MONTHS.contains(w))
}

/// Word index ranges (inclusive) whose content words are absent from `elsewhere`, with
/// stop words allowed inside a run but not at its ends.
pub(crate) fn unmatched_runs(
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
