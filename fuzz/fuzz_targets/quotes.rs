//! Quotes: quotation marks of every style in any arrangement give exact, attributed spans.
#![no_main]

#[path = "invariants.rs"]
mod invariants;

/// Bytes map to a vocabulary rich in quotation marks and attribution words, so the fuzzer
/// reaches the quote code quickly.
const PIECES: &[&str] = &[
    "“", "”", "\"", "'", "‘", "’", "«", "»", "„", "‹", "›", " said ", " he said", "a source",
    "According to officials, ", ", ", ". ", "\n\n", "\n", "Taliban’s ", "talks ", "Asif ", "They ",
    "illogical ", "unacceptable", " by officials", ":", "\u{0}",
];

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text: String = data.iter().map(|&b| PIECES[b as usize % PIECES.len()]).collect();
    let reports = invariants::reports(text.as_bytes());
    invariants::check(&reports);
});
