//! Alignment: several reports (split at NUL bytes) group, pair and lay out consistently.
#![no_main]

#[path = "invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::align(data));
