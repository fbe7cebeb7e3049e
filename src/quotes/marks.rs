//! Finding direct quotations: exact spans between quotation marks.
//!
//! Marks of every style pair up on a stack, block (paragraph) by block: “…”, „…“, «…»,
//! ‹…›, ‘…’, straight "…" and '…', and the mismatched pairs real copy has (“…», “…",
//! "…”, and ”…” where a closing mark was typed for the opening one). Marks glued to words
//! still count ('Groups“Unacceptable”'). An apostrophe between two letters (Taliban’s,
//! don't) or after a plural s (countries’) never opens a quote; a single mark opens only
//! where a quotation can start. A quote left open at the end of its paragraph ends there,
//! with `unclosed` set, and so does one that the next paragraph's opening mark of the same
//! speech follows, when the copy ran the paragraphs together.
//!
//! At most [`MAX_OPEN`] quotes are open at once: a mark that would open one more is
//! counted in [`Marks::ignored`] and opens nothing. Real copy nests three deep at most,
//! and the cap keeps the quoted text of a block within `MAX_OPEN` times the block, however
//! many stray marks it holds (each unclosed quote runs to the paragraph's end).
//!
//! Cost: one pass over each block. Spans are byte offsets of the original text and cover
//! the words inside the marks, not the marks.

/// The most quotes open at once in a block.
pub const MAX_OPEN: usize = 4;

/// The quotes of one block, and how many opening marks the nesting cap ignored.
#[derive(Debug, Default)]
pub struct Marks {
    pub quotes: Vec<Quote>,
    pub ignored: usize,
}

/// One quotation found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Byte offset just after the opening mark.
    pub start: usize,
    /// Byte offset of the closing mark (or of the paragraph's end when unclosed).
    pub end: usize,
    /// No closing mark before the end of the paragraph.
    pub unclosed: bool,
    /// Index (in the returned list) of the quote this one is nested in.
    pub nested_in: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

struct Open {
    family: Family,
    mark: char,
    index: usize,
}

/// Quotes in the block `text[start..end]`, in order of their opening marks.
pub fn quotes_in_block(text: &str, start: usize, end: usize) -> Marks {
    let block = &text[start..end];
    let chars: Vec<(usize, char)> = block.char_indices().collect();
    let mut found: Vec<Quote> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut ignored = 0;
    for (k, &(at, c)) in chars.iter().enumerate() {
        let before = k.checked_sub(1).map(|i| chars[i].1);
        let after = chars.get(k + 1).map(|&(_, c)| c);
        let after_mark = start + at + c.len_utf8();
        let close = |stack: &mut Vec<Open>, found: &mut Vec<Quote>, family: Family| -> bool {
            let Some(pos) = stack.iter().rposition(|o| o.family == family) else {
                return false;
            };
            // Anything opened inside and never closed ends here too.
            for open in stack.drain(pos..).rev() {
                found[open.index].end = start + at;
                found[open.index].unclosed = open.family != family;
            }
            true
        };
        let mut open =
            |stack: &mut Vec<Open>, found: &mut Vec<Quote>, family: Family, mark: char| {
                if stack.len() == MAX_OPEN {
                    ignored += 1;
                    return;
                }
                let nested_in = stack.last().map(|o| o.index);
                found.push(Quote {
                    start: after_mark,
                    end,
                    unclosed: true,
                    nested_in,
                });
                stack.push(Open {
                    family,
                    mark,
                    index: found.len() - 1,
                });
            };
        let has_open = |stack: &Vec<Open>, family: Family| stack.iter().any(|o| o.family == family);
        // A double mark that opens a sentence while a double quote is open, after a full
        // stop: the next paragraph's mark of one speech whose paragraphs the copy ran
        // together (“We were… flipped. “There was a girl…”), which ends the quote before
        // it rather than nesting in it.
        let double_opening = matches!(c, '“' | '"') && opens_here(before, after);
        if double_opening
            && stack
                .last()
                .is_some_and(|o| o.family == Family::Double && o.mark == c)
            && after.is_some_and(char::is_uppercase)
            && after_full_stop(&chars[..k])
        {
            let open_quote = stack.pop().expect("an open quote");
            found[open_quote.index].end = start + at;
            found[open_quote.index].unclosed = true;
            open(&mut stack, &mut found, Family::Double, c);
            continue;
        }
        match c {
            '“' => {
                // Closes a German „…“ quote; otherwise opens.
                if stack.last().is_some_and(|o| o.mark == '„') {
                    close(&mut stack, &mut found, Family::Double);
                } else {
                    open(&mut stack, &mut found, Family::Double, c);
                }
            }
            '„' | '«' => open(&mut stack, &mut found, Family::Double, c),
            // “…» and "…” are mismatched pairs of real copy: any open double closes. A lone
            // » opens, as in the »…« style of some languages.
            '”' | '»' if close(&mut stack, &mut found, Family::Double) => {}
            '»' => open(&mut stack, &mut found, Family::Double, c),
            // A closing mark typed for an opening one, with nothing open: at a word's
            // start (”Their aim is…,” he said).
            '”' if opens_here(before, after) && after.is_some_and(char::is_alphanumeric) => {
                open(&mut stack, &mut found, Family::Double, c);
            }
            '"' => {
                let is_open = has_open(&stack, Family::Double);
                if is_open && closes_here(before, after) {
                    close(&mut stack, &mut found, Family::Double);
                } else if opens_here(before, after)
                    || !is_open && after.is_some_and(|a| !a.is_whitespace())
                {
                    open(&mut stack, &mut found, Family::Double, c);
                } else if is_open {
                    close(&mut stack, &mut found, Family::Double);
                }
            }
            '‘' | '‹' if after.is_some_and(|a| !a.is_whitespace()) => {
                open(&mut stack, &mut found, Family::Single, c);
            }
            '’' | '\'' | '›' => {
                let apostrophe = before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric);
                if apostrophe {
                    continue;
                }
                if has_open(&stack, Family::Single) && closes_here(before, after) {
                    close(&mut stack, &mut found, Family::Single);
                } else if c == '\'' && opens_here(before, after) {
                    open(&mut stack, &mut found, Family::Single, c);
                }
                // Otherwise a plural possessive (countries’) or a stray mark.
            }
            _ => {}
        }
    }
    // Unclosed quotes run to the end of the block.
    for open in stack {
        found[open.index].end = end;
        found[open.index].unclosed = true;
    }
    // Trim white space inside an unclosed quote's end.
    for q in &mut found {
        let inner = &text[q.start..q.end];
        q.end = q.start + inner.trim_end().len();
    }
    // Drop empty quotes ("“”"), renumbering what nests in what.
    let mut renumbered = vec![None; found.len()];
    let mut kept = 0;
    for (i, q) in found.iter().enumerate() {
        if q.start < q.end {
            renumbered[i] = Some(kept);
            kept += 1;
        }
    }
    let quotes = found
        .into_iter()
        .filter(|q| q.start < q.end)
        .map(|mut q| {
            q.nested_in = q.nested_in.and_then(|outer| renumbered[outer]);
            q
        })
        .collect();
    Marks { quotes, ignored }
}

/// Whether `chars` end in a full stop (or ? ! …) and white space.
fn after_full_stop(chars: &[(usize, char)]) -> bool {
    let spaces = chars
        .iter()
        .rev()
        .take_while(|(_, c)| c.is_whitespace())
        .count();
    spaces > 0
        && chars
            .iter()
            .rev()
            .nth(spaces)
            .is_some_and(|&(_, c)| ".?!…".contains(c))
}

/// A mark can open a quote: at the start, after white space or an opening bracket or
/// dash, and before a non-space character.
fn opens_here(before: Option<char>, after: Option<char>) -> bool {
    let starts = before.is_none_or(|b| b.is_whitespace() || "([{—–-:/".contains(b));
    starts && after.is_some_and(|a| !a.is_whitespace())
}

/// A mark can close a quote: after a non-space character, before white space,
/// punctuation or the end.
fn closes_here(before: Option<char>, after: Option<char>) -> bool {
    before.is_some_and(|b| !b.is_whitespace())
        && after
            .is_none_or(|a| a.is_whitespace() || a.is_ascii_punctuation() || "”’»—–…".contains(a))
}

#[cfg(test)]
mod tests {
    use super::quotes_in_block;

    /// The quoted texts of a one-block text, with an `…` suffix for unclosed ones.
    fn quotes(text: &str) -> Vec<String> {
        quotes_in_block(text, 0, text.len())
            .quotes
            .into_iter()
            .map(|q| {
                let t = &text[q.start..q.end];
                if q.unclosed {
                    format!("{t}…")
                } else {
                    t.to_string()
                }
            })
            .collect()
    }

    #[test]
    fn curly_double_quotes() {
        assert_eq!(quotes("He said “we will act,” and left."), ["we will act,"]);
    }

    #[test]
    fn straight_double_quotes() {
        assert_eq!(
            quotes("He said \"we will act\" and \"now\"."),
            ["we will act", "now"]
        );
    }

    #[test]
    fn curly_and_straight_single_quotes() {
        assert_eq!(
            quotes("Pakistan demands ‘concrete steps’ and 'verifiable action' now."),
            ["concrete steps", "verifiable action"]
        );
    }

    #[test]
    fn guillemets_and_german_quotes() {
        assert_eq!(quotes("Il a dit «non» puis „ja“ hier."), ["non", "ja"]);
    }

    #[test]
    fn mismatched_curly_open_and_guillemet_close() {
        let text = "“Pakistan has maintained its position that it will not engage. »";
        assert_eq!(
            quotes(text),
            ["Pakistan has maintained its position that it will not engage."]
        );
    }

    #[test]
    fn mismatched_curly_and_straight_marks() {
        assert_eq!(
            quotes("He said “we will act\" and \"then go” now."),
            ["we will act", "then go"]
        );
    }

    #[test]
    fn marks_glued_to_words() {
        assert_eq!(
            quotes("Islamabad Warns Kabul: Support For Terror Groups“Unacceptable”"),
            ["Unacceptable"]
        );
    }

    #[test]
    fn partial_quote_inside_a_sentence() {
        let text = "calling such activities “unacceptable”, security sources said.";
        assert_eq!(quotes(text), ["unacceptable"]);
    }

    #[test]
    fn apostrophes_never_open_quotes() {
        assert!(quotes(
            "The Taliban’s arguments and Pakistan’s position, the countries’ border, don't."
        )
        .is_empty());
        assert!(quotes("The Taliban's arguments and Pakistan's position.").is_empty());
    }

    #[test]
    fn quotes_inside_quotes() {
        let text = "“He said ‘yeah’ and I asked ‘what happened?’” she said.";
        let found = quotes_in_block(text, 0, text.len()).quotes;
        assert_eq!(
            quotes(text),
            [
                "He said ‘yeah’ and I asked ‘what happened?’",
                "yeah",
                "what happened?"
            ]
        );
        assert_eq!(found[1].nested_in, Some(0));
    }

    #[test]
    fn possessive_inside_a_single_quote() {
        assert_eq!(
            quotes("A ‘someone else’s agenda’ was cited."),
            ["someone else’s agenda"]
        );
    }

    #[test]
    fn unclosed_quote_ends_at_the_paragraph() {
        assert_eq!(
            quotes("“The counter-offensive destroyed several posts. "),
            ["The counter-offensive destroyed several posts.…"]
        );
    }

    #[test]
    fn empty_quotes_leave_nesting_consistent() {
        // Found by fuzzing: an empty outer quote was dropped while its inner quote kept
        // pointing at it.
        let text = "\u{1}\0\0\u{1}\0\0>“‘x’” “”‘a’";
        for q in quotes_in_block(text, 0, text.len()).quotes {
            assert!(q.nested_in.is_none_or(|outer| outer < 3));
        }
        let text = "“”‘a’ “‘‘b’’”";
        let found = quotes_in_block(text, 0, text.len()).quotes;
        for (i, q) in found.iter().enumerate() {
            assert!(q.nested_in.is_none_or(|outer| outer < i), "{found:?}");
        }
    }

    #[test]
    fn marks_past_the_nesting_cap_open_nothing() {
        // Stray marks that each open a quote: without the cap every one would run to the
        // end of the paragraph, and the quoted text would grow with the square of the marks.
        let text = "\"1 'a \"b 'c ".repeat(50);
        let marks = quotes_in_block(&text, 0, text.len());
        assert_eq!(marks.quotes.len(), super::MAX_OPEN);
        assert_eq!(marks.ignored, 200 - super::MAX_OPEN);
        // Real nesting, three deep, is untouched.
        let text = "“He said ‘she told me «no»’” today.";
        let marks = quotes_in_block(text, 0, text.len());
        assert_eq!((marks.quotes.len(), marks.ignored), (3, 0));
    }

    #[test]
    fn closing_mark_typed_for_an_opening_one() {
        assert_eq!(
            quotes("”Their aim is to deter others,” he said."),
            ["Their aim is to deter others,"]
        );
        // A stray closing mark after a word opens nothing.
        assert!(quotes("The ministry” said nothing.").is_empty());
    }

    #[test]
    fn paragraphs_of_one_speech_run_together() {
        // Each paragraph of the speech opens with a mark and only the last closes: the
        // copy lost the line breaks between them.
        let text = "\"We hit the bend way too fast. \"There was a girl on top of me. \"She was bleeding.\" He was taken to hospital.";
        assert_eq!(
            quotes(text),
            [
                "We hit the bend way too fast.…",
                "There was a girl on top of me.…",
                "She was bleeding."
            ]
        );
        let text = "“It seemed like for ever. “All I could think about was the next tram?”";
        assert_eq!(
            quotes(text),
            [
                "It seemed like for ever.…",
                "All I could think about was the next tram?"
            ]
        );
        // A quote inside a quote after a full stop, in the other family, still nests.
        let text = "“He said no. ‘What happened?’ I asked.”";
        assert_eq!(
            quotes(text),
            ["He said no. ‘What happened?’ I asked.", "What happened?"]
        );
    }

    #[test]
    fn quote_spanning_two_sentences() {
        let text = "“It appears so. It is not in the interest of stability,” he said.";
        assert_eq!(
            quotes(text),
            ["It appears so. It is not in the interest of stability,"]
        );
    }
}
