//! Where quotes are detected: every direct quote of one report with its unit and speaker.
//!
//! [`find`] takes the spans between quotation marks ([`super::marks`]) and their
//! attribution as written ([`super::speaker`]), then settles who spoke:
//!
//! - a pronoun or description resolves to the nearest fitting speaker named before: in
//!   each unit walking back, who spoke there, who is reported speaking, the people named
//!   there and its subject ("he" a person, "it" an institution, "they" a group, a role or
//!   an institution; a heading or a place is no antecedent);
//! - "I" or "we" inside a quote is the speaker of the quote around it, and "he" there
//!   someone the report does not name;
//! - a quote with no attribution that opens its unit, or follows a quote with nothing
//!   between, continues the speech before it: the reported speech of a sentence since the
//!   previous quote, else the previous quote's speaker (a caption between two paragraphs
//!   does not part them); a sentence that goes on with a pronoun for subject ("It would
//!   also pay a “…”") keeps the speaker of the sentence before;
//! - a headline's quote goes to the headline's subject.
//!
//! Cost: for each quote, its attribution plus at most five units read back to resolve it.

use std::cell::OnceCell;

use super::marks::{self, Quote};
use super::speaker::{self, Anaphor, Attribution};
use crate::budget::MAX_QUOTES_PER_REPORT;
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

/// The quotes of one report, and what the work budget left out of it.
#[derive(Debug, Default)]
pub struct Detected {
    pub found: Vec<Found>,
    /// Opening marks past the nesting cap ([`marks::MAX_OPEN`]).
    pub ignored_marks: usize,
    /// Quotes past [`MAX_QUOTES_PER_REPORT`], neither attributed nor clustered.
    pub past_cap: usize,
}

/// The quotes of one report, in text order, outside boilerplate: the first
/// [`MAX_QUOTES_PER_REPORT`] of them.
pub fn find(prep: &Prepared<'_>) -> Detected {
    let text = prep.text;
    let segments = &prep.segments;
    let mut quotes: Vec<Quote> = Vec::new();
    let mut ignored_marks = 0;
    let mut block = 0;
    let mut first = 0;
    for i in 0..=segments.len() {
        if i == segments.len() || segments[i].block != block {
            if i > first {
                let (s, e) = (segments[first].start, segments[i - 1].end);
                let base = quotes.len();
                let marks = marks::quotes_in_block(text, s, e);
                ignored_marks += marks.ignored;
                quotes.extend(marks.quotes.into_iter().map(|mut q| {
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
    // Outer quotes come before what nests in them, so a prefix is whole.
    let past_cap = quotes.len().saturating_sub(MAX_QUOTES_PER_REPORT);
    quotes.truncate(MAX_QUOTES_PER_REPORT);
    // The segment holding byte `at`: segments are ordered and disjoint.
    let segment_of = |at: usize| {
        let k = segments.partition_point(|s| s.end < at);
        (k < segments.len() && segments[k].start <= at).then_some(k)
    };
    let unit_text = |s: usize| {
        masked(
            text,
            segments[s].start,
            segments[s].end,
            &quotes,
            usize::MAX,
        )
    };
    let discourse = Discourse::new(prep);
    let paragraphs_apart = |a: usize, b: usize| discourse.paragraphs_apart(a, b);
    let mut found: Vec<Found> = Vec::new();
    let mut last_segments: Vec<usize> = Vec::new(); // per found quote, the segment it ends in
    let mut speakers: Vec<(usize, String)> = Vec::new(); // (segment, named speaker) seen so far
    let mut speaker_of_quote: Vec<Option<String>> = vec![None; quotes.len()];
    for (index, quote) in quotes.iter().enumerate() {
        let Some(segment) = segment_of(quote.start) else {
            continue;
        };
        if prep.boilerplate[segment].is_some() {
            continue;
        }
        let last = segment_of(quote.end).unwrap_or(segment);
        let in_heading = segments[segment].kind == SegmentKind::Heading;
        // A quote's context is its sentence(s); a nested quote's stays inside the quote
        // around it.
        let (left_from, right_to) = match quote.nested_in {
            Some(outer) => (
                quotes[outer].start.max(segments[segment].start),
                quotes[outer].end.min(segments[last].end),
            ),
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
        let resolver = Resolver {
            discourse: &discourse,
            speakers: &speakers,
            unit_text: &unit_text,
        };
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
            if let Some(anaphor) = speaker::anaphor(written) {
                let first_person =
                    anaphor == Anaphor::FirstPerson || written.eq_ignore_ascii_case("we");
                speaker = match quote.nested_in {
                    // "I said to him, ‘What happened?’" inside a quote: its speaker.
                    Some(outer) if first_person => speaker_of_quote[outer].clone(),
                    // Someone the speaker talks about, whom the report does not name.
                    Some(_) => None,
                    None if anaphor == Anaphor::FirstPerson => None,
                    // A description with nothing to refer back to still names a
                    // speaker: "the company said".
                    None => resolver
                        .resolve(anaphor, segment, &left)
                        .or_else(|| Some(written.clone()).filter(|w| w.contains(' '))),
                };
                confidence = if speaker.is_some() {
                    confidence * 0.8
                } else {
                    0.0
                };
            }
        } else if let Some(outer) = quote
            .nested_in
            .filter(|_| opens_unit(text, segments[segment].start, quote.start))
        {
            // A sentence that opens with a mark inside a quote and names no speaker is
            // more of the same speech (a new paragraph's mark read as nesting).
            speaker.clone_from(&speaker_of_quote[outer]);
            confidence = 0.5;
        } else if quote.nested_in.is_none()
            && (opens_unit(text, segments[segment].start, quote.start)
                || follows_quote(text, found.iter().rev().find(|f| !f.nested), quote.start))
        {
            // A quote with no attribution that opens its unit continues the speech before
            // it: the reported speech of a sentence since the previous quote ("Gavin
            // Barwell said his friend was on the tram." then "“He's been injured…”"), else
            // the previous quote's, when that one is in this paragraph or the one before
            // ("“Pakistan has maintained…" after "“…,” a security source said").
            let previous = found
                .iter()
                .zip(&last_segments)
                .rev()
                .find(|(f, _)| !f.nested);
            let since = previous.map_or(0, |(_, &l)| l + 1);
            let reporter = (segment.saturating_sub(2).max(since)..segment)
                .rev()
                .filter(|&s| paragraphs_apart(s, segment) <= 1 && prep.boilerplate[s].is_none())
                .find_map(|s| speaker::attribute(&unit_text(s), "", false).map(|a| (s, a)));
            let reporter =
                reporter.and_then(
                    |(s, reporter)| match speaker::anaphor(&reporter.as_written) {
                        Some(Anaphor::FirstPerson) => None,
                        Some(anaphor) => resolver.resolve(anaphor, s, ""),
                        None => Some(reporter.as_written),
                    },
                );
            if let Some(reporter) = reporter {
                speaker = Some(reporter);
                confidence = 0.6;
            } else if let Some((previous, _)) = previous
                .filter(|(f, _)| paragraphs_apart(f.segment, segment) <= 1 && f.speaker.is_some())
            {
                speaker.clone_from(&previous.speaker);
                confidence = previous.confidence * 0.7;
            }
        } else if quote.nested_in.is_none()
            && segment > 0
            && speaker::document_reads(&text[segments[segment].start..quote.start])
        {
            // "He posted a text message to his partner. It read: “…”": the author of the
            // document, what the sentence before is about, else the person named last.
            let before = unit_text(segment - 1);
            let author = match speaker::subject_of(&before) {
                Some(subject) => match speaker::anaphor(&subject) {
                    Some(Anaphor::FirstPerson) => None,
                    Some(anaphor) => resolver.resolve(anaphor, segment - 1, ""),
                    None => Some(subject),
                },
                None => resolver.resolve(Anaphor::Person(None), segment, ""),
            };
            if author.is_some() {
                speaker = author;
                confidence = 0.4;
            }
        } else if quote.nested_in.is_none() && !in_heading && segment > 0 {
            // A sentence that goes on with the speech of the one before, its speaker for
            // subject: "Broadcom said it would pay a “ticking fee”. It would also pay a
            // “reverse termination fee”".
            let subject = speaker::subject_of(&text[segments[segment].start..quote.start]);
            let anaphor = subject.as_deref().and_then(speaker::anaphor);
            let spoke_before = || {
                segments[segment - 1].block == segments[segment].block
                    && (speakers.iter().any(|(s, _)| *s == segment - 1)
                        || speaker::attribute(&unit_text(segment - 1), "", false).is_some())
            };
            if let Some(anaphor) = anaphor.filter(|a| *a != Anaphor::FirstPerson && spoke_before())
            {
                speaker = resolver.resolve(anaphor, segment, "");
                confidence = 0.5;
            }
        }
        if let Some(name) = &speaker {
            speakers.push((segment, name.clone()));
        }
        speaker_of_quote[index].clone_from(&speaker);
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
        last_segments.push(last);
    }
    Detected {
        found,
        ignored_marks,
        past_cap,
    }
}

/// What a report's discourse looks like to a pronoun looking back: its paragraphs and the
/// people it names.
pub(super) struct Discourse<'r, 'p> {
    prep: &'r Prepared<'p>,
    /// Blocks that hold more than headings: a caption between two paragraphs of one
    /// speech does not part them.
    prose_blocks: Vec<usize>,
    /// Last words of the full names in the report: they make "Bamford said" a person.
    /// Read once, and only when a one-word speaker needs them.
    surnames: OnceCell<Vec<String>>,
}

impl<'r, 'p> Discourse<'r, 'p> {
    pub(super) fn new(prep: &'r Prepared<'p>) -> Self {
        let mut prose_blocks: Vec<usize> = prep
            .segments
            .iter()
            .filter(|s| s.kind != SegmentKind::Heading)
            .map(|s| s.block)
            .collect();
        prose_blocks.dedup();
        Discourse {
            prep,
            prose_blocks,
            surnames: OnceCell::new(),
        }
    }

    /// How many paragraphs apart segments `a` and `b` are (0 in one paragraph).
    fn paragraphs_apart(&self, a: usize, b: usize) -> usize {
        let segments = &self.prep.segments;
        let (a, b) = (
            segments[a].block.min(segments[b].block),
            segments[a].block.max(segments[b].block),
        );
        if a == b {
            return 0;
        }
        self.prose_blocks
            .iter()
            .filter(|&&k| a < k && k < b)
            .count()
            + 1
    }

    fn surnames(&self) -> &[String] {
        self.surnames.get_or_init(|| {
            let (text, segments) = (self.prep.text, &self.prep.segments);
            (0..segments.len())
                .filter(|&s| self.prep.boilerplate[s].is_none())
                .flat_map(|s| speaker::people_in(&text[segments[s].start..segments[s].end]))
                .filter_map(|name| name.split_whitespace().last().map(str::to_lowercase))
                .collect()
        })
    }
}

/// The speaker a pronoun or description (`anaphor`) standing for the subject of reported
/// speech in `segment` refers back to, `left` being the unit's text before it: as for a
/// quote, given the speakers of the report's quotes up to there (`found` in text order).
pub(super) fn resolve_reported(
    discourse: &Discourse<'_, '_>,
    found: &[Found],
    anaphor: Anaphor,
    segment: usize,
    left: &str,
    unit_text: &dyn Fn(usize) -> String,
) -> Option<String> {
    let speakers: Vec<(usize, String)> = found
        .iter()
        .take_while(|f| f.segment <= segment)
        .filter(|f| !f.nested)
        .filter_map(|f| f.speaker.clone().map(|name| (f.segment, name)))
        .collect();
    Resolver {
        discourse,
        speakers: &speakers,
        unit_text,
    }
    .resolve(anaphor, segment, left)
}

/// What a pronoun or description is resolved against: the report and what was said so far.
struct Resolver<'r, 'p> {
    discourse: &'r Discourse<'r, 'p>,
    /// (segment, speaker) of every quote so far.
    speakers: &'r [(usize, String)],
    unit_text: &'r dyn Fn(usize) -> String,
}

impl Resolver<'_, '_> {
    /// The nearest fitting speaker named before a pronoun or description in `segment`
    /// (whose text before it is `left`): walking back over this unit and the four before
    /// it, no further than two paragraphs back and past headings, in each unit first who
    /// spoke there, then who is reported speaking, then, for a person, the people named
    /// there, then (in an earlier unit) its subject; else the last fitting speaker of the
    /// report, except for "it", which stays near. "He" is a person, "it" an institution,
    /// "they" a group, an institution or a role.
    fn resolve(&self, anaphor: Anaphor, segment: usize, left: &str) -> Option<String> {
        let fits = |name: &str| {
            let one_word = !name.contains(' ');
            let surnames: &[String] = if one_word {
                self.discourse.surnames()
            } else {
                &[]
            };
            !speaker::is_pronoun(name) && speaker::fits(anaphor, speaker::kind(name, surnames))
        };
        for s in (segment.saturating_sub(4)..=segment).rev() {
            // Boilerplate and headings (a section title, a caption) are not the story's
            // discourse.
            let prep = self.discourse.prep;
            let heading = s != segment && prep.segments[s].kind == SegmentKind::Heading;
            if prep.boilerplate[s].is_some() || heading {
                continue;
            }
            if self.discourse.paragraphs_apart(s, segment) > 2 {
                break;
            }
            if let Some((_, name)) = self
                .speakers
                .iter()
                .rev()
                .find(|(at, name)| *at == s && fits(name))
            {
                return Some(name.clone());
            }
            let unit = if s == segment {
                left.to_string()
            } else {
                (self.unit_text)(s)
            };
            if s != segment {
                if let Some(reporter) = speaker::attribute(&unit, "", false) {
                    if fits(&reporter.as_written) {
                        return Some(reporter.as_written);
                    }
                }
            }
            if matches!(anaphor, Anaphor::Person(_)) {
                if let Some(name) = speaker::people_in(&unit).into_iter().find(|n| fits(n)) {
                    return Some(name);
                }
            }
            // The subject of the pronoun's own clause is not what it refers back to:
            // "Islamabad, they said, was demanding".
            if s == segment {
                continue;
            }
            if let Some(subject) = speaker::subject_of(&unit).filter(|n| fits(n)) {
                return Some(subject);
            }
        }
        // "It" stays near: an institution far back is more often a document or a thing.
        if anaphor == Anaphor::Institution {
            return None;
        }
        self.speakers
            .iter()
            .rev()
            .map(|(_, s)| s)
            .find(|s| {
                fits(s)
                    && (!matches!(anaphor, Anaphor::Person(_)) || s.split_whitespace().count() >= 2)
            })
            .cloned()
    }
}

/// Whether only the opening mark (and white space) precedes the quote in its unit.
fn opens_unit(text: &str, unit_start: usize, quote_start: usize) -> bool {
    text[unit_start..quote_start]
        .chars()
        .filter(|c| !c.is_whitespace())
        .count()
        <= 1
}

/// Whether the quote at `start` follows `previous` with nothing but marks and spaces
/// between: "… a way out. “All I could think …" goes on with the same speech.
fn follows_quote(text: &str, previous: Option<&Found>, start: usize) -> bool {
    previous.is_some_and(|p| {
        p.end <= start
            && text[p.end..start]
                .chars()
                .all(|c| c.is_whitespace() || !c.is_alphanumeric())
    })
}

/// `text[from..to]` with every other top-level quote's words replaced by `Q`, so that
/// words inside quotes are never taken for an attribution.
fn masked(text: &str, from: usize, to: usize, quotes: &[Quote], this: usize) -> String {
    let mut out = String::new();
    let mut at = from;
    // A nested quote reads the words of the quote around it.
    let outer = quotes.get(this).and_then(|q| q.nested_in);
    for (i, q) in quotes.iter().enumerate() {
        if i == this || Some(i) == outer || q.nested_in.is_some() || q.end <= from || q.start >= to
        {
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

#[cfg(test)]
mod tests {
    use super::find;
    use crate::text::tokenize::Tokenizer;
    use crate::text::Prepared;

    /// The resolved speaker of the quote that starts with `opening`.
    fn speaker_of(text: &str, opening: &str) -> Option<String> {
        let prep = Prepared::new(text, &Tokenizer::default());
        let found = find(&prep).found;
        let quote = found
            .iter()
            .find(|f| text[f.start..].starts_with(opening))
            .unwrap_or_else(|| panic!("no quote “{opening}” in {text}"));
        quote.speaker.clone()
    }

    /// Class 3: pronouns and descriptions resolve to the nearest fitting speaker named
    /// before; continuations keep their speaker. Invented reports, one per row.
    #[test]
    fn pronouns_descriptions_and_continuations() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            // Who spoke in a unit comes before who is only mentioned there.
            (
                "Tom Reed, who was on his way to work, was “shaken”, Ms Cole said.\n“Even my coat was soaked,” she said.",
                "Even my coat",
                Some("Ms Cole"),
            ),
            // A place is no antecedent for "she".
            (
                "Dana Kerr, 30, said the ferry tilted.\nSpeaking outside Ridgeway General Hospital, she said there was “panic” on board.",
                "panic",
                Some("Dana Kerr"),
            ),
            // Nor is a name inside an apposition's adjunct.
            (
                "Transport expert Rob Wells, who stands in the Elm Park election, said ferries were safe.\n“This kind of accident is rare,” he said.",
                "This kind",
                Some("Transport expert Rob Wells"),
            ),
            // The nearest person, not the first one named.
            (
                "“We are devastated,” said Mayor Ann Cole. Police chief Tom Reed said officers were at the scene.\n“We will find out what happened,” he said.",
                "We will find",
                Some("Police chief Tom Reed"),
            ),
            // A document reads its author's words: the person the sentences before name.
            (
                "Another man, James Tofield, said he too was on the tram.\nOn Wednesday evening, he posted an image of a text message to his partner. It read: “The driver went round the bend so fast.”",
                "The driver went",
                Some("James Tofield"),
            ),
            (
                "The ministry issued a statement on Monday. It read: “We reject the claims.”",
                "We reject",
                Some("The ministry"),
            ),
            // "It" is an institution.
            (
                "Orbis said its offer stood.\nIt also said it would pay a “ticking fee” to shareholders.",
                "ticking fee",
                Some("Orbis"),
            ),
            (
                "Orbis said its offer stood.\nThe Oslo-based firm said it would pay a “significant” fee.",
                "significant",
                Some("Orbis"),
            ),
            // A sentence that goes on with the speech before, a pronoun for subject.
            (
                "Orbis said it would pay a “ticking fee”. It would also pay a “break fee” if regulators object.",
                "break fee",
                Some("Orbis"),
            ),
            // "They" for a spokesman.
            (
                "A coastguard spokesman said they had been called at 6am.\n“There are four boats at the scene,” they added.",
                "There are four",
                Some("A coastguard spokesman"),
            ),
            // A continuation goes to the reported speech since the previous quote.
            (
                "“We stayed calm,” Dana Kerr said.\nNavy veteran Rob Wells, 57, was also on board. He said the ferry did not slow down. “Usually you feel the engines stop.”",
                "Usually",
                Some("Rob Wells"),
            ),
            // A quote that follows a quote with nothing between goes on with it.
            (
                "Ann Cole said: “It seemed like for ever. “All I could think about was the children.”",
                "All I could",
                Some("Ann Cole"),
            ),
            // "I" inside a quote is its speaker; "he" there is someone unnamed.
            (
                "Dana Kerr said: “I asked him, ‘Are you hurt?’ He said no.”",
                "Are you hurt",
                Some("Dana Kerr"),
            ),
            (
                "Dana Kerr said: “The captain came over. He said ‘stay seated’ and left.”",
                "stay seated",
                None,
            ),
            // "It read:" is a document's words, its author's: the text message Tom Reed
            // sent (this stayed unknown before, "it" finding no institution near).
            (
                "Tom Reed sent his partner a text message that morning. It read: “The ferry turned far too fast.”",
                "The ferry",
                Some("Tom Reed"),
            ),
        ];
        for &(text, opening, expected) in cases {
            assert_eq!(speaker_of(text, opening).as_deref(), expected, "{text}");
        }
    }

    /// Class 2 end to end: what the speaker string holds is the speaker's words only.
    #[test]
    fn speaker_strings_carry_no_surrounding_words() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "Asked what he had seen, he added: “There was smoke everywhere.”",
                "There was smoke",
                None,
            ),
            (
                "However, the operator, which is owned by a bank, told reporters the faults were “minor”.",
                "minor",
                Some("the operator"),
            ),
            (
                "Jane Doe, chief engineer at the Rail Safety Board (RSB), confirmed there had been delays and called them “regrettable”.",
                "regrettable",
                Some("Jane Doe"),
            ),
        ];
        for &(text, opening, expected) in cases {
            assert_eq!(speaker_of(text, opening).as_deref(), expected, "{text}");
        }
    }
}
