//! Alignment: several reports (split at NUL bytes) group, pair and lay out consistently.
#![no_main]

#[path = "invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let reports = invariants::reports(data);
    let result = invariants::check(&reports);
    assert_eq!(result.pairs.len(), reports.len() * (reports.len() - 1) / 2);
});
