//! Grouping same-fact links into facts: overlapping groups, without chaining through hubs.
//!
//! A plain connected-components merge of all links collapses a story into one blob: the
//! lede links to half the article, and everything linked to the lede joins. Instead,
//! links are taken strongest first (average-linkage agglomerative clustering), and two
//! groups merge only while the average score over the cross-report pairs between them
//! stays at or above a threshold. The pairs that were no candidate are *scored* for that
//! average (the caller's `score`), not counted as zero: a fact stated in twenty words by
//! one outlet and in eight by another must not be refused because nobody compared them.
//!
//! Then every same-fact link is honoured (up to [`MAX_FACTS_PER_UNIT`] groups a unit): a sentence often states two or three facts, so
//! when a link's two units share no group, each joins the other's groups where it fits
//! them (their average with its members reaches `join`), and failing that the two form a
//! group of their own. A unit thus belongs to every fact it states. A group that lies
//! inside another is dropped: it says nothing the larger one does not.
//!
//! Cost: O(L log L) for L links, plus the pairwise averages, each over at most
//! [`MAX_PAIRS_CHECKED`] pairs.

use std::collections::{HashMap, HashSet};

/// An average over more pairs than this is taken over this many, between the first
/// members of each group in rank order, so that merging two large groups stays cheap.
pub const MAX_PAIRS_CHECKED: usize = 24;

/// The most facts (groups) a unit joins while links are honoured: a sentence states two
/// or three facts, and a passage repeated hundreds of times would otherwise join or start
/// a group for every copy it is linked to. A link left out this way shares no group; the
/// caller moves it to the looser tier.
pub const MAX_FACTS_PER_UNIT: usize = 8;

/// The grouping's thresholds.
pub struct Thresholds {
    /// Two groups merge while their average cross-report score is at least this.
    pub merge: f32,
    /// A unit joins a further group when its average with that group is at least this.
    pub join: f32,
}

/// Groups of unit indices, each ascending, in order of their first member.
///
/// `report[u]` is the report of unit `u`; `links` are the same-fact links `(a, b,
/// score)` between units of different reports; `score(a, b)` scores any pair of units of
/// different reports. Equal link scores are taken in the order of `rank`, which must not
/// depend on the order the reports were given in.
pub fn groups(
    report: &[usize],
    rank: &[usize],
    links: &[(usize, usize, f32)],
    score: &mut dyn FnMut(usize, usize) -> f32,
    thresholds: &Thresholds,
) -> Vec<Vec<usize>> {
    let units = report.len();
    let ranked = |&(a, b, _): &(usize, usize, f32)| {
        let (x, y) = (rank[a], rank[b]);
        (x.min(y), x.max(y))
    };
    let mut order: Vec<&(usize, usize, f32)> = links.iter().collect();
    order.sort_by(|x, y| y.2.total_cmp(&x.2).then(ranked(x).cmp(&ranked(y))));

    let mut group_of: Vec<usize> = (0..units).collect();
    let mut members: Vec<Vec<usize>> = (0..units).map(|u| vec![u]).collect();
    // Merges refused, by the two groups and their sizes: groups only grow, so a refusal
    // holds until one of them does (many links between two large groups ask again).
    let mut refused: HashSet<(usize, usize, usize, usize)> = HashSet::new();
    for &&(a, b, _) in &order {
        let (ga, gb) = (group_of[a], group_of[b]);
        if ga == gb {
            continue;
        }
        let asked = (
            ga.min(gb),
            ga.max(gb),
            members[ga.min(gb)].len(),
            members[ga.max(gb)].len(),
        );
        if refused.contains(&asked) {
            continue;
        }
        if average(&members[ga], &members[gb], report, rank, score) < thresholds.merge {
            refused.insert(asked);
            continue;
        }
        let (keep, gone) = if members[ga].len() >= members[gb].len() {
            (ga, gb)
        } else {
            (gb, ga)
        };
        let moved = std::mem::take(&mut members[gone]);
        for &u in &moved {
            group_of[u] = keep;
        }
        members[keep].extend(moved);
    }
    let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|m| m.len() > 1).collect();
    // In rank order, so that the joins below do not depend on the order of the reports.
    let ranked_key = |g: &Vec<usize>| {
        let mut r: Vec<usize> = g.iter().map(|&u| rank[u]).collect();
        r.sort_unstable();
        r
    };
    for g in &mut groups {
        g.sort_unstable();
    }
    groups.sort_by_key(ranked_key);

    // Every same-fact link ends with its two units in one group.
    let mut in_groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for (g, m) in groups.iter().enumerate() {
        for &u in m {
            in_groups.entry(u).or_default().push(g);
        }
    }
    let shares = |in_groups: &HashMap<usize, Vec<usize>>, a: usize, b: usize| {
        let (ga, gb) = (in_groups.get(&a), in_groups.get(&b));
        ga.zip(gb)
            .is_some_and(|(x, y)| x.iter().any(|g| y.contains(g)))
    };
    for &&(a, b, _) in &order {
        if shares(&in_groups, a, b) {
            continue;
        }
        let full = |in_groups: &HashMap<usize, Vec<usize>>, u: usize| {
            in_groups
                .get(&u)
                .is_some_and(|g| g.len() >= MAX_FACTS_PER_UNIT)
        };
        for (unit, other) in [(a, b), (b, a)] {
            let their: Vec<usize> = in_groups.get(&other).cloned().unwrap_or_default();
            for g in their {
                if full(&in_groups, unit) {
                    break;
                }
                let Err(at) = groups[g].binary_search(&unit) else {
                    continue;
                };
                if average(&[unit], &groups[g], report, rank, score) >= thresholds.join {
                    groups[g].insert(at, unit);
                    in_groups.entry(unit).or_default().push(g);
                }
            }
        }
        if !shares(&in_groups, a, b) && !full(&in_groups, a) && !full(&in_groups, b) {
            let g = groups.len();
            groups.push(vec![a.min(b), a.max(b)]);
            in_groups.entry(a).or_default().push(g);
            in_groups.entry(b).or_default().push(g);
        }
    }
    // A group inside another says nothing the larger one does not. Only the kept groups
    // that hold a group's first unit can hold it.
    groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
    let mut kept: Vec<Vec<usize>> = Vec::new();
    let mut kept_with: HashMap<usize, Vec<usize>> = HashMap::new();
    for g in groups {
        let inside = |&k: &usize| g.iter().all(|u| kept[k].binary_search(u).is_ok());
        if !kept_with.get(&g[0]).is_some_and(|ks| ks.iter().any(inside)) {
            for &u in &g {
                kept_with.entry(u).or_default().push(kept.len());
            }
            kept.push(g);
        }
    }
    kept.sort();
    kept
}

/// The average score over the pairs of units of different reports between `x` and `y`;
/// 0 when there are none. Past [`MAX_PAIRS_CHECKED`] pairs, over those between the first
/// members of each in rank order (as many of `y`'s as the cap leaves room for beside
/// `x`'s first), so that the cost stays bounded however large the groups. The scores are
/// summed in ascending order, so that the result does not depend on the order of the
/// reports.
fn average(
    x: &[usize],
    y: &[usize],
    report: &[usize],
    rank: &[usize],
    score: &mut dyn FnMut(usize, usize) -> f32,
) -> f32 {
    let first = |g: &[usize], k: usize| -> Vec<usize> {
        let mut g = g.to_vec();
        if g.len() > k {
            g.select_nth_unstable_by_key(k - 1, |&u| rank[u]);
            g.truncate(k);
        }
        g.sort_unstable_by_key(|&u| rank[u]);
        g
    };
    let side = (MAX_PAIRS_CHECKED as f64).sqrt() as usize;
    let kx = x.len().min(side.max(MAX_PAIRS_CHECKED / y.len().max(1)));
    let ky = y.len().min(MAX_PAIRS_CHECKED / kx.max(1));
    let (x, y) = (first(x, kx), first(y, ky));
    let mut scores: Vec<f32> = x
        .iter()
        .flat_map(|&a| y.iter().map(move |&b| (a, b)))
        .filter(|&(a, b)| report[a] != report[b])
        .map(|(a, b)| score(a, b))
        .collect();
    if scores.is_empty() {
        return 0.0;
    }
    scores.sort_by(f32::total_cmp);
    scores.iter().map(|&s| f64::from(s)).sum::<f64>() as f32 / scores.len() as f32
}

#[cfg(test)]
mod tests {
    use super::{groups, Thresholds};

    /// Scores from a table; pairs not in it score `missing`.
    fn scorer(links: &[(usize, usize, f32)], missing: f32) -> impl FnMut(usize, usize) -> f32 + '_ {
        move |a, b| {
            links
                .iter()
                .find(|&&(x, y, _)| (x, y) == (a, b) || (y, x) == (a, b))
                .map_or(missing, |l| l.2)
        }
    }

    const AT_HALF: Thresholds = Thresholds {
        merge: 0.5,
        join: 0.5,
    };

    #[test]
    fn a_hub_does_not_chain_two_facts_together() {
        // Units 0..=2 state fact A in reports 0, 1, 2; units 3..=5 fact B; unit 6 (report 3)
        // is a lede linked weakly to everything.
        let report = [0, 1, 2, 0, 1, 2, 3];
        let mut links = vec![
            (0, 1, 0.9),
            (0, 2, 0.85),
            (1, 2, 0.8),
            (3, 4, 0.9),
            (3, 5, 0.8),
            (4, 5, 0.85),
        ];
        for u in 0..6 {
            links.push((u, 6, 0.55));
        }
        let strong: Vec<_> = links.iter().copied().filter(|l| l.2 > 0.6).collect();
        let found = groups(
            &report,
            &[0, 1, 2, 3, 4, 5, 6],
            &strong,
            &mut scorer(&links, 0.0),
            &AT_HALF,
        );
        assert_eq!(found, vec![vec![0, 1, 2], vec![3, 4, 5]]);
        // A connected-components merge would have made one group of all seven.
    }

    #[test]
    fn units_of_one_report_alone_make_no_group() {
        let found = groups(&[0, 0, 1], &[0, 1, 2], &[], &mut scorer(&[], 0.0), &AT_HALF);
        assert!(found.is_empty());
    }

    #[test]
    fn a_strong_link_is_not_refused_for_pairs_nobody_scored() {
        // Units 0, 1, 2 of reports 0, 1, 2 state one fact; 1–2 was no candidate (scored
        // 0.7 when asked), 0–1 and 0–2 are strong links.
        let report = [0, 1, 2];
        let links = [(0, 1, 0.9), (0, 2, 0.8)];
        let asked = [(0, 1, 0.9), (0, 2, 0.8), (1, 2, 0.7)];
        let found = groups(
            &report,
            &[0, 1, 2],
            &links,
            &mut scorer(&asked, 0.0),
            &AT_HALF,
        );
        assert_eq!(found, vec![vec![0, 1, 2]]);
    }

    #[test]
    fn a_two_fact_sentence_belongs_to_both_facts() {
        // Unit 5 (report 3) states fact A (units 0, 1, 2) and fact B (units 3, 4).
        let report = [0, 1, 2, 0, 1, 3];
        let links = [
            (0, 1, 0.9),
            (0, 2, 0.9),
            (1, 2, 0.9),
            (3, 4, 0.9),
            (5, 0, 0.8),
            (5, 1, 0.8),
            (5, 3, 0.8),
            (5, 4, 0.8),
        ];
        let found = groups(
            &report,
            &[0, 1, 2, 3, 4, 5],
            &links,
            &mut scorer(&links, 0.0),
            &AT_HALF,
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|g| g.contains(&5)), "{found:?}");
    }

    #[test]
    fn every_same_fact_link_shares_a_group() {
        // 0–1 and 1–2 are strong, but 0–2 scores 0: no merge; the link 1–2 still holds.
        let report = [0, 1, 2];
        let links = [(0, 1, 0.9), (1, 2, 0.8)];
        let found = groups(
            &report,
            &[0, 1, 2],
            &links,
            &mut scorer(&links, 0.0),
            &AT_HALF,
        );
        assert_eq!(found, vec![vec![0, 1], vec![1, 2]]);
    }
}
