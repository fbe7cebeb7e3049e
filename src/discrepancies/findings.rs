//! Where reports disagree: conflicting or differently precise details of the same fact.
//!
//! Details ([`crate::details`]) of units from different reports are compared:
//! - numbers counting the same thing (same unit word): the same value qualified
//!   differently ("nearly nine hours", "more than nine hours") is a **precision**
//!   difference; different values are a **conflict** when the two units share a group or
//!   many rare words (so a "48-hour truce" is never compared with "nine hours of talks");
//! - dates of units in one group: a range that contains the other's day ("October 18–19",
//!   "October 19") is a precision difference, different days a conflict; a month or a
//!   year against a day of it likewise ("in November", "Nov. 2"); a relative time no date
//!   line places, only between units linked to each other: against a calendar date a
//!   precision difference ("next month", "March 6"), "last month" against "this month" a
//!   conflict of lower confidence, other pairs by the days they may fall on
//!   ([`time_relation`]);
//! - in groups carried by three reports or more, a number only one report gives, and
//!   that no other report gives anywhere, is **onlyInSome** (one card however many of
//!   its groups find it);
//! - who led a side ("led by …") differs between reports: a conflict;
//! - who mediated, brokered or hosted, in units about the same thing: other parties are a
//!   conflict, fewer of the same parties a precision difference;
//! - a person's title: another office ("Interior Minister", "Deputy Interior Minister") is
//!   a conflict, a vaguer title ("Minister", "Defence Minister") a precision difference;
//! - places of one fact: a place against the place holding it ([`gazetteer`]: "Geneva",
//!   "Switzerland") is a precision difference, never a conflict; otherwise units of one
//!   group that name only places the other report never mentions are a conflict;
//! - where a company is based ("San Diego-based Qualcomm"), across the story: a place
//!   against one holding it differs in precision, places known to be apart conflict;
//! - in groups carried by three reports or more, a place or organisation only one
//!   report's unit names is **onlyInSome**, unless it is the story's common ground (named
//!   by half the reports or more: its place, its main parties).
//!
//! - a person named by their relation in one unit ("her father Bassem") and unnamed in a
//!   linked unit of another report that names them nowhere ("her father") is
//!   **onlyInSome**, a card of both;
//! - a named person's age ("Kevin Snow, 57") that a report naming them in full in a linked
//!   unit never gives is **onlyInSome**; two ages of one person conflict.
//!
//! Linked details form findings (union-find), one per slot and thing. Which units are
//! about one fact comes from the [`Alignment`]; whether a text mentions a name from
//! [`Mentions`]. Date lines are checked apart ([`super::date_line`]).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::align::Alignment;
use crate::details::{self, Date, Detail, Number, Period, Qualifier, Slot, Span, Value, Withheld};
use crate::ids::Reports;
use crate::text::gazetteer::{self, Relation};
use crate::text::{lexicon, names};
use crate::union_find::UnionFind;

/// A detail placed in the comparison: its unit (an index into the alignment's corpus) and
/// report.
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
pub struct Finding<'a> {
    pub kind: FindingKind,
    /// What the details are about: the slot of the earliest linked detail (sides and
    /// people are matched loosely, so linked details may name them in other words).
    pub slot: Slot<'a>,
    pub details: Vec<usize>,
    pub confidence: f32,
}

/// The texts names are looked for in, in lower case, by report and by unit (indices of
/// the alignment's corpus): computed once per comparison.
pub struct Mentions {
    reports: Vec<String>,
    units: Vec<String>,
}

impl Mentions {
    /// Lower-cases the text of every report and of every compared unit.
    pub fn new(reports: &Reports<'_>, alignment: &Alignment) -> Mentions {
        let prepared = reports.prepared;
        let units = alignment
            .corpus
            .units
            .iter()
            .map(|unit| {
                let seg = &prepared[unit.report].segments[unit.segment];
                prepared[unit.report].text[seg.start..seg.end].to_lowercase()
            })
            .collect();
        Mentions {
            reports: prepared.iter().map(|p| p.text.to_lowercase()).collect(),
            units,
        }
    }

    /// Whether report `r` mentions `name` (lower case).
    fn in_report(&self, r: usize, name: &str) -> bool {
        self.reports[r].contains(name)
    }

    /// Whether at least half the reports, and more than two, mention `name` (lower
    /// case): the story's common ground.
    fn common_ground(&self, name: &str) -> bool {
        let mentioning = self.reports.iter().filter(|r| r.contains(name)).count();
        mentioning > 2 && 2 * mentioning >= self.reports.len()
    }

    /// Whether unit `u` mentions `name` (lower case).
    fn in_unit(&self, u: usize, name: &str) -> bool {
        self.units[u].contains(name)
    }
}

/// The report of unit `u`.
fn report_of(alignment: &Alignment, u: usize) -> usize {
    alignment.corpus.units[u].report
}

/// At most this many distinct details of one kind and slot are compared pair by pair, in
/// text order: past it the text is a log or a list rather than reports, and the rest is
/// left out so the comparison stays fast.
const MAX_CLASSES: usize = 1_000;
/// Occurrences of each of two classes searched for a related pair of units.
const MAX_UNITS_CHECKED: usize = 8;
/// Units of one group compared for places and names only some give.
const MAX_MEMBERS: usize = 200;

/// Finds the disagreements among `placed` details.
pub fn findings<'a>(
    placed: &'a [Placed],
    alignment: &Alignment,
    mentions: &Mentions,
) -> Vec<Finding<'a>> {
    let n = placed.len();
    let mut sets = UnionFind::new(n);
    let mut kind: Vec<Option<FindingKind>> = vec![None; n];
    // Links two details; the finding takes the strongest kind of its links.
    let link = |sets: &mut UnionFind,
                kind: &mut Vec<Option<FindingKind>>,
                a: usize,
                b: usize,
                k: FindingKind| {
        let (ra, rb) = (sets.find(a), sets.find(b));
        let merged = kind[ra].into_iter().chain(kind[rb]).chain([k]).min();
        let root = sets.union(a, b);
        kind[root] = merged;
    };
    // Details of one report with the same value say the same thing: one class, compared
    // once.
    let mut classes: Vec<Vec<usize>> = Vec::new();
    let mut class_of: HashMap<(usize, &Value), usize> = HashMap::new();
    for (i, p) in placed.iter().enumerate() {
        let c = *class_of
            .entry((p.report, &p.detail.value))
            .or_insert_with(|| {
                classes.push(Vec::new());
                classes.len() - 1
            });
        classes[c].push(i);
    }
    // Classes that may relate: one slot, where slots must match exactly (sides and
    // people match loosely, so their slots are compared below).
    let mut buckets: HashMap<Slot<'_>, Vec<usize>> = HashMap::new();
    for (c, members) in classes.iter().enumerate() {
        let slot = match placed[members[0]].detail.value.slot() {
            Slot::Leader { .. } => Slot::Leader { side: "" },
            Slot::Role { .. } => Slot::Role { person: "" },
            Slot::Base { .. } => Slot::Base { of: "" },
            Slot::Age { .. } => Slot::Age { person: "" },
            slot => slot,
        };
        buckets.entry(slot).or_default().push(c);
    }
    let mut buckets: Vec<Vec<usize>> = buckets.into_values().collect();
    let times = by_unit(placed, |v| matches!(v, Value::Date(_) | Value::Period(_)));
    buckets.sort_unstable();
    for bucket in &buckets {
        let bucket = &bucket[..bucket.len().min(MAX_CLASSES)];
        for (k, &ca) in bucket.iter().enumerate() {
            for &cb in &bucket[k + 1..] {
                let (i, j) = (classes[ca][0], classes[cb][0]);
                let (x, y) = (&placed[i], &placed[j]);
                let same_slot = match (x.detail.value.slot(), y.detail.value.slot()) {
                    (Slot::Leader { side: a }, Slot::Leader { side: b }) => names::same_side(a, b),
                    (Slot::Role { person: a }, Slot::Role { person: b }) => {
                        names::same_person(a, b)
                    }
                    (Slot::Base { of: a }, Slot::Base { of: b }) => names::same_party(a, b),
                    (Slot::Age { person: a }, Slot::Age { person: b }) => names::same_person(a, b),
                    _ => true,
                };
                if x.report == y.report || !same_slot {
                    continue;
                }
                // The first pair of occurrences, one of each class, in units related as
                // `test` asks.
                let pair_where = |test: &dyn Fn(usize, usize) -> bool| {
                    classes[ca].iter().take(MAX_UNITS_CHECKED).find_map(|&a| {
                        classes[cb]
                            .iter()
                            .take(MAX_UNITS_CHECKED)
                            .find(|&&b| test(placed[a].unit, placed[b].unit))
                            .map(|&b| (a, b))
                    })
                };
                // Different values are only compared within one fact (one group), or
                // between units that share many rare words: "48-hour truce" and "nine
                // hours of talks" count hours of different things.
                let related = || {
                    pair_where(&|u, v| {
                        alignment.related(u, v) || alignment.corpus.shared_rare(u, v) >= 4
                    })
                };
                let (relation, pair) = match (&x.detail.value, &y.detail.value) {
                    (Value::Number(a), Value::Number(b)) if a.value == b.value => {
                        (number_relation(a, b), Some((i, j)))
                    }
                    (Value::Number(a), Value::Number(b)) => (number_relation(a, b), related()),
                    // Who led a side is one slot across the whole story.
                    (Value::Leader { name: a, .. }, Value::Leader { name: b, .. }) => (
                        (!names::same_person(a, b)).then_some(FindingKind::Conflict),
                        Some((i, j)),
                    ),
                    (Value::Date(_) | Value::Period(_), Value::Date(_) | Value::Period(_)) => {
                        let (a, b) = (&x.detail.value, &y.detail.value);
                        let relation = time_relation(a, b);
                        // A relative time is compared only between units linked to each
                        // other, said of one aligned event: a group joins units through
                        // others, and a relative time cannot be checked to make up for it.
                        let linked = is_relative(a) || is_relative(b);
                        // A unit giving another time that matches better is the pair's
                        // real counterpart: "filmed in December, charged this week"
                        // against "filmed in December" or "filmed two weeks ago" is no
                        // finding of "this week".
                        let rank = |k: Option<FindingKind>| match k {
                            None => 0,
                            Some(FindingKind::Precision) => 1,
                            Some(_) => 2,
                        };
                        let here = rank(relation);
                        let better = |u: usize, value: &Value| {
                            times.get(&u).into_iter().flatten().any(|&t| {
                                rank(time_relation(value, &placed[t].detail.value)) < here
                            })
                        };
                        let pair = relation.and_then(|_| {
                            pair_where(&|u, v| {
                                (if linked {
                                    alignment
                                        .link(u, v)
                                        .is_some_and(|l| l.same_fact || l.mutual)
                                } else {
                                    alignment.related(u, v)
                                }) && !better(v, a)
                                    && !better(u, b)
                            })
                        });
                        (relation, pair)
                    }
                    (Value::Mediators { parties: a, .. }, Value::Mediators { parties: b, .. }) => {
                        (party_relation(a, b), related())
                    }
                    (Value::Role { title: a, .. }, Value::Role { title: b, .. }) => {
                        (role_relation(a, b), Some((i, j)))
                    }
                    // A named person's age is one slot across the whole story.
                    (Value::Age { years: a, .. }, Value::Age { years: b, .. }) => {
                        ((a != b).then_some(FindingKind::Conflict), Some((i, j)))
                    }
                    // Where a company is based is one slot across the whole story.
                    (Value::Base { place: a, .. }, Value::Base { place: b, .. }) => {
                        (base_relation(a, b), Some((i, j)))
                    }
                    // Places and organisations are compared unit by unit below.
                    _ => (None, None),
                };
                if let (Some(k), Some((a, b))) = (relation, pair) {
                    link(&mut sets, &mut kind, a, b, k);
                }
            }
        }
    }
    let places = place_differences(placed, alignment, mentions);
    for &(i, j, k) in &places {
        link(&mut sets, &mut kind, i, j, k);
    }
    let compared: BTreeSet<usize> = places.iter().flat_map(|&(i, j, _)| [i, j]).collect();
    for (i, j) in unnamed_relations(placed, alignment, mentions) {
        link(&mut sets, &mut kind, i, j, FindingKind::OnlyInSome);
    }
    // Each linked detail brings the other occurrences of its class (the same value said
    // again elsewhere in its report), so a finding shows every place it is said; a
    // period, only itself.
    let mut class_of_detail = vec![0; n];
    for (c, members) in classes.iter().enumerate() {
        for &i in members {
            class_of_detail[i] = c;
        }
    }
    let mut components: HashMap<usize, BTreeSet<usize>> = HashMap::new();
    for i in 0..n {
        let r = sets.find(i);
        if kind[r].is_some() {
            // A period said again ("last year", "in 2015") is as often the time of
            // another thing: only the occurrence compared is shown.
            let again = if matches!(
                placed[i].detail.value,
                Value::Period(_) | Value::Relation { .. }
            ) {
                0
            } else {
                MAX_UNITS_CHECKED
            };
            let occurrences = classes[class_of_detail[i]].iter().take(again);
            components
                .entry(r)
                .or_default()
                .extend(occurrences.chain([&i]));
        }
    }
    let mut out: Vec<Finding> = components
        .into_iter()
        .map(|(r, details)| {
            // A time relative to a day no date line states is compared by rules that
            // cannot check it against the calendar: less sure.
            let relative = details
                .iter()
                .any(|&i| is_relative(&placed[i].detail.value));
            Finding {
                kind: kind[r].expect("linked"),
                slot: placed[r].detail.value.slot(),
                confidence: match (kind[r], &placed[r].detail.value) {
                    (_, Value::Relation { .. }) => 0.5,
                    (Some(FindingKind::Precision), Value::Place(_) | Value::Base { .. }) => 0.6,
                    (_, Value::Place(_) | Value::Base { .. }) => 0.5,
                    (Some(FindingKind::Conflict), _) if relative => 0.5,
                    (Some(FindingKind::Conflict), _) => 0.7,
                    _ if relative => 0.6,
                    _ => 0.8,
                },
                details: details.into_iter().collect(),
            }
        })
        .collect();
    let linked: BTreeSet<usize> = out.iter().flat_map(|f| f.details.iter().copied()).collect();
    out.extend(only_in_some(placed, alignment, &linked));
    out.extend(names_only_in_some(placed, alignment, mentions, &compared));
    out.extend(ages_only_in_some(placed, alignment, mentions, &linked));
    out.extend(withheld_given(placed, alignment));
    out.sort_by(|a, b| a.kind.cmp(&b.kind).then(a.details.cmp(&b.details)));
    // A detail only some give, found again in another group it is in, is one card:
    // findings of one kind and slot that share a detail merge.
    let mut merged: Vec<Finding> = Vec::with_capacity(out.len());
    for finding in out {
        let same = merged.iter_mut().rev().find(|m| {
            m.kind == finding.kind
                && m.slot == finding.slot
                && m.details.iter().any(|d| finding.details.contains(d))
        });
        match same {
            Some(m) => {
                m.details.extend(finding.details);
                m.details.sort_unstable();
                m.details.dedup();
            }
            None => merged.push(finding),
        }
    }
    merged
}

/// The details of the kinds `wanted`, by unit: unit -> indices into `placed`.
fn by_unit(placed: &[Placed], wanted: impl Fn(&Value) -> bool) -> HashMap<usize, Vec<usize>> {
    let mut out: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, p) in placed
        .iter()
        .enumerate()
        .filter(|(_, p)| wanted(&p.detail.value))
    {
        out.entry(p.unit).or_default().push(i);
    }
    out
}

/// Two figures for one thing: the same figure qualified differently, or figures whose
/// ranges overlap ("more than eight hours", "nine hours"), differ in precision; ranges
/// that do not overlap conflict ("nearly 40 minutes", "more than 40 minutes"), as do
/// different exact figures. A figure given exactly against the same figure qualified is
/// a precision difference: "nine hours" is often a rounded "more than nine hours".
fn number_relation(a: &Number, b: &Number) -> Option<FindingKind> {
    if a.value == b.value && a.qualifier == b.qualifier {
        return None;
    }
    if a.value == b.value && (a.qualifier.is_none() || b.qualifier.is_none()) {
        return Some(FindingKind::Precision);
    }
    match (Range::of(a), Range::of(b)) {
        (Some(x), Some(y)) if x.overlaps(&y) => Some(FindingKind::Precision),
        _ => Some(FindingKind::Conflict),
    }
}

/// The values a qualified figure allows: from `low` to `high`, each bound included or not.
#[derive(Debug, Clone, Copy)]
struct Range {
    low: (f64, bool),
    high: (f64, bool),
}

impl Range {
    /// "more than 9" is (9, ∞), "nearly 40" [32, 40), "about 9" [7.2, 10.8], "9" [9, 9].
    fn of(n: &Number) -> Option<Range> {
        if n.unit == details::TIME {
            return Range::of_time(n);
        }
        if let Some(&(_, (low, high))) = details::VAGUE.iter().find(|(w, _)| n.value == *w) {
            return Some(Range {
                low: (low, true),
                high: (high, true),
            });
        }
        let v = decimal(&n.value)?;
        let (low, high) = match n.qualifier {
            None => ((v, true), (v, true)),
            Some(Qualifier::MoreThan) => ((v, false), (f64::INFINITY, true)),
            Some(Qualifier::AtLeast) => ((v, true), (f64::INFINITY, true)),
            Some(Qualifier::LessThan | Qualifier::FewerThan) => ((0.0, true), (v, false)),
            Some(Qualifier::AtMost | Qualifier::UpTo) => ((0.0, true), (v, true)),
            Some(Qualifier::Nearly | Qualifier::Almost) => ((0.8 * v, true), (v, false)),
            Some(
                Qualifier::About
                | Qualifier::Around
                | Qualifier::Roughly
                | Qualifier::Approximately,
            ) => ((0.8 * v, true), (1.2 * v, true)),
        };
        Some(Range { low, high })
    }

    /// A time of day in minutes: "6:10" is [370, 370], "around 6:10" a quarter of an hour
    /// either side, "just after 6:00" the half hour after.
    fn of_time(n: &Number) -> Option<Range> {
        let (h, m) = n.value.split_once(':')?;
        let v = f64::from(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?);
        let (low, high) = match n.qualifier {
            Some(Qualifier::MoreThan) => ((v, false), (v + 30.0, true)),
            Some(Qualifier::LessThan) => ((v - 30.0, true), (v, false)),
            Some(
                Qualifier::About
                | Qualifier::Around
                | Qualifier::Roughly
                | Qualifier::Approximately,
            ) => ((v - 15.0, true), (v + 15.0, true)),
            _ => ((v, true), (v, true)),
        };
        Some(Range { low, high })
    }

    fn overlaps(&self, other: &Range) -> bool {
        let low = if self.low.0 == other.low.0 {
            (self.low.0, self.low.1 && other.low.1)
        } else if self.low.0 > other.low.0 {
            self.low
        } else {
            other.low
        };
        let high = if self.high.0 == other.high.0 {
            (self.high.0, self.high.1 && other.high.1)
        } else if self.high.0 < other.high.0 {
            self.high
        } else {
            other.high
        };
        low.0 < high.0 || low.0 == high.0 && low.1 && high.1
    }
}

/// A number as the tokenizer writes it ("9", "2600", "1.5") as a float, read by hand:
/// the standard library's float parser would add some 15 KB to the module.
fn decimal(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| !s.is_empty() && s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !(fraction.is_empty() || digits(fraction)) {
        return None;
    }
    let whole = whole.parse::<u64>().ok()? as f64;
    let fraction = if fraction.is_empty() {
        0.0
    } else {
        fraction.parse::<u64>().ok()? as f64 / 10f64.powi(fraction.len() as i32)
    };
    Some(whole + fraction)
}

/// Parties ("qatar", "turkey"): the same ones agree; fewer of them is a precision
/// difference; others conflict.
fn party_relation(x: &[String], y: &[String]) -> Option<FindingKind> {
    let within =
        |p: &[String], q: &[String]| p.iter().all(|s| q.iter().any(|t| names::same_party(s, t)));
    match (within(x, y), within(y, x)) {
        (true, true) => None,
        (true, false) | (false, true) => Some(FindingKind::Precision),
        (false, false) => Some(FindingKind::Conflict),
    }
}

/// Titles of one person: another office conflicts ("Interior Minister", "Deputy
/// Interior Minister"). A title said with fewer words ("Minister", "Defence Minister";
/// "CEO", "Broadcom CEO") is the same office, and no finding: titles are shortened too
/// often for that to tell a reader anything.
fn role_relation(a: &[String], b: &[String]) -> Option<FindingKind> {
    let (x, y): (BTreeSet<&str>, BTreeSet<&str>) = (
        a.iter().map(String::as_str).collect(),
        b.iter().map(String::as_str).collect(),
    );
    let vaguer = |p: &BTreeSet<&str>, q: &BTreeSet<&str>| {
        p.is_subset(q) && !q.difference(p).any(|w| lexicon::RANKS.contains(w))
    };
    if vaguer(&x, &y) || vaguer(&y, &x) {
        None
    } else {
        Some(FindingKind::Conflict)
    }
}

/// Where one company is based, by two reports: a place against one that holds it ("San
/// Diego", "California") differs in precision, places known to be apart conflict, and
/// places the gazetteer does not know are not compared (two names may be one place).
fn base_relation(a: &str, b: &str) -> Option<FindingKind> {
    match gazetteer::relation(a, b)? {
        Relation::Same => None,
        Relation::Contains | Relation::Within => Some(FindingKind::Precision),
        Relation::Apart => Some(FindingKind::Conflict),
    }
}

/// Pairs of place details of units in one group, from different reports, and how they
/// differ. Units whose places agree (one name, or one place by two names: "U.S.", "United
/// States") make none. A place against one that holds it ([`gazetteer::relation`]:
/// "San Diego" / "California", "Geneva" / "Switzerland") is a precision difference, when
/// the report of the vaguer does not name the other anywhere, and never a conflict. Otherwise units that name only places the other report never
/// mentions conflict: places the gazetteer knows to be apart, or that it does not know.
/// Units of a report naming the same places are compared once.
fn place_differences(
    placed: &[Placed],
    alignment: &Alignment,
    mentions: &Mentions,
) -> Vec<(usize, usize, FindingKind)> {
    let by_unit = by_unit(placed, |v| matches!(v, Value::Place(_)));
    let value = |i: usize| name_of(&placed[i].detail.value).expect("only places are kept");
    let mut out = BTreeSet::new();
    for members in &alignment.groups {
        let mut seen: BTreeSet<(usize, Vec<&str>)> = BTreeSet::new();
        let units: Vec<usize> = members
            .iter()
            .filter(|u| by_unit.contains_key(u))
            .filter(|&&u| {
                let mut set: Vec<&str> = by_unit[&u].iter().map(|&i| value(i)).collect();
                set.sort_unstable();
                seen.insert((report_of(alignment, u), set))
            })
            .take(MAX_MEMBERS)
            .copied()
            .collect();
        for (k, &u) in units.iter().enumerate() {
            for &v in &units[k + 1..] {
                let (ru, rv) = (report_of(alignment, u), report_of(alignment, v));
                if ru == rv {
                    continue;
                }
                let (pu, pv) = (&by_unit[&u], &by_unit[&v]);
                let pairs = || pu.iter().flat_map(|&i| pv.iter().map(move |&j| (i, j)));
                let agree = pairs().any(|(i, j)| {
                    names::same_party(value(i), value(j))
                        || gazetteer::relation(value(i), value(j)) == Some(Relation::Same)
                });
                if agree {
                    continue;
                }
                // The report giving the place that holds the other does not name the
                // place inside it anywhere: it is the vaguer.
                let nested: Vec<(usize, usize)> = pairs()
                    .filter(|&(i, j)| match gazetteer::relation(value(i), value(j)) {
                        Some(Relation::Within) => !mentions.in_report(rv, value(i)),
                        Some(Relation::Contains) => !mentions.in_report(ru, value(j)),
                        _ => false,
                    })
                    .collect();
                if !nested.is_empty() {
                    out.extend(
                        nested
                            .into_iter()
                            .map(|(i, j)| (i, j, FindingKind::Precision)),
                    );
                    continue;
                }
                let known = pu.iter().any(|&i| mentions.in_report(rv, value(i)))
                    || pv.iter().any(|&j| mentions.in_report(ru, value(j)));
                if !known {
                    out.extend(pairs().map(|(i, j)| (i, j, FindingKind::Conflict)));
                }
            }
        }
    }
    out.into_iter().collect()
}

/// A person named by their relation to someone in one unit ("her father Bassem") and left
/// unnamed in a unit of another report linked to it as the same fact or each other's
/// closest counterpart ("her father said"), whose report names them nowhere: a detail
/// only some give. Pairs of (named, unnamed) details.
fn unnamed_relations(
    placed: &[Placed],
    alignment: &Alignment,
    mentions: &Mentions,
) -> Vec<(usize, usize)> {
    let relations: Vec<(usize, &str, Option<&str>)> = placed
        .iter()
        .enumerate()
        .filter_map(|(i, p)| match &p.detail.value {
            Value::Relation { role, name } => Some((i, role.as_str(), name.as_deref())),
            _ => None,
        })
        .take(MAX_CLASSES)
        .collect();
    let mut out = Vec::new();
    for &(i, role, name) in &relations {
        let Some(name) = name else { continue };
        let lower = name.to_lowercase();
        for &(j, other, unnamed) in &relations {
            let (x, y) = (&placed[i], &placed[j]);
            if unnamed.is_some() || other != role || x.report == y.report {
                continue;
            }
            let linked = alignment
                .link(x.unit, y.unit)
                .is_some_and(|l| l.same_fact || l.mutual);
            // A report naming the person anywhere ("Bassem" earlier) tells it.
            let named_there = lower
                .split(' ')
                .any(|w| w.len() > 2 && mentions.in_report(y.report, w));
            if linked && !named_there {
                out.push((i, j));
            }
        }
    }
    out
}

/// What one report says was not disclosed ("the composition of the delegation was not
/// disclosed") and another gives in a unit the alignment links to it as the same fact or
/// as each other's closest counterpart ("the delegation was led by …"): a detail only
/// some give, one card with the withholding report's "not disclosed" and every linked
/// value, unless the withholding unit gives such a value itself. Who is a side's leader
/// or a person named by their relation; an amount, a number; where, a place; when, a date.
/// A leader described and not named ("led by a team of senior officials") is withheld
/// too, against a named leader of the same side.
fn withheld_given<'a>(placed: &'a [Placed], alignment: &Alignment) -> Vec<Finding<'a>> {
    let fits = |what: Withheld, value: &Value| match (what, value) {
        (Withheld::Who, Value::Leader { .. } | Value::Relation { name: Some(_), .. }) => true,
        (Withheld::Amount, Value::Number(n)) => {
            n.unit != details::TIME && n.unit != details::AGE && !n.unit.ends_with("(ordinal)")
        }
        (Withheld::Place, Value::Place(_)) => true,
        (Withheld::When, Value::Date(_)) => true,
        _ => false,
    };
    // A leader described rather than named ("led by a team of senior officials") is a
    // leader withheld, of that side.
    let gives = |withheld: &Value, value: &Value| match (withheld, value) {
        (Value::Withheld(what), value) => fits(*what, value),
        (Value::Unnamed { side: a, .. }, Value::Leader { side: b, .. }) => {
            names::same_side(a, b) || a == "delegation" || b == "delegation"
        }
        _ => false,
    };
    let by_unit = by_unit(placed, |v| {
        !matches!(v, Value::Withheld(_) | Value::Unnamed { .. })
    });
    let mut out = Vec::new();
    let withholding = placed
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p.detail.value, Value::Withheld(_) | Value::Unnamed { .. }));
    for (i, p) in withholding.take(MAX_CLASSES) {
        let fits = |j: usize| gives(&p.detail.value, &placed[j].detail.value);
        let own = by_unit.get(&p.unit).into_iter().flatten();
        if own.clone().any(|&j| fits(j)) {
            continue;
        }
        let mut given: Vec<usize> = Vec::new();
        for (&v, details) in &by_unit {
            let linked = report_of(alignment, v) != p.report
                && alignment
                    .link(p.unit, v)
                    .is_some_and(|l| l.same_fact || l.mutual);
            if linked {
                given.extend(details.iter().filter(|&&j| fits(j)));
            }
        }
        if given.is_empty() {
            continue;
        }
        given.sort_unstable();
        let slot = placed[given[0]].detail.value.slot();
        // In the order of the reports, as every card's values are.
        given.push(i);
        given.sort_unstable();
        out.push(Finding {
            kind: FindingKind::OnlyInSome,
            slot,
            details: given,
            confidence: 0.5,
        });
    }
    out
}

/// A named person's age ("Colin Marsh, 57") that a report naming the same person in full,
/// in a unit linked to the age's unit (either tier), never gives (as that person's age,
/// or as the same figure of an age: "a 57-year-old"): a detail only some give, one card
/// for the person with every report's age, unless already compared or the person is the
/// story's common ground. Linked units that name one person in full are about the same
/// person; a surname alone, or an unlinked unit, is not enough.
fn ages_only_in_some<'a>(
    placed: &'a [Placed],
    alignment: &Alignment,
    mentions: &Mentions,
    linked: &BTreeSet<usize>,
) -> Vec<Finding<'a>> {
    let ages: Vec<(usize, &str, &str)> = placed
        .iter()
        .enumerate()
        .filter_map(|(i, p)| match &p.detail.value {
            Value::Age { person, years } => Some((i, person.as_str(), years.as_str())),
            _ => None,
        })
        .filter(|(i, _, _)| !linked.contains(i))
        .take(MAX_CLASSES)
        .collect();
    // The age figures each report gives, of anyone.
    let mut figures: BTreeSet<(usize, &str)> = BTreeSet::new();
    for p in placed {
        match &p.detail.value {
            Value::Age { years, .. } => figures.insert((p.report, years.as_str())),
            Value::Number(n) if n.unit == details::AGE => {
                figures.insert((p.report, n.value.as_str()))
            }
            _ => false,
        };
    }
    let n = alignment.corpus.units.len();
    let mut done: BTreeSet<usize> = BTreeSet::new();
    let mut out = Vec::new();
    for &(i, person, years) in &ages {
        let full = person.to_lowercase();
        if done.contains(&i) || mentions.common_ground(&full) {
            continue;
        }
        // Every age given of this person: one card.
        let same: Vec<usize> = ages
            .iter()
            .filter(|&&(_, other, _)| names::same_person(person, other))
            .map(|&(j, _, _)| j)
            .collect();
        done.extend(same.iter().copied());
        let giving: BTreeSet<usize> = same.iter().map(|&j| placed[j].report).collect();
        let lacking = (0..n).any(|v| {
            let r = report_of(alignment, v);
            !giving.contains(&r)
                && !figures.contains(&(r, years))
                && mentions.in_unit(v, &full)
                && same
                    .iter()
                    .any(|&j| alignment.link(placed[j].unit, v).is_some())
        });
        if lacking {
            out.push(Finding {
                kind: FindingKind::OnlyInSome,
                slot: placed[i].detail.value.slot(),
                details: same,
                confidence: 0.4,
            });
        }
    }
    out
}

/// In groups of three reports or more: a place or organisation only one report's unit
/// names, which no other member's text mentions, nor any other member's place holding it
/// or lying in it. A place already compared is not reported again.
fn names_only_in_some<'a>(
    placed: &'a [Placed],
    alignment: &Alignment,
    mentions: &Mentions,
    compared: &BTreeSet<usize>,
) -> Vec<Finding<'a>> {
    let by_unit = by_unit(placed, |v| name_of(v).is_some());
    let mut out = Vec::new();
    for members in &alignment.groups {
        let reports: BTreeSet<usize> = members.iter().map(|&u| report_of(alignment, u)).collect();
        if reports.len() < 3 {
            continue;
        }
        let members = &members[..members.len().min(MAX_MEMBERS)];
        let mut seen: HashSet<&Value> = HashSet::new();
        for &unit in members {
            for &i in by_unit.get(&unit).into_iter().flatten() {
                let p = &placed[i];
                let d = &p.detail;
                if compared.contains(&i) || !seen.insert(&d.value) {
                    continue;
                }
                let name = name_of(&d.value).expect("only names are kept");
                // The story's common ground (its place, its main parties) is named by
                // most reports: a unit that names it tells no one anything new.
                if mentions.common_ground(name) {
                    continue;
                }
                let slot = d.value.slot();
                let elsewhere = members.iter().any(|&u| {
                    report_of(alignment, u) != p.report
                        && (mentions.in_unit(u, name)
                            || by_unit.get(&u).into_iter().flatten().any(|&q| {
                                let other = &placed[q].detail.value;
                                other.slot() == slot
                                    && name_of(other).is_some_and(|o| {
                                        names::same_party(o, name)
                                            || slot == Slot::Place
                                                && gazetteer::relation(o, name)
                                                    .is_some_and(|r| r != Relation::Apart)
                                    })
                            }))
                });
                if !elsewhere {
                    out.push(Finding {
                        kind: FindingKind::OnlyInSome,
                        slot,
                        details: vec![i],
                        confidence: 0.4,
                    });
                }
            }
        }
    }
    out
}

/// The name a place or organisation detail gives.
fn name_of(value: &Value) -> Option<&str> {
    match value {
        Value::Place(name) | Value::Organisation(name) => Some(name),
        _ => None,
    }
}

/// Dates of one fact: a range holding the other's days is a precision difference.
fn date_relation(x: &Date, y: &Date) -> Option<FindingKind> {
    if x.contains(y) && y.contains(x) {
        return None; // the same days
    }
    Some(if x.contains(y) || y.contains(x) {
        FindingKind::Precision
    } else {
        FindingKind::Conflict
    })
}

/// Whether a time is counted from a day no date line gave: "last month", "two weeks ago".
fn is_relative(value: &Value) -> bool {
    matches!(
        value,
        Value::Period(Period::Calendar { .. } | Period::Counted { .. })
    )
}

/// Times of one fact (units of one group): calendar dates as [`date_relation`] says; a
/// month against a day of it, or a year against a date of that year, differ in precision,
/// other months or years conflict; a month against a year, or a date of no stated year
/// against a year, cannot be compared. A time counted from the report's day with no date
/// line to place it is compared as [`period_relation`] and [`relative_against`] say.
fn time_relation(x: &Value, y: &Value) -> Option<FindingKind> {
    match (x, y) {
        (Value::Date(a), Value::Date(b)) => date_relation(a, b),
        (Value::Period(p), Value::Period(q)) => period_relation(*p, *q),
        (Value::Date(d), Value::Period(p)) | (Value::Period(p), Value::Date(d)) => match *p {
            Period::Month(m) if m == d.month => Some(FindingKind::Precision),
            Period::Month(_) => Some(FindingKind::Conflict),
            Period::Year(y) => d.year.map(|dy| {
                if dy == y {
                    FindingKind::Precision
                } else {
                    FindingKind::Conflict
                }
            }),
            relative => relative_against(relative, false),
        },
        _ => None,
    }
}

/// Two periods of one fact. Months, or years, that differ conflict. Two relative times:
/// "last month" against "this month" (the same calendar span, another offset) conflict,
/// though reports published days apart may straddle the turn of a month, so such cards
/// carry a lower confidence; other pairs are compared as the days from the report's day
/// they may fall on ([`days_from_report`]): "two weeks ago" may be "last month", a
/// precision difference, but never "next month", a conflict.
fn period_relation(p: Period, q: Period) -> Option<FindingKind> {
    let differ = |same: bool| (!same).then_some(FindingKind::Conflict);
    match (p, q) {
        (Period::Month(a), Period::Month(b)) => differ(a == b),
        (Period::Year(a), Period::Year(b)) => differ(a == b),
        (Period::Month(_), Period::Year(_)) | (Period::Year(_), Period::Month(_)) => None,
        (Period::Month(_), relative) | (relative, Period::Month(_)) => {
            relative_against(relative, false)
        }
        (Period::Year(_), relative) | (relative, Period::Year(_)) => {
            relative_against(relative, true)
        }
        (Period::Calendar { span: a, offset: x }, Period::Calendar { span: b, offset: y })
            if a == b =>
        {
            differ(x == y)
        }
        _ if p == q => None,
        // A year counted back is not set against a month or a week: "two years ago" and
        // "last month" in one passage are times of two things.
        _ if (span_of(p) == Some(Span::Year)) != (span_of(q) == Some(Span::Year)) => None,
        _ => {
            let ((a, b), (c, d)) = (days_from_report(p)?, days_from_report(q)?);
            Some(if a <= d && c <= b {
                FindingKind::Precision
            } else {
                FindingKind::Conflict
            })
        }
    }
}

/// A time counted from a day no date line states, against a calendar time (a date or a
/// month, or a year when `year`): without the report's day the two cannot be checked
/// against each other, but one gives the time more precisely, a difference a
/// fact-checker wants ("2 say next month, 2 say March 6"). Days, weeks and months are
/// set against dates and months, years against years: "last year" against "in 2015"
/// is a precision difference, not a conflict, since only the report's year could tell
/// which, and guessing it from the years the reports name would be a guess. Other pairs
/// are not compared.
fn relative_against(relative: Period, year: bool) -> Option<FindingKind> {
    let span = span_of(relative)?;
    ((span == Span::Year) == year).then_some(FindingKind::Precision)
}

/// The span a relative time counts in; none for a month or a year.
fn span_of(period: Period) -> Option<Span> {
    match period {
        Period::Calendar { span, .. } | Period::Counted { span, .. } => Some(span),
        Period::Month(_) | Period::Year(_) => None,
    }
}

/// The days from the report's own day a relative time may fall on, first and last:
/// "last month" is -61 to -1 (any day of the month before, from any day of this one),
/// "this week" -6 to 6, "two weeks ago" -17 to -11 (counted weeks are loose by half a
/// week, months by half a month, years by half a year), "in three days" 3 to 3.
fn days_from_report(period: Period) -> Option<(i32, i32)> {
    match period {
        Period::Calendar { span, offset } => {
            let long = span.days();
            Some(match offset {
                ..=-1 => (1 - 2 * long, -1),
                0 => (1 - long, long - 1),
                1.. => (1, 2 * long - 1),
            })
        }
        Period::Counted { span, count } => {
            let (each, loose) = match span {
                Span::Day => (1, 0),
                Span::Week => (7, 3),
                Span::Month => (30, 15),
                Span::Year => (365, 183),
            };
            let centre = i32::from(count) * each;
            Some((centre - loose, centre + loose))
        }
        Period::Month(_) | Period::Year(_) => None,
    }
}

/// In groups of three reports or more: a number only one report gives.
fn only_in_some<'a>(
    placed: &'a [Placed],
    alignment: &Alignment,
    linked: &BTreeSet<usize>,
) -> Vec<Finding<'a>> {
    let by_unit = by_unit(placed, |v| matches!(v, Value::Number(_)));
    let mut out = Vec::new();
    for members in &alignment.groups {
        let reports: BTreeSet<usize> = members.iter().map(|&u| report_of(alignment, u)).collect();
        if reports.len() < 3 {
            continue;
        }
        let mut by_slot: BTreeMap<Slot<'_>, Vec<usize>> = BTreeMap::new();
        for &i in members.iter().flat_map(|u| by_unit.get(u)).flatten() {
            by_slot
                .entry(placed[i].detail.value.slot())
                .or_default()
                .push(i);
        }
        for (slot, mut details) in by_slot {
            details.sort_unstable();
            let giving: BTreeSet<usize> = details.iter().map(|&i| placed[i].report).collect();
            // Already on a card that compares it.
            let compared = details.iter().any(|i| linked.contains(i));
            if giving.len() == 1 && !compared {
                out.push(Finding {
                    kind: FindingKind::OnlyInSome,
                    slot,
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
    use crate::details::{Number, Qualifier};
    use crate::model::ReportInput;
    use crate::text::Prepared;

    fn placed(unit: usize, report: usize, value: Value) -> Placed {
        Placed {
            unit,
            report,
            detail: Detail {
                value,
                start: 0,
                end: 0,
            },
        }
    }

    fn number(
        unit: usize,
        report: usize,
        value: &str,
        counted: &str,
        qualifier: Option<Qualifier>,
    ) -> Placed {
        let number = Number {
            value: value.into(),
            unit: counted.into(),
            qualifier,
            earlier: false,
        };
        placed(unit, report, Value::Number(number))
    }

    fn date(unit: usize, report: usize, month: u8, first: u8, last: u8) -> Placed {
        let date = Date {
            month,
            first,
            last,
            year: None,
        };
        placed(unit, report, Value::Date(date))
    }

    /// The findings among `placed`, where unit `u` is the one unit of report `u` and the
    /// `grouped` pairs of units are groups.
    fn run(placed: &[Placed], grouped: &[(usize, usize)]) -> Vec<(FindingKind, Vec<usize>)> {
        run_linked(placed, grouped, false)
    }

    /// As [`run`]; with `linked`, each group's pair of units is a mutual same-fact link too.
    fn run_linked(
        placed: &[Placed],
        grouped: &[(usize, usize)],
        linked: bool,
    ) -> Vec<(FindingKind, Vec<usize>)> {
        run_texts(placed, &[], grouped, linked)
    }

    /// As [`run_linked`], unit `u` reading `texts[u]` (one sentence) when given.
    fn run_texts(
        placed: &[Placed],
        texts: &[&str],
        grouped: &[(usize, usize)],
        linked: bool,
    ) -> Vec<(FindingKind, Vec<usize>)> {
        let units = placed
            .iter()
            .map(|p| p.unit + 1)
            .max()
            .unwrap_or(0)
            .max(texts.len());
        // One short unit per report, no two sharing a word.
        let inputs: Vec<ReportInput> = (0..units)
            .map(|u| ReportInput {
                id: format!("{u:03}"),
                title: String::new(),
                text: texts
                    .get(u)
                    .map_or_else(|| format!("Unit{u}."), |t| t.to_string()),
            })
            .collect();
        let prepared = Prepared::all(&inputs);
        let reports = Reports::new(&inputs, &prepared);
        let quoted = crate::quotes::Quoted::new(&reports, &Default::default());
        let mut alignment = Alignment::with_model(&reports, &quoted, &Default::default());
        assert_eq!(alignment.corpus.units.len(), units);
        alignment.groups = grouped.iter().map(|&(a, b)| vec![a, b]).collect();
        alignment.in_groups = vec![Vec::new(); units];
        for (g, members) in alignment.groups.iter().enumerate() {
            for &u in members {
                alignment.in_groups[u].push(g);
            }
        }
        if linked {
            alignment.links = grouped
                .iter()
                .map(|&(a, b)| crate::align::Link {
                    a: a.min(b),
                    b: a.max(b),
                    score: 1.0,
                    same_fact: true,
                    mutual: true,
                })
                .collect();
            alignment.links.sort_by_key(|l| (l.a, l.b));
        } else {
            alignment.links.clear();
        }
        let mentions = Mentions::new(&reports, &alignment);
        findings(placed, &alignment, &mentions)
            .into_iter()
            .map(|f| (f.kind, f.details))
            .collect()
    }

    #[test]
    fn same_number_qualified_differently_is_a_precision_difference_or_a_conflict() {
        // Ranges that overlap: "about 9 hours" and "more than 9 hours".
        let placed = [
            number(0, 0, "9", "hour", Some(Qualifier::About)),
            number(1, 1, "9", "hour", Some(Qualifier::MoreThan)),
        ];
        assert_eq!(run(&placed, &[]), [(FindingKind::Precision, vec![0, 1])]);
        // The exact figure against the same figure qualified.
        let placed = [
            number(0, 0, "9", "hour", None),
            number(1, 1, "9", "hour", Some(Qualifier::MoreThan)),
        ];
        assert_eq!(run(&placed, &[]), [(FindingKind::Precision, vec![0, 1])]);
        // Ranges that cannot meet: "nearly 9 hours" and "more than 9 hours".
        let placed = [
            number(0, 0, "9", "hour", Some(Qualifier::Nearly)),
            number(1, 1, "9", "hour", Some(Qualifier::MoreThan)),
        ];
        assert_eq!(run(&placed, &[]), [(FindingKind::Conflict, vec![0, 1])]);
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
            date(0, 0, 10, 19, 19),
            date(1, 1, 10, 18, 19),
            date(2, 2, 10, 25, 25),
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

    fn calendar(span: Span, offset: i8) -> Value {
        Value::Period(Period::Calendar { span, offset })
    }

    fn counted(span: Span, count: i16) -> Value {
        Value::Period(Period::Counted { span, count })
    }

    fn day(month: u8, first: u8, year: Option<u16>) -> Value {
        Value::Date(Date {
            month,
            first,
            last: first,
            year,
        })
    }

    #[test]
    fn times_coarse_and_relative() {
        let month = |m| Value::Period(Period::Month(m));
        let year = |y| Value::Period(Period::Year(y));
        let (p, c) = (Some(FindingKind::Precision), Some(FindingKind::Conflict));
        // (a time, another, how they relate, why)
        let cases: &[(Value, Value, Option<FindingKind>, &str)] = &[
            (month(12), day(12, 19, None), p, "in December / December 19"),
            (month(11), day(10, 19, None), c, "in November / October 19"),
            (year(2015), year(2012), c, "in 2015 / in 2012"),
            (
                day(3, 6, Some(2015)),
                year(2015),
                p,
                "March 6, 2015 by the date line / 2015",
            ),
            (
                day(3, 6, None),
                year(2015),
                None,
                "March 6 of no stated year / 2015",
            ),
            (month(12), year(2015), None, "in December / in 2015"),
            (
                calendar(Span::Month, 1),
                day(3, 6, None),
                p,
                "next month / March 6: cannot be checked, one is more precise",
            ),
            (
                calendar(Span::Month, -1),
                calendar(Span::Month, 0),
                c,
                "last month / this month",
            ),
            (
                calendar(Span::Month, -1),
                calendar(Span::Month, -1),
                None,
                "last month twice",
            ),
            (
                calendar(Span::Month, -1),
                counted(Span::Week, -2),
                p,
                "last month / two weeks ago",
            ),
            (
                counted(Span::Week, -2),
                calendar(Span::Month, 1),
                c,
                "two weeks ago / next month",
            ),
            (
                counted(Span::Week, -2),
                counted(Span::Week, -3),
                c,
                "two / three weeks ago",
            ),
            (
                counted(Span::Week, -2),
                month(12),
                p,
                "two weeks ago / in December",
            ),
            (
                calendar(Span::Year, -1),
                year(2015),
                p,
                "last year / in 2015: only the report's year could tell",
            ),
            (
                counted(Span::Year, -2),
                calendar(Span::Month, -1),
                None,
                "two years ago / last month",
            ),
            (
                calendar(Span::Year, -1),
                month(12),
                None,
                "last year / in December",
            ),
            (
                calendar(Span::Week, -1),
                year(2015),
                None,
                "last week / in 2015",
            ),
        ];
        for (a, b, expected, why) in cases {
            assert_eq!(time_relation(a, b), *expected, "{why}");
            assert_eq!(time_relation(b, a), *expected, "{why}, the other way");
        }
    }

    #[test]
    fn relative_times_are_compared_only_between_linked_units() {
        // "last month" / "this month" in one group, but not linked to each other.
        let placed = [
            placed(0, 0, calendar(Span::Month, -1)),
            placed(1, 1, calendar(Span::Month, 0)),
        ];
        assert!(run(&placed, &[(0, 1)]).is_empty());
        assert_eq!(
            run_linked(&placed, &[(0, 1)], true),
            [(FindingKind::Conflict, vec![0, 1])]
        );
    }

    #[test]
    fn a_time_with_a_better_counterpart_in_the_other_unit_is_no_finding() {
        // "filmed in December" / "charged this week after being filmed in December": the
        // second unit's December is the first's counterpart, and "this week" no finding.
        let december = [
            placed(0, 0, Value::Period(Period::Month(12))),
            placed(1, 1, calendar(Span::Week, 0)),
            placed(1, 1, Value::Period(Period::Month(12))),
        ];
        assert!(run_linked(&december, &[(0, 1)], true).is_empty());
        // "filmed two weeks ago" against the same: a precision difference of December.
        let other = [
            placed(0, 0, counted(Span::Week, -2)),
            placed(1, 1, calendar(Span::Week, 0)),
            placed(1, 1, Value::Period(Period::Month(12))),
        ];
        assert_eq!(
            run_linked(&other, &[(0, 1)], true),
            [(FindingKind::Precision, vec![0, 2])]
        );
    }

    #[test]
    fn a_place_against_the_place_that_holds_it_is_a_precision_difference() {
        let place = |u: usize, name: &str| placed(u, u, Value::Place(name.into()));
        // (a unit's place, another's in one group, the finding)
        let cases: &[(&str, &str, Option<FindingKind>)] = &[
            ("geneva", "switzerland", Some(FindingKind::Precision)),
            ("united states", "delaware", Some(FindingKind::Precision)),
            ("texas", "san diego", Some(FindingKind::Conflict)),
            // One place by two names.
            ("u.s", "united states", None),
            // Places the gazetteer lacks conflict as before, named by neither report.
            ("addington", "beckenham", Some(FindingKind::Conflict)),
        ];
        for &(a, b, expected) in cases {
            let found = run(&[place(0, a), place(1, b)], &[(0, 1)]);
            let expected: Vec<(FindingKind, Vec<usize>)> =
                expected.into_iter().map(|k| (k, vec![0, 1])).collect();
            assert_eq!(found, expected, "{a} / {b}");
        }
    }

    #[test]
    fn where_a_company_is_based() {
        let base = |u: usize, of: &str, place: &str| {
            placed(
                u,
                u,
                Value::Base {
                    of: of.into(),
                    place: place.into(),
                },
            )
        };
        // "San Diego-based Qualcomm" / "California-based Qualcomm", in no common group:
        // one fact across the story.
        let placed = [
            base(0, "qualcomm", "san diego"),
            base(1, "qualcomm", "california"),
            base(2, "broadcom", "singapore"),
        ];
        assert_eq!(run(&placed, &[]), [(FindingKind::Precision, vec![0, 1])]);
        // Places known to be apart conflict; unknown ones are not compared.
        let apart = [
            base(0, "qualcomm", "san diego"),
            base(1, "qualcomm", "texas"),
        ];
        assert_eq!(run(&apart, &[]), [(FindingKind::Conflict, vec![0, 1])]);
        let unknown = [base(0, "acme", "springdale"), base(1, "acme", "riverton")];
        assert!(run(&unknown, &[]).is_empty());
    }

    #[test]
    fn a_person_named_in_one_report_and_unnamed_in_another() {
        let relation = |u: usize, name: Option<&str>| {
            placed(
                u,
                u,
                Value::Relation {
                    role: "father".into(),
                    name: name.map(Into::into),
                },
            )
        };
        let only = |details: Vec<usize>| vec![(FindingKind::OnlyInSome, details)];
        // (the units' texts, their relations, whether linked, the findings, why)
        type Case<'a> = (
            &'a [&'a str],
            Vec<Placed>,
            bool,
            Vec<(FindingKind, Vec<usize>)>,
            &'a str,
        );
        let cases: Vec<Case> = vec![
            (
                &[
                    "Her father Anwar said she was upset.",
                    "Her father said she was upset.",
                ],
                vec![relation(0, Some("Anwar")), relation(1, None)],
                true,
                only(vec![0, 1]),
                "named / unnamed, linked",
            ),
            (
                &[
                    "Her father Anwar said she was upset.",
                    "Her father said she was upset.",
                ],
                vec![relation(0, Some("Anwar")), relation(1, None)],
                false,
                vec![],
                "not linked: perhaps another father",
            ),
            (
                &[
                    "Her father Anwar said she was upset.",
                    "Anwar, her father, said so.",
                ],
                vec![relation(0, Some("Anwar")), relation(1, None)],
                true,
                vec![],
                "the other report names him",
            ),
            (
                &[
                    "Her father Anwar said she was upset.",
                    "Her father Anwar said so.",
                ],
                vec![relation(0, Some("Anwar")), relation(1, Some("Anwar"))],
                true,
                vec![],
                "both name him",
            ),
        ];
        for (texts, placed, linked, expected, why) in cases {
            assert_eq!(
                run_texts(&placed, texts, &[(0, 1)], linked),
                expected,
                "{why}"
            );
        }
    }

    #[test]
    fn an_age_only_some_give_of_a_person_others_name() {
        let age = |u: usize, person: &str, years: &str| {
            placed(
                u,
                u,
                Value::Age {
                    person: person.into(),
                    years: years.into(),
                },
            )
        };
        const MARSH: &str = "Colin Marsh, 57, was injured.";
        // (the units' texts, their details, whether linked, the findings, why)
        type Case<'a> = (
            &'a [&'a str],
            Vec<Placed>,
            bool,
            Vec<(FindingKind, Vec<usize>)>,
            &'a str,
        );
        let cases: Vec<Case> = vec![
            (
                &[MARSH, "Colin Marsh was travelling to work."],
                vec![age(0, "Colin Marsh", "57")],
                true,
                vec![(FindingKind::OnlyInSome, vec![0])],
                "named in full in a linked unit, with no age",
            ),
            (
                &[MARSH, "Colin Marsh was travelling to work."],
                vec![age(0, "Colin Marsh", "57")],
                false,
                vec![],
                "not linked",
            ),
            (
                &[MARSH, "Marsh was travelling to work."],
                vec![age(0, "Colin Marsh", "57")],
                true,
                vec![],
                "a surname alone",
            ),
            (
                &[MARSH, "Colin Marsh, the 57-year-old, was hurt."],
                vec![
                    age(0, "Colin Marsh", "57"),
                    number(1, 1, "57", details::AGE, None),
                ],
                true,
                vec![],
                "the other report gives the figure as an age",
            ),
            (
                &[MARSH, "Colin Marsh, 58, was injured."],
                vec![age(0, "Colin Marsh", "57"), age(1, "Colin Marsh", "58")],
                false,
                vec![(FindingKind::Conflict, vec![0, 1])],
                "two ages of one person conflict anywhere in the story",
            ),
        ];
        for (texts, placed, linked, expected, why) in cases {
            assert_eq!(
                run_texts(&placed, texts, &[(0, 1)], linked),
                expected,
                "{why}"
            );
        }
    }

    #[test]
    fn agreement_is_no_finding() {
        let placed = [
            number(0, 0, "7", "peopl", Some(Qualifier::AtLeast)),
            number(1, 1, "7", "peopl", Some(Qualifier::AtLeast)),
        ];
        assert!(run(&placed, &[(0, 1)]).is_empty());
    }

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn parties_and_titles() {
        let parties: &[(&str, &str, Option<FindingKind>)] = &[
            ("qatar turkey", "qatari turkish", None),
            ("qatar", "qatar turkey", Some(FindingKind::Precision)),
            ("egypt", "qatar", Some(FindingKind::Conflict)),
        ];
        for &(a, b, expected) in parties {
            assert_eq!(party_relation(&words(a), &words(b)), expected, "{a} / {b}");
        }
        let titles: &[(&str, &str, Option<FindingKind>)] = &[
            ("defence minister", "minister", None),
            (
                "interior minister",
                "deputy interior minister",
                Some(FindingKind::Conflict),
            ),
            (
                "defence minister",
                "information minister",
                Some(FindingKind::Conflict),
            ),
        ];
        for &(a, b, expected) in titles {
            assert_eq!(role_relation(&words(a), &words(b)), expected, "{a} / {b}");
        }
    }
}
