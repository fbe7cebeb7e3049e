//! The pairs section of the result: how much each pair of reports shares, and the runs of
//! identical words (wire copy) between their linked units.

use std::collections::HashMap;

use crate::align::{self, similarity, Corpus, Link};
use crate::model::{ReportInput, ReportPair, SharedRun, Span};
use crate::text::Prepared;

/// Shared runs shorter than this many words are not wire copy.
const MIN_SHARED_RUN: usize = 6;

pub(crate) fn report_pairs(
    inputs: &[ReportInput],
    prepared: &[Prepared<'_>],
    corpus: &Corpus,
    links: &[Link],
    in_groups: &[Vec<usize>],
    groups: &[Vec<usize>],
) -> Vec<ReportPair> {
    let n = inputs.len();
    let mut comparable = vec![0usize; n];
    for unit in &corpus.units {
        comparable[unit.report] += 1;
    }
    // carried[r][s]: units of r that share a group with a unit of s.
    let mut carried = vec![vec![0usize; n]; n];
    for (u, unit) in corpus.units.iter().enumerate() {
        let mut reached: Vec<usize> = in_groups[u]
            .iter()
            .flat_map(|&g| &groups[g])
            .map(|&v| corpus.units[v].report)
            .filter(|&s| s != unit.report)
            .collect();
        reached.sort_unstable();
        reached.dedup();
        for s in reached {
            carried[unit.report][s] += 1;
        }
    }
    let mut runs: HashMap<(usize, usize), Vec<SharedRun>> = HashMap::new();
    for link in links {
        let (ua, ub) = (&corpus.units[link.a], &corpus.units[link.b]);
        let Some((len, ia, ib)) = similarity::longest_common_run_at(&ua.vector.seq, &ub.vector.seq)
        else {
            continue;
        };
        if len < MIN_SHARED_RUN {
            continue;
        }
        let span = |unit: &align::CorpusUnit, from: usize| {
            let prep = &prepared[unit.report];
            let words = &prep.words[unit.segment];
            let (s, e) = (words[from].start, words[from + len - 1].end);
            Span {
                unit: format!("{}:u{}", inputs[unit.report].id, unit.segment),
                start: prep.utf16.utf16(s),
                end: prep.utf16.utf16(e),
                text: prep.text[s..e].to_string(),
            }
        };
        runs.entry((ua.report, ub.report))
            .or_default()
            .push(SharedRun {
                a: span(ua, ia),
                b: span(ub, ib),
                words: len,
            });
    }
    let mut pairs = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            let share = |x: usize, total: usize| {
                if total == 0 {
                    0.0
                } else {
                    x as f64 / total as f64
                }
            };
            let both = comparable[a] + comparable[b];
            let mut shared_runs = runs.remove(&(a, b)).unwrap_or_default();
            shared_runs.sort_by(|x, y| {
                y.words
                    .cmp(&x.words)
                    .then_with(|| x.a.start.cmp(&y.a.start))
            });
            pairs.push(ReportPair {
                a: inputs[a].id.clone(),
                b: inputs[b].id.clone(),
                similarity: round(share(carried[a][b] + carried[b][a], both)),
                coverage_a: round(share(carried[a][b], comparable[a])),
                coverage_b: round(share(carried[b][a], comparable[b])),
                shared_runs,
            });
        }
    }
    pairs
}

pub(crate) fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
