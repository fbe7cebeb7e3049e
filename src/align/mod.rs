//! Alignment: which units of different reports state the same fact, however reordered.
//!
//! 1. [`Corpus::new`] gives every comparable unit (not boilerplate, with content words) a
//!    vector of term ids weighted by the one [`vocabulary`]: inverse document frequency
//!    over the units being compared, blended with general English ([`background`]), so
//!    what every report repeats weighs little.
//! 2. [`Corpus::candidates`] finds candidate pairs through an inverted index of content
//!    terms, skipping terms too common to tell facts apart, so cost grows with shared
//!    material rather than with all pairs of sentences.
//! 3. [`Scorer`] scores them with the two-stage same-fact model ([`scorer`]): pair
//!    features, then graph features from every candidate's pair score; any further pair
//!    the grouping asks about is scored the same way.
//! 4. [`Alignment::with_model`] keeps links in two tiers (same fact, possibly the same),
//!    notes each unit's nearest candidate, and groups the same-fact links into
//!    overlapping facts ([`group`]).
//! 5. Each linked pair gets a relation (verbatim, rewrite, paraphrase) from its word
//!    sequences ([`relation`]).
//!
//! Algorithms see unit indices and term ids only; text comes back at the end, in the
//! section modules ([`crate::groups`], [`crate::reports`] and the others).

pub mod background;
pub mod calibration;
pub mod group;
pub mod scorer;
pub mod similarity;
pub mod vocabulary;

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::ids::Reports;
use crate::model::Relation;
use crate::quotes::Quoted;
use crate::text::lexicon::PHRASE_BREAKS;
use crate::text::segment::SegmentKind;
use crate::text::Prepared;
use scorer::Model;
use similarity::{score_with, Features, Term, Vector};
use vocabulary::Vocabulary;

/// Groups merge while their average cross-report score stays at or above this (or the
/// precise tier's threshold, when that is higher).
pub const MERGE_MIN: f32 = 0.5;

/// A unit that takes part in the comparison.
#[derive(Debug, Clone)]
pub struct CorpusUnit {
    /// Index of the report.
    pub report: usize,
    /// Index of the segment within its report.
    pub segment: usize,
    pub vector: Vector,
}

/// The comparable units of all reports, with the vocabulary's weights.
pub struct Corpus {
    pub units: Vec<CorpusUnit>,
    /// Per unit: the first unit with the same words, heading flag and quoted utterances
    /// (itself when none is before it). Such units score alike against any other, so a
    /// fact that two hundred outlets copy is scored once per pair of wordings.
    pub same_as: Vec<usize>,
    /// Term id to the unit indices containing it (content terms only).
    postings: Vec<Vec<usize>>,
    pub vocabulary: Vocabulary,
}

impl Corpus {
    /// Builds the corpus from prepared reports.
    /// `quotes` gives, for each (report, segment) that quotes an utterance another report
    /// quotes too, the utterances' numbers: evidence that two units carry one statement.
    pub fn new(reports: &[Prepared<'_>], quotes: &HashMap<(usize, usize), Vec<u32>>) -> Corpus {
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
                            && starts_clause(
                                &report.text[words[i - 1].end..w.start],
                                &words[i - 1].norm,
                                &w.norm,
                            ),
                    })
                    .collect();
                raw.push((r, s, ids));
            }
        }
        let new_of = vocabulary.renumber();
        for (_, _, ids) in &mut raw {
            for term in ids.iter_mut() {
                term.id = new_of[term.id as usize];
            }
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
        let units: Vec<CorpusUnit> = raw
            .into_iter()
            .map(|(report, segment, ids)| {
                let mut vector = Vector::new(ids, |t| vocabulary.idf(t));
                vector.heading = reports[report].segments[segment].kind == SegmentKind::Heading;
                vector.quotes = quotes.get(&(report, segment)).cloned().unwrap_or_default();
                CorpusUnit {
                    report,
                    segment,
                    vector,
                }
            })
            .collect();
        let mut first: HashMap<(&[u32], bool, &[u32]), usize> = HashMap::new();
        let same_as = units
            .iter()
            .enumerate()
            .map(|(u, unit)| {
                let v = &unit.vector;
                *first
                    .entry((v.seq.as_slice(), v.heading, v.quotes.as_slice()))
                    .or_insert(u)
            })
            .collect();
        drop(first);
        Corpus {
            units,
            same_as,
            postings,
            vocabulary,
        }
    }

    /// The unit of segment `segment` of report `report`, if it takes part.
    pub fn unit_at(&self, report: usize, segment: usize) -> Option<usize> {
        self.units
            .binary_search_by_key(&(report, segment), |u| (u.report, u.segment))
            .ok()
    }

    /// How many rare content terms (at least half the highest IDF) units `a` and `b` share.
    pub fn shared_rare(&self, a: usize, b: usize) -> usize {
        let (x, y) = (&self.units[a].vector.terms, &self.units[b].vector.terms);
        let rare = self.vocabulary.rare_from();
        x.iter()
            .filter(|(t, w)| *w >= rare && y.binary_search_by_key(t, |(u, _)| *u).is_ok())
            .count()
    }

    /// Candidate pairs `(a, b)`, `a < b`, of units of different reports that share a content
    /// term telling facts apart, found through the inverted index so that cost grows with
    /// shared material rather than with all pairs of sentences; and the units that had more
    /// than [`candidates_per_unit`] of them (they keep the ones sharing the most weight,
    /// ties by `rank`).
    pub fn candidates(&self, rank: &[usize]) -> (Vec<(usize, usize)>, Vec<usize>) {
        let n = self.units.len();
        // Terms in more units than this cannot tell facts apart; they still count in the
        // scores, but do not make candidates on their own. Reading a term's units costs
        // their number for each of them, so the cap is absolute too.
        let common = (n / 5).max(12);
        let max_postings = common.min(MAX_POSTINGS);
        let keep = candidates_per_unit(n);
        let mut out = Vec::new();
        let mut crowded = Vec::new();
        // Per unit of another report: the weight of the terms it shares with unit `a`.
        let mut shared: Vec<f32> = vec![0.0; n];
        let mut touched: Vec<usize> = Vec::new();
        for a in 0..n {
            let unit = &self.units[a];
            let mut cut = false;
            for &(term, weight) in &unit.vector.terms {
                let list = &self.postings[term as usize];
                if list.len() > max_postings {
                    // Past the absolute cap only, the term would have told facts apart.
                    cut |= list.len() <= common;
                    continue;
                }
                for &b in list
                    .iter()
                    .filter(|&&b| self.units[b].report != unit.report)
                {
                    if shared[b] == 0.0 {
                        touched.push(b);
                    }
                    shared[b] += weight.max(f32::MIN_POSITIVE);
                }
            }
            if cut && touched.len() <= keep {
                crowded.push(a);
            }
            if touched.len() > keep {
                crowded.push(a);
                touched.select_nth_unstable_by(keep - 1, |&x, &y| {
                    shared[y].total_cmp(&shared[x]).then(rank[x].cmp(&rank[y]))
                });
            }
            for (k, &b) in touched.iter().enumerate() {
                if k < keep {
                    out.push((a.min(b), a.max(b)));
                }
                shared[b] = 0.0;
            }
            touched.clear();
        }
        out.sort_unstable();
        out.dedup();
        (out, crowded)
    }
}

/// The most candidates a unit keeps (with those that keep it) among `units`: past it, a
/// passage common to many reports (wire copy in two hundred outlets, a sentence repeated
/// in thousands of units) would make the candidates grow with the square of the input.
/// As many as keep all of them near [`TOTAL_CANDIDATES`] (a story in ten reports never
/// reaches it), and never fewer than [`MIN_CANDIDATES`]. Groups still form through the candidates kept, and their
/// averages are scored pair by pair.
pub fn candidates_per_unit(units: usize) -> usize {
    (TOTAL_CANDIDATES / units.max(1)).max(MIN_CANDIDATES)
}

/// A term in more units than this makes no candidates, however many units there are:
/// candidates cost the sum of the squares of the terms' unit counts.
pub const MAX_POSTINGS: usize = 500;

/// See [`candidates_per_unit`]. Scoring a candidate costs some 5 µs natively, so these
/// take about 1.5 s; a story in ten or twenty reports never reaches them.
pub const TOTAL_CANDIDATES: usize = 300_000;
/// The fewest a unit keeps however large the set.
pub const MIN_CANDIDATES: usize = 8;

/// A pair of units of different reports (`a < b`, indices into `Corpus::units`) with its
/// final same-fact score, at or above the looser tier's threshold.
#[derive(Debug, Clone, Copy)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub score: f32,
    /// At or above the precise tier's threshold: the same fact.
    pub same_fact: bool,
    /// Each unit is the other's closest counterpart in the other's report.
    pub mutual: bool,
}

/// Both stages of the scorer over the candidates, kept so that any further pair (one the
/// grouping asks about) is scored the same way.
pub struct Scorer<'c> {
    corpus: &'c Corpus,
    model: &'c Model,
    /// Pair scores of the candidates that passed the prefilter, by `(a, b)`, `a < b`.
    pair: PairMap<f32>,
    /// Per unit: its best pair score with each other report.
    best: Vec<FastMap<usize, f32>>,
    /// Per unit: its strongest candidates, by pair score, ascending unit index.
    neighbours: Vec<Vec<(usize, f32)>>,
    /// Final scores asked for so far, before the shift to this comparison's prior.
    cache: PairMap<f32>,
    /// The log-odds shift to this comparison's own share of same-fact candidates.
    shift: f32,
    /// The units whose candidates were cut at [`candidates_per_unit`].
    crowded: Vec<usize>,
    /// Pair scores of pairs that were no candidate, by the pair of their units'
    /// [`Corpus::same_as`].
    by_wording: std::cell::RefCell<PairMap<f32>>,
}

/// Each unit's place when units are ordered by report id, then position: ties are broken
/// by it, never by the order the reports were given in.
pub fn ranks(reports: &Reports<'_>, corpus: &Corpus) -> Vec<usize> {
    let mut by_id: Vec<usize> = (0..corpus.units.len()).collect();
    by_id.sort_by_key(|&u| (reports.id(corpus.units[u].report), corpus.units[u].segment));
    let mut rank = vec![0; by_id.len()];
    for (r, &u) in by_id.iter().enumerate() {
        rank[u] = r;
    }
    rank
}

/// A possible link scores at least this share of the best score either unit has with
/// the other's report.
const NEAR_BEST: f32 = 0.5;

/// A unit keeps at most this many candidates for two-hop support: past it, it is a hub.
const MAX_NEIGHBOURS: usize = 30;
/// Candidates below this pair score give no two-hop support.
const MIN_SUPPORT: f32 = 0.05;

/// A map keyed by pairs of unit indices. The scorer looks such keys up millions of times
/// on a large set; the standard library's SipHash resists flooding attacks that cannot
/// happen with indices the engine made itself, and costs an eighth of the whole run, so
/// these maps hash the way rustc's FxHash does.
type PairMap<V> = FastMap<(usize, usize), V>;

/// A map keyed by indices the engine made itself, hashed as [`PairMap`] is.
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<PairHasher>>;

/// FxHash: multiply and rotate, word by word.
#[derive(Default)]
struct PairHasher(u64);

impl Hasher for PairHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
}

/// The key of an unordered pair.
fn key(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}

impl<'c> Scorer<'c> {
    /// Scores every candidate with the pair model, and gathers what the graph features
    /// need.
    pub fn new(corpus: &'c Corpus, model: &'c Model, rank: &[usize]) -> Self {
        let max_idf = corpus.vocabulary.max_idf();
        let units = &corpus.units;
        let mut pair = PairMap::default();
        let mut best: Vec<FastMap<usize, f32>> = vec![FastMap::default(); units.len()];
        let mut neighbours: Vec<Vec<(usize, f32)>> = vec![Vec::new(); units.len()];
        let (candidates, crowded) = corpus.candidates(rank);
        for (a, b) in candidates {
            let Some((score, _)) = model.pair_score(&units[a].vector, &units[b].vector, max_idf)
            else {
                continue;
            };
            pair.insert((a, b), score);
            for (x, y) in [(a, b), (b, a)] {
                let slot = best[x].entry(units[y].report).or_insert(0.0);
                *slot = slot.max(score);
                if score >= MIN_SUPPORT {
                    neighbours[x].push((y, score));
                }
            }
        }
        for list in &mut neighbours {
            list.sort_by(|x, y| y.1.total_cmp(&x.1).then(rank[x.0].cmp(&rank[y.0])));
            list.truncate(MAX_NEIGHBOURS);
            list.sort_unstable_by_key(|&(u, _)| u);
        }
        let mut scorer = Scorer {
            corpus,
            model,
            pair,
            best,
            neighbours,
            cache: PairMap::default(),
            shift: 0.0,
            crowded,
            by_wording: Default::default(),
        };
        let raw: Vec<f32> = scorer
            .candidates()
            .into_iter()
            .map(|(a, b)| {
                let s = model.final_score(&scorer.graph(a, b), 0.0);
                scorer.cache.insert((a, b), s);
                s
            })
            .collect();
        scorer.shift = scorer::adapt_to_prior(&raw, model.prior);
        scorer
    }

    /// The candidates that passed the prefilter, ascending.
    pub fn candidates(&self) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = self.pair.keys().copied().collect();
        out.sort_unstable();
        out
    }

    /// The pair score of `a` and `b`, computed when they were no candidate.
    fn pair_score(&self, a: usize, b: usize) -> f32 {
        if let Some(&s) = self.pair.get(&key(a, b)) {
            return s;
        }
        // The features are symmetric, and units with the same words score alike.
        let (p, q) = key(self.corpus.same_as[a], self.corpus.same_as[b]);
        if let Some(&s) = self.by_wording.borrow().get(&(p, q)) {
            return s;
        }
        let (x, y) = (&self.corpus.units[p].vector, &self.corpus.units[q].vector);
        let full = Features::between(x, y, self.corpus.vocabulary.max_idf());
        let s = score_with(&self.model.pair, &scorer::pair_features(&full));
        self.by_wording.borrow_mut().insert((p, q), s);
        s
    }

    /// The pair and graph features of `a` and `b` (units of different reports), for
    /// calibration.
    #[cfg(feature = "internals")]
    pub fn features(
        &self,
        a: usize,
        b: usize,
    ) -> ([f32; scorer::PAIR_FEATURES], [f32; scorer::GRAPH_FEATURES]) {
        let units = &self.corpus.units;
        let (x, y) = (&units[a].vector, &units[b].vector);
        let full = Features::between(x, y, self.corpus.vocabulary.max_idf());
        (scorer::pair_features(&full), self.graph(a, b))
    }

    fn graph(&self, a: usize, b: usize) -> [f32; scorer::GRAPH_FEATURES] {
        let units = &self.corpus.units;
        let (ra, rb) = (units[a].report, units[b].report);
        let score = self.pair_score(a, b);
        let best = |u: usize, r: usize| self.best[u].get(&r).copied().unwrap_or(0.0).max(score);
        let neighbour = |u: usize, v: usize| {
            self.neighbours[u]
                .binary_search_by_key(&v, |&(w, _)| w)
                .ok()
                .map(|i| self.neighbours[u][i].1)
        };
        let through_third = self.neighbours[a]
            .iter()
            .filter(|&&(c, _)| units[c].report != ra && units[c].report != rb)
            .filter_map(|&(c, s_ac)| Some(s_ac.min(neighbour(b, c)?)))
            .collect();
        // A unit's neighbour in its own report, `step` units away, if any.
        let next = |u: usize, step: isize| {
            let v = u.checked_add_signed(step)?;
            (v < units.len() && units[v].report == units[u].report).then_some(v)
        };
        let known = |x: Option<usize>, y: Option<usize>| {
            x.zip(y)
                .and_then(|(x, y)| self.pair.get(&key(x, y)).copied())
                .unwrap_or(0.0)
        };
        let in_step = known(next(a, -1), next(b, -1)).max(known(next(a, 1), next(b, 1)));
        let beside = [
            known(Some(a), next(b, -1)),
            known(Some(a), next(b, 1)),
            known(next(a, -1), Some(b)),
            known(next(a, 1), Some(b)),
        ]
        .into_iter()
        .fold(0.0, f32::max);
        scorer::graph_features(&scorer::Standing {
            score,
            best_of_a: best(a, rb),
            best_of_b: best(b, ra),
            through_third,
            in_step,
            beside,
        })
    }

    /// The final same-fact score of units `a` and `b` (of different reports).
    pub fn score(&mut self, a: usize, b: usize) -> f32 {
        let raw = match self.cache.get(&key(a, b)) {
            Some(&s) => s,
            None => {
                let s = self.model.final_score(&self.graph(a, b), 0.0);
                self.cache.insert(key(a, b), s);
                s
            }
        };
        scorer::shifted(raw, self.shift)
    }
}

/// What the alignment found: the comparable units, the scored links between them and the
/// facts (groups of units) the links form. Every section of the result reads it.
pub struct Alignment {
    pub corpus: Corpus,
    /// Links of both tiers, ascending by `(a, b)`.
    pub links: Vec<Link>,
    /// Each fact's units (indices into `corpus.units`, ascending), facts carried by more
    /// reports first. A unit is in every fact it states; every same-fact link's two units
    /// share a group (the grouping's caps move a link it cannot honour to the looser tier)
    /// share a group.
    pub groups: Vec<Vec<usize>>,
    /// For each unit, the groups it is in.
    pub in_groups: Vec<Vec<usize>>,
    /// For each unit, its best-scoring candidate in another report, linked or not.
    pub nearest: Vec<Option<(usize, f32)>>,
    /// For each unit, whether it has a link of either tier.
    pub linked: Vec<bool>,
    /// The units that had more candidates than [`candidates_per_unit`] (only the
    /// closest were scored), or a same-fact link the grouping could not honour.
    pub crowded: Vec<usize>,
}

impl Alignment {
    /// Aligns the reports: units, scored candidates, links in two tiers, then groups.
    pub fn with_model(reports: &Reports<'_>, quoted: &Quoted, model: &Model) -> Alignment {
        let corpus = Corpus::new(reports.prepared, &quoted.shared_by_unit());
        let n = corpus.units.len();
        let rank = ranks(reports, &corpus);
        let mut scorer = Scorer::new(&corpus, model, &rank);
        let mut links = Vec::new();
        let mut nearest: Vec<Option<(usize, f32)>> = vec![None; n];
        let scored: Vec<(usize, usize, f32)> = scorer
            .candidates()
            .into_iter()
            .map(|(a, b)| (a, b, scorer.score(a, b)))
            .collect();
        // Each unit's best final score with each other report.
        let mut best: Vec<FastMap<usize, f32>> = vec![FastMap::default(); n];
        for &(a, b, score) in &scored {
            for (x, y) in [(a, b), (b, a)] {
                let slot = best[x].entry(corpus.units[y].report).or_insert(0.0);
                *slot = slot.max(score);
                let closer = nearest[x]
                    .is_none_or(|(v, s)| score.total_cmp(&s).then(rank[v].cmp(&rank[y])).is_gt());
                if closer {
                    nearest[x] = Some((y, score));
                }
            }
        }
        for &(a, b, score) in &scored {
            // Copied text is the same fact whatever the graph says (two identical reports
            // have no third one to support their links).
            let copied = || {
                scorer.pair_score(a, b) >= 0.5
                    && relation(&corpus.units[a].vector, &corpus.units[b].vector)
                        != Relation::Paraphrase
            };
            let same_fact = score >= model.same_fact || copied();
            // The looser tier holds only a unit's closest counterpart in the other report:
            // in one narrow story every passage is somewhat like many others.
            let (best_a, best_b) = (
                best[a][&corpus.units[b].report],
                best[b][&corpus.units[a].report],
            );
            let closest = score >= NEAR_BEST * best_a || score >= NEAR_BEST * best_b;
            if same_fact || (score >= model.possible && closest) {
                links.push(Link {
                    a,
                    b,
                    score,
                    same_fact,
                    mutual: score == best_a && score == best_b,
                });
            }
        }
        let report_of: Vec<usize> = corpus.units.iter().map(|u| u.report).collect();
        let same_fact: Vec<(usize, usize, f32)> = links
            .iter()
            .filter(|l| l.same_fact)
            .map(|l| (l.a, l.b, l.score))
            .collect();
        let mut groups = group::groups(
            &report_of,
            &rank,
            &same_fact,
            &mut |a, b| scorer.score(a, b),
            &group::Thresholds {
                merge: MERGE_MIN.max(model.same_fact),
                join: model.same_fact,
            },
        );
        let count_reports = |g: &Vec<usize>| {
            g.iter()
                .map(|&u| report_of[u])
                .collect::<HashSet<_>>()
                .len()
        };
        groups.sort_by_cached_key(|g| (std::cmp::Reverse(count_reports(g)), g[0]));
        let mut in_groups: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (g, members) in groups.iter().enumerate() {
            for &u in members {
                in_groups[u].push(g);
            }
        }
        let mut crowded = std::mem::take(&mut scorer.crowded);
        drop(scorer);
        // A same-fact link the grouping could not honour (a unit past the most facts one
        // unit joins) is possibly the same fact: linked, in no shared group.
        let shares = |a: usize, b: usize| in_groups[a].iter().any(|g| in_groups[b].contains(g));
        for l in links
            .iter_mut()
            .filter(|l| l.same_fact && !shares(l.a, l.b))
        {
            l.same_fact = false;
            crowded.extend([l.a, l.b]);
        }
        crowded.sort_unstable();
        crowded.dedup();
        let mut linked = vec![false; n];
        for l in &links {
            linked[l.a] = true;
            linked[l.b] = true;
        }
        Alignment {
            linked,
            crowded,
            corpus,
            links,
            groups,
            in_groups,
            nearest,
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

    /// Whether units `a` and `b` share a group, or a link by which each is the other's
    /// closest counterpart: whether a detail of one and a detail of the other may be
    /// about the same thing.
    pub fn related(&self, a: usize, b: usize) -> bool {
        self.same_group(a, b) || self.link(a, b).is_some_and(|l| l.mutual)
    }

    /// The link between units `a` and `b`, of either tier, if any.
    pub fn link(&self, a: usize, b: usize) -> Option<&Link> {
        self.links
            .binary_search_by_key(&(a.min(b), a.max(b)), |l| (l.a, l.b))
            .ok()
            .map(|i| &self.links[i])
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
/// Whether the text `between` two words (`before` and `after`, normalised) starts a new
/// clause: a semicolon, colon, dash, bracket or quotation mark always does; a comma only
/// before a subordinating word or relative pronoun ("…, which was delayed") or after a
/// reporting verb ("…, he said, …"), since most commas separate list items and
/// appositions that belong to the clause they stand in.
pub fn starts_clause(between: &str, before: &str, after: &str) -> bool {
    const SUBORDINATORS: &[&str] = &[
        "which",
        "who",
        "whom",
        "whose",
        "where",
        "when",
        "while",
        "after",
        "before",
        "because",
        "although",
        "though",
        "as",
        "since",
        "until",
        "unless",
        "if",
        "but",
        "and",
        "saying",
        "adding",
        "according",
    ];
    const REPORTING: &[&str] = &["said", "says", "added", "told", "stated", "noted"];
    let strong = PHRASE_BREAKS.iter().filter(|&&c| c != ',');
    if strong.into_iter().any(|&c| between.contains(c)) {
        return true;
    }
    between.contains(',') && (SUBORDINATORS.contains(&after) || REPORTING.contains(&before))
}

/// How a pair of linked units carries the shared fact, from their word sequences:
/// verbatim when nearly every word matches in order, rewrite when a large part does (or
/// a long run is copied), paraphrase otherwise.
pub fn relation(a: &Vector, b: &Vector) -> Relation {
    let longer = a.seq.len().max(b.seq.len()).max(1) as f32;
    let (lcs, run) = a.lcs_and_run(b);
    let in_order = lcs as f32 / longer;
    if in_order >= 0.9 {
        Relation::Verbatim
    } else if in_order >= 0.5 || run >= 6 {
        Relation::Rewrite
    } else {
        Relation::Paraphrase
    }
}
