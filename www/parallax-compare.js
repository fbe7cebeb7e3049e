// <parallax-compare>: the comparison as an element a newsroom can drop into a page.
//
// Inputs, in order of precedence: the `reports` property (an array of {id, title, outlet,
// url, date, text}),
// the `src` attribute (a manifest URL), or the element's own <article>/<blockquote>
// children, which stay readable where JavaScript does not run. Attributes are the source
// of truth and properties mirror them; changes are batched into one update per
// microtask. All elements on a page share one engine worker (js/engine.js). The views,
// their tabs and the pair choice are the page's own (js/views.js), and so is rendering
// (js/render.js), inside a shadow root styled by same-origin stylesheets, so the element
// works under `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`. A comparison
// that new inputs supersede, or that the reader stops, is ended in the engine; nothing
// set on the element throws: bad input is said in the status line and a
// `parallax-error` event.

import { compare, limits } from './js/engine.js';
import {
  htmlToText, loadManifest, reportsFrom,
} from './js/data.js';
import { count, el } from './js/render.js';
import {
  VIEWS, choosePair, drawView, outlineCounterparts, pairChoice, tabStrip,
} from './js/views.js';

// The page's views but "Set aside": putting a line back needs the page's own report set.
const SHOWN = Object.keys(VIEWS).filter((key) => key !== 'aside');
// Each address is written out in full so that a bundler sees it and copies the file.
const STYLESHEETS = [
  new URL('./css/parallax.css', import.meta.url).href,
  new URL('./css/widget.css', import.meta.url).href,
];
let instances = 0;

/**
 * The comparison of several news reports of one event: the facts they share, what each
 * says alone, their quotes and where they disagree. The tags below are read by the
 * Custom Elements Manifest analyzer into the package's `custom-elements.json`.
 *
 * @tag parallax-compare
 * @summary Compares news reports of one event, in five views.
 *
 * @attr {string} src - A manifest URL: a JSON list of `{id, title, outlet, url, date, text or textUrl}`.
 * @attr {'overview' | 'side' | 'quotes' | 'reports' | 'discrepancies'} view - The view shown (default `overview`).
 * @attr {string} base - The report shown on the left side by side.
 * @attr {string} lang - The language of the reports, set on the shadow content.
 * @attr {'auto' | 'light' | 'dark'} theme - `auto` (default) follows the host page's `color-scheme`.
 * @attr {string} label - The widget's accessible name (default "Comparison of news reports").
 *
 * @fires {CustomEvent<{reports: number, groups: number, quotes: number, unique: number, elapsedMs: number}>} parallax-ready - After each comparison.
 * @fires {CustomEvent<{message: string}>} parallax-error - When the reports cannot be loaded or compared.
 * @fires {CustomEvent<{kind: 'group' | 'quote' | 'unit', id: string}>} parallax-select - Cancelable: a fact, quote or passage is chosen; `preventDefault()` stops it.
 * @fires {CustomEvent<{kind: 'group' | 'quote' | 'unit', id: string}>} parallax-selected - The same, after the choice took effect.
 *
 * @csspart container - The whole widget.
 * @csspart status - The status line.
 * @csspart run - The time taken, Stop and Compare.
 * @csspart tabs - The view switcher.
 * @csspart tab - Each tab.
 * @csspart view - The current view.
 * @csspart matrix - The coverage table.
 * @csspart quote-card - Each quote card.
 * @csspart discrepancy-card - Each discrepancy card.
 * @csspart pair - The side-by-side table.
 * @csspart report - Each report column.
 *
 * @cssprop [--parallax-font-family=system-ui, -apple-system, "Segoe UI", Roboto, sans-serif] - The font.
 * @cssprop [--parallax-font-size=16px] - The base font size.
 * @cssprop --parallax-color - The text colour (default: the light or dark palette, as `theme` says).
 * @cssprop --parallax-background - The background (default: the palette's).
 * @cssprop --parallax-border - The border colour (default: the palette's).
 * @cssprop [--parallax-radius=6px] - The corner radius.
 * @cssprop [--parallax-max-height=none] - Past it the widget scrolls inside.
 */
export class ParallaxCompare extends HTMLElement {
  static observedAttributes = ['src', 'view', 'base', 'lang'];

  /** Defines the element; a second call with the same tag does nothing. */
  static define(tag = 'parallax-compare', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #reports = null;
  #meta = []; // the reports compared, with their outlets and addresses (the engine has neither)
  #reportsError = null; // why the `reports` given cannot be compared
  #notices = []; // what was repaired in the inputs, said with the result
  #controller = null; // ends the comparison under way
  #ticking = null;
  #result = null;
  #scheduled = false;
  #generation = 0;
  #group = null;
  #filter = {}; // the coverage table's filter (render.js, renderOverview)
  #quoteDiffs = false; // quotes as edits against the reference (render.js, renderQuotes)
  #pair = null;
  #uid = `pc${++instances}`;
  #root;
  #parts = {};

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    // A property set before the element was defined (a CMS script that runs before this
    // module) is an own property hiding the accessor: take it through the setter.
    for (const name of ['reports', 'src', 'view', 'base', 'theme']) {
      if (!Object.hasOwn(this, name)) continue;
      const value = this[name];
      delete this[name];
      this[name] = value;
    }
  }

  // --- Properties mirroring attributes ---------------------------------------------

  /** A manifest URL (the `src` attribute). */
  get src() { return this.getAttribute('src') ?? ''; }
  set src(value) { this.setAttribute('src', value); }
  /** The view shown: `overview` for any value that is not a view. */
  get view() { return SHOWN.includes(this.getAttribute('view')) ? this.getAttribute('view') : 'overview'; }
  set view(value) { this.setAttribute('view', value); }
  /** The report shown on the left side by side. */
  get base() { return this.getAttribute('base') ?? ''; }
  set base(value) { if (value) this.setAttribute('base', value); else this.removeAttribute('base'); }
  /** `light`, `dark` or `auto` (the default: the host page's color-scheme); styled by
   * widget.css from the attribute alone. */
  get theme() { return ['light', 'dark'].includes(this.getAttribute('theme')) ? this.getAttribute('theme') : 'auto'; }
  set theme(value) { this.setAttribute('theme', value); }

  /** The reports to compare, or null to use `src` or the element's children. Reports
   * that cannot be compared are said in a `parallax-error` event, not thrown. */
  get reports() { return this.#reports; }
  set reports(value) {
    this.#reports = null;
    this.#reportsError = null;
    if (value !== null && value !== undefined) {
      try {
        const given = reportsFrom(value);
        this.#reports = given.reports;
        this.#notices = given.notices;
      } catch (error) {
        this.#reportsError = error.message;
      }
    }
    this.#schedule({ reload: true });
  }

  /** The last comparison result, or null. */
  get result() { return this.#result; }

  // --- Lifecycle ---------------------------------------------------------------------

  connectedCallback() {
    if (!this.#parts.view) this.#build();
    this.#schedule({ reload: true });
  }

  disconnectedCallback() {
    // Work under way for this element is ended; it compares again when it comes back.
    this.#generation += 1;
    this.#scheduled = false;
    this.#end();
  }

  attributeChangedCallback(name, previous, value) {
    if (previous === value) return;
    if (name === 'lang' && this.#parts.widget) this.#parts.widget.lang = value ?? '';
    this.#schedule({ reload: name === 'src' || name === 'base' });
  }

  #pendingReload = false;

  #schedule({ reload = false } = {}) {
    this.#pendingReload ||= reload;
    if (this.#scheduled || !this.isConnected) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      if (!this.#scheduled) return;
      this.#scheduled = false;
      const reload = this.#pendingReload;
      this.#pendingReload = false;
      if (reload || !this.#result) this.#compare();
      else this.#draw();
    });
  }

  // --- Building and drawing ----------------------------------------------------------

  #build() {
    for (const href of STYLESHEETS) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      this.#root.append(link);
    }
    const widget = el('section', 'widget');
    widget.setAttribute('part', 'container');
    widget.id = `${this.#uid}-widget`;
    // A page may hold several: each region's name is its own (landmarks must differ).
    const number = Number(this.#uid.slice(2));
    widget.setAttribute('aria-label', this.getAttribute('label') || (number === 1 ? 'Comparison of news reports' : `Comparison of news reports ${number}`));
    if (this.hasAttribute('lang')) widget.lang = this.getAttribute('lang');
    const status = el('p', 'status', 'Loading the comparison…');
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    status.setAttribute('part', 'status');
    // Under way: the time taken (outside the live status line, which would read it out
    // every second) and Stop; stopped: Compare.
    const run = el('div', 'widget-run');
    run.setAttribute('part', 'run');
    const elapsed = el('span', 'elapsed');
    const stop = el('button', 'small stop', 'Stop');
    stop.type = 'button';
    stop.addEventListener('click', () => this.#stop());
    const again = el('button', 'small compare', 'Compare');
    again.type = 'button';
    again.addEventListener('click', () => this.#compare());
    run.append(elapsed, stop, again);
    run.hidden = true;
    const view = el('div', 'view');
    view.id = `${this.#uid}-view`;
    view.setAttribute('role', 'tabpanel');
    view.setAttribute('part', 'view');
    view.tabIndex = -1;
    view.addEventListener('click', (event) => this.#onClick(event));
    outlineCounterparts(view);
    const tabs = el('div', 'tabs');
    tabs.setAttribute('part', 'tabs');
    const showTab = tabStrip(tabs, {
      keys: SHOWN, panel: view, idPrefix: `${this.#uid}-`, onChoose: (key) => { this.view = key; },
    });
    for (const tab of tabs.children) tab.setAttribute('part', 'tab');
    showTab(this.view);
    const controls = el('div', 'side-controls');
    controls.hidden = true;
    const [selectA, selectB] = [['a', 'Left'], ['b', 'Right']].map(([side, text]) => {
      const label = el('label', null, text);
      const select = el('select');
      select.id = `${this.#uid}-${side}`;
      label.htmlFor = select.id;
      controls.append(label, select);
      return select;
    });
    const showPair = pairChoice(selectA, selectB, (pair) => {
      this.#pair = pair;
      this.#compare();
    });
    widget.append(status, run, tabs, controls, view);
    this.#root.append(widget);
    this.#parts = {
      widget, status, run, elapsed, stop, again, controls, view, showTab, showPair,
    };
  }

  async #inputs() {
    if (this.#reportsError) throw new Error(this.#reportsError);
    if (this.#reports) return this.#reports;
    if (this.src) {
      const maxReports = limits().then((known) => known.maxReports, () => null);
      const set = await loadManifest(new URL(this.src, document.baseURI).href, { maxReports });
      this.#notices = set.notices;
      return set.reports;
    }
    this.#notices = [];
    const children = [...this.querySelectorAll(':scope > article, :scope > blockquote')];
    const reports = children.map((child, i) => {
      const heading = child.querySelector('h1, h2, h3, h4, h5, h6');
      const { text } = htmlToText(`<body>${child.innerHTML}</body>`);
      return {
        id: child.dataset.id || String(i + 1).padStart(3, '0'),
        title: child.dataset.title || heading?.textContent.trim() || '',
        outlet: child.dataset.outlet ?? '',
        url: child.dataset.url ?? child.getAttribute('cite') ?? '',
        date: child.dataset.date ?? child.querySelector('time[datetime]')?.getAttribute('datetime')?.slice(0, 10) ?? '',
        text,
      };
    });
    return reportsFrom(reports).reports;
  }

  /** Ends the comparison under way, if any. */
  #end() {
    this.#controller?.abort();
    this.#controller = null;
    this.#showRun('idle');
  }

  /** The run controls: `busy` (time taken, Stop), `stopped` (Compare) or `idle`. */
  #showRun(mode) {
    const { run, elapsed, stop, again, view } = this.#parts;
    if (!run) return;
    clearInterval(this.#ticking);
    const focused = this.#root.activeElement;
    run.hidden = mode === 'idle';
    stop.hidden = mode !== 'busy';
    again.hidden = mode !== 'stopped';
    elapsed.hidden = mode !== 'busy';
    // A focused button that goes hands the keyboard on: Compare to Stop, Stop to the view.
    if (mode === 'busy' && focused === again) stop.focus();
    else if (mode !== 'busy' && focused === stop) view.focus();
    if (mode !== 'busy') return;
    const started = performance.now();
    const tick = () => { elapsed.textContent = `${Math.floor((performance.now() - started) / 1000)} s`; };
    tick();
    this.#ticking = setInterval(tick, 1000);
  }

  /** The reader stopped the comparison: it ends, and waits for Compare. */
  #stop() {
    if (!this.#controller) return;
    this.#generation += 1;
    this.#end();
    this.#result = null;
    this.#parts.view.replaceChildren(el('p', 'empty', 'Nothing to show: the comparison was stopped.'));
    this.#parts.status.setAttribute('role', 'status');
    this.#parts.status.textContent = 'Stopped: the reports are not compared. Press Compare to compare them.';
    this.#showRun('stopped');
    this.#parts.again.focus();
  }

  /** The two reports side by side: the chosen pair, else `base` and the next report. */
  #pairFor(ids) {
    return choosePair(ids, this.#pair ?? [this.base, null]);
  }

  #currentPair() {
    return this.#pairFor(this.#result?.reports.map((r) => r.id) ?? []);
  }

  async #compare() {
    const generation = ++this.#generation;
    this.#end(); // a superseded comparison is ended, not left to finish
    const controller = new AbortController();
    this.#controller = controller;
    this.#parts.status.setAttribute('role', 'status');
    this.#parts.status.textContent = 'Comparing…';
    this.#showRun('busy');
    try {
      const reports = await this.#inputs();
      if (generation !== this.#generation) return;
      if (reports.length === 0) throw new Error('no reports to compare: set src, reports, or add <article> children');
      this.#parts.status.textContent = `Comparing ${count(reports.length, 'report')}…`;
      const [a, b] = this.#pairFor(reports.map((r) => r.id));
      const inputs = reports.map(({ id, title, text }) => ({ id, title, text }));
      const result = await compare(inputs, { sideBySide: a && b ? [[a, b]] : [] }, { signal: controller.signal });
      if (generation !== this.#generation || !this.isConnected) return;
      this.#meta = reports;
      this.#controller = null;
      this.#showRun('idle');
      this.#result = result;
      this.#draw();
      this.#emit('parallax-ready', {
        reports: result.reports.length,
        groups: result.groups.length,
        quotes: result.quotes.length,
        unique: result.reports.reduce((n, r) => n + r.unique.length, 0),
        elapsedMs: result.elapsedMs,
      });
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#controller = null;
      this.#showRun('idle');
      this.#parts.status.textContent = `The comparison failed: ${error.message}`;
      this.#parts.status.setAttribute('role', 'alert');
      this.#emit('parallax-error', { message: error.message });
    }
  }

  #draw() {
    const result = this.#result;
    const { status, controls, view, showTab, showPair } = this.#parts;
    if (!result) return;
    status.setAttribute('role', 'status');
    status.textContent = [`${count(result.reports.length, 'report')}, ${count(result.groups.length, 'shared fact')}, ${count(result.quotes.length, 'quotation')}.`, ...this.#notices].join(' ');
    showTab(this.view);
    controls.hidden = this.view !== 'side';
    const pair = this.#currentPair();
    if (this.view === 'side') showPair(result, pair, this.#meta);
    const content = drawView(this.view, result, {
      group: this.#group, pair, meta: this.#meta, filter: this.#filter, onFilter: (filter) => { this.#filter = filter; },
      quoteDiffs: this.#quoteDiffs, onQuoteDiffs: (diffs) => { this.#quoteDiffs = diffs; },
    });
    for (const [selector, part] of [['.matrix', 'matrix'], ['.quote-card', 'quote-card'], ['.pair', 'pair'], ['.report-column', 'report'], ['.discrepancy-card', 'discrepancy-card']]) {
      for (const node of content.querySelectorAll(selector)) node.setAttribute('part', part);
    }
    // Ids in the shadow root must stay unique when several elements share a page.
    for (const node of content.querySelectorAll('[id]')) node.id = `${this.#uid}-${node.id}`;
    for (const node of content.querySelectorAll('[aria-labelledby]')) {
      // A section's name ends with the widget's, so that two widgets' "Shared facts"
      // are two landmarks a reader can tell apart.
      const widget = node.tagName === 'SECTION' ? ` ${this.#parts.widget.id}` : '';
      node.setAttribute('aria-labelledby', `${this.#uid}-${node.getAttribute('aria-labelledby')}${widget}`);
    }
    view.replaceChildren(content);
  }

  #onClick(event) {
    const pair = event.target.closest('[data-action="open-pair"]');
    if (pair) {
      // A heat-map cell: that pair side by side, compared again for its layout.
      this.#pair = [pair.dataset.a, pair.dataset.b];
      this.view = 'side';
      this.#schedule({ reload: true });
      this.#root.getElementById(`${this.#uid}-tab-side`)?.focus();
      return;
    }
    const target = event.target.closest('[data-action="open-group"], .quote-card, .unit, .member');
    if (!target) return;
    const detail = target.dataset.group
      ? { kind: 'group', id: target.dataset.group }
      : target.dataset.quote
        ? { kind: 'quote', id: target.dataset.quote }
        : { kind: 'unit', id: target.dataset.unit };
    if (!detail.id) return;
    if (!this.#emit('parallax-select', detail, { cancelable: true })) return;
    if (detail.kind === 'group') {
      this.#group = this.#group === detail.id ? null : detail.id;
      this.#draw();
    }
    this.#emit('parallax-selected', detail);
  }

  /** Dispatches a namespaced event; returns false when a listener cancelled it. */
  #emit(type, detail, { cancelable = false } = {}) {
    return this.dispatchEvent(parallaxEvent(type, detail, cancelable));
  }
}

/** One of the element's events: they all bubble and are composed, so they reach the
 * document from the shadow root. (Built outside the class so that the manifest analyzer
 * reads the event names from the class's `@fires` tags, not from a variable.) */
function parallaxEvent(type, detail, cancelable) {
  return new CustomEvent(type, { bubbles: true, composed: true, cancelable, detail });
}
