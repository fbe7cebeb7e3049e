//! When two names are one: one person, one side, one party or place, one source of a
//! quote.
//!
//! Reports write one name in many ways ("Khawaja Asif", "Khawaja Muhammad Asif"; "Qatari",
//! "Qatar", "Türkiye"; "afghan", "afghanistan") and two names alike ("Mawlawi Rahmatullah
//! Najeeb", "Mawlawi Abdul Kabir"). The rules are here, in one place, so that details,
//! discrepancies and quotes agree on them. There are four because they compare different
//! things: names already without their titles ([`same_person`]), the side a delegation is
//! named by ([`same_side`]), names of countries and places with their demonyms
//! ([`same_party`]), and speakers as the text writes them, titles, articles and plurals
//! included ([`same_speaker`]).

use std::collections::BTreeSet;

use super::lexicon;

/// Whether two names are of one person: they share a word of three letters or more that
/// is not an honorific.
pub fn same_person(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase)
            .filter(|w| !lexicon::HONORIFICS.contains(&w.as_str()))
            .collect()
    };
    let wb = words(b);
    words(a).iter().any(|w| wb.contains(w))
}

/// Whether two sides name the same party: one is the start of the other ("afghan",
/// "afghanistan"; "pakistani", "pakistan").
pub fn same_side(a: &str, b: &str) -> bool {
    let stem = |s: &str| s.trim_end_matches('i').to_string();
    let (x, y) = (stem(a), stem(b));
    x.len() >= 4 && y.len() >= 4 && (x.starts_with(&y) || y.starts_with(&x))
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

/// Whether the capitalised words of `run` (a name as written) start with a title rather
/// than the name: a title word ("Minister", "Mr", "The"), or nationality words before one
/// ("Pakistani Defence Minister Khawaja Asif", "Afghan Taliban Spokesman …").
pub fn starts_with_title(run: &[&str]) -> bool {
    let Some(first) = run.first() else {
        return false;
    };
    let first = first.to_lowercase();
    let first = first.trim_end_matches("’s").trim_end_matches("'s");
    lexicon::is_name_title(first) || lexicon::is_demonym(first) && starts_with_title(&run[1..])
}

/// Whether two speakers as written name the same source: equal ignoring case and
/// articles, or sharing the head noun ("a security source", "security sources") or a
/// capitalised name ("Khawaja Asif", "Defence Minister Khawaja Asif").
pub fn same_speaker(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| bare(w).to_lowercase())
            .filter(|w| !matches!(w.as_str(), "a" | "an" | "the" | "one" | ""))
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa == wb {
        return true;
    }
    if stands_for(a, b) || stands_for(b, a) {
        return true;
    }
    // Titles, articles and nationality words describe a source rather than name one, and
    // so does the kind of source ("Security Sources", "Security Officials").
    let names = |s: &str| -> BTreeSet<String> {
        s.split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(|w| {
                let w = bare(w);
                let w = w
                    .strip_suffix("’s")
                    .or_else(|| w.strip_suffix("'s"))
                    .unwrap_or(w);
                w.to_lowercase()
            })
            .filter(|w| w.len() > 2)
            .filter(|n| !lexicon::is_name_title(n) && !lexicon::is_demonym(n) && n != "security")
            .collect()
    };
    let (na, nb) = (names(a), names(b));
    let head = |w: &[String]| w.last().map(|h| h.trim_end_matches('s').to_string());
    if head(&wa).is_some() && head(&wa) == head(&wb) {
        // The spokesmen of two bodies are two sources: "a London Fire Brigade spokesman",
        // "a Met spokesman".
        return na.is_empty() || nb.is_empty() || !na.is_disjoint(&nb);
    }
    !na.is_disjoint(&nb)
}

/// What [`same_speaker`] can match two speakers by, so that only speakers sharing one
/// are compared: `(keys, initials)`. Two speakers are the same only if they share a key,
/// or a bare word of one is the other's `initials`; each word of a speaker is a key of
/// the form `w:` for that second test.
pub fn speaker_keys(s: &str) -> (Vec<String>, Option<String>) {
    let words: Vec<String> = s
        .split_whitespace()
        .map(|w| bare(w).to_lowercase())
        .filter(|w| !matches!(w.as_str(), "a" | "an" | "the" | "one" | ""))
        .collect();
    let mut keys = vec![format!(
        "h:{}",
        words.last().map_or("", |h| h.trim_end_matches('s'))
    )];
    keys.extend(
        s.split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(|w| bare(w).to_lowercase())
            .filter(|w| w.len() > 2)
            .filter(|n| !lexicon::is_name_title(n) && !lexicon::is_demonym(n) && n != "security")
            .map(|n| format!("n:{n}")),
    );
    keys.extend(s.split_whitespace().map(|w| format!("w:{}", bare(w))));
    let initials = initials(s);
    (
        keys,
        (initials.chars().count() >= 2).then(|| format!("w:{initials}")),
    )
}

/// The initials of the capitalised words of `long`, articles aside: "RAIB" for "The
/// Rail Accident Investigation Branch".
fn initials(long: &str) -> String {
    long.split_whitespace()
        .filter(|w| !matches!(w.to_lowercase().as_str(), "a" | "an" | "the"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// Whether a word in capitals in `short` is the initials of the capitalised words of
/// `long`, articles aside: "the RAIB" stands for "The Rail Accident Investigation Branch".
fn stands_for(short: &str, long: &str) -> bool {
    let initials = initials(long);
    // "TfL" for "Transport for London": its capitals, with at most one small letter.
    let capitals = |w: &str| -> Option<String> {
        let small = w.chars().filter(|c| c.is_lowercase()).count();
        (small <= 1).then(|| w.chars().filter(|c| c.is_uppercase()).collect())
    };
    initials.chars().count() >= 2
        && short
            .split_whitespace()
            .any(|w| capitals(bare(w)).is_some_and(|c| c == initials))
}

/// A word as written without the punctuation around it: "Asif," is "Asif".
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_name_or_two() {
        type Same = fn(&str, &str) -> bool;
        let cases: &[(Same, &str, &str, bool)] = &[
            (same_person, "Khawaja Asif", "Khawaja Muhammad Asif", true),
            (
                same_person,
                "Mullah Yaqoob",
                "Mawlawi Rahmatullah Najeeb",
                false,
            ),
            // An honorific does not tell two people apart.
            (
                same_person,
                "Mawlawi Rahmatullah Najeeb",
                "Mawlawi Abdul Kabir",
                false,
            ),
            (same_side, "afghan", "afghanistan", true),
            (same_side, "pakistani", "pakistan", true),
            (same_side, "afghan", "pakistani", false),
            (same_party, "qatari", "qatar", true),
            (same_party, "turkish", "Türkiye", true),
            (same_party, "turkey", "turkiye", true),
            (same_party, "iran", "iraq", false),
            (same_party, "qatar", "turkey", false),
            (
                same_speaker,
                "a security source",
                "one security source",
                true,
            ),
            (same_speaker, "security sources", "a security source", true),
            (
                same_speaker,
                "Khawaja Asif",
                "Pakistani Defense Minister Khawaja Asif",
                true,
            ),
            (same_speaker, "Khawaja Asif", "Zabihullah Mujahid", false),
            (same_speaker, "a security source", "Khawaja Asif", false),
            // An article or a title is no name.
            (same_speaker, "The Israeli army", "The Guardian", false),
            (same_speaker, "President Trump", "President Xi", false),
            // The spokesmen of two bodies; one body, named in full and by its initials.
            (
                same_speaker,
                "A London Fire Brigade spokesman",
                "A Met spokesman",
                false,
            ),
            (
                same_speaker,
                "A TfL spokesman",
                "A Transport for London spokesman",
                true,
            ),
            (same_speaker, "a spokesman", "A Met spokesman", true),
            (same_speaker, "A Hamas spokesman", "Hamas’s spokesman", true),
            // An acronym stands for the words it is made of.
            (
                same_speaker,
                "The RAIB",
                "The Rail Accident Investigation Branch",
                true,
            ),
            // A nationality says where a source is, not who.
            (
                same_speaker,
                "Pakistani officials",
                "Pakistani Defense Minister Khawaja Asif",
                false,
            ),
        ];
        for &(same, a, b, expected) in cases {
            assert_eq!(same(a, b), expected, "{a} / {b}");
            assert_eq!(same(b, a), expected, "{b} / {a}");
        }
    }

    #[test]
    fn titles_before_names() {
        let cases: &[(&str, bool)] = &[
            ("Defense Minister Khawaja Asif", true),
            ("Mr Smith", true),
            // Every title word, not only some: offices, ranks, words inside titles.
            ("Governor Kathy Hochul", true),
            ("Ambassador Mohammad Sadiq", true),
            ("Vice Chairman Li Keqiang", true),
            ("The Israeli army", true),
            // Nationality words before a title are the title's.
            ("Pakistani Defense Minister Khawaja Asif", true),
            ("Afghan Taliban Spokesman Zabihullah Mujahid", true),
            // Not before one: a name ("Imran Khan"), or no title at all.
            ("Imran Khan", false),
            ("Rizwan Abbasi", false),
            ("Khawaja Asif", false),
        ];
        for &(run, expected) in cases {
            let words: Vec<&str> = run.split(' ').collect();
            assert_eq!(starts_with_title(&words), expected, "{run}");
        }
    }
}
