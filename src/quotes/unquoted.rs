//! Renderings of a quote without quotation marks: units of other reports that carry most
//! of its content words, or a rare phrase of it.

use std::collections::{BTreeSet, HashMap};

use super::detect::Found;
use super::Rendering;
use crate::align::vocabulary::Vocabulary;
use crate::text::lexicon::CLAUSE_BREAKS;
use crate::text::tokenize::Word;
use crate::text::Prepared;

/// A quote needs this many content words before an unquoted rendering is looked for: a
/// shorter one ("unacceptable") would match any sentence that uses the word.
const MIN_WORDS_FOR_UNQUOTED: usize = 4;
/// Share of the quote's content words, by IDF weight, an unquoted rendering must carry (and
/// at least 3 of them).
const MIN_UNQUOTED_CONTAINMENT: f32 = 0.5;

/// Where unquoted renderings are looked for: every news unit's content words outside
/// quotes, and an index from stem to the units that have it, so that each quote is only
/// compared with the units sharing a word with it.
pub(super) struct Unquoted<'a> {
    /// Per report, per segment: indices of content words outside quotes.
    content: Vec<Vec<Vec<usize>>>,
    postings: HashMap<&'a str, Vec<(usize, usize)>>,
    /// The comparison's vocabulary: one IDF and one notion of a rare word.
    vocabulary: &'a Vocabulary,
}

impl<'a> Unquoted<'a> {
    pub(super) fn new(
        prepared: &'a [Prepared<'_>],
        found: &[Vec<Found>],
        vocabulary: &'a Vocabulary,
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
                let inside = |w: &Word| {
                    found[r]
                        .iter()
                        .any(|q| q.start <= w.start && w.end <= q.end)
                };
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
        Unquoted {
            content,
            postings,
            vocabulary,
        }
    }

    fn weight(&self, stem: &str) -> f32 {
        self.vocabulary.weight(stem)
    }

    fn is_rare(&self, stem: &str) -> bool {
        self.weight(stem) >= self.vocabulary.rare_from()
    }
}

/// Links units of other reports that render a quote of the group without quotation
/// marks: they carry most of its content words by IDF weight (at least three), or a rare
/// two-word phrase of it ("ground realities"). One unit per report, the best.
pub(super) fn add_unquoted<'a>(
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
            let (weight, rare) = (index.weight(stem), index.is_rare(stem));
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
                    && index.is_rare(&x.stem)
                    && index.is_rare(&y.stem)
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
        .find(|&i| text[words[i].end..words[i + 1].start].contains(CLAUSE_BREAKS))
        .map_or(0, |i| i + 1)
}
