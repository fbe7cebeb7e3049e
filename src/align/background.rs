//! General English, as a background to the compared reports: for each common stem, the
//! share of sentences that hold it.
//!
//! The table (`background.tsv`, built by `benches/background.rs` from wordfreq 3.1.1)
//! is data under CC BY-SA 4.0 (wordfreq by Robyn Speer et al.), shipped with attribution
//! as the licence asks; the code around it is the crate's. It keeps the stems held by at
//! least one sentence in a thousand: some two thousand, 9 KB gzipped.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("background.tsv");

fn table() -> &'static HashMap<&'static str, f32> {
    static TABLE_MAP: OnceLock<HashMap<&'static str, f32>> = OnceLock::new();
    TABLE_MAP.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (stem, per) = l.split_once('\t')?;
                Some((stem, per.parse::<f32>().ok()? / 10_000.0))
            })
            .collect()
    })
}

/// The share of general English sentences that hold `stem` (0 for a stem not in the
/// table: rarer than one sentence in a thousand).
pub fn share(stem: &str) -> f32 {
    table().get(stem).copied().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::share;

    #[test]
    fn common_words_are_in_the_background_and_names_are_not() {
        assert!(share("said") > 0.01);
        assert!(share("govern") > 0.001);
        assert_eq!(share("qualcomm"), 0.0);
    }
}
