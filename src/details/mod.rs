//! Checkable details of a unit: numbers with their unit and qualifier, dates (relative
//! ones resolved against the report's date line), who led, mediated or hosted, people's
//! roles, places and organisations.
//!
//! "nearly nine hours" is the number 9, unit "hour", qualifier "nearly"; "October 18–19"
//! is a date range; "48-hour truce" is 48 "hour"; "on Sunday" in a report dated Tuesday
//! 2 January 2024 is 31 December 2023; "Deputy Interior Minister Mawlawi Rahmatullah
//! Najeeb" gives Najeeb the role "deputy interior minister". Algorithms see words (with
//! their byte spans); the detail keeps the span of its words so findings can point at them.

use crate::text::tokenize::Word;

/// What a detail is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DetailKind {
    /// A count or measure: "nine hours", "2,600-kilometer", "51 people".
    Number,
    /// A calendar date or range: "October 19", "October 18–19", "25 October".
    Date,
    /// Who led something: "the Afghan side was led by Deputy Interior Minister Mawlawi
    /// Rahmatullah Najeeb". The slot names the side ("led: afghan").
    Leader,
    /// Who mediated, brokered, hosted or facilitated: "mediated by Qatar and Turkey". The
    /// slot is the verb ("mediated"), the value the parties, folded ("qatar+turkey").
    Mediator,
    /// A person's title: "Defence Minister Khawaja Asif". The slot names the person
    /// ("role: Khawaja Asif"), the value is the title ("defence minister").
    Role,
    /// A place something happened in: "in Istanbul", "in Doha, Qatar".
    Place,
    /// An organisation named: "TTP", "the Rail Accident Investigation Branch".
    Organisation,
}

/// A report's date line as (year, month, day): relative dates resolve against it.
pub type Anchor = (u16, u8, u8);

/// One detail of a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub kind: DetailKind,
    /// What is counted (the unit word's stem, "hour") or "date".
    pub slot: String,
    /// The value: "9"; for dates "10-18..19" (month-first day..last day).
    pub value: String,
    /// "nearly", "more than", "at least", … when the number is qualified.
    pub qualifier: Option<&'static str>,
    /// Byte span of the words, qualifier included.
    pub start: usize,
    pub end: usize,
    /// For a relative date ("on Sunday") resolved against the date line: the year.
    pub year: Option<u16>,
}

mod dates;
mod numbers;
mod people;
mod places;

pub use dates::{date_line, days, readable_date};
pub use numbers::EARLIER_SLOT;
pub use people::{same_party, same_person, same_side, RANKS};

/// The details of one unit's words (`text` is the report's text their spans point into);
/// `anchor` is the report's date line, when it has one.
pub fn extract(text: &str, words: &[Word], anchor: Option<Anchor>) -> Vec<Detail> {
    let mut used = vec![false; words.len()];
    // Dates first, so their numbers are not counted as numbers.
    let mut out = dates::absolute_dates(words, &mut used);
    out.extend(numbers::numbers(text, words, &used));
    out.extend(dates::relative_dates(words, &mut used, anchor));
    out.extend(people::leaders(text, words));
    out.extend(people::mediators(text, words));
    out.extend(people::roles(text, words));
    out.extend(places::places(text, words));
    out.extend(places::organisations(text, words));
    out.sort_by_key(|d| d.start);
    out
}

/// The capitalised words from `words[from]` on, up to a clause break (`,;.:` or a dash)
/// or a word in lower case; "and" between capitalised words is kept when `and` is set.
pub(super) fn capital_run<'w>(
    text: &str,
    words: &'w [Word],
    from: usize,
    and: bool,
) -> Vec<&'w Word> {
    let mut run = Vec::new();
    let mut k = from;
    while k < words.len() {
        let w = &words[k];
        if k > from
            && text[words[k - 1].end..w.start]
                .contains([',', ';', '.', ':', '–', '—', '(', ')', '“', '”', '"'])
        {
            break;
        }
        let joins = and && w.norm == "and" && words.get(k + 1).is_some_and(|n| n.capital);
        if !(w.capital && !w.number || joins) {
            break;
        }
        run.push(w);
        k += 1;
    }
    while run.last().is_some_and(|w| w.norm == "and") {
        run.pop();
    }
    run
}

#[cfg(test)]
pub(super) mod tests {
    use super::{extract, DetailKind};
    use crate::text::tokenize::Tokenizer;

    /// (kind initial, slot, value, qualifier, text of the span)
    /// Numbers, dates and leaders.
    pub(super) fn details(text: &str) -> Vec<(char, String, String, Option<&'static str>, &str)> {
        dated(text, None)
            .into_iter()
            .filter(|d| matches!(d.0, 'N' | 'D' | 'L'))
            .collect()
    }

    fn all_details(text: &str) -> Vec<(char, String, String, Option<&'static str>, &str)> {
        dated(text, None)
    }

    pub(super) fn dated(
        text: &str,
        anchor: Option<super::Anchor>,
    ) -> Vec<(char, String, String, Option<&'static str>, &str)> {
        let words = Tokenizer::default().words(text, 0, text.len());
        extract(text, &words, anchor)
            .into_iter()
            .map(|d| {
                let kind = match d.kind {
                    DetailKind::Date => 'D',
                    DetailKind::Number => 'N',
                    DetailKind::Leader => 'L',
                    DetailKind::Mediator => 'M',
                    DetailKind::Role => 'R',
                    DetailKind::Place => 'P',
                    DetailKind::Organisation => 'O',
                };
                (kind, d.slot, d.value, d.qualifier, &text[d.start..d.end])
            })
            .collect()
    }

    /// (kind, slot, value, text) of the details of one kind.
    pub(super) fn of_kind(text: &str, kind: char) -> Vec<(String, String, String)> {
        all_details(text)
            .into_iter()
            .filter(|d| d.0 == kind)
            .map(|d| (d.1, d.2, d.4.to_string()))
            .collect()
    }
}
