//! Each engine stage on its own, for the per-stage benchmarks (`benches/stages.rs`, feature
//! `internals`). Every function runs one stage and returns a count, so that a benchmark
//! can time it without the result model; none of this is part of the stable API.

use std::cell::OnceCell;

use crate::align::{Alignment, Corpus};
use crate::ids::Reports;
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
    /// Computed once, for the stages after alignment.
    alignment: OnceCell<Alignment>,
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
        alignment: OnceCell::new(),
    }
}

impl PreparedReports<'_> {
    /// Builds the corpus and scores candidate pairs; returns the number of links.
    pub fn links(&self) -> usize {
        Corpus::new(&self.prepared).links().len()
    }

    /// The whole alignment as `compare` runs it (units, links, groups); returns the number
    /// of groups.
    pub fn groups(&self) -> usize {
        Alignment::new(&self.reports()).groups.len()
    }

    fn reports(&self) -> Reports<'_> {
        Reports::new(self.inputs, &self.prepared)
    }

    /// Finds, attributes and clusters quotes (after the alignment, computed once); returns
    /// the number of clusters.
    pub fn quotes(&self) -> usize {
        let reports = self.reports();
        let alignment = self.alignment.get_or_init(|| Alignment::new(&reports));
        crate::quotes::section(&reports, alignment).len()
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
