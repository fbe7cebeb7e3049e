// <parallax-compare>: the comparison as an element a newsroom can drop into a page.
//
// Inputs, in order of precedence: the `reports` property (an array of {id, title, text}),
// the `src` attribute (a manifest URL), or the element's own <article>/<blockquote>
// children, which stay readable where JavaScript does not run. Attributes are the source
// of truth and properties mirror them; changes are batched into one update per
// microtask. All elements on a page share one engine worker (js/engine.js). The views,
// their tabs and the pair choice are the page's own (js/views.js), and so is rendering
// (js/render.js), inside a shadow root styled by same-origin stylesheets, so the element
// works under `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.

import { compare } from './js/engine.js';
import { htmlToText, loadManifest } from './js/data.js';
import { el } from './js/render.js';
import {
  VIEWS, choosePair, drawView, outlineCounterparts, pairChoice, tabStrip,
} from './js/views.js';

// The page's views but "Set aside": putting a line back needs the page's own report set.
const SHOWN = Object.keys(VIEWS).filter((key) => key !== 'aside');
const STYLESHEETS = ['./css/parallax.css', './css/widget.css'];
let instances = 0;

export class ParallaxCompare extends HTMLElement {
  static observedAttributes = ['src', 'view', 'base', 'lang'];

  /** Defines the element; a second call with the same tag does nothing. */
  static define(tag = 'parallax-compare', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #reports = null;
  #result = null;
  #scheduled = false;
  #generation = 0;
  #group = null;
  #pair = null;
  #uid = `pc${++instances}`;
  #root;
  #parts = {};

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
  }

  // --- Properties mirroring attributes ---------------------------------------------

  get src() { return this.getAttribute('src') ?? ''; }
  set src(value) { this.setAttribute('src', value); }
  get view() { return SHOWN.includes(this.getAttribute('view')) ? this.getAttribute('view') : 'overview'; }
  set view(value) { this.setAttribute('view', value); }
  get base() { return this.getAttribute('base') ?? ''; }
  set base(value) { if (value) this.setAttribute('base', value); else this.removeAttribute('base'); }

  /** The reports to compare, or null to use `src` or the element's children. */
  get reports() { return this.#reports; }
  set reports(value) {
    this.#reports = Array.isArray(value) ? value.map((r, i) => ({ id: String(r.id ?? i + 1), title: String(r.title ?? ''), text: String(r.text ?? '') })) : null;
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
    // Work under way for this element is dropped when it comes back.
    this.#generation += 1;
    this.#scheduled = false;
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
      link.href = new URL(href, import.meta.url).href;
      this.#root.append(link);
    }
    const widget = el('section', 'widget');
    widget.setAttribute('part', 'container');
    widget.setAttribute('aria-label', 'Comparison of news reports');
    if (this.hasAttribute('lang')) widget.lang = this.getAttribute('lang');
    const status = el('p', 'status', 'Loading the comparison…');
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    status.setAttribute('part', 'status');
    const view = el('div', 'view');
    view.id = `${this.#uid}-view`;
    view.setAttribute('role', 'tabpanel');
    view.setAttribute('part', 'view');
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
    widget.append(status, tabs, controls, view);
    this.#root.append(widget);
    this.#parts = { widget, status, controls, view, showTab, showPair };
  }

  async #inputs() {
    if (this.#reports) return this.#reports;
    if (this.src) return loadManifest(new URL(this.src, document.baseURI).href);
    const children = [...this.querySelectorAll(':scope > article, :scope > blockquote')];
    return children.map((child, i) => {
      const heading = child.querySelector('h1, h2, h3, h4, h5, h6');
      const { text } = htmlToText(`<body>${child.innerHTML}</body>`);
      return { id: child.dataset.id || String(i + 1).padStart(3, '0'), title: child.dataset.title || heading?.textContent.trim() || '', text };
    });
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
    this.#parts.status.textContent = 'Comparing…';
    try {
      const reports = await this.#inputs();
      if (generation !== this.#generation) return;
      if (reports.length === 0) throw new Error('no reports to compare: set src, reports, or add <article> children');
      const [a, b] = this.#pairFor(reports.map((r) => r.id));
      const result = await compare(reports, { sideBySide: a && b ? [[a, b]] : [] });
      if (generation !== this.#generation || !this.isConnected) return;
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
    status.textContent = `${result.reports.length} reports, ${result.groups.length} shared facts, ${result.quotes.length} quotations.`;
    showTab(this.view);
    controls.hidden = this.view !== 'side';
    const pair = this.#currentPair();
    if (this.view === 'side') showPair(result.reports, pair);
    const content = drawView(this.view, result, { group: this.#group, pair });
    for (const [selector, part] of [['.matrix', 'matrix'], ['.quote-card', 'quote-card'], ['.pair', 'pair'], ['.report-column', 'report'], ['.discrepancy-card', 'discrepancy-card']]) {
      for (const node of content.querySelectorAll(selector)) node.setAttribute('part', part);
    }
    // Ids in the shadow root must stay unique when several elements share a page.
    for (const node of content.querySelectorAll('[id]')) node.id = `${this.#uid}-${node.id}`;
    for (const node of content.querySelectorAll('[aria-labelledby]')) {
      node.setAttribute('aria-labelledby', `${this.#uid}-${node.getAttribute('aria-labelledby')}`);
    }
    view.replaceChildren(content);
  }

  #onClick(event) {
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
    return this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, cancelable, detail }));
  }
}
