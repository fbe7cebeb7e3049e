//! How alike two units are: lexical features and one score calibrated on MRPC.
//!
//! Every sentence of one story is on topic, so plain topical overlap does not tell the same
//! fact from a neighbouring one. The features therefore weight what is rare in the set
//! being compared (inverse document frequency over units, so "Pakistan" and "talks" count
//! for little in a story about Pakistan's talks), reward shared word runs and bigrams, and
//! look at numbers, which differ between different facts of one story.
//!
//! The features are combined by logistic regression, fitted on the training half of the
//! Microsoft Research Paraphrase Corpus (`benches/mrpc.rs --fit` prints the weights below;
//! DESIGN.md gives the figures). Texts are compared as sequences of term ids: stems of
//! words (see [`crate::text::tokenize`]).

/// A unit as the comparison sees it.
#[derive(Debug, Clone, Default)]
pub struct Vector {
    /// Content terms (no stop words), each once, sorted by id, with their IDF weight.
    pub terms: Vec<(u32, f32)>,
    /// Euclidean norm of the weights.
    pub norm: f32,
    /// Sum of the weights.
    pub total: f32,
    /// Every word's term id, in text order (stop words included).
    pub seq: Vec<u32>,
    /// Content term ids in text order (for bigrams).
    pub content: Vec<u32>,
    /// Term ids of the numbers.
    pub numbers: Vec<u32>,
    /// Term ids of capitalised content words not at the start of the unit (names).
    pub names: Vec<u32>,
    /// The unit is a headline or heading.
    pub heading: bool,
    /// The utterances (quote clusters spanning several reports) the unit quotes, sorted.
    pub quotes: Vec<u32>,
    /// For a unit of at most [`BITS`] words: each distinct term id of `seq` with the bit
    /// mask of its positions, sorted by id, for the bit-parallel [`lcs_and_run`].
    masks: Vec<(u32, Mask)>,
    /// Content-term bigrams, sorted and deduplicated once, for [`Features::complete`].
    bigrams: Vec<[u32; 2]>,
    /// Word trigrams (stop words included), sorted and deduplicated once.
    trigrams: Vec<[u32; 3]>,
    /// Clauses (between commas, semicolons, colons, dashes, brackets and quotation marks)
    /// as sorted content-term lists, for partial matches.
    clauses: Vec<Vec<(u32, f32)>>,
}

/// One word as the comparison sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// The stem's id.
    pub id: u32,
    pub stop: bool,
    pub number: bool,
    /// Capitalised, and not the unit's first word.
    pub name: bool,
    /// Punctuation that starts a clause stands before this word.
    pub clause_start: bool,
}

impl Vector {
    /// [`lcs_and_run`] of the two units' word sequences, with the masks kept for them.
    pub fn lcs_and_run(&self, other: &Vector) -> (usize, usize) {
        if !other.masks.is_empty() {
            lcs_and_run_masks(&self.seq, &other.masks, other.seq.len())
        } else if !self.masks.is_empty() {
            lcs_and_run_masks(&other.seq, &self.masks, self.seq.len())
        } else {
            lcs_and_run(&self.seq, &other.seq)
        }
    }

    /// Builds a vector from a unit's words and the IDF weight of each term id.
    pub fn new(words: impl IntoIterator<Item = Term>, idf: impl Fn(u32) -> f32) -> Vector {
        let mut v = Vector::default();
        let mut clause: Vec<u32> = Vec::new();
        let mut clauses: Vec<Vec<u32>> = Vec::new();
        for term in words {
            if term.clause_start && !clause.is_empty() {
                clauses.push(std::mem::take(&mut clause));
            }
            if !term.stop {
                clause.push(term.id);
            }
            v.seq.push(term.id);
            if term.number {
                v.numbers.push(term.id);
            }
            if !term.stop {
                v.content.push(term.id);
                if term.name {
                    v.names.push(term.id);
                }
            }
        }
        v.names.sort_unstable();
        v.names.dedup();
        let mut terms: Vec<u32> = v.content.clone();
        terms.sort_unstable();
        terms.dedup();
        v.numbers.sort_unstable();
        v.numbers.dedup();
        v.terms = terms.into_iter().map(|t| (t, idf(t))).collect();
        clauses.push(clause);
        v.clauses = clauses
            .into_iter()
            .filter(|c| c.len() >= 2)
            .map(|mut c| {
                c.sort_unstable();
                c.dedup();
                c.into_iter().map(|t| (t, idf(t))).collect()
            })
            .collect();
        if v.seq.len() <= BITS {
            v.masks = masks(&v.seq);
        }
        v.bigrams = sorted_grams(&v.content);
        v.trigrams = sorted_grams(&v.seq);
        v.total = v.terms.iter().map(|(_, w)| w).sum();
        v.norm = v.terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        v
    }
}

/// The lexical features of a pair of units, each in `[0, 1]`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Features {
    /// IDF-weighted cosine of the content terms.
    pub cosine: f32,
    /// Shared IDF weight over the smaller unit's weight: one unit contained in the other.
    pub containment: f32,
    /// Dice coefficient of content-term bigrams.
    pub bigrams: f32,
    /// Longest run of identical words, over the shorter unit's length.
    pub run: f32,
    /// Both units have numbers and share one.
    pub numbers_agree: f32,
    /// Both units have numbers and share none.
    pub numbers_differ: f32,
    /// Shorter over longer length, in words.
    pub length_ratio: f32,
    /// Shared IDF weight over the larger unit's weight: both contain each other.
    pub coverage: f32,
    /// Longest common subsequence of all words, over the longer unit's length.
    pub in_order: f32,
    /// Dice coefficient of word trigrams (stop words included): copied phrasing.
    pub trigrams: f32,
    /// Numbers appear in one unit only.
    pub numbers_one_sided: f32,
    /// Shared terms that are rare in the set (at least half the highest IDF), up to 4, / 4.
    pub rare: f32,
    /// Shared names, up to 3, / 3.
    pub names: f32,
    /// One of the units is a heading.
    pub heading: f32,
    /// The best weighted containment between a clause of one unit and a clause of the
    /// other: one fact stated in a clause of a longer sentence.
    pub clause: f32,
    /// The best IDF-weighted cosine between a clause of one unit and a clause of the
    /// other (containment rewards a short clause inside a long one; cosine does not).
    pub clause_cosine: f32,
    /// The two units quote one utterance (one quote cluster).
    pub same_quote: f32,
}

/// The number of features, plus one for the intercept, in [`WEIGHTS`].
pub const FEATURES: usize = 11;

/// Logistic regression weights, intercept first, fitted on MRPC train (`benches/mrpc.rs`).
pub const WEIGHTS: [f32; FEATURES + 1] = [
    -4.8654, 1.3624, 1.4289, -1.6902, -0.9896, -0.1065, -0.2517, 1.5922, 2.1737, 3.9829, 0.1384,
    -0.1934,
];

impl Features {
    /// Computes the features of `a` and `b`; `max_idf` is the weight of a term that only
    /// one unit of the set has.
    pub fn between(a: &Vector, b: &Vector, max_idf: f32) -> Features {
        Features::cheap(a, b, max_idf).complete(a, b)
    }

    /// The features that cost linear time in the units' lengths; the sequence features
    /// ([`Features::complete`] adds them) stay 0.
    pub fn cheap(a: &Vector, b: &Vector, max_idf: f32) -> Features {
        let shared = shared_weights(a, b, 0.5 * max_idf);
        let ratio = |x: f32, y: f32| if y > 0.0 { (x / y).min(1.0) } else { 0.0 };
        let shorter = a.seq.len().min(b.seq.len());
        let longer = a.seq.len().max(b.seq.len()).max(1);
        let both_numbers = !a.numbers.is_empty() && !b.numbers.is_empty();
        let numbers_shared = count_shared(&a.numbers, &b.numbers) > 0;
        Features {
            cosine: ratio(shared.1, a.norm * b.norm),
            containment: ratio(shared.0, a.total.min(b.total)),
            coverage: ratio(shared.0, a.total.max(b.total)),
            rare: (shared.2 as f32).min(4.0) / 4.0,
            names: (count_shared(&a.names, &b.names) as f32).min(3.0) / 3.0,
            heading: f32::from(u8::from(a.heading || b.heading)),
            same_quote: f32::from(u8::from(count_shared(&a.quotes, &b.quotes) > 0)),
            numbers_agree: f32::from(u8::from(both_numbers && numbers_shared)),
            numbers_differ: f32::from(u8::from(both_numbers && !numbers_shared)),
            numbers_one_sided: f32::from(u8::from(a.numbers.is_empty() != b.numbers.is_empty())),
            length_ratio: shorter as f32 / longer as f32,
            ..Features::default()
        }
    }

    /// Adds the sequence features, which cost O(n·m): word runs, order, n-grams.
    pub fn complete(self, a: &Vector, b: &Vector) -> Features {
        let shorter = a.seq.len().min(b.seq.len());
        let longer = a.seq.len().max(b.seq.len()).max(1);
        let (in_order, run) = a.lcs_and_run(b);
        let (mut clause, mut clause_cosine) = (0.0f32, 0.0f32);
        for x in &a.clauses {
            for y in &b.clauses {
                let (mut i, mut j, mut shared, mut squares) = (0, 0, 0.0, 0.0);
                while i < x.len() && j < y.len() {
                    match x[i].0.cmp(&y[j].0) {
                        std::cmp::Ordering::Less => i += 1,
                        std::cmp::Ordering::Greater => j += 1,
                        std::cmp::Ordering::Equal => {
                            shared += x[i].1;
                            squares += x[i].1 * x[i].1;
                            i += 1;
                            j += 1;
                        }
                    }
                }
                let total = |c: &[(u32, f32)]| c.iter().map(|(_, w)| w).sum::<f32>();
                let norm = |c: &[(u32, f32)]| c.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
                let smaller = total(x).min(total(y));
                if smaller > 0.0 {
                    clause = clause.max(shared / smaller);
                }
                let norms = norm(x) * norm(y);
                if norms > 0.0 {
                    clause_cosine = clause_cosine.max(squares / norms);
                }
            }
        }
        Features {
            clause: clause.min(1.0),
            clause_cosine: clause_cosine.min(1.0),
            run: if shorter > 0 {
                run as f32 / shorter as f32
            } else {
                0.0
            },
            in_order: in_order as f32 / longer as f32,
            trigrams: dice(&a.trigrams, &b.trigrams),
            bigrams: dice(&a.bigrams, &b.bigrams),
            ..self
        }
    }

    /// The features in the order of [`WEIGHTS`] (after the intercept).
    pub fn to_array(self) -> [f32; FEATURES] {
        [
            self.cosine,
            self.containment,
            self.bigrams,
            self.run,
            self.numbers_agree,
            self.numbers_differ,
            self.length_ratio,
            self.coverage,
            self.in_order,
            self.trigrams,
            self.numbers_one_sided,
        ]
    }

    /// The calibrated probability that the two units are paraphrases (the MRPC model).
    pub fn score(self) -> f32 {
        score_with(&WEIGHTS, &self.to_array())
    }
}

/// `sigmoid(w0 + Σ wᵢ·xᵢ)`.
pub fn score_with<const N: usize, const W: usize>(weights: &[f32; W], x: &[f32; N]) -> f32 {
    debug_assert_eq!(W, N + 1);
    let z = weights[0] + weights[1..].iter().zip(x).map(|(w, x)| w * x).sum::<f32>();
    1.0 / (1.0 + (-z).exp())
}

/// How many items two sorted lists share.
fn count_shared(a: &[u32], b: &[u32]) -> usize {
    a.iter().filter(|x| b.binary_search(x).is_ok()).count()
}

/// (Σ shared weights, Σ shared weights², shared terms weighing at least `rare`), by a
/// merge of the sorted term lists.
fn shared_weights(a: &Vector, b: &Vector, rare: f32) -> (f32, f32, usize) {
    let (mut i, mut j) = (0, 0);
    let (mut sum, mut squares, mut rares) = (0.0, 0.0, 0);
    while i < a.terms.len() && j < b.terms.len() {
        match a.terms[i].0.cmp(&b.terms[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let w = a.terms[i].1;
                sum += w;
                squares += w * w;
                rares += usize::from(w >= rare);
                i += 1;
                j += 1;
            }
        }
    }
    (sum, squares, rares)
}

/// The `N`-grams of a sequence, sorted and deduplicated.
fn sorted_grams<const N: usize>(seq: &[u32]) -> Vec<[u32; N]> {
    let mut grams: Vec<[u32; N]> = seq
        .windows(N)
        .map(|w| w.try_into().expect("window of N"))
        .collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// Dice coefficient of two sorted, deduplicated lists.
fn dice<T: Ord>(left: &[T], right: &[T]) -> f32 {
    if left.is_empty() || right.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        match left[i].cmp(&right[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f32 / (left.len() + right.len()) as f32
}

/// The longest common subsequence and the longest common run of two sequences.
///
/// When one of them has at most [`BITS`] items (every unit but a cut piece's rare
/// overflow of tokens), bit-parallel: the LCS by
/// Hyyrö's bit-vector recurrence ("Bit-parallel LCS-length computation revisited",
/// 2004) in O(n) word operations, the run by extending bit masks of runs ending at each
/// position, O(n · run). Otherwise one O(n·m) pass with O(m) memory.
pub fn lcs_and_run(a: &[u32], b: &[u32]) -> (usize, usize) {
    if b.len() <= BITS {
        return lcs_and_run_bits(a, b);
    }
    if a.len() <= BITS {
        return lcs_and_run_bits(b, a);
    }
    lcs_and_run_table(a, b)
}

/// A bit mask of positions in a unit: units are cut at [`crate::budget::MAX_UNIT_WORDS`]
/// words, below its width, so that the bit-parallel recurrence covers them.
type Mask = u128;
/// The width of [`Mask`].
const BITS: usize = Mask::BITS as usize;

/// Each distinct item of `b` (at most [`BITS`] items) with the bit mask of its
/// positions, sorted by item.
fn masks(b: &[u32]) -> Vec<(u32, Mask)> {
    debug_assert!(b.len() <= BITS);
    let mut masks: Vec<(u32, Mask)> = Vec::with_capacity(b.len());
    for (j, &y) in b.iter().enumerate() {
        match masks.iter_mut().find(|(v, _)| *v == y) {
            Some((_, m)) => *m |= 1 << j,
            None => masks.push((y, 1 << j)),
        }
    }
    masks.sort_unstable_by_key(|&(v, _)| v);
    masks
}

/// [`lcs_and_run`] with `b` of at most [`BITS`] items.
fn lcs_and_run_bits(a: &[u32], b: &[u32]) -> (usize, usize) {
    lcs_and_run_masks(a, &masks(b), b.len())
}

/// [`lcs_and_run`] of `a` against a sequence of `len` (at most [`BITS`]) items given by
/// its [`masks`].
fn lcs_and_run_masks(a: &[u32], masks: &[(u32, Mask)], len: usize) -> (usize, usize) {
    if a.is_empty() || len == 0 {
        return (0, 0);
    }
    let mask_of = |x: u32| {
        masks
            .binary_search_by_key(&x, |&(v, _)| v)
            .map_or(0, |i| masks[i].1)
    };
    let all: Mask = if len == BITS {
        Mask::MAX
    } else {
        (1 << len) - 1
    };
    let mut v = all;
    // runs[k]: positions of b where a common run of length k + 1 ends, for the previous
    // item of a.
    let (mut runs, mut next): (Vec<Mask>, Vec<Mask>) = (Vec::new(), Vec::new());
    let mut best = 0;
    for &x in a {
        let m = mask_of(x);
        let u = v & m;
        v = (v.wrapping_add(u) | (v & !m)) & all;
        next.clear();
        let mut r = m;
        while r != 0 {
            next.push(r);
            r = runs.get(next.len() - 1).map_or(0, |&p| (p << 1) & m);
        }
        best = best.max(next.len());
        std::mem::swap(&mut runs, &mut next);
    }
    ((all & !v).count_ones() as usize, best)
}

/// [`lcs_and_run`] by dynamic programming, for two long sequences.
fn lcs_and_run_table(a: &[u32], b: &[u32]) -> (usize, usize) {
    let mut lcs_prev = vec![0usize; b.len() + 1];
    let mut lcs_cur = vec![0usize; b.len() + 1];
    let mut run_prev = vec![0usize; b.len() + 1];
    let mut run_cur = vec![0usize; b.len() + 1];
    let mut best_run = 0;
    for x in a {
        for (j, y) in b.iter().enumerate() {
            if x == y {
                lcs_cur[j + 1] = lcs_prev[j] + 1;
                run_cur[j + 1] = run_prev[j] + 1;
                best_run = best_run.max(run_cur[j + 1]);
            } else {
                lcs_cur[j + 1] = lcs_prev[j + 1].max(lcs_cur[j]);
                run_cur[j + 1] = 0;
            }
        }
        std::mem::swap(&mut lcs_prev, &mut lcs_cur);
        std::mem::swap(&mut run_prev, &mut run_cur);
    }
    (lcs_prev[b.len()], best_run)
}

/// The longest run of equal items as (length, start in a, start in b).
pub fn longest_common_run_at(a: &[u32], b: &[u32]) -> Option<(usize, usize, usize)> {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    let mut best: Option<(usize, usize, usize)> = None;
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            cur[j] = if a[i - 1] == b[j - 1] {
                prev[j - 1] + 1
            } else {
                0
            };
            if cur[j] > best.map_or(0, |b| b.0) {
                best = Some((cur[j], i - cur[j], j - cur[j]));
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector(seq: &[u32], stops: &[u32]) -> Vector {
        Vector::new(
            seq.iter().map(|&id| Term {
                id,
                stop: stops.contains(&id),
                number: id >= 20,
                name: false,
                clause_start: false,
            }),
            |_| 1.0,
        )
    }

    #[test]
    fn identical_units_score_high_and_unrelated_low() {
        let a = vector(&[1, 2, 3, 4, 5, 6], &[1]);
        let b = vector(&[7, 8, 9, 10, 11], &[]);
        let same = Features::between(&a, &a, 1.0);
        assert_eq!(same.cosine, 1.0);
        assert_eq!(same.run, 1.0);
        assert!(same.score() > 0.9);
        assert!(Features::between(&a, &b, 1.0).score() < 0.1);
    }

    #[test]
    fn quoting_one_utterance_is_a_feature() {
        let (mut a, mut b) = (vector(&[1, 2, 3], &[]), vector(&[4, 5, 6], &[]));
        assert_eq!(Features::between(&a, &b, 1.0).same_quote, 0.0);
        (a.quotes, b.quotes) = (vec![2, 7], vec![7]);
        assert_eq!(Features::between(&a, &b, 1.0).same_quote, 1.0);
    }

    #[test]
    fn different_numbers_are_a_feature() {
        let a = vector(&[1, 2, 3, 20], &[]);
        let b = vector(&[1, 2, 3, 21], &[]);
        let f = Features::between(&a, &b, 1.0);
        assert_eq!((f.numbers_agree, f.numbers_differ), (0.0, 1.0));
    }

    #[test]
    fn runs_and_subsequences_against_a_naive_oracle() {
        let a = [1, 2, 3, 4, 2, 3, 4, 5];
        let b = [9, 2, 3, 4, 5, 1];
        assert_eq!(longest_common_run_at(&a, &b), Some((4, 4, 1)));
        assert_eq!(lcs_and_run(&a, &b), (4, 4));
        assert_eq!(lcs_and_run(&[], &b), (0, 0));
        assert_eq!(lcs_and_run(&a, &[]), (0, 0));
        // The bit-parallel version against the table, on pseudo-random sequences of a
        // small alphabet (many matches), short and at the edges of the masks.
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as u32
        };
        for round in 0..300 {
            let (n, m) = (
                next() as usize % 140,
                [5, 30, 63, 64, 65, 127, 128, 129][round % 8],
            );
            let x: Vec<u32> = (0..n).map(|_| next() % 4).collect();
            let y: Vec<u32> = (0..m).map(|_| next() % 4).collect();
            assert_eq!(
                lcs_and_run(&x, &y),
                lcs_and_run_table(&x, &y),
                "{x:?} {y:?}"
            );
        }
    }
}
