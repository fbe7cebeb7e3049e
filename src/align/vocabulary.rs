//! The one vocabulary of a comparison: every stem interned once as a term id, with one
//! inverse document frequency and one notion of a rare term.
//!
//! Documents are the comparable units (news units with content words) of all reports.
//! IDF is `ln((n + 1) / df)`, so what every report repeats ("Pakistan" in a story about
//! Pakistan) weighs little and a term only one unit has weighs `ln(n + 1)`, the most. A
//! term is *rare* when its IDF is at least half of that.

use std::collections::HashMap;

use super::background;

/// How many sentences of general English are blended in, per compared unit.
const BACKGROUND_WEIGHT: f32 = 1.0;

/// Stems as term ids, with their document frequencies.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
    /// Units holding each term as a content word.
    df: Vec<u32>,
    idf: Vec<f32>,
    max_idf: f32,
}

impl Vocabulary {
    /// The id of `stem`, interning it when new.
    pub fn intern(&mut self, stem: &str) -> u32 {
        if let Some(&id) = self.ids.get(stem) {
            return id;
        }
        let id = self.df.len() as u32;
        self.ids.insert(stem.to_string(), id);
        self.df.push(0);
        id
    }

    /// Counts the distinct content terms of one unit (a document).
    pub fn count(&mut self, terms: impl IntoIterator<Item = u32>) {
        let mut terms: Vec<u32> = terms.into_iter().collect();
        terms.sort_unstable();
        terms.dedup();
        for t in terms {
            self.df[t as usize] += 1;
        }
    }

    /// Renumbers the terms in the order of their stems, so that ids (and every sum taken
    /// in id order) do not depend on the order the reports were given in; returns the new
    /// id of each old one.
    pub fn renumber(&mut self) -> Vec<u32> {
        let mut stems: Vec<(&String, u32)> = self.ids.iter().map(|(s, &id)| (s, id)).collect();
        stems.sort_unstable();
        let mut new_of = vec![0u32; self.df.len()];
        for (new, &(_, old)) in stems.iter().enumerate() {
            new_of[old as usize] = new as u32;
        }
        let mut df = vec![0u32; self.df.len()];
        for (old, &d) in self.df.iter().enumerate() {
            df[new_of[old] as usize] = d;
        }
        self.df = df;
        for id in self.ids.values_mut() {
            *id = new_of[*id as usize];
        }
        new_of
    }

    /// Fixes the weights once every unit has been counted; `units` is how many there are.
    ///
    /// The compared units are blended with general English ([`background`]): as if
    /// `BACKGROUND_WEIGHT · units` sentences of general text had been compared too, each
    /// holding a stem with its background share. So a word common everywhere ("said",
    /// "official") weighs little even in a small set, and a weight does not swing with
    /// which reports are in the set.
    pub fn finish(&mut self, units: usize) {
        let n = units as f32;
        let pseudo = BACKGROUND_WEIGHT * n;
        let mut share = vec![0.0f32; self.df.len()];
        for (stem, &id) in &self.ids {
            share[id as usize] = background::share(stem);
        }
        self.idf = self
            .df
            .iter()
            .zip(&share)
            .map(|(&df, &p)| ((n + pseudo + 1.0) / ((df as f32).max(1.0) + pseudo * p)).ln())
            .collect();
        self.max_idf = (n + pseudo + 1.0).ln();
    }

    /// How many terms there are.
    pub fn len(&self) -> usize {
        self.df.len()
    }

    /// The id of `stem`, if any unit has it.
    pub fn id(&self, stem: &str) -> Option<u32> {
        self.ids.get(stem).copied()
    }

    /// The IDF of `term`.
    pub fn idf(&self, term: u32) -> f32 {
        self.idf[term as usize]
    }

    /// The IDF of `stem`; 0 for a stem no unit has as a content word.
    pub fn weight(&self, stem: &str) -> f32 {
        self.id(stem).map_or(0.0, |t| self.idf(t))
    }

    /// The IDF of a term only one unit has: the highest there is.
    pub fn max_idf(&self) -> f32 {
        self.max_idf
    }

    /// The IDF from which a term counts as rare.
    pub fn rare_from(&self) -> f32 {
        0.5 * self.max_idf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_words_weigh_little_and_a_word_of_one_unit_is_rare() {
        let mut v = Vocabulary::default();
        let (talks, doha, pakistan) = (v.intern("talk"), v.intern("doha"), v.intern("pakistan"));
        assert_eq!(v.intern("talk"), talks);
        v.count([talks, pakistan, talks]);
        v.count([talks, pakistan]);
        v.count([talks, doha]);
        v.finish(3);
        assert!(v.idf(talks) < v.idf(pakistan) && v.idf(pakistan) < v.idf(doha));
        assert_eq!(v.idf(doha), v.max_idf());
        assert!(v.idf(doha) >= v.rare_from() && v.idf(talks) < v.rare_from());
        assert_eq!(v.weight("absent"), 0.0);
    }
}
