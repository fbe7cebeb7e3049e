//! The result model: what the engine returns, serialised with serde in camelCase.
//!
//! This tree is the contract shared by the CLI (`parallax compare --json`), the wasm API
//! and the page. **Every `start` and `end` is an offset in UTF-16 code units into the
//! report's original text**, so that `text.slice(start, end)` in JavaScript gives back the
//! unit's `text` exactly.

use serde::{Deserialize, Serialize};

/// The version of this contract; bumped when a field changes meaning or is removed.
pub const SCHEMA: u32 = 1;

/// One report to compare, as given by the caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportInput {
    /// A short unique id, such as `"000"`; unit ids are built from it.
    pub id: String,
    /// A title to show; when empty, the report's first heading is used.
    #[serde(default)]
    pub title: String,
    /// The report's full text, as pasted.
    pub text: String,
}

/// The whole result of comparing reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// Always [`SCHEMA`].
    pub schema: u32,
    /// The reports in input order, each split into units.
    pub reports: Vec<Report>,
}

/// One report, split into units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The id the caller gave.
    pub id: String,
    /// The title the caller gave, else the first heading, else the id.
    pub title: String,
    /// The report's length in UTF-16 code units.
    pub length: usize,
    /// Units in text order; their spans never overlap.
    pub units: Vec<Unit>,
}

/// A heading, sentence or boilerplate line of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Unit {
    /// `"<report id>:u<index>"`, the index counting from 0 in text order.
    pub id: String,
    /// Heading, sentence or boilerplate.
    pub kind: UnitKind,
    /// Start offset, in UTF-16 code units, into the report's original text.
    pub start: usize,
    /// End offset (exclusive), in UTF-16 code units, into the report's original text.
    pub end: usize,
    /// The original text of the span, unchanged.
    pub text: String,
    /// Why a boilerplate unit was set aside; absent for other kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// What a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// A headline, section heading or dateline.
    Heading,
    /// A sentence of running text.
    Sentence,
    /// A line that carries no news (share bars, disclaimers, links); never compared.
    Boilerplate,
}
