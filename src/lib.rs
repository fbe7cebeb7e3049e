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
//! use parallax::{compare, ReportInput, UnitKind};
//!
//! let reports = vec![ReportInput {
//!     id: "000".into(),
//!     title: String::new(),
//!     text: "Talks Stall in Istanbul\n\nThe session began at 2:30 p.m. on Oct. 25. It ran late.".into(),
//! }];
//! let result = compare(&reports).unwrap();
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

mod error;
pub mod model;
mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

use std::collections::HashSet;

pub use error::Error;
pub use model::{Comparison, Report, ReportInput, Unit, UnitKind, SCHEMA};
use text::offsets::Utf16Map;
use text::segment::{segment, SegmentKind};

/// Compares `reports` and returns the result tree.
///
/// Reports keep their input order. An empty or blank report is not an error: it simply has
/// no units. It fails only when there is nothing to compare or the ids are unusable.
pub fn compare(reports: &[ReportInput]) -> Result<Comparison, Error> {
    validate(reports)?;
    Ok(Comparison {
        schema: SCHEMA,
        reports: reports.iter().map(prepare_report).collect(),
    })
}

fn validate(reports: &[ReportInput]) -> Result<(), Error> {
    if reports.is_empty() {
        return Err(Error::no_reports());
    }
    let mut seen = HashSet::new();
    for (index, report) in reports.iter().enumerate() {
        if report.id.trim().is_empty() {
            return Err(Error::empty_id(index));
        }
        if !seen.insert(report.id.as_str()) {
            return Err(Error::duplicate_id(&report.id));
        }
    }
    Ok(())
}

fn prepare_report(input: &ReportInput) -> Report {
    let text = input.text.as_str();
    let map = Utf16Map::new(text);
    let units: Vec<Unit> = segment(text)
        .into_iter()
        .enumerate()
        .map(|(index, seg)| Unit {
            id: format!("{}:u{index}", input.id),
            kind: match seg.kind {
                SegmentKind::Heading => UnitKind::Heading,
                SegmentKind::Sentence => UnitKind::Sentence,
            },
            start: map.utf16(seg.start),
            end: map.utf16(seg.end),
            text: text[seg.start..seg.end].to_string(),
            reason: None,
        })
        .collect();
    let title = match input.title.trim() {
        "" => units
            .iter()
            .find(|u| u.kind == UnitKind::Heading)
            .map_or_else(|| input.id.clone(), |u| u.text.clone()),
        given => given.to_string(),
    };
    Report {
        id: input.id.clone(),
        title,
        length: map.utf16(text.len()),
        units,
    }
}
