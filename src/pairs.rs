//! The pairs section of the result: how much each pair of reports shares, and the runs of
//! identical words (wire copy) between their linked units.

use std::collections::HashMap;

use crate::align::{similarity, Alignment};
use crate::ids::{round3, Reports};
use crate::model::{ReportPair, SharedRun};

/// Shared runs shorter than this many words are not wire copy.
const MIN_SHARED_RUN: usize = 6;

/// Every pair of reports, in input order.
pub fn section(reports: &Reports<'_>, alignment: &Alignment) -> Vec<ReportPair> {
    let n = reports.len();
    let units = &alignment.corpus.units;
    let comparable: Vec<usize> = (0..n).map(|r| alignment.units_of(r).len()).collect();
    // carried[r][s]: units of r that share a group with a unit of s.
    let mut carried = vec![vec![0usize; n]; n];
    for (u, unit) in units.iter().enumerate() {
        for s in alignment.reached_from(u) {
            carried[unit.report][s] += 1;
        }
    }
    let mut runs: HashMap<(usize, usize), Vec<SharedRun>> = HashMap::new();
    // Wire copy is the same fact: runs are looked for in same-fact links only.
    for link in alignment.links.iter().filter(|l| l.same_fact) {
        let (ua, ub) = (&units[link.a], &units[link.b]);
        let Some((len, ia, ib)) = similarity::longest_common_run_at(&ua.vector.seq, &ub.vector.seq)
        else {
            continue;
        };
        if len < MIN_SHARED_RUN {
            continue;
        }
        let span = |report: usize, segment: usize, from: usize| {
            let words = &reports.prepared[report].words[segment];
            reports.span(
                report,
                segment,
                words[from].start,
                words[from + len - 1].end,
            )
        };
        runs.entry((ua.report, ub.report))
            .or_default()
            .push(SharedRun {
                a: span(ua.report, ua.segment, ia),
                b: span(ub.report, ub.segment, ib),
                words: len,
            });
    }
    let share = |x: usize, total: usize| {
        if total == 0 {
            0.0
        } else {
            round3(x as f64 / total as f64)
        }
    };
    let mut pairs = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            let mut shared_runs = runs.remove(&(a, b)).unwrap_or_default();
            shared_runs.sort_by(|x, y| {
                y.words
                    .cmp(&x.words)
                    .then_with(|| x.a.start.cmp(&y.a.start))
            });
            pairs.push(ReportPair {
                a: reports.id(a).to_string(),
                b: reports.id(b).to_string(),
                similarity: share(carried[a][b] + carried[b][a], comparable[a] + comparable[b]),
                coverage_a: share(carried[a][b], comparable[a]),
                coverage_b: share(carried[b][a], comparable[b]),
                shared_runs,
            });
        }
    }
    pairs
}
