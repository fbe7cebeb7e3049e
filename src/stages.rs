//! Each engine stage on its own, for the per-stage benchmarks (`benches/stages.rs`, feature
//! `internals`). Every function runs one stage and returns a count, so that a benchmark
//! can time it without the result model; none of this is part of the stable API.

use crate::align::{group, Corpus};
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

/// Reports after text preparation, for the later stages.
pub struct PreparedReports<'a> {
    inputs: &'a [ReportInput],
    prepared: Vec<Prepared<'a>>,
}

/// Prepares reports (segmentation, boilerplate, tokens).
pub fn prepare(inputs: &[ReportInput]) -> PreparedReports<'_> {
    let tokenizer = Tokenizer::default();
    PreparedReports {
        inputs,
        prepared: inputs
            .iter()
            .map(|r| Prepared::new(&r.text, &tokenizer))
            .collect(),
    }
}

impl PreparedReports<'_> {
    /// Builds the corpus and scores candidate pairs; returns the number of links.
    pub fn links(&self) -> usize {
        Corpus::new(&self.prepared).links().len()
    }

    /// Links and groups; returns the number of groups.
    pub fn groups(&self) -> usize {
        let corpus = Corpus::new(&self.prepared);
        let links = corpus.links();
        let report: Vec<usize> = corpus.units.iter().map(|u| u.report).collect();
        let rank: Vec<usize> = (0..report.len()).collect();
        let triples: Vec<(usize, usize, f32)> = links.iter().map(|l| (l.a, l.b, l.score)).collect();
        group::cluster(&report, &rank, &triples, crate::align::MERGE_MIN).len()
    }

    /// Finds, attributes and clusters quotes; returns the number of clusters.
    pub fn quotes(&self) -> usize {
        crate::quotes::section(&crate::ids::Reports::new(self.inputs, &self.prepared)).len()
    }

    /// The whole result with every side-by-side layout; returns the number of layouts.
    pub fn everything(&self) -> usize {
        let n = self.inputs.len();
        let layouts: Vec<(usize, usize)> = (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
            .collect();
        crate::comparison(self.inputs, &self.prepared, &layouts)
            .side_by_side
            .len()
    }
}

/// The whole comparison; returns the number of groups.
pub fn compare(inputs: &[ReportInput]) -> usize {
    crate::compare(inputs, &Options::default()).map_or(0, |r| r.groups.len())
}
