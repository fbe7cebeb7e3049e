//! Each engine stage on its own, for the per-stage benchmarks (`benches/stages.rs`, feature
//! `internals`). Every function runs one stage and returns a count, so that a benchmark
//! can time it without the result model; none of this is part of the stable API.

use std::cell::OnceCell;

pub use crate::align::scorer::{Model, GRAPH_FEATURES, PAIR_FEATURES};
use crate::align::{Alignment, Corpus, Scorer};
use crate::ids::Reports;
use crate::quotes::Quoted;
use crate::text::tokenize::Tokenizer;
use crate::text::{boilerplate, segment, Prepared};
use crate::{Options, ReportInput};

/// Segments a text; returns the number of units.
pub fn segment(text: &str) -> usize {
    segment::segment(text).len()
}

/// Segments a text and detects its boilerplate; returns the number of boilerplate units.
pub fn boilerplate(text: &str) -> usize {
    let segments = segment::segment(text);
    boilerplate::detect(text, &segments)
        .iter()
        .filter(|r| r.is_some())
        .count()
}

/// Tokenises a whole text; returns the number of words.
pub fn tokenize(text: &str) -> usize {
    Tokenizer::default().words(text, 0, text.len()).len()
}

/// The stems of a text's words as the engine makes them, with whether each is a stop
/// word (for building the background table, `benches/background.rs`).
pub fn stems(text: &str) -> Vec<(String, bool)> {
    Tokenizer::default()
        .words(text, 0, text.len())
        .into_iter()
        .map(|w| (w.stem, w.stop))
        .collect()
}

/// Reports after text preparation, for the later stages.
pub struct PreparedReports<'a> {
    inputs: &'a [ReportInput],
    prepared: Vec<Prepared<'a>>,
    /// Computed once, for the stages after alignment.
    alignment: OnceCell<Alignment>,
    /// Who each report credits with each utterance, computed once for the discrepancies.
    credits: OnceCell<Vec<Vec<crate::quotes::Credit>>>,
}

/// Prepares reports (segmentation, boilerplate, tokens).
pub fn prepare(inputs: &[ReportInput]) -> PreparedReports<'_> {
    PreparedReports {
        inputs,
        prepared: Prepared::all(inputs),
        alignment: OnceCell::new(),
        credits: OnceCell::new(),
    }
}

impl PreparedReports<'_> {
    /// Builds the corpus and scores candidate pairs with both stages of the same-fact
    /// scorer; returns the number of candidates scored.
    pub fn links(&self) -> usize {
        let quoted = Quoted::new(&self.reports(), &Default::default());
        let corpus = Corpus::new(&self.prepared, &quoted.shared_by_unit());
        let model = Model::default();
        let rank = crate::align::ranks(&self.reports(), &corpus);
        let mut scorer = Scorer::new(&corpus, &model, &rank);
        let candidates = scorer.candidates();
        candidates.iter().map(|&(a, b)| scorer.score(a, b)).count()
    }

    /// The whole alignment as `compare` runs it (quoted utterances, units, links,
    /// groups); returns the number of groups.
    pub fn groups(&self) -> usize {
        let reports = self.reports();
        Alignment::with_model(
            &reports,
            &Quoted::new(&reports, &Default::default()),
            &Model::default(),
        )
        .groups
        .len()
    }

    fn reports(&self) -> Reports<'_> {
        Reports::new(self.inputs, &self.prepared)
    }

    /// Finds, attributes and clusters quotes, and adds their unquoted renderings (after
    /// the alignment, computed once); returns the number of clusters.
    pub fn quotes(&self) -> usize {
        let reports = self.reports();
        let alignment = self.alignment(&reports);
        let quoted = Quoted::new(&reports, &Default::default());
        crate::quotes::section(
            &reports,
            &crate::quotes::utterances(&reports, alignment, &quoted),
        )
        .len()
    }

    /// Extracts and compares the details of every unit, and who each report credits with
    /// each utterance (after the alignment and the quotes, computed once); returns the
    /// number of discrepancies.
    pub fn discrepancies(&self) -> usize {
        let reports = self.reports();
        let alignment = self.alignment(&reports);
        let credits = self.credits.get_or_init(|| {
            let quoted = Quoted::new(&reports, &Default::default());
            crate::quotes::credits(
                &reports,
                &crate::quotes::utterances(&reports, alignment, &quoted),
            )
        });
        crate::discrepancies::section(&reports, alignment, credits).len()
    }

    /// The alignment as `compare` computes it, computed once.
    fn alignment(&self, reports: &Reports<'_>) -> &Alignment {
        self.alignment.get_or_init(|| {
            Alignment::with_model(
                reports,
                &Quoted::new(reports, &Default::default()),
                &Model::default(),
            )
        })
    }

    /// The whole result with every side-by-side layout; returns the number of layouts.
    pub fn everything(&self) -> usize {
        let n = self.inputs.len();
        let layouts: Vec<(usize, usize)> = (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
            .collect();
        crate::comparison(self.inputs, &self.prepared, &layouts, &Model::default())
            .side_by_side
            .len()
    }
}

/// The whole comparison; returns the number of groups.
pub fn compare(inputs: &[ReportInput]) -> usize {
    crate::compare(inputs, &Options::default()).map_or(0, |r| r.groups.len())
}

/// [`crate::compare`] with another same-fact model, for calibration.
pub fn compare_with(
    inputs: &[ReportInput],
    options: &Options,
    model: &Model,
) -> Result<crate::Comparison, crate::Error> {
    crate::compare_with(inputs, options, model)
}

/// A candidate pair of units of different reports, with the features the same-fact
/// scorer sees.
#[derive(Debug, Clone)]
pub struct Example {
    /// One unit's id.
    pub a: String,
    /// The other unit's id (of another report).
    pub b: String,
    /// The pair features, in the order of the scorer's pair weights.
    pub pair: [f32; PAIR_FEATURES],
    /// The graph features, from `model`'s pair scores.
    pub graph: [f32; GRAPH_FEATURES],
}

/// Every candidate pair the engine scores when comparing `inputs` with `model`, with its
/// features, computed by the code that scores them when comparing.
pub fn examples(inputs: &[ReportInput], model: &Model) -> Vec<Example> {
    let prepared = prepare(inputs);
    let reports = prepared.reports();
    let quoted = Quoted::new(&reports, &Default::default());
    let corpus = Corpus::new(reports.prepared, &quoted.shared_by_unit());
    let rank = crate::align::ranks(&reports, &corpus);
    let scorer = Scorer::new(&corpus, model, &rank);
    let id = |u: usize| reports.unit_id(corpus.units[u].report, corpus.units[u].segment);
    scorer
        .candidates()
        .into_iter()
        .map(|(a, b)| {
            let (pair, graph) = scorer.features(a, b);
            Example {
                a: id(a),
                b: id(b),
                pair,
                graph,
            }
        })
        .collect()
}
