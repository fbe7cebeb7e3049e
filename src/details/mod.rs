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

const MONTHS: [(&str, u8); 21] = [
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// The month number of a month name or abbreviation.
pub fn month(norm: &str) -> Option<u8> {
    MONTHS.iter().find(|(m, _)| *m == norm).map(|&(_, n)| n)
}

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

fn day(word: &Word) -> Option<u8> {
    word.number
        .then(|| word.norm.parse::<u8>().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// The details of one unit's words (`text` is the report's text their spans point into);
/// `anchor` is the report's date line, when it has one.
pub fn extract(text: &str, words: &[Word], anchor: Option<Anchor>) -> Vec<Detail> {
    let mut out = Vec::new();
    let mut used = vec![false; words.len()];
    // Dates first, so their numbers are not counted as numbers.
    for i in 0..words.len() {
        let Some(m) = month(&words[i].norm) else {
            continue;
        };
        // "October 18–19", "October 19", "Oct. 25"
        if let Some(first) = words.get(i + 1).and_then(day) {
            let mut last_index = i + 1;
            let mut last = first;
            if let Some(second) = words.get(i + 2).and_then(day).filter(|&d| d > first) {
                last = second;
                last_index = i + 2;
            }
            out.push(date(m, first, last, &words[i], &words[last_index]));
            used[i..=last_index].fill(true);
            continue;
        }
        // "25 October"
        if let Some(d) = i.checked_sub(1).and_then(|k| day(&words[k])) {
            out.push(date(m, d, d, &words[i - 1], &words[i]));
            used[i - 1..=i].fill(true);
        }
    }
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
    out.extend(relative_dates(words, &mut used, anchor));
    out.extend(leaders(text, words));
    out.extend(mediators(text, words));
    out.extend(roles(text, words));
    out.extend(places(text, words));
    out.extend(organisations(text, words));
    out.sort_by_key(|d| d.start);
    out
}

/// "… led by <title> <Name Name>": the name, and the side as the nearest capitalised word
/// before "led" in the unit ("Afghan", "Pakistani"), lower case without a possessive.
fn leaders(text: &str, words: &[Word]) -> Vec<Detail> {
    let mut out = Vec::new();
    for i in 0..words.len().saturating_sub(2) {
        if words[i].norm != "led" || words[i + 1].norm != "by" {
            continue;
        }
        // The name: the capitalised words after "by", up to the first clause break.
        let after = &words[i + 2..];
        let run: Vec<&Word> = after
            .iter()
            .enumerate()
            .take_while(|(k, w)| {
                w.capital && (*k == 0 || !text[after[k - 1].end..w.start].contains([',', ';', '.']))
            })
            .map(|(_, w)| w)
            .collect();
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            continue;
        };
        let names = crate::quotes::speaker::names_in(&text[first.start..last.end]);
        let Some(name) = names
            .last()
            .cloned()
            .or_else(|| Some(text[first.start..last.end].to_string()))
        else {
            continue;
        };
        let side = words[..i]
            .iter()
            .rev()
            .find(|w| w.capital)
            .map_or_else(|| "delegation".to_string(), |w| w.norm.clone());
        out.push(Detail {
            kind: DetailKind::Leader,
            slot: format!("led: {side}"),
            value: name,
            qualifier: None,
            start: first.start,
            end: last.end,
            year: None,
        });
    }
    out
}

/// Whether two sides name the same party: one is the start of the other ("afghan",
/// "afghanistan"; "pakistani", "pakistan").
pub fn same_side(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim_start_matches("led: "), b.trim_start_matches("led: "));
    let stem = |s: &str| s.trim_end_matches('i').to_string();
    let (x, y) = (stem(a), stem(b));
    x.len() >= 4 && y.len() >= 4 && (x.starts_with(&y) || y.starts_with(&x))
}

/// Words before a name that are not the name: "Mawlawi Rahmatullah Najeeb" and "Mawlawi
/// Abdul Kabir" are two people.
const HONORIFICS: &[&str] = &[
    "mullah", "mawlawi", "maulvi", "maulana", "sheikh", "haji", "hafiz", "syed", "sayed", "mr",
    "mrs", "ms", "dr", "sir", "gen", "general", "lt", "col", "maj", "capt",
];

/// Whether two names are of one person: they share a word of three letters or more that
/// is not an honorific.
pub fn same_person(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase)
            .filter(|w| !HONORIFICS.contains(&w.as_str()))
            .collect()
    };
    let wb = words(b);
    words(a).iter().any(|w| wb.contains(w))
}

/// Whether two names of parties or places name the same one, allowing for demonyms and
/// spellings: "Qatari" and "Qatar", "Turkish", "Turkey" and "Türkiye".
pub fn same_party(a: &str, b: &str) -> bool {
    let fold = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                'ü' | 'ú' | 'ù' => 'u',
                'é' | 'è' => 'e',
                'ö' | 'ó' => 'o',
                c => c,
            })
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (fold(a), fold(b));
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    common >= 4 && common * 3 >= shorter * 2
}

// --- Relative dates ---------------------------------------------------------------------

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of days since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// "on Sunday", "last Sunday", "next Thursday", "yesterday", "today", "tomorrow", resolved
/// against the date line. A bare or "on" weekday is the latest such day on or before the
/// date line (news reports tell what has happened), unless "will" comes just before;
/// "last" is strictly before, "next" and "this" after. Without a date line there is
/// nothing to resolve against, and no detail.
fn relative_dates(words: &[Word], used: &mut [bool], anchor: Option<Anchor>) -> Vec<Detail> {
    let Some((year, month, day)) = anchor else {
        return Vec::new();
    };
    let base = days_from_civil(i64::from(year), i64::from(month), i64::from(day));
    let base_weekday = (base + 3).rem_euclid(7); // 1970-01-01 was a Thursday: Monday = 0
    let mut out = Vec::new();
    for i in 0..words.len() {
        if used[i] {
            continue;
        }
        let before = i.checked_sub(1).map(|k| words[k].norm.as_str());
        let (offset, from) = if let Some(w) = WEEKDAYS.iter().position(|d| *d == words[i].norm) {
            // "Tuesday, 02 January 2024" is an absolute date, not a relative one.
            if words[i + 1..].iter().take(3).any(|w| month_of(w).is_some()) {
                continue;
            }
            let w = w as i64;
            let back = (base_weekday - w).rem_euclid(7);
            let ahead = (w - base_weekday).rem_euclid(7);
            let future = words[i.saturating_sub(6)..i]
                .iter()
                .any(|x| x.norm == "will");
            let offset = match before {
                Some("last") => -(if back == 0 { 7 } else { back }),
                Some("next") => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
                Some("this") => ahead,
                _ if future => ahead,
                _ => -back,
            };
            let from = match before {
                Some("on" | "last" | "next" | "this" | "since" | "until") => i - 1,
                _ => i,
            };
            (offset, from)
        } else {
            match words[i].norm.as_str() {
                "yesterday" => (-1, i),
                "today" => (0, i),
                "tomorrow" => (1, i),
                _ => continue,
            }
        };
        let (y, m, d) = civil_from_days(base + offset);
        used[from..=i].fill(true);
        out.push(Detail {
            kind: DetailKind::Date,
            slot: "date".into(),
            value: format!("{m:02}-{d:02}..{d:02}"),
            qualifier: None,
            start: words[from].start,
            end: words[i].end,
            year: u16::try_from(y).ok(),
        });
    }
    out
}

fn month_of(word: &Word) -> Option<u8> {
    month(&word.norm)
}

// --- People, parties, places, organisations -----------------------------------------------

/// The capitalised words from `words[from]` on, up to a clause break (`,;.:` or a dash)
/// or a word in lower case; "and" between capitalised words is kept when `and` is set.
fn capital_run<'w>(text: &str, words: &'w [Word], from: usize, and: bool) -> Vec<&'w Word> {
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

/// "mediated by Qatar and Turkey", "brokered by Egypt", "hosted by Turkey".
fn mediators(text: &str, words: &[Word]) -> Vec<Detail> {
    let mut out = Vec::new();
    for i in 0..words.len().saturating_sub(2) {
        let verb = match words[i].norm.as_str() {
            "mediated" => "mediated",
            "brokered" => "brokered",
            "hosted" => "hosted",
            "facilitated" => "facilitated",
            _ => continue,
        };
        if words[i + 1].norm != "by" {
            continue;
        }
        let run = capital_run(text, words, i + 2, true);
        let mut parties: Vec<String> = run
            .split(|w| w.norm == "and")
            .filter_map(|part| Some(part.last()?.norm.clone()))
            .collect();
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            continue;
        };
        parties.sort();
        parties.dedup();
        out.push(Detail {
            kind: DetailKind::Mediator,
            slot: verb.into(),
            value: parties.join("+"),
            qualifier: None,
            start: first.start,
            end: last.end,
            year: None,
        });
    }
    out
}

/// The last word of a title: "Defence Minister", "Army Chief", "Foreign Ministry
/// Spokesperson".
const ROLE_HEADS: &[&str] = &[
    "minister",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "governor",
    "envoy",
    "commander",
    "chief",
    "secretary",
    "director",
    "adviser",
    "advisor",
    "chairman",
    "chairwoman",
    "ceo",
    "mayor",
    "senator",
    "judge",
    "prosecutor",
];

/// Words inside a title, which go on past a head word: "Chief Executive Officer".
const TITLE_WORDS: &[&str] = &[
    "minister",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "executive",
    "officer",
    "operating",
    "financial",
    "secretary",
    "general",
    "director",
    "commander",
    "staff",
    "affairs",
    "adviser",
    "advisor",
];

/// Words of a title that say a rank: "Interior Minister" and "Deputy Interior Minister"
/// are two offices, "Defence Minister" and "Minister" one, said more or less exactly.
pub const RANKS: &[&str] = &["deputy", "vice", "assistant", "junior", "former"];

/// "Defence Minister Khawaja Asif", "Pakistani Defense Minister Khawaja Asif": the person
/// and the title, without nationality words ("Pakistani", "Afghan") and with one spelling
/// of "defence".
fn roles(text: &str, words: &[Word]) -> Vec<Detail> {
    let mut out = Vec::new();
    for i in 0..words.len().saturating_sub(1) {
        if !words[i].capital || !ROLE_HEADS.contains(&words[i].norm.as_str()) {
            continue;
        }
        // The title ends at its last title word: "Chief Executive Officer Hock Tan".
        if words
            .get(i + 1)
            .is_some_and(|n| n.capital && TITLE_WORDS.contains(&n.norm.as_str()))
        {
            continue;
        }
        let name_run = capital_run(text, words, i + 1, false);
        let (Some(first), Some(last)) = (name_run.first(), name_run.last()) else {
            continue;
        };
        let Some(name) = crate::quotes::speaker::names_in(&text[first.start..last.end])
            .into_iter()
            .next()
        else {
            continue;
        };
        // The title: the capitalised words just before the head, in one run.
        let mut from = i;
        while from > 0
            && words[from - 1].capital
            && !text[words[from - 1].end..words[from].start].contains([',', ';', '.', ':'])
        {
            from -= 1;
        }
        if from > 0 && words[from - 1].norm == "former" {
            continue; // a past office says nothing about the present one
        }
        let title: Vec<String> = words[from..=i]
            .iter()
            .flat_map(|w| match w.norm.as_str() {
                "defense" => vec!["defence".to_string()],
                "ceo" => vec!["chief".into(), "executive".into(), "officer".into()],
                _ => vec![w.norm.clone()],
            })
            .filter(|w| !is_demonym(w) && !crate::text::tokenize::is_stop_word(w))
            .collect();
        out.push(Detail {
            kind: DetailKind::Role,
            slot: format!("role: {name}"),
            value: title.join(" "),
            qualifier: None,
            start: words[from].start,
            end: last.end,
            year: None,
        });
    }
    out
}

/// "Pakistani", "Afghan", "Qatari", "Turkish", "Chinese", "Israeli", "Palestinian":
/// nationality words, which say where an office is, not which office it is.
fn is_demonym(word: &str) -> bool {
    const NOT: &[&str] = &[
        "foreign",
        "acting",
        "prime",
        "information",
        "finance",
        "interior",
    ];
    !NOT.contains(&word)
        && !ROLE_HEADS.contains(&word)
        && !RANKS.contains(&word)
        && ["an", "ani", "ese", "ish", "i", "ian"]
            .iter()
            .any(|suffix| word.len() > suffix.len() + 2 && word.ends_with(suffix))
}

/// "in Istanbul", "in Doha, Qatar", "at Dolmabahçe Palace": a capitalised run after "in" or
/// "at" that is not a month, a weekday or an adjective ("in Afghan territory").
fn places(text: &str, words: &[Word]) -> Vec<Detail> {
    let mut out = Vec::new();
    for i in 0..words.len().saturating_sub(1) {
        if !matches!(words[i].norm.as_str(), "in" | "at") {
            continue;
        }
        let run = capital_run(text, words, i + 1, false);
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            continue;
        };
        let next = words.get(i + 1 + run.len());
        // "in Afghan territory": a nationality word before a noun.
        let adjective = is_demonym(&last.norm)
            && next.is_some_and(|n| {
                !n.stop && !n.number && !n.capital && text[last.end..n.start].trim().is_empty()
            });
        if adjective
            || run.iter().any(|w| {
                month_of(w).is_some()
                    || WEEKDAYS.contains(&w.norm.as_str())
                    || ROLE_HEADS.contains(&w.norm.as_str())
            })
        {
            continue;
        }
        out.push(Detail {
            kind: DetailKind::Place,
            slot: "place".into(),
            value: run
                .iter()
                .map(|w| w.norm.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            qualifier: None,
            start: first.start,
            end: last.end,
            year: None,
        });
    }
    out
}

/// Last words of an organisation's name.
const ORGANISATION_HEADS: &[&str] = &[
    "party",
    "ministry",
    "army",
    "council",
    "organisation",
    "organization",
    "movement",
    "front",
    "agency",
    "office",
    "committee",
    "union",
    "bank",
    "company",
    "court",
    "police",
    "department",
    "forces",
    "corporation",
    "commission",
    "university",
    "parliament",
    "assembly",
    "branch",
    "authority",
    "service",
    "institute",
    "association",
    "federation",
];

/// Letters in capitals that are not organisations.
const NOT_ORGANISATIONS: &[&str] = &[
    "GMT", "AM", "PM", "TV", "CEO", "ID", "OK", "BST", "EST", "UTC",
];

/// Acronyms ("TTP", "ISPR") and capitalised names ending in an organisation word ("the
/// Rail Accident Investigation Branch"). A unit in capitals throughout names none.
fn organisations(text: &str, words: &[Word]) -> Vec<Detail> {
    let letters = || {
        words
            .iter()
            .flat_map(|w| text[w.start..w.end].chars())
            .filter(|c| c.is_alphabetic())
    };
    let upper = letters().filter(|c| c.is_uppercase()).count();
    if upper * 2 > letters().count() {
        return Vec::new();
    }
    // A headline in title case has capitalised words that are not names.
    let content = || words.iter().filter(|w| !w.stop && !w.number);
    let title_case = content().filter(|w| w.capital).count() * 5 > content().count() * 3;
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let written = &text[w.start..w.end];
        let acronym = (2..=6).contains(&written.len())
            && written.chars().all(|c| c.is_ascii_uppercase())
            && !NOT_ORGANISATIONS.contains(&written);
        if acronym {
            out.push(organisation(&written.to_lowercase(), w, w));
            i += 1;
            continue;
        }
        let ends_name = words
            .get(i + 1)
            .is_none_or(|n| !n.capital || text[w.end..n.start].trim() != "");
        if !title_case
            && w.capital
            && ends_name
            && ORGANISATION_HEADS.contains(&w.norm.as_str())
            && i > 0
        {
            // Back over the capitalised words of the name.
            let mut from = i;
            while from > 0
                && (words[from - 1].capital || words[from - 1].norm == "of")
                && !text[words[from - 1].end..words[from].start].contains([',', ';', '.', ':'])
            {
                from -= 1;
            }
            while from < i && words[from].norm == "of" {
                from += 1;
            }
            if from < i {
                let name: Vec<&str> = words[from..=i].iter().map(|w| w.norm.as_str()).collect();
                out.push(organisation(&name.join(" "), &words[from], w));
            }
        }
        i += 1;
    }
    out
}

fn organisation(value: &str, from: &Word, to: &Word) -> Detail {
    Detail {
        kind: DetailKind::Organisation,
        slot: "organisation".into(),
        value: value.to_string(),
        qualifier: None,
        start: from.start,
        end: to.end,
        year: None,
    }
}

fn date(month: u8, first: u8, last: u8, from: &Word, to: &Word) -> Detail {
    Detail {
        kind: DetailKind::Date,
        slot: "date".into(),
        value: format!("{month:02}-{first:02}..{last:02}"),
        qualifier: None,
        start: from.start,
        end: to.end,
        year: None,
    }
}

/// A date line's (year, month, day): "Tuesday, 02 January 2024 12:17 GMT".
pub fn date_line(words: &[Word]) -> Option<(u16, u8, u8)> {
    let m = words.iter().find_map(|w| month(&w.norm))?;
    let year = words.iter().find_map(|w| {
        w.norm
            .parse::<u16>()
            .ok()
            .filter(|y| (1900..2200).contains(y))
    })?;
    let d = words.iter().find_map(day)?;
    Some((year, m, d))
}

/// A date value for people: "10-18..19" → "October 18–19".
pub fn readable_date(value: &str) -> String {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match days(value) {
        Some((m, first, last)) => {
            let name = NAMES[usize::from(m.clamp(1, 12)) - 1];
            if first == last {
                format!("{name} {first}")
            } else {
                format!("{name} {first}–{last}")
            }
        }
        None => value.to_string(),
    }
}

/// The days a date value covers: (month, first, last).
pub fn days(value: &str) -> Option<(u8, u8, u8)> {
    let (month, range) = value.split_once('-')?;
    let (first, last) = range.split_once("..")?;
    Some((month.parse().ok()?, first.parse().ok()?, last.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::{extract, DetailKind};
    use crate::text::tokenize::Tokenizer;

    /// (kind initial, slot, value, qualifier, text of the span)
    /// Numbers, dates and leaders.
    fn details(text: &str) -> Vec<(char, String, String, Option<&'static str>, &str)> {
        dated(text, None)
            .into_iter()
            .filter(|d| matches!(d.0, 'N' | 'D' | 'L'))
            .collect()
    }

    fn all_details(text: &str) -> Vec<(char, String, String, Option<&'static str>, &str)> {
        dated(text, None)
    }

    fn dated(
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
    fn dates_and_ranges() {
        assert_eq!(details("the October 19 Doha ceasefire")[0].2, "10-19..19");
        assert_eq!(
            details("held in Doha, Qatar, on October 18–19, mediated")[0].2,
            "10-18..19"
        );
        assert_eq!(
            details("began at 2:30 p.m. on Oct. 25 and")[0].2,
            "10-25..25"
        );
        assert_eq!(details("on 25 October the talks")[0].2, "10-25..25");
    }

    #[test]
    fn who_led_a_side() {
        let d = details("On the Afghan side, the negotiations were led by Acting Defense Minister Mullah Yaqoob, accompanied by others.");
        assert_eq!(
            d,
            [(
                'L',
                "led: afghan".into(),
                "Mullah Yaqoob".into(),
                None,
                "Acting Defense Minister Mullah Yaqoob"
            )]
        );
        let d = details("while Afghanistan’s side was led by Deputy Interior Minister Mawlawi Rahmatullah Najeeb, alongside others");
        assert_eq!(d[0].1, "led: afghanistan");
        assert_eq!(d[0].2, "Mawlawi Rahmatullah Najeeb");
        assert!(super::same_side("led: afghan", "led: afghanistan"));
        assert!(!super::same_side("led: afghan", "led: pakistani"));
        assert!(!super::same_person(
            "Mullah Yaqoob",
            "Mawlawi Rahmatullah Najeeb"
        ));
        assert!(super::same_person("Khawaja Asif", "Khawaja Muhammad Asif"));
    }

    #[test]
    fn times_and_years_are_not_counts() {
        assert!(details("began at 2:30 p.m. in 2021").is_empty());
    }

    /// (kind, slot, value, text) of the details of one kind.
    fn of_kind(text: &str, kind: char) -> Vec<(String, String, String)> {
        all_details(text)
            .into_iter()
            .filter(|d| d.0 == kind)
            .map(|d| (d.1, d.2, d.4.to_string()))
            .collect()
    }

    #[test]
    fn relative_dates_resolve_against_the_date_line() {
        // Tuesday 2 January 2024: the date line of sample report 000.
        let tuesday = Some((2024, 1, 2));
        let cases: &[(&str, &str, &str)] = &[
            ("reports on Sunday said", "12-31..31", "on Sunday"),
            ("met last Tuesday in", "12-26..26", "last Tuesday"),
            ("met on Tuesday in", "01-02..02", "on Tuesday"),
            ("will meet on Thursday", "01-04..04", "on Thursday"),
            ("meets next Tuesday", "01-09..09", "next Tuesday"),
            ("said yesterday that", "01-01..01", "yesterday"),
            ("resumes tomorrow", "01-03..03", "tomorrow"),
        ];
        for &(text, value, span) in cases {
            let found = dated(text, tuesday);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!((found[0].2.as_str(), found[0].4), (value, span), "{text}");
        }
        // Across a leap day, and the year is kept.
        let words = Tokenizer::default().words("on Wednesday", 0, 12);
        let d = &extract("on Wednesday", &words, Some((2024, 3, 1)))[0];
        assert_eq!((d.value.as_str(), d.year), ("02-28..28", Some(2024)));
        let d = &extract(
            "on Sunday",
            &Tokenizer::default().words("on Sunday", 0, 9),
            Some((2024, 1, 2)),
        )[0];
        assert_eq!(d.year, Some(2023));
        // No date line: nothing to resolve against.
        assert!(details("reports on Sunday said").is_empty());
        // A weekday that names an absolute date is that date.
        assert_eq!(
            dated("Tuesday, 02 January 2024", tuesday)
                .iter()
                .map(|d| d.2.as_str())
                .collect::<Vec<_>>(),
            ["01-02..02"]
        );
    }

    #[test]
    fn who_mediated() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "The negotiations – mediated by Turkey and Qatar – aim",
                "qatar+turkey",
                "Turkey and Qatar",
            ),
            (
                "the October 19 Doha ceasefire mediated by Qatar, saw",
                "qatar",
                "Qatar",
            ),
            (
                "talks in Istanbul, mediated by Qatari and Turkish officials, concluded",
                "qatari+turkish",
                "Qatari and Turkish",
            ),
            ("a truce brokered by Egypt", "egypt", "Egypt"),
        ];
        for &(text, value, span) in cases {
            let found = of_kind(text, 'M');
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(
                (found[0].1.as_str(), found[0].2.as_str()),
                (value, span),
                "{text}"
            );
        }
        assert!(super::same_party("qatari", "qatar"));
        assert!(super::same_party("turkish", "Türkiye"));
        assert!(super::same_party("turkey", "turkiye"));
        assert!(!super::same_party("iran", "iraq"));
        assert!(!super::same_party("qatar", "turkey"));
    }

    #[test]
    fn titles_of_people() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "said Pakistani Defense Minister Khawaja Asif on X",
                "role: Khawaja Asif",
                "defence minister",
            ),
            (
                "led by Deputy Interior Minister Mawlawi Rahmatullah Najeeb, alongside",
                "role: Mawlawi Rahmatullah Najeeb",
                "deputy interior minister",
            ),
            (
                "Information Minister Attaullah Tarar said",
                "role: Attaullah Tarar",
                "information minister",
            ),
            (
                "Broadcom CEO Hock Tan announced",
                "role: Hock Tan",
                "broadcom chief executive officer",
            ),
        ];
        for &(text, slot, value) in cases {
            let found = of_kind(text, 'R');
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(
                (found[0].0.as_str(), found[0].1.as_str()),
                (slot, value),
                "{text}"
            );
        }
        assert!(
            of_kind("former Prime Minister Imran Khan said", 'R').is_empty(),
            "a past office"
        );
        assert!(of_kind("the minister said", 'R').is_empty(), "no name");
        assert!(!super::same_person(
            "Mawlawi Rahmatullah Najeeb",
            "Mawlawi Abdul Kabir"
        ));
    }

    #[test]
    fn places_and_organisations() {
        assert_eq!(
            of_kind("talks held in Istanbul ended", 'P'),
            [("place".into(), "istanbul".into(), "Istanbul".into())]
        );
        assert_eq!(
            of_kind("held in Doha, Qatar, on October 18", 'P')[0].1,
            "doha"
        );
        assert!(
            of_kind("sanctuaries in Afghan territory", 'P').is_empty(),
            "an adjective"
        );
        assert!(of_kind("met in October", 'P').is_empty(), "a month");
        assert_eq!(
            of_kind("attacks by the TTP rose", 'O'),
            [("organisation".into(), "ttp".into(), "TTP".into())]
        );
        assert_eq!(
            of_kind("The crash is being investigated by the Rail Accident Investigation Branch, which said the tram was travelling too fast.", 'O')[0].1,
            "rail accident investigation branch"
        );
        assert!(of_kind("began at 12:17 GMT", 'O').is_empty());
        assert!(
            of_kind("PAKISTAN WARNS THE TTP", 'O').is_empty(),
            "a unit in capitals"
        );
    }
}
