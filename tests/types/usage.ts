// A use of every field of the package's types (www/pkg/parallax.d.ts, written by
// wasm-bindgen from the TypeScript section of src/wasm.rs). `tsc -p tests/types` fails
// when a field is missing, misnamed or of another type, when a kind gains or loses a
// value, or when a call goes back to `any`. It is only compiled, never run.

import init, {
  compare, limits,
  type CompareResult, type Comparison, type Discrepancy, type DiscrepancyKind, type Tally, type Limits, type Member, type Nearest,
  type OnlyHere, type Options, type PossibleLink, type QuoteInstance, type Range, type Relation, type Report,
  type ReportInput, type Row, type RowKind, type Span, type Tier, type Unit, type UnitKind, type Variant, type WordOp,
  type Wording, type Notice, type NoticeKind,
} from '../../www/pkg/parallax.js';

/** Fails to compile when a switch over a kind misses one of its values. */
function exhaustive(value: never): never {
  throw new Error(`unexpected ${String(value)}`);
}

function unitKind(kind: UnitKind): string {
  switch (kind) {
    case 'heading': case 'sentence': case 'boilerplate': return kind;
    default: return exhaustive(kind);
  }
}

function relation(value: Relation): number {
  switch (value) {
    case 'verbatim': return 3;
    case 'rewrite': return 2;
    case 'paraphrase': return 1;
    default: return exhaustive(value);
  }
}

function rowKind(kind: RowKind): string {
  switch (kind) {
    case 'aligned': case 'moved': case 'onlyA': case 'onlyB': return kind;
    default: return exhaustive(kind);
  }
}

function tier(value: Tier): string {
  switch (value) {
    case 'sameFact': return 'the same fact';
    case 'possible': return 'possibly the same';
    default: return exhaustive(value);
  }
}

function variant(value: Variant): string {
  switch (value) {
    case 'same': case 'trimmed': case 'extended': case 'reworded': return value;
    default: return exhaustive(value);
  }
}

function wording(value: Wording | undefined): string {
  switch (value) {
    case 'close': case 'paraphrase': return value;
    case undefined: return 'quoted';
    default: return exhaustive(value);
  }
}

function wordOp({ op, text }: WordOp): string {
  switch (op) {
    case 'equal': return text;
    case 'delete': return `-${text}`;
    case 'insert': return `+${text}`;
    default: return exhaustive(op);
  }
}

function discrepancyKind(kind: DiscrepancyKind): string {
  switch (kind) {
    case 'conflict': case 'precision': case 'onlyInSome': return kind;
    default: return exhaustive(kind);
  }
}

/** UTF-16 offsets, as JavaScript strings index. */
function slice(text: string, { start, end }: Range): string {
  return text.slice(start, end);
}

function span({ unit, start, end, text }: Span): string {
  return `${unit} ${start}–${end} ${text}`;
}

function unit({ id, kind, start, end, text, reason }: Unit): string {
  const why: string | undefined = reason;
  return `${id} ${unitKind(kind)} ${start}–${end} ${text} ${why ?? ''}`;
}

function nearest({ unit: id, report: of, score }: Nearest): string {
  return `${id} in ${of} ${score}`;
}

function onlyHere({ unit: id, nearest: closest }: OnlyHere): string {
  const candidate: Nearest | undefined = closest;
  return `${id} ${candidate ? nearest(candidate) : 'no candidate'}`;
}

function possible({ a, b, confidence }: PossibleLink): string {
  return `${a} ${b} ${confidence}`;
}

function report({ id, title, length, units, unique, uniqueSpans }: Report): string[] {
  return [`${id} ${title} ${length}`, ...units.map(unit), ...unique.map(onlyHere), ...uniqueSpans.map(span)];
}

function member({ unit: id, relation: how, confidence, changes }: Member): number {
  const ranges: Range[] = changes ?? [];
  return relation(how) + confidence + ranges.length + id.length;
}

function row({ kind, a, b, relation: how, tier: linked, positionA, positionB, changesA, changesB }: Row): string {
  const left: string | null = a;
  const right: string | null = b;
  const position: number | undefined = positionA ?? positionB;
  const changed: Range[] = [...(changesA ?? []), ...(changesB ?? [])];
  return `${rowKind(kind)} ${left ?? '—'} ${right ?? '—'} ${how ? relation(how) : 0} ${linked ? tier(linked) : ''} ${position ?? ''} ${changed.length}`;
}

function instance(i: QuoteInstance): string {
  const flags: boolean[] = [i.quoted, i.inHeading, i.unclosed, i.reattributed];
  const speaker: string | null = i.speaker ?? i.speakerAsWritten;
  return `${i.report} ${i.unit} ${i.start}–${i.end} ${i.text} ${speaker ?? ''} ${i.confidence} ${i.membership} ${wording(i.wording)} ${flags} ${variant(i.variant)} ${i.diff.map(wordOp).join(' ')}`;
}

function discrepancy({ id, kind, slot, values, tally, confidence }: Discrepancy): string[] {
  return [
    `${id} ${discrepancyKind(kind)} ${slot} ${confidence}`,
    ...values.map((v) => `${v.report} ${v.unit} ${v.start}–${v.end} ${v.text} ${v.value}`),
    ...tally.map((t: Tally) => `${t.reports.length} ${t.value} ${t.reports.join(',')}`),
  ];
}

function noticeKind(kind: NoticeKind): string {
  switch (kind) {
    case 'longUnits': case 'quoteMarks': case 'quotes': case 'commonPassages': case 'possibleLinks':
    case 'sharedRuns': return kind;
    default: return exhaustive(kind);
  }
}

function notice({ kind, reports, count, message }: Notice): string {
  return `${noticeKind(kind)} ${reports.join(',')} ${count} ${message}`;
}

/** Everything in a comparison, as lines of text. */
export function describe(result: Comparison): string[] {
  const schema: 2 = result.schema;
  return [
    `schema ${schema}`,
    ...result.reports.flatMap(report),
    ...result.groups.map((g) => `${g.id} ${g.reports} ${g.members.map(member).join(' ')}`),
    ...result.possible.map(possible),
    ...result.pairs.map((p) => `${p.a} ${p.b} ${p.similarity} ${p.coverageA} ${p.coverageB} `
      + p.sharedRuns.map((run) => `${span(run.a)} ${span(run.b)} ${run.words}`).join(' ')),
    ...result.sideBySide.flatMap((layout) => [`${layout.a} ${layout.b}`, ...layout.rows.map(row)]),
    ...result.quotes.flatMap((q) => [`${q.id} ${q.speaker ?? ''} ${q.reference} ${q.reports}`, ...q.instances.map(instance)]),
    ...result.discrepancies.flatMap(discrepancy),
    ...result.notices.map(notice),
  ];
}

export async function run(): Promise<string[]> {
  await init();
  const reports: ReportInput[] = [
    { id: '000', title: 'One', text: 'Talks in Istanbul lasted nine hours.' },
    { id: '001', text: 'The Istanbul talks lasted nearly nine hours.' },
  ];
  const options: Options = { sideBySide: [['000', '001']], keep: ['000:u0'], setAside: ['000:u1'] };
  const known: Limits = limits();
  const result: CompareResult = compare(reports, options);
  const elapsed: number | undefined = result.elapsedMs;
  compare(reports);
  compare(reports, null);
  const first = result.reports[0];
  return [`${known.maxReports} ${known.maxReportBytes} ${known.maxTotalBytes} ${elapsed}`, slice(first.units[0].text, first.units[0]), ...describe(result)];
}

// The types say what the calls take and give; a call that took or gave `any` would
// accept these, and the directives would then fail as unused.
// @ts-expect-error: a report has an id and a text
compare([{ title: 'no id' }]);
// @ts-expect-error: options are camelCase
compare([], { side_by_side: [] });
// @ts-expect-error: the result's keys are camelCase
compare([]).side_by_side;
// @ts-expect-error: limits are counts, not strings
const wrong: string = limits().maxReports;
// @ts-expect-error: since schema 2 a report's unique passages are entries, not unit ids
const ids: string[] = compare([]).reports[0].unique;
