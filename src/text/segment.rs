//! Splitting a report into units: headings and sentences, as byte spans of the original text.
//!
//! Text pasted from news sites breaks the assumptions of standard sentence segmentation
//! (UAX #29 does not split "commitments.The Istanbul", and does split "2:30 p.m. on"), so
//! this is a small rule-based splitter over the original text:
//!
//! 1. Lines become blocks: a blank line ends a paragraph, and every line is a block of its
//!    own unless it is visibly a hard-wrapped continuation (the previous line has no closing
//!    punctuation and this one starts in lower case).
//! 2. Inside a block, a sentence ends after `.`, `!`, `?`, `…` (with any closing quotes and
//!    brackets after them) when what follows starts a new sentence: a space and then
//!    anything but a lower-case letter, unless the period closes a known abbreviation; or,
//!    glued with no space, a capitalised word ("commitments.The") or a Markdown heading
//!    ("stability.## Istanbul"). CJK full stops always end a sentence.
//! 3. A block that is one short segment without closing punctuation is a heading, as is
//!    any segment that starts with Markdown `#` marks (the marks stay outside the unit).
//!
//! 4. A sentence longer than [`MAX_UNIT_WORDS`] words (a run with no sentence mark, such
//!    as CJK text without full stops or a pasted table) is cut into pieces of at most that
//!    many, after the last clause mark in a piece's second half when there is one; the
//!    pieces are marked `cut` so that the result can say so.
//!
//! Cost: linear in the text. Every span is trimmed of white space and lies on char
//! boundaries; spans never overlap.

use super::lexicon;
pub use crate::budget::MAX_UNIT_WORDS;

/// What a segment is, before boilerplate detection looks at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    /// A headline, section heading, dateline or other line that is not a sentence.
    Heading,
    /// A sentence of running text.
    Sentence,
    /// A dateline or agency prefix split off the start of a lede ("LONDON —",
    /// "OFER PRISON, West Bank (Reuters) -", "(MENAFN- Khaama Press)").
    Dateline,
}

/// One unit of a report: a byte span of the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    pub kind: SegmentKind,
    /// Index of the block (line or wrapped paragraph) the segment comes from.
    pub block: usize,
    /// The segment ends where a sentence longer than [`MAX_UNIT_WORDS`] was cut, not at a
    /// sentence end.
    pub cut: bool,
}

/// Headings are short; a longer unpunctuated block is a sentence that lost its period.
const MAX_HEADING_WORDS: usize = 30;

/// Splits `text` into headings and sentences, in text order.
pub fn segment(text: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    for (block, (start, end)) in blocks(text).into_iter().enumerate() {
        let mut start = start;
        if let Some(len) = dateline_len(&text[start..end]) {
            let (s, e) = trim(text, start, start + len);
            segments.push(Segment {
                start: s,
                end: e,
                kind: SegmentKind::Dateline,
                block,
                cut: false,
            });
            start += len;
        }
        let spans = sentences(text, start, end);
        let lone = spans.len() == 1;
        let pieces = spans.into_iter().flat_map(|(s, e)| {
            let pieces = split_long(text, s, e);
            let last = pieces.len() - 1;
            pieces
                .into_iter()
                .enumerate()
                .map(move |(k, (s, e))| (s, e, k < last, last > 0))
        });
        for (s, e, cut, split) in pieces {
            // A piece of a cut sentence is never a heading.
            let (s, kind) = match strip_markdown_heading(&text[s..e]) {
                Some(skip) if !split => (s + skip, SegmentKind::Heading),
                None if lone && !split && looks_like_heading(&text[s..e]) => {
                    (s, SegmentKind::Heading)
                }
                _ => (s, SegmentKind::Sentence),
            };
            if s < e {
                segments.push(Segment {
                    start: s,
                    end: e,
                    kind,
                    block,
                    cut,
                });
            }
        }
    }
    segments
}

/// `[start, end)` cut into pieces of at most [`MAX_UNIT_WORDS`] words (a word: a run of
/// letters and digits, or one CJK character), each cut after the last clause mark in the
/// piece's second half, else before the word that would pass the cap. Usually one piece.
fn split_long(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut pieces = Vec::new();
    let mut from = start;
    let mut words = 0;
    // Byte offset after the last clause mark once the piece is half full.
    let mut clause_end = None;
    let mut in_word = false;
    for (at, c) in text[start..end].char_indices() {
        let at = start + at;
        let cjk = is_cjk(c);
        let starts_word = cjk || c.is_alphanumeric() && !in_word;
        in_word = c.is_alphanumeric() && !cjk;
        if starts_word {
            if words == MAX_UNIT_WORDS {
                let cut = clause_end.unwrap_or(at);
                pieces.push(trim(text, from, cut));
                from = cut;
                words = word_count(&text[cut..at]);
                clause_end = None;
            }
            words += 1;
        } else if words >= MAX_UNIT_WORDS / 2
            && matches!(c, ',' | ';' | ':' | '—' | '、' | '，' | '；')
        {
            clause_end = Some(at + c.len_utf8());
        }
    }
    pieces.push(trim(text, from, end));
    pieces.retain(|&(s, e)| s < e);
    if pieces.is_empty() {
        pieces.push((start, end));
    }
    pieces
}

/// The words of `s` as [`split_long`] counts them.
fn word_count(s: &str) -> usize {
    let mut in_word = false;
    s.chars()
        .filter(|&c| {
            let cjk = is_cjk(c);
            let starts = cjk || c.is_alphanumeric() && !in_word;
            in_word = c.is_alphanumeric() && !cjk;
            starts
        })
        .count()
}

/// Scripts written without spaces between words: each character counts as a word.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Length of a dateline or agency prefix at the start of `block`, with the dash and
/// spaces after it, when the block goes on with a capitalised sentence.
fn dateline_len(block: &str) -> Option<usize> {
    const DASHES: [&str; 3] = [" —", " –", " -"];
    let head_end = block.char_indices().nth(70).map_or(block.len(), |(i, _)| i);
    let head = &block[..head_end];
    let rest_starts_sentence = |at: usize| {
        let rest = block[at..].trim_start();
        rest.len() < block.len() - at
            && rest.starts_with(|c: char| c.is_uppercase() || c == '“' || c == '"')
    };
    // "(MENAFN- Khaama Press) Pakistan urged…" and "(Reuters) - Broadcom…"
    if head.starts_with('(') {
        let close = head.find(')')?;
        let inner = &head[1..close];
        let words = inner.split_whitespace().count();
        let credit = (1..=4).contains(&words)
            && inner
                .split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()) || w == "-");
        if !credit {
            return None;
        }
        let mut at = close + 1;
        let after = &block[at..];
        for dash in DASHES {
            if let Some(rest) = after.strip_prefix(dash) {
                at += dash.len();
                let _ = rest;
                break;
            }
        }
        return rest_starts_sentence(at)
            .then_some(at + (block[at..].len() - block[at..].trim_start().len()));
    }
    // "LONDON —", "OFER PRISON, West Bank (Reuters) -", "RAMALLAH, West Bank (AP) -"
    let (dash_at, dash) = DASHES
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, *d)))
        .min_by_key(|&(i, _)| i)?;
    let prefix = &head[..dash_at];
    let first = prefix.split([' ', ',']).next()?;
    let shouting = first.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && first
            .chars()
            .all(|c| c.is_uppercase() || !c.is_alphabetic());
    let short = prefix.split_whitespace().count() <= 8 && !prefix.ends_with(is_terminator);
    if !(shouting && short) {
        return None;
    }
    let at = dash_at + dash.len();
    rest_starts_sentence(at).then_some(at + (block[at..].len() - block[at..].trim_start().len()))
}

/// Line spans (without their line terminators) of `text`.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, ch)) = chars.next() {
        let ends_line = matches!(ch, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}')
            || matches!(ch, '\u{2028}' | '\u{2029}');
        if ends_line {
            out.push((start, at));
            start = at + ch.len_utf8();
            if ch == '\r' && chars.peek().map(|&(_, c)| c) == Some('\n') {
                chars.next();
                start += 1;
            }
        }
    }
    out.push((start, text.len()));
    out
}

/// Trims white space (and control characters such as NUL) from both ends of a span.
fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let inner = &text[start..end];
    let is_blank = |c: char| c.is_whitespace() || c.is_control() || c == '\u{FEFF}';
    let lead = inner.len() - inner.trim_start_matches(is_blank).len();
    let rest = inner.trim_matches(is_blank);
    (start + lead, start + lead + rest.len())
}

/// Blocks: non-blank lines, with hard-wrapped continuation lines joined to the line before.
fn blocks(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut joinable = false;
    for (start, end) in lines(text) {
        let (s, e) = trim(text, start, end);
        if s == e {
            joinable = false;
            continue;
        }
        let line = &text[s..e];
        let continues = joinable && line.chars().next().is_some_and(char::is_lowercase);
        match out.last_mut() {
            Some(last) if continues => last.1 = e,
            _ => out.push((s, e)),
        }
        joinable = !line.ends_with(|c: char| is_terminator(c) || c == ':' || is_closer(c));
    }
    out
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…') || is_cjk_terminator(c)
}

/// Full stops that end a sentence without a following space: CJK, and the Arabic-script
/// full stop and question mark of Urdu, Pashto and Dari.
fn is_cjk_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡' | '۔' | '؟')
}

/// Characters that may follow a sentence's final punctuation and still belong to it.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | '“' | ')' | ']' | '}' | '」' | '』' | '）'
    )
}

/// Sentence spans inside the block `[start, end)`.
fn sentences(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let block = &text[start..end];
    let chars: Vec<(usize, char)> = block.char_indices().collect();
    let mut out = Vec::new();
    let mut from = 0;
    let mut i = 0;
    while i < chars.len() {
        if !is_terminator(chars[i].1) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && (is_terminator(chars[j].1) || is_closer(chars[j].1)) {
            j += 1;
        }
        j = take_detached_closer(&chars, j);
        if j < chars.len() && ends_sentence(block, &chars, i, j) {
            let cut = chars[j].0;
            out.push(trim(text, start + from, start + cut));
            from = cut;
        }
        i = j;
    }
    out.push(trim(text, start + from, end));
    out.retain(|&(s, e)| s < e);
    out
}

/// Past a closing mark that copy separated from its sentence by spaces ("proxies. »"),
/// when only white space or the end of the block follows it; else `j` unchanged.
fn take_detached_closer(chars: &[(usize, char)], j: usize) -> usize {
    let mut k = j;
    while k < chars.len() && chars[k].1.is_whitespace() {
        k += 1;
    }
    let closing_only = |c: char| matches!(c, '»' | '”' | '›' | ')' | ']' | '」' | '』' | '）');
    let detached = k > j
        && k < chars.len()
        && closing_only(chars[k].1)
        && chars.get(k + 1).is_none_or(|&(_, c)| c.is_whitespace());
    if detached {
        k + 1
    } else {
        j
    }
}

/// Whether the punctuation run `chars[i..j]` ends a sentence; `chars[j]` exists.
fn ends_sentence(block: &str, chars: &[(usize, char)], i: usize, j: usize) -> bool {
    let mark = chars[i].1;
    if is_cjk_terminator(mark) {
        return true;
    }
    let next = chars[j].1;
    if next.is_whitespace() {
        let Some(&(_, first)) = chars[j..].iter().find(|(_, c)| !c.is_whitespace()) else {
            return true;
        };
        if first.is_lowercase() {
            return false;
        }
        // Only a lone period can close an abbreviation ("p.m.", "Mr."); "?!" cannot.
        if mark == '.' && j == i + 1 {
            let word = word_before(block, chars[i].0);
            return !abbreviation_holds(word, first);
        }
        return true;
    }
    // Glued: "commitments.The Istanbul" or "stability.## Istanbul", but never
    // "SindhNews.com", "U.S.", "2.5" or "Node.js".
    if next == '#' {
        return true;
    }
    let before = i.checked_sub(1).map(|k| chars[k].1);
    let after_next = chars.get(j + 1).map(|&(_, c)| c);
    let word = word_before(block, chars[i].0);
    before.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() && mark != '.')
        && word.chars().count() >= 2
        && !word.contains('.')
        && next.is_uppercase()
        && after_next.is_some_and(char::is_lowercase)
}

/// The run of letters and inner periods just before byte offset `at` ("p.m", "Mr", "U.S").
fn word_before(block: &str, at: usize) -> &str {
    let head = &block[..at];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(at, |(k, _)| k);
    &head[start..]
}

/// Whether the period after `word` is an abbreviation's, given the first character of what
/// follows the space (never lower case here).
fn abbreviation_holds(word: &str, next: char) -> bool {
    let lower = word.to_lowercase();
    if next.is_numeric() {
        return lexicon::is_month_abbreviation(&lower)
            || lexicon::NUMBER_ABBREVIATIONS.contains(&lower.as_str());
    }
    if lexicon::ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // Initials and dotted initialisms: "J. Smith", "U.S. President", "U.N. envoy".
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    let dotted = word.contains('.') && letters.iter().all(|c| c.is_uppercase());
    (letters.len() == 1 && letters[0].is_uppercase()) || dotted && letters.len() <= 4
}

/// Bytes to skip when a segment is a Markdown heading ("## Istanbul Impasse").
fn strip_markdown_heading(segment: &str) -> Option<usize> {
    let hashes = segment.len() - segment.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &segment[hashes..];
    let text = rest.trim_start();
    (text.len() < rest.len() && !text.is_empty()).then(|| segment.len() - text.len())
}

/// A lone segment that reads as a headline rather than a sentence.
fn looks_like_heading(segment: &str) -> bool {
    let closed = segment
        .trim_end_matches(is_closer)
        .ends_with(|c: char| is_terminator(c) || c == ',' || c == ';');
    !closed && segment.split_whitespace().count() <= MAX_HEADING_WORDS
}

#[cfg(test)]
mod tests {
    use super::{segment, SegmentKind, MAX_UNIT_WORDS};

    /// The units of `text` as (kind initial, text) pairs: `H` heading, `S` sentence.
    fn units(text: &str) -> Vec<(char, &str)> {
        segment(text)
            .into_iter()
            .map(|s| {
                let kind = match s.kind {
                    SegmentKind::Heading => 'H',
                    SegmentKind::Sentence => 'S',
                    SegmentKind::Dateline => 'D',
                };
                (kind, &text[s.start..s.end])
            })
            .collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        units(text).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn glued_sentence_after_period_is_split() {
        assert_eq!(
            sentences("their commitments.The Istanbul session, held at a local hotel, began."),
            [
                "their commitments.",
                "The Istanbul session, held at a local hotel, began."
            ]
        );
    }

    #[test]
    fn glued_markdown_heading_becomes_its_own_heading() {
        assert_eq!(
            units("The stalemate highlights the challenge to regional stability.## Istanbul Impasse: Talks Stall"),
            [
                ('S', "The stalemate highlights the challenge to regional stability."),
                ('H', "Istanbul Impasse: Talks Stall")
            ]
        );
    }

    #[test]
    fn time_abbreviation_does_not_end_a_sentence() {
        assert_eq!(
            sentences(
                "The session began at 2:30 p.m. on October 25 and continued. Talks resumed today."
            ),
            [
                "The session began at 2:30 p.m. on October 25 and continued.",
                "Talks resumed today."
            ]
        );
    }

    #[test]
    fn domain_names_stay_whole() {
        assert_eq!(
            sentences("Concerns were raised, as reported by SindhNews.com. The dialogue went on."),
            [
                "Concerns were raised, as reported by SindhNews.com.",
                "The dialogue went on."
            ]
        );
    }

    #[test]
    fn titles_and_initials_do_not_end_a_sentence() {
        assert_eq!(
            sentences("Mr. Asif met Gen. Munir and J. Smith in the U.S. Capitol. They talked."),
            [
                "Mr. Asif met Gen. Munir and J. Smith in the U.S. Capitol.",
                "They talked."
            ]
        );
    }

    #[test]
    fn month_abbreviation_before_a_number_does_not_end_a_sentence() {
        assert_eq!(
            sentences("Talks began on Oct. 25 in Istanbul. No. 10 said nothing."),
            [
                "Talks began on Oct. 25 in Istanbul.",
                "No. 10 said nothing."
            ]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(
            sentences("“It appears they follow someone else’s agenda.” “Pakistan will not engage,” he said."),
            ["“It appears they follow someone else’s agenda.”", "“Pakistan will not engage,” he said."]
        );
    }

    #[test]
    fn closing_guillemet_separated_by_a_space_stays_with_its_sentence() {
        assert_eq!(
            sentences("“Pakistan has kept its position that the Taliban must withdraw support. » The officials also stressed it."),
            [
                "“Pakistan has kept its position that the Taliban must withdraw support. »",
                "The officials also stressed it."
            ]
        );
    }

    #[test]
    fn question_inside_quote_followed_by_lower_case_continues() {
        assert_eq!(
            sentences("“Why now?” he asked. Nobody answered!"),
            ["“Why now?” he asked.", "Nobody answered!"]
        );
    }

    #[test]
    fn decimals_and_versions_do_not_split() {
        assert_eq!(
            sentences("Growth was 2.5 percent in 2024. It fell."),
            ["Growth was 2.5 percent in 2024.", "It fell."]
        );
    }

    #[test]
    fn headline_and_dateline_are_headings() {
        let text = "Tuesday, 02 January 2024 12:17 GMT\n\nIslamabad Warns Kabul: Support For Terror Groups“Unacceptable”\n\n\nPakistan urged the Taliban to act.";
        assert_eq!(
            units(text),
            [
                ('H', "Tuesday, 02 January 2024 12:17 GMT"),
                (
                    'H',
                    "Islamabad Warns Kabul: Support For Terror Groups“Unacceptable”"
                ),
                ('S', "Pakistan urged the Taliban to act.")
            ]
        );
    }

    #[test]
    fn datelines_and_agency_prefixes_are_split_off() {
        fn kinds(text: &str) -> Vec<(String, &str)> {
            segment(text)
                .into_iter()
                .map(|s| (format!("{:?}", s.kind), &text[s.start..s.end]))
                .collect()
        }
        for (text, dateline, lede) in [
            (
                "LONDON — At least seven people were killed.",
                "LONDON —",
                "At least seven people were killed.",
            ),
            (
                "RAMALLAH, West Bank (AP) - An Israeli court indicted a girl.",
                "RAMALLAH, West Bank (AP) -",
                "An Israeli court indicted a girl.",
            ),
            (
                "OFER PRISON, West Bank, Jan 1 (Reuters) - Israel indicted a girl.",
                "OFER PRISON, West Bank, Jan 1 (Reuters) -",
                "Israel indicted a girl.",
            ),
            (
                "(Reuters) - Broadcom made an offer.",
                "(Reuters) -",
                "Broadcom made an offer.",
            ),
            (
                "(MENAFN- Khaama Press) Pakistan urged the Taliban to act.",
                "(MENAFN- Khaama Press)",
                "Pakistan urged the Taliban to act.",
            ),
        ] {
            assert_eq!(
                kinds(text),
                [
                    ("Dateline".to_string(), dateline),
                    ("Sentence".to_string(), lede)
                ],
                "{text}"
            );
        }
        // Not datelines: a shouted word inside a sentence, a parenthesis that is prose.
        assert_eq!(kinds("NATO - the alliance - met today.").len(), 1);
        assert_eq!(kinds("(This is an aside) and more text follows.").len(), 1);
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        assert_eq!(
            units("Headline one\r\n\r\nA sentence.\rAnother line"),
            [
                ('H', "Headline one"),
                ('S', "A sentence."),
                ('H', "Another line")
            ]
        );
    }

    #[test]
    fn hard_wrapped_paragraph_is_joined() {
        assert_eq!(
            sentences("The delegation presented evidence of\nmilitant groups on Afghan soil. It\nwas rejected."),
            [
                "The delegation presented evidence of\nmilitant groups on Afghan soil.",
                "It\nwas rejected."
            ]
        );
    }

    #[test]
    fn cjk_full_stops_split_without_spaces() {
        assert_eq!(
            sentences("会谈在伊斯坦布尔举行。双方未达成协议。"),
            ["会谈在伊斯坦布尔举行。", "双方未达成协议。"]
        );
    }

    #[test]
    fn urdu_full_stop_and_arabic_question_mark_end_sentences() {
        assert_eq!(
            sentences("پاکستان نے طالبان سے کہا۔ کیا مذاکرات ناکام ہو گئے؟ ہاں"),
            [
                "پاکستان نے طالبان سے کہا۔",
                "کیا مذاکرات ناکام ہو گئے؟",
                "ہاں"
            ]
        );
    }

    #[test]
    fn long_unpunctuated_line_is_a_sentence_not_a_heading() {
        let line = "word ".repeat(40);
        assert_eq!(units(&line), [('S', line.trim())]);
    }

    #[test]
    fn sentences_past_the_word_cap_are_cut_into_pieces() {
        // 300 words with no sentence mark: three pieces, the first two marked cut.
        let text = "word ".repeat(300);
        let segments = segment(&text);
        assert_eq!(segments.len(), 3);
        assert!(segments[0].cut && segments[1].cut && !segments[2].cut);
        for s in &segments {
            assert!(text[s.start..s.end].split_whitespace().count() <= MAX_UNIT_WORDS);
        }
        // A clause mark in the second half is where the piece ends.
        let text = format!("{}, {}", "one ".repeat(100).trim_end(), "two ".repeat(100));
        let first = &segment(&text)[0];
        assert!(text[first.start..first.end].ends_with("one,"));
        // CJK without full stops: each character is a word, and no piece is a heading.
        let text = "中".repeat(250);
        let segments = segment(&text);
        assert_eq!(segments.len(), 3);
        assert!(segments.iter().all(|s| s.kind == SegmentKind::Sentence));
        assert_eq!(
            text[segments[0].start..segments[0].end].chars().count(),
            MAX_UNIT_WORDS
        );
        // A real long sentence is left whole.
        let text = "The minister, who arrived late, said the talks had failed. ".repeat(3);
        assert!(segment(&text).iter().all(|s| !s.cut));
    }

    #[test]
    fn empty_and_blank_texts_have_no_units() {
        assert!(units("").is_empty());
        assert!(units(" \n\t\r\n \u{FEFF}\0 ").is_empty());
    }

    #[test]
    fn spans_are_ordered_disjoint_and_trimmed() {
        let text = "  A.  B!  “C?”  d. E… \n\n ## F \n G";
        let segs = segment(text);
        for pair in segs.windows(2) {
            assert!(pair[0].end <= pair[1].start);
        }
        for s in &segs {
            let t = &text[s.start..s.end];
            assert_eq!(t, t.trim(), "untrimmed {t:?}");
        }
    }
}
