//! Where reports disagree: conflicting or differently precise details of the same fact.
//!
//! Details ([`crate::details`]) of units from different reports are compared:
//! - numbers counting the same thing (same unit word): the same value qualified
//!   differently ("nearly nine hours", "more than nine hours") is a **precision**
//!   difference; different values are a **conflict** when the two units share a group or
//!   many rare words (so a "48-hour truce" is never compared with "nine hours of talks");
//! - dates of units in one group: a range that contains the other's day ("October 18–19",
//!   "October 19") is a precision difference, different days a conflict;
//! - in groups carried by three reports or more, a number only one report gives is
//!   **onlyInSome**;
//! - who led a side ("led by …") differs between reports: a conflict;
//! - who mediated, brokered or hosted, in units about the same thing: other parties are a
//!   conflict, fewer of the same parties a precision difference;
//! - a person's title: another office ("Interior Minister", "Deputy Interior Minister") is
//!   a conflict, a vaguer title ("Minister", "Defence Minister") a precision difference;
//! - places of one fact: units of one group that name only places the other report never
//!   mentions are a conflict;
//! - in groups carried by three reports or more, a place or organisation only one
//!   report's unit names is **onlyInSome**;
//! - a report whose date line is earlier than the month the reports date the events in is
//!   flagged: a report cannot tell what has not happened yet.
//!
//! Linked details form findings (union-find), one per slot and thing.

use std::collections::{BTreeSet, HashMap};

use crate::details::{self, Detail, DetailKind};

/// A detail placed in the comparison: unit index (in the caller's numbering), report.
#[derive(Debug, Clone)]
pub struct Placed {
    pub unit: usize,
    pub report: usize,
    pub detail: Detail,
}

/// What a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FindingKind {
    Conflict,
    Precision,
    OnlyInSome,
}

/// Details that disagree, by index into the placed list.
#[derive(Debug, Clone)]
pub struct Finding {
    pub kind: FindingKind,
    pub slot: String,
    pub details: Vec<usize>,
    pub confidence: f32,
}

/// What [`findings`] needs to know about the comparison, by unit and report index.
pub struct Context<'a> {
    /// Whether two units share a group.
    pub same_group: &'a dyn Fn(usize, usize) -> bool,
    /// How many rare content words two units share.
    pub shared_rare: &'a dyn Fn(usize, usize) -> usize,
    /// The groups, as unit lists.
    pub groups: &'a [Vec<usize>],
    /// The report of a unit.
    pub report_of_unit: &'a dyn Fn(usize) -> usize,
    /// Whether a unit's text mentions a name (any case).
    pub unit_mentions: &'a dyn Fn(usize, &str) -> bool,
    /// Whether a report's text mentions a name (any case).
    pub report_mentions: &'a dyn Fn(usize, &str) -> bool,
}

/// Finds the disagreements among `placed` details.
pub fn findings(placed: &[Placed], cx: &Context<'_>) -> Vec<Finding> {
    let same_group = cx.same_group;
    let shared_rare = cx.shared_rare;
    let n = placed.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut kind: Vec<Option<FindingKind>> = vec![None; n];
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let link = |parent: &mut Vec<usize>,
                kind: &mut Vec<Option<FindingKind>>,
                a: usize,
                b: usize,
                k: FindingKind| {
        let (ra, rb) = (root(parent, a), root(parent, b));
        let merged = kind[ra].into_iter().chain(kind[rb]).chain([k]).min();
        parent[ra.max(rb)] = ra.min(rb);
        kind[ra.min(rb)] = merged;
    };
    for i in 0..n {
        for j in i + 1..n {
            let (x, y) = (&placed[i], &placed[j]);
            let same_slot = match x.detail.kind {
                DetailKind::Leader => details::same_side(&x.detail.slot, &y.detail.slot),
                DetailKind::Role => details::same_person(
                    x.detail.slot.trim_start_matches("role: "),
                    y.detail.slot.trim_start_matches("role: "),
                ),
                _ => x.detail.slot == y.detail.slot,
            };
            if x.report == y.report || x.detail.kind != y.detail.kind || !same_slot {
                continue;
            }
            // Different values are only compared within one fact (one group), or between
            // units that share many rare words: "48-hour truce" and "nine hours of talks"
            // count hours of different things.
            let related = same_group(x.unit, y.unit) || shared_rare(x.unit, y.unit) >= 4;
            let (vx, vy) = (&x.detail.value, &y.detail.value);
            let relation = match x.detail.kind {
                DetailKind::Number if x.detail.value == y.detail.value => {
                    (x.detail.qualifier != y.detail.qualifier).then_some(FindingKind::Precision)
                }
                DetailKind::Number => related.then_some(FindingKind::Conflict),
                // Who led a side is one slot across the whole story.
                DetailKind::Leader => (!details::same_person(&x.detail.value, &y.detail.value))
                    .then_some(FindingKind::Conflict),
                DetailKind::Date if !same_group(x.unit, y.unit) => None,
                DetailKind::Date => date_relation(vx, vy),
                DetailKind::Mediator if related => party_relation(vx, vy),
                DetailKind::Role => role_relation(vx, vy),
                // Places and organisations are compared unit by unit below.
                DetailKind::Mediator | DetailKind::Place | DetailKind::Organisation => None,
            };
            if let Some(k) = relation {
                link(&mut parent, &mut kind, i, j, k);
            }
        }
    }
    let places = place_conflicts(placed, cx);
    for &(i, j) in &places {
        link(&mut parent, &mut kind, i, j, FindingKind::Conflict);
    }
    let in_conflict: BTreeSet<usize> = places.iter().flat_map(|&(i, j)| [i, j]).collect();
    let mut components: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        if kind[r].is_some() {
            components.entry(r).or_default().push(i);
        }
    }
    let mut out: Vec<Finding> = components
        .into_iter()
        .map(|(r, details)| Finding {
            kind: kind[r].expect("linked"),
            slot: placed[r].detail.slot.clone(),
            confidence: match (kind[r], placed[r].detail.kind) {
                (_, DetailKind::Place) => 0.5,
                (Some(FindingKind::Conflict), _) => 0.7,
                _ => 0.8,
            },
            details,
        })
        .collect();
    out.extend(only_in_some(placed, cx.groups, cx.report_of_unit));
    out.extend(names_only_in_some(placed, cx, &in_conflict));
    out.sort_by(|a, b| a.kind.cmp(&b.kind).then(a.details[0].cmp(&b.details[0])));
    out
}

/// Parties ("qatar+turkey"): the same ones agree; fewer of them is a precision
/// difference; others conflict.
fn party_relation(a: &str, b: &str) -> Option<FindingKind> {
    let (x, y): (Vec<&str>, Vec<&str>) = (a.split('+').collect(), b.split('+').collect());
    let within = |p: &[&str], q: &[&str]| {
        p.iter()
            .all(|s| q.iter().any(|t| details::same_party(s, t)))
    };
    match (within(&x, &y), within(&y, &x)) {
        (true, true) => None,
        (true, false) | (false, true) => Some(FindingKind::Precision),
        (false, false) => Some(FindingKind::Conflict),
    }
}

/// Titles of one person: another office conflicts ("Interior Minister", "Deputy
/// Interior Minister"). A title said with fewer words ("Minister", "Defence Minister";
/// "CEO", "Broadcom CEO") is the same office, and no finding: titles are shortened too
/// often for that to tell a reader anything.
fn role_relation(a: &str, b: &str) -> Option<FindingKind> {
    let (x, y): (BTreeSet<&str>, BTreeSet<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let vaguer = |p: &BTreeSet<&str>, q: &BTreeSet<&str>| {
        p.is_subset(q) && !q.difference(p).any(|w| details::RANKS.contains(w))
    };
    if vaguer(&x, &y) || vaguer(&y, &x) {
        None
    } else {
        Some(FindingKind::Conflict)
    }
}

/// Pairs of place details of units in one group, from different reports, that name only
/// places the other never mentions: each unit's places, against the other's.
fn place_conflicts(placed: &[Placed], cx: &Context<'_>) -> Vec<(usize, usize)> {
    let mut by_unit: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, p) in placed.iter().enumerate() {
        if p.detail.kind == DetailKind::Place {
            by_unit.entry(p.unit).or_default().push(i);
        }
    }
    let mut units: Vec<usize> = by_unit.keys().copied().collect();
    units.sort_unstable();
    let mut out = Vec::new();
    for (k, &u) in units.iter().enumerate() {
        for &v in &units[k + 1..] {
            let (ru, rv) = ((cx.report_of_unit)(u), (cx.report_of_unit)(v));
            if ru == rv || !(cx.same_group)(u, v) {
                continue;
            }
            let (pu, pv) = (&by_unit[&u], &by_unit[&v]);
            let value = |i: usize| placed[i].detail.value.as_str();
            let agree = pu
                .iter()
                .any(|&i| pv.iter().any(|&j| details::same_party(value(i), value(j))));
            let known = pu.iter().any(|&i| (cx.report_mentions)(rv, value(i)))
                || pv.iter().any(|&j| (cx.report_mentions)(ru, value(j)));
            if !agree && !known {
                out.extend(pu.iter().flat_map(|&i| pv.iter().map(move |&j| (i, j))));
            }
        }
    }
    out
}

/// In groups of three reports or more: a place or organisation only one report's unit
/// names, which no other member's text mentions.
/// A place already in a conflict is not reported again.
fn names_only_in_some(
    placed: &[Placed],
    cx: &Context<'_>,
    in_conflict: &BTreeSet<usize>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for members in cx.groups {
        let reports: BTreeSet<usize> = members.iter().map(|&u| (cx.report_of_unit)(u)).collect();
        if reports.len() < 3 {
            continue;
        }
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for (i, p) in placed.iter().enumerate() {
            let d = &p.detail;
            if !matches!(d.kind, DetailKind::Place | DetailKind::Organisation)
                || in_conflict.contains(&i)
                || !members.contains(&p.unit)
                || seen.contains(&(d.slot.as_str(), d.value.as_str()))
            {
                continue;
            }
            seen.push((d.slot.as_str(), d.value.as_str()));
            let elsewhere = members.iter().any(|&u| {
                (cx.report_of_unit)(u) != p.report
                    && ((cx.unit_mentions)(u, &d.value)
                        || placed.iter().any(|q| {
                            q.unit == u
                                && q.detail.kind == d.kind
                                && details::same_party(&q.detail.value, &d.value)
                        }))
            });
            if !elsewhere {
                let details: Vec<usize> = (i..placed.len())
                    .filter(|&j| {
                        placed[j].unit == p.unit
                            && placed[j].detail.kind == d.kind
                            && placed[j].detail.value == d.value
                    })
                    .collect();
                out.push(Finding {
                    kind: FindingKind::OnlyInSome,
                    slot: d.slot.clone(),
                    details,
                    confidence: 0.4,
                });
            }
        }
    }
    out
}

/// Dates of one fact: a range holding the other's days is a precision difference.
fn date_relation(a: &str, b: &str) -> Option<FindingKind> {
    let (x, y) = (details::days(a)?, details::days(b)?);
    if x == y {
        return None;
    }
    let contains = |p: (u8, u8, u8), q: (u8, u8, u8)| p.0 == q.0 && p.1 <= q.1 && q.2 <= p.2;
    Some(if contains(x, y) || contains(y, x) {
        FindingKind::Precision
    } else {
        FindingKind::Conflict
    })
}

/// In groups of three reports or more: a number only one report gives.
fn only_in_some(
    placed: &[Placed],
    groups: &[Vec<usize>],
    report_of_unit: &dyn Fn(usize) -> usize,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for members in groups {
        let reports: BTreeSet<usize> = members.iter().map(|&u| report_of_unit(u)).collect();
        if reports.len() < 3 {
            continue;
        }
        let in_group: Vec<usize> = (0..placed.len())
            .filter(|&i| {
                members.contains(&placed[i].unit) && placed[i].detail.kind == DetailKind::Number
            })
            .collect();
        let mut by_slot: HashMap<&str, Vec<usize>> = HashMap::new();
        for &i in &in_group {
            by_slot
                .entry(placed[i].detail.slot.as_str())
                .or_default()
                .push(i);
        }
        for (slot, details) in by_slot {
            let giving: BTreeSet<usize> = details.iter().map(|&i| placed[i].report).collect();
            if giving.len() == 1 {
                out.push(Finding {
                    kind: FindingKind::OnlyInSome,
                    slot: slot.to_string(),
                    details,
                    confidence: 0.5,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(
        unit: usize,
        report: usize,
        value: &str,
        slot: &str,
        qualifier: Option<&'static str>,
    ) -> Placed {
        Placed {
            unit,
            report,
            detail: Detail {
                kind: DetailKind::Number,
                slot: slot.into(),
                value: value.into(),
                qualifier,
                start: 0,
                end: 0,
                year: None,
            },
        }
    }

    fn date(unit: usize, report: usize, value: &str) -> Placed {
        Placed {
            unit,
            report,
            detail: Detail {
                kind: DetailKind::Date,
                slot: "date".into(),
                value: value.into(),
                qualifier: None,
                start: 0,
                end: 0,
                year: None,
            },
        }
    }

    fn run(placed: &[Placed], grouped: &[(usize, usize)]) -> Vec<(FindingKind, Vec<usize>)> {
        let same = |a: usize, b: usize| grouped.contains(&(a.min(b), a.max(b)));
        let cx = Context {
            same_group: &same,
            shared_rare: &|_, _| 0,
            groups: &[],
            report_of_unit: &|u| u,
            unit_mentions: &|_, _| false,
            report_mentions: &|_, _| false,
        };
        findings(placed, &cx)
            .into_iter()
            .map(|f| (f.kind, f.details))
            .collect()
    }

    #[test]
    fn same_number_qualified_differently_is_a_precision_difference() {
        let placed = [
            number(0, 0, "9", "hour", Some("nearly")),
            number(1, 1, "9", "hour", Some("more than")),
        ];
        assert_eq!(run(&placed, &[]), [(FindingKind::Precision, vec![0, 1])]);
    }

    #[test]
    fn different_numbers_conflict_only_about_the_same_thing() {
        let placed = [
            number(0, 0, "9", "hour", None),
            number(1, 1, "48", "hour", None),
        ];
        assert!(
            run(&placed, &[]).is_empty(),
            "a 48-hour truce is not nine hours of talks"
        );
        assert_eq!(
            run(&placed, &[(0, 1)]),
            [(FindingKind::Conflict, vec![0, 1])]
        );
    }

    #[test]
    fn a_date_range_holding_the_other_date_is_a_precision_difference() {
        let placed = [
            date(0, 0, "10-19..19"),
            date(1, 1, "10-18..19"),
            date(2, 2, "10-25..25"),
        ];
        assert_eq!(
            run(&placed, &[(0, 1)]),
            [(FindingKind::Precision, vec![0, 1])]
        );
        assert_eq!(
            run(&placed, &[(0, 2)]),
            [(FindingKind::Conflict, vec![0, 2])]
        );
    }

    #[test]
    fn agreement_is_no_finding() {
        let placed = [
            number(0, 0, "7", "peopl", Some("at least")),
            number(1, 1, "7", "peopl", Some("at least")),
        ];
        assert!(run(&placed, &[(0, 1)]).is_empty());
    }

    #[test]
    fn parties_and_titles() {
        assert_eq!(party_relation("qatar+turkey", "qatari+turkish"), None);
        assert_eq!(
            party_relation("qatar", "qatar+turkey"),
            Some(FindingKind::Precision)
        );
        assert_eq!(
            party_relation("egypt", "qatar"),
            Some(FindingKind::Conflict)
        );
        assert_eq!(role_relation("defence minister", "minister"), None);
        assert_eq!(
            role_relation("interior minister", "deputy interior minister"),
            Some(FindingKind::Conflict)
        );
        assert_eq!(
            role_relation("defence minister", "information minister"),
            Some(FindingKind::Conflict)
        );
    }
}
