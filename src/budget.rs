//! The work budget: caps where the cost of a stage would grow faster than its input, and
//! the notices that say where a cap cut work short.
//!
//! The limits ([`crate::limits`]) bound the input; these caps bound the work, so that any
//! input inside the limits finishes within seconds (the adversarial benchmark,
//! `cargo bench --bench adversarial`, prints each hostile class against the budget).
//! Every cap is far above what real reports reach, and a stage that applies one records a
//! [`Cut`]; [`notices`] turns the cuts into the result's notices, with report ids, in one
//! place. Nothing is left out without one.

use std::cell::RefCell;

use crate::align::Alignment;
use crate::ids::Reports;
use crate::model::{Notice, NoticeKind};
use crate::text::Prepared;

/// A unit (sentence) longer than this many words is cut into pieces of at most this many:
/// real sentences stay far below it, and the word-sequence features cost the product of
/// two units' lengths.
pub const MAX_UNIT_WORDS: usize = 120;

/// The most quotes one report contributes to the quotes stage.
pub const MAX_QUOTES_PER_REPORT: usize = 600;
/// The most quotes clustered across all reports; past it each report keeps a fair share.
pub const MAX_QUOTES: usize = 6_000;

/// Work cut short by one stage, in indices: turned into a [`Notice`] by [`notices`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    pub kind: NoticeKind,
    /// The reports concerned (indices, ascending); empty for all of them.
    pub reports: Vec<usize>,
    /// How many items were cut.
    pub count: usize,
}

/// Collects the cuts of every stage of one comparison.
#[derive(Debug, Default)]
pub struct Budget {
    cuts: RefCell<Vec<Cut>>,
}

impl Budget {
    /// Records that `count` items of `kind` in `reports` were cut (nothing when zero).
    pub fn cut(&self, kind: NoticeKind, reports: Vec<usize>, count: usize) {
        if count > 0 {
            self.cuts.borrow_mut().push(Cut {
                kind,
                reports,
                count,
            });
        }
    }

    /// Records per-report counts of one kind as one cut (`counts[r]` for report `r`).
    pub fn cut_per_report(&self, kind: NoticeKind, counts: &[usize]) {
        let reports: Vec<usize> = (0..counts.len()).filter(|&r| counts[r] > 0).collect();
        self.cut(kind, reports, counts.iter().sum());
    }

    /// Records the passages segmentation cut into pieces: one passage cut in k pieces has
    /// k - 1 pieces marked `cut`, the first of them after a piece that is not.
    pub fn cut_long_units(&self, prepared: &[Prepared<'_>]) {
        let counts: Vec<usize> = prepared
            .iter()
            .map(|p| {
                let cut = |k: usize| p.segments.get(k).is_some_and(|s| s.cut);
                (0..p.segments.len())
                    .filter(|&k| cut(k) && (k == 0 || !cut(k - 1)))
                    .count()
            })
            .collect();
        self.cut_per_report(NoticeKind::LongUnits, &counts);
    }

    /// Records the units whose candidates the alignment cut.
    pub fn cut_crowded(&self, alignment: &Alignment) {
        let reports = alignment.corpus.units.last().map_or(0, |u| u.report + 1);
        let mut counts = vec![0; reports];
        for &u in &alignment.crowded {
            counts[alignment.corpus.units[u].report] += 1;
        }
        self.cut_per_report(NoticeKind::CommonPassages, &counts);
    }

    /// The cuts recorded so far, merged by kind, in the order of [`NoticeKind`].
    pub fn cuts(&self) -> Vec<Cut> {
        let mut merged: Vec<Cut> = Vec::new();
        for cut in self.cuts.borrow().iter() {
            match merged.iter_mut().find(|m| m.kind == cut.kind) {
                Some(m) => {
                    m.count += cut.count;
                    m.reports.extend(&cut.reports);
                    m.reports.sort_unstable();
                    m.reports.dedup();
                }
                None => merged.push(cut.clone()),
            }
        }
        merged.sort_by_key(|c| c.kind as u8);
        merged
    }
}

/// The notices of a comparison's cuts, with report ids and a sentence each.
pub fn notices(reports: &Reports<'_>, budget: &Budget) -> Vec<Notice> {
    budget
        .cuts()
        .into_iter()
        .map(|cut| Notice {
            kind: cut.kind,
            message: message(&cut, reports),
            reports: cut
                .reports
                .iter()
                .map(|&r| reports.id(r).to_string())
                .collect(),
            count: cut.count,
        })
        .collect()
}

fn message(cut: &Cut, reports: &Reports<'_>) -> String {
    let n = cut.count;
    let s = |word: &str| {
        if n == 1 {
            word.to_string()
        } else {
            format!("{word}s")
        }
    };
    let whose = match cut.reports.as_slice() {
        [] => String::new(),
        [r] => format!(" in report {}", reports.id(*r)),
        many => format!(" in {} reports", many.len()),
    };
    match cut.kind {
        NoticeKind::LongUnits => format!(
            "{n} {}{whose} ran past {MAX_UNIT_WORDS} words with no sentence end and \
             {} cut into pieces of at most {MAX_UNIT_WORDS} words",
            s("passage"),
            if n == 1 { "was" } else { "were" },
        ),
        NoticeKind::QuoteMarks => format!(
            "{n} quotation {}{whose} would have opened a quote inside {} already open \
             quotes and {} read as quotes",
            s("mark"),
            crate::quotes::MAX_OPEN,
            if n == 1 { "was not" } else { "were not" },
        ),
        NoticeKind::Quotes => format!(
            "{n} {}{whose} past the most the quotes stage compares ({MAX_QUOTES_PER_REPORT} a \
             report, {MAX_QUOTES} in all) {} not compared with other reports",
            s("quote"),
            if n == 1 { "is" } else { "are" },
        ),
        NoticeKind::CommonPassages => format!(
            "{n} {}{whose} had more candidate counterparts than the engine scores, or words \
             in more passages than it reads; only the closest were scored, and a passage may \
             be carried elsewhere although no link says so",
            s("passage"),
        ),
        NoticeKind::PossibleLinks => format!(
            "{n} weaker possible {}{whose} {} not listed: a passage lists at most {} with \
             each other report",
            s("link"),
            if n == 1 { "was" } else { "were" },
            crate::reports::MAX_POSSIBLE_PER_REPORT,
        ),
        NoticeKind::SharedRuns => format!(
            "{n} linked {}{whose} past the most the pairs section lists (a passage in at \
             most as many runs as there are other reports, {} to {}, and {} runs in all) {} \
             not searched for runs of identical words, or their runs not listed",
            if n == 1 { "passage" } else { "passages" },
            crate::pairs::MIN_RUNS_PER_UNIT,
            crate::pairs::MAX_RUNS_PER_UNIT,
            thousands(crate::pairs::MAX_SHARED_RUNS),
            if n == 1 { "was" } else { "were" },
        ),
    }
}

/// `n` with a comma between thousands: "50,000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The largest per-report share `c` such that keeping `min(count, c)` of each report's
/// `counts` keeps at most `total` in all: reports under the share keep everything.
pub fn fair_share(counts: &[usize], total: usize) -> usize {
    if counts.iter().sum::<usize>() <= total {
        return usize::MAX;
    }
    let (mut low, mut high) = (0, counts.iter().copied().max().unwrap_or(0));
    while low < high {
        let mid = (low + high).div_ceil(2);
        if counts.iter().map(|&c| c.min(mid)).sum::<usize>() <= total {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    low
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fair_share_lets_small_reports_keep_everything() {
        assert_eq!(fair_share(&[3, 4], 10), usize::MAX);
        // 2 + 5 + 5 = 12: the two big reports keep five each.
        assert_eq!(fair_share(&[2, 50, 9], 12), 5);
        assert_eq!(fair_share(&[100, 100], 0), 0);
    }

    #[test]
    fn thousands_have_commas() {
        assert_eq!(
            [thousands(6), thousands(50_000), thousands(1_234_567)],
            ["6", "50,000", "1,234,567"]
        );
    }

    #[test]
    fn cuts_of_one_kind_merge() {
        let budget = Budget::default();
        budget.cut(NoticeKind::Quotes, vec![2], 3);
        budget.cut(NoticeKind::LongUnits, vec![0], 1);
        budget.cut(NoticeKind::Quotes, vec![0, 2], 4);
        budget.cut(NoticeKind::SharedRuns, vec![1], 0);
        let cuts = budget.cuts();
        assert_eq!(cuts.len(), 2);
        assert_eq!(cuts[0].kind, NoticeKind::LongUnits);
        assert_eq!((cuts[1].reports.clone(), cuts[1].count), (vec![0, 2], 7));
    }
}
