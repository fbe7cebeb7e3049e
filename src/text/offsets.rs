//! Byte offsets to UTF-16 code unit offsets.
//!
//! The engine works on UTF-8 byte offsets, which is what Rust's `str` indexes by. JavaScript
//! strings index by UTF-16 code units, so every offset that leaves the engine is converted
//! here, once, at the end (`text.slice(start, end)` in JS must give back the unit's text).
//!
//! Cost: one pass over the text to build, memory proportional to the number of non-ASCII
//! characters (ASCII text costs nothing), and a binary search per lookup.

/// Maps UTF-8 byte offsets of one text to UTF-16 code unit offsets.
#[derive(Debug, Clone)]
pub struct Utf16Map {
    /// For every non-ASCII character: the byte offset just after it, and how many more
    /// bytes than UTF-16 code units the text has used up to that point.
    checkpoints: Vec<(usize, usize)>,
    len: usize,
}

impl Utf16Map {
    /// Builds the map for `text`.
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::new();
        let mut surplus = 0;
        for (at, ch) in text.char_indices() {
            let (utf8, utf16) = (ch.len_utf8(), ch.len_utf16());
            if utf8 != utf16 {
                surplus += utf8 - utf16;
                checkpoints.push((at + utf8, surplus));
            }
        }
        Utf16Map {
            checkpoints,
            len: text.len(),
        }
    }

    /// The UTF-16 offset of byte offset `byte`, which must lie on a char boundary of the text.
    pub fn utf16(&self, byte: usize) -> usize {
        debug_assert!(
            byte <= self.len,
            "offset {byte} past the end ({})",
            self.len
        );
        let passed = self.checkpoints.partition_point(|&(end, _)| end <= byte);
        let surplus = passed
            .checked_sub(1)
            .map_or(0, |last| self.checkpoints[last].1);
        byte - surplus
    }
}

#[cfg(test)]
mod tests {
    use super::Utf16Map;

    /// The naive oracle: count UTF-16 units of the prefix.
    fn oracle(text: &str, byte: usize) -> usize {
        text[..byte].encode_utf16().count()
    }

    #[test]
    fn matches_the_naive_count_on_every_boundary() {
        for text in [
            "",
            "plain ascii",
            "Türkiye’s “final position” — café",
            "emoji 👩‍👩‍👧 and 🇵🇰 flags",
            "e\u{301} combining, اردو متن, 中文没有空格",
        ] {
            let map = Utf16Map::new(text);
            for byte in (0..=text.len()).filter(|&b| text.is_char_boundary(b)) {
                assert_eq!(map.utf16(byte), oracle(text, byte), "{text:?} at {byte}");
            }
        }
    }
}
