//! Quotes: quotation marks of every style in any arrangement give exact, attributed spans.
#![no_main]

#[path = "invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::quotes(data));
