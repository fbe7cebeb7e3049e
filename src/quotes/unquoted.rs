//! Renderings of an utterance without quotation marks: reported speech that carries a
//! quote's words or restates it, in any report, the quoting one included ("…a budget he
//! had called reckless", three paragraphs after the quote).
//!
//! A unit renders a quote when three kinds of evidence agree:
//! - **wording**: it carries most of the quote's content words by IDF weight (at least
//!   two), all of a short quote's, or a rare phrase of it, its two words in order even
//!   with a word put between them ("fair deal", "a fair and lasting deal"); when the
//!   alignment puts the two units in one fact, two shared content words are enough;
//! - **speech**: the words stand in reported speech: a reporting verb with its subject
//!   ("the mayor said the plan was…", "…, officials said", "according to…"), the words
//!   after the reporting verb or before an inverted attribution; a sentence of narrative
//!   that happens to use the quote's words is not a rendering, nor is the narrative
//!   clause of a sentence that goes on to report something else;
//! - **speaker**: the subject names the utterance's speaker, or is a pronoun standing for
//!   it; a different speaker says something else, and so does a sentence that quotes
//!   someone else.
//!
//! The wording is looked for from the quotes' own words and from the reporter's words
//! around them: the reported clause a fragment is quoted in ("Qualcomm said | its board
//! would review the proposal | “to determine …”") is the reporter's rendering of the same
//! statement, and another report's speech that echoes it, naming the same speaker,
//! renders it too, at a lower confidence.
//!
//! A statement the quote's sentence reports beside it, set apart by "and" or "but"
//! ("Kevin Snow said | he noticed it did not seem to slow down at the bend | and “the
//! next thing I knew …”"), is the speaker's account in the reporter's words: a rendering
//! of the utterance itself, and a wording its echoes are looked for from.
//!
//! Narrative with no one saying it renders a quote only with a run of its words in its
//! order that carries most of it ("eight fire engines and four rescue units are at the
//! scene").
//!
//! A word of a unit is evidence for one utterance at most (the best supported), so that
//! renderings cannot chain utterances together; a sentence that sums up two statements
//! renders both, and a report may render one utterance several times. The clause framing
//! a unit's own quote is that quote's: it is no second rendering of it, and when the
//! quote's words claim it, no evidence for another.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::detect::{self, Discourse, Found};
use super::speaker::Anaphor;
use super::{speaker, Rendering};
use crate::align::Alignment;
use crate::model::Wording;
use crate::text::lexicon::{CLAUSE_BREAKS, PHRASE_BREAKS};
use crate::text::names::same_speaker;
use crate::text::segment::SegmentKind;
use crate::text::tokenize::Word;
use crate::text::{whole_words, Prepared};

/// Share of a quote's content words, by IDF weight, a rendering must carry (at least two
/// of them, or all of a quote of one or two).
const MIN_CONTAINMENT: f32 = 0.5;
/// Share from which a rendering keeps the quote's wording rather than paraphrasing it
/// (as one that keeps a phrase of it does).
const CLOSE_CONTAINMENT: f32 = 0.75;
/// How much less a rendering echoing a quote's frame weighs than one carrying the
/// quote's own words: the frame is the reporter's wording, and a unit's words go to the
/// utterance whose quote they carry.
const FRAME_WEIGHT: f32 = 0.8;
/// Least content words of a quote's frame for renderings to be looked for from it: two
/// ("the tram was travelling") would find any sentence of the speaker's on the subject.
const MIN_FRAME_WORDS: usize = 3;
/// How much less a statement reported beside a quote in its sentence weighs than the
/// quote's attribution: the words are the reporter's, and the statement may be a second
/// one.
const STATEMENT_WEIGHT: f32 = 0.6;
/// Least confidence for a rendering to be kept.
const MIN_CONFIDENCE: f32 = 0.3;
/// Most words a phrase's two words may stand apart in the rendering.
const PHRASE_GAP: usize = 3;
/// Least run of a quote's content words, in its order, that makes narrative with no
/// reporting verb a rendering.
const MIN_NARRATIVE_RUN: usize = 4;
/// Confidence of such a rendering: nothing names who said it.
const NARRATIVE_CONFIDENCE: f32 = 0.4;
/// The most reports that may tell a narrative rendering's words in their own voice.
const COMMON_GROUND: usize = 2;

/// Where renderings are looked for: each news unit's content words outside quotes, and
/// an index from stem to the units that have it.
pub(super) struct Unquoted<'a> {
    prepared: &'a [Prepared<'a>],
    found: &'a [Vec<Found>],
    /// Per report, per segment: indices of content words outside quotes.
    content: Vec<Vec<Vec<usize>>>,
    postings: HashMap<&'a str, Vec<(usize, usize)>>,
    /// Per report, per segment: its reported speech's subject, found when first needed.
    speech: Vec<Vec<OnceCell<Option<Speech>>>>,
    /// Per report, what a pronoun standing for a speaker looks back over.
    discourse: Vec<Discourse<'a, 'a>>,
    alignment: &'a Alignment,
}

/// Who a unit's reported speech is attributed to.
#[derive(Clone)]
struct Speech {
    /// As printed ("he", "the 23-year-old", "Survivors of the accident").
    written: String,
    /// Who that is: the name itself, or what a pronoun or description refers back to in
    /// the report (none when it refers back to no one).
    identity: Option<String>,
    /// A group that an utterance's speaker may be one of ("survivors", "some
    /// passengers"): it neither confirms nor rules out a speaker.
    vague: bool,
}

/// What a rendering is looked for from: a quote's own words, or the reported clause
/// that frames it.
#[derive(Clone, Copy, PartialEq)]
enum Source {
    Quote,
    Frame,
}

/// The reported clause a quote stands in (see [`Unquoted::reported`]), as indices of its
/// unit's words.
struct Reported {
    /// The words after the attribution's reporting verb, up to the quote.
    clause: Vec<usize>,
    /// Where in `clause` a second reporting verb stands, the last before the quote ("said
    /// the tram sped up and | added |: “…”").
    second_verb: Option<usize>,
    /// Where in `clause` the quote's own clause begins: past the last reporting verb and
    /// past the last joiner or clause break after it.
    own: usize,
}

/// A rendering found for utterance `cluster`.
pub(super) struct Candidate<'a> {
    pub cluster: usize,
    pub rendering: Rendering<'a>,
    /// The unit's words (indices) that carry the quote's, names left out: the evidence
    /// no other utterance may claim.
    pub evidence: Vec<usize>,
    /// The words are the frame of the unit's own quote of the utterance ("the RAIB said
    /// the tram was negotiating a “sharp, left-hand curve” which has a speed limit of
    /// 12 mph"): they claim their evidence for it but are not a second rendering.
    pub frame: bool,
}

/// The most distinct wordings of one utterance its renderings without quotation marks are
/// looked for from: each costs a pass over every unit sharing a word with it, and an
/// utterance quoted in more wordings than this is well enough covered by them.
const MAX_SOURCES: usize = 16;

/// The most units one wording is compared with (those sharing the most words with it):
/// a rendering shares several of the quote's words, and a long set has thousands of
/// units sharing one or two common ones.
const MAX_UNITS_PER_SOURCE: usize = 64;

use crate::align::MAX_POSTINGS;

impl<'a> Unquoted<'a> {
    pub(super) fn new(
        prepared: &'a [Prepared<'a>],
        found: &'a [Vec<Found>],
        alignment: &'a Alignment,
    ) -> Self {
        let mut content = Vec::new();
        let mut postings: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
        for (r, prep) in prepared.iter().enumerate() {
            let mut per_segment = Vec::new();
            for (s, words) in prep.words.iter().enumerate() {
                if prep.boilerplate[s].is_some() {
                    per_segment.push(Vec::new());
                    continue;
                }
                let seg = &prep.segments[s];
                let quotes: Vec<&Found> = found[r]
                    .iter()
                    .filter(|q| q.start < seg.end && q.end > seg.start)
                    .collect();
                let inside = |w: &Word| quotes.iter().any(|q| q.start <= w.start && w.end <= q.end);
                let indices: Vec<usize> = (0..words.len())
                    .filter(|&i| !words[i].stop && !inside(&words[i]))
                    .collect();
                let distinct: BTreeSet<&str> =
                    indices.iter().map(|&i| words[i].stem.as_str()).collect();
                for stem in distinct {
                    postings.entry(stem).or_default().push((r, s));
                }
                per_segment.push(indices);
            }
            content.push(per_segment);
        }
        let speech = content
            .iter()
            .map(|units| units.iter().map(|_| OnceCell::new()).collect())
            .collect();
        Unquoted {
            prepared,
            found,
            speech,
            discourse: prepared.iter().map(Discourse::new).collect(),
            content,
            postings,
            alignment,
        }
    }

    fn weight(&self, stem: &str) -> f32 {
        self.alignment.corpus.vocabulary.weight(stem)
    }

    fn is_rare(&self, stem: &str) -> bool {
        self.weight(stem) >= self.alignment.corpus.vocabulary.rare_from()
    }

    /// Whether the alignment puts the two units in one fact.
    fn same_fact(&self, (r, s): (usize, usize), (q, t): (usize, usize)) -> bool {
        let corpus = &self.alignment.corpus;
        match (corpus.unit_at(r, s), corpus.unit_at(q, t)) {
            (Some(a), Some(b)) => self.alignment.same_group(a, b),
            _ => false,
        }
    }

    /// The renderings without quotation marks of utterance `cluster`, whose quoted
    /// renderings are `quoted` and whose speaker is `speaker`: at most one per unit from
    /// the wordings, and the statements reported beside its quotes.
    pub(super) fn find(
        &self,
        cluster: usize,
        quoted: &[Rendering<'a>],
        speaker: Option<&str>,
    ) -> Vec<Candidate<'a>> {
        let mut best: HashMap<(usize, usize), Candidate<'a>> = HashMap::new();
        // A unit that quotes the utterance frames its own quote ("the RAIB said the tram
        // was travelling at a “significantly higher speed …”"): it renders it once,
        // quoted, and the frame's words are the utterance's, for no other to claim.
        let quoting: Vec<(usize, usize)> = quoted.iter().map(|q| (q.report, q.segment)).collect();
        // Each wording once (wire copy quotes one utterance in the same words fifty
        // times), and at most MAX_SOURCES of them.
        let mut wordings: BTreeSet<Vec<&str>> = BTreeSet::new();
        // The quotes' words, then the words their frames put them in: at most
        // MAX_SOURCES distinct wordings of each.
        let mut sources: Vec<(&Rendering<'a>, Vec<&str>, Source)> = Vec::new();
        for kind in [Source::Quote, Source::Frame] {
            let mut distinct = 0;
            for source in quoted {
                if distinct == MAX_SOURCES {
                    break;
                }
                // The reporter's words around a quote: its own clause, and a statement
                // reported beside it.
                let (one, other) = match kind {
                    Source::Quote => (
                        Some(
                            source
                                .words
                                .iter()
                                .filter(|w| !w.stop)
                                .map(|w| w.stem.as_str())
                                .collect(),
                        ),
                        None,
                    ),
                    Source::Frame => {
                        let words = &self.prepared[source.report].words[source.segment];
                        let statement = self
                            .statement(cluster, source)
                            .map(|c| c.evidence.iter().map(|&i| words[i].stem.as_str()).collect());
                        (self.frame(source), statement)
                    }
                };
                for stems in [one, other].into_iter().flatten() {
                    if distinct < MAX_SOURCES && wordings.insert(stems.clone()) {
                        sources.push((source, stems, kind));
                        distinct += 1;
                    }
                }
            }
        }
        for (source, stems, kind) in sources {
            let distinct: BTreeSet<&str> = stems.iter().copied().collect();
            let total: f32 = distinct.iter().map(|s| self.weight(s)).sum();
            if total <= 0.0 {
                continue;
            }
            // Per unit sharing a stem: how many it shares, and whether one is rare. Units
            // that cannot meet any test of [`Self::wording`] are not looked at.
            let mut shared: BTreeMap<(usize, usize), (usize, bool)> = BTreeMap::new();
            // A word in more units than MAX_POSTINGS finds no rendering on its own; the
            // units are found through the quote's other words.
            for stem in &distinct {
                let rare = self.is_rare(stem);
                let units = self.postings.get(stem).filter(|u| u.len() <= MAX_POSTINGS);
                for &unit in units.into_iter().flatten() {
                    let entry = shared.entry(unit).or_default();
                    entry.0 += 1;
                    entry.1 |= rare;
                }
            }
            let possible =
                |&(count, rare): &(usize, bool)| count >= 2 || rare || distinct.len() == 1;
            let mut units: Vec<((usize, usize), (usize, bool))> = shared
                .into_iter()
                .filter(|(_, counts)| possible(counts))
                .collect();
            // The units sharing most with the quote, at most MAX_UNITS_PER_SOURCE of them:
            // on a long set, common words would have every quote read every unit.
            if units.len() > MAX_UNITS_PER_SOURCE {
                units.select_nth_unstable_by(MAX_UNITS_PER_SOURCE - 1, |x, y| {
                    (y.1 .0, y.1 .1).cmp(&(x.1 .0, x.1 .1)).then(x.0.cmp(&y.0))
                });
                units.truncate(MAX_UNITS_PER_SOURCE);
                units.sort_unstable();
            }
            for (unit, _) in units {
                // A frame's words in another unit quoting the utterance are that unit's
                // own frame, which its quote's words claim, if anything does.
                let own = quoting.contains(&unit);
                if own && kind == Source::Frame {
                    continue;
                }
                let Some((mut candidate, evidence)) =
                    self.render(source, kind, &stems, &distinct, total, unit, speaker)
                else {
                    continue;
                };
                if kind == Source::Frame {
                    candidate.confidence *= FRAME_WEIGHT;
                    candidate.membership = candidate.confidence;
                }
                let better = best
                    .get(&unit)
                    .is_none_or(|b| candidate.confidence > b.rendering.confidence);
                if better {
                    best.insert(
                        unit,
                        Candidate {
                            cluster,
                            rendering: candidate,
                            evidence,
                            frame: own,
                        },
                    );
                }
            }
        }
        let mut out: Vec<Candidate<'a>> = best.into_values().collect();
        // The statement each quote's sentence reports beside it, each once.
        let mut statements: Vec<(usize, usize)> = Vec::new();
        for q in quoted {
            if let Some(statement) = self.statement(cluster, q) {
                let at = (statement.rendering.report, statement.rendering.start);
                if !statements.contains(&at) {
                    statements.push(at);
                    out.push(statement);
                }
            }
        }
        out.sort_by_key(|c| (c.rendering.report, c.rendering.start));
        out
    }

    /// The content stems of quote `q`'s own clause, from after the last reporting verb
    /// (and any joiner or clause break after it) to the quote ("Qualcomm said | its board
    /// would review the proposal | “to determine the course of action …”"): the reporter's
    /// rendering of the same utterance, which other reports may echo. None when the
    /// attribution does not come first, or the clause has fewer than [`MIN_FRAME_WORDS`]
    /// content words.
    fn frame(&self, q: &Rendering<'a>) -> Option<Vec<&'a str>> {
        let report = self.reported(q)?;
        let words = &self.prepared[q.report].words[q.segment];
        let stems: Vec<&str> = report.clause[report.own..]
            .iter()
            .map(|&i| &words[i])
            .filter(|w| !w.stop && !w.capital)
            .map(|w| w.stem.as_str())
            .collect();
        (stems.len() >= MIN_FRAME_WORDS).then_some(stems)
    }

    /// The statement reported before quote `q` in its own sentence, set apart from it by
    /// "and" or "but" ("Kevin Snow said | he noticed it did not seem to slow down at the
    /// bend | and “the next thing I knew …”"; "… | and added: “…”"): the speaker's account
    /// in the reporter's words, rendering the utterance the quote is part of. None when
    /// nothing sets it apart, or it has fewer than [`MIN_FRAME_WORDS`] content words.
    fn statement(&self, cluster: usize, q: &Rendering<'a>) -> Option<Candidate<'a>> {
        let report = self.reported(q)?;
        let clause = &report.clause;
        let words = &self.prepared[q.report].words[q.segment];
        let text = self.prepared[q.report].text;
        let joins = |k: usize| ["and", "but"].contains(&words[clause[k]].norm.as_str());
        // "And" or "but" right before the quote, or before the second verb that introduces
        // it ("and told reporters: “…”"). Anything else joins the quote to the clause it
        // completes: a colon after the attribution's own verb introduces the quote ("said
        // in a statement: “…”"), and "said the driver fell asleep, alongside “a number of
        // factors”" is one statement.
        let split = match report.second_verb {
            Some(verb) => verb.checked_sub(1)?,
            None => clause.len().checked_sub(1)?,
        };
        if !joins(split) {
            return None;
        }
        let mut body = &clause[..split];
        // From after the attribution's verb and its "that".
        if let Some((&that, rest)) = body.split_first() {
            if words[that].norm == "that" {
                body = rest;
            }
        }
        let (&first, &last) = (body.first()?, body.last()?);
        // A list before "and" is the quote's ("said the deal would bring new jobs, better
        // schools and “a fair and lasting peace”").
        if text[words[first].start..words[last].end].contains(CLAUSE_BREAKS) {
            return None;
        }
        let evidence: Vec<usize> = body
            .iter()
            .copied()
            .filter(|&i| !words[i].stop && !words[i].capital)
            .collect();
        if evidence.len() < MIN_FRAME_WORDS {
            return None;
        }
        let confidence = q.confidence * STATEMENT_WEIGHT;
        if confidence < MIN_CONFIDENCE {
            return None;
        }
        let mut rendering = unquoted(
            q.report,
            q.segment,
            &words[first..=last],
            confidence,
            Wording::Paraphrase,
        );
        rendering.speaker = q.speaker.clone();
        rendering.as_written = q.as_written.clone();
        Some(Candidate {
            cluster,
            rendering,
            evidence,
            frame: false,
        })
    }

    /// The reported clause quote `q` stands in: the words of its unit (indices) after
    /// its attribution's reporting verb, with no other quote between, and where the
    /// quote's own clause begins among them. None when the attribution does not come
    /// first.
    fn reported(&self, q: &Rendering<'a>) -> Option<Reported> {
        let prep = &self.prepared[q.report];
        let unit = &prep.segments[q.segment];
        let written = q.as_written.as_deref()?;
        let before = prep.text.get(unit.start..q.start)?;
        let after_name = unit.start + whole_words(before, written).next()? + written.len();
        let words = &prep.words[q.segment];
        // The clause opens after the last reporting verb before the quote (past an
        // apposition: "Mike Brown, commissioner of Transport for London, said"), with no
        // other quote in it.
        let from = self.found[q.report]
            .iter()
            .filter(|f| f.end <= q.start && f.end > after_name)
            .map(|f| f.end)
            .max()
            .unwrap_or(after_name);
        let within: Vec<usize> = (0..words.len())
            .filter(|&i| words[i].start >= from && words[i].end <= q.start)
            .collect();
        let reporting = |k: usize| speaker::is_reporting_verb(&words[within[k]].norm);
        // The attribution's verb, not one in a relative clause before it ("Ms Patel, who
        // has often said she takes the tram, said: “…”").
        let relative = |k: usize| {
            (0..k)
                .rev()
                .take_while(|&j| {
                    !prep.text[words[within[j]].end..words[within[j + 1]].start]
                        .contains(CLAUSE_BREAKS)
                })
                .any(|j| ["who", "which"].contains(&words[within[j]].norm.as_str()))
        };
        let first = (0..within.len()).find(|&k| reporting(k) && !relative(k))?;
        let last = (first..within.len()).rev().find(|&k| reporting(k))?;
        let clause = within[first + 1..].to_vec();
        // Only the quote's own clause: one that a joiner or a clause break sets apart is
        // a statement of its own ("Bamford said the train sped up before the bend and
        // “everyone just went flying”").
        let own = (last - first..clause.len())
            .rev()
            .find(|&k| {
                let next = clause.get(k + 1).map_or(q.start, |&j| words[j].start);
                JOINERS.contains(&words[clause[k]].norm.as_str())
                    || prep.text[words[clause[k]].end..next].contains(CLAUSE_BREAKS)
            })
            .map_or(last - first, |k| k + 1);
        let second_verb = (last > first).then(|| last - first - 1);
        Some(Reported {
            clause,
            second_verb,
            own,
        })
    }

    /// How much of the quote the words `matched` (of `words`) carry, if enough:
    /// (the wording's strength, the share of the quote's weight, whether they keep a
    /// phrase of it).
    fn wording(
        &self,
        stems: &[&str],
        distinct: &BTreeSet<&str>,
        total: f32,
        words: &[Word],
        matched: &[usize],
        same_fact: bool,
    ) -> Option<(f32, f32, bool)> {
        let shared: BTreeSet<&str> = matched.iter().map(|&i| words[i].stem.as_str()).collect();
        // Names alone ("British Transport Police") say who, not what was said.
        if matched.iter().all(|&i| words[i].capital) {
            return None;
        }
        let ratio = shared.iter().map(|s| self.weight(s)).sum::<f32>() / total;
        // A phrase of the quote: two content words in order, at most one word apart in
        // the quote and a few in the rendering, at least one of them rare.
        let pairs = (0..stems.len())
            .flat_map(|i| (i + 1..stems.len().min(i + 3)).map(move |j| (stems[i], stems[j])));
        let phrase = pairs.into_iter().any(|(x, y)| {
            (self.is_rare(x) || self.is_rare(y))
                && matched.iter().any(|&i| {
                    words[i].stem == x
                        && matched
                            .iter()
                            .any(|&j| j > i && j - i <= PHRASE_GAP && words[j].stem == y)
                })
        });
        let strength = if shared.len() >= 2 && ratio >= MIN_CONTAINMENT
            || distinct.len() <= 2 && shared.len() == distinct.len()
        {
            ratio
        } else if phrase {
            ratio.max(0.5)
        } else if same_fact && shared.len() >= 2 {
            ratio.max(0.4)
        } else {
            return None;
        };
        Some((strength, ratio, phrase))
    }

    /// Who unit `(r, s)`'s reported speech is attributed to, if it is reported speech.
    fn speech(&self, r: usize, s: usize) -> Option<&Speech> {
        self.speech[r][s]
            .get_or_init(|| {
                let prep = &self.prepared[r];
                let unit = &prep.segments[s];
                let masked = mask(prep.text, unit.start, unit.end, &self.found[r]);
                let written = speaker::attribute(&masked, "", false)?.as_written;
                let identity = match speaker::anaphor(&written) {
                    Some(Anaphor::FirstPerson) => None,
                    Some(anaphor) => {
                        let left = whole_words(&masked, &written)
                            .next()
                            .map_or("", |at| &masked[..at]);
                        let unit_text = |t: usize| {
                            let seg = &prep.segments[t];
                            mask(prep.text, seg.start, seg.end, &self.found[r])
                        };
                        detect::resolve_reported(
                            &self.discourse[r],
                            &self.found[r],
                            anaphor,
                            s,
                            left,
                            &unit_text,
                        )
                    }
                    None => Some(written.clone()),
                };
                let vague = speaker::anaphor(&written).is_none()
                    && speaker::kind(&written, &[]) == speaker::Kind::Group
                    && written
                        .split_whitespace()
                        .skip(1)
                        .all(|w| !is_capitalised(w));
                Some(Speech {
                    written,
                    identity,
                    vague,
                })
            })
            .as_ref()
    }

    /// Whether unit `(r, s)` renders the quote `source` (content stems `stems` in order,
    /// `distinct`, weighing `total`), and how.
    #[allow(clippy::too_many_arguments)]
    fn render(
        &self,
        source: &Rendering<'a>,
        source_kind: Source,
        stems: &[&str],
        distinct: &BTreeSet<&str>,
        total: f32,
        (r, s): (usize, usize),
        speaker_of_cluster: Option<&str>,
    ) -> Option<(Rendering<'a>, Vec<usize>)> {
        let prep = &self.prepared[r];
        let words = &prep.words[s];
        let unit = &prep.segments[s];
        let same_fact =
            source.report != r && self.same_fact((source.report, source.segment), (r, s));
        let evidence =
            |matched: &[usize]| self.wording(stems, distinct, total, words, matched, same_fact);
        let all: Vec<usize> = self.content[r][s]
            .iter()
            .copied()
            .filter(|&i| distinct.contains(words[i].stem.as_str()))
            .collect();
        // The wording first (cheap), then the speech around it.
        evidence(&all)?;
        let Some(speech) = self.speech(r, s) else {
            // A frame's words in narrative are the story, not the speaker's.
            if source_kind == Source::Frame {
                return None;
            }
            return self.narrative(stems, total, (r, s), same_fact || source.report == r, &all);
        };
        // The speaker: the same as the utterance's, a pronoun or description standing for
        // it, or a group it may be one of; a different one says something else.
        let (resolved, fit) = match (speaker_of_cluster, &speech.identity) {
            (Some(name), Some(who)) if same_speaker(who, name) => {
                let fit = if who == &speech.written { 1.0 } else { 0.9 };
                (Some(who.clone()), fit)
            }
            // A unit quoting someone else speaks for them ("Investigators said the tram was
            // travelling at a “significantly higher speed”, and are probing whether the
            // driver fell asleep" is not a passenger's account of the driver asleep).
            (Some(name), _) if self.quotes_another(r, s, name) => return None,
            (Some(_), _) if speech.vague => (Some(speech.written.clone()), 0.6),
            (Some(_), Some(_)) => return None,
            (Some(name), None) => (Some(name.to_string()), 0.6),
            (None, who) => (who.clone(), 0.6),
        };
        // A frame is the reporter's words: its echo must name the same speaker.
        if source_kind == Source::Frame && fit < 0.9 {
            return None;
        }
        let written = &speech.written;
        // The words of the speaker's own name are not the quote's words.
        let named = whole_words(&prep.text[unit.start..unit.end], written)
            .next()
            .map(|at| unit.start + at..unit.start + at + written.len());
        let matched: Vec<usize> = all
            .into_iter()
            .filter(|&i| named.as_ref().is_none_or(|n| !n.contains(&words[i].start)))
            .collect();
        let (strength, ratio, phrase) = evidence(&matched)?;
        if !attributed(prep.text, unit.start..unit.end, words, written, &matched) {
            return None;
        }
        let (first, last) = (matched[0], matched[matched.len() - 1]);
        let confidence = strength.min(1.0) * fit * if same_fact { 1.0 } else { 0.9 };
        // An echo of the frame shares the reporter's words, not the speaker's.
        let kind = if source_kind == Source::Quote && (ratio >= CLOSE_CONTAINMENT || phrase) {
            Wording::Close
        } else {
            Wording::Paraphrase
        };
        let first = span_start(prep.text, words, first, written);
        // Not into a quote that follows ("the train sped up and ‘everyone …’").
        let next_quote = self.found[r]
            .iter()
            .filter(|q| q.start >= words[last].end)
            .map(|q| q.start)
            .min()
            .unwrap_or(usize::MAX);
        let last = span_end(prep.text, words, last, next_quote);
        if confidence < MIN_CONFIDENCE {
            return None;
        }
        let claimed = matched.into_iter().filter(|&i| !words[i].capital).collect();
        let mut rendering = unquoted(r, s, &words[first..=last], confidence, kind);
        rendering.speaker = resolved;
        rendering.as_written = Some(written.clone());
        Some((rendering, claimed))
    }

    /// A unit that is not reported speech renders the quote when it carries a run of its
    /// words in the quote's order ("eight fire engines and four rescue units are at the
    /// scene" after “There are eight fire engines and four fire and rescue crews”), most
    /// of the quote by weight (`total` is the quote's), and either the alignment puts it
    /// in the quote's fact or it is in the quoting report (`related`): narrative that
    /// repeats what a speaker said, who is not named again. A few words of a long
    /// statement told in the reporter's voice ("two people remain trapped" beside a
    /// spokesman's account of the rescue) are the story, not the statement.
    fn narrative(
        &self,
        stems: &[&str],
        total: f32,
        (r, s): (usize, usize),
        related: bool,
        candidates: &[usize],
    ) -> Option<(Rendering<'a>, Vec<usize>)> {
        let prep = &self.prepared[r];
        if prep.segments[s].kind == SegmentKind::Heading {
            return None;
        }
        let words = &prep.words[s];
        let mut run = ordered_run(stems, words, candidates);
        // Close together: the run's words are most of the content words they span. A
        // match far off one end ("eight fire engines, five fire rescue units … and 22
        // ambulance crews") is dropped rather than the run.
        let content = &self.content[r][s];
        let at = |i: usize| content.partition_point(|&c| c < i);
        while run.len() >= MIN_NARRATIVE_RUN
            && at(run[run.len() - 1]) - at(run[0]) + 1 > 2 * run.len()
        {
            let n = run.len();
            if at(run[n - 1]) - at(run[n - 2]) >= at(run[1]) - at(run[0]) {
                run.pop();
            } else {
                run.remove(0);
            }
        }
        let spanned = match (run.first(), run.last()) {
            (Some(&first), Some(&last)) => at(last) - at(first) + 1,
            _ => 0,
        };
        let rare = run
            .iter()
            .filter(|&&i| !words[i].capital && self.is_rare(&words[i].stem))
            .count();
        let strong = run.len() > MIN_NARRATIVE_RUN || rare >= 2;
        let carried: BTreeSet<&str> = run.iter().map(|&i| words[i].stem.as_str()).collect();
        let share = carried.iter().map(|s| self.weight(s)).sum::<f32>() / total;
        if run.len() < MIN_NARRATIVE_RUN
            || share < MIN_CONTAINMENT
            || rare == 0
            || spanned > 2 * run.len()
            || !(related || strong)
            || self.common_ground(words, &run) > COMMON_GROUND
        {
            return None;
        }
        let (first, last) = (run[0], run[run.len() - 1]);
        let confidence = NARRATIVE_CONFIDENCE;
        let rendering = unquoted(r, s, &words[first..=last], confidence, Wording::Close);
        let claimed = run.into_iter().filter(|&i| !words[i].capital).collect();
        Some((rendering, claimed))
    }
}

impl Unquoted<'_> {
    /// Whether unit `(r, s)` quotes someone, and none of those it quotes is `speaker`.
    fn quotes_another(&self, r: usize, s: usize, speaker: &str) -> bool {
        let unit = &self.prepared[r].segments[s];
        let mut speakers = self.found[r]
            .iter()
            .filter(|q| q.start < unit.end && q.end > unit.start)
            .filter_map(|q| q.speaker.as_deref())
            .peekable();
        speakers.peek().is_some() && speakers.all(|who| !same_speaker(who, speaker))
    }

    /// How many reports tell, outside quotes, in one unit, the words `run` of `words`:
    /// words most reports use in their own voice are the story's common ground ("at least
    /// seven people were killed"), not one speaker's.
    fn common_ground(&self, words: &[Word], run: &[usize]) -> usize {
        let mut lists: Vec<&Vec<(usize, usize)>> = Vec::new();
        for &i in run {
            match self.postings.get(words[i].stem.as_str()) {
                Some(list) => lists.push(list),
                None => return 0,
            }
        }
        lists.sort_by_key(|l| l.len());
        let reports: BTreeSet<usize> = lists[0]
            .iter()
            .filter(|unit| lists[1..].iter().all(|l| l.binary_search(unit).is_ok()))
            .map(|&(r, _)| r)
            .collect();
        reports.len()
    }
}

/// A rendering without quotation marks by the words `span` of unit `(r, s)`, its speaker
/// not yet known.
fn unquoted<'a>(
    r: usize,
    s: usize,
    span: &'a [Word],
    confidence: f32,
    wording: Wording,
) -> Rendering<'a> {
    Rendering {
        report: r,
        segment: s,
        start: span[0].start,
        end: span[span.len() - 1].end,
        quoted: false,
        found: None,
        speaker: None,
        as_written: None,
        confidence,
        membership: confidence,
        wording: Some(wording),
        words: span.iter().collect(),
    }
}

/// The longest run of `words` (among `candidates`, in order) whose stems are a
/// subsequence of `stems`: the quote's words as the unit keeps them, in the quote's order.
fn ordered_run(stems: &[&str], words: &[Word], candidates: &[usize]) -> Vec<usize> {
    let (n, m) = (stems.len(), candidates.len());
    // lcs[i][j]: the longest common subsequence of stems[i..] and candidates[j..].
    let mut lcs = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if stems[i] == words[candidates[j]].stem {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if stems[i] == words[candidates[j]].stem {
            out.push(candidates[j]);
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Where a rendering whose first matching word is `words[first]` starts: at its clause's
/// first word, or after the attribution when the clause holds it ("Mr Smith recalled |
/// it speeding up").
fn span_start(text: &str, words: &[Word], first: usize, speaker: &str) -> usize {
    let clause = (0..first)
        .rev()
        .find(|&i| text[words[i].end..words[i + 1].start].contains(CLAUSE_BREAKS))
        .map_or(0, |i| i + 1);
    let last_speaker_word = speaker
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    let after_speaker = (clause..first)
        .rev()
        .find(|&i| words[i].norm == last_speaker_word);
    let verb = (clause..first)
        .rev()
        .find(|&i| speaker::is_reporting_verb(&words[i].norm));
    let mut at = match (after_speaker, verb) {
        // The speaker's last word, then its verb ("Smith said | police told him …").
        (Some(i), _) => (i + 2).min(first),
        // After the reporting verb when an apposition put the clause break between it
        // and the speaker ("Martin Bamford, 30, a passenger, said | the train sped").
        (None, Some(v)) => v + 1,
        (None, None) => return clause,
    };
    // And the "that" after the verb.
    if at < first && words[at].norm == "that" {
        at += 1;
    }
    at
}

/// Where reported speech whose last matching word is `words[last]` ends: at the end of
/// its clause, before a clause break, a bracket or a quotation mark ("recalled it
/// speeding | up", "people were screaming | for help and there was blood all over the
/// train").
fn span_end(text: &str, words: &[Word], last: usize, limit: usize) -> usize {
    let mut end = (last..words.len().saturating_sub(1))
        .find(|&i| {
            words[i + 1].end > limit
                || text[words[i].end..words[i + 1].start].contains(PHRASE_BREAKS)
        })
        .unwrap_or(words.len().saturating_sub(1))
        .max(last);
    // Not the word that joins the next clause or quote ("the train sped up and “…”").
    while end > last && JOINERS.contains(&words[end].norm.as_str()) {
        end -= 1;
    }
    end
}

/// Words that join a clause to the next: a span does not end on one.
const JOINERS: &[&str] = &["and", "but", "or", "as", "that", "which", "who", "while"];

/// Whether the words `matched` of a unit (`words`, spanning `unit` of `text`) stand where
/// its attribution to `written` reports them: after the name and a reporting verb ("Ruiz
/// said the plan was…", "Martin Bamford, 30, said…"), before an inverted attribution
/// ("…, she said", "…, said Ruiz"), or beside "according to" the name. Words told after the
/// name with no reporting verb between are the reporter's: "Broadcom went after
/// Qualcomm's business model …, and has indicated it would …" reports the indication, not
/// the business model. True when the name is not printed in the unit.
fn attributed(
    text: &str,
    unit: std::ops::Range<usize>,
    words: &[Word],
    written: &str,
    matched: &[usize],
) -> bool {
    let reporting = |i: usize| {
        words
            .get(i)
            .is_some_and(|w| speaker::is_reporting_verb(&w.norm))
    };
    let (first, last) = (
        words[matched[0]].start,
        words[matched[matched.len() - 1]].end,
    );
    let mut names = whole_words(&text[unit.clone()], written)
        .map(|at| (unit.start + at, unit.start + at + written.len()))
        .peekable();
    if names.peek().is_none() {
        return true;
    }
    names.any(|(start, end)| {
        let after = words.partition_point(|w| w.start < end);
        let before = words.partition_point(|w| w.end <= start);
        let verb_between = (after..words.len())
            .take_while(|&i| words[i].end <= first)
            .any(reporting);
        let according =
            before >= 2 && words[before - 2].norm == "according" && words[before - 1].norm == "to";
        let inverted = start >= last && (reporting(after) || before > 0 && reporting(before - 1));
        end <= first && verb_between || according || inverted
    })
}

/// `text[from..to]` with the words of every quote replaced by `Q`, so that words inside
/// quotes are never taken for an attribution.
fn mask(text: &str, from: usize, to: usize, quotes: &[Found]) -> String {
    let mut out = String::new();
    let mut at = from;
    for q in quotes
        .iter()
        .filter(|q| !q.nested && q.end > from && q.start < to)
    {
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
    use super::{span_end, span_start};
    use crate::text::tokenize::{Tokenizer, Word};

    /// The span `span_start`…`span_end` gives reported speech whose matched words are
    /// the first and last occurrences of `from` and `to`, said by `speaker`.
    fn span(text: &str, speaker: &str, from: &str, to: &str) -> String {
        let words: Vec<Word> = Tokenizer::default().words(text, 0, text.len());
        let at = |norm: &str| words.iter().position(|w| w.norm == norm).unwrap();
        let (first, last) = (at(from), at(to));
        let first = span_start(text, &words, first, speaker);
        let last = span_end(text, &words, last, usize::MAX);
        text[words[first].start..words[last].end].to_string()
    }

    #[test]
    fn reported_speech_spans_its_clause_after_the_reporting_verb() {
        let cases = [
            // An apposition between the speaker and the verb.
            (
                "Martin Bamford, 30, a passenger, said the train sped up and “everyone went \
                 flying,” the Associated Press reports.",
                "Martin Bamford",
                "train",
                "sped",
                "the train sped up",
            ),
            // "that" after the verb; the clause runs to its end.
            (
                "The father said that people were screaming for help and there was blood \
                 all over the train.",
                "The father",
                "people",
                "screaming",
                "people were screaming for help and there was blood all over the train",
            ),
            // A trailing attribution after a comma stays out.
            (
                "That remains the company's focus unless Qualcomm agrees to negotiate, Tan \
                 said.",
                "Tan",
                "focus",
                "negotiate",
                "That remains the company's focus unless Qualcomm agrees to negotiate",
            ),
        ];
        for (text, speaker, from, to, want) in cases {
            assert_eq!(span(text, speaker, from, to), want, "{text}");
        }
    }
}
