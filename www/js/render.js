// Pure rendering: engine result in, DOM out. Report text only ever goes through
// `textContent`, never through HTML parsing.

const KIND_LABELS = { heading: 'Heading', sentence: 'Sentence', boilerplate: 'Set aside' };

/** Creates an element with a class and, optionally, text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One column per report, listing its units with their kind in words and colour. */
export function renderReportColumns(result) {
  const fragment = document.createDocumentFragment();
  for (const report of result.reports) {
    const column = el('article', 'report-column');
    column.dataset.report = report.id;
    const header = el('header', 'report-header');
    header.append(el('h2', 'report-title', report.title));
    header.append(el('p', 'report-meta', unitSummary(report.units)));
    column.append(header);
    const list = el('ol', 'units');
    for (const unit of report.units) {
      const item = el('li', `unit unit-${unit.kind}`);
      item.dataset.unit = unit.id;
      item.append(el('span', 'unit-kind', KIND_LABELS[unit.kind] ?? unit.kind));
      item.append(el('span', 'unit-text', unit.text));
      list.append(item);
    }
    column.append(list);
    fragment.append(column);
  }
  return fragment;
}

function unitSummary(units) {
  const count = (kind) => units.filter((u) => u.kind === kind).length;
  const parts = [`${units.length} units`, `${count('heading')} headings`, `${count('sentence')} sentences`];
  return parts.join(' · ');
}
