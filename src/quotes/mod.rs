//! Quotations: every direct quote, who it is attributed to, and the same utterance across
//! reports, quoted or not.
//!
//! [`marks`] finds the spans between quotation marks, [`speaker`] the attribution as
//! written, and [`detect`] puts them together for one report: it resolves pronouns to the
//! nearest fitting speaker named before, lets a quote that continues the previous one keep
//! its speaker, and gives a headline's quote to the headline's subject. [`cluster`] then
//! links the same utterance across reports, [`unquoted`] finds its renderings without
//! quotation marks, and this module builds the quotes section of the result.

pub mod cluster;
pub mod detect;
pub mod marks;
pub mod speaker;
mod unquoted;

use unquoted::{add_unquoted, Unquoted};

use std::collections::{BTreeSet, HashMap};

use similar::DiffOp;

use crate::align::Alignment;
use crate::ids::{numbered, round3, Reports};
use crate::model::{QuoteCluster, QuoteInstance, Variant, WordOp, WordOpKind};
use crate::text::tokenize::Word;
use crate::text::Prepared;
use crate::word_diff;
use detect::Found;

/// One rendering before it becomes a [`QuoteInstance`].
struct Rendering<'a> {
    report: usize,
    segment: usize,
    start: usize,
    end: usize,
    quoted: bool,
    found: Option<&'a Found>,
    confidence: f32,
    words: Vec<&'a Word>,
}

/// The words of `segment` inside `[start, end)`.
/// The words inside `[start, end)`, which begins in segment `first`.
fn words_in<'a>(prep: &'a Prepared<'_>, first: usize, start: usize, end: usize) -> Vec<&'a Word> {
    prep.segments[first..]
        .iter()
        .zip(&prep.words[first..])
        .take_while(|(seg, _)| seg.start < end)
        .flat_map(|(_, words)| words)
        .filter(|w| w.start >= start && w.end <= end)
        .collect()
}

fn content_stems(words: &[&Word]) -> BTreeSet<String> {
    words
        .iter()
        .filter(|w| !w.stop)
        .map(|w| w.stem.clone())
        .collect()
}

/// The quoted renderings of every report, clustered across reports: what the alignment
/// takes as evidence (two units quoting one utterance) before the quotes section adds
/// the renderings without quotation marks.
pub struct Quoted {
    /// Per report, its quotes in text order.
    found: Vec<Vec<Found>>,
    /// Per utterance: (report, index into `found[report]`).
    clusters: Vec<Vec<(usize, usize)>>,
}

impl Quoted {
    /// Finds, attributes and clusters the quotes of all reports.
    pub fn new(reports: &Reports<'_>) -> Quoted {
        let prepared = reports.prepared;
        let found: Vec<Vec<Found>> = prepared.iter().map(detect::find).collect();
        let mut at: Vec<(usize, usize)> = Vec::new();
        let mut items: Vec<cluster::Item> = Vec::new();
        for (r, (prep, quotes)) in prepared.iter().zip(&found).enumerate() {
            for (i, q) in quotes.iter().enumerate() {
                at.push((r, i));
                items.push(cluster::Item {
                    report: r,
                    segment: q.segment,
                    speaker: q.speaker.clone(),
                    stems: content_stems(&words_in(prep, q.segment, q.start, q.end)),
                });
            }
        }
        let clusters = cluster::clusters(&items)
            .into_iter()
            .map(|members| members.into_iter().map(|k| at[k]).collect())
            .collect();
        Quoted { found, clusters }
    }

    /// For each (report, segment) that quotes an utterance another report quotes too,
    /// the utterances' numbers, ascending.
    pub fn shared_by_unit(&self) -> HashMap<(usize, usize), Vec<u32>> {
        let mut out: HashMap<(usize, usize), Vec<u32>> = HashMap::new();
        for (c, members) in self.clusters.iter().enumerate() {
            let first = members[0].0;
            if members.iter().all(|&(r, _)| r == first) {
                continue;
            }
            for &(r, i) in members {
                let list = out.entry((r, self.found[r][i].segment)).or_default();
                if list.last() != Some(&(c as u32)) {
                    list.push(c as u32);
                }
            }
        }
        out
    }
}

/// The quotes section: every utterance with its renderings, quoted or not.
pub fn section(reports: &Reports<'_>, alignment: &Alignment, quoted: &Quoted) -> Vec<QuoteCluster> {
    let prepared = reports.prepared;
    let found = &quoted.found;
    let mut groups: Vec<Vec<Rendering<'_>>> = quoted
        .clusters
        .iter()
        .map(|members| {
            members
                .iter()
                .map(|&(r, i)| {
                    let q = &found[r][i];
                    Rendering {
                        report: r,
                        segment: q.segment,
                        start: q.start,
                        end: q.end,
                        quoted: true,
                        found: Some(q),
                        confidence: q.confidence,
                        words: words_in(&prepared[r], q.segment, q.start, q.end),
                    }
                })
                .collect()
        })
        .collect();
    let index = Unquoted::new(prepared, found, &alignment.corpus.vocabulary);
    for group in &mut groups {
        add_unquoted(group, prepared, &index);
    }
    let mut result: Vec<QuoteCluster> = groups
        .into_iter()
        .map(|group| cluster_result(reports, group))
        .collect();
    result.sort_by_key(|c| std::cmp::Reverse(c.reports));
    for (i, cluster) in result.iter_mut().enumerate() {
        cluster.id = numbered('q', i);
    }
    result
}

fn cluster_result(reports: &Reports<'_>, group: Vec<Rendering<'_>>) -> QuoteCluster {
    let prepared = reports.prepared;
    let reference = group
        .iter()
        .filter(|r| r.quoted)
        .max_by_key(|r| (r.words.len(), std::cmp::Reverse((r.report, r.start))))
        .expect("a cluster has a quoted instance");
    let reference_text =
        prepared[reference.report].text[reference.start..reference.end].to_string();
    // The speaker most instances agree with ("a security source" and "one security
    // source" agree), earliest first on ties.
    let named: Vec<&str> = group
        .iter()
        .filter_map(|r| r.found.and_then(|f| f.speaker.as_deref()))
        .collect();
    let speaker = named
        .iter()
        .enumerate()
        .max_by_key(|&(i, s)| {
            (
                named.iter().filter(|o| cluster::same_speaker(s, o)).count(),
                std::cmp::Reverse(i),
            )
        })
        .map(|(_, s)| s.to_string());
    let carrying: BTreeSet<usize> = group.iter().map(|r| r.report).collect();
    let instances = group
        .iter()
        .map(|r| {
            let prep = &prepared[r.report];
            let (diff, variant) = word_diff(
                (&reference.words, reference.end),
                (&r.words, r.end),
                &prepared[reference.report],
                prep,
            );
            let own = r.found.and_then(|f| f.speaker.clone());
            let span = reports.span(r.report, r.segment, r.start, r.end);
            let reattributed = match (&own, &speaker) {
                (Some(a), Some(b)) => !cluster::same_speaker(a, b),
                _ => false,
            };
            QuoteInstance {
                report: reports.id(r.report).to_string(),
                unit: span.unit,
                start: span.start,
                end: span.end,
                text: span.text,
                quoted: r.quoted,
                speaker: own,
                speaker_as_written: r.found.and_then(|f| f.as_written.clone()),
                confidence: round3(f64::from(r.confidence)),
                in_heading: r.found.is_some_and(|f| f.in_heading),
                unclosed: r.found.is_some_and(|f| f.unclosed),
                reattributed,
                variant,
                diff,
            }
        })
        .collect();
    QuoteCluster {
        id: String::new(),
        speaker,
        reference: reference_text,
        reports: carrying.len(),
        instances,
    }
}

/// Word runs of `words` against `reference`, and what kind of variant that makes. Each
/// side comes with the end of its quotation (a byte offset), so that a run's text carries
/// the punctuation that follows its last word: the runs, joined by spaces, read as the
/// quotation was printed.
fn word_diff(
    (reference, reference_end): (&[&Word], usize),
    (words, words_end): (&[&Word], usize),
    ref_prep: &Prepared<'_>,
    prep: &Prepared<'_>,
) -> (Vec<WordOp>, Variant) {
    // The text of words[from..to], up to the next word (or the quotation's end).
    let span = |p: &Prepared<'_>, all: &[&Word], end: usize, from: usize, to: usize| -> String {
        if from >= to {
            return String::new();
        }
        let start = all[from].start;
        let last = all[to - 1].end;
        let stop = all.get(to).map_or(end, |next| next.start).max(last);
        p.text
            .get(start..stop)
            .unwrap_or(&p.text[start..last])
            .trim_end()
            .to_string()
    };
    let ours = |from: usize, len: usize| span(prep, words, words_end, from, from + len);
    let theirs =
        |from: usize, len: usize| span(ref_prep, reference, reference_end, from, from + len);
    let (mut deleted, mut inserted) = (false, false);
    let mut ops = Vec::new();
    for op in word_diff::ops(reference, words) {
        match op {
            DiffOp::Equal { new_index, len, .. } => ops.push(WordOp {
                op: WordOpKind::Equal,
                text: ours(new_index, len),
            }),
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                deleted = true;
                ops.push(WordOp {
                    op: WordOpKind::Delete,
                    text: theirs(old_index, old_len),
                });
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                inserted = true;
                ops.push(WordOp {
                    op: WordOpKind::Insert,
                    text: ours(new_index, new_len),
                });
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                deleted = true;
                inserted = true;
                ops.push(WordOp {
                    op: WordOpKind::Delete,
                    text: theirs(old_index, old_len),
                });
                ops.push(WordOp {
                    op: WordOpKind::Insert,
                    text: ours(new_index, new_len),
                });
            }
        }
    }
    let variant = match (deleted, inserted) {
        (false, false) => Variant::Same,
        (true, false) => Variant::Trimmed,
        (false, true) => Variant::Extended,
        (true, true) => Variant::Reworded,
    };
    (ops, variant)
}
