//! Text preparation: any single report segments, classifies and tokenises.
#![no_main]

#[path = "invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::prepare(data));
