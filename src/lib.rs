//! Parallax compares several news reports of one event: what they share, what each says
//! alone, and how each renders the same quotes.
//!
//! The engine is plain Rust. It runs natively (the `parallax` command-line tool, behind the
//! `cli` feature) and in the browser through one thin WebAssembly boundary (`wasm`, built
//! only for `wasm32`). Both return the same [`Comparison`] tree.
//!
//! # Example: split reports into units
//!
//! ```
//! use parallax::{compare, Options, ReportInput, UnitKind};
//!
//! let reports = vec![ReportInput {
//!     id: "000".into(),
//!     title: String::new(),
//!     text: "Talks Stall in Istanbul\n\nThe session began at 2:30 p.m. on Oct. 25. It ran late.".into(),
//! }];
//! let result = compare(&reports, &Options::default()).unwrap();
//! let units = &result.reports[0].units;
//! assert_eq!(units.len(), 3);
//! assert_eq!(units[0].kind, UnitKind::Heading);
//! assert_eq!(units[1].text, "The session began at 2:30 p.m. on Oct. 25.");
//! // The title falls back to the first heading.
//! assert_eq!(result.reports[0].title, "Talks Stall in Istanbul");
//! ```
//!
//! # Offsets
//!
//! Offsets in the result are UTF-16 code units into each report's original text, the unit
//! JavaScript strings index by. See [`model`].
#![deny(missing_docs)]

mod align;
mod details;
mod discrepancies;
mod error;
mod groups;
pub mod model;
mod pairs;
mod quotes;
mod reports;
mod side_by_side;
#[cfg(feature = "internals")]
pub mod stages;
mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
mod word_diff;

pub use align::calibration;

use std::collections::{HashMap, HashSet};

use align::{group, Corpus, Link};
pub use error::Error;
pub use model::{
    Comparison, Discrepancy, DiscrepancyKind, DiscrepancyValue, Group, Member, Options,
    QuoteCluster, QuoteInstance, Range, Relation, Report, ReportInput, ReportPair, Row, RowKind,
    SharedRun, SideBySide, Span, Unit, UnitKind, Variant, WordOp, WordOpKind, SCHEMA,
};
use text::tokenize::Tokenizer;
use text::Prepared;

/// Compares `reports` and returns the result tree.
///
/// Reports keep their input order. An empty or blank report is not an error: it simply has
/// no units. It fails only when there is nothing to compare or the ids are unusable.
pub fn compare(reports: &[ReportInput], options: &Options) -> Result<Comparison, Error> {
    validate(reports)?;
    let layouts = layouts(reports, options)?;
    let tokenizer = Tokenizer::default();
    let mut prepared: Vec<Prepared<'_>> = reports
        .iter()
        .map(|r| Prepared::new(&r.text, &tokenizer))
        .collect();
    for id in &options.keep {
        let (report, unit) = id
            .rsplit_once(":u")
            .and_then(|(r, u)| {
                Some((
                    reports.iter().position(|x| x.id == r)?,
                    u.parse::<usize>().ok()?,
                ))
            })
            .ok_or_else(|| Error::unknown_unit(id))?;
        let reason = prepared[report]
            .boilerplate
            .get_mut(unit)
            .ok_or_else(|| Error::unknown_unit(id))?;
        *reason = None;
    }
    Ok(comparison(reports, &prepared, &layouts))
}

/// Compares prepared reports and builds the result tree. `layouts` are the pairs of
/// report indices to lay out side by side.
pub(crate) fn comparison(
    inputs: &[ReportInput],
    prepared: &[Prepared<'_>],
    layouts: &[(usize, usize)],
) -> Comparison {
    let corpus = Corpus::new(prepared);
    let links = corpus.links();
    let report_of: Vec<usize> = corpus.units.iter().map(|u| u.report).collect();
    let triples: Vec<(usize, usize, f32)> = links.iter().map(|l| (l.a, l.b, l.score)).collect();
    // Ties are broken by report id and position, never by input order.
    let mut by_id: Vec<usize> = (0..corpus.units.len()).collect();
    by_id.sort_by_key(|&u| {
        (
            inputs[corpus.units[u].report].id.as_str(),
            corpus.units[u].segment,
        )
    });
    let mut rank = vec![0; by_id.len()];
    for (r, &u) in by_id.iter().enumerate() {
        rank[u] = r;
    }
    let mut groups = group::cluster(&report_of, &rank, &triples, align::MERGE_MIN);
    let extra = group::attach_secondary(&groups, &report_of, &triples, align::SECONDARY_MIN);
    for (members, added) in groups.iter_mut().zip(extra) {
        members.extend(added);
        members.sort_unstable();
    }
    let count_reports = |g: &Vec<usize>| {
        g.iter()
            .map(|&u| report_of[u])
            .collect::<HashSet<_>>()
            .len()
    };
    groups.sort_by_key(|g| (std::cmp::Reverse(count_reports(g)), g[0]));

    let scores: HashMap<(usize, usize), &Link> = links.iter().map(|l| ((l.a, l.b), l)).collect();
    let unit_id = |u: usize| {
        let unit = &corpus.units[u];
        format!("{}:u{}", inputs[unit.report].id, unit.segment)
    };

    let result_groups: Vec<Group> = groups
        .iter()
        .enumerate()
        .map(|(i, members)| Group {
            id: format!("g{}", i + 1),
            reports: count_reports(members),
            members: members
                .iter()
                .enumerate()
                .map(|(k, &u)| {
                    let (relation, confidence) = groups::member_link(&corpus, &scores, members, u);
                    // Compared with the first member; the first with the second.
                    let other = members[usize::from(k == 0)];
                    Member {
                        unit: unit_id(u),
                        relation,
                        confidence: groups::round3(confidence),
                        changes: groups::changes_against(prepared, &corpus, u, other),
                    }
                })
                .collect(),
        })
        .collect();

    let mut in_groups: Vec<Vec<usize>> = vec![Vec::new(); corpus.units.len()];
    for (g, members) in groups.iter().enumerate() {
        for &u in members {
            in_groups[u].push(g);
        }
    }

    let reports = inputs
        .iter()
        .zip(prepared)
        .enumerate()
        .map(|(r, (input, prep))| reports::report(r, input, prep, &corpus, &groups, &in_groups))
        .collect::<Vec<_>>();
    let pairs = pairs::report_pairs(inputs, prepared, &corpus, &links, &in_groups, &groups);
    let side_by_side = layouts
        .iter()
        .map(|&(a, b)| side_by_side::layout(inputs, prepared, &corpus, &links, &groups, a, b))
        .collect();
    Comparison {
        schema: crate::SCHEMA,
        reports,
        groups: result_groups,
        pairs,
        side_by_side,
        quotes: quotes::clusters(inputs, prepared),
        discrepancies: discrepancies::discrepancies(inputs, prepared, &corpus, &groups, &in_groups),
    }
}

/// The pairs of report indices to lay out side by side.
fn layouts(reports: &[ReportInput], options: &Options) -> Result<Vec<(usize, usize)>, Error> {
    let index = |id: &str| {
        reports
            .iter()
            .position(|r| r.id == id)
            .ok_or_else(|| Error::unknown_report(id))
    };
    match &options.side_by_side {
        Some(pairs) => pairs
            .iter()
            .map(|(a, b)| Ok((index(a)?, index(b)?)))
            .collect(),
        None if reports.len() <= model::ALL_PAIRS_UP_TO => Ok((0..reports.len())
            .flat_map(|a| (a + 1..reports.len()).map(move |b| (a, b)))
            .collect()),
        None => Ok((1..reports.len()).map(|b| (0, b)).collect()),
    }
}

/// How much one comparison takes. Chosen from the benchmarks (BENCHMARKS.md): 100
/// reports of news take about half a second in the browser, so the limits keep a
/// comparison within a few seconds while leaving room for long reports.
pub mod limits {
    /// The most reports compared at once.
    pub const MAX_REPORTS: usize = 200;
    /// The longest report, in bytes of UTF-8 (2 MiB: some 300,000 words).
    pub const MAX_REPORT_BYTES: usize = 2 * 1024 * 1024;
    /// All reports together, in bytes of UTF-8.
    pub const MAX_TOTAL_BYTES: usize = 8 * 1024 * 1024;
}

fn validate(reports: &[ReportInput]) -> Result<(), Error> {
    if reports.is_empty() {
        return Err(Error::no_reports());
    }
    if reports.len() > limits::MAX_REPORTS {
        return Err(Error::too_many_reports(reports.len()));
    }
    let total: usize = reports.iter().map(|r| r.text.len()).sum();
    if total > limits::MAX_TOTAL_BYTES {
        return Err(Error::too_much_text(total));
    }
    let mut seen = HashSet::new();
    for (index, report) in reports.iter().enumerate() {
        if report.text.len() > limits::MAX_REPORT_BYTES {
            return Err(Error::report_too_long(&report.id, report.text.len()));
        }
        if report.id.trim().is_empty() {
            return Err(Error::empty_id(index));
        }
        if !seen.insert(report.id.as_str()) {
            return Err(Error::duplicate_id(&report.id));
        }
    }
    Ok(())
}
