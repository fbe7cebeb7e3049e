//! Text preparation: any single report segments, classifies and tokenises.
#![no_main]

#[path = "invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    invariants::check(&[parallax::ReportInput { id: "r".into(), title: String::new(), text }]);
});
