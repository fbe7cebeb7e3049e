//! The pairs section of the result: how much each pair of reports shares, and the runs of
//! identical words (wire copy) between their linked units.

use std::collections::HashMap;

use crate::align::{similarity, Alignment, Link};
use crate::budget::{self, Budget};
use crate::ids::{round3, Reports};
use crate::model::NoticeKind;
use crate::model::{ReportPair, SharedRun};

/// Shared runs shorter than this many words are not wire copy.
const MIN_SHARED_RUN: usize = 6;

/// A unit takes part in at most one shared run per other report (its strongest links'),
/// and in at most this many and at least `MIN_RUNS_PER_UNIT`: a passage repeated in
/// hundreds of units would otherwise list a run for every copy.
pub const MAX_RUNS_PER_UNIT: usize = 12;
pub const MIN_RUNS_PER_UNIT: usize = 6;
/// The most shared runs listed in all; past it each pair of reports keeps a fair share.
pub const MAX_SHARED_RUNS: usize = 50_000;

/// Every pair of reports, in input order; what the budget leaves out goes to `budget`.
pub fn section(reports: &Reports<'_>, alignment: &Alignment, budget: &Budget) -> Vec<ReportPair> {
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
    // Wire copy is the same fact: runs are looked for in same-fact links only, strongest
    // first, each unit in at most `runs_per_unit` of them.
    let mut order: Vec<&Link> = alignment.links.iter().filter(|l| l.same_fact).collect();
    order.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    let runs_per_unit = n
        .saturating_sub(1)
        .clamp(MIN_RUNS_PER_UNIT, MAX_RUNS_PER_UNIT);
    // Per unit: the runs found, and the links read that had none (at most four times as
    // many as the runs it may have).
    let (mut found, mut missed) = (vec![0usize; units.len()], vec![0usize; units.len()]);
    let mut cut = vec![0usize; n];
    for link in order {
        let (ua, ub) = (&units[link.a], &units[link.b]);
        let done = |u: usize| found[u] >= runs_per_unit || missed[u] >= 4 * runs_per_unit;
        if done(link.a) || done(link.b) {
            cut[ua.report] += 1;
            continue;
        }
        let Some((len, ia, ib)) = similarity::longest_common_run_at(&ua.vector.seq, &ub.vector.seq)
        else {
            continue;
        };
        if len < MIN_SHARED_RUN {
            missed[link.a] += 1;
            missed[link.b] += 1;
            continue;
        }
        found[link.a] += 1;
        found[link.b] += 1;
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
    // Past the most listed in all, each pair of reports keeps a fair share, longest first.
    let mut keys: Vec<(usize, usize)> = runs.keys().copied().collect();
    keys.sort_unstable();
    let counts: Vec<usize> = keys.iter().map(|k| runs[k].len()).collect();
    let runs_each = budget::fair_share(&counts, MAX_SHARED_RUNS);
    let mut pairs = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            let mut shared_runs = runs.remove(&(a, b)).unwrap_or_default();
            shared_runs.sort_by(|x, y| {
                y.words
                    .cmp(&x.words)
                    .then_with(|| x.a.start.cmp(&y.a.start))
            });
            if shared_runs.len() > runs_each {
                cut[a] += shared_runs.len() - runs_each;
                shared_runs.truncate(runs_each);
            }
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
    budget.cut_per_report(NoticeKind::SharedRuns, &cut);
    pairs
}
