// Types of the package: the engine's result tree (written by wasm-bindgen from the
// engine's own model, src/model.rs, and re-exported here), the worker-backed calls, and
// the <parallax-compare> element with its properties and events.

import type { CompareResult, Limits, Options, ReportInput } from './pkg/parallax.js';

export type {
  CompareResult, Comparison, Discrepancy, DiscrepancyKind, DiscrepancyValue, Group, Limits, Member,
  Nearest, Notice, NoticeKind, OnlyHere, Options, PossibleLink, QuoteCluster, QuoteInstance, Range,
  Relation, Report, ReportInput, ReportPair, Row, RowKind, SharedRun, SideBySide, Span, Tally, Tier,
  Unit, UnitKind, Variant, WordOp, Wording,
} from './pkg/parallax.js';

/** The version of the result tree (`result.schema`); see the README. */
export type Schema = CompareResult['schema'];

export interface CompareInit {
  /** Aborting it gives the comparison up, ended in the worker if it has started; the
   * promise then rejects with the signal's reason (an `AbortError` by default). */
  signal?: AbortSignal;
}

/**
 * Compares reports of one event in a Web Worker. Rejects with an `Error` saying what is
 * wrong with the input, or that the engine failed and was restarted.
 */
export function compare(reports: ReportInput[], options?: Options | null, init?: CompareInit): Promise<CompareResult>;

/** The engine's limits (bytes are UTF-8). */
export function limits(): Promise<Limits>;

/** Starts the worker, which loads the wasm module, before the first comparison. */
export function prepare(): void;

/** A report as the element takes it: outlet, url and date are shown, not compared. */
export interface WidgetReport {
  id: string;
  title?: string;
  outlet?: string;
  /** Linked only when it is an http or https address without a user name or password. */
  url?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
  text: string;
}

export type ParallaxView = 'overview' | 'side' | 'quotes' | 'reports' | 'discrepancies';
export type ParallaxTheme = 'auto' | 'light' | 'dark';

export interface ParallaxReadyDetail {
  reports: number;
  groups: number;
  quotes: number;
  unique: number;
  elapsedMs: number | undefined;
}

export interface ParallaxErrorDetail {
  message: string;
}

export interface ParallaxSelectDetail {
  kind: 'group' | 'quote' | 'unit';
  id: string;
}

export interface ParallaxCompareEventMap extends HTMLElementEventMap {
  'parallax-ready': CustomEvent<ParallaxReadyDetail>;
  'parallax-error': CustomEvent<ParallaxErrorDetail>;
  /** Cancelable: `preventDefault()` stops the choice. */
  'parallax-select': CustomEvent<ParallaxSelectDetail>;
  'parallax-selected': CustomEvent<ParallaxSelectDetail>;
}

/** `<parallax-compare>`: attributes are the source of truth, properties mirror them. */
export class ParallaxCompare extends HTMLElement {
  /** Defines the element (by default as `parallax-compare` in `customElements`); a
   * second call with the same tag does nothing. */
  static define(tag?: string, registry?: CustomElementRegistry): typeof ParallaxCompare;
  static readonly observedAttributes: string[];
  /** A manifest URL: a JSON list of `{id, title, outlet, url, date, text or textUrl}`. */
  src: string;
  /** Reads `overview` for any value that is not a view. */
  get view(): ParallaxView;
  set view(value: ParallaxView);
  /** The report shown on the left side by side. */
  base: string;
  get theme(): ParallaxTheme;
  set theme(value: ParallaxTheme);
  /** The reports to compare, or null to use `src` or the element's children. Never
   * throws: what cannot be compared is said in the status line and a `parallax-error`. */
  get reports(): WidgetReport[] | null;
  set reports(value: readonly WidgetReport[] | null | undefined);
  /** The last comparison, or null. */
  readonly result: CompareResult | null;

  addEventListener<K extends keyof ParallaxCompareEventMap>(
    type: K, listener: (this: ParallaxCompare, event: ParallaxCompareEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ParallaxCompareEventMap>(
    type: K, listener: (this: ParallaxCompare, event: ParallaxCompareEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'parallax-compare': ParallaxCompare;
  }
}
