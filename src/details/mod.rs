//! Checkable details of a unit: numbers with their unit and qualifier, dates (relative
//! ones resolved against the report's date line), who led, mediated or hosted, people's
//! roles, places and organisations.
//!
//! "nearly nine hours" is the number 9, unit "hour", qualifier "nearly"; "October 18–19"
//! is a date range; "48-hour truce" is 48 "hour"; "on Sunday" in a report dated Tuesday
//! 2 January 2024 is 31 December 2023; "Deputy Interior Minister Mawlawi Rahmatullah
//! Najeeb" gives Najeeb the role "deputy interior minister". Algorithms see words (with
//! their byte spans); the detail keeps the span of its words so findings can point at them.
//!
//! A detail's [`Value`] is typed: what it is about ([`Value::slot`]) and what it says, so
//! that [`crate::discrepancies`] compares values and never reads a string again. The text
//! people see is written there, from these values. By kind:
//!
//! - [`numbers`]: counts and measures, with qualifier and earlier figures;
//! - [`dates`]: calendar dates and ranges, relative dates, periods ("in December",
//!   "last month", "two weeks ago"), and a date line's day;
//! - [`people`]: who led a side, who mediated, people's titles, people by their relation
//!   to someone ("her father Bassem", "her father");
//! - [`places`]: places, where companies are based, and organisations;
//! - [`withheld`]: what a report says was not disclosed ("the terms were not disclosed").
//!
//! Whether two names are one person, side or party is for [`crate::text::names`]; the
//! words read (months, titles, clause breaks) are in [`crate::text::lexicon`].

mod dates;
mod numbers;
mod people;
mod places;
mod withheld;

pub use dates::date_line;
pub use numbers::{is_outcome, AGE, TIME, VAGUE};

use crate::text::lexicon;
use crate::text::tokenize::Word;

/// One detail of a unit: what it says, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub value: Value,
    /// Byte span of the words, qualifier included.
    pub start: usize,
    pub end: usize,
}

impl Detail {
    /// The detail `value` said by the words `from` to `to`, both included.
    fn spanning(value: Value, from: &Word, to: &Word) -> Detail {
        Detail {
            value,
            start: from.start,
            end: to.end,
        }
    }
}

/// What a detail says. Each kind carries what it is about (its [`Slot`]) and its value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Value {
    /// A count or measure: "nine hours", "2,600-kilometer", "51 people".
    Number(Number),
    /// A calendar date or range: "October 19", "October 18–19", "25 October", "on Sunday".
    Date(Date),
    /// A time coarser than a day ("in December", "in 2015"), or one counted from the
    /// report's own day that no date line resolves ("last month", "two weeks ago").
    Period(Period),
    /// Who led a side: "the Afghan side was led by Deputy Interior Minister Mawlawi
    /// Rahmatullah Najeeb".
    Leader {
        /// The side, as the nearest capitalised word before "led", in lower case
        /// ("afghan"), or "delegation" when there is none.
        side: String,
        /// The leader's name without the title ("Mawlawi Rahmatullah Najeeb").
        name: String,
    },
    /// Who mediated, brokered, hosted or facilitated: "mediated by Qatar and Turkey".
    Mediators {
        verb: Mediation,
        /// The parties in lower case, sorted, each once: `["qatar", "turkey"]`.
        parties: Vec<String>,
    },
    /// A person's title: "Defence Minister Khawaja Asif".
    Role {
        /// The person's name ("Khawaja Asif").
        person: String,
        /// The title's words in lower case, without nationality words and with one
        /// spelling: `["defence", "minister"]`.
        title: Vec<String>,
    },
    /// A place something happened in, its words in lower case: "istanbul" ("in Istanbul").
    Place(String),
    /// Where a company or body is based: "San Diego-based Qualcomm".
    Base {
        /// What is based there, in lower case ("qualcomm").
        of: String,
        /// The place's words in lower case ("san diego").
        place: String,
    },
    /// An organisation named, its words in lower case: "ttp", "rail accident
    /// investigation branch".
    Organisation(String),
    /// A named person's age, given after the name: "Kevin Snow, 57,".
    Age {
        /// The name as written ("Kevin Snow").
        person: String,
        /// The age in years, as the tokenizer normalises it ("57").
        years: String,
    },
    /// A person by their relation to someone, named or not: "her father Bassem", "her
    /// father".
    Relation {
        /// The relation's noun, in lower case ("father").
        role: String,
        /// The name that follows it ("Bassem"), if any.
        name: Option<String>,
    },
    /// Something the report says was not disclosed: "the composition of the delegation was
    /// not disclosed".
    Withheld(Withheld),
    /// Who led a side, described and not named: "led by a team of senior treasury
    /// officials".
    Unnamed {
        /// The side, as for [`Value::Leader`].
        side: String,
        /// The description as written.
        described: String,
    },
}

/// What a report says was not disclosed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Withheld {
    /// Who: names, a delegation's composition, a mediator.
    Who,
    /// An amount: terms, a price, a sum, a toll.
    Amount,
    /// Where: a location, a venue.
    Place,
    /// When: a date.
    When,
}

/// A number, what it counts and how exactly it is given.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Number {
    /// The number as the tokenizer normalises it: "9" for "nine", "2600" for "2,600".
    pub value: String,
    /// What is counted: the stem of the unit word ("hour").
    pub unit: String,
    /// "nearly", "more than", … when the number is qualified.
    pub qualifier: Option<Qualifier>,
    /// An earlier figure than the one the report is about ("the initial $103 billion
    /// offer"): compared only with earlier figures, never with the new one.
    pub earlier: bool,
}

/// How a number is qualified: "nearly nine hours", "more than nine hours".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// "more than", "over"
    MoreThan,
    LessThan,
    FewerThan,
    AtLeast,
    AtMost,
    UpTo,
    Nearly,
    Almost,
    /// "about", "some"
    About,
    Around,
    Roughly,
    Approximately,
}

/// The days of one month a date covers: "October 19" is 10, 19..=19; "October 18–19" is
/// 10, 18..=19.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    pub month: u8,
    pub first: u8,
    pub last: u8,
    /// The year, known only for a relative date ("on Sunday") resolved against the
    /// report's date line.
    pub year: Option<u16>,
}

impl Date {
    /// Whether this date's days hold all of `other`'s.
    pub fn contains(&self, other: &Date) -> bool {
        self.month == other.month && self.first <= other.first && other.last <= self.last
    }
}

/// A time given coarser than a day, or relative to a day the report does not state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// A month of no stated year: "in December".
    Month(u8),
    /// A year: "in 2015".
    Year(u16),
    /// The calendar week, month or year before (-1), of (0) or after (1) the report's
    /// day: "last month" is (Month, -1), "this week" (Week, 0).
    Calendar { span: Span, offset: i8 },
    /// Spans counted from the report's day, back (negative) or ahead: "two weeks ago" is
    /// (Week, -2), "in three days" (Day, 3), "a year ago" (Year, -1).
    Counted { span: Span, count: i16 },
}

/// The span a relative time counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Span {
    Day,
    Week,
    Month,
    Year,
}

impl Span {
    /// Its length in days, at most.
    pub fn days(self) -> i32 {
        match self {
            Span::Day => 1,
            Span::Week => 7,
            Span::Month => 31,
            Span::Year => 366,
        }
    }
}

/// How parties took part in talks or a deal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mediation {
    Mediated,
    Brokered,
    Hosted,
    Facilitated,
}

/// What a detail is about: details are compared only with details of the same slot
/// (sides and people match loosely: [`names::same_side`], [`names::same_person`]).
///
/// [`names::same_side`]: crate::text::names::same_side
/// [`names::same_person`]: crate::text::names::same_person
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Slot<'a> {
    /// What a number counts (the unit's stem) and whether it is an earlier figure.
    Count {
        unit: &'a str,
        earlier: bool,
    },
    Date,
    /// Who led the side.
    Leader {
        side: &'a str,
    },
    /// Who took part in this way.
    Mediators(Mediation),
    /// The title of the person.
    Role {
        person: &'a str,
    },
    Place,
    /// Where it is based.
    Base {
        of: &'a str,
    },
    Organisation,
    /// How old the person is.
    Age {
        person: &'a str,
    },
    /// Who the person in this relation is ("her father").
    Relation {
        role: &'a str,
    },
    /// What a report says was not disclosed.
    Withheld(Withheld),
}

impl Value {
    /// What the detail is about.
    pub fn slot(&self) -> Slot<'_> {
        match self {
            Value::Number(n) => Slot::Count {
                unit: &n.unit,
                earlier: n.earlier,
            },
            Value::Date(_) | Value::Period(_) => Slot::Date,
            Value::Leader { side, .. } | Value::Unnamed { side, .. } => Slot::Leader { side },
            Value::Mediators { verb, .. } => Slot::Mediators(*verb),
            Value::Role { person, .. } => Slot::Role { person },
            Value::Place(_) => Slot::Place,
            Value::Base { of, .. } => Slot::Base { of },
            Value::Organisation(_) => Slot::Organisation,
            Value::Relation { role, .. } => Slot::Relation { role },
            Value::Age { person, .. } => Slot::Age { person },
            Value::Withheld(what) => Slot::Withheld(*what),
        }
    }
}

/// The day a report's date line gives: relative dates resolve against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// The details of one unit's words (`text` is the report's text their spans point into);
/// `anchor` is the report's date line, when it has one.
pub fn extract(text: &str, words: &[Word], anchor: Option<Anchor>) -> Vec<Detail> {
    let mut used = vec![false; words.len()];
    // Dates first, so their numbers are not counted as numbers.
    let mut out = dates::absolute_dates(words, &mut used);
    out.extend(dates::periods(words, &mut used, anchor));
    out.extend(numbers::times(text, words, &mut used));
    out.extend(people::ages(text, words, &mut used));
    out.extend(numbers::numbers(text, words, &used));
    out.extend(numbers::ordinals(words, &used));
    out.extend(dates::relative_dates(words, &mut used, anchor));
    out.extend(people::leaders(text, words));
    out.extend(people::mediators(text, words));
    out.extend(people::roles(text, words));
    out.extend(people::relations(text, words));
    out.extend(places::places(text, words));
    out.extend(places::bases(text, words));
    out.extend(places::organisations(text, words));
    out.extend(withheld::withheld(words));
    out.sort_by_key(|d| d.start);
    out
}

/// The capitalised words from `words[from]` on, up to a break ([`lexicon::NAME_BREAKS`])
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
        if k > from && text[words[k - 1].end..w.start].contains(lexicon::NAME_BREAKS) {
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
    use super::{extract, Anchor, Value};
    use crate::text::tokenize::Tokenizer;

    /// The details of `text` read as one unit dated by `anchor`: each value with the text
    /// of its span.
    pub(in crate::details) fn found(text: &str, anchor: Option<Anchor>) -> Vec<(Value, &str)> {
        let words = Tokenizer::default().words(text, 0, text.len());
        extract(text, &words, anchor)
            .into_iter()
            .map(|d| (d.value, &text[d.start..d.end]))
            .collect()
    }
}
