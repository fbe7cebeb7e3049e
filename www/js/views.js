// The views of a comparison, shared by the page (js/app.js) and the widget
// (parallax-compare.js): which views there are and what draws each, the tab strip that
// switches between them, the choice of the two reports laid side by side, and the
// Reports view's outlining of a passage's counterparts. Drawing itself is render.js's;
// state stays with the caller (the page's URL, the widget's attributes), which these
// helpers only read from arguments and report back through callbacks.
//
// The tab strip follows the WAI-ARIA Authoring Practices' tabs pattern with automatic
// activation (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): drawing a view is cheap,
// so moving to a tab shows it at once.

import {
  el, renderDiscrepancies, reportNames, renderNotices, renderOverview, renderQuotes, renderReports, renderSetAside, renderSideBySide,
} from './render.js';

/** Every view, in tab order: its tab's label, and how it is drawn from a result and the
 * caller's view state `{ sort, group, pair: [a, b], meta, filter, onFilter, quoteDiffs,
 * onQuoteDiffs }`, `meta`
 * being the caller's reports (`[{ id, outlet, url }]`: what names a report besides the
 * engine's title), `filter` the coverage table's, which the Overview reports back through
 * `onFilter` (see `renderOverview`), and whether quotes show their differences, which
 * the Quotes view reports back through `onQuoteDiffs` (see `renderQuotes`). */
export const VIEWS = {
  overview: {
    label: 'Overview',
    draw: (result, { sort, group, meta, filter, onFilter }) => renderOverview(result, { sort, open: group, meta, filter, onFilter }),
  },
  side: {
    label: 'Side by side',
    draw: (result, { pair: [a, b] = [], meta }) => renderSideBySide(result, result.sideBySide.find((l) => l.a === a && l.b === b), { meta }),
  },
  quotes: { label: 'Quotes', draw: (result, { meta, quoteDiffs, onQuoteDiffs }) => renderQuotes(result, { meta, diffs: quoteDiffs, onDiffs: onQuoteDiffs }) },
  reports: { label: 'Reports', draw: (result, { meta, editable }) => renderReports(result, { meta, editable }) },
  discrepancies: { label: 'Discrepancies', draw: (result, { meta }) => renderDiscrepancies(result, { meta }) },
  aside: { label: 'Set aside', draw: (result, { meta }) => renderSetAside(result, { meta }) },
};

/** Draws view `key` (the overview when there is no such view) of `result`, after the
 * notices of what the engine's budget left out, when it left anything out. */
export function drawView(key, result, state = {}) {
  const view = (VIEWS[key] ?? VIEWS.overview).draw(result, { meta: [], ...state });
  const notices = renderNotices(result);
  if (!notices) return view;
  const both = el('div', 'with-notices');
  both.append(notices, view);
  return both;
}

/**
 * Fills `tablist` with a tab for each view in `keys`, each controlling `panel`, and
 * makes it one tab stop: only the selected tab has `tabindex=0` (a roving tabindex);
 * ← and → move to the previous and next tab (wrapping, and mirrored in right-to-left
 * text), Home and End to the first and last, and moving chooses the view, as a click
 * does. `onChoose(key)` hears the reader's choice. Tab ids are `${idPrefix}tab-${key}`.
 * Returns `show(key)`, which marks the tab of `key` as the selected one and labels the
 * panel with it.
 */
export function tabStrip(tablist, { keys, panel, idPrefix = '', onChoose }) {
  if (!tablist.hasAttribute('role')) tablist.setAttribute('role', 'tablist');
  if (!tablist.hasAttribute('aria-label')) tablist.setAttribute('aria-label', 'Views');
  const tabs = keys.map((key) => {
    const tab = el('button', null, VIEWS[key].label);
    tab.type = 'button';
    tab.id = `${idPrefix}tab-${key}`;
    tab.dataset.view = key;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', panel.id);
    return tab;
  });
  tablist.replaceChildren(...tabs);

  const show = (key) => {
    for (const tab of tabs) {
      const selected = tab.dataset.view === key;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      if (selected) panel.setAttribute('aria-labelledby', tab.id);
    }
  };
  const choose = (tab) => {
    show(tab.dataset.view);
    onChoose(tab.dataset.view);
  };

  tablist.addEventListener('click', (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tabs.includes(tab)) choose(tab);
  });
  tablist.addEventListener('keydown', (event) => {
    const at = tabs.indexOf(event.target);
    if (at < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const rtl = getComputedStyle(tablist).direction === 'rtl';
    const next = {
      [rtl ? 'ArrowLeft' : 'ArrowRight']: (at + 1) % tabs.length,
      [rtl ? 'ArrowRight' : 'ArrowLeft']: (at - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault(); // Home and End would scroll the page
    tabs[next].focus();
    choose(tabs[next]);
  });
  show(keys[0]);
  return show;
}

/** What an outlined counterpart says of itself, besides its outline (solid for the same
 * fact, dashed for the looser tier). */
const COUNTERPART = {
  counterpart: 'the same fact',
  'counterpart-possible': '≟ possibly the same',
};

/** The part of `scroller` that is on screen, `[top, bottom]` in viewport pixels: its
 * client box, clipped by the window and by every scrolling box around it (the widget's,
 * across its shadow root). Empty (top >= bottom) when none of it is. */
function onScreen(scroller) {
  const box = scroller.getBoundingClientRect();
  let top = Math.max(0, box.top + scroller.clientTop);
  let bottom = Math.min(innerHeight, box.top + scroller.clientTop + scroller.clientHeight);
  for (let node = scroller.parentNode; node; node = node.parentNode ?? node.host) {
    if (!(node instanceof Element) || getComputedStyle(node).overflowY === 'visible') continue;
    const clip = node.getBoundingClientRect();
    top = Math.max(top, clip.top + node.clientTop);
    bottom = Math.min(bottom, clip.top + node.clientTop + node.clientHeight);
  }
  return [top, bottom];
}

/**
 * Scrolls the report column's own scroller (its `.units` list, which the css caps in
 * height) so that `unit` is in the part of it that is on screen, as `scrollIntoView({
 * block: 'nearest' })` would but without scrolling anything else: the page, or the
 * widget around the columns, stays where the reader is. Instantly when the reader
 * prefers reduced motion.
 */
function revealInColumn(unit) {
  const scroller = unit.closest('.units');
  if (!scroller || scroller.scrollHeight <= scroller.clientHeight) return;
  let [top, bottom] = onScreen(scroller);
  if (top >= bottom) { // the column is off screen (stacked on a phone): within the column alone
    const box = scroller.getBoundingClientRect();
    top = box.top + scroller.clientTop;
    bottom = top + scroller.clientHeight;
  }
  const box = unit.getBoundingClientRect();
  const above = box.top - top; // < 0: its top is above the part shown
  const below = box.bottom - bottom; // > 0: its bottom is below it
  // Nearest: the top edge when it is above, or when the passage is taller than the part shown.
  const by = above < 0 ? above : below > 0 ? Math.min(above, below) : 0;
  if (by === 0) return;
  const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
  scroller.scrollBy({ top: by, behavior: reduced ? 'instant' : 'smooth' });
}

/**
 * Reports view: hovering or focusing a passage in `view` outlines its counterparts in the
 * other reports, those of its groups (the same fact) and those of its possible links
 * (the looser tier) told apart by the outline's style and by a label in words, which
 * assistive technology reads with the passage. In each other report, the first
 * counterpart is scrolled into view within that report's column (see `revealInColumn`);
 * the passage's own column does not move. Reads the `data-groups` and `data-possible`
 * that `renderReports` writes, so it survives every redraw.
 */
export function outlineCounterparts(view) {
  let current = null;
  const outline = (event) => {
    const unit = event.target.closest?.('.unit') ?? null;
    if (unit === current && unit?.isConnected) return;
    current = unit;
    for (const node of view.querySelectorAll('.counterpart, .counterpart-possible')) {
      node.classList.remove('counterpart', 'counterpart-possible');
      node.querySelector(':scope > .counterpart-label')?.remove();
    }
    if (!unit) return;
    const list = (name) => unit.dataset[name]?.split(' ').filter(Boolean) ?? [];
    const groups = list('groups');
    const possible = new Set(list('possible'));
    if (!groups.length && !possible.size) return;
    const own = unit.closest('.report-column');
    const first = new Map(); // each other column's first counterpart
    for (const other of view.querySelectorAll('.unit')) {
      if (other === unit) continue;
      const same = other.dataset.groups?.split(' ').some((g) => groups.includes(g));
      const kind = same ? 'counterpart' : possible.has(other.dataset.unit) ? 'counterpart-possible' : null;
      if (!kind) continue;
      other.classList.add(kind);
      // Positioned over the passage's corner (css), so that nothing moves under the pointer.
      other.prepend(el('span', 'counterpart-label', COUNTERPART[kind]));
      const column = other.closest('.report-column');
      if (column !== own && !first.has(column)) first.set(column, other);
    }
    for (const other of first.values()) revealInColumn(other);
  };
  view.addEventListener('mouseover', outline);
  view.addEventListener('focusin', outline);
}

/**
 * The two reports to lay side by side, from the wished pair `[a, b]`: a side keeps its
 * report when `ids` has it and the other side does not name the same one, else takes
 * the first report that fits. When both name one report, the side named by `stands`
 * (the one the reader just chose) keeps it. Either side is null when there are too few
 * reports.
 */
export function choosePair(ids, [a, b], stands = 'a') {
  const fit = (wanted, other) => (ids.includes(wanted) && wanted !== other ? wanted : ids.find((id) => id !== other) ?? null);
  if (stands === 'b') {
    const right = fit(b, undefined);
    return [fit(a, right), right];
  }
  const left = fit(a, undefined);
  return [left, fit(b, left)];
}

/**
 * Wires the left and right `<select>` of a pair choice: when the reader picks a report
 * on one side, `onChoose([a, b])` hears the new pair, that side standing (see
 * `choosePair`). Returns `show(result, [a, b], meta)`, which lists the reports of
 * `result` on both sides, each by its full name (outlet, title, id: see `reportNames`,
 * `meta` the caller's reports), and selects the pair.
 */
export function pairChoice(selectA, selectB, onChoose) {
  const chosen = (stands) => () => {
    const ids = [...selectA.options].map((option) => option.value);
    onChoose(choosePair(ids, [selectA.value, selectB.value], stands));
  };
  selectA.addEventListener('change', chosen('a'));
  selectB.addEventListener('change', chosen('b'));
  return (result, pair, meta = []) => {
    const names = reportNames(result, meta);
    for (const [select, value] of [[selectA, pair[0]], [selectB, pair[1]]]) {
      select.replaceChildren(...result.reports.map(({ id }) => {
        const option = el('option', null, names.get(id).full);
        option.value = id;
        option.selected = id === value;
        return option;
      }));
    }
  };
}
