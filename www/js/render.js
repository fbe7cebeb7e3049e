// Pure rendering: the engine's result in, DOM out. Nothing here reads the page or keeps
// state. Report text only ever goes into the DOM through text nodes (`textContent`,
// `document.createTextNode`), never through HTML parsing, so a report that contains
// `<script>` shows as text.

const RELATION = {
  verbatim: { symbol: '≡', label: 'verbatim' },
  rewrite: { symbol: '≈', label: 'rewrite' },
  paraphrase: { symbol: '∼', label: 'paraphrase' },
  absent: { symbol: '·', label: 'absent' },
};

/** The looser tier of links, "possibly the same fact": its symbol, never colour alone. */
const POSSIBLE_SYMBOL = '≟';

/** How many possible links the Overview lists before "the other N". */
const POSSIBLE_SHOWN = 10;

/** A score from 0 to 1 in words: "48 %". */
const percent = (score) => `${Math.round(score * 100)} %`;

/** Creates an element with a class and, optionally, text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** A `<section class="NAME-section">` opening with its `<h2 id="NAME-heading">` title,
 * which labels it. */
function labelledSection(name, title) {
  const section = el('section', `${name}-section`);
  section.setAttribute('aria-labelledby', `${name}-heading`);
  const heading = el('h2', null, title);
  heading.id = `${name}-heading`;
  section.append(heading);
  return section;
}

/** An element holding report text: `dir="auto"` lets each passage take the direction of
 * its own script, so Urdu, Pashto and Dari read right to left among English reports. */
export function textEl(tag, className, text) {
  const node = el(tag, className, text);
  node.dir = 'auto';
  return node;
}

/** Appends `value` to the list of `key` in `map`. */
function listAdd(map, key, value) {
  if (!map.has(key)) map.set(key, []);
  map.get(key).push(value);
}

// --- Reports by name -----------------------------------------------------------------

/** The longest short title, in characters, before it is cut at a word. */
const SHORT_TITLE = 28;

/** `title` cut at a word boundary to at most `SHORT_TITLE` characters, with "…". */
export function shortTitle(title) {
  const text = String(title ?? '').trim().replace(/\s+/g, ' ');
  if (text.length <= SHORT_TITLE) return text;
  const cut = text.slice(0, SHORT_TITLE - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > SHORT_TITLE / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

// Made when a date is first shown: the first date format a page makes loads time-zone
// data, 20–80 ms in headless Chromium, which a set without dates need not wait for.
let dateFormat = null;

/** A `YYYY-MM-DD` date in words ("19 Oct 2025"), or '' when there is none. */
function dateText(value) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value ?? '')) return '';
  const when = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(when.getTime())) return '';
  dateFormat ??= new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
  return dateFormat.format(when);
}

/** `url` when it may be linked (http or https, without a user name or password), else null. */
export function linkable(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && !parsed.username && !parsed.password ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * How each report of `result` is named to a reader, by id: `short` (the outlet, else
 * the title shortened, else the id), `full` (outlet, title and id, for hover and for
 * assistive technology), and the `outlet`, `title` and linkable `url`. The engine knows
 * only ids and titles: outlets and addresses come from the caller's reports `meta`
 * (`[{ id, outlet, url }]`), as the page and the widget hold them.
 */
export function reportNames(result, meta = []) {
  const given = new Map((meta ?? []).map((r) => [r.id, r]));
  const names = new Map();
  for (const { id, title } of result.reports) {
    const outlet = String(given.get(id)?.outlet ?? '').trim();
    const heading = String(title ?? '').trim();
    const named = heading && heading !== id ? heading : '';
    const short = outlet || shortTitle(named) || id;
    const date = dateText(given.get(id)?.date);
    const full = [[outlet, date].filter(Boolean).join(', '), named].filter(Boolean).join(': ') || id;
    names.set(id, { short, full: `${full} (report ${id})`, outlet, date, title: named, url: linkable(given.get(id)?.url) });
  }
  return names;
}

/** Indexes a result for rendering: units by id, their report, their groups (the
 * same-fact tier), their possible counterparts (the looser tier, strongest first) and
 * the reports' names (see `reportNames`; `meta` the caller's reports). */
export function indexResult(result, meta = []) {
  const units = new Map();
  const reportOf = new Map();
  const names = reportNames(result, meta);
  for (const report of result.reports) {
    for (const unit of report.units) {
      units.set(unit.id, unit);
      reportOf.set(unit.id, report.id);
    }
  }
  const groupsOf = new Map();
  for (const group of result.groups) {
    for (const member of group.members) listAdd(groupsOf, member.unit, group.id);
  }
  const possibleOf = new Map();
  for (const { a, b, confidence } of result.possible) {
    listAdd(possibleOf, a, { unit: b, confidence });
    listAdd(possibleOf, b, { unit: a, confidence });
  }
  return { units, reportOf, names, groupsOf, possibleOf };
}

/**
 * The unit's text with the given UTF-16 ranges (absolute offsets in the report) wrapped
 * in `tag` elements of class `className`.
 */
export function highlighted(unit, ranges = [], tag = 'mark', className = 'change') {
  const fragment = document.createDocumentFragment();
  let at = unit.start;
  for (const range of [...ranges].sort((x, y) => x.start - y.start)) {
    const start = Math.max(range.start, at);
    const end = Math.min(range.end, unit.end);
    if (end <= start) continue;
    if (start > at) fragment.append(document.createTextNode(unit.text.slice(at - unit.start, start - unit.start)));
    fragment.append(el(tag, className, unit.text.slice(start - unit.start, end - unit.start)));
    at = end;
  }
  if (at < unit.end) fragment.append(document.createTextNode(unit.text.slice(at - unit.start)));
  return fragment;
}

/** A relation's mark: its symbol (hidden from assistive technology) and its word, which
 * the coverage table's compact cells keep for assistive technology only. */
function relationBadge(relation) {
  const r = RELATION[relation] ?? RELATION.absent;
  const badge = el('span', `relation relation-${relation}`);
  const symbol = el('span', 'relation-symbol', r.symbol);
  symbol.setAttribute('aria-hidden', 'true');
  badge.append(symbol, el('span', 'relation-label', r.label));
  return badge;
}

/** The looser tier's mark: its symbol and `words` ("possibly the same (62 %)"). */
function possibleBadge(words) {
  const badge = el('span', 'possible');
  const symbol = el('span', 'possible-symbol', POSSIBLE_SYMBOL);
  symbol.setAttribute('aria-hidden', 'true'); // the words say it
  badge.append(symbol, ' ', el('span', 'possible-label', words));
  return badge;
}

/** A report's name in words: its short name (the full one when `full`). */
function reportLabel(index, id, { full = false } = {}) {
  const name = index.names.get(id);
  if (!name) return id;
  return full ? name.full : name.short;
}

/** A report's name as an element: the short name shown, the full one on hover and, when
 * they differ, for assistive technology too. */
function reportNameEl(index, id, className = 'report-name') {
  const name = index.names.get(id) ?? { short: id, full: id };
  const node = el('span', className, name.short);
  node.dataset.report = id;
  node.title = name.full;
  if (name.full !== name.short) node.append(el('span', 'visually-hidden', ` (${name.full})`));
  return node;
}

/** A column or row header naming a report: short, its full name its accessible name. */
function reportHeader(index, id, { scope = 'col', className = 'report-head' } = {}) {
  const name = index.names.get(id) ?? { short: id, full: id };
  const th = el('th', className);
  th.append(el('span', 'report-head-name', name.short));
  th.scope = scope;
  th.title = name.full;
  th.setAttribute('aria-label', name.full);
  th.dataset.report = id;
  return th;
}

/** A report's name linked to its address, when it has one (where the report is shown in
 * full). */
function reportLinkEl(index, id, className = 'report-name') {
  const name = index.names.get(id);
  if (!name?.url) return reportNameEl(index, id, className);
  const link = el('a', `${className} report-link`, name.short);
  link.href = name.url;
  link.rel = 'noopener noreferrer';
  link.target = '_blank';
  link.title = `${name.full}, at ${name.url}`;
  link.dataset.report = id;
  if (name.full !== name.short) link.append(el('span', 'visually-hidden', ` (${name.full})`));
  return link;
}

/** How many rows of the coverage table, and of the heat map, are drawn at first and at
 * each "Show more": a set of 200 reports has thousands of facts, and a table of every one
 * would freeze the page for seconds. */
export const MATRIX_PAGE = 25;
export const HEAT_PAGE = 10;

/** From this many reports on, the coverage table's cells show their symbol only (the
 * word stays, for assistive technology), and headers stand upright. */
const COMPACT_FROM = 7;

const PLURAL = new Intl.PluralRules('en');
let numberFormat = null;

/** `n` as English writes it ("1,234"). A whole number under 1,000 needs no grouping and
 * is written as it is: the first number format a page makes loads its data, 15–45 ms in
 * headless Chromium, on the way to the first comparison drawn. */
function number(n) {
  if (Number.isInteger(n) && Math.abs(n) < 1000) return String(n);
  numberFormat ??= new Intl.NumberFormat('en');
  return numberFormat.format(n);
}

/** `n` and the noun of it in the right number: "1 fact", "3 facts". */
export function count(n, one, other = `${one}s`) {
  return `${number(n)} ${PLURAL.select(n) === 'one' ? one : other}`;
}

/** The coverage table's filter as the caller keeps it between drawings. */
const FILTER = { min: 2, tier: 'same', text: '', rows: MATRIX_PAGE, heat: HEAT_PAGE };

/**
 * Each fact of the coverage table with how each report carries it: its best relation
 * when it is a member, "possible" when one of the fact's passages is possibly the same
 * as a passage of that report (the looser tier), else "absent"; `carried` counts the
 * reports of the same fact, `reach()` those of either tier. The cells and the reach are
 * worked out when first asked for: only for the rows drawn, unless the looser tier is
 * counted (a large set has tens of thousands of possible links).
 */
function factRows(result, index, sort) {
  const reports = result.reports.map((r) => r.id);
  const groups = [...result.groups];
  if (sort !== 'reports') {
    const position = (g) => g.members[0]?.unit ?? '';
    groups.sort((a, b) => position(a).localeCompare(position(b), undefined, { numeric: true }));
  }
  const rank = { verbatim: 0, rewrite: 1, paraphrase: 2 };
  return groups.map((group) => {
    let worked = null;
    const work = () => {
      if (worked) return worked;
      const best = new Map();
      for (const member of group.members) {
        const report = index.reportOf.get(member.unit);
        const known = best.get(report);
        if (known === undefined || rank[member.relation] < rank[known]) best.set(report, member.relation);
      }
      const possible = new Set();
      for (const member of group.members) {
        for (const link of index.possibleOf.get(member.unit) ?? []) {
          const report = index.reportOf.get(link.unit);
          if (!best.has(report)) possible.add(report);
        }
      }
      worked = { cells: reports.map((id) => best.get(id) ?? (possible.has(id) ? 'possible' : 'absent')), possible: possible.size };
      return worked;
    };
    let search = null;
    return {
      group,
      cells: () => work().cells,
      carried: group.reports,
      reach: () => group.reports + work().possible,
      // Lower-cased text of every member, made when a search first needs it.
      matches: (text) => {
        search ??= group.members.map((m) => index.units.get(m.unit)?.text ?? '').join('\n').toLocaleLowerCase();
        return search.includes(text);
      },
    };
  });
}

/** A coverage cell: the relation's symbol (≟ for the looser tier, never a same-fact
 * symbol) and its word, which compact tables keep for assistive technology only. Three
 * nodes a cell: a table of 30 facts by 200 reports has 6,000 of them. */
function coverageCell(kind) {
  const cell = el('td', `cell cell-${kind}`);
  const symbol = el('span', 'cell-symbol', kind === 'possible' ? POSSIBLE_SYMBOL : RELATION[kind].symbol);
  symbol.setAttribute('aria-hidden', 'true');
  cell.append(symbol, el('span', 'relation-label', kind === 'possible' ? 'possibly the same' : RELATION[kind].label));
  return cell;
}

/** Overview: coverage matrix, what only one report says, and pairwise similarity.
 * `filter` (`{ min, tier, text, rows, heat }`) is the coverage table's filter and how
 * many rows are drawn; the view changes it in place as the reader filters or asks for
 * more, and tells `onFilter(filter)`, so that the caller can keep it for the next
 * drawing. */
export function renderOverview(result, { sort = 'reports', open = null, meta = [], filter = {}, onFilter = () => {} } = {}) {
  const index = indexResult(result, meta);
  const root = el('div', 'overview');
  const reports = result.reports.map((r) => r.id);
  const state = { ...FILTER, ...filter };
  const changed = () => onFilter({ ...state });

  const intro = el('p', 'lede');
  const shared = result.groups.filter((g) => g.reports >= 2).length;
  const unique = result.reports.reduce((n, r) => n + r.unique.length, 0);
  intro.textContent = `${count(result.reports.length, 'report')} share ${count(shared, 'fact')}; `
    + `${count(result.possible.length, 'more pair')} of passages ${result.possible.length === 1 ? 'is' : 'are'} possibly the same fact (${POSSIBLE_SYMBOL}); `
    + `${count(unique, 'passage')} ${unique === 1 ? 'appears' : 'appear'} in only one report. `
    + `Each cell says how a report carries a fact: ≡ verbatim, ≈ rewrite, ∼ paraphrase, ${POSSIBLE_SYMBOL} possibly the same, · absent.`;
  root.append(intro);

  // Coverage matrix.
  const section = labelledSection('matrix', 'Shared facts');
  const rows = factRows(result, index, sort);
  const filters = el('div', 'matrix-filters');
  filters.setAttribute('role', 'group');
  filters.setAttribute('aria-label', 'Which facts to show');
  const field = (labelText, control) => {
    const label = el('label', 'matrix-filter');
    label.append(el('span', null, labelText), control);
    return label;
  };
  const min = el('input', 'filter-min');
  min.type = 'number';
  min.min = '1';
  min.max = String(Math.max(1, reports.length));
  min.value = String(state.min);
  min.dataset.filter = 'min';
  const tier = el('select', 'filter-tier');
  tier.dataset.filter = 'tier';
  for (const [value, text] of [['same', 'the same fact only'], ['possible', 'also possibly the same (≟)']]) {
    const option = el('option', null, text);
    option.value = value;
    option.selected = state.tier === value;
    tier.append(option);
  }
  const search = el('input', 'filter-text');
  search.type = 'search';
  search.value = state.text;
  search.dataset.filter = 'text';
  filters.append(field('Carried by at least (reports)', min), field('Counting', tier), field('Facts with the words', search));
  const shown = el('p', 'matrix-count');
  shown.setAttribute('aria-live', 'polite');
  section.append(filters, shown);

  const scroller = el('div', 'table-scroll matrix-scroll');
  scroller.tabIndex = 0; // scrollable by keyboard
  scroller.setAttribute('role', 'group'); // not a landmark: a page may hold several widgets
  scroller.setAttribute('aria-label', 'Shared facts, scrollable');
  const table = el('table', `matrix${reports.length >= COMPACT_FROM ? ' matrix-compact' : ''}`);
  if (reports.length >= COMPACT_FROM) {
    // A fixed layout, whose widths are read from the header alone: an automatic one
    // measures every cell, which at 100 reports is most of the time the view takes.
    // (Through the CSSOM, which a strict style-src allows.)
    table.style.width = `calc(min(16em, 55vw) + 4.5em + ${reports.length * 2.4}em)`;
    const columns = el('colgroup');
    columns.append(el('col', 'col-fact'), el('col', 'col-count'), ...reports.map(() => el('col', 'col-report')));
    table.append(columns);
  }
  const caption = el('caption', null, 'Which report carries which fact, and how');
  table.append(caption);
  const thead = el('thead');
  const headRow = el('tr');
  const factHead = el('th', 'fact-head', 'Fact');
  factHead.scope = 'col';
  const countHead = el('th', 'count-head');
  countHead.scope = 'col';
  const sortButton = el('button', 'sort-button', sort === 'reports' ? 'Reports ▼' : 'Reports (text order)');
  sortButton.type = 'button';
  sortButton.dataset.action = 'sort';
  sortButton.setAttribute('aria-label', sort === 'reports'
    ? 'Sorted by how many reports carry each fact; sort in text order instead'
    : 'In text order; sort by how many reports carry each fact');
  countHead.append(sortButton);
  countHead.setAttribute('aria-sort', sort === 'reports' ? 'descending' : 'none');
  headRow.append(factHead, countHead);
  for (const id of reports) headRow.append(reportHeader(index, id));
  thead.append(headRow);
  table.append(thead);
  const tbody = el('tbody');
  table.append(tbody);
  scroller.append(table);
  const more = el('button', 'show-more');
  more.type = 'button';
  const empty = el('p', 'empty');

  const fill = () => {
    const text = state.text.trim().toLocaleLowerCase();
    const wanted = rows.filter((row) => (state.tier === 'possible' ? row.reach() : row.carried) >= state.min
      && (!text || row.matches(text)));
    const drawn = [];
    for (const row of wanted.slice(0, state.rows)) {
      const { group } = row;
      const tr = el('tr', 'fact-row');
      tr.dataset.group = group.id;
      const first = index.units.get(group.members[0].unit);
      const factCell = el('th', 'fact');
      factCell.scope = 'row';
      const toggle = el('button', 'fact-toggle');
      toggle.type = 'button';
      toggle.dataset.action = 'open-group';
      toggle.dataset.group = group.id;
      toggle.setAttribute('aria-expanded', String(open === group.id));
      toggle.append(textEl('span', 'fact-text', first?.text ?? group.id));
      factCell.append(toggle);
      const carried = state.tier === 'possible' && row.reach() > row.carried ? `${row.carried} + ${row.reach() - row.carried} ${POSSIBLE_SYMBOL}` : row.carried;
      tr.append(factCell, el('td', 'count', carried));
      for (const kind of row.cells()) tr.append(coverageCell(state.tier === 'possible' || kind !== 'possible' ? kind : 'absent'));
      drawn.push(tr);
      if (open === group.id) drawn.push(renderGroupDetail(group, index, reports.length + 2));
    }
    tbody.replaceChildren(...drawn);
    const n = Math.min(state.rows, wanted.length);
    shown.textContent = wanted.length === rows.length && n === rows.length
      ? `${count(rows.length, 'fact')}.`
      : `Showing ${number(n)} of ${count(wanted.length, 'fact')} that fit (${count(rows.length, 'fact')} in all).`;
    const left = wanted.length - n;
    more.hidden = left <= 0;
    more.textContent = `Show ${count(Math.min(MATRIX_PAGE, left), 'more fact')}`;
    empty.hidden = wanted.length > 0;
    empty.textContent = result.groups.length === 0 ? 'No fact is shared by two reports.' : 'No fact fits these filters.';
  };
  fill();
  const refill = (event) => {
    const control = event.target.closest('[data-filter]');
    if (!control) return;
    const key = control.dataset.filter;
    state[key] = key === 'min' ? Math.max(1, Number(control.value) || 1) : control.value;
    state.rows = MATRIX_PAGE;
    fill();
    changed();
  };
  filters.addEventListener('input', (event) => { if (event.target !== tier) refill(event); });
  filters.addEventListener('change', (event) => { if (event.target === tier) refill(event); });
  more.addEventListener('click', () => {
    const firstNew = state.rows;
    state.rows += MATRIX_PAGE;
    fill();
    changed();
    // The keyboard goes on to the first fact drawn.
    (tbody.querySelectorAll('tr.fact-row')[firstNew]?.querySelector('.fact-toggle') ?? more).focus();
  });
  section.append(scroller, more, empty);
  root.append(section);

  root.append(renderPossible(result, index));

  // What only one report says: passages with no link of either tier.
  const uniqueSection = labelledSection('unique', 'Only in one report');
  uniqueSection.append(el('p', 'hint', 'Each passage with the closest passage of another report and its score.'));
  for (const report of result.reports) {
    const details = el('details', 'unique-report');
    details.dataset.report = report.id;
    const summary = el('summary');
    summary.append(reportNameEl(index, report.id), ` — ${count(report.unique.length, 'passage')}`);
    details.append(summary);
    const list = el('ul', 'unique-list');
    for (const { unit: id, nearest } of report.unique) {
      const item = el('li', 'unique-unit');
      item.dataset.unit = id;
      item.append(textEl('p', 'unique-text', index.units.get(id).text), nearestNote(nearest, index));
      list.append(item);
    }
    details.append(list);
    uniqueSection.append(details);
  }
  root.append(uniqueSection);

  root.append(renderSimilarity(result, index, state, changed));
  return root;
}

/** Why a passage is only in its report: how close the nearest candidate came, and its
 * text, so that a reader can judge a miss. */
function nearestNote(nearest, index) {
  const note = el('p', 'nearest');
  if (!nearest) {
    note.textContent = 'No passage of another report shares its words';
    return note;
  }
  note.append(el('span', 'nearest-score', `No close match found (nearest: ${reportLabel(index, nearest.report, { full: true })}, ${percent(nearest.score)})`));
  const candidate = index.units.get(nearest.unit);
  if (candidate) note.append(': ', textEl('q', 'nearest-text', candidate.text));
  return note;
}

/** The looser tier: pairs of passages possibly stating the same fact, strongest first;
 * the first few shown, the others on request (a large set has thousands). */
function renderPossible(result, index) {
  const section = labelledSection('possible', 'Possibly shared');
  const links = result.possible;
  if (links.length === 0) {
    section.append(el('p', 'empty', 'No pair of passages is possibly the same fact without being the same fact.'));
    return section;
  }
  section.append(el('p', 'hint', `${POSSIBLE_SYMBOL} ${count(links.length, 'pair')} of passages of different reports possibly state `
    + 'the same fact, though not closely enough to call them the same fact; the strongest first.'));
  const list = (from, to) => {
    const ol = el('ol', 'possible-list');
    ol.start = from + 1;
    for (const link of links.slice(from, to)) ol.append(possibleItem(link, index));
    return ol;
  };
  section.append(list(0, POSSIBLE_SHOWN));
  if (links.length > POSSIBLE_SHOWN) {
    const more = el('details', 'possible-more');
    more.append(el('summary', null, `The other ${count(links.length - POSSIBLE_SHOWN, 'possibly shared pair')}, weaker`));
    // Drawn when first opened.
    more.addEventListener('toggle', () => {
      if (more.open && more.childElementCount === 1) more.append(list(POSSIBLE_SHOWN, links.length));
    });
    section.append(more);
  }
  return section;
}

function possibleItem({ a, b, confidence }, index) {
  const item = el('li', 'possible-link');
  item.dataset.a = a;
  item.dataset.b = b;
  item.append(possibleBadge(`possibly the same (${percent(confidence)})`));
  for (const id of [a, b]) {
    const passage = el('div', 'possible-passage');
    passage.dataset.unit = id;
    passage.append(reportNameEl(index, index.reportOf.get(id), 'possible-report'), textEl('p', 'possible-text', index.units.get(id).text));
    item.append(passage);
  }
  return item;
}

function renderGroupDetail(group, index, span) {
  const row = el('tr', 'fact-detail');
  const cell = el('td');
  cell.colSpan = span;
  const list = el('ul', 'member-list');
  for (const member of group.members) {
    const unit = index.units.get(member.unit);
    const item = el('li', 'member');
    item.dataset.unit = member.unit;
    const head = el('div', 'member-head');
    head.append(reportNameEl(index, index.reportOf.get(member.unit), 'member-report'), relationBadge(member.relation));
    head.append(el('span', 'confidence', `confidence ${percent(member.confidence)}`));
    item.append(head);
    const text = textEl('p', 'member-text');
    text.append(highlighted(unit, member.changes, 'mark', 'change'));
    item.append(text);
    list.append(item);
  }
  cell.append(el('p', 'hint', 'Highlighted words differ from the first report’s wording.'), list);
  row.append(cell);
  return row;
}

/** How much each pair of reports shares, as a heat map whose cells open that pair side
 * by side (a button with `data-action="open-pair"`, `data-a` and `data-b`, for the
 * caller); `HEAT_PAGE` rows at first, more on request (`state.heat`). */
function renderSimilarity(result, index, state, changed) {
  const section = labelledSection('similarity', 'How much reports share');
  const ids = result.reports.map((r) => r.id);
  const value = new Map();
  for (const pair of result.pairs) {
    value.set(`${pair.a}|${pair.b}`, pair.similarity);
    value.set(`${pair.b}|${pair.a}`, pair.similarity);
  }
  section.append(el('p', 'hint', 'Each cell opens its two reports side by side.'));
  const scroller = el('div', 'table-scroll matrix-scroll');
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'group'); // not a landmark: a page may hold several widgets
  scroller.setAttribute('aria-label', 'How much reports share, scrollable');
  const table = el('table', `heatmap${ids.length >= COMPACT_FROM ? ' matrix-compact' : ''}`);
  table.append(el('caption', null, 'Share of both reports’ passages that the other carries, in percent'));
  const head = el('tr');
  const corner = el('td', 'heat-corner');
  head.append(corner);
  for (const id of ids) head.append(reportHeader(index, id));
  const thead = el('thead');
  thead.append(head);
  table.append(thead);
  const tbody = el('tbody');
  const more = el('button', 'show-more');
  more.type = 'button';
  const fill = () => {
    const rows = [];
    for (const a of ids.slice(0, state.heat)) {
      const row = el('tr');
      row.append(reportHeader(index, a, { scope: 'row' }));
      for (const b of ids) {
        if (a === b) {
          row.append(el('td', 'heat heat-self', '—'));
          continue;
        }
        const share = value.get(`${a}|${b}`) ?? 0;
        const cell = el('td', `heat heat-${Math.min(4, Math.floor(share * 10))}`);
        const open = el('button', 'heat-open', Math.round(share * 100));
        open.type = 'button';
        open.dataset.action = 'open-pair';
        open.dataset.a = a;
        open.dataset.b = b;
        open.setAttribute('aria-label', `${Math.round(share * 100)} % shared by ${index.names.get(a).short} and ${index.names.get(b).short}: open side by side`);
        cell.append(open);
        row.append(cell);
      }
      rows.push(row);
    }
    tbody.replaceChildren(...rows);
    const left = ids.length - Math.min(state.heat, ids.length);
    more.hidden = left <= 0;
    more.textContent = `Show ${count(Math.min(HEAT_PAGE, left), 'more report')} as rows`;
  };
  fill();
  more.addEventListener('click', () => {
    const firstNew = state.heat;
    state.heat += HEAT_PAGE;
    fill();
    changed();
    (tbody.rows[firstNew]?.querySelector('.heat-open') ?? more).focus();
  });
  table.append(tbody);
  scroller.append(table);
  section.append(scroller, more);
  return section;
}

/** Side by side: two reports' passages facing each other. */
export function renderSideBySide(result, layout, { meta = [] } = {}) {
  const index = indexResult(result, meta);
  const root = el('div', 'side-by-side');
  if (!layout) {
    root.append(el('p', 'empty', 'Choose two different reports.'));
    return root;
  }
  const table = el('table', 'pair');
  const caption = el('caption');
  caption.append(reportNameEl(index, layout.a), ' and ', reportNameEl(index, layout.b));
  table.append(caption);
  const head = el('tr');
  for (const id of [layout.a, layout.b]) {
    const th = el('th', 'side-head');
    th.scope = 'col';
    th.dataset.report = id;
    th.append(reportLinkEl(index, id));
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  table.append(thead);
  const tbody = el('tbody');
  const numbers = passageNumbers(result, [layout.a, layout.b]);
  let differences = 0;
  for (const row of layout.rows) {
    const tr = el('tr', `row row-${row.kind}`);
    tr.dataset.kind = row.kind;
    if (row.tier) tr.dataset.tier = row.tier;
    // A pair of the looser tier is for the reader to judge: a difference to walk to.
    const different = row.kind !== 'aligned' || row.tier === 'possible' || row.changesA?.length || row.changesB?.length;
    if (different) {
      tr.dataset.difference = String(differences++);
      tr.tabIndex = -1;
    }
    tr.append(sideCell(index, row.a, row.changesA, 'del', row, 'a', numbers, layout.a), sideCell(index, row.b, row.changesB, 'ins', row, 'b', numbers, layout.b));
    tbody.append(tr);
  }
  table.append(tbody);
  if (layout.rows.some((row) => row.tier === 'possible')) {
    root.append(el('p', 'hint', `${POSSIBLE_SYMBOL} possibly the same: a pair of passages that may state one fact, `
      + 'though not closely enough to call it the same fact.'));
  }
  root.append(table);
  root.dataset.differences = String(differences);
  return root;
}

/** Each compared passage's number in its report, from 1 (what "moved: passage 6 in the
 * other report" counts): boilerplate is not compared, and not counted. */
function passageNumbers(result, ids) {
  const numbers = new Map();
  for (const report of result.reports) {
    if (!ids.includes(report.id)) continue;
    report.units.filter((u) => u.kind !== 'boilerplate').forEach((u, i) => numbers.set(u.id, i + 1));
  }
  return numbers;
}

function sideCell(index, unitId, changes, tag, row, side, numbers, reportId) {
  const td = el('td', 'side');
  if (!unitId) {
    td.classList.add('side-empty');
    return td;
  }
  const unit = index.units.get(unitId);
  // Which report and which passage: the header says the report above a column, but
  // not in the stacked layout of a phone, where this does.
  const where = el('span', 'side-where');
  where.append(el('span', 'side-report', `${index.names.get(reportId)?.short ?? reportId} · `));
  const number = el('span', 'passage-number');
  number.append(el('span', 'visually-hidden', 'passage '), `${numbers.get(unitId) ?? ''}`);
  where.append(number);
  td.append(where);
  const label = {
    aligned: null,
    moved: side === 'a' ? `moved: passage ${(row.positionB ?? 0) + 1} in the other report` : `moved: passage ${(row.positionA ?? 0) + 1} in the other report`,
    onlyA: 'only in this report',
    onlyB: 'only in this report',
  }[row.kind];
  if (label) td.append(el('span', `tag tag-${row.kind}`, label));
  if (row.tier === 'possible') td.append(possibleBadge('possibly the same'));
  if (row.relation && row.kind === 'aligned') td.append(relationBadge(row.relation));
  const text = textEl('p', 'side-text');
  text.append(highlighted(unit, changes ?? [], tag, 'change'));
  td.append(text);
  td.dataset.unit = unitId;
  return td;
}

/** Quotes: one card per utterance, each outlet's wording as printed; with `diffs`, each
 * quoted wording as its edits against the reference instead. The switch is in the view,
 * which tells `onDiffs(diffs)` so that the caller can keep it for the next drawing. */
export function renderQuotes(result, { meta = [], diffs = false, onDiffs = () => {} } = {}) {
  const index = indexResult(result, meta);
  const root = el('div', 'quotes');
  if (result.quotes.length === 0) root.append(el('p', 'empty', 'No direct quotation found.'));
  else {
    const toggle = el('label', 'quotes-toggle');
    const box = el('input', 'quotes-diffs');
    box.type = 'checkbox';
    box.checked = diffs;
    toggle.append(box, ' Mark how each wording differs from the reference (struck out: left out; underlined: added)');
    box.addEventListener('change', () => {
      // Only a wording that has edits to show trades places with them.
      for (const node of root.querySelectorAll('.rendering-diff')) {
        node.hidden = !box.checked;
        node.previousElementSibling.hidden = box.checked;
      }
      onDiffs(box.checked);
    });
    root.append(toggle);
  }
  for (const cluster of result.quotes) {
    const card = el('article', 'quote-card');
    card.dataset.quote = cluster.id;
    const head = el('header', 'quote-head');
    head.append(el('h2', 'quote-speaker', cluster.speaker ?? 'Speaker unknown'));
    head.append(el('span', 'quote-count', count(cluster.reports, 'report')));
    card.append(head);
    const reference = textEl('blockquote', 'quote-reference', cluster.reference);
    card.append(reference);
    const list = el('ul', 'renderings');
    for (const instance of cluster.instances) {
      const item = el('li', 'rendering');
      item.dataset.report = instance.report;
      const line = el('div', 'rendering-meta');
      line.append(reportNameEl(index, instance.report, 'rendering-report'));
      const flags = [];
      if (!instance.quoted) {
        const how = instance.wording === 'close' ? 'close wording' : 'paraphrase';
        flags.push(['unquoted', `reported speech, ${how}`]);
      }
      if (instance.reattributed) flags.push(['reattributed', `attributed to ${instance.speaker}`]);
      if (instance.inHeading) flags.push(['heading', 'in the headline']);
      if (instance.unclosed) flags.push(['unclosed', 'quotation never closed']);
      if (instance.quoted && instance.variant !== 'same') flags.push([instance.variant, instance.variant]);
      if (instance.membership < 0.75) {
        flags.push(['uncertain', `may be another statement (${Math.round(instance.membership * 100)} %)`]);
      }
      for (const [kind, text] of flags) line.append(el('span', `flag flag-${kind}`, text));
      if (instance.speaker && !instance.reattributed && instance.speaker !== cluster.speaker) {
        line.append(el('span', 'flag flag-speaker', `speaker: ${instance.speaker}`));
      }
      item.append(line);
      // As printed: the outlet's own words, in its quotation marks' place when quoted.
      const printed = textEl('p', 'rendering-text rendering-printed');
      printed.append(instance.quoted ? textEl('q', null, instance.text) : document.createTextNode(instance.text));
      item.append(printed);
      // Reported speech is read as written: its words are not a quote's edits.
      const diff = instance.quoted ? instance.diff : [];
      if (diff.length) {
        const words = textEl('p', 'rendering-text rendering-diff');
        for (const op of diff) {
          if (op.op === 'equal') words.append(document.createTextNode(`${op.text} `));
          else {
            const mark = el(op.op === 'delete' ? 'del' : 'ins', `word-${op.op}`, op.text);
            mark.title = op.op === 'delete' ? 'in the reference, left out here' : 'added here';
            words.append(mark, document.createTextNode(' '));
          }
        }
        item.append(words);
        printed.hidden = diffs;
        words.hidden = !diffs;
      }
      list.append(item);
    }
    card.append(list);
    root.append(card);
  }
  return root;
}

/** The reason the engine gives a line the reader set aside (`SET_ASIDE_BY_READER`). */
const SET_ASIDE_BY_READER = 'set aside by you';

/** Reports: each report's text with units marked by how many reports share them: "in N
 * reports" (the same fact), "possibly in N reports" (links of the looser tier only),
 * "only here" or "set aside". Each unit lists its counterparts of both tiers for
 * `outlineCounterparts` (views.js). `editable` (the page, which owns the set) adds a
 * "Set aside" button to every line that is compared. */
export function renderReports(result, { meta = [], editable = false } = {}) {
  const index = indexResult(result, meta);
  const root = el('div', 'columns');
  const reach = new Map();
  for (const group of result.groups) {
    for (const member of group.members) reach.set(member.unit, Math.max(reach.get(member.unit) ?? 0, group.reports));
  }
  for (const report of result.reports) {
    const column = el('article', 'report-column');
    column.dataset.report = report.id;
    const header = el('header', 'report-header');
    header.append(textEl('h2', 'report-title', report.title));
    const name = index.names.get(report.id);
    const source = el('p', 'report-source');
    if (name.outlet) source.append(textEl('span', 'report-outlet', name.outlet), ' · ');
    if (name.date) source.append(el('span', 'report-date', name.date), ' · ');
    if (name.url) {
      const link = el('a', 'report-link', 'the original');
      link.href = name.url;
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      link.title = name.url;
      link.setAttribute('aria-label', `The original of ${name.full}`);
      source.append(link, ' · ');
    }
    source.append(`report ${report.id}`);
    header.append(source);
    const kinds = (kind) => report.units.filter((u) => u.kind === kind).length;
    header.append(el('p', 'report-meta', `${count(report.units.length, 'unit')} · ${count(kinds('heading'), 'heading')} · ${count(kinds('sentence'), 'sentence')} · ${kinds('boilerplate')} set aside`));
    column.append(header);
    const list = el('ol', 'units');
    for (const unit of report.units) {
      const shared = reach.get(unit.id) ?? 0;
      const possible = index.possibleOf.get(unit.id) ?? [];
      const status = unit.kind === 'boilerplate' ? 'boilerplate' : shared >= 2 ? 'shared' : possible.length ? 'possible' : 'unique';
      const item = el('li', `unit unit-${unit.kind} status-${status}`);
      item.dataset.unit = unit.id;
      item.dataset.groups = (index.groupsOf.get(unit.id) ?? []).join(' ');
      item.dataset.possible = possible.map((p) => p.unit).join(' ');
      if (status !== 'boilerplate') item.tabIndex = 0;
      const label = el('span', 'unit-status');
      if (status === 'possible') {
        const reports = new Set([report.id, ...possible.map((p) => index.reportOf.get(p.unit))]);
        label.append(possibleBadge(`possibly in ${count(reports.size, 'report')}`));
      } else {
        label.textContent = { shared: `in ${count(shared, 'report')}`, unique: 'only here', boilerplate: `set aside: ${unit.reason}` }[status];
      }
      item.append(label, textEl('span', 'unit-text', unit.text));
      if (editable && status !== 'boilerplate') {
        const button = el('button', 'set-aside-line', 'Set aside');
        button.type = 'button';
        button.dataset.action = 'set-aside';
        button.dataset.unit = unit.id;
        button.setAttribute('aria-label', `Set aside “${unit.text.slice(0, 60)}”: not news, never compared`);
        item.append(button);
      }
      list.append(item);
    }
    column.append(list);
    root.append(column);
  }
  return root;
}

/** Set aside: every boilerplate unit with its reason and a button to put it back. */
export function renderSetAside(result, { meta = [] } = {}) {
  const index = indexResult(result, meta);
  const root = el('div', 'set-aside');
  for (const report of result.reports) {
    const units = report.units.filter((u) => u.kind === 'boilerplate');
    const section = el('section', 'aside-report');
    section.dataset.report = report.id;
    const heading = el('h2');
    heading.append(reportNameEl(index, report.id));
    section.append(heading);
    if (units.length === 0) section.append(el('p', 'empty', 'Nothing set aside.'));
    const list = el('ul', 'aside-list');
    for (const unit of units) {
      const item = el('li', 'aside-unit');
      item.dataset.unit = unit.id;
      item.append(el('span', 'aside-reason', unit.reason), textEl('span', 'aside-text', unit.text));
      const button = el('button', 'put-back', 'Put back');
      button.type = 'button';
      // A line the reader set aside goes back by taking their choice away; one the
      // engine set aside, by keeping it.
      button.dataset.action = unit.reason === SET_ASIDE_BY_READER ? 'unset-aside' : 'keep';
      button.dataset.unit = unit.id;
      button.setAttribute('aria-label', `Put back “${unit.text.slice(0, 60)}” as news`);
      item.append(button);
      list.append(item);
    }
    section.append(list);
    root.append(section);
  }
  return root;
}

/** What the engine's work budget cut on this input (`result.notices`), as a note drawn
 * above every view; nothing when it cut nothing. */
export function renderNotices(result) {
  const notices = result.notices ?? [];
  if (notices.length === 0) return null;
  const root = el('aside', 'budget-notices');
  root.setAttribute('role', 'note');
  root.setAttribute('aria-label', 'Work left out');
  root.append(el('p', 'budget-lede', 'This set is beyond what the engine compares in full; the result leaves out:'));
  const list = el('ul');
  for (const notice of notices) {
    const item = el('li', 'budget-notice', `${notice.message}.`);
    item.dataset.kind = notice.kind;
    list.append(item);
  }
  root.append(list);
  return root;
}

const DISCREPANCY = {
  conflict: 'Conflict: the reports give different values',
  precision: 'Precision: one report is vaguer or narrower',
  onlyInSome: 'Only in some: other reports of this fact leave it out',
};

/** Discrepancies: one card per finding, each report's wording side by side. */
export function renderDiscrepancies(result, { meta = [] } = {}) {
  const index = indexResult(result, meta);
  const root = el('div', 'discrepancies');
  if (result.discrepancies.length === 0) root.append(el('p', 'empty', 'No disagreement was found on numbers, dates, who led or mediated, titles, places, organisations or who said what.'));
  for (const finding of result.discrepancies) {
    const card = el('article', `discrepancy-card discrepancy-${finding.kind}`);
    card.dataset.discrepancy = finding.id;
    const head = el('header', 'quote-head');
    head.append(el('h2', 'discrepancy-slot', finding.slot));
    head.append(el('span', 'quote-count', `confidence ${percent(finding.confidence)}`));
    card.append(head, el('p', `discrepancy-kind kind-${finding.kind}`, DISCREPANCY[finding.kind] ?? finding.kind));
    card.append(renderTally(index, finding.tally ?? []));
    const list = el('ul', 'renderings');
    for (const value of finding.values) {
      const item = el('li', 'rendering');
      item.dataset.report = value.report;
      const line = el('div', 'rendering-meta');
      line.append(reportNameEl(index, value.report, 'rendering-report'), el('span', 'flag discrepancy-value', value.value));
      const unit = index.units.get(value.unit);
      const text = textEl('p', 'rendering-text');
      if (unit) text.append(highlighted(unit, [{ start: value.start, end: value.end }], 'mark', 'change'));
      else text.textContent = value.text;
      item.append(line, text);
      list.append(item);
    }
    card.append(list);
    root.append(card);
  }
  return root;
}

/** Who says what, most reports first: "2 reports say more than 9 hours (Dawn, DID
 * Press) · 1 says nearly 9 hours (Khaama Press)", each report by its short name. */
function renderTally(index, tally) {
  const list = el('ul', 'discrepancy-tally');
  list.setAttribute('aria-label', 'Who says what');
  tally.forEach((entry, i) => {
    const item = el('li', 'tally-entry');
    const n = entry.reports.length;
    const says = PLURAL.select(n) === 'one' ? 'says' : 'say';
    item.append(el('span', 'tally-count', i === 0 ? `${count(n, 'report')} ${says}` : `${number(n)} ${says}`), ' ');
    item.append(el('strong', 'tally-value', entry.value), ' (');
    entry.reports.forEach((id, k) => {
      if (k > 0) item.append(', ');
      item.append(reportNameEl(index, id, 'tally-report'));
    });
    item.append(')');
    list.append(item);
  });
  return list;
}

/** CSV of the comparison: groups (the same fact), possible links (numbered p1, p2, … in
 * the result's order, strongest first), unique passages with their nearest candidate,
 * quotes and discrepancies (`relation_or_speaker` then holds the finding's kind, slot and
 * this report's value); one row per unit, each naming its report's outlet and title
 * (from `meta`, the caller's reports, as the views do) in the last two columns. */
export function comparisonCsv(result, meta = []) {
  const { units, reportOf, names } = indexResult(result, meta);
  const rows = [['table', 'id', 'report', 'unit', 'relation_or_speaker', 'confidence', 'text', 'nearest_unit', 'nearest_score', 'outlet', 'title']];
  for (const group of result.groups) {
    for (const m of group.members) rows.push(['group', group.id, reportOf.get(m.unit), m.unit, m.relation, m.confidence, units.get(m.unit).text]);
  }
  result.possible.forEach((link, i) => {
    for (const id of [link.a, link.b]) rows.push(['possible', `p${i + 1}`, reportOf.get(id), id, 'possibly the same', link.confidence, units.get(id).text]);
  });
  for (const report of result.reports) {
    for (const { unit, nearest } of report.unique) {
      rows.push(['unique', '', report.id, unit, '', '', units.get(unit).text, nearest?.unit, nearest?.score]);
    }
  }
  for (const q of result.quotes) {
    for (const i of q.instances) rows.push(['quote', q.id, i.report, i.unit, i.speaker ?? '', i.confidence, i.text]);
  }
  for (const d of result.discrepancies) {
    for (const v of d.values) rows.push(['discrepancy', d.id, v.report, v.unit, `${d.kind}: ${d.slot} = ${v.value}`, d.confidence, v.text]);
  }
  // The report's outlet and title, in the last two columns of every row.
  for (const row of rows.slice(1)) {
    const name = names.get(row[2]);
    row[9] = name?.outlet ?? '';
    row[10] = name?.title ?? '';
  }
  const field = (v) => {
    const s = String(v ?? '');
    // A cell a spreadsheet could read as a formula is neutralised with a leading
    // apostrophe: one starting with = + - @ (or their full-width forms, which some
    // spreadsheets read alike), also after spaces or control characters, which
    // spreadsheets skip, and one starting with a tab or carriage return (OWASP, "CSV
    // Injection").
    const safe = /^[\s\0-\x1f\x7f]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  // Every row as wide as the header (the nearest_* columns are the unique rows' only).
  const width = rows[0].length;
  return `${rows.map((r) => Array.from({ length: width }, (_, k) => field(r[k])).join(',')).join('\r\n')}\r\n`;
}

/**
 * The comparison as one self-contained HTML file for an editor: the Overview (every fact,
 * every heat-map row), Quotes (as printed), Discrepancies and Reports, drawn by the views'
 * own functions, with `css` (the page's stylesheet) inline and no script: the controls
 * that need one are taken out, and a Content Security Policy forbids any. Report text
 * reaches the file only as text nodes, which serialising escapes, never as markup.
 */
export function comparisonHtml(result, { meta = [], css = '', title = 'Comparison of news reports', when = new Date() } = {}) {
  const doc = document.implementation.createHTMLDocument(title);
  const head = (tag, attributes) => {
    const node = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    doc.head.append(node);
  };
  head('meta', { charset: 'utf-8' });
  doc.head.prepend(doc.head.lastChild);
  head('meta', { 'http-equiv': 'Content-Security-Policy', content: "default-src 'none'; style-src 'unsafe-inline'; img-src data:" });
  head('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' });
  const style = doc.createElement('style');
  style.textContent = `${css}\n.export-view { margin: 1.5em 0; } .export-view > h2 { border-bottom: 2px solid var(--line); }\n`
    + '.matrix-scroll { max-height: none; } /* every row in view, and in print */\n'
    + '.report-column .units { max-height: none; overflow: visible; } /* a report reads in full, with nothing to scroll */';
  doc.head.append(style);
  doc.documentElement.lang = 'en';

  const names = reportNames(result, meta);
  const main = el('main', 'view');
  const heading = el('h1', null, title);
  const about = el('p', 'hint', `${count(result.reports.length, 'report')} compared by Parallax; exported ${when.toISOString().slice(0, 16).replace('T', ' ')} UTC.`);
  const list = el('ul', 'export-reports');
  for (const { id } of result.reports) {
    const name = names.get(id);
    const item = textEl('li', null, name.full);
    if (name.url) {
      const link = el('a', null, name.url);
      link.href = name.url;
      item.append(' · ', link);
    }
    list.append(item);
  }
  main.append(heading, about, list);
  const views = [
    ['Overview', renderOverview(result, { meta, filter: { rows: Infinity, heat: Infinity } })],
    ['Quotes', renderQuotes(result, { meta })],
    ['Discrepancies', renderDiscrepancies(result, { meta })],
    ['Reports', renderReports(result, { meta })],
  ];
  for (const [name, content] of views) {
    const section = el('section', 'export-view');
    section.append(el('h2', null, name), content);
    main.append(section);
  }
  // What needs a script goes; what it would have opened is shown open.
  for (const node of main.querySelectorAll('.matrix-filters, .show-more, .quotes-toggle, .rendering-diff, .possible-more')) node.remove();
  for (const node of main.querySelectorAll('details')) node.open = true;
  for (const node of main.querySelectorAll('[hidden]')) node.remove(); // an empty-filter message, a cap's button
  for (const button of main.querySelectorAll('button')) {
    const span = el('span', button.className);
    span.append(...button.childNodes);
    button.replaceWith(span);
  }
  for (const node of main.querySelectorAll('[tabindex], [data-action], [aria-expanded]')) {
    // A scrolling table keeps its tab stop: the keyboard scrolls it without a script.
    if (!node.classList.contains('table-scroll')) node.removeAttribute('tabindex');
    node.removeAttribute('data-action');
    node.removeAttribute('aria-expanded');
  }
  doc.body.append(doc.adoptNode(main));
  return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
}
