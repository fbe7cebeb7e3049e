// Page wiring: state (in the URL and the browser's storage), loading reports, running
// the engine, and drawing the chosen view. The views, their tabs and the pair choice are
// views.js's (shared with the widget); rendering itself is in render.js.

import { compare, fetchBundle, limits, prepare, useAnswers } from './engine.js';
import {
  LINK_LIMIT, download, droppedNotice, exportSet, forgetSaved, isoDate, keptFor, loadManifest, setFromFragment, setToFragment, loadSaved, newReport, overLimits,
  parseSet, readReportFile, save, shownUrl, watchSaved,
} from './data.js';
import { comparisonCsv, comparisonHtml, count, el } from './render.js';
import {
  VIEWS, choosePair, drawView, outlineCounterparts, pairChoice, tabStrip,
} from './views.js';

const DEFAULT_MANIFEST = 'data/manifest.json';
const SAMPLE_BUNDLE = new URL('../pkg/sample.json', import.meta.url);
// The manifest (`?src=`) whose comparison the reader stopped, for this tab's reloads: a
// manifest's set is not saved with the reader's own.
const STOPPED_SOURCE_KEY = 'parallax:stopped-src';

const $ = (id) => document.getElementById(id);
const status = $('status');
const view = $('view');

const state = {
  reports: [],
  keep: [],
  setAside: [], // lines the reader set aside (unit ids), as `keep` holds those put back
  next: 0, // the set's id counter: ids are never given twice (data.js, `idCounter`)
  source: null, // the manifest URL when the set is a `?src=` manifest's, kept apart from the reader's own
  revision: 0, // the saved set's revision this tab last read or wrote
  stopped: false, // the reader stopped the comparison; nothing runs until they press Compare
  stale: false, // the result is of an earlier set: shown while the next one runs, never acted on
  controller: null, // aborts the comparison under way
  result: null,
  view: 'overview',
  a: null,
  b: null,
  group: null,
  sort: 'reports',
  filter: {}, // the coverage table's filter and rows drawn (render.js, renderOverview)
  quoteDiffs: false, // quotes shown as edits against the reference, not as printed
  run: 0,
  limits: null, // the engine's, once it has loaded
  failed: false, // the last comparison failed
  notices: [], // the problems the notice shows
  sample: false, // the set is the sample reports, untouched
  linked: false, // the set came in the link's fragment (#set=…), kept apart from the reader's own as a manifest's is
  loading: true, // the set is not in hand yet (a manifest, the sample reports): nothing to say of it
  shared: null, // what the URL named when the page opened ({ a, b, group }), checked once against the set
};

const showTab = tabStrip($('tabs'), {
  keys: Object.keys(VIEWS),
  panel: view,
  onChoose: (key) => {
    state.view = key;
    draw();
  },
});
const showPair = pairChoice($('side-a'), $('side-b'), ([a, b]) => {
  state.a = a;
  state.b = b;
  run();
});

function showStatus(message, { error = false } = {}) {
  status.textContent = message;
  status.classList.toggle('status-error', error);
  status.setAttribute('role', error ? 'alert' : 'status');
}

// --- URL state ----------------------------------------------------------------------

function readUrl() {
  const params = new URLSearchParams(location.search);
  state.view = Object.hasOwn(VIEWS, params.get('view')) ? params.get('view') : 'overview';
  state.a = params.get('a');
  state.b = params.get('b');
  state.group = params.get('group');
  state.sort = params.get('sort') === 'text' ? 'text' : 'reports';
  state.shared = { a: state.view === 'side' ? state.a : null, b: state.view === 'side' ? state.b : null, group: state.group };
  return params.get('src');
}

function writeUrl() {
  const params = new URLSearchParams(location.search);
  const set = (key, value) => (value ? params.set(key, value) : params.delete(key));
  set('view', state.view === 'overview' ? null : state.view);
  set('a', state.view === 'side' ? state.a : null);
  set('b', state.view === 'side' ? state.b : null);
  set('group', state.view === 'overview' ? state.group : null);
  set('sort', state.sort === 'text' ? 'text' : null);
  const query = params.toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}

// --- Shared links -------------------------------------------------------------------

/** A report's name for a sentence: its outlet, else its title, else its id. */
function nameOf(id) {
  const report = state.reports.find((r) => r.id === id);
  return report?.outlet || report?.title || id;
}

/** The reports a shared side-by-side link names that the set does not have, the first
 * time the page compares (later, the pair is the reader's own choice). */
function missingFromLink() {
  const shared = state.shared;
  if (!shared || (!shared.a && !shared.b) || state.reports.length === 0) return [];
  state.shared = { ...shared, a: null, b: null };
  const ids = new Set(state.reports.map((r) => r.id));
  return [shared.a, shared.b].filter((id) => id && !ids.has(id));
}

/** What the reader is told when a shared link names reports `missing` that the set does
 * not have: never a silent fallback to another pair. */
function linkNotice(missing) {
  const n = state.reports.length;
  const which = missing.length === 1 ? `report ${missing[0]}, which is` : `reports ${missing.join(' and ')}, which are`;
  const shown = state.a && state.b ? ` Showing ${nameOf(state.a)} (${state.a}) and ${nameOf(state.b)} (${state.b}) side by side instead.` : '';
  return `This link names ${which} not in this set of ${n} ${n === 1 ? 'report' : 'reports'}: a link carries the view, `
    + `not the reports, which stay in the browser that compared them.${shown} To see the same comparison, ask for `
    + 'the reports (“Export reports”) or for a link to a published manifest (?src=).';
}

// --- Comparing ----------------------------------------------------------------------

let ticking = null;

/** Shows that a comparison is under way, with the time it has taken and a Stop button,
 * or hides all that. The time is not in the live status line, which would be read out
 * every second. */
function showBusy(busy) {
  clearInterval(ticking);
  // Stop goes as the comparison ends: the keyboard's place moves to the view, not to the page's top.
  if (!busy && document.activeElement === $('stop')) view.focus();
  $('run').hidden = !busy;
  if (!busy) return;
  const started = performance.now();
  const tick = () => { $('elapsed').textContent = `${Math.floor((performance.now() - started) / 1000)} s`; };
  tick();
  ticking = setInterval(tick, 1000);
}

/** Says the set is not being compared because the reader stopped it. */
function showStopped() {
  state.result = null;
  state.stale = false;
  showBusy(false);
  $('compare').hidden = false;
  const n = state.reports.length;
  showStatus(`Stopped: ${n} report${n === 1 ? ' is' : 's are'} not compared. Press Compare to compare them.`);
  draw();
  document.body.dataset.state = 'stopped';
}

/**
 * Compares the current set, ending the comparison under way if there is one: only the
 * latest set is ever compared, and a superseded comparison is ended in the engine, not
 * left to finish. Nothing runs while the reader has stopped comparing.
 */
async function run() {
  const ticket = ++state.run;
  state.loading = false;
  state.controller?.abort();
  state.controller = null;
  const missing = missingFromLink();
  [state.a, state.b] = choosePair(state.reports.map((r) => r.id), [state.a, state.b]);
  if (missing.length) notify([linkNotice(missing)], { append: true });
  drawReportList();
  if (state.reports.length === 0) {
    showBusy(false);
    $('compare').hidden = true;
    state.result = null;
    showStatus('No reports yet: paste one, drop files, or go back to the sample reports.');
    draw();
    document.body.dataset.state = 'empty';
    document.body.dataset.run = String(ticket);
    return;
  }
  if (state.stopped) {
    showStopped();
    document.body.dataset.run = String(ticket);
    return;
  }
  const controller = new AbortController();
  state.controller = controller;
  $('compare').hidden = true;
  view.setAttribute('aria-busy', 'true');
  showBusy(true);
  document.body.dataset.state = 'busy';
  showStatus(`Comparing ${count(state.reports.length, 'report')}…`);
  const reports = state.reports.map(({ id, title, text }) => ({ id, title, text }));
  const options = {
    keep: state.keep,
    setAside: state.setAside,
    sideBySide: state.a && state.b ? [[state.a, state.b]] : [],
  };
  try {
    const started = performance.now();
    performance.mark('parallax:compare');
    const result = await compareKeeping(reports, options, controller.signal);
    if (ticket !== state.run) return; // a newer run is under way
    // The engine's own time, without its input and output crossing into JS (bench/run.mjs).
    performance.mark('parallax:compared', { detail: { engineMs: result.elapsedMs } });
    state.result = result;
    state.stale = false;
    state.failed = false;
    if (state.shared?.group) {
      // A shared link's fact: named by its number, which only the same set gives again.
      if (!result.groups.some((g) => g.id === state.shared.group)) {
        notify([`This link opens shared fact ${state.shared.group}, which this comparison does not have: links carry the view, not the reports. Showing every fact instead.`], { append: true });
        state.group = null;
      }
      state.shared = null;
    }
    const took = performance.now() - started;
    const units = result.reports.reduce((n, r) => n + r.units.length, 0);
    showStatus(`${count(result.reports.length, 'report')}, ${count(units, 'unit')}, ${count(result.groups.length, 'shared fact')}, `
      // An answer in advance (js/answers.js) carries no time of its own.
      + `${count(result.quotes.length, 'quotation')}; ${'elapsedMs' in result ? `compared in ${Math.round(took)} ms` : 'compared when the page was built'}.`);
    draw();
    performance.mark('parallax:drawn');
    document.body.dataset.state = 'ready';
  } catch (error) {
    if (ticket !== state.run) return;
    // The last result no longer matches the reports: never show it as theirs.
    state.result = null;
    state.stale = false;
    state.failed = true;
    draw();
    $('compare').hidden = false;
    showStatus(`The comparison failed: ${error.message}. Your reports are kept; press Compare to try again.`, { error: true });
    document.body.dataset.state = 'error';
  } finally {
    if (ticket === state.run) {
      state.controller = null;
      showBusy(false);
      view.removeAttribute('aria-busy');
      document.body.dataset.run = String(ticket); // the last finished run, for tests and tools
    }
  }
}

/**
 * Compares `reports`; when that fails while lines are put back, compares without them to
 * learn which of the put-back ids name no unit (a saved set from an older engine, an
 * edited file), drops those with a notice, and compares with the rest. A put-back line
 * that no longer applies never makes every comparison fail.
 */
async function compareKeeping(reports, options, signal) {
  try {
    return await compare(reports, options, { signal });
  } catch (error) {
    const chosen = [...options.keep, ...options.setAside];
    if (error.name === 'AbortError' || chosen.length === 0) throw error;
    const plain = await compare(reports, { ...options, keep: [], setAside: [] }, { signal });
    const units = new Set(plain.reports.flatMap((r) => r.units.map((u) => u.id)));
    const dropped = chosen.filter((id) => !units.has(id));
    if (dropped.length === 0) throw error; // the lines chosen were not the trouble
    const keep = options.keep.filter((id) => units.has(id));
    const setAside = options.setAside.filter((id) => units.has(id));
    state.keep = state.keep.filter((id) => !dropped.includes(id));
    state.setAside = state.setAside.filter((id) => !dropped.includes(id));
    remember();
    notify([droppedNotice(dropped, 'their reports have no such line')], { append: true });
    return keep.length || setAside.length ? compare(reports, { ...options, keep, setAside }, { signal }) : plain;
  }
}

/** Stops the comparison under way; the set stays as it is, and stays stopped across
 * reloads until the reader presses Compare. */
function stop() {
  if (!state.controller) return;
  state.stopped = true;
  remember();
  state.run += 1; // the stopped run is over, whatever it answers
  state.controller.abort();
  state.controller = null;
  view.removeAttribute('aria-busy');
  showStopped();
  document.body.dataset.run = String(state.run);
  $('compare').focus();
}

// --- Drawing ------------------------------------------------------------------------

function draw() {
  if ($('manage').open) fillSnippets();
  showTab(state.view);
  $('side-controls').hidden = state.view !== 'side';
  drawReportList();
  writeUrl();
  const result = state.result;
  if (!result) {
    let message = 'Comparing…';
    if (state.loading) message = 'Loading the reports…';
    else if (state.reports.length === 0) message = 'No reports to compare yet. Open “Your reports” to paste or drop some.';
    else if (state.stopped) message = 'Nothing to show: the comparison was stopped. Press Compare to compare the reports.';
    else if (state.failed) message = 'Nothing to show: the last comparison failed (the message above says why).';
    view.replaceChildren(el('p', 'empty', message));
    return;
  }
  const pair = [state.a, state.b];
  if (state.view === 'side') showPair(result, pair, state.reports);
  view.replaceChildren(drawView(state.view, result, {
    sort: state.sort, group: state.group, pair, meta: state.reports, editable: true, filter: state.filter, onFilter: (filter) => { state.filter = filter; },
    quoteDiffs: state.quoteDiffs, onQuoteDiffs: (diffs) => { state.quoteDiffs = diffs; },
  }));
  view.dataset.view = state.view;
  differenceAt = -1;
  if (state.view === 'side') showDifference();
}

function titleOf(id) {
  const result = state.stale ? null : state.result;
  return result?.reports.find((r) => r.id === id)?.title ?? id;
}

/** The report list, drawn again on every change and every comparison: the control that
 * had the keyboard keeps it (the same field or button of the same report). */
let listDrawn = null; // what the list was last drawn from: a view switch need not draw it again

function drawReportList() {
  const list = $('report-list');
  // While the set loads there is no count to give: "(0)" would say the set is empty.
  $('report-count').textContent = state.loading ? '' : `(${state.reports.length})`;
  const titles = state.stale ? null : state.result;
  const key = [titles, ...state.reports.flatMap((r) => [r.id, r.title, r.outlet, r.date])];
  if (listDrawn && listDrawn.length === key.length && listDrawn.every((value, i) => value === key[i])) return;
  listDrawn = key;
  const focused = list.contains(document.activeElement) ? document.activeElement : null;
  const field = (report, name, labelText, value, className) => {
    const label = el('label', 'report-field');
    const input = el('input', className);
    input.type = 'text';
    input.value = value;
    input.id = `${name}-${report.id}`;
    input.dataset.action = name;
    input.dataset.report = report.id;
    label.htmlFor = input.id;
    label.append(el('span', 'report-field-label', labelText), input);
    return label;
  };
  list.replaceChildren(...state.reports.map((report, i) => {
    const item = el('li', 'report-item');
    item.dataset.report = report.id;
    const title = field(report, 'title', 'Title', report.title || titleOf(report.id), 'report-title-input');
    title.querySelector('input').setAttribute('aria-label', `Title of report ${report.id}`);
    const outlet = field(report, 'outlet', 'Outlet', report.outlet ?? '', 'report-outlet-input');
    outlet.querySelector('input').setAttribute('aria-label', `Outlet of report ${report.id}`);
    const date = field(report, 'date', 'Date', report.date ?? '', 'report-date-input');
    date.querySelector('input').type = 'date';
    date.querySelector('input').setAttribute('aria-label', `Date of report ${report.id}`);
    const button = (text, action, aria, disabled = false) => {
      const b = el('button', `small ${action}`, text);
      b.type = 'button';
      b.dataset.action = action;
      b.dataset.report = report.id;
      b.setAttribute('aria-label', aria);
      b.disabled = disabled;
      return b;
    };
    const buttons = el('span', 'report-buttons');
    buttons.append(button('↑', 'up', `Move report ${report.id} up`, i === 0),
      button('↓', 'down', `Move report ${report.id} down`, i === state.reports.length - 1),
      button('Remove', 'remove', `Remove report ${report.id}`));
    item.append(el('span', 'report-id', report.id), title, outlet, date, buttons);
    return item;
  }));
  if (focused && !focused.isConnected) {
    const again = list.querySelector(`[data-action="${focused.dataset.action}"][data-report="${CSS.escape(focused.dataset.report ?? '')}"]`);
    if (again && !again.disabled) {
      again.focus();
      if (again.type === 'text' && focused.type === 'text') again.setSelectionRange(focused.selectionStart, focused.selectionEnd);
    }
  }
}

// --- Changing the set ---------------------------------------------------------------

/** Shows a problem that stays until the reader dismisses it or changes the set again
 * (the status line is rewritten by every comparison). */
function notify(problems, { append = false } = {}) {
  state.notices = [...(append ? state.notices : []), ...problems.filter(Boolean)];
  $('notice-text').textContent = state.notices.join(' ');
  $('notice').hidden = state.notices.length === 0;
}

/** The set as data.js saves and exports it. */
const theSet = () => ({ reports: state.reports, keep: state.keep, setAside: state.setAside, next: state.next });

/**
 * Saves the set (only the reader's own: a manifest's set is kept apart) and says what
 * went wrong: `problems` met along the way (null leaves the notice as it is), storage
 * that refused, or another tab that saved first, whose set this tab then shows rather
 * than overwrite it. Returns false in that last case.
 */
function remember(problems = null) {
  const said = (problems ?? []).filter(Boolean);
  const tell = (extra = []) => {
    if (problems !== null || extra.length) notify([...said, ...extra]);
  };
  if (state.linked) {
    tell();
    return true;
  }
  if (state.source) {
    const stopped = state.stopped ? state.source : null;
    try {
      if (stopped) sessionStorage.setItem(STOPPED_SOURCE_KEY, stopped);
      else if (sessionStorage.getItem(STOPPED_SOURCE_KEY) === state.source) sessionStorage.removeItem(STOPPED_SOURCE_KEY);
    } catch {
      // Storage disabled: a reload compares again.
    }
    tell();
    return true;
  }
  const saved = save(theSet(), { base: state.revision, stopped: state.stopped });
  if (saved.conflict) {
    adopt(loadSaved(), 'Your reports were changed in another tab at the same moment: this tab shows them as that tab saved them, and your last change here was not saved; make it again if you still want it.');
    return false;
  }
  state.revision = saved.revision;
  tell(saved.problem ? [saved.problem] : []);
  return true;
}

/** The set changed: save it, say what went wrong along the way, compare again. */
function changed(problems = []) {
  state.stale = state.result !== null;
  state.sample = false;
  if (remember(problems)) run();
}

/** Shows `saved` (as data.js's `loadSaved` gives it, or null for the sample reports),
 * another tab's set, with `message` saying so. */
function adopt(saved, message) {
  state.revision = saved?.revision ?? 0;
  notify([message]);
  if (!saved) {
    state.keep = [];
    state.setAside = [];
    loadDefault();
    return;
  }
  state.reports = saved.reports;
  state.keep = saved.keep;
  state.setAside = saved.setAside ?? [];
  state.next = saved.next;
  state.stale = state.result !== null;
  state.sample = false;
  run();
}

/** Another tab saved or forgot the reader's set: this tab follows, and says so. */
function followOtherTab(saved) {
  const revision = saved?.revision ?? 0;
  if (state.source || state.linked || revision === state.revision) {
    state.revision = revision; // a manifest's set is not the reader's own: nothing to follow
    return;
  }
  const same = saved && JSON.stringify(exportSet(saved)) === JSON.stringify(exportSet(theSet()));
  if (same) {
    state.revision = revision;
    return;
  }
  adopt(saved, saved
    ? 'Your reports were changed in another tab: this tab shows them as they are now.'
    : 'Your reports were set back to the sample reports in another tab: this tab shows those now.');
}

function addReport(draft) {
  if (!draft.text.trim()) throw new Error(`${draft.title.trim() ? `“${draft.title.trim()}”` : 'the report'} is empty: paste or drop some text`);
  const set = { reports: state.reports, next: state.next };
  const { report, fixed } = newReport(set, draft);
  const over = overLimits([...state.reports, report], state.limits);
  if (over) throw new Error(`not added: ${over}`);
  state.reports.push(report);
  state.next = set.next; // taken even if the report goes again: its id is never reused
  return fixed ? `${report.title || report.id}: some characters were not valid Unicode (lone UTF-16 surrogates) and show as �.` : null;
}

async function addFiles(files) {
  const problems = [];
  for (const file of files) {
    try {
      const draft = await readReportFile(file);
      const fixed = addReport(draft);
      if (draft.replaced) problems.push(`${file.name}: some bytes were not UTF-8 and show as �.`);
      if (fixed) problems.push(fixed);
    } catch (error) {
      problems.push(`${error.message}.`);
    }
  }
  changed(problems);
}

function wire() {
  view.addEventListener('click', (event) => {
    const target = event.target.closest('[data-action]');
    if (!target) return;
    if (target.dataset.action === 'open-group') {
      state.group = state.group === target.dataset.group ? null : target.dataset.group;
      draw();
      view.querySelector(`[data-action="open-group"][data-group="${CSS.escape(target.dataset.group)}"]`)?.focus();
    } else if (target.dataset.action === 'sort') {
      state.sort = state.sort === 'reports' ? 'text' : 'reports';
      draw();
      view.querySelector('[data-action="sort"]')?.focus();
    } else if (target.dataset.action === 'open-pair') {
      // A heat-map cell: that pair side by side (compared again for its layout).
      state.view = 'side';
      [state.a, state.b] = [target.dataset.a, target.dataset.b];
      draw();
      run();
      $(`tab-side`).focus();
    } else if (target.dataset.action === 'keep') {
      // The view may still show the previous set's result while the next one runs: a line
      // is put back only when its report is still in the set.
      const { keep } = keptFor(state.reports, [target.dataset.unit]);
      if (keep.length === 0) return;
      state.keep = [...new Set([...state.keep, ...keep])];
      state.setAside = state.setAside.filter((id) => !keep.includes(id));
      changed();
    } else if (target.dataset.action === 'set-aside' || target.dataset.action === 'unset-aside') {
      // The reader's own choice, either way: a line set aside (a byline, a page's stamp),
      // or one they set aside put back.
      const { keep: [unit] = [] } = keptFor(state.reports, [target.dataset.unit]);
      if (!unit) return;
      state.setAside = state.setAside.filter((id) => id !== unit);
      if (target.dataset.action === 'set-aside') {
        state.setAside.push(unit);
        state.keep = state.keep.filter((id) => id !== unit);
      }
      changed();
    }
  });

  outlineCounterparts(view);

  $('notice-dismiss').addEventListener('click', () => notify([]));
  $('next-diff').addEventListener('click', () => stepDifference(1));
  $('prev-diff').addEventListener('click', () => stepDifference(-1));
  document.addEventListener('keydown', (event) => {
    if (state.view !== 'side' || event.target.closest?.('input, textarea, select')) return;
    if (event.key === 'j') stepDifference(1);
    if (event.key === 'k') stepDifference(-1);
  });

  $('report-list').addEventListener('click', (event) => {
    const target = event.target.closest('button[data-action]');
    if (!target) return;
    const i = state.reports.findIndex((r) => r.id === target.dataset.report);
    if (i < 0) return;
    const action = target.dataset.action;
    const problems = [];
    if (action === 'remove') {
      state.reports.splice(i, 1);
      // Its put-back lines go with it, so that they never name a report that is not there.
      const kept = keptFor(state.reports, state.keep);
      state.keep = kept.keep;
      state.setAside = keptFor(state.reports, state.setAside).keep;
      problems.push(kept.notice);
    }
    if (action === 'up' && i > 0) [state.reports[i - 1], state.reports[i]] = [state.reports[i], state.reports[i - 1]];
    if (action === 'down' && i < state.reports.length - 1) [state.reports[i + 1], state.reports[i]] = [state.reports[i], state.reports[i + 1]];
    changed(problems);
    // The list was drawn again: the keyboard stays where the reader was (drawReportList
    // keeps it there through every later drawing): on the button pressed, else on the
    // other move button of the report moved, else, after Remove, on the Remove of the
    // report now in that place (or the one before), else on "Add pasted report".
    const list = $('report-list');
    const enabled = (selector) => {
      const node = list.querySelector(selector);
      return node && !node.disabled ? node : null;
    };
    const id = CSS.escape(target.dataset.report);
    const near = state.reports[Math.min(i, state.reports.length - 1)];
    const next = action === 'remove'
      ? (near && enabled(`button[data-action="remove"][data-report="${CSS.escape(near.id)}"]`))
      : enabled(`button[data-action="${action}"][data-report="${id}"]`)
        ?? enabled(`button[data-action="${action === 'up' ? 'down' : 'up'}"][data-report="${id}"]`);
    (next ?? $('paste-title')).focus();
  });
  $('report-list').addEventListener('change', (event) => {
    const { action } = event.target.dataset;
    if (!['title', 'outlet', 'date'].includes(action)) return;
    const report = state.reports.find((r) => r.id === event.target.dataset.report);
    if (!report) return;
    if (action === 'date') {
      if (isoDate(event.target.value)) report.date = isoDate(event.target.value);
      else delete report.date;
    } else report[action] = event.target.value.trim();
    if (action === 'title') {
      changed();
      return;
    }
    // The engine reads neither outlets nor dates: saved and drawn again, not compared again.
    remember();
    draw();
  });

  $('paste-add').addEventListener('click', () => {
    try {
      const fixed = addReport({ title: $('paste-title').value, text: $('paste-text').value });
      $('paste-title').value = '';
      $('paste-text').value = '';
      changed([fixed]);
    } catch (error) {
      showStatus(error.message, { error: true });
    }
  });
  $('file-input').addEventListener('change', (event) => {
    addFiles([...event.target.files]);
    event.target.value = '';
  });
  const zone = $('dropzone');
  zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('dragging'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    addFiles([...event.dataTransfer.files]);
  });

  $('export-set').addEventListener('click', () => {
    download('parallax-reports.json', 'application/json', `${JSON.stringify(exportSet(theSet()), null, 2)}\n`);
  });
  $('import-set').addEventListener('change', async (event) => {
    const [file] = event.target.files;
    event.target.value = '';
    if (!file) return;
    try {
      const set = parseSet(JSON.parse(await file.text()));
      const over = overLimits(set.reports, state.limits);
      if (over) throw new Error(`${over}; your reports are as they were`);
      state.reports = set.reports;
      state.keep = set.keep;
      state.setAside = set.setAside ?? [];
      state.next = set.next;
      changed(set.notices);
    } catch (error) {
      showStatus(`Could not import ${file.name}: ${error.message}`, { error: true });
    }
  });
  $('reset').addEventListener('click', async () => {
    forgetSaved();
    state.revision = 0;
    leaveSource();
    state.keep = [];
    state.setAside = [];
    await loadDefault();
  });
  $('share-set').addEventListener('click', shareSet);
  $('empty-set').addEventListener('click', () => {
    leaveSource();
    state.reports = [];
    state.keep = [];
    state.setAside = [];
    state.stopped = false;
    changed();
    $('paste-title').focus();
  });
  $('manage').addEventListener('toggle', () => { if ($('manage').open) fillSnippets(); });
  $('export-manifest').addEventListener('click', () => {
    download('parallax-manifest.json', 'application/json', `${JSON.stringify(manifestOf(state.reports), null, 2)}\n`);
  });
  $('stop').addEventListener('click', stop);
  $('compare').addEventListener('click', () => {
    state.stopped = false;
    if (remember()) run();
    if (!$('run').hidden) $('stop').focus(); // Compare is hidden now: the keyboard stays in the run's controls
  });
  $('source-keep').addEventListener('click', () => {
    // The reader says so: the manifest's reports become their own, replacing their saved set.
    leaveSource();
    const saved = save(theSet(), { stopped: state.stopped });
    state.revision = saved.revision;
    notify(saved.problem ? [saved.problem] : ['These reports are now your saved reports.']);
  });
  $('source-leave').addEventListener('click', () => {
    leaveSource();
    state.stopped = false;
    const saved = loadSaved();
    if (!saved) {
      loadDefault();
      return;
    }
    showSaved(saved);
    run();
  });
  watchSaved(followOtherTab);
  $('export-json').addEventListener('click', () => {
    if (!state.result) return;
    // Without the run's timing, the export is the bytes `parallax compare --set … --json` prints.
    const { elapsedMs, ...comparison } = state.result;
    download('parallax-comparison.json', 'application/json', `${JSON.stringify(comparison, null, 2)}\n`);
  });
  $('export-csv').addEventListener('click', () => {
    if (state.result) download('parallax-comparison.csv', 'text/csv', comparisonCsv(state.result, state.reports));
  });
  $('export-html').addEventListener('click', async () => {
    if (!state.result) return;
    const result = state.result;
    // The page's own stylesheet goes inline: the file is read offline.
    const css = await fetch(new URL('css/parallax.css', document.baseURI)).then((r) => (r.ok ? r.text() : ''), () => '');
    download('parallax-comparison.html', 'text/html', comparisonHtml(result, { meta: state.reports, css }));
  });
}

/** The set is the reader's own from now on, not the manifest of `?src=`. */
function leaveSource() {
  state.source = null;
  state.linked = false;
  $('source').hidden = true;
  const params = new URLSearchParams(location.search);
  params.delete('src');
  const query = params.toString();
  const hash = location.hash.startsWith('#set=') ? '' : location.hash;
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${hash}`);
  fillSnippets();
}

/** Says that the set came in the link, and that changes to it are not saved. */
function showLinked() {
  state.linked = true;
  $('source-kind').textContent = 'the link you opened';
  $('source-url').textContent = `(${count(state.reports.length, 'report')})`;
  $('source').hidden = false;
}

/** Puts a link with the set in hand, and the view, in the share field (and on the
 * clipboard when the browser allows), or says why the set is too large for one. */
async function shareSet() {
  const params = new URLSearchParams(location.search);
  params.delete('src');
  const query = params.toString();
  const link = `${location.origin}${location.pathname}${query ? `?${query}` : ''}#${await setToFragment(theSet())}`;
  const field = $('share-link');
  if (link.length > LINK_LIMIT) {
    field.hidden = true;
    $('share-status').textContent = `These reports make a link of ${new Intl.NumberFormat('en').format(link.length)} characters, too long to send `
      + `(at most ${new Intl.NumberFormat('en').format(LINK_LIMIT)}): export them (JSON) or publish a manifest and share its ?src= link.`;
    return;
  }
  field.value = link;
  field.hidden = false;
  field.select();
  let copied = false;
  try {
    await navigator.clipboard.writeText(link);
    copied = true;
  } catch {
    // No clipboard for this page: the field holds the link, selected.
  }
  $('share-status').textContent = `${copied ? 'Copied: a' : 'A'} link with ${count(state.reports.length, 'report')} and this view; `
    + 'the reports travel in the link itself (after #), not through any server.';
}

/** Says that the set is a manifest's, and that changes to it are not saved. */
function showSource(src) {
  state.source = src;
  $('source-kind').textContent = 'the manifest';
  $('source-url').textContent = shownUrl(new URL(src, document.baseURI));
  $('source').hidden = false;
}

/** Takes the saved set `saved` as the set in hand, with what was repaired on the way in. */
function showSaved(saved) {
  state.sample = false;
  state.reports = saved.reports;
  state.keep = saved.keep;
  state.setAside = saved.setAside ?? [];
  state.next = saved.next;
  state.revision = saved.revision;
  state.stopped = saved.stopped;
  if (saved.notices.length) remember(saved.notices); // the repaired set is the one saved from now on
}

/** What stands in the iframe snippet for the address of the reader's own manifest,
 * which only they can publish. */
const MANIFEST_PLACEHOLDER = 'ADDRESS-OF-YOUR-MANIFEST.json';

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ({
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
}[c]));

/** The set as a manifest the widget, the iframe and `?src=` read: the texts inline. */
const manifestOf = (reports) => reports.map(({ id, title, outlet, url, date, text }) => ({ id, title, outlet: outlet ?? '', ...(url ? { url } : {}), ...(date ? { date } : {}), text }));

/** The reports as the element's `<article>` children, the text escaped (it stays text
 * in the host page), one paragraph a blank-line-separated block. */
function inlineArticles(reports) {
  return reports.map((report) => {
    const attributes = [['data-id', report.id], ['data-title', report.title], ['data-outlet', report.outlet], ['data-url', report.url], ['data-date', report.date]]
      .filter(([, value]) => value).map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('');
    const paragraphs = report.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => `    <p>${escapeHtml(p)}</p>`);
    return `  <article${attributes}>\n${paragraphs.join('\n')}\n  </article>`;
  }).join('\n');
}

/**
 * The copy-paste embed snippets for the set in hand: a manifest's (`?src=`) or the sample
 * reports' point at that manifest; the reader's own reports go inline as the element's
 * `<article>` children, and the iframe, which cannot carry them, asks for the manifest
 * "Download as a manifest" writes, once published.
 */
function fillSnippets() {
  const base = new URL('.', document.baseURI).href;
  const view = state.view === 'aside' ? 'overview' : state.view;
  const script = `<script type="module" src="${base}parallax-compare-define.js"></script>\n`;
  const own = !state.source && !state.sample && state.reports.length > 0;
  const manifest = own ? MANIFEST_PLACEHOLDER : shownUrl(new URL(state.source ?? DEFAULT_MANIFEST, document.baseURI));
  $('snippet-element').value = own
    ? `${script}<parallax-compare view="${view}">\n${inlineArticles(state.reports)}\n</parallax-compare>`
    : `${script}<parallax-compare src="${escapeHtml(manifest)}" view="${view}"></parallax-compare>`;
  const embed = new URL('embed.html', base);
  embed.searchParams.set('src', manifest);
  embed.searchParams.set('view', view);
  $('snippet-iframe').value = `<iframe src="${escapeHtml(embed.href)}" title="Comparison of news reports" width="100%" height="600" style="border:0"></iframe>`;
  $('snippet-hint').textContent = own
    ? `The element carries your ${state.reports.length === 1 ? 'report' : `${state.reports.length} reports`} inline, as text. `
      + `The iframe cannot: download them as a manifest, publish that file, and put its address in place of ${MANIFEST_PLACEHOLDER}.`
    : `Both load the reports from the manifest ${manifest}.`;
  $('snippet-hint').dataset.own = String(own);
}

/** The difference counter beside the buttons: "12 differences", then "3 of 12" as the
 * reader walks them (a difference: a pair whose wording differs, of the looser tier, a
 * moved passage or one only in one report; the same words on both sides are not). */
function showDifference(at = null) {
  const total = view.querySelectorAll('tr[data-difference]').length;
  $('diff-counter').textContent = at === null ? count(total, 'difference') : `${at + 1} of ${count(total, 'difference')}`;
}

let differenceAt = -1; // the difference last walked to, for the buttons (which take the focus)

function stepDifference(step) {
  const rows = [...view.querySelectorAll('tr[data-difference]')];
  if (!rows.length) return;
  const focused = rows.indexOf(document.activeElement);
  const current = focused >= 0 ? focused : rows[differenceAt]?.isConnected ? differenceAt : -1;
  const at = current < 0 ? (step > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, current + step));
  rows[at].focus();
  rows[at].scrollIntoView({ block: 'center' });
  differenceAt = at;
  showDifference(at);
}

/** The engine's limit on reports, for refusing a manifest before its texts are fetched
 * (null when the engine cannot say: it will when it compares). */
const maxReports = () => limits().then((known) => known.maxReports, () => null);

/** Fetches the sample reports with their comparison, as the build bundled them
 * (js/answers.js), else from their manifest. The set is the page's own, well under the
 * limits. */
function fetchSample() {
  const bundle = fetchBundle(SAMPLE_BUNDLE);
  useAnswers(bundle);
  return bundle.then((built) => built?.set ?? loadManifest(DEFAULT_MANIFEST));
}

/** Shows the sample reports (`fetched`, when they are on their way already). */
async function loadDefault(fetched = fetchSample()) {
  try {
    const set = await fetched;
    state.reports = set.reports;
    state.next = set.next;
    state.stale = state.result !== null;
    state.sample = true;
    await run();
  } catch (error) {
    state.loading = false;
    draw();
    showStatus(error.message, { error: true });
    document.body.dataset.state = 'error';
  }
}

/** Starts the engine's worker, which loads the wasm module, and learns its limits. */
function startEngine() {
  prepare();
  limits().then((known) => { state.limits = known; }, () => {}); // a failed engine says so when it compares
}

async function main() {
  const src = readUrl();
  const linked = location.hash.startsWith('#set=');
  // The sample reports are fetched first thing, and their comparison is answered in
  // advance (js/answers.js): for them the engine loads once it is drawn, not competing
  // with it on a phone's few cores; for any other set it loads while the reports come.
  const sample = !linked && !src && loadSaved() === null ? fetchSample() : null;
  // Never an unhandled rejection: loadDefault says what went wrong.
  sample?.catch(() => {});
  if (!sample) startEngine();
  wire();
  draw();
  if (linked) {
    // A set in the link: compared as sent, kept apart from the reader's own.
    try {
      const set = await setFromFragment(location.hash);
      const over = overLimits(set.reports, await limits().catch(() => null));
      if (over) throw new Error(over);
      state.reports = set.reports;
      state.keep = set.keep;
      state.setAside = set.setAside ?? [];
      state.next = set.next;
      showLinked();
      if (set.notices.length) notify(set.notices);
    } catch (error) {
      notify([`${error.message}. Showing your saved or the sample reports instead.`]);
    }
  } else if (src) {
    try {
      const set = await loadManifest(src, { maxReports: maxReports() });
      state.reports = set.reports;
      state.next = set.next;
      showSource(new URL(src, document.baseURI).href);
      try {
        state.stopped = sessionStorage.getItem(STOPPED_SOURCE_KEY) === state.source;
      } catch {
        // Storage disabled: nothing was stopped.
      }
      if (set.notices.length) notify(set.notices);
    } catch (error) {
      notify([`${error.message}. Showing your saved or the sample reports instead.`]);
    }
  }
  // A saved set is the reader's, also when they emptied it: only without one do the
  // sample reports come.
  let own = state.reports.length > 0 || state.source !== null || state.linked;
  if (!own) {
    const saved = loadSaved();
    if (saved) showSaved(saved);
    else state.revision = 0;
    own = saved !== null;
  }
  if (!own) {
    await loadDefault(sample ?? undefined);
    startEngine();
    return;
  }
  startEngine();
  await run();
}

main();
