// A use of the package's types as a newsroom developer writes it; compiled with
// `tsc --noEmit` against the installed package (tests/e2e/package.test.mjs), never run.
// Each @ts-expect-error must be an error: a type that went back to `any` fails them.

import { compare, limits, prepare, ParallaxCompare, type CompareResult, type Schema, type WidgetReport } from 'parallax-compare';
import { ParallaxCompare as Defined } from 'parallax-compare/define';

const widget = document.createElement('parallax-compare');
const same: ParallaxCompare = widget;
const defined: typeof ParallaxCompare = Defined;
widget.view = 'quotes';
widget.theme = 'dark';
widget.src = 'reports.json';
const reports: WidgetReport[] = [{ id: 'dawn', outlet: 'Dawn', date: '2025-10-19', text: 'Talks lasted nine hours.' }];
widget.reports = reports;
widget.addEventListener('parallax-ready', (event) => {
  const shared: number = event.detail.groups;
  console.log(shared, event.detail.elapsedMs);
});
widget.addEventListener('parallax-select', (event) => {
  if (event.detail.kind === 'quote') event.preventDefault();
});
widget.addEventListener('parallax-error', (event) => console.error(event.detail.message));
const last: CompareResult | null = widget.result;
const schema: Schema = 2;
ParallaxCompare.define('news-compare');
prepare();

export async function run(signal: AbortSignal): Promise<string[]> {
  const result = await compare([{ id: 'a', text: 'One.' }, { id: 'b', text: 'Two.' }], { sideBySide: [['a', 'b']], keep: ['a:u0'] }, { signal });
  const known = await limits();
  return [
    `${known.maxReports} ${result.schema} ${schema} ${same.view} ${defined.name} ${last?.groups.length}`,
    ...result.groups.flatMap((g) => g.members.map((m) => `${m.unit} ${m.relation} ${m.confidence}`)),
    ...result.quotes.map((q) => `${q.speaker ?? 'unattributed'}: ${q.reference}`),
  ];
}

// @ts-expect-error: not a view
widget.view = 'timeline';
// @ts-expect-error: a report needs its text
widget.reports = [{ id: 'a' }];
// @ts-expect-error: compare is asynchronous
export const sync: CompareResult = compare([]);
// @ts-expect-error: the error event's detail has a message, not groups
widget.addEventListener('parallax-error', (event) => event.detail.groups);
// @ts-expect-error: the result is read only
widget.result = null;
