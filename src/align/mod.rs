//! Alignment: which units of different reports state the same fact, however reordered.
//!
//! 1. [`Corpus::new`] gives every comparable unit (not boilerplate, with content words) a
//!    vector of stem ids weighted by inverse document frequency over the units being
//!    compared, so what every report repeats weighs little.
//! 2. [`Corpus::links`] finds candidate pairs through an inverted index of content terms,
//!    skipping terms too common to tell facts apart, so cost grows with shared material
//!    rather than with all pairs of sentences; each candidate is scored
//!    ([`similarity`]) and kept above [`LINK_MIN`].
//! 3. [`group::cluster`] merges links into groups without chaining through hubs.
//! 4. Each linked pair gets a relation (verbatim, rewrite, paraphrase) from its word
//!    sequences ([`relation`]).
//!
//! Algorithms see unit indices and term ids only; text comes back at the end, in
//! in the section modules ([`crate::groups`], [`crate::reports`] and the others).

pub mod calibration;
pub mod group;
pub mod similarity;
pub mod vocabulary;

use std::collections::HashSet;

use crate::ids::Reports;
use crate::model::Relation;
use crate::text::segment::SegmentKind;
use crate::text::Prepared;
use similarity::{lcs_and_run, Features, Term, Vector};
use vocabulary::Vocabulary;

/// Links below this probability of "same fact" are dropped. With [`MERGE_MIN`], chosen on
/// the labelled development clusters for pair precision of about 0.85: a wrong merge
/// reads as two newsrooms corroborating each other, so precision comes first.
pub const LINK_MIN: f32 = 0.4;
/// Groups merge while their average cross-report score stays at or above this.
pub const MERGE_MIN: f32 = 0.45;
/// A unit joins a second group when its links to that group average at least this
/// (stricter than merging: at [`MERGE_MIN`] it cost 0.02 of pair precision for 0.01 of
/// recall on the labelled clusters).
pub const SECONDARY_MIN: f32 = 0.6;

/// A unit that takes part in the comparison.
#[derive(Debug, Clone)]
pub struct CorpusUnit {
    /// Index of the report.
    pub report: usize,
    /// Index of the segment within its report.
    pub segment: usize,
    pub vector: Vector,
}

/// A scored pair of units of different reports (`a < b`, indices into `Corpus::units`).
#[derive(Debug, Clone, Copy)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub score: f32,
}

/// The comparable units of all reports, with the vocabulary's weights.
pub struct Corpus {
    pub units: Vec<CorpusUnit>,
    /// Term id to the unit indices containing it (content terms only).
    postings: Vec<Vec<usize>>,
    pub vocabulary: Vocabulary,
}

impl Corpus {
    /// Builds the corpus from prepared reports.
    pub fn new(reports: &[Prepared<'_>]) -> Corpus {
        let mut vocabulary = Vocabulary::default();
        let mut raw: Vec<(usize, usize, Vec<Term>)> = Vec::new();
        for (r, report) in reports.iter().enumerate() {
            for (s, words) in report.words.iter().enumerate() {
                if report.boilerplate[s].is_some() || words.iter().all(|w| w.stop) {
                    continue;
                }
                let ids = words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| Term {
                        id: vocabulary.intern(&w.stem),
                        stop: w.stop,
                        number: w.number,
                        name: w.capital && i > 0,
                        clause_start: i > 0
                            && starts_clause(&report.text[words[i - 1].end..w.start]),
                    })
                    .collect();
                raw.push((r, s, ids));
            }
        }
        for (_, _, ids) in &raw {
            vocabulary.count(ids.iter().filter(|t| !t.stop).map(|t| t.id));
        }
        vocabulary.finish(raw.len());
        let mut postings: Vec<Vec<usize>> = vec![Vec::new(); vocabulary.len()];
        for (u, (_, _, ids)) in raw.iter().enumerate() {
            for term in ids {
                let list = &mut postings[term.id as usize];
                if !term.stop && list.last() != Some(&u) {
                    list.push(u);
                }
            }
        }
        let units = raw
            .into_iter()
            .map(|(report, segment, ids)| {
                let mut vector = Vector::new(ids, |t| vocabulary.idf(t));
                vector.heading = reports[report].segments[segment].kind == SegmentKind::Heading;
                CorpusUnit {
                    report,
                    segment,
                    vector,
                }
            })
            .collect();
        Corpus {
            units,
            postings,
            vocabulary,
        }
    }

    /// How many rare content terms (at least half the highest IDF) units `a` and `b` share.
    pub fn shared_rare(&self, a: usize, b: usize) -> usize {
        let (x, y) = (&self.units[a].vector.terms, &self.units[b].vector.terms);
        let rare = self.vocabulary.rare_from();
        x.iter()
            .filter(|(t, w)| *w >= rare && y.binary_search_by_key(t, |(u, _)| *u).is_ok())
            .count()
    }

    /// Scored links between units of different reports, strongest evidence first checked
    /// through the inverted index.
    pub fn links(&self) -> Vec<Link> {
        let n = self.units.len();
        // Terms in more units than this cannot tell facts apart; they still count in the
        // scores, but do not make candidates on their own.
        let max_postings = (n / 5).max(12);
        let mut links = Vec::new();
        let mut seen: Vec<usize> = vec![usize::MAX; n];
        for a in 0..n {
            let unit = &self.units[a];
            for &(term, _) in &unit.vector.terms {
                let list = &self.postings[term as usize];
                if list.len() > max_postings {
                    continue;
                }
                for &b in list {
                    if b <= a || seen[b] == a || self.units[b].report == unit.report {
                        continue;
                    }
                    seen[b] = a;
                    let other = &self.units[b].vector;
                    let cheap = Features::cheap(&unit.vector, other, self.vocabulary.max_idf());
                    if cheap.align_upper_bound() < LINK_MIN {
                        continue;
                    }
                    let score = cheap.complete(&unit.vector, other).align_score();
                    if score >= LINK_MIN {
                        links.push(Link { a, b, score });
                    }
                }
            }
        }
        links
    }
}

/// What the alignment found: the comparable units, the scored links between them and the
/// facts (groups of units) the links form. Every section of the result reads it.
pub struct Alignment {
    pub corpus: Corpus,
    pub links: Vec<Link>,
    /// Each fact's units (indices into `corpus.units`, ascending), facts carried by more
    /// reports first.
    pub groups: Vec<Vec<usize>>,
    /// For each unit, the groups it is in.
    pub in_groups: Vec<Vec<usize>>,
}

impl Alignment {
    /// Aligns the reports: units, links, then groups.
    pub fn new(reports: &Reports<'_>) -> Alignment {
        let corpus = Corpus::new(reports.prepared);
        let links = corpus.links();
        let report_of: Vec<usize> = corpus.units.iter().map(|u| u.report).collect();
        let triples: Vec<(usize, usize, f32)> = links.iter().map(|l| (l.a, l.b, l.score)).collect();
        // Ties are broken by report id and position, never by input order.
        let mut by_id: Vec<usize> = (0..corpus.units.len()).collect();
        by_id.sort_by_key(|&u| (reports.id(corpus.units[u].report), corpus.units[u].segment));
        let mut rank = vec![0; by_id.len()];
        for (r, &u) in by_id.iter().enumerate() {
            rank[u] = r;
        }
        let mut groups = group::cluster(&report_of, &rank, &triples, MERGE_MIN);
        let extra = group::attach_secondary(&groups, &report_of, &triples, SECONDARY_MIN);
        for (members, added) in groups.iter_mut().zip(extra) {
            members.extend(added);
            members.sort_unstable();
        }
        let count_reports = |g: &Vec<usize>| {
            g.iter()
                .map(|&u| report_of[u])
                .collect::<HashSet<_>>()
                .len()
        };
        groups.sort_by_key(|g| (std::cmp::Reverse(count_reports(g)), g[0]));
        let mut in_groups: Vec<Vec<usize>> = vec![Vec::new(); corpus.units.len()];
        for (g, members) in groups.iter().enumerate() {
            for &u in members {
                in_groups[u].push(g);
            }
        }
        Alignment {
            corpus,
            links,
            groups,
            in_groups,
        }
    }

    /// The units of report `r`, in text order.
    pub fn units_of(&self, r: usize) -> std::ops::Range<usize> {
        let units = &self.corpus.units;
        let start = units.partition_point(|u| u.report < r);
        start..start + units[start..].partition_point(|u| u.report == r)
    }

    /// Whether units `a` and `b` share a group.
    pub fn same_group(&self, a: usize, b: usize) -> bool {
        self.in_groups[a]
            .iter()
            .any(|g| self.in_groups[b].contains(g))
    }

    /// How many reports group `g` spans.
    pub fn reports_in(&self, g: usize) -> usize {
        let mut reports: Vec<usize> = self.groups[g]
            .iter()
            .map(|&u| self.corpus.units[u].report)
            .collect();
        reports.sort_unstable();
        reports.dedup();
        reports.len()
    }

    /// The other reports whose units share a group with unit `u`.
    pub fn reached_from(&self, u: usize) -> Vec<usize> {
        let own = self.corpus.units[u].report;
        let mut reached: Vec<usize> = self.in_groups[u]
            .iter()
            .flat_map(|&g| &self.groups[g])
            .map(|&v| self.corpus.units[v].report)
            .filter(|&s| s != own)
            .collect();
        reached.sort_unstable();
        reached.dedup();
        reached
    }
}

/// Whether the text between two words starts a new clause.
pub fn starts_clause(between: &str) -> bool {
    between.contains([',', ';', ':', '—', '–', '(', ')', '“', '”', '"', '«', '»'])
}

/// How a pair of linked units carries the shared fact, from their word sequences:
/// verbatim when nearly every word matches in order, rewrite when a large part does (or
/// a long run is copied), paraphrase otherwise.
pub fn relation(a: &Vector, b: &Vector) -> Relation {
    let longer = a.seq.len().max(b.seq.len()).max(1) as f32;
    let (lcs, run) = lcs_and_run(&a.seq, &b.seq);
    let in_order = lcs as f32 / longer;
    if in_order >= 0.9 {
        Relation::Verbatim
    } else if in_order >= 0.5 || run >= 6 {
        Relation::Rewrite
    } else {
        Relation::Paraphrase
    }
}
