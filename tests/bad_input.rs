//! The bad-input table: what people paste, and what Parallax must answer. Each row states
//! the expected behaviour and the test asserts it; every successful result is also checked
//! against the invariants (units are exact, ordered slices; groups and quotes point at news
//! units of the reports).
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/bad_inputs.rs"]
mod bad_inputs;

#[test]
fn bad_input_table() {
    assert!(bad_inputs::run_table() >= 25);
}
