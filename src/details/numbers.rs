//! Numbers: counts and measures with their unit and qualifier ("nearly nine hours",
//! "2,600-kilometer", "the initial $103 billion offer").

use super::{Detail, DetailKind};
use crate::text::tokenize::Word;

/// Qualifiers before a number, longest first: (words, name).
const QUALIFIERS: [(&[&str], &str); 14] = [
    (&["more", "than"], "more than"),
    (&["less", "than"], "less than"),
    (&["fewer", "than"], "fewer than"),
    (&["at", "least"], "at least"),
    (&["at", "most"], "at most"),
    (&["up", "to"], "up to"),
    (&["nearly"], "nearly"),
    (&["almost"], "almost"),
    (&["about"], "about"),
    (&["around"], "around"),
    (&["roughly"], "roughly"),
    (&["approximately"], "approximately"),
    (&["over"], "more than"),
    (&["some"], "about"),
];

/// Words before a number that make it an earlier figure than the one the report is about.
const EARLIER: &[&str] = &[
    "initial", "original", "first", "previous", "earlier", "prior", "old",
];

/// The mark an earlier figure's slot carries: "share (earlier)".
pub const EARLIER_SLOT: &str = "(earlier)";

/// The numbers of a unit's words that are not part of a date (`used`).
pub(super) fn numbers(text: &str, words: &[Word], used: &[bool]) -> Vec<Detail> {
    let mut out = Vec::new();
    for i in 0..words.len() {
        if used[i]
            || !words[i].number
            || words[i].norm.len() == 4 && words[i].norm.starts_with("20")
        {
            continue; // a date's day, or a year
        }
        // "one security source": the word "one" is an article more often than a count.
        if words[i].norm == "1"
            && text[words[i].start..words[i].end]
                .chars()
                .all(char::is_alphabetic)
        {
            continue;
        }
        // A clock time ("2:30 p.m.") is not a count.
        let glued = |a: &Word, b: &Word| text[a.end..b.start].trim() == ":";
        let clock = i
            .checked_sub(1)
            .is_some_and(|k| glued(&words[k], &words[i]))
            || words.get(i + 1).is_some_and(|next| {
                glued(&words[i], next)
                    || matches!(next.norm.as_str(), "a.m" | "p.m" | "am" | "pm" | "gmt")
            });
        if clock {
            continue;
        }
        let Some(unit) = words[i + 1..]
            .iter()
            .find(|w| !w.stop || w.norm == "of")
            .filter(|w| !w.number && w.norm != "of")
        else {
            continue;
        };
        let mut start = words[i].start;
        let mut qualifier = None;
        for (phrase, name) in QUALIFIERS {
            let n = phrase.len();
            if i >= n && (0..n).all(|k| words[i - n + k].norm == phrase[k]) {
                qualifier = Some(name);
                start = words[i - n].start;
                break;
            }
        }
        // "the initial $103 billion offer", "up from its initial offer of $70 a share": an
        // earlier figure, compared only with earlier figures, never with the new one.
        let window = &words[i.saturating_sub(5)..i];
        let earlier = window.iter().any(|w| EARLIER.contains(&w.norm.as_str()))
            || window
                .windows(2)
                .any(|p| matches!(p[0].norm.as_str(), "up" | "down") && p[1].norm == "from");
        out.push(Detail {
            kind: DetailKind::Number,
            slot: if earlier {
                format!("{} {EARLIER_SLOT}", unit.stem)
            } else {
                unit.stem.clone()
            },
            value: words[i].norm.clone(),
            qualifier,
            start,
            end: unit.end,
            year: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::details;

    #[test]
    fn qualified_durations() {
        assert_eq!(
            details("Following nearly nine hours of talks."),
            [(
                'N',
                "hour".into(),
                "9".into(),
                Some("nearly"),
                "nearly nine hours"
            )]
        );
        assert_eq!(
            details("It continued for more than nine hours."),
            [(
                'N',
                "hour".into(),
                "9".into(),
                Some("more than"),
                "more than nine hours"
            )]
        );
        assert_eq!(details("At least 7 killed.")[0].3, Some("at least"));
    }

    #[test]
    fn earlier_figures_are_their_own_slot() {
        assert_eq!(
            details("raised its offer to $82 a share, up from its initial offer of $70 a share")
                .iter()
                .map(|d| (d.1.as_str(), d.2.as_str()))
                .collect::<Vec<_>>(),
            [("share", "82"), ("share (earlier)", "70")]
        );
        assert_eq!(
            details("the original $105 billion approach")[0].1,
            "billion (earlier)"
        );
        assert_eq!(details("a new $121 billion offer")[0].1, "billion");
    }

    #[test]
    fn hyphenated_measures() {
        assert_eq!(details("a temporary 48-hour truce")[0].1, "hour");
        assert_eq!(details("the 2,600-kilometer-long border")[0].2, "2600");
    }

    #[test]
    fn times_and_years_are_not_counts() {
        assert!(details("began at 2:30 p.m. in 2021").is_empty());
    }
}
