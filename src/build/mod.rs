//! Assembling the result: from unit indices and term ids back to ids, text and UTF-16
//! offsets. The one place where engine indices become the contract of `model`.

use std::collections::{HashMap, HashSet};

use crate::align::{self, group, Corpus, Link};
use crate::diff;

mod quotes;

use crate::model::{
    Group, Member, Relation, Report, ReportInput, ReportPair, SharedRun, Span, Unit, UnitKind,
};
use crate::text::segment::SegmentKind;
use crate::text::Prepared;
use crate::Comparison;
#[cfg(feature = "internals")]
pub use quotes::clusters as quote_clusters;

/// Shared runs shorter than this many words are not wire copy.
const MIN_SHARED_RUN: usize = 6;
/// A passage of a grouped unit counts as its own when it has this many content words that
/// no other member of its groups has.
const MIN_UNIQUE_SPAN_WORDS: usize = 3;

/// Compares prepared reports and builds the result tree. `layouts` are the pairs of
/// report indices to lay out side by side.
pub fn comparison(
    inputs: &[ReportInput],
    prepared: &[Prepared<'_>],
    layouts: &[(usize, usize)],
) -> Comparison {
    let corpus = Corpus::new(prepared);
    let links = corpus.links();
    let report_of: Vec<usize> = corpus.units.iter().map(|u| u.report).collect();
    let triples: Vec<(usize, usize, f32)> = links.iter().map(|l| (l.a, l.b, l.score)).collect();
    // Ties are broken by report id and position, never by input order.
    let mut by_id: Vec<usize> = (0..corpus.units.len()).collect();
    by_id.sort_by_key(|&u| {
        (
            inputs[corpus.units[u].report].id.as_str(),
            corpus.units[u].segment,
        )
    });
    let mut rank = vec![0; by_id.len()];
    for (r, &u) in by_id.iter().enumerate() {
        rank[u] = r;
    }
    let mut groups = group::cluster(&report_of, &rank, &triples, align::MERGE_MIN);
    let extra = group::attach_secondary(&groups, &report_of, &triples, align::SECONDARY_MIN);
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

    let scores: HashMap<(usize, usize), &Link> = links.iter().map(|l| ((l.a, l.b), l)).collect();
    let unit_id = |u: usize| {
        let unit = &corpus.units[u];
        format!("{}:u{}", inputs[unit.report].id, unit.segment)
    };

    let result_groups: Vec<Group> = groups
        .iter()
        .enumerate()
        .map(|(i, members)| Group {
            id: format!("g{}", i + 1),
            reports: count_reports(members),
            members: members
                .iter()
                .enumerate()
                .map(|(k, &u)| {
                    let (relation, confidence) = member_link(&corpus, &scores, members, u);
                    // Compared with the first member; the first with the second.
                    let other = members[usize::from(k == 0)];
                    Member {
                        unit: unit_id(u),
                        relation,
                        confidence: round3(confidence),
                        changes: changes_against(prepared, &corpus, u, other),
                    }
                })
                .collect(),
        })
        .collect();

    let mut in_groups: Vec<Vec<usize>> = vec![Vec::new(); corpus.units.len()];
    for (g, members) in groups.iter().enumerate() {
        for &u in members {
            in_groups[u].push(g);
        }
    }

    let reports = inputs
        .iter()
        .zip(prepared)
        .enumerate()
        .map(|(r, (input, prep))| report(r, input, prep, &corpus, &groups, &in_groups))
        .collect::<Vec<_>>();
    let pairs = report_pairs(inputs, prepared, &corpus, &links, &in_groups, &groups);
    let side_by_side = layouts
        .iter()
        .map(|&(a, b)| layout(inputs, prepared, &corpus, &links, &groups, a, b))
        .collect();
    Comparison {
        schema: crate::SCHEMA,
        reports,
        groups: result_groups,
        pairs,
        side_by_side,
        quotes: quotes::clusters(inputs, prepared),
        discrepancies: discrepancies(inputs, prepared, &corpus, &groups, &in_groups),
    }
}

/// Disagreements on details between reports, and date lines earlier than the events.
fn discrepancies(
    inputs: &[ReportInput],
    prepared: &[Prepared<'_>],
    corpus: &Corpus,
    groups: &[Vec<usize>],
    in_groups: &[Vec<usize>],
) -> Vec<crate::model::Discrepancy> {
    use crate::details::DetailKind;
    use crate::discrepancy::{self, FindingKind, Placed};
    use crate::model::{Discrepancy, DiscrepancyKind, DiscrepancyValue};
    // Each report's date line, which its relative dates ("on Sunday") resolve against.
    let date_lines: Vec<Option<(usize, crate::details::Anchor)>> =
        prepared.iter().map(date_line_of).collect();
    let placed: Vec<Placed> = corpus
        .units
        .iter()
        .enumerate()
        .flat_map(|(u, unit)| {
            let prep = &prepared[unit.report];
            let anchor = date_lines[unit.report].map(|(_, anchor)| anchor);
            crate::details::extract(prep.text, &prep.words[unit.segment], anchor)
                .into_iter()
                .map(move |detail| Placed {
                    unit: u,
                    report: unit.report,
                    detail,
                })
        })
        .collect();
    let same_group = |a: usize, b: usize| in_groups[a].iter().any(|g| in_groups[b].contains(g));
    let shared_rare = |a: usize, b: usize| corpus.shared_rare(a, b);
    let report_of = |u: usize| corpus.units[u].report;
    let lower: Vec<String> = prepared.iter().map(|p| p.text.to_lowercase()).collect();
    let unit_lower: Vec<String> = corpus
        .units
        .iter()
        .map(|unit| {
            let seg = &prepared[unit.report].segments[unit.segment];
            prepared[unit.report].text[seg.start..seg.end].to_lowercase()
        })
        .collect();
    let report_mentions = |r: usize, name: &str| lower[r].contains(name);
    let unit_mentions = |u: usize, name: &str| unit_lower[u].contains(name);
    let cx = discrepancy::Context {
        same_group: &same_group,
        shared_rare: &shared_rare,
        groups,
        report_of_unit: &report_of,
        unit_mentions: &unit_mentions,
        report_mentions: &report_mentions,
    };
    let value_of = |p: &Placed| {
        let unit = &corpus.units[p.unit];
        let prep = &prepared[unit.report];
        let d = &p.detail;
        let text = prep.text[d.start..d.end].to_string();
        let value = match d.kind {
            DetailKind::Date => match d.year {
                Some(year) => format!(
                    "{}, {year}, by the date line",
                    crate::details::readable_date(&d.value)
                ),
                None => crate::details::readable_date(&d.value),
            },
            DetailKind::Leader => d.value.clone(),
            DetailKind::Mediator
            | DetailKind::Role
            | DetailKind::Place
            | DetailKind::Organisation => text.clone(),
            DetailKind::Number => {
                let unit_word = text
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .find(|w| !w.is_empty())
                    .unwrap_or("");
                let earlier = if d.slot.ends_with(crate::details::EARLIER_SLOT) {
                    " (an earlier figure)"
                } else {
                    ""
                };
                match d.qualifier {
                    Some(q) => format!("{q} {} {unit_word}{earlier}", d.value),
                    None => format!("{} {unit_word}{earlier}", d.value),
                }
            }
        };
        DiscrepancyValue {
            report: inputs[unit.report].id.clone(),
            unit: format!("{}:u{}", inputs[unit.report].id, unit.segment),
            start: prep.utf16.utf16(d.start),
            end: prep.utf16.utf16(d.end),
            text,
            value,
        }
    };
    let mut out: Vec<Discrepancy> = discrepancy::findings(&placed, &cx)
        .into_iter()
        .map(|f| {
            let values: Vec<DiscrepancyValue> =
                f.details.iter().map(|&i| value_of(&placed[i])).collect();
            let first = &placed[f.details[0]].detail;
            let slot = match first.kind {
                DetailKind::Date => "date".to_string(),
                DetailKind::Leader => {
                    format!("who led the {} side", f.slot.trim_start_matches("led: "))
                }
                DetailKind::Mediator => format!("who {} it", f.slot),
                DetailKind::Role => {
                    format!("title of {}", f.slot.trim_start_matches("role: "))
                }
                DetailKind::Place => "place".to_string(),
                DetailKind::Organisation => "organisation named".to_string(),
                DetailKind::Number => {
                    let unit_word = values[0]
                        .text
                        .rsplit(|c: char| !c.is_alphanumeric())
                        .find(|w| !w.is_empty())
                        .unwrap_or(&f.slot)
                        .to_lowercase();
                    if f.slot.ends_with(crate::details::EARLIER_SLOT) {
                        format!("{unit_word}, an earlier figure")
                    } else {
                        unit_word
                    }
                }
            };
            Discrepancy {
                id: String::new(),
                kind: match f.kind {
                    FindingKind::Conflict => DiscrepancyKind::Conflict,
                    FindingKind::Precision => DiscrepancyKind::Precision,
                    FindingKind::OnlyInSome => DiscrepancyKind::OnlyInSome,
                },
                slot,
                values,
                confidence: round3(f.confidence),
            }
        })
        .collect();
    // A date line earlier than the month the reports date the events in.
    let mut months: HashMap<u8, usize> = HashMap::new();
    for p in placed
        .iter()
        .filter(|p| p.detail.kind == DetailKind::Date && p.detail.year.is_none())
    {
        if let Some((m, _, _)) = crate::details::days(&p.detail.value) {
            *months.entry(m).or_default() += 1;
        }
    }
    if let Some((&event_month, _)) = months
        .iter()
        .max_by_key(|&(m, n)| (*n, std::cmp::Reverse(*m)))
    {
        for (r, prep) in prepared.iter().enumerate() {
            let Some((s, (year, month, day))) = date_lines[r] else {
                continue;
            };
            if month >= event_month {
                continue;
            }
            let seg = &prep.segments[s];
            let mut values = vec![DiscrepancyValue {
                report: inputs[r].id.clone(),
                unit: format!("{}:u{s}", inputs[r].id),
                start: prep.utf16.utf16(seg.start),
                end: prep.utf16.utf16(seg.end),
                text: prep.text[seg.start..seg.end].to_string(),
                value: format!(
                    "dated {} {year}",
                    crate::details::readable_date(&format!("{month:02}-{day:02}..{day:02}"))
                ),
            }];
            // The report's own relative dates, resolved against its date line, then what
            // the other reports date the events.
            values.extend(
                placed
                    .iter()
                    .filter(|p| p.report == r && p.detail.year.is_some())
                    .take(3)
                    .map(value_of),
            );
            values.extend(
                placed
                    .iter()
                    .filter(|p| p.detail.kind == DetailKind::Date && p.report != r)
                    .filter(|p| {
                        crate::details::days(&p.detail.value)
                            .is_some_and(|(m, _, _)| m == event_month)
                    })
                    .take(3)
                    .map(value_of),
            );
            out.push(Discrepancy {
                id: String::new(),
                kind: DiscrepancyKind::Conflict,
                slot: "date line".into(),
                values,
                confidence: 0.6,
            });
        }
    }
    out.sort_by_key(|d| d.kind as u8);
    for (i, d) in out.iter_mut().enumerate() {
        d.id = format!("d{}", i + 1);
    }
    out
}

/// Reports `a` and `b` side by side, pairing units that are linked or share a group.
fn layout(
    inputs: &[ReportInput],
    prepared: &[Prepared<'_>],
    corpus: &Corpus,
    links: &[Link],
    groups: &[Vec<usize>],
    a: usize,
    b: usize,
) -> crate::model::SideBySide {
    // Corpus units come in report order, then text order.
    let of = |r: usize| -> Vec<usize> {
        (0..corpus.units.len())
            .filter(|&u| corpus.units[u].report == r)
            .collect()
    };
    let (units_a, units_b) = (of(a), of(b));
    let position = |list: &[usize], u: usize| list.binary_search(&u).ok();
    let mut candidates: HashMap<(usize, usize), f32> = HashMap::new();
    for link in links {
        for (x, y) in [(link.a, link.b), (link.b, link.a)] {
            if let (Some(i), Some(j)) = (position(&units_a, x), position(&units_b, y)) {
                candidates.insert((i, j), link.score);
            }
        }
    }
    for members in groups {
        for &x in members.iter().filter(|&&x| corpus.units[x].report == a) {
            for &y in members.iter().filter(|&&y| corpus.units[y].report == b) {
                let (i, j) = (
                    position(&units_a, x).unwrap(),
                    position(&units_b, y).unwrap(),
                );
                candidates.entry((i, j)).or_insert(0.0);
            }
        }
    }
    let candidates: Vec<diff::Candidate> = candidates
        .into_iter()
        .map(|((i, j), score)| (i, j, score))
        .collect();
    let relation = |i: usize, j: usize| {
        align::relation(
            &corpus.units[units_a[i]].vector,
            &corpus.units[units_b[j]].vector,
        )
    };
    let utf16_a = |x: usize| prepared[a].utf16.utf16(x);
    let utf16_b = |x: usize| prepared[b].utf16.utf16(x);
    let side_a = side(inputs, prepared, corpus, a, &units_a, &utf16_a);
    let side_b = side(inputs, prepared, corpus, b, &units_b, &utf16_b);
    diff::side_by_side(
        &inputs[a].id,
        &inputs[b].id,
        &side_a,
        &side_b,
        &candidates,
        &relation,
    )
}

fn side<'a>(
    inputs: &[ReportInput],
    prepared: &'a [Prepared<'_>],
    corpus: &Corpus,
    r: usize,
    list: &[usize],
    utf16: &'a dyn Fn(usize) -> usize,
) -> diff::Side<'a> {
    diff::Side {
        units: list
            .iter()
            .map(|&u| format!("{}:u{}", inputs[r].id, corpus.units[u].segment))
            .collect(),
        words: list
            .iter()
            .map(|&u| prepared[r].words[corpus.units[u].segment].as_slice())
            .collect(),
        utf16,
    }
}
/// Words of unit `u` that unit `other` does not have.
fn changes_against(
    prepared: &[Prepared<'_>],
    corpus: &Corpus,
    u: usize,
    other: usize,
) -> Vec<crate::model::Range> {
    let (x, y) = (&corpus.units[u], &corpus.units[other]);
    let (px, py) = (&prepared[x.report], &prepared[y.report]);
    let (changes, _) = diff::word_changes(
        &px.words[x.segment],
        &py.words[y.segment],
        &|b| px.utf16.utf16(b),
        &|b| py.utf16.utf16(b),
    );
    changes
}

fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// The strongest relation of `u` to a member of another report, and its best score.
fn member_link(
    corpus: &Corpus,
    scores: &HashMap<(usize, usize), &Link>,
    members: &[usize],
    u: usize,
) -> (Relation, f32) {
    let mut best = (Relation::Paraphrase, 0.0f32);
    for &v in members {
        if corpus.units[v].report == corpus.units[u].report {
            continue;
        }
        let Some(link) = scores.get(&(u.min(v), u.max(v))) else {
            continue;
        };
        let relation = align::relation(&corpus.units[u].vector, &corpus.units[v].vector);
        best.0 = best.0.max(relation);
        best.1 = best.1.max(link.score);
    }
    best
}

fn report(
    r: usize,
    input: &ReportInput,
    prep: &Prepared<'_>,
    corpus: &Corpus,
    groups: &[Vec<usize>],
    in_groups: &[Vec<usize>],
) -> Report {
    let map = &prep.utf16;
    let text = prep.text;
    let units: Vec<Unit> = prep
        .segments
        .iter()
        .enumerate()
        .map(|(index, seg)| {
            let reason = prep.boilerplate[index];
            Unit {
                id: format!("{}:u{index}", input.id),
                kind: match (reason, seg.kind) {
                    (Some(_), _) => UnitKind::Boilerplate,
                    (None, SegmentKind::Heading) => UnitKind::Heading,
                    (None, SegmentKind::Sentence | SegmentKind::Dateline) => UnitKind::Sentence,
                },
                start: map.utf16(seg.start),
                end: map.utf16(seg.end),
                text: text[seg.start..seg.end].to_string(),
                reason: reason.map(str::to_string),
            }
        })
        .collect();
    let mut unique = Vec::new();
    let mut unique_spans = Vec::new();
    for (u, unit) in corpus
        .units
        .iter()
        .enumerate()
        .filter(|(_, c)| c.report == r)
    {
        if in_groups[u].is_empty() {
            unique.push(units[unit.segment].id.clone());
            continue;
        }
        let elsewhere: HashSet<u32> = in_groups[u]
            .iter()
            .flat_map(|&g| &groups[g])
            .filter(|&&v| corpus.units[v].report != r)
            .flat_map(|&v| corpus.units[v].vector.seq.iter().copied())
            .collect();
        let words = &prep.words[unit.segment];
        for (first, last) in unmatched_runs(words, &unit.vector.seq, &elsewhere) {
            let (s, e) = (words[first].start, words[last].end);
            unique_spans.push(Span {
                unit: units[unit.segment].id.clone(),
                start: map.utf16(s),
                end: map.utf16(e),
                text: text[s..e].to_string(),
            });
        }
    }
    let title = match input.title.trim() {
        "" => units
            .iter()
            .find(|u| u.kind == UnitKind::Heading && !is_date_line(&u.text))
            .map_or_else(|| input.id.clone(), |u| u.text.clone()),
        given => given.to_string(),
    };
    Report {
        id: input.id.clone(),
        title,
        length: map.utf16(text.len()),
        units,
        unique,
        unique_spans,
    }
}

/// A publication date line ("Tuesday, 02 January 2024 12:17 GMT"): a month name and a
/// four-digit year in a few words.
/// A report's date line ("Tuesday, 02 January 2024 12:17 GMT"): its segment and date.
fn date_line_of(prep: &Prepared<'_>) -> Option<(usize, crate::details::Anchor)> {
    let s = prep.segments.iter().position(|seg| {
        seg.kind == SegmentKind::Heading && is_date_line(&prep.text[seg.start..seg.end])
    })?;
    Some((s, crate::details::date_line(&prep.words[s])?))
}

fn is_date_line(heading: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = heading.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let year = words
        .iter()
        .any(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()));
    words.len() <= 8 && year && words.iter().any(|w| MONTHS.contains(w))
}

/// Word index ranges (inclusive) whose content words are absent from `elsewhere`, with
/// stop words allowed inside a run but not at its ends.
fn unmatched_runs(
    words: &[crate::text::tokenize::Word],
    seq: &[u32],
    elsewhere: &HashSet<u32>,
) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut current: Option<(usize, usize, usize)> = None; // first, last, content count
    for (i, (word, term)) in words.iter().zip(seq).enumerate() {
        if word.stop {
            continue;
        }
        if elsewhere.contains(term) {
            if let Some(run) = current.take() {
                runs.push(run);
            }
        } else {
            current = Some(match current {
                Some((first, _, n)) => (first, i, n + 1),
                None => (i, i, 1),
            });
        }
    }
    runs.extend(current);
    runs.into_iter()
        .filter(|&(_, _, n)| n >= MIN_UNIQUE_SPAN_WORDS)
        .map(|(first, last, _)| (first, last))
        .collect()
}

fn report_pairs(
    inputs: &[ReportInput],
    prepared: &[Prepared<'_>],
    corpus: &Corpus,
    links: &[Link],
    in_groups: &[Vec<usize>],
    groups: &[Vec<usize>],
) -> Vec<ReportPair> {
    let n = inputs.len();
    let mut comparable = vec![0usize; n];
    for unit in &corpus.units {
        comparable[unit.report] += 1;
    }
    // carried[r][s]: units of r that share a group with a unit of s.
    let mut carried = vec![vec![0usize; n]; n];
    for (u, unit) in corpus.units.iter().enumerate() {
        let mut reached: Vec<usize> = in_groups[u]
            .iter()
            .flat_map(|&g| &groups[g])
            .map(|&v| corpus.units[v].report)
            .filter(|&s| s != unit.report)
            .collect();
        reached.sort_unstable();
        reached.dedup();
        for s in reached {
            carried[unit.report][s] += 1;
        }
    }
    let mut runs: HashMap<(usize, usize), Vec<SharedRun>> = HashMap::new();
    for link in links {
        let (ua, ub) = (&corpus.units[link.a], &corpus.units[link.b]);
        let Some((len, ia, ib)) = similarity::longest_common_run_at(&ua.vector.seq, &ub.vector.seq)
        else {
            continue;
        };
        if len < MIN_SHARED_RUN {
            continue;
        }
        let span = |unit: &align::CorpusUnit, from: usize| {
            let prep = &prepared[unit.report];
            let words = &prep.words[unit.segment];
            let (s, e) = (words[from].start, words[from + len - 1].end);
            Span {
                unit: format!("{}:u{}", inputs[unit.report].id, unit.segment),
                start: prep.utf16.utf16(s),
                end: prep.utf16.utf16(e),
                text: prep.text[s..e].to_string(),
            }
        };
        runs.entry((ua.report, ub.report))
            .or_default()
            .push(SharedRun {
                a: span(ua, ia),
                b: span(ub, ib),
                words: len,
            });
    }
    let mut pairs = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            let share = |x: usize, total: usize| {
                if total == 0 {
                    0.0
                } else {
                    x as f64 / total as f64
                }
            };
            let both = comparable[a] + comparable[b];
            let mut shared_runs = runs.remove(&(a, b)).unwrap_or_default();
            shared_runs.sort_by(|x, y| {
                y.words
                    .cmp(&x.words)
                    .then_with(|| x.a.start.cmp(&y.a.start))
            });
            pairs.push(ReportPair {
                a: inputs[a].id.clone(),
                b: inputs[b].id.clone(),
                similarity: round(share(carried[a][b] + carried[b][a], both)),
                coverage_a: round(share(carried[a][b], comparable[a])),
                coverage_b: round(share(carried[b][a], comparable[b])),
                shared_runs,
            });
        }
    }
    pairs
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

use crate::align::similarity;
