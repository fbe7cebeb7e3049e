//! The same utterance across reports: clusters of quoted instances.
//!
//! Clustering is a list of scored [`Edge`]s merged into sets over a union-find, words
//! first, strongest first, with two guards against chaining:
//! - two sets whose known speakers differ merge only through the same words
//!   re-attributed (an edge of at least [`REATTRIBUTED`]);
//! - an edge of weaker evidence than shared wording (a short quote inside a longer one,
//!   two wordings in aligned passages) merges two sets only when one of them is confined
//!   to a single report: one speaker's several statements cannot join two utterances
//!   that other reports quote apart;
//! - a continued quotation, one report's layout alone, merges only sets confined to that
//!   report: it never pulls a paragraph no one else quotes into another's utterance.
//!
//! Edges come from [`edges`], which reads the quotes alone:
//! - two renderings in different reports whose content words mostly overlap (the
//!   shorter's are mostly in the longer, at least two shared), or the same single word;
//! - one report repeating a quote word for word;
//! - a quotation that goes on past its sentence: the next quote of the same speaker opens
//!   the next unit after no more than an attribution ("…,” he said. “…").
//!
//! The quotes section adds the edges that need the alignment and the vocabulary. Two
//! quotes that share no content word are never joined by an edge of their own.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

pub use crate::text::names::same_speaker;
use crate::text::names::speaker_keys;
use crate::union_find::UnionFind;

/// Most words after a quote, to the end of its unit, for the next unit's quote to
/// continue it: room for an attribution (", the minister told reporters on Monday."),
/// not for a sentence of narrative.
const CONTINUATION_GAP: usize = 8;
/// The least strength for an edge between quotes given to different speakers: the same
/// words, credited to someone else.
const REATTRIBUTED: f32 = 0.75;
/// The membership of a continued quotation's next part.
const CONTINUED: f32 = 0.8;
/// The membership of fragments that two reports put side by side.
const FRAGMENTS: f32 = 0.6;

/// A quoted instance to cluster.
#[derive(Debug, Clone)]
pub struct Item {
    pub report: usize,
    /// Where the quote stands whatever the order of the reports: the rank of its
    /// report's id among the ids, and its start in the report.
    pub place: (usize, usize),
    /// The segment the quote starts in, and the one it ends in.
    pub segment: usize,
    pub last_segment: usize,
    /// The resolved speaker, when known.
    pub speaker: Option<String>,
    /// Content stems of the quoted words, as ids of one interning, ascending, distinct.
    pub stems: Vec<u32>,
    /// Nothing but the opening mark stands before the quote in its unit.
    pub opens_unit: bool,
    /// Words after the quote to the end of its last unit.
    pub words_after: usize,
    /// Inside another quote.
    pub nested: bool,
}

/// What an [`Edge`] rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// Most of the content words shared.
    Words,
    /// Weaker evidence: containment of a short quote, aligned passages.
    Context,
    /// The weakest: one report's layout, a quotation that goes on past its sentence.
    /// It joins only quotes no other report carries: a witness's next paragraph may be
    /// another statement, and other reports quoting one of them apart is no evidence
    /// that they are one.
    Continued,
}

/// A reason to put items `a` and `b` in one cluster, with its strength (0 to 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    pub a: usize,
    pub b: usize,
    pub strength: f32,
    pub evidence: Evidence,
}

/// Shared content terms over the smaller set: (how many, their share of the smaller).
pub fn containment(a: &[u32], b: &[u32]) -> (usize, f32) {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let smaller = a.len().min(b.len()).max(1);
    (shared, shared as f32 / smaller as f32)
}

/// Which items' speakers name one source, worked out once per distinct speaker string
/// ([`same_speaker`] is not cheap, and merging asks it often), and only for the speakers
/// that share something it matches by ([`speaker_keys`]): a thousand speakers each named
/// once cost a thousand lookups, not half a million comparisons.
pub struct Speakers {
    /// Per item, the index of its speaker among the distinct ones.
    pub of: Vec<Option<usize>>,
    /// The pairs `(x, y)`, `x < y`, of distinct speakers that name one source.
    same: HashSet<(usize, usize)>,
}

/// Speakers sharing one key past this many are not all compared (a hostile input only:
/// thousands of distinct attributions with one head word).
const MAX_SHARING_A_KEY: usize = 1_000;

impl Speakers {
    pub fn new(items: &[Item]) -> Speakers {
        let mut names: Vec<&str> = items.iter().filter_map(|i| i.speaker.as_deref()).collect();
        names.sort_unstable();
        names.dedup();
        let of = items
            .iter()
            .map(|i| {
                i.speaker
                    .as_deref()
                    .and_then(|s| names.binary_search(&s).ok())
            })
            .collect();
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
        let keys: Vec<Vec<String>> = names
            .iter()
            .enumerate()
            .map(|(x, name)| {
                let (keys, initials) = speaker_keys(name);
                for key in keys.iter().filter(|k| !k.starts_with("w:")) {
                    by_key.entry(key.clone()).or_default().push(x);
                }
                if let Some(initials) = initials {
                    by_initials.entry(initials).or_default().push(x);
                }
                keys
            })
            .collect();
        let mut asked: HashSet<(usize, usize)> = HashSet::new();
        for (x, keys) in keys.iter().enumerate() {
            for key in keys {
                let index = if key.starts_with("w:") {
                    &by_initials
                } else {
                    &by_key
                };
                let sharing = index.get(key).map_or(&[][..], |v| v.as_slice());
                for &y in sharing.iter().take(MAX_SHARING_A_KEY) {
                    if y != x {
                        asked.insert((x.min(y), x.max(y)));
                    }
                }
            }
        }
        let same = asked
            .into_iter()
            .filter(|&(x, y)| same_speaker(names[x], names[y]))
            .collect();
        Speakers { of, same }
    }

    /// Whether items `a` and `b` have known speakers that name one source (`None` when
    /// either is unknown).
    pub fn agree(&self, a: usize, b: usize) -> Option<bool> {
        Some(self.same(self.of[a]?, self.of[b]?))
    }

    /// Whether two distinct speakers (indices) name one source.
    fn same(&self, x: usize, y: usize) -> bool {
        x == y || self.same.contains(&(x.min(y), x.max(y)))
    }
}

/// How strongly two quoted instances read as one utterance from their words alone, if at
/// all; `differ` when their speakers are known and differ.
pub fn same_utterance(a: &Item, b: &Item, differ: bool) -> Option<f32> {
    if a.stems.is_empty() || b.stems.is_empty() {
        return None;
    }
    if a.report == b.report {
        return (a.stems == b.stems).then_some(1.0);
    }
    let (shared, ratio) = containment(&a.stems, &b.stems);
    let strength = if a.stems.len() == 1 && a.stems == b.stems {
        0.7
    } else if shared >= 2 && ratio >= 0.6 {
        ratio
    } else {
        return None;
    };
    // Different speakers: only the same words, re-attributed, most of the longer's
    // too: a witness's few words are not re-attributed because another's long account
    // happens to hold them ("we were coming through the tunnel … going at some speed"
    // and "the driver went round the bend so fast … coming up to" the stop).
    let longer = a.stems.len().max(b.stems.len());
    if differ && (strength < REATTRIBUTED || shared < 3 || 2 * shared < longer) {
        return None;
    }
    Some(strength)
}

/// Whether `b` goes on with the quotation `a` (the quote before it in the same report):
/// it opens the unit after the one `a` ends in, after no more than an attribution, and
/// has the same speaker.
fn continues(a: &Item, b: &Item, agree: Option<bool>) -> bool {
    a.report == b.report
        && !a.nested
        && !b.nested
        && b.opens_unit
        && b.segment == a.last_segment + 1
        && a.words_after <= CONTINUATION_GAP
        && agree == Some(true)
}

/// The edges that need nothing but the quotes: see the module's documentation. Items are
/// in report order, and within a report in text order.
pub fn edges(items: &[Item], speakers: &Speakers) -> Vec<Edge> {
    let mut out = Vec::new();
    let sharing = sharing_pairs(items);
    for i in 0..items.len() {
        for &j in &sharing[i] {
            let differ = speakers.agree(i, j) == Some(false);
            if let Some(strength) = same_utterance(&items[i], &items[j], differ) {
                out.push(Edge {
                    a: i,
                    b: j,
                    strength,
                    evidence: Evidence::Words,
                });
            }
        }
        // The next quote outside quotes in the same report.
        let next = (i + 1..items.len())
            .take_while(|&j| items[j].report == items[i].report)
            .find(|&j| !items[j].nested);
        if let Some(j) = next.filter(|&j| continues(&items[i], &items[j], speakers.agree(i, j))) {
            out.push(Edge {
                a: i,
                b: j,
                strength: CONTINUED,
                evidence: Evidence::Continued,
            });
        }
    }
    out
}

/// For each item, the later items (ascending) that share a stem with it: every edge needs
/// one, and looking only at these keeps the cost with the shared words rather than with
/// the square of the quotes.
pub fn sharing_pairs(items: &[Item]) -> Vec<Vec<usize>> {
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        for &stem in &item.stems {
            let list = postings.entry(stem).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let mut seen = vec![usize::MAX; items.len()];
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let mut later: Vec<usize> = Vec::new();
            for stem in &item.stems {
                let list = &postings[stem];
                let from = list.partition_point(|&j| j <= i);
                for &j in &list[from..] {
                    if seen[j] != i {
                        seen[j] = i;
                        later.push(j);
                    }
                }
            }
            later.sort_unstable();
            later
        })
        .collect()
}

/// Whether `b` is another fragment of the statement `a` is part of: same unit, same
/// known speaker.
fn fragment_of(a: &Item, b: &Item) -> bool {
    a.report == b.report && a.segment == b.segment && a.speaker.is_some() && a.speaker == b.speaker
}

/// Clusters of item indices, in order of first item, each member with its membership:
/// the strength of the strongest merged edge that touches it (1 for a quote alone).
/// See the module's documentation for the order of merging and its guards.
pub fn clusters(items: &[Item], edges: &[Edge], known: &Speakers) -> Vec<Vec<(usize, f32)>> {
    let mut order: Vec<&Edge> = edges.iter().collect();
    // Ties are broken by where the quotes stand, not by their indices, so that the
    // clusters do not depend on the order in which the reports come.
    let place = |e: &Edge| {
        let (p, q) = (items[e.a].place, items[e.b].place);
        (p.min(q), p.max(q))
    };
    order.sort_by(|x, y| {
        x.evidence
            .cmp(&y.evidence)
            .then(y.strength.total_cmp(&x.strength))
            .then(place(x).cmp(&place(y)))
    });
    let mut sets = UnionFind::new(items.len());
    // Per root: the known speakers and the reports of its set.
    let mut speakers: Vec<Vec<usize>> = known
        .of
        .iter()
        .map(|s| s.iter().copied().collect())
        .collect();
    let mut reports: Vec<BTreeSet<usize>> = items.iter().map(|it| [it.report].into()).collect();
    let mut membership = vec![0.0f32; items.len()];
    for edge in order {
        let (ra, rb) = (sets.find(edge.a), sets.find(edge.b));
        if ra != rb {
            let (sa, sb) = (&speakers[ra], &speakers[rb]);
            let agree = sa.is_empty()
                || sb.is_empty()
                || sa.iter().any(|&x| sb.iter().any(|&y| known.same(x, y)));
            if !agree && edge.strength < REATTRIBUTED {
                continue;
            }
            let confined = reports[ra].len() == 1 || reports[rb].len() == 1;
            if edge.evidence == Evidence::Context && !confined {
                continue;
            }
            let alone = reports[ra].len() == 1 && reports[ra] == reports[rb];
            if edge.evidence == Evidence::Continued && !alone {
                continue;
            }
            let root = sets.union(ra, rb);
            let child = ra + rb - root;
            let moved = std::mem::take(&mut speakers[child]);
            speakers[root].extend(moved);
            speakers[root].sort_unstable();
            speakers[root].dedup();
            let moved = std::mem::take(&mut reports[child]);
            reports[root].extend(moved);
        }
        membership[edge.a] = membership[edge.a].max(edge.strength);
        membership[edge.b] = membership[edge.b].max(edge.strength);
    }
    // Two sets whose quotes stand together as fragments of one statement (same unit,
    // same speaker) in at least two reports are one utterance quoted in pieces
    // ("political trial" … "justify her arrest" in two reports): the reports agree on it.
    let mut together: BTreeMap<(usize, usize), BTreeSet<usize>> = BTreeMap::new();
    // Items are in text order: the quotes of one unit stand together.
    for i in 0..items.len() {
        let same_unit = (i + 1..items.len()).take_while(|&j| {
            items[j].report == items[i].report && items[j].segment == items[i].segment
        });
        for j in same_unit {
            if fragment_of(&items[i], &items[j]) {
                let (a, b) = (sets.find(i), sets.find(j));
                if a != b {
                    together
                        .entry((a.min(b), a.max(b)))
                        .or_default()
                        .insert(items[i].report);
                }
            }
        }
    }
    for ((a, b), agreeing) in together {
        if agreeing.len() >= 2 {
            for k in [a, b] {
                membership[k] = membership[k].max(FRAGMENTS);
            }
            sets.union(a, b);
        }
    }
    sets.sets()
        .into_iter()
        .map(|members| {
            let alone = members.len() == 1;
            members
                .into_iter()
                .map(|k| (k, if alone { 1.0 } else { membership[k] }))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Test words as stem ids: one interning for the whole test binary.
    fn ids(words: &[&str]) -> Vec<u32> {
        use std::sync::Mutex;
        static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());
        let mut seen = SEEN.lock().unwrap();
        let mut out: Vec<u32> = words
            .iter()
            .map(|w| match seen.iter().position(|s| s == w) {
                Some(k) => k as u32,
                None => {
                    seen.push(w.to_string());
                    (seen.len() - 1) as u32
                }
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    fn item(report: usize, segment: usize, speaker: Option<&str>, words: &[&str]) -> Item {
        Item {
            report,
            place: (report, segment),
            segment,
            last_segment: segment,
            speaker: speaker.map(str::to_string),
            stems: ids(words),
            opens_unit: false,
            words_after: 0,
            nested: false,
        }
    }

    fn members(clusters: Vec<Vec<(usize, f32)>>) -> Vec<Vec<usize>> {
        clusters
            .into_iter()
            .map(|c| c.into_iter().map(|(k, _)| k).collect())
            .collect()
    }

    fn cluster(items: &[Item]) -> Vec<Vec<usize>> {
        let speakers = Speakers::new(items);
        members(clusters(items, &edges(items, &speakers), &speakers))
    }

    #[test]
    fn trimmed_renderings_cluster_and_topics_do_not() {
        let items = [
            item(
                0,
                3,
                None,
                &["illog", "contrari", "realiti", "ground", "argument"],
            ),
            item(
                1,
                5,
                None,
                &["illog", "detach", "realiti", "ground", "argument"],
            ),
            item(2, 7, None, &["illog", "opposit", "ground", "realiti"]),
            item(3, 2, None, &["final", "posit"]),
        ];
        assert_eq!(cluster(&items), [vec![0, 1, 2], vec![3]]);
    }

    /// Class 6: one speaker's two statements in one sentence share no word and stay two
    /// utterances ("the deal “has been finalised” after “detailed talks”").
    #[test]
    fn fragments_sharing_no_word_stay_apart() {
        let items = [
            item(0, 12, Some("the minister"), &["final"]),
            item(0, 12, Some("the minister"), &["detail", "talk"]),
        ];
        assert_eq!(cluster(&items), [vec![0], vec![1]]);
    }

    /// Two reports that both set "political trial" beside "justify her arrest" in one
    /// sentence of one speaker quote one statement in pieces.
    #[test]
    fn fragments_two_reports_put_together_are_one_statement() {
        let items = [
            item(0, 12, Some("her father"), &["polit", "trial"]),
            item(0, 12, Some("her father"), &["justifi", "arrest"]),
            item(1, 8, Some("her father"), &["polit", "trial"]),
            item(1, 8, Some("her father"), &["justifi", "arrest"]),
        ];
        assert_eq!(cluster(&items), [vec![0, 1, 2, 3]]);
    }

    /// Class 6: condolences from two speakers share words but are two utterances.
    #[test]
    fn different_speakers_do_not_chain() {
        let items = [
            item(0, 4, Some("the mayor"), &["thought", "famili", "victim"]),
            item(
                1,
                6,
                Some("the prime minister"),
                &["thought", "famili", "lost"],
            ),
            item(2, 2, None, &["thought", "famili", "victim", "prayer"]),
        ];
        // 2 joins the mayor's quote (3 shared words); the minister's stays apart, though
        // it shares two words with each.
        assert_eq!(cluster(&items), [vec![0, 2], vec![1]]);
    }

    /// The same words credited to another speaker stay one utterance (and are flagged
    /// re-attributed by the section).
    #[test]
    fn the_same_words_reattributed_cluster() {
        let items = [
            item(
                0,
                4,
                Some("a ministry spokesman"),
                &["talk", "product", "constructiv"],
            ),
            item(
                1,
                6,
                Some("the foreign minister"),
                &["talk", "product", "constructiv"],
            ),
        ];
        assert_eq!(cluster(&items), [vec![0, 1]]);
    }

    /// Class 6: a short quote whose words another speaker's long account holds is not
    /// that account re-attributed.
    #[test]
    fn a_short_quote_inside_another_speakers_account_stays_apart() {
        let items = [
            item(0, 5, Some("Jane Doe"), &["come", "go", "tram", "tunnel"]),
            item(
                1,
                7,
                Some("John Roe"),
                &[
                    "bend", "brake", "come", "driver", "fast", "go", "stop", "track", "tram",
                    "tunnel",
                ],
            ),
        ];
        assert_eq!(cluster(&items), [vec![0], vec![1]]);
    }

    /// A quotation that goes on in the next paragraph after "she said" is one utterance;
    /// a quote after a sentence of narrative is not part of it.
    #[test]
    fn a_continued_quotation_is_one_utterance() {
        let mut first = item(0, 3, Some("Jane Doe"), &["heard", "crash"]);
        first.words_after = 2;
        let mut second = item(0, 4, Some("Jane Doe"), &["ran", "outsid", "smoke"]);
        second.opens_unit = true;
        let mut later = item(0, 6, Some("Jane Doe"), &["car", "stop"]);
        later.opens_unit = true;
        assert_eq!(cluster(&[first, second, later]), [vec![0, 1], vec![2]]);
    }

    /// One report running two utterances together does not merge them when other
    /// reports quote them apart.
    #[test]
    fn one_reports_layout_does_not_join_two_utterances() {
        let mut first = item(0, 3, Some("Jane Doe"), &["everyon", "fli", "went"]);
        first.words_after = 2;
        let mut second = item(0, 4, Some("Jane Doe"), &["woman", "top", "respons"]);
        second.opens_unit = true;
        let items = [
            first,
            second,
            item(1, 2, Some("Jane Doe"), &["everyon", "fli", "went", "liter"]),
            item(
                2,
                5,
                Some("Jane Doe"),
                &["woman", "top", "respons", "blood"],
            ),
        ];
        assert_eq!(cluster(&items), [vec![0, 2], vec![1, 3]]);
    }

    /// A witness's next paragraph that no other report quotes is not pulled, by layout
    /// alone, into a statement other reports carry: the next paragraph may be another
    /// statement ("We were coming out of the tunnel …" then "There was a girl on top of
    /// me …").
    #[test]
    fn layout_does_not_pull_a_lone_paragraph_into_a_shared_utterance() {
        let mut first = item(0, 3, Some("Jane Doe"), &["tunnel", "bend", "speed"]);
        first.words_after = 2;
        let mut second = item(0, 4, Some("Jane Doe"), &["girl", "top", "respons"]);
        second.opens_unit = true;
        let items = [
            first,
            second,
            item(
                1,
                2,
                Some("Jane Doe"),
                &["woman", "top", "respons", "blood"],
            ),
        ];
        assert_eq!(cluster(&items), [vec![0], vec![1, 2]]);
    }

    #[test]
    fn membership_is_the_strongest_edge() {
        let items = [
            item(0, 1, None, &["reckless", "short", "sight", "budget"]),
            item(1, 1, None, &["reckless", "short", "sight", "budget"]),
            item(2, 1, None, &["reckless", "short", "plan"]),
        ];
        let speakers = Speakers::new(&items);
        let got = clusters(&items, &edges(&items, &speakers), &speakers);
        assert_eq!(got.len(), 1);
        let m: Vec<f32> = got[0].iter().map(|&(_, m)| m).collect();
        assert_eq!(m[0], 1.0);
        assert!((m[2] - 2.0 / 3.0).abs() < 1e-6, "{m:?}");
    }
}
