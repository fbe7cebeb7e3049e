// Page wiring: state (in the URL and the browser's storage), loading reports, running
// the engine, and drawing the chosen view. The views, their tabs and the pair choice are
// views.js's (shared with the widget); rendering itself is in render.js.

import { compare, limits, prepare } from './engine.js';
import {
  download, exportSet, forgetSaved, loadManifest, loadSaved, nextId, overLimits, parseSet, readReportFile, save,
} from './data.js';
import { comparisonCsv, el } from './render.js';
import {
  VIEWS, choosePair, drawView, outlineCounterparts, pairChoice, tabStrip,
} from './views.js';

const DEFAULT_MANIFEST = 'data/manifest.json';

const $ = (id) => document.getElementById(id);
const status = $('status');
const view = $('view');

const state = {
  reports: [],
  keep: [],
  result: null,
  view: 'overview',
  a: null,
  b: null,
  group: null,
  sort: 'reports',
  run: 0,
  limits: null, // the engine's, once it has loaded
  failed: false, // the last comparison failed
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

// --- Comparing ----------------------------------------------------------------------

async function run() {
  const ticket = ++state.run;
  [state.a, state.b] = choosePair(state.reports.map((r) => r.id), [state.a, state.b]);
  if (state.reports.length === 0) {
    state.result = null;
    showStatus('No reports yet: paste one, drop files, or go back to the sample reports.');
    draw();
    document.body.dataset.state = 'empty';
    document.body.dataset.run = String(ticket);
    return;
  }
  $('progress').hidden = false;
  document.body.dataset.state = 'busy';
  showStatus(`Comparing ${state.reports.length} reports…`);
  const options = {
    keep: state.keep,
    sideBySide: state.a && state.b ? [[state.a, state.b]] : [],
  };
  try {
    const started = performance.now();
    const result = await compare(state.reports.map(({ id, title, text }) => ({ id, title, text })), options);
    if (ticket !== state.run) return; // a newer run is under way
    state.result = result;
    state.failed = false;
    const took = performance.now() - started;
    const units = result.reports.reduce((n, r) => n + r.units.length, 0);
    showStatus(`${result.reports.length} reports, ${units} units, ${result.groups.length} shared facts, `
      + `${result.quotes.length} quotations; compared in ${Math.round(took)} ms.`);
    draw();
    document.body.dataset.state = 'ready';
  } catch (error) {
    if (ticket !== state.run) return;
    // The last result no longer matches the reports: never show it as theirs.
    state.result = null;
    state.failed = true;
    draw();
    showStatus(`The comparison failed: ${error.message}. Your reports are kept; change them and try again.`, { error: true });
    document.body.dataset.state = 'error';
  } finally {
    if (ticket === state.run) {
      $('progress').hidden = true;
      document.body.dataset.run = String(ticket); // the last finished run, for tests and tools
    }
  }
}

// --- Drawing ------------------------------------------------------------------------

function draw() {
  showTab(state.view);
  $('side-controls').hidden = state.view !== 'side';
  drawReportList();
  writeUrl();
  const result = state.result;
  if (!result) {
    let message = 'Comparing…';
    if (state.reports.length === 0) message = 'No reports to compare yet. Open “Your reports” to paste or drop some.';
    else if (state.failed) message = 'Nothing to show: the last comparison failed (the message above says why).';
    view.replaceChildren(el('p', 'empty', message));
    return;
  }
  const pair = [state.a, state.b];
  if (state.view === 'side') showPair(result.reports, pair);
  view.replaceChildren(drawView(state.view, result, { sort: state.sort, group: state.group, pair }));
  view.dataset.view = state.view;
}

function titleOf(id) {
  return state.result?.reports.find((r) => r.id === id)?.title ?? id;
}

function drawReportList() {
  const list = $('report-list');
  $('report-count').textContent = `(${state.reports.length})`;
  list.replaceChildren(...state.reports.map((report, i) => {
    const item = el('li', 'report-item');
    item.dataset.report = report.id;
    const label = el('label', 'visually-hidden', `Title of report ${report.id}`);
    const input = el('input', 'report-title-input');
    input.type = 'text';
    input.value = report.title || titleOf(report.id);
    input.id = `title-${report.id}`;
    label.htmlFor = input.id;
    input.dataset.action = 'rename';
    input.dataset.report = report.id;
    const button = (text, action, aria, disabled = false) => {
      const b = el('button', `small ${action}`, text);
      b.type = 'button';
      b.dataset.action = action;
      b.dataset.report = report.id;
      b.setAttribute('aria-label', aria);
      b.disabled = disabled;
      return b;
    };
    item.append(el('span', 'report-id', report.id), label, input,
      button('↑', 'up', `Move report ${report.id} up`, i === 0),
      button('↓', 'down', `Move report ${report.id} down`, i === state.reports.length - 1),
      button('Remove', 'remove', `Remove report ${report.id}`));
    return item;
  }));
}

// --- Changing the set ---------------------------------------------------------------

/** Shows a problem that stays until the reader dismisses it or changes the set again
 * (the status line is rewritten by every comparison). */
function notify(problems) {
  $('notice-text').textContent = problems.join(' ');
  $('notice').hidden = problems.length === 0;
}

/** The set changed: save it, say what went wrong along the way, compare again. */
function changed(problems = []) {
  const unsaved = save({ reports: state.reports, keep: state.keep });
  notify(unsaved ? [...problems, unsaved] : problems);
  run();
}

function addReport({ title, text }) {
  if (!text.trim()) throw new Error(`${title.trim() ? `“${title.trim()}”` : 'the report'} is empty: paste or drop some text`);
  const report = { id: nextId(state.reports), title: title.trim(), outlet: '', text };
  const over = overLimits([...state.reports, report], state.limits);
  if (over) throw new Error(`not added: ${over}`);
  state.reports.push(report);
}

async function addFiles(files) {
  const problems = [];
  for (const file of files) {
    try {
      const draft = await readReportFile(file);
      addReport(draft);
      if (draft.replaced) problems.push(`${file.name}: some bytes were not UTF-8 and show as �.`);
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
    } else if (target.dataset.action === 'keep') {
      state.keep = [...new Set([...state.keep, target.dataset.unit])];
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
    if (action === 'remove') state.reports.splice(i, 1);
    if (action === 'up' && i > 0) [state.reports[i - 1], state.reports[i]] = [state.reports[i], state.reports[i - 1]];
    if (action === 'down' && i < state.reports.length - 1) [state.reports[i + 1], state.reports[i]] = [state.reports[i], state.reports[i + 1]];
    changed();
  });
  $('report-list').addEventListener('change', (event) => {
    if (event.target.dataset.action !== 'rename') return;
    const report = state.reports.find((r) => r.id === event.target.dataset.report);
    if (report) report.title = event.target.value.trim();
    changed();
  });

  $('paste-add').addEventListener('click', () => {
    try {
      addReport({ title: $('paste-title').value, text: $('paste-text').value });
      $('paste-title').value = '';
      $('paste-text').value = '';
      changed();
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
    download('parallax-reports.json', 'application/json', `${JSON.stringify(exportSet(state), null, 2)}\n`);
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
      changed();
    } catch (error) {
      showStatus(`Could not import ${file.name}: ${error.message}`, { error: true });
    }
  });
  $('reset').addEventListener('click', async () => {
    forgetSaved();
    state.keep = [];
    await loadDefault();
  });
  $('export-json').addEventListener('click', () => {
    if (!state.result) return;
    // Without the run's timing, the export is the bytes `parallax compare --set … --json` prints.
    const { elapsedMs, ...comparison } = state.result;
    download('parallax-comparison.json', 'application/json', `${JSON.stringify(comparison, null, 2)}\n`);
  });
  $('export-csv').addEventListener('click', () => {
    if (state.result) download('parallax-comparison.csv', 'text/csv', comparisonCsv(state.result));
  });
}

/** The copy-paste embed snippets for the current manifest (the sample one by default). */
function fillSnippets(src) {
  const manifest = new URL(src ?? DEFAULT_MANIFEST, document.baseURI).href;
  const base = new URL('.', document.baseURI).href;
  const view = state.view === 'aside' ? 'overview' : state.view;
  $('snippet-element').value = `<script type="module" src="${base}parallax-compare-define.js"></script>\n`
    + `<parallax-compare src="${manifest}" view="${view}"></parallax-compare>`;
  const embed = new URL('embed.html', base);
  embed.searchParams.set('src', manifest);
  embed.searchParams.set('view', view);
  $('snippet-iframe').value = `<iframe src="${embed.href}" title="Comparison of news reports" width="100%" height="600" style="border:0"></iframe>`;
}

function stepDifference(step) {
  const rows = [...view.querySelectorAll('tr[data-difference]')];
  if (!rows.length) return;
  const current = rows.indexOf(document.activeElement);
  const next = rows[current < 0 ? (step > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, current + step))];
  next.focus();
  next.scrollIntoView({ block: 'center' });
}

async function loadDefault() {
  try {
    state.reports = await loadManifest(DEFAULT_MANIFEST);
    await run();
  } catch (error) {
    showStatus(error.message, { error: true });
    document.body.dataset.state = 'error';
  }
}

async function main() {
  prepare(); // the engine loads while the reports are fetched
  limits().then((known) => { state.limits = known; }, () => {}); // a failed engine says so when it compares
  wire();
  const src = readUrl();
  fillSnippets(src);
  draw();
  if (src) {
    try {
      state.reports = await loadManifest(src);
    } catch (error) {
      notify([`${error.message}. Showing your saved or the sample reports instead.`]);
    }
  }
  if (!state.reports.length) {
    const saved = loadSaved();
    if (saved) {
      state.reports = saved.reports;
      state.keep = saved.keep;
    }
  }
  if (!state.reports.length) {
    await loadDefault();
    return;
  }
  await run();
}

main();
