//! The WebAssembly boundary, the only module that knows about JavaScript.
//!
//! It stays thin: one coarse call takes the whole set of reports and returns the whole
//! [`Comparison`](crate::Comparison) tree as plain JS objects (camelCase keys, offsets in
//! UTF-16 code units). Engine errors become JS `Error`s with the engine's message; panics
//! are bugs, and reach the console through `console_error_panic_hook` before the module
//! traps (after a trap the instance is dead, and the page must start a new one).

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Options, ReportInput};

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
#[wasm_bindgen]
pub fn compare(reports: JsValue, options: JsValue) -> Result<JsValue, JsError> {
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
#[wasm_bindgen]
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
