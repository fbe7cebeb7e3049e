//! Who said it: one utterance credited to different speakers by different reports.
//!
//! The quotes stage clusters the renderings of one utterance and resolves each one's
//! speaker ([`crate::quotes::credits`]). A report that credits a statement to "the
//! transport police" while another credits the same words to "Deputy Chief Constable
//! Adrian Hanstock" differs on who said it. Only speakers that identify someone are
//! compared: a person by name or an institution. A role ("a spokesman", "the driver") or
//! a group ("investigators") may well be the named person or a member of the
//! institution, and a report that leaves the speaker unknown claims nothing.
//!
//! Different people by name, or different institutions, are a conflict; a person by name
//! against an institution is a precision difference (the institution's officer, or its
//! statement read out by one).

use super::findings::FindingKind;
use crate::quotes::speaker::Kind;
use crate::quotes::Credit;
use crate::text::names;
use crate::union_find::UnionFind;

/// One utterance credited to more than one identity by different reports.
#[derive(Debug)]
pub struct Credited {
    pub kind: FindingKind,
    /// Indices into the utterance's credits, one per report and identity, grouped by
    /// identity in order of first appearance, each with its identity's name (the
    /// shortest way its credits write it: "Robin Smith" for "assistant chief constable
    /// Robin Smith").
    pub credits: Vec<(usize, String)>,
    pub confidence: f32,
}

/// Per utterance (in order), the attribution difference among its `credits`, if any.
pub fn differences(credits: &[Vec<Credit>]) -> Vec<(usize, Credited)> {
    credits
        .iter()
        .enumerate()
        .filter_map(|(u, c)| difference(c).map(|d| (u, d)))
        .collect()
}

/// The attribution difference among one utterance's credits: two identities (people by
/// name or institutions) given by different reports.
fn difference(credits: &[Credit]) -> Option<Credited> {
    let kept: Vec<usize> = (0..credits.len())
        .filter(|&i| matches!(credits[i].kind, Kind::Named(_) | Kind::Institution))
        .collect();
    // Identities: credits joined when any two of them name one speaker, whatever their
    // order ("John Smith" joins "Mr Smith" and "John Brown" alike, and then all three are
    // one: no card rather than a doubtful one).
    let mut sets = UnionFind::new(kept.len());
    for a in 0..kept.len() {
        for b in a + 1..kept.len() {
            if names::same_speaker(&credits[kept[a]].speaker, &credits[kept[b]].speaker) {
                sets.union(a, b);
            }
        }
    }
    // In order of first appearance, each with one credit per report (a report that
    // repeats its own attribution says it once).
    let mut identities: Vec<(usize, Vec<usize>)> = Vec::new();
    for (a, &i) in kept.iter().enumerate() {
        let root = sets.find(a);
        match identities.iter_mut().find(|(r, _)| *r == root) {
            Some((_, id)) if id.iter().any(|&k| credits[k].report == credits[i].report) => {}
            Some((_, id)) => id.push(i),
            None => identities.push((root, vec![i])),
        }
    }
    let identities: Vec<Vec<usize>> = identities.into_iter().map(|(_, id)| id).collect();
    // A difference between reports: some two identities given by different reports.
    let reports = |id: &[usize]| id.iter().map(|&k| credits[k].report).collect::<Vec<_>>();
    let between_reports = identities.iter().enumerate().any(|(a, x)| {
        identities[a + 1..].iter().any(|y| {
            let (rx, ry) = (reports(x), reports(y));
            rx.iter().any(|r| !ry.contains(r)) && ry.iter().any(|r| !rx.contains(r))
        })
    });
    if identities.len() < 2 || !between_reports {
        return None;
    }
    let named = |id: &[usize]| matches!(credits[id[0]].kind, Kind::Named(_));
    let people = identities.iter().filter(|id| named(id)).count();
    let kind = if people >= 2 || identities.len() - people >= 2 {
        FindingKind::Conflict
    } else {
        FindingKind::Precision
    };
    // As sure as the least sure identity's best credit.
    let confidence = identities
        .iter()
        .map(|id| {
            id.iter()
                .map(|&k| credits[k].confidence)
                .fold(0.0_f32, f32::max)
        })
        .fold(1.0_f32, f32::min);
    // Each identity by the shortest way its credits write it (the first of those in
    // alphabetical order on a tie), whatever the order of the reports.
    let credits = identities
        .iter()
        .flat_map(|id| {
            let name = id
                .iter()
                .map(|&k| credits[k].speaker.as_str())
                .min_by_key(|s| (s.len(), *s))
                .unwrap_or_default();
            id.iter().map(move |&k| (k, name.to_string()))
        })
        .collect();
    Some(Credited {
        kind,
        credits,
        confidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credit(report: usize, speaker: &str, kind: Kind) -> Credit {
        Credit {
            report,
            segment: 0,
            start: 0,
            end: 0,
            speaker: speaker.into(),
            kind,
            confidence: 0.8,
        }
    }

    fn kind_of(credits: &[Credit]) -> Option<FindingKind> {
        difference(credits).map(|d| d.kind)
    }

    #[test]
    fn who_said_it() {
        use FindingKind::{Conflict, Precision};
        let person = Kind::Named(None);
        let cases: &[(&str, &[Credit], Option<FindingKind>)] = &[
            (
                "an institution against its officer by name",
                &[
                    credit(0, "the transport police", Kind::Institution),
                    credit(1, "Deputy Chief Constable Adrian Hanstock", person),
                ],
                Some(Precision),
            ),
            (
                "two people by name",
                &[
                    credit(0, "Finance Minister Ana Ruiz", person),
                    credit(1, "Deputy Minister Tom Alder", person),
                ],
                Some(Conflict),
            ),
            (
                "two institutions",
                &[
                    credit(0, "the ministry", Kind::Institution),
                    credit(1, "the army", Kind::Institution),
                ],
                Some(Conflict),
            ),
            (
                "one person, named two ways",
                &[
                    credit(0, "Martin Bamford", person),
                    credit(1, "Mr Bamford", person),
                ],
                None,
            ),
            (
                "a role may be the person named",
                &[
                    credit(0, "a spokesman", Kind::Role(Some(false))),
                    credit(1, "Deputy Minister Tom Alder", person),
                ],
                None,
            ),
            (
                "a group may be the institution's",
                &[
                    credit(0, "Investigators", Kind::Group),
                    credit(
                        1,
                        "the Rail Accident Investigation Branch",
                        Kind::Institution,
                    ),
                ],
                None,
            ),
            (
                "one report crediting two speakers is not a difference between reports",
                &[
                    credit(0, "the ministry", Kind::Institution),
                    credit(0, "Finance Minister Ana Ruiz", person),
                    credit(1, "the ministry", Kind::Institution),
                ],
                None,
            ),
        ];
        for (what, credits, want) in cases {
            assert_eq!(kind_of(credits), *want, "{what}");
        }
    }

    #[test]
    fn identities_do_not_depend_on_the_order_of_the_reports() {
        let person = Kind::Named(None);
        let a = credit(0, "John Brown", person);
        let b = credit(1, "John Smith", person);
        let c = credit(2, "Mr Smith", person);
        // "John Smith" names both others: one identity in every order, so no card.
        assert!(difference(&[a.clone(), b.clone(), c.clone()]).is_none());
        assert!(difference(&[b, a, c]).is_none());
    }

    #[test]
    fn each_report_gives_each_identity_once() {
        let person = Kind::Named(None);
        let d = difference(&[
            credit(0, "the ministry", Kind::Institution),
            credit(0, "the ministry", Kind::Institution),
            credit(1, "Finance Minister Ana Ruiz", person),
            credit(2, "Ana Ruiz", person),
        ])
        .unwrap();
        let credits: Vec<(usize, &str)> = d.credits.iter().map(|(k, n)| (*k, n.as_str())).collect();
        assert_eq!(
            credits,
            [(0, "the ministry"), (2, "Ana Ruiz"), (3, "Ana Ruiz")]
        );
    }
}
