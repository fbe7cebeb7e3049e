//! The WebAssembly boundary, the only module that knows about JavaScript.
//!
//! It stays thin: one coarse call takes the whole set of reports and returns the whole
//! [`Comparison`](crate::Comparison) tree as plain JS objects (camelCase keys, offsets in
//! UTF-16 code units). Engine errors become JS `Error`s with the engine's message; panics
//! are bugs, and reach the console through `console_error_panic_hook` before the module
//! traps (after a trap the instance is dead, and the page must start a new one).
//!
//! The package's TypeScript definitions (`parallax.d.ts`) come from here too: the types
//! below describe the result tree of [`crate::model`] field by field, and the calls name
//! them instead of `any`. `tests/types/` compiles a use of every field against them and
//! checks a real result of the package against them.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Options, ReportInput};

// Keep in step with `src/model.rs` (and `Reply` and `limits` below): a field added there
// is a field added here. Optional (`?`) where serde skips the field when it is empty or
// absent, `| null` where it writes `null`.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** One report to compare. */
export interface ReportInput {
  /** A short unique id, such as "000"; unit ids are built from it. */
  id: string;
  /** A title to show; when empty or absent, the report's first heading is used. */
  title?: string;
  /** The report's full text. */
  text: string;
}

/** What to compute besides the groups. */
export interface Options {
  /** Pairs of report ids to lay out side by side; by default every pair of up to 8
   * reports, else the first report against each other one. */
  sideBySide?: [string, string][] | null;
  /** Ids of units to compare although they were set aside as boilerplate. */
  keep?: string[];
  /** Ids of units the reader set aside: shown as boilerplate ("set aside by you"), never
   * compared; a unit in both lists is set aside. */
  setAside?: string[];
}

/** The engine's limits on one comparison: how many reports, and bytes of UTF-8 per
 * report and in all. */
export interface Limits {
  maxReports: number;
  maxReportBytes: number;
  maxTotalBytes: number;
}

/** The result of `compare`: the comparison tree (`parallax compare --json` prints the
 * same) and the time the engine took. Every `start`, `end` and `length` counts UTF-16
 * code units of the report's original text: `text.slice(start, end)` gives the span. */
export interface CompareResult extends Comparison {
  /** Milliseconds the engine took, when the global scope has `performance`. */
  elapsedMs?: number;
}

export interface Comparison {
  /** 2 since links come in two tiers (`groups` and `possible`) and `Report.unique`
   * carries each passage's nearest candidate. */
  schema: 2;
  /** The reports in input order, each split into units. */
  reports: Report[];
  /** The precise tier: facts shared across reports ("the same fact"), carried by most
   * reports first. */
  groups: Group[];
  /** Figures for every pair of reports, `a` before `b` in input order. */
  pairs: ReportPair[];
  /** Side-by-side layouts of the pairs `Options.sideBySide` asks for. */
  sideBySide: SideBySide[];
  /** Utterances, each with its renderings in every report, the most carried first. */
  quotes: QuoteCluster[];
  /** Where the reports disagree on details, conflicts first. */
  discrepancies: Discrepancy[];
  /** The looser tier: links of passages that possibly state the same fact, whose two
   * units share no group. Strongest first. */
  possible: PossibleLink[];
  /** Where the engine's work budget cut work short on this input: empty for ordinary
   * reports. Nothing is left out without a notice here. */
  notices: Notice[];
}

/** Work the engine's budget cut short, said so that the reader knows what the result
 * leaves out. */
export interface Notice {
  kind: NoticeKind;
  /** The ids of the reports concerned, in input order; empty when it is all of them. */
  reports: string[];
  /** How many items (passages, quotes, marks, links) the cut concerns. */
  count: number;
  /** One sentence for the reader, without a final full stop. */
  message: string;
}

/** What a notice is about: passages cut into pieces, quote marks past the nesting cap,
 * quotes past the most compared, passages with more candidates than scored, possible
 * links or shared runs past the most listed. */
export type NoticeKind =
  | "longUnits"
  | "quoteMarks"
  | "quotes"
  | "commonPassages"
  | "possibleLinks"
  | "sharedRuns";

/** Two passages of different reports that possibly state the same fact. */
export interface PossibleLink {
  /** One unit's id (the one of the report given first). */
  a: string;
  /** The other unit's id. */
  b: string;
  /** The same-fact score, from 0 to 1: below the same-fact tier's threshold. */
  confidence: number;
}

/** A unit that no other report carries: it has no link of either tier. */
export interface OnlyHere {
  /** The unit's id. */
  unit: string;
  /** The closest passage of another report, and how close it came; absent when no
   * passage of another report shares a telling word with it. */
  nearest?: Nearest;
}

/** The closest candidate of a passage that is only in its report. */
export interface Nearest {
  /** The candidate's unit id. */
  unit: string;
  /** The candidate's report id. */
  report: string;
  /** Its same-fact score, from 0 to 1 (below the looser tier's threshold). */
  score: number;
}

/** The tier of a link: "sameFact" (the precise tier) or "possible" (possibly the same
 * fact). */
export type Tier = "sameFact" | "possible";

export interface Report {
  id: string;
  /** The title given, else the first heading, else the id. */
  title: string;
  /** In UTF-16 code units. */
  length: number;
  /** In text order; their spans never overlap. */
  units: Unit[];
  /** The units (not boilerplate) that no other report carries, with no link of either
   * tier, in text order. */
  unique: OnlyHere[];
  /** Passages inside grouped units that no other member of their groups carries. */
  uniqueSpans: Span[];
}

export type UnitKind = "heading" | "sentence" | "boilerplate";

export interface Unit {
  /** "<report id>:u<index>", counting from 0 in text order. */
  id: string;
  kind: UnitKind;
  start: number;
  end: number;
  text: string;
  /** Why a boilerplate unit was set aside ("share bar"); absent for other kinds. */
  reason?: string;
}

export type Relation = "paraphrase" | "rewrite" | "verbatim";

export interface Group {
  /** "g1", "g2", … in the order of the list. */
  id: string;
  /** How many reports carry the fact. */
  reports: number;
  /** In report order, then text order. */
  members: Member[];
}

export interface Member {
  /** The unit's id. */
  unit: string;
  relation: Relation;
  /** From 0 to 1. */
  confidence: number;
  /** Words that the group's first member does not have (for the first member, that the
   * second does not have); absent when none. */
  changes?: Range[];
}

/** A passage of one unit. */
export interface Span {
  unit: string;
  start: number;
  end: number;
  text: string;
}

/** A range of UTF-16 code units in a report's original text. */
export interface Range {
  start: number;
  end: number;
}

export interface ReportPair {
  a: string;
  b: string;
  /** Share of both reports' units that the other carries, from 0 to 1. */
  similarity: number;
  /** Share of a's units that b carries. */
  coverageA: number;
  /** Share of b's units that a carries. */
  coverageB: number;
  /** Word runs copied from one report to the other, longest first. */
  sharedRuns: SharedRun[];
}

export interface SharedRun {
  a: Span;
  b: Span;
  /** The run's length in words. */
  words: number;
}

export interface SideBySide {
  a: string;
  b: string;
  /** In the left report's order; boilerplate is left out. */
  rows: Row[];
}

export type RowKind = "aligned" | "moved" | "onlyA" | "onlyB";

export interface Row {
  kind: RowKind;
  /** The left unit's id, if any. */
  a: string | null;
  /** The right unit's id, if any. */
  b: string | null;
  /** For a pair, how the right unit carries the left one's fact. */
  relation?: Relation;
  /** For a pair, the tier of the link that paired the two units. */
  tier?: Tier;
  /** For a pair, the left unit's position among the left report's compared units. */
  positionA?: number;
  /** For a pair, the right unit's position among the right report's compared units. */
  positionB?: number;
  /** Words of the left unit that differ; absent when none. */
  changesA?: Range[];
  /** Words of the right unit that differ; absent when none. */
  changesB?: Range[];
}

export interface QuoteCluster {
  /** "q1", "q2", … in the order of the list. */
  id: string;
  /** The speaker most instances name, if any names one. */
  speaker: string | null;
  /** The reference wording: the longest quoted rendering. */
  reference: string;
  /** How many reports render the utterance, quoted or not. */
  reports: number;
  /** In report order, then text order. */
  instances: QuoteInstance[];
}

export type Variant = "same" | "trimmed" | "extended" | "reworded";

export type Wording = "close" | "paraphrase";

export interface QuoteInstance {
  report: string;
  /** The unit the rendering starts in. */
  unit: string;
  /** After the opening mark for a quote, the first matching word for an unquoted
   * rendering. */
  start: number;
  /** Before the closing mark for a quote. */
  end: number;
  text: string;
  /** In quotation marks (false: said without them). */
  quoted: boolean;
  /** With pronouns resolved ("Khawaja Asif" for "he"); null when unknown. */
  speaker: string | null;
  /** The attribution as printed ("he", "a security source"). */
  speakerAsWritten: string | null;
  /** From 0 to 1. */
  confidence: number;
  inHeading: boolean;
  /** No closing mark: the quote runs to the end of its paragraph. */
  unclosed: boolean;
  /** How sure it is that the rendering is of this utterance, from 0 to 1. */
  membership: number;
  /** Without quotation marks only: the quote's wording kept, or paraphrased. */
  wording?: Wording;
  /** Attributed to another speaker than the cluster's, in a cluster it confidently
   * belongs to. */
  reattributed: boolean;
  variant: Variant;
  /** Word-level differences from the reference, in order. */
  diff: WordOp[];
}

export interface WordOp {
  /** equal: in both; delete: in the reference only; insert: in this rendering only. */
  op: "equal" | "delete" | "insert";
  /** From the reference for delete, else from this rendering. */
  text: string;
}

export type DiscrepancyKind = "conflict" | "precision" | "onlyInSome";

export interface Discrepancy {
  /** "d1", "d2", … in the order of the list. */
  id: string;
  kind: DiscrepancyKind;
  /** What the values are of: the counted thing ("hours"), "date", or "date line". */
  slot: string;
  values: DiscrepancyValue[];
  /** Who says what: each distinct value with the ids of the reports giving it, most
   *  reports first. */
  tally: Tally[];
  /** From 0 to 1. */
  confidence: number;
}

export interface Tally {
  /** The value as `DiscrepancyValue.value` writes it. */
  value: string;
  reports: string[];
}

export interface DiscrepancyValue {
  report: string;
  unit: string;
  start: number;
  end: number;
  /** The words as printed ("nearly nine hours"). */
  text: string;
  /** The value read from them ("nearly 9 hours"). */
  value: string;
}
"#;

/// Installs the panic hook; wasm-bindgen runs this once when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Compares reports.
///
/// `reports` is an array of `{ id: string, title?: string, text: string }`; `options`
/// (optional) is `{ sideBySide?: [[idA, idB], …] }`. Returns the comparison tree, plus
/// `elapsedMs`, the time the engine took. Throws an `Error` whose message says what is
/// wrong when the input is not such an array, is empty, has a missing or repeated id, or
/// the options name a report that is not there.
#[wasm_bindgen(unchecked_return_type = "CompareResult")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "ReportInput[]")] reports: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options | null")] options: JsValue,
) -> Result<JsValue, JsError> {
    let reports: Vec<ReportInput> = serde_wasm_bindgen::from_value(reports).map_err(|e| {
        invalid(&format!(
            "reports must be an array of {{id, title, text}}: {e}"
        ))
    })?;
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| {
            invalid(&format!(
                "options must be {{sideBySide: [[id, id], …]}}: {e}"
            ))
        })?
    };
    let started = now_ms();
    let comparison = crate::compare(&reports, &options).map_err(|e| invalid(&e.to_string()))?;
    let elapsed_ms = now_ms().zip(started).map(|(end, start)| end - start);
    let reply = Reply {
        comparison,
        elapsed_ms,
    };
    reply
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not return the result: {e}")))
}

fn invalid(message: &str) -> JsError {
    JsError::new(message)
}

/// The engine's limits: `{ maxReports, maxReportBytes, maxTotalBytes }` (bytes of UTF-8),
/// so the page can check input before sending it.
#[wasm_bindgen(unchecked_return_type = "Limits")]
pub fn limits() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Limits {
        max_reports: usize,
        max_report_bytes: usize,
        max_total_bytes: usize,
    }
    Limits {
        max_reports: crate::limits::MAX_REPORTS,
        max_report_bytes: crate::limits::MAX_REPORT_BYTES,
        max_total_bytes: crate::limits::MAX_TOTAL_BYTES,
    }
    .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
    .map_err(|e| invalid(&format!("could not return the limits: {e}")))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Reply {
    #[serde(flatten)]
    comparison: crate::Comparison,
    #[serde(skip_serializing_if = "Option::is_none")]
    elapsed_ms: Option<f64>,
}

/// `performance.now()` in a window or a worker, if the global scope has one.
fn now_ms() -> Option<f64> {
    let global = js_sys::global();
    if let Some(window) = global.dyn_ref::<web_sys::Window>() {
        return window.performance().map(|p| p.now());
    }
    global
        .dyn_ref::<web_sys::WorkerGlobalScope>()
        .and_then(|worker| worker.performance())
        .map(|p| p.now())
}
