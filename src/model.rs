//! The result model: what the engine returns, serialised with serde in camelCase.
//!
//! This tree is the contract shared by the CLI (`parallax compare --json`), the wasm API
//! and the page. **Every `start` and `end` is an offset in UTF-16 code units into the
//! report's original text**, so that `text.slice(start, end)` in JavaScript gives back the
//! unit's `text` exactly.

use serde::{Deserialize, Serialize};

/// Writes a score (rounded to three decimals by the engine) as JavaScript would print it:
/// whole numbers without a fraction (`1`, not `1.0`). With this, `parallax compare --json`
/// and `JSON.stringify` of the wasm result are the same bytes.
fn score<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

/// The version of this contract; bumped when a field changes meaning or is removed.
///
/// Schema 2 (issue 14): links come in two tiers. `groups` hold the *same fact* tier;
/// `possible` lists the looser *possibly the same* links; `Report::unique` became a list
/// of [`OnlyHere`] entries, each with its nearest candidate, and a unit is only in its
/// report when it has no link of either tier; side-by-side rows say their tier.
pub const SCHEMA: u32 = 2;

/// One report to compare, as given by the caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportInput {
    /// A short unique id, such as `"000"`; unit ids are built from it.
    pub id: String,
    /// A title to show; when empty, the report's first heading is used.
    #[serde(default)]
    pub title: String,
    /// The report's full text, as pasted.
    pub text: String,
}

/// The whole result of comparing reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// Always [`SCHEMA`].
    pub schema: u32,
    /// The reports in input order, each split into units.
    pub reports: Vec<Report>,
    /// Facts shared across reports, carried by most reports first.
    pub groups: Vec<Group>,
    /// Figures for every pair of reports, `a` before `b` in input order.
    pub pairs: Vec<ReportPair>,
    /// Side-by-side layouts of the pairs of reports that [`Options::side_by_side`] asks for.
    pub side_by_side: Vec<SideBySide>,
    /// Utterances: every direct quote, clustered with its renderings in other reports,
    /// those carried by most reports first.
    pub quotes: Vec<QuoteCluster>,
    /// Where the reports disagree on details, conflicts first.
    pub discrepancies: Vec<Discrepancy>,
    /// Links of the looser tier: passages that possibly state the same fact, whose two
    /// units share no group. Strongest first.
    pub possible: Vec<PossibleLink>,
    /// Where the engine's work budget cut work short: what was left out, and where.
    /// Empty for ordinary reports; nothing is left out without a notice here.
    #[serde(default)]
    pub notices: Vec<Notice>,
}

/// Work the engine's budget cut short on a hostile or unusual input, said so that the
/// reader knows what the result leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    /// What kind of work was cut.
    pub kind: NoticeKind,
    /// The ids of the reports concerned, in input order; empty when it is all of them.
    pub reports: Vec<String>,
    /// How many items (units, quotes, passages, pairs) the cut concerns.
    pub count: usize,
    /// One sentence for the reader: what was left out and why.
    pub message: String,
}

/// The kinds of [`Notice`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum NoticeKind {
    /// Units too long to compare word by word: compared by their words' overlap only.
    LongUnits,
    /// Quote marks past the most one paragraph may open: those quotes are not detected.
    QuoteMarks,
    /// Quoted passages past the most the quotes stage clusters: not clustered.
    Quotes,
    /// Passages so common across the reports that not every pair of them is scored.
    CommonPassages,
    /// Possible links of one passage with one other report past the most listed.
    PossibleLinks,
    /// Shared passages of a pair of reports past the most listed.
    SharedRuns,
}

/// Two passages of different reports that possibly state the same fact: similar enough
/// that neither can be called only in its report, not similar enough to be called the
/// same fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PossibleLink {
    /// One unit's id (the one of the report given first).
    pub a: String,
    /// The other unit's id.
    pub b: String,
    /// The same-fact score, from 0 to 1: below the same-fact tier's threshold.
    #[serde(serialize_with = "score")]
    pub confidence: f64,
}

/// A unit that no other report carries: it has no link of either tier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OnlyHere {
    /// The unit's id.
    pub unit: String,
    /// The closest passage of another report the engine scored, and how close it came;
    /// absent when no passage of another report shares a telling word with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nearest: Option<Nearest>,
}

/// The closest candidate of a passage that is only in its report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Nearest {
    /// The candidate's unit id.
    pub unit: String,
    /// The candidate's report id.
    pub report: String,
    /// Its same-fact score, from 0 to 1 (below the looser tier's threshold).
    #[serde(serialize_with = "score")]
    pub score: f64,
}

/// The tier of a link: how sure the engine is that two passages state one fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Tier {
    /// The precise tier: the same fact.
    SameFact,
    /// The looser tier: possibly the same fact.
    Possible,
}

/// What to compute besides the groups.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// Pairs of report ids to lay out side by side. `None`: every pair when there are at
    /// most [`ALL_PAIRS_UP_TO`] reports, else the first report against each other one.
    pub side_by_side: Option<Vec<(String, String)>>,
    /// Ids of units to compare although they were set aside as boilerplate (the reader
    /// put them back).
    pub keep: Vec<String>,
    /// Ids of units the reader set aside (a page's timestamp, a byline the engine kept):
    /// shown as boilerplate, with the reason "set aside by you", never compared. A unit
    /// in both lists is set aside.
    pub set_aside: Vec<String>,
}

/// Up to this many reports, every pair is laid out side by side by default.
pub const ALL_PAIRS_UP_TO: usize = 8;

/// One report, split into units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The id the caller gave.
    pub id: String,
    /// The title the caller gave, else the first heading, else the id.
    pub title: String,
    /// The report's length in UTF-16 code units.
    pub length: usize,
    /// Units in text order; their spans never overlap.
    pub units: Vec<Unit>,
    /// Ids of the units (not boilerplate) that no other report carries.
    pub unique: Vec<OnlyHere>,
    /// Passages inside grouped units that no other member of their groups carries.
    pub unique_spans: Vec<Span>,
}

/// A heading, sentence or boilerplate line of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Unit {
    /// `"<report id>:u<index>"`, the index counting from 0 in text order.
    pub id: String,
    /// Heading, sentence or boilerplate.
    pub kind: UnitKind,
    /// Start offset, in UTF-16 code units, into the report's original text.
    pub start: usize,
    /// End offset (exclusive), in UTF-16 code units, into the report's original text.
    pub end: usize,
    /// The original text of the span, unchanged.
    pub text: String,
    /// Why a boilerplate unit was set aside; absent for other kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// What a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// A headline, section heading or dateline.
    Heading,
    /// A sentence of running text.
    Sentence,
    /// A line that carries no news (share bars, disclaimers, links); never compared.
    Boilerplate,
}

/// A fact shared by several reports: the units that state it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    /// `"g1"`, `"g2"`, … in the order of the list.
    pub id: String,
    /// How many reports carry the fact.
    pub reports: usize,
    /// The units, in report order then text order.
    pub members: Vec<Member>,
}

/// One unit's place in a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    /// The unit's id.
    pub unit: String,
    /// The closest way any other report's member carries the same fact.
    pub relation: Relation,
    /// How sure the link is, from 0 to 1 (the calibrated similarity of its best link).
    #[serde(serialize_with = "score")]
    pub confidence: f64,
    /// Words of this unit that the group's first member does not have (for the first
    /// member, that the second does not have), as UTF-16 ranges of its report's text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Range>,
}

/// How two units carry the same fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// Mostly different words.
    Paraphrase,
    /// Clearly derived wording: a shared skeleton or long shared runs, with changes.
    Rewrite,
    /// The same words, but for punctuation, case or a word or two.
    Verbatim,
}

/// A passage of one unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Span {
    /// The unit's id.
    pub unit: String,
    /// Start offset, in UTF-16 code units, into the report's original text.
    pub start: usize,
    /// End offset (exclusive), in UTF-16 code units, into the report's original text.
    pub end: usize,
    /// The original text of the span.
    pub text: String,
}

/// What two reports share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportPair {
    /// The first report's id.
    pub a: String,
    /// The second report's id.
    pub b: String,
    /// Share of both reports' units that the other carries: (carried in a + carried in
    /// b) / (units of a + units of b), from 0 to 1.
    #[serde(serialize_with = "score")]
    pub similarity: f64,
    /// Share of a's units that b carries.
    #[serde(serialize_with = "score")]
    pub coverage_a: f64,
    /// Share of b's units that a carries.
    #[serde(serialize_with = "score")]
    pub coverage_b: f64,
    /// Word runs copied from one report to the other (wire copy), longest first.
    pub shared_runs: Vec<SharedRun>,
}

/// The same run of words in two reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SharedRun {
    /// The run in report `a`.
    pub a: Span,
    /// The run in report `b`.
    pub b: Span,
    /// Its length in words.
    pub words: usize,
}

/// Two reports laid out side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SideBySide {
    /// The left report's id.
    pub a: String,
    /// The right report's id.
    pub b: String,
    /// Rows in the left report's order, with the right report's lone units where they
    /// fall in its own order. Boilerplate is left out.
    pub rows: Vec<Row>,
}

/// One row of a side-by-side layout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    /// How the two sides relate.
    pub kind: RowKind,
    /// The left unit's id, if any.
    pub a: Option<String>,
    /// The right unit's id, if any.
    pub b: Option<String>,
    /// For a pair, how the right unit carries the left one's fact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<Relation>,
    /// For a pair, the tier of the link that paired the two units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<Tier>,
    /// For a pair, the left unit's position among the left report's compared units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position_a: Option<usize>,
    /// For a pair, the right unit's position among the right report's compared units
    /// (where a moved passage stands in the other report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position_b: Option<usize>,
    /// Words of the left unit that differ, as UTF-16 ranges of the left report's text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes_a: Vec<Range>,
    /// Words of the right unit that differ, as UTF-16 ranges of the right report's text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes_b: Vec<Range>,
}

impl Row {
    pub(crate) fn alone(kind: RowKind, a: Option<String>, b: Option<String>) -> Row {
        Row {
            kind,
            a,
            b,
            relation: None,
            tier: None,
            position_a: None,
            position_b: None,
            changes_a: Vec::new(),
            changes_b: Vec::new(),
        }
    }
}

/// How the two sides of a row relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RowKind {
    /// The same fact, in the same order in both reports.
    Aligned,
    /// The same fact, at another place in the right report.
    Moved,
    /// Only the left report has this unit.
    OnlyA,
    /// Only the right report has this unit.
    OnlyB,
}

/// A range of UTF-16 code units in a report's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    /// Start offset, in UTF-16 code units.
    pub start: usize,
    /// End offset (exclusive), in UTF-16 code units.
    pub end: usize,
}

/// One utterance as the reports render it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuoteCluster {
    /// `"q1"`, `"q2"`, … in the order of the list.
    pub id: String,
    /// The speaker most quoted instances name, if any names one.
    pub speaker: Option<String>,
    /// The reference wording: the longest quoted rendering.
    pub reference: String,
    /// How many reports render the utterance, quoted or not.
    pub reports: usize,
    /// The renderings, in report order then text order.
    pub instances: Vec<QuoteInstance>,
}

/// One report's rendering of an utterance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuoteInstance {
    /// The report's id.
    pub report: String,
    /// The unit the rendering starts in.
    pub unit: String,
    /// Start, in UTF-16 code units of the report's text: after the opening mark for a
    /// quote, the first matching word for an unquoted rendering.
    pub start: usize,
    /// End (exclusive), in UTF-16 code units: before the closing mark for a quote.
    pub end: usize,
    /// The original text of the span.
    pub text: String,
    /// In quotation marks (`false`: the report says it without them).
    pub quoted: bool,
    /// The speaker, with pronouns resolved ("Khawaja Asif" for "he"); absent when unknown.
    pub speaker: Option<String>,
    /// The attribution as printed ("he", "a security source").
    pub speaker_as_written: Option<String>,
    /// How sure the instance and its attribution are, from 0 to 1. Quoted: the span's
    /// certainty (lower when unclosed) times, when a speaker is given, the attribution's
    /// graded confidence (a reporting verb next to the quote is surer than a pronoun or a
    /// continuation). Unquoted: how much of the quote's wording the rendering carries.
    #[serde(serialize_with = "score")]
    pub confidence: f64,
    /// The quote stands in a headline or heading.
    pub in_heading: bool,
    /// No closing mark: the quote runs to the end of its paragraph.
    pub unclosed: bool,
    /// How sure it is that this rendering is of the cluster's utterance, from 0 to 1: the
    /// strength of the evidence that put it there (the shared wording, a continued
    /// quotation, the same speaker in aligned passages). 1 for a cluster's only quote.
    #[serde(serialize_with = "score")]
    pub membership: f64,
    /// For a rendering without quotation marks: whether it keeps the quote's wording or
    /// paraphrases it. Absent for a quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<Wording>,
    /// Attributed to another speaker than the cluster's, in a cluster the rendering
    /// confidently belongs to (membership at least 0.75).
    pub reattributed: bool,
    /// How the wording compares with the reference.
    pub variant: Variant,
    /// Word-level differences from the reference, in order.
    pub diff: Vec<WordOp>,
}

/// How a rendering without quotation marks words the utterance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Wording {
    /// Most of the quote's words, or a run of them, in reported speech ("he recalled it
    /// speeding up" for “it was speeding up”).
    Close,
    /// The same statement in other words ("said the spending plan was irresponsible" for
    /// “reckless and short-sighted”).
    Paraphrase,
}

/// How a rendering's words compare with the reference wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Variant {
    /// The same words.
    Same,
    /// Some of the reference's words left out, nothing added.
    Trimmed,
    /// Words added, none left out.
    Extended,
    /// Words left out and others added.
    Reworded,
}

/// A run of words in a rendering's diff against the reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WordOp {
    /// `equal`: in both; `delete`: in the reference only; `insert`: in this rendering only.
    pub op: WordOpKind,
    /// The words, from the reference for `delete`, else from this rendering.
    pub text: String,
}

/// The kind of a [`WordOp`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WordOpKind {
    /// In both.
    Equal,
    /// In the reference only.
    Delete,
    /// In this rendering only.
    Insert,
}

/// Details of one fact on which reports disagree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Discrepancy {
    /// `"d1"`, `"d2"`, … in the order of the list.
    pub id: String,
    /// Conflict, precision difference, or a detail only some reports give.
    pub kind: DiscrepancyKind,
    /// What the values are of: the counted thing ("hours"), "date", or "date line".
    pub slot: String,
    /// Each report's wording, with the value read from it.
    pub values: Vec<DiscrepancyValue>,
    /// Who says what: each distinct value with the reports giving it, most reports first
    /// ("3 say 9 hours, 1 says more than 9 hours").
    pub tally: Vec<Tally>,
    /// How sure the finding is, from 0 to 1.
    #[serde(serialize_with = "score")]
    pub confidence: f64,
}

/// One value of a discrepancy and the reports that give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tally {
    /// The value as [`DiscrepancyValue::value`] writes it.
    pub value: String,
    /// The ids of the reports giving it, in the order of the values.
    pub reports: Vec<String>,
}

/// What a discrepancy is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DiscrepancyKind {
    /// Different values for the same thing.
    Conflict,
    /// The same value, one vaguer or narrower ("nearly nine hours", "October 18–19").
    Precision,
    /// A detail other reports of the same fact leave out.
    OnlyInSome,
}

/// One report's value in a discrepancy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DiscrepancyValue {
    /// The report's id.
    pub report: String,
    /// The unit's id.
    pub unit: String,
    /// Start, in UTF-16 code units of the report's text.
    pub start: usize,
    /// End (exclusive), in UTF-16 code units.
    pub end: usize,
    /// The words as printed ("nearly nine hours").
    pub text: String,
    /// The value read from them ("nearly 9 hours", "October 18–19").
    pub value: String,
}
