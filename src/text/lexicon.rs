//! The words the engine reads by class: months and weekdays, abbreviations, titles of
//! people, and the marks that break a clause.
//!
//! One list per class, here, so that a stage never keeps its own copy that drifts from the
//! others. Where two stages need different lists on purpose, each list has its own name
//! and says why. Lists are in lower case; callers compare normalised words.

// --- Months and weekdays -----------------------------------------------------------------

/// Month names, January first: the month is the index plus one.
pub const MONTHS: [&str; 12] = [
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

/// Abbreviations of month names, as they stand before a day ("Oct. 25", "Sept 3"): the
/// first three letters of each name that is longer than that, and "sept".
pub const MONTH_ABBREVIATIONS: [(&str, u8); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The month (1 to 12) a month name names: "october" is 10.
pub fn month_named(word: &str) -> Option<u8> {
    let index = MONTHS.iter().position(|m| *m == word)?;
    Some(index as u8 + 1)
}

/// Whether `word` is the abbreviation of a month name ("oct", "sept").
pub fn is_month_abbreviation(word: &str) -> bool {
    MONTH_ABBREVIATIONS.iter().any(|(a, _)| *a == word)
}

/// The month a word names, spelled out or abbreviated, for reading a date. "mar" is left
/// out: it is a verb too ("could mar 10 years of work"), and a day number next to it
/// would make that a date.
pub fn month(word: &str) -> Option<u8> {
    month_named(word).or_else(|| {
        MONTH_ABBREVIATIONS
            .iter()
            .find(|(a, _)| *a == word && *a != "mar")
            .map(|&(_, m)| m)
    })
}

/// Weekdays, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The weekday a word names: Monday is 0.
pub fn weekday(word: &str) -> Option<usize> {
    WEEKDAYS.iter().position(|d| *d == word)
}

// --- Clause breaks ----------------------------------------------------------------------

/// Marks that end a clause inside a sentence: a phrase read word by word stops at them.
pub const CLAUSE_BREAKS: [char; 5] = [',', ';', ':', '—', '–'];

/// Clause breaks, and the brackets and quotation marks that set a phrase apart: where a
/// new phrase starts even inside a clause.
pub const PHRASE_BREAKS: [char; 12] = join(CLAUSE_BREAKS, ['(', ')', '“', '”', '"', '«', '»']);

/// Where a name or a title read word by word stops: at a phrase break, and at a period
/// (a sentence has none inside but after an abbreviation, and "Lt. Gen." is read as two
/// words rather than risk running a name into the next sentence).
pub const NAME_BREAKS: [char; 13] = join(PHRASE_BREAKS, ['.']);

// --- Abbreviations -----------------------------------------------------------------------

/// Abbreviations after which a period and a capitalised word do not start a sentence:
/// titles before names ("Mr. Smith", "Gen. Bajwa") and others that stand inside a sentence
/// ("vs.", "e.g."). Only abbreviated forms: "General" needs no period, so it is in
/// [`HONORIFICS`] and not here.
pub const ABBREVIATIONS: [&str; 43] = join(
    COURTESY_TITLES,
    [
        "prof", "gen", "lt", "col", "capt", "cpt", "maj", "sgt", "cmdr", "adm", "brig", "rep",
        "sen", "gov", "pres", "st", "jr", "sr", "rev", "hon", "fr", "messrs", "mt", "ft", "vs",
        "v", "no", "nos", "art", "sec", "fig", "vol", "pp", "ca", "approx", "e.g", "i.e", "cf",
        "al",
    ],
);

/// Abbreviations that stand before a number ("No. 10", "p. 4"), besides the months'
/// ([`MONTH_ABBREVIATIONS`]): a period after them does not end a sentence when a number
/// follows.
pub const NUMBER_ABBREVIATIONS: [&str; 9] =
    ["no", "nos", "p", "pp", "vol", "art", "sec", "fig", "ch"];

// --- Titles of people --------------------------------------------------------------------

/// Courtesy titles, which are never part of a name: "Mr", "Mrs", "Ms", "Dr".
pub const COURTESY_TITLES: [&str; 4] = ["mr", "mrs", "ms", "dr"];

/// Offices: the word a title ends in ("Defence Minister", "Army Chief", "Foreign Ministry
/// Spokesperson").
pub const OFFICES: [&str; 21] = [
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

/// Words inside a title, which go on past an office word: "Chief Executive Officer",
/// "Secretary General", "Chief of Staff".
pub const TITLE_WORDS: [&str; 18] = [
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

/// Nouns for a person by their relation to someone, said after "her", "his" or "their"
/// with or without the person's name: "her father Bassem", "his lawyer".
pub const RELATIONS: [&str; 20] = [
    "father",
    "mother",
    "son",
    "daughter",
    "husband",
    "wife",
    "brother",
    "sister",
    "cousin",
    "uncle",
    "aunt",
    "grandfather",
    "grandmother",
    "nephew",
    "niece",
    "partner",
    "lawyer",
    "attorney",
    "spokesman",
    "spokeswoman",
];

/// Words of a title that say a rank: "Interior Minister" and "Deputy Interior Minister"
/// are two offices, "Defence Minister" and "Minister" one, said more or less exactly.
pub const RANKS: [&str; 5] = ["deputy", "vice", "assistant", "junior", "former"];

/// Whether `word` belongs to titles: an office, a word inside a title, or a rank.
pub fn is_title_word(word: &str) -> bool {
    OFFICES.contains(&word) || TITLE_WORDS.contains(&word) || RANKS.contains(&word)
}

/// Words before a name that belong to the name as written but do not tell two people
/// apart: "Mawlawi Rahmatullah Najeeb" and "Mawlawi Abdul Kabir" are two people.
pub const HONORIFICS: [&str; 20] = join(
    COURTESY_TITLES,
    [
        "mullah", "mawlawi", "maulvi", "maulana", "sheikh", "haji", "hafiz", "syed", "sayed",
        "sir", "gen", "general", "lt", "col", "maj", "capt",
    ],
);

/// Nationality words by their form ("Pakistani", "Afghan", "Qatari", "Turkish",
/// "Chinese", "Israeli", "Palestinian"), which say where an office or a place is, not
/// which one it is. The endings catch some names of countries and groups too; words of
/// titles ("spokesman") are not nationalities.
pub fn is_demonym(word: &str) -> bool {
    !is_title_word(word)
        && ["an", "ani", "ese", "ish", "i", "ian"]
            .iter()
            .any(|suffix| word.len() > suffix.len() + 2 && word.ends_with(suffix))
}

/// Words of a title before a name besides the title words ([`is_title_word`]): courtesy
/// titles, the portfolio or standing of an office ("Defense Minister", "Acting", "Senior"),
/// police ranks, and the article a heading puts before a title. Police ranks are not
/// [`OFFICES`]: as offices they would start a new kind of role finding, which is a change
/// to the result of its own.
pub const NAME_TITLES: [&str; 16] = join(
    COURTESY_TITLES,
    [
        "defense",
        "defence",
        "foreign",
        "interior",
        "prime",
        "acting",
        "senior",
        "police",
        "commissioner",
        "constable",
        "inspector",
        "the",
    ],
);

/// Whether `word` is part of a title written before a name, not of the name: "Defense
/// Minister Khawaja Asif" is Khawaja Asif, "Governor Kathy Hochul" Kathy Hochul.
pub fn is_name_title(word: &str) -> bool {
    NAME_TITLES.contains(&word) || is_title_word(word)
}

/// `a`, then `b`: a list built from others names each entry once.
const fn join<T: Copy, const A: usize, const B: usize, const C: usize>(
    a: [T; A],
    b: [T; B],
) -> [T; C] {
    assert!(
        A + B == C && A > 0,
        "the joined list has the length of both"
    );
    let mut out = [a[0]; C];
    let mut i = 0;
    while i < A {
        out[i] = a[i];
        i += 1;
    }
    while i < C {
        out[i] = b[i - A];
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_spelled_out_and_abbreviated() {
        let cases: &[(&str, Option<u8>)] = &[
            ("january", Some(1)),
            ("may", Some(5)),
            ("oct", Some(10)),
            ("sept", Some(9)),
            ("sep", Some(9)),
            ("jun", Some(6)),
            ("mar", None), // a verb too
            ("march", Some(3)),
            ("octo", None),
        ];
        for &(word, expected) in cases {
            assert_eq!(month(word), expected, "{word}");
        }
        assert!(is_month_abbreviation("mar") && !is_month_abbreviation("may"));
        assert_eq!(month_named("oct"), None);
        assert_eq!(weekday("sunday"), Some(6));
    }

    #[test]
    fn nationality_words_by_their_form() {
        let cases: &[(&str, bool)] = &[
            ("pakistani", true),
            ("afghan", true),
            ("turkish", true),
            ("chinese", true),
            ("palestinian", true),
            ("spokesman", false), // a title word
            ("chairman", false),
            ("minister", false),
            ("interior", false),
            ("iran", false), // too short to tell
        ];
        for &(word, expected) in cases {
            assert_eq!(is_demonym(word), expected, "{word}");
        }
    }

    #[test]
    fn joined_lists_hold_both() {
        assert_eq!(&HONORIFICS[..4], &COURTESY_TITLES);
        assert_eq!(HONORIFICS[4], "mullah");
        assert!(ABBREVIATIONS.contains(&"dr") && ABBREVIATIONS.contains(&"al"));
    }
}
