//! Where quotes are detected: every direct quote of one report with its unit and speaker.
//!
//! [`find`] takes the spans between quotation marks ([`super::marks`]) and their
//! attribution as written ([`super::speaker`]), resolves pronouns to the nearest fitting
//! speaker named before, lets a quote that continues the previous one keep its speaker,
//! and gives a headline's quote to the headline's subject.

use super::marks::{self, Quote};
use super::speaker::{self, Attribution};
use crate::text::segment::SegmentKind;
use crate::text::Prepared;

/// How much an unclosed quote's confidence is lowered: where it ends is a guess.
const UNCLOSED: f32 = 0.8;

/// A quote of one report, with its unit and speaker.
#[derive(Debug, Clone)]
pub struct Found {
    /// Byte span of the quoted words (inside the marks).
    pub start: usize,
    pub end: usize,
    /// The segment the quote starts in.
    pub segment: usize,
    pub unclosed: bool,
    pub nested: bool,
    pub in_heading: bool,
    /// The attribution as printed ("he", "a security source").
    pub as_written: Option<String>,
    /// The speaker after resolving pronouns and continuations.
    pub speaker: Option<String>,
    /// How sure the span and its speaker are, from 0 to 1: the attribution's graded
    /// confidence (lower for a pronoun or a continuation), less for an unclosed quote.
    pub confidence: f32,
}

/// The quotes of one report, in text order, outside boilerplate.
pub fn find(prep: &Prepared<'_>) -> Vec<Found> {
    let text = prep.text;
    let segments = &prep.segments;
    let mut quotes: Vec<Quote> = Vec::new();
    let mut block = 0;
    let mut first = 0;
    for i in 0..=segments.len() {
        if i == segments.len() || segments[i].block != block {
            if i > first {
                let (s, e) = (segments[first].start, segments[i - 1].end);
                let base = quotes.len();
                quotes.extend(marks::quotes_in_block(text, s, e).into_iter().map(|mut q| {
                    q.nested_in = q.nested_in.map(|n| n + base);
                    q
                }));
            }
            if i < segments.len() {
                block = segments[i].block;
                first = i;
            }
        }
    }
    let segment_of = |at: usize| segments.iter().position(|s| s.start <= at && at <= s.end);
    let mut found: Vec<Found> = Vec::new();
    let mut speakers: Vec<(usize, String)> = Vec::new(); // (segment, named speaker) seen so far
    for (index, quote) in quotes.iter().enumerate() {
        let Some(segment) = segment_of(quote.start) else {
            continue;
        };
        if prep.boilerplate[segment].is_some() {
            continue;
        }
        let last = segment_of(quote.end).unwrap_or(segment);
        let in_heading = segments[segment].kind == SegmentKind::Heading;
        let (left_from, right_to) = match quote.nested_in {
            Some(outer) => (quotes[outer].start, quotes[outer].end),
            None => (segments[segment].start, segments[last].end),
        };
        let open_mark = text[..quote.start]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        let close_mark = if quote.unclosed {
            0
        } else {
            text[quote.end..].chars().next().map_or(0, char::len_utf8)
        };
        let left = masked(
            text,
            left_from,
            quote.start.saturating_sub(open_mark).max(left_from),
            &quotes,
            index,
        );
        let right = masked(
            text,
            (quote.end + close_mark).min(right_to),
            right_to,
            &quotes,
            index,
        );
        let attribution = speaker::attribute(&left, &right, in_heading);
        let (as_written, mut speaker, mut confidence) = match attribution {
            Some(Attribution {
                as_written,
                confidence,
                ..
            }) => (Some(as_written.clone()), Some(as_written), confidence),
            None => (None, None, 0.0),
        };
        if let Some(written) = &as_written {
            if speaker::is_pronoun(written) {
                let context = format!("{left} {right}");
                let unit_names = |s: usize| -> Vec<String> {
                    if s == segment {
                        return speaker::names_in(&context);
                    }
                    let seg = &segments[s];
                    speaker::names_in(&masked(text, seg.start, seg.end, &quotes, usize::MAX))
                };
                speaker = resolve_pronoun(written, prep, segment, &speakers, &unit_names);
                confidence = if speaker.is_some() {
                    confidence * 0.8
                } else {
                    0.0
                };
            }
        } else if quote.nested_in.is_none()
            && opens_unit(text, segments[segment].start, quote.start)
        {
            // A quote with no attribution that opens its unit continues the speech before
            // it: the previous quote's, when that one is in this paragraph or the one
            // before ("“Pakistan has maintained…" after "“…,” a security source said"), or
            // the reported speech of the sentence before ("Gavin Barwell said his friend
            // was on the tram." then "“He's been injured…”").
            let block = segments[segment].block;
            let near = |s: usize| segments[s].block + 1 >= block;
            let previous = found
                .iter()
                .rev()
                .find(|f| !f.nested)
                .filter(|f| near(f.segment));
            if let Some(previous) = previous.filter(|f| f.speaker.is_some()) {
                speaker.clone_from(&previous.speaker);
                confidence = previous.confidence * 0.7;
            } else if previous.is_none() {
                let reporter = (segment.saturating_sub(2)..segment)
                    .rev()
                    .filter(|&s| near(s) && prep.boilerplate[s].is_none())
                    .find_map(|s| {
                        let seg = &segments[s];
                        speaker::attribute(
                            &masked(text, seg.start, seg.end, &quotes, usize::MAX),
                            "",
                            false,
                        )
                    })
                    .filter(|a| !speaker::is_pronoun(&a.as_written));
                if let Some(reporter) = reporter {
                    speaker = Some(reporter.as_written);
                    confidence = 0.6;
                }
            }
        }
        if let Some(name) = &speaker {
            speakers.push((segment, name.clone()));
        }
        // With no speaker only the span is claimed, and a closed span is certain.
        let confidence = match (speaker.is_some(), quote.unclosed) {
            (true, true) => confidence * UNCLOSED,
            (true, false) => confidence,
            (false, true) => UNCLOSED,
            (false, false) => 1.0,
        };
        found.push(Found {
            start: quote.start,
            end: quote.end,
            segment,
            unclosed: quote.unclosed,
            nested: quote.nested_in.is_some(),
            in_heading,
            as_written,
            speaker,
            confidence,
        });
    }
    found
}

/// Whether only the opening mark (and white space) precedes the quote in its unit.
fn opens_unit(text: &str, unit_start: usize, quote_start: usize) -> bool {
    text[unit_start..quote_start]
        .chars()
        .filter(|c| !c.is_whitespace())
        .count()
        <= 1
}

/// `text[from..to]` with every other top-level quote's words replaced by `Q`, so that
/// words inside quotes are never taken for an attribution.
fn masked(text: &str, from: usize, to: usize, quotes: &[Quote], this: usize) -> String {
    let mut out = String::new();
    let mut at = from;
    for (i, q) in quotes.iter().enumerate() {
        if i == this || q.nested_in.is_some() || q.end <= from || q.start >= to {
            continue;
        }
        let (s, e) = (q.start.max(from), q.end.min(to));
        if s > at {
            out.push_str(&text[at..s]);
        }
        out.push('Q');
        at = at.max(e);
    }
    if at < to {
        out.push_str(&text[at..to]);
    }
    out
}

/// The nearest fitting speaker for a pronoun: for "he" or "she", the last person named
/// before it (as a speaker, or in the text of this or earlier units); for "they", the
/// last group that spoke.
fn resolve_pronoun(
    pronoun: &str,
    prep: &Prepared<'_>,
    segment: usize,
    speakers: &[(usize, String)],
    unit_names: &dyn Fn(usize) -> Vec<String>,
) -> Option<String> {
    let lower = pronoun.to_lowercase();
    if lower == "they" || lower == "we" {
        return speakers
            .iter()
            .rev()
            .map(|(_, s)| s)
            .find(|s| speaker::is_plural(s))
            .cloned();
    }
    // Names in this unit before the quote and in up to three units before it.
    for s in (segment.saturating_sub(3)..=segment).rev() {
        if prep.boilerplate[s].is_some() {
            continue;
        }
        if let Some(name) = unit_names(s).into_iter().next() {
            return Some(name);
        }
    }
    speakers
        .iter()
        .rev()
        .map(|(_, s)| s)
        .find(|s| !speaker::is_plural(s) && s.split_whitespace().count() >= 2)
        .cloned()
}
