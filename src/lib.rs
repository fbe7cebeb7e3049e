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
mod budget;
mod details;
mod discrepancies;
mod error;
mod groups;
mod ids;
pub mod model;
mod pairs;
mod quotes;
mod reports;
mod side_by_side;
#[cfg(feature = "internals")]
pub mod stages;
mod text;
mod union_find;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
mod word_diff;

pub use align::calibration;

use std::collections::HashSet;

use align::scorer::Model;
use align::Alignment;
use budget::Budget;
pub use error::Error;
use ids::Reports;
pub use model::{
    Comparison, Discrepancy, DiscrepancyKind, DiscrepancyValue, Group, Member, Nearest, Notice,
    NoticeKind, OnlyHere, Options, PossibleLink, QuoteCluster, QuoteInstance, Range, Relation,
    Report, ReportInput, ReportPair, Row, RowKind, SharedRun, SideBySide, Span, Tally, Tier, Unit,
    UnitKind, Variant, WordOp, WordOpKind, Wording, SCHEMA,
};
use quotes::Quoted;
use text::Prepared;

/// Compares `reports` and returns the result tree.
///
/// Reports keep their input order. An empty or blank report is not an error: it simply has
/// no units. It fails only when there is nothing to compare or the ids are unusable.
pub fn compare(reports: &[ReportInput], options: &Options) -> Result<Comparison, Error> {
    compare_with(reports, options, &Model::default())
}

/// [`compare`] with another same-fact model (for calibration: `parallax::stages`).
/// The reason shown for a unit the reader set aside ([`Options::set_aside`]).
pub const SET_ASIDE_BY_READER: &str = "set aside by you";

fn compare_with(
    reports: &[ReportInput],
    options: &Options,
    model: &Model,
) -> Result<Comparison, Error> {
    validate(reports)?;
    let layouts = layouts(reports, options)?;
    let mut prepared = Prepared::all(reports);
    // The reader's choices: lines put back are compared, lines set aside are not (set
    // aside wins when a line is in both lists).
    let chosen = options.keep.iter().map(|id| (id, None));
    let chosen = chosen.chain(
        options
            .set_aside
            .iter()
            .map(|id| (id, Some(SET_ASIDE_BY_READER))),
    );
    for (id, reason) in chosen {
        let (report, unit) = ids::parse_unit(reports, id).ok_or_else(|| Error::unknown_unit(id))?;
        *prepared[report]
            .boilerplate
            .get_mut(unit)
            .ok_or_else(|| Error::unknown_unit(id))? = reason;
    }
    Ok(comparison(reports, &prepared, &layouts, model))
}

/// Compares prepared reports and builds the result tree, section by section. `layouts`
/// are the pairs of report indices to lay out side by side.
pub(crate) fn comparison(
    inputs: &[ReportInput],
    prepared: &[Prepared<'_>],
    layouts: &[(usize, usize)],
    model: &Model,
) -> Comparison {
    let reports = Reports::new(inputs, prepared);
    let budget = Budget::default();
    budget.cut_long_units(prepared);
    let quoted = Quoted::new(&reports, &budget);
    let alignment = Alignment::with_model(&reports, &quoted, model);
    budget.cut_crowded(&alignment);
    let utterances = quotes::utterances(&reports, &alignment, &quoted);
    Comparison {
        schema: SCHEMA,
        reports: reports::section(&reports, &alignment),
        groups: groups::section(&reports, &alignment),
        pairs: pairs::section(&reports, &alignment, &budget),
        side_by_side: side_by_side::section(&reports, &alignment, layouts),
        quotes: quotes::section(&reports, &utterances),
        discrepancies: discrepancies::section(
            &reports,
            &alignment,
            &quotes::credits(&reports, &utterances),
        ),
        possible: reports::possible(&reports, &alignment, &budget),
        notices: budget::notices(&reports, &budget),
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
