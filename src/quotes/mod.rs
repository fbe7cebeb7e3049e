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
pub use marks::MAX_OPEN;
mod unquoted;

use unquoted::Unquoted;

use std::collections::{BTreeSet, HashMap};

use similar::DiffOp;

use crate::align::Alignment;
use crate::budget::{self, Budget, MAX_QUOTES};
use crate::ids::{numbered, round3, Reports};
use crate::model::{NoticeKind, QuoteCluster, QuoteInstance, Variant, WordOp, WordOpKind, Wording};
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
    /// The resolved speaker and the attribution as printed.
    speaker: Option<String>,
    as_written: Option<String>,
    confidence: f32,
    membership: f32,
    wording: Option<Wording>,
    words: Vec<&'a Word>,
}

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

/// The content stems of `words` as ids of `stems` (interned there), ascending, distinct.
fn content_stems(
    words: &[&Word],
    stems: &mut Vec<String>,
    ids: &mut HashMap<String, u32>,
) -> Vec<u32> {
    let mut out: Vec<u32> = words
        .iter()
        .filter(|w| !w.stop)
        .map(|w| {
            *ids.entry(w.stem.clone()).or_insert_with(|| {
                stems.push(w.stem.clone());
                (stems.len() - 1) as u32
            })
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The quoted renderings of every report, clustered across reports: what the alignment
/// takes as evidence (two units quoting one utterance) before the quotes section refines
/// the clusters with the alignment and adds the renderings without quotation marks.
pub struct Quoted {
    /// Per report, its quotes in text order.
    found: Vec<Vec<Found>>,
    /// Every quote as a clustering item, and where it is: (report, index into
    /// `found[report]`).
    items: Vec<cluster::Item>,
    at: Vec<(usize, usize)>,
    /// The stems of the items' ids.
    stems: Vec<String>,
    /// Which items' speakers agree.
    speakers: cluster::Speakers,
    /// The edges read from the quotes alone.
    edges: Vec<cluster::Edge>,
    /// Per utterance: (report, index into `found[report]`).
    clusters: Vec<Vec<(usize, usize)>>,
}

impl Quoted {
    /// Finds, attributes and clusters the quotes of all reports.
    pub fn new(reports: &Reports<'_>, budget: &Budget) -> Quoted {
        let prepared = reports.prepared;
        let detected: Vec<detect::Detected> = prepared.iter().map(detect::find).collect();
        let counts: Vec<usize> = detected.iter().map(|d| d.ignored_marks).collect();
        budget.cut_per_report(NoticeKind::QuoteMarks, &counts);
        // Past the most clustered in all, each report keeps a fair share.
        let counts: Vec<usize> = detected.iter().map(|d| d.found.len()).collect();
        let share = budget::fair_share(&counts, MAX_QUOTES);
        let mut past: Vec<usize> = detected.iter().map(|d| d.past_cap).collect();
        let found: Vec<Vec<Found>> = detected
            .into_iter()
            .enumerate()
            .map(|(r, d)| {
                let mut found = d.found;
                past[r] += found.len().saturating_sub(share);
                found.truncate(share);
                found
            })
            .collect();
        budget.cut_per_report(NoticeKind::Quotes, &past);
        let mut ids: Vec<&str> = (0..prepared.len()).map(|r| reports.id(r)).collect();
        ids.sort_unstable();
        let mut at: Vec<(usize, usize)> = Vec::new();
        let mut items: Vec<cluster::Item> = Vec::new();
        let (mut stems, mut interned) = (Vec::new(), HashMap::new());
        for (r, (prep, quotes)) in prepared.iter().zip(&found).enumerate() {
            let rank = ids.binary_search(&reports.id(r)).unwrap_or(r);
            for (i, q) in quotes.iter().enumerate() {
                at.push((r, i));
                let words = words_in(prep, q.segment, q.start, q.end);
                items.push(item(
                    r,
                    rank,
                    prep,
                    q,
                    content_stems(&words, &mut stems, &mut interned),
                ));
            }
        }
        let speakers = cluster::Speakers::new(&items);
        let edges = cluster::edges(&items, &speakers);
        let clusters = cluster::clusters(&items, &edges, &speakers)
            .into_iter()
            .map(|members| members.into_iter().map(|(k, _)| at[k]).collect())
            .collect();
        Quoted {
            found,
            items,
            at,
            stems,
            speakers,
            edges,
            clusters,
        }
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

/// Quote `q` of report `r` (whose id has rank `rank`) as a clustering item.
fn item(r: usize, rank: usize, prep: &Prepared<'_>, q: &Found, stems: Vec<u32>) -> cluster::Item {
    let segments = &prep.segments;
    let last_segment = (q.segment..segments.len())
        .take_while(|&s| segments[s].start < q.end.max(q.start + 1))
        .last()
        .unwrap_or(q.segment);
    let before = &prep.text[segments[q.segment].start.min(q.start)..q.start];
    cluster::Item {
        report: r,
        place: (rank, q.start),
        segment: q.segment,
        last_segment,
        speaker: q.speaker.clone(),
        stems,
        opens_unit: before.chars().filter(|c| !c.is_whitespace()).count() <= 1,
        words_after: prep.words[last_segment]
            .iter()
            .filter(|w| w.start >= q.end)
            .count(),
        nested: q.nested,
    }
}

/// Strength of the edge between a short quote and a longer one holding all its words.
const INSIDE: f32 = 0.6;
/// Strength of the edge between two wordings of one statement by one speaker.
const REWORDED: f32 = 0.5;

/// The edges that need the alignment and the vocabulary:
/// - a quote of one or two content words inside a longer quote by the same speaker, or,
///   when neither speaker is known to differ, inside one in an aligned unit and with a
///   rare word ("unacceptable" in "this is unacceptable and will be answered");
/// - two quotes of one speaker in aligned units of two reports that share a content word
///   (two wordings of one statement on one occasion).
fn aligned_edges(quoted: &Quoted, alignment: &Alignment) -> Vec<cluster::Edge> {
    let items = &quoted.items;
    let corpus = &alignment.corpus;
    let vocabulary = &corpus.vocabulary;
    let units: Vec<Option<usize>> = items
        .iter()
        .map(|it| corpus.unit_at(it.report, it.segment))
        .collect();
    // Per item: whether it is short (one or two content words) with a rare one.
    let rare: Vec<bool> = items
        .iter()
        .map(|it| {
            it.stems.len() <= 2
                && it.stems.iter().any(|&s| {
                    vocabulary.weight(&quoted.stems[s as usize]) >= vocabulary.rare_from()
                })
        })
        .collect();
    let related = |i: usize, j: usize| {
        items[i].report != items[j].report
            && match (units[i], units[j]) {
                (Some(x), Some(y)) => alignment.related(x, y),
                _ => false,
            }
    };
    let mut out = Vec::new();
    let sharing = cluster::sharing_pairs(items);
    for i in 0..items.len() {
        for &j in &sharing[i] {
            let (a, b) = (&items[i], &items[j]);
            if a.stems.is_empty() || b.stems.is_empty() {
                continue;
            }
            let agree = quoted.speakers.agree(i, j);
            let (short, long, short_rare) = if a.stems.len() <= b.stems.len() {
                (a, b, rare[i])
            } else {
                (b, a, rare[j])
            };
            let inside = short.stems.len() <= 2
                && long.stems.len() > short.stems.len()
                && cluster::containment(&short.stems, &long.stems).0 == short.stems.len();
            let strength = if inside
                && (agree == Some(true) || agree.is_none() && short_rare && related(i, j))
            {
                INSIDE
            } else if agree == Some(true)
                && cluster::containment(&a.stems, &b.stems).0 >= 1
                && related(i, j)
            {
                REWORDED
            } else {
                continue;
            };
            out.push(cluster::Edge {
                a: i,
                b: j,
                strength,
                evidence: cluster::Evidence::Context,
            });
        }
    }
    out
}

/// The speaker most renderings agree with ("a security source" and "one security
/// source" agree), earliest first on ties.
fn cluster_speaker(group: &[Rendering<'_>]) -> Option<String> {
    // Each distinct name once, with its first place and how often it is given: an
    // utterance that two hundred reports carry names its speaker a few ways, not 200.
    let mut distinct: Vec<(&str, usize, usize)> = Vec::new();
    for (i, name) in group
        .iter()
        .filter_map(|r| r.speaker.as_deref())
        .enumerate()
    {
        match distinct.iter_mut().find(|(n, _, _)| *n == name) {
            Some((_, _, count)) => *count += 1,
            None => distinct.push((name, i, 1)),
        }
    }
    distinct
        .iter()
        .max_by_key(|&&(s, first, _)| {
            let agreeing: usize = distinct
                .iter()
                .filter(|(o, _, _)| cluster::same_speaker(s, o))
                .map(|&(_, _, count)| count)
                .sum();
            (agreeing, std::cmp::Reverse(first))
        })
        .map(|&(s, _, _)| s.to_string())
}

/// One utterance: its renderings, quoted or not, and the speaker most of them agree on.
pub struct Utterance<'a> {
    renderings: Vec<Rendering<'a>>,
    speaker: Option<String>,
}

/// Every utterance with its renderings, quoted or not: the quotes clustered across
/// reports, with their unquoted renderings added.
pub fn utterances<'a>(
    reports: &Reports<'a>,
    alignment: &'a Alignment,
    quoted: &'a Quoted,
) -> Vec<Utterance<'a>> {
    let prepared = reports.prepared;
    let found = &quoted.found;
    let mut edges = quoted.edges.clone();
    edges.extend(aligned_edges(quoted, alignment));
    let mut groups: Vec<Vec<Rendering<'_>>> =
        cluster::clusters(&quoted.items, &edges, &quoted.speakers)
            .into_iter()
            .map(|members| {
                members
                    .into_iter()
                    .map(|(k, membership)| {
                        let (r, i) = quoted.at[k];
                        let q = &found[r][i];
                        Rendering {
                            report: r,
                            segment: q.segment,
                            start: q.start,
                            end: q.end,
                            quoted: true,
                            found: Some(q),
                            speaker: q.speaker.clone(),
                            as_written: q.as_written.clone(),
                            confidence: q.confidence,
                            membership,
                            wording: None,
                            words: words_in(&prepared[r], q.segment, q.start, q.end),
                        }
                    })
                    .collect()
            })
            .collect();
    let speakers: Vec<Option<String>> = groups.iter().map(|g| cluster_speaker(g)).collect();
    let index = Unquoted::new(prepared, found, alignment);
    let mut candidates: Vec<unquoted::Candidate<'_>> = groups
        .iter()
        .enumerate()
        .flat_map(|(c, group)| index.find(c, group, speakers[c].as_deref()))
        .collect();
    // A word is evidence for one utterance at most, the best supported.
    candidates.sort_by(|x, y| {
        y.rendering
            .confidence
            .total_cmp(&x.rendering.confidence)
            .then(x.cluster.cmp(&y.cluster))
    });
    // Per unit, each claimed word's utterance: a word its own utterance claimed already
    // (the quote's words in the frame, then the statement beside it) is no bar.
    let mut taken: HashMap<(usize, usize), HashMap<usize, usize>> = HashMap::new();
    for candidate in candidates {
        let unit = (candidate.rendering.report, candidate.rendering.segment);
        let claimed = taken.entry(unit).or_default();
        let free = |i: &usize| claimed.get(i).is_none_or(|&c| c == candidate.cluster);
        if candidate.evidence.iter().all(free) {
            for &i in &candidate.evidence {
                claimed.insert(i, candidate.cluster);
            }
            if !candidate.frame {
                groups[candidate.cluster].push(candidate.rendering);
            }
        }
    }
    groups
        .into_iter()
        .zip(speakers)
        .map(|(mut renderings, speaker)| {
            renderings.sort_by_key(|r| (r.report, r.start));
            Utterance {
                renderings,
                speaker,
            }
        })
        .collect()
}

/// A report's credit of an utterance to a speaker: a quoted rendering confidently in the
/// utterance, with the speaker it is attributed to.
#[derive(Debug, Clone)]
pub struct Credit {
    pub report: usize,
    pub segment: usize,
    /// Byte span of the attribution as printed ("He", "the transport police") when it
    /// stands in the quote's sentence, else of the quote.
    pub start: usize,
    pub end: usize,
    /// The speaker, pronouns resolved.
    pub speaker: String,
    pub kind: speaker::Kind,
    /// The attribution's confidence times the rendering's membership.
    pub confidence: f32,
}

/// Per utterance, who each report credits with it: its quoted renderings of at least
/// [`CONFIDENT_MEMBER`] membership that have a speaker.
pub fn credits(reports: &Reports<'_>, utterances: &[Utterance<'_>]) -> Vec<Vec<Credit>> {
    // A lone capitalised word is a person when it ends a full name some report gives a
    // speaker ("Bamford" after "Martin Bamford").
    let mut surnames: Vec<String> = utterances
        .iter()
        .flat_map(|u| &u.renderings)
        .filter_map(|r| r.speaker.as_deref())
        .filter(|s| s.split_whitespace().count() >= 2)
        .filter_map(|s| s.split_whitespace().last())
        .map(str::to_lowercase)
        .collect();
    // Each once: wire copy gives one speaker in hundreds of renderings.
    surnames.sort_unstable();
    surnames.dedup();
    utterances
        .iter()
        .map(|u| {
            u.renderings
                .iter()
                .filter(|r| r.quoted && r.membership >= CONFIDENT_MEMBER)
                .filter_map(|r| {
                    let speaker = r.speaker.clone()?;
                    let prep = &reports.prepared[r.report];
                    let seg = &prep.segments[r.segment];
                    let (start, end) = r
                        .as_written
                        .as_deref()
                        .and_then(|written| {
                            attribution_at(prep.text, seg.start, seg.end, written, (r.start, r.end))
                        })
                        .unwrap_or((r.start, r.end));
                    Some(Credit {
                        report: r.report,
                        segment: r.segment,
                        start,
                        end,
                        kind: speaker::kind(&speaker, &surnames),
                        speaker,
                        confidence: r.confidence * r.membership,
                    })
                })
                .collect()
        })
        .collect()
}

/// Where `text[from..to]` prints the attribution `written`: its first occurrence as whole
/// words outside the quote at `quote` ("he" in "…,” he said", not in "The").
fn attribution_at(
    text: &str,
    from: usize,
    to: usize,
    written: &str,
    quote: (usize, usize),
) -> Option<(usize, usize)> {
    crate::text::whole_words(text.get(from..to)?, written)
        .map(|k| (from + k, from + k + written.len()))
        .find(|&(start, end)| end <= quote.0 || start >= quote.1)
}

/// The quotes section: every utterance with its renderings, most reports first.
pub fn section(reports: &Reports<'_>, utterances: &[Utterance<'_>]) -> Vec<QuoteCluster> {
    let mut result: Vec<QuoteCluster> = utterances
        .iter()
        .map(|u| cluster_result(reports, &u.renderings, u.speaker.clone()))
        .collect();
    result.sort_by_key(|c| std::cmp::Reverse(c.reports));
    for (i, cluster) in result.iter_mut().enumerate() {
        cluster.id = numbered('q', i);
    }
    result
}

/// Least membership for a rendering's different speaker to be flagged as a
/// re-attribution rather than doubt about the rendering.
const CONFIDENT_MEMBER: f32 = 0.75;

fn cluster_result(
    reports: &Reports<'_>,
    group: &[Rendering<'_>],
    speaker: Option<String>,
) -> QuoteCluster {
    let prepared = reports.prepared;
    let reference = group
        .iter()
        .filter(|r| r.quoted)
        .max_by_key(|r| (r.words.len(), std::cmp::Reverse((r.report, r.start))))
        .expect("a cluster has a quoted instance");
    let reference_text =
        prepared[reference.report].text[reference.start..reference.end].to_string();
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
            let span = reports.span(r.report, r.segment, r.start, r.end);
            let reattributed = r.membership >= CONFIDENT_MEMBER
                && match (&r.speaker, &speaker) {
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
                speaker: r.speaker.clone(),
                speaker_as_written: r.as_written.clone(),
                confidence: round3(f64::from(r.confidence)),
                membership: round3(f64::from(r.membership)),
                wording: r.wording,
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

#[cfg(test)]
mod tests {
    use super::attribution_at;

    #[test]
    fn an_attribution_is_found_as_whole_words_outside_the_quote() {
        let text = "“The driver said he was fine,” he said.";
        let quote = (text.find("The").unwrap(), text.find(",”").unwrap());
        let at = attribution_at(text, 0, text.len(), "he", quote).unwrap();
        assert_eq!(&text[at.0..at.1], "he");
        assert!(at.0 > quote.1, "{at:?}");
        assert_eq!(attribution_at(text, 0, text.len(), "she", quote), None);
    }
}
