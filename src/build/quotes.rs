//! Quote clusters in the result: instances with ids, UTF-16 spans, speakers and diffs
//! against a reference wording.

use std::collections::{BTreeSet, HashMap};

use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::model::{QuoteCluster, QuoteInstance, ReportInput, Variant, WordOp, WordOpKind};
use crate::quotes::{self, cluster, Found};
use crate::text::tokenize::Word;
use crate::text::Prepared;

/// A quote needs this many content words before an unquoted rendering is looked for: a
/// shorter one ("unacceptable") would match any sentence that uses the word.
const MIN_WORDS_FOR_UNQUOTED: usize = 4;
/// Share of the quote's content words, by IDF weight, an unquoted rendering must carry (and
/// at least 3 of them).
const MIN_UNQUOTED_CONTAINMENT: f32 = 0.5;

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

/// Finds, attributes and clusters the quotes of all reports.
pub fn clusters(inputs: &[ReportInput], prepared: &[Prepared<'_>]) -> Vec<QuoteCluster> {
    let found: Vec<Vec<Found>> = prepared.iter().map(quotes::find).collect();
    let mut renderings: Vec<Rendering<'_>> = Vec::new();
    for (r, (prep, quotes)) in prepared.iter().zip(&found).enumerate() {
        for q in quotes {
            renderings.push(Rendering {
                report: r,
                segment: q.segment,
                start: q.start,
                end: q.end,
                quoted: true,
                found: Some(q),
                confidence: if q.unclosed { 0.7 } else { 0.95 },
                words: words_in(prep, q.segment, q.start, q.end),
            });
        }
    }
    let items: Vec<cluster::Item> = renderings
        .iter()
        .map(|r| cluster::Item {
            report: r.report,
            segment: r.segment,
            speaker: r.found.and_then(|f| f.speaker.clone()),
            stems: content_stems(&r.words),
        })
        .collect();
    let mut groups: Vec<Vec<Rendering<'_>>> = Vec::new();
    let mut slots: Vec<Option<Rendering<'_>>> = renderings.into_iter().map(Some).collect();
    for members in cluster::clusters(&items) {
        groups.push(
            members
                .into_iter()
                .filter_map(|i| slots[i].take())
                .collect(),
        );
    }
    let index = Unquoted::new(prepared, &found);
    for group in &mut groups {
        add_unquoted(group, prepared, &index);
    }
    let mut result: Vec<QuoteCluster> = groups
        .into_iter()
        .map(|group| cluster_result(inputs, prepared, group))
        .collect();
    result.sort_by_key(|c| std::cmp::Reverse(c.reports));
    for (i, cluster) in result.iter_mut().enumerate() {
        cluster.id = format!("q{}", i + 1);
    }
    result
}

/// Where unquoted renderings are looked for: every news unit's content words outside
/// quotes, and an index from stem to the units that have it, so that each quote is only
/// compared with the units sharing a word with it.
struct Unquoted<'a> {
    /// Per report, per segment: indices of content words outside quotes.
    content: Vec<Vec<Vec<usize>>>,
    postings: HashMap<&'a str, Vec<(usize, usize)>>,
    weights: HashMap<&'a str, f32>,
    rare: f32,
}

impl<'a> Unquoted<'a> {
    fn new(prepared: &'a [Prepared<'_>], found: &[Vec<Found>]) -> Self {
        let mut content = Vec::new();
        let mut postings: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
        let mut df: HashMap<&str, usize> = HashMap::new();
        let mut units = 0usize;
        for (r, prep) in prepared.iter().enumerate() {
            let mut per_segment = Vec::new();
            for (s, words) in prep.words.iter().enumerate() {
                if prep.boilerplate[s].is_some() {
                    per_segment.push(Vec::new());
                    continue;
                }
                units += 1;
                let inside = |w: &Word| {
                    found[r]
                        .iter()
                        .any(|q| q.start <= w.start && w.end <= q.end)
                };
                let indices: Vec<usize> = (0..words.len())
                    .filter(|&i| !words[i].stop && !inside(&words[i]))
                    .collect();
                let stems: BTreeSet<&str> = words
                    .iter()
                    .filter(|w| !w.stop)
                    .map(|w| w.stem.as_str())
                    .collect();
                for stem in stems {
                    *df.entry(stem).or_default() += 1;
                }
                let distinct: BTreeSet<&str> =
                    indices.iter().map(|&i| words[i].stem.as_str()).collect();
                for stem in distinct {
                    postings.entry(stem).or_default().push((r, s));
                }
                per_segment.push(indices);
            }
            content.push(per_segment);
        }
        // Inverse document frequency over news units: the story's topic words weigh little.
        let weights: HashMap<&str, f32> = df
            .into_iter()
            .map(|(stem, n)| (stem, ((units as f32 + 1.0) / n as f32).ln()))
            .collect();
        let rare = 0.5 * weights.values().copied().fold(0.0, f32::max);
        Unquoted {
            content,
            postings,
            weights,
            rare,
        }
    }

    fn weight(&self, stem: &str) -> f32 {
        self.weights.get(stem).copied().unwrap_or(0.0)
    }
}

/// Links units of other reports that render a quote of the group without quotation
/// marks: they carry most of its content words by IDF weight (at least three), or a rare
/// two-word phrase of it ("ground realities"). One unit per report, the best.
fn add_unquoted<'a>(
    group: &mut Vec<Rendering<'a>>,
    prepared: &'a [Prepared<'_>],
    index: &Unquoted<'_>,
) {
    let quoted_reports: BTreeSet<usize> = group.iter().map(|r| r.report).collect();
    // Each quoted rendering's content stems, in order.
    let sources: Vec<Vec<&str>> = group
        .iter()
        .map(|r| {
            r.words
                .iter()
                .filter(|w| !w.stop)
                .map(|w| w.stem.as_str())
                .collect()
        })
        .collect();
    let mut best: HashMap<usize, (f32, usize, usize, usize)> = HashMap::new(); // report -> (score, segment, first, last)
    for source in &sources {
        let stems: BTreeSet<&str> = source.iter().copied().collect();
        let total: f32 = stems.iter().map(|s| index.weight(s)).sum();
        // Per unit sharing a stem: the weight and number of the stems it shares, and how
        // many are rare. A unit that can meet neither test below is not looked at.
        let mut shared: HashMap<(usize, usize), (f32, usize, usize)> = HashMap::new();
        for stem in &stems {
            let (weight, rare) = (index.weight(stem), index.weight(stem) >= index.rare);
            for &(r, s) in index.postings.get(stem).into_iter().flatten() {
                if !quoted_reports.contains(&r) {
                    let entry = shared.entry((r, s)).or_default();
                    entry.0 += weight;
                    entry.1 += 1;
                    entry.2 += usize::from(rare);
                }
            }
        }
        let possible = |&(weight, count, rare): &(f32, usize, usize)| {
            let most = stems.len() >= MIN_WORDS_FOR_UNQUOTED
                && count >= 3
                && total > 0.0
                && weight / total >= MIN_UNQUOTED_CONTAINMENT;
            most || rare >= 1
        };
        let candidates: BTreeSet<(usize, usize)> = shared
            .iter()
            .filter(|(_, v)| possible(v))
            .map(|(&k, _)| k)
            .collect();
        for (r, s) in candidates {
            let words = &prepared[r].words[s];
            let content = &index.content[r][s];
            let matched: Vec<usize> = content
                .iter()
                .copied()
                .filter(|&i| stems.contains(words[i].stem.as_str()))
                .collect();
            let distinct: BTreeSet<&str> =
                matched.iter().map(|&i| words[i].stem.as_str()).collect();
            let ratio = if total > 0.0 {
                distinct.iter().map(|s| index.weight(s)).sum::<f32>() / total
            } else {
                0.0
            };
            let most = stems.len() >= MIN_WORDS_FOR_UNQUOTED
                && distinct.len() >= 3
                && ratio >= MIN_UNQUOTED_CONTAINMENT;
            // A rare phrase of the quote, not a name ("ground realities", not "Fitna al").
            let phrase = content.windows(2).find(|w| {
                let (x, y) = (&words[w[0]], &words[w[1]]);
                !x.capital
                    && !y.capital
                    && index.weight(&x.stem) >= index.rare
                    && index.weight(&y.stem) >= index.rare
                    && source.windows(2).any(|p| p[0] == x.stem && p[1] == y.stem)
            });
            let (score, first, last) = if most {
                (ratio, matched[0], *matched.last().unwrap())
            } else if let Some(w) = phrase {
                (0.5, clause_start(prepared[r].text, words, w[0]), w[1])
            } else {
                continue;
            };
            let slot = best.entry(r).or_insert((0.0, 0, 0, 0));
            if score > slot.0 || score == slot.0 && s < slot.1 {
                *slot = (score, s, first, last);
            }
        }
    }
    for (r, (score, s, first, last)) in best {
        let words = &prepared[r].words[s];
        group.push(Rendering {
            report: r,
            segment: s,
            start: words[first].start,
            end: words[last].end,
            quoted: false,
            found: None,
            confidence: score * 0.9,
            words: words[first..=last].iter().collect(),
        });
    }
    group.sort_by_key(|r| (r.report, r.start));
}

/// The first word of the clause holding `words[at]`: after the last comma, semicolon,
/// colon or dash before it in its unit.
fn clause_start(text: &str, words: &[Word], at: usize) -> usize {
    (0..at)
        .rev()
        .find(|&i| text[words[i].end..words[i + 1].start].contains([',', ';', ':', '—', '–']))
        .map_or(0, |i| i + 1)
}

fn cluster_result(
    inputs: &[ReportInput],
    prepared: &[Prepared<'_>],
    group: Vec<Rendering<'_>>,
) -> QuoteCluster {
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
    let reports: BTreeSet<usize> = group.iter().map(|r| r.report).collect();
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
            let reattributed = match (&own, &speaker) {
                (Some(a), Some(b)) => !cluster::same_speaker(a, b),
                _ => false,
            };
            QuoteInstance {
                report: inputs[r.report].id.clone(),
                unit: format!("{}:u{}", inputs[r.report].id, r.segment),
                start: prep.utf16.utf16(r.start),
                end: prep.utf16.utf16(r.end),
                text: prep.text[r.start..r.end].to_string(),
                quoted: r.quoted,
                speaker: own,
                speaker_as_written: r.found.and_then(|f| f.as_written.clone()),
                confidence: round(
                    r.confidence
                        * r.found
                            .map_or(1.0, |f| if f.speaker.is_some() { 1.0 } else { 0.9 }),
                ),
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
        reports: reports.len(),
        instances,
    }
}

fn round(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
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
    let keys_a: Vec<&str> = reference.iter().map(|w| w.norm.as_str()).collect();
    let keys_b: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
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
    for op in capture_diff_slices(Algorithm::Patience, &keys_a, &keys_b) {
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
