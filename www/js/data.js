// Where reports come from and where they go: manifests, files, pasted text, the
// browser's storage, and JSON exports. Nothing here interprets report text as HTML: an
// HTML file is parsed into an inert document only to take its text.

const STORAGE_KEY = 'parallax:reports:v1';
const SET_FORMAT = 'parallax-report-set';

// --- Text as the engine and every export can take it --------------------------------

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `value` as well-formed UTF-16: each lone surrogate becomes U+FFFD. The engine reads
 * UTF-8, where a lone surrogate cannot be written, so it would read U+FFFD anyway; doing
 * it when a report enters the set keeps the page's text, the engine's offsets and every
 * export (JSON that other tools must read as UTF-8) in agreement.
 */
export function wellFormed(value) {
  const text = String(value ?? '');
  return typeof text.toWellFormed === 'function' ? text.toWellFormed() : text.replace(LONE_SURROGATE, '\uFFFD');
}

/** A date as the set keeps it: `YYYY-MM-DD`, else null. */
export function isoDate(value) {
  const text = String(value ?? '').trim();
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ? text : null;
}

/** A report as the set holds it: every field a well-formed string, `url` (the
 * original's address, shown as a link) and `date` (its publication, `YYYY-MM-DD`) only
 * when there is one. `fixed` says whether a lone surrogate had to be replaced. */
function cleanReport({ id, title, outlet, url, date, text }) {
  const report = { id: wellFormed(id), title: wellFormed(title), outlet: wellFormed(outlet), text: wellFormed(text) };
  const fixed = report.id !== String(id ?? '') || report.title !== String(title ?? '')
    || report.outlet !== String(outlet ?? '') || report.text !== String(text ?? '');
  if (typeof url === 'string' && url.trim()) report.url = wellFormed(url.trim());
  if (isoDate(date)) report.date = isoDate(date);
  return { report, fixed };
}

/** The sentence a reader is shown when `fixed` reports had lone surrogates replaced. */
const surrogateNotice = (names) => `${names.join(', ')}: some characters were not valid Unicode (lone UTF-16 surrogates) and show as �.`;

// --- Report ids ---------------------------------------------------------------------

const padId = (n) => String(n).padStart(3, '0');
const isBlank = (id) => id === undefined || id === null || String(id).trim() === '';

/**
 * The id counter of a set: never below the next number after its numeric ids, and never
 * going back, so that an id once given to a report is never given to another (a put-back
 * line, a shared link or another tab may still name it).
 */
export function idCounter(reports, next = 0) {
  const numeric = reports.reduce((max, r) => (/^\d+$/.test(r.id) ? Math.max(max, Number(r.id)) : max), -1) + 1;
  return Math.max(Number.isSafeInteger(next) && next > 0 ? next : 0, numeric);
}

/** Takes a fresh id for a new report of `set` (`{ reports, next }`), advancing `set.next`. */
export function takeId(set) {
  const taken = new Set(set.reports.map((r) => r.id));
  let n = idCounter(set.reports, set.next);
  while (taken.has(padId(n))) n += 1;
  set.next = n + 1;
  return padId(n);
}

/**
 * Gives every report of `set` whose id is missing or blank a fresh id (the engine refuses
 * a blank id, and would refuse the whole comparison). Returns a sentence per report so
 * changed, for the reader; `where` names the source ("the set", "the manifest").
 */
function assignIds(set, blankIds, where) {
  const notices = [];
  for (const index of blankIds) {
    const report = set.reports[index];
    report.id = takeId(set);
    notices.push(`Report ${index + 1} of ${where} had no id: it is now ${report.id}.`);
  }
  return notices;
}

// --- Sizes --------------------------------------------------------------------------

const MIB = 1024 * 1024;
const bytesText = (bytes) => `${new Intl.NumberFormat('en').format(bytes)} bytes`;

/**
 * Two sizes in words, precise enough to differ when they do: megabytes with one decimal,
 * or every byte when those would read the same ("2,097,153 bytes, more than the
 * 2,097,152 bytes").
 */
export function sizes(bytes, limit) {
  const mb = (n) => `${(Math.round((n * 10) / MIB) / 10).toFixed(1)} MB`;
  return mb(bytes) === mb(limit) ? [bytesText(bytes), bytesText(limit)] : [mb(bytes), mb(limit)];
}

// --- Manifests ----------------------------------------------------------------------

/** `url` as it may be shown: without a user name or password. */
export function shownUrl(url) {
  try {
    const shown = new URL(url);
    if (!shown.username && !shown.password) return shown.href;
    shown.username = '';
    shown.password = '';
    return shown.href.replace('://', '://…@');
  } catch {
    return String(url).replace(/\/\/[^/@]*@/, '//…@');
  }
}

/**
 * Fetches a manifest and the texts it points to; resolves to `{ reports: [{ id, title,
 * outlet, text }], next, notices }`. `maxReports` (a number, or a promise of one) is the
 * engine's limit: a longer manifest is refused before any of its texts is fetched.
 */
export async function loadManifest(manifestUrl, { maxReports = null } = {}) {
  const base = new URL(manifestUrl, document.baseURI);
  const entries = await fetchJson(base);
  if (!Array.isArray(entries)) {
    throw new Error(`the manifest ${base.pathname} is not a list of reports`);
  }
  const max = await maxReports;
  if (max !== null && entries.length > max) {
    throw new Error(`the manifest ${base.pathname} lists ${entries.length} reports, more than the ${max} that can be compared at once`);
  }
  const blankIds = entries.flatMap((entry, index) => (isBlank(entry?.id) ? [index] : []));
  const drafts = await Promise.all(entries.map(async (entry, index) => {
    const name = isBlank(entry?.id) ? `${index + 1}` : String(entry.id);
    let text = entry?.text;
    if (typeof text !== 'string') {
      if (typeof entry?.textUrl !== 'string') throw new Error(`report ${name} of the manifest has neither text nor textUrl`);
      text = await fetchText(new URL(entry.textUrl, base));
    }
    return cleanReport({ id: isBlank(entry?.id) ? '' : entry.id, title: entry.title ?? '', outlet: entry.outlet ?? '', url: entry.url, date: entry.date, text });
  }));
  const set = { reports: drafts.map((d) => d.report), keep: [], setAside: [], next: 0 };
  set.next = idCounter(set.reports.filter((r) => r.id));
  const notices = assignIds(set, blankIds, 'the manifest');
  const fixed = drafts.flatMap((d) => (d.fixed ? [d.report.id] : []));
  if (fixed.length) notices.push(surrogateNotice(fixed));
  return { ...set, notices };
}

async function fetchJson(url) {
  const response = await fetchOk(url);
  try {
    return await response.json();
  } catch {
    throw new Error(`${url.pathname} is not valid JSON`);
  }
}

async function fetchText(url) {
  return (await fetchOk(url)).text();
}

async function fetchOk(url) {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`reports can only be loaded from http or https addresses, not ${url.protocol}`);
  }
  if (url.username || url.password) {
    // Said without them: the address is shown in the page and may be shared.
    throw new Error(`reports cannot be loaded from an address with a user name or password (${shownUrl(url)})`);
  }
  let response;
  try {
    // Only what was asked for, never with the reader's cookies or HTTP credentials, on
    // this site or another: a manifest must not be a way to read what a login shows.
    response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch (error) {
    throw new Error(`could not load ${shownUrl(url)}: ${error.message}`);
  }
  if (!response.ok) {
    throw new Error(`could not load ${url.pathname}: ${response.status} ${response.statusText}`.trim());
  }
  return response;
}

/** The plain text of an HTML document, one block per paragraph. */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const node of doc.querySelectorAll('script, style, noscript, template, iframe, object, svg, nav, footer')) node.remove();
  const blocks = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'ARTICLE', 'SECTION',
    'HEADER', 'TR', 'PRE', 'FIGCAPTION', 'DT', 'DD', 'TABLE', 'UL', 'OL', 'MAIN', 'ASIDE']);
  const out = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      out.push(node.nodeValue.replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.tagName === 'BR') out.push('\n');
    const block = blocks.has(node.tagName);
    if (block) out.push('\n\n');
    for (const child of node.childNodes) walk(child);
    if (block) out.push('\n\n');
  };
  const title = doc.querySelector('title')?.textContent?.trim() ?? '';
  walk(doc.body ?? doc.documentElement);
  const text = out.join('').split('\n').map((line) => line.trim()).join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return { title, text };
}

/**
 * The id a file's name gives its report, as the command-line tool reads it: the name up
 * to its first `_` or `.` (`06_bbc.txt` is report `06`), when that is letters, digits and
 * hyphens (a unit id and the page's lists of them must be able to hold it); else null.
 */
export function fileId(name) {
  const prefix = String(name ?? '').split(/[_.]/)[0];
  return /^[A-Za-z0-9-]{1,40}$/.test(prefix) ? prefix : null;
}

/** Reads a dropped or chosen file as a report draft `{ id, title, text, replaced }`, `id`
 * the one its name gives (see `fileId`) or null. */
export async function readReportFile(file) {
  const name = file.name || 'file';
  if (!/\.(txt|md|markdown|html?|text)$/i.test(name) && !/^text\//.test(file.type)) {
    throw new Error(`${name}: only .txt, .md and .html files can be read`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  // Invalid UTF-8 becomes U+FFFD, and the reader is told, rather than the file refused.
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  const replaced = text.includes('\uFFFD');
  const stem = name.replace(/\.[^.]+$/, '');
  if (/\.html?$/i.test(name) || file.type === 'text/html') {
    const page = htmlToText(text);
    return { id: fileId(name), title: page.title || stem, text: page.text, replaced };
  }
  return { id: fileId(name), title: stem, text, replaced };
}

const encoder = new TextEncoder();

/**
 * Why `reports` cannot be compared under the engine's `limits` (from the engine's
 * `limits()`), or null when they can. Checked before a report is added or a set imported,
 * so the reader hears it at once and the set in hand stays as it was.
 */
export function overLimits(reports, limits) {
  if (!limits) return null;
  if (reports.length > limits.maxReports) {
    return `${reports.length} reports is more than the ${limits.maxReports} that can be compared at once: remove some first`;
  }
  let total = 0;
  for (const report of reports) {
    const bytes = encoder.encode(report.text).length;
    total += bytes;
    if (bytes > limits.maxReportBytes) {
      const [size, limit] = sizes(bytes, limits.maxReportBytes);
      return `“${report.title || report.id}” is ${size} long, more than the ${limit} a report may have: shorten it or split it`;
    }
  }
  if (total > limits.maxTotalBytes) {
    const [size, limit] = sizes(total, limits.maxTotalBytes);
    return `the reports would hold ${size} of text, more than the ${limit} that can be compared at once`;
  }
  return null;
}

/** A new report for `set` from pasted or read text: the `id` asked for (a file's, see
 * `fileId`) when no report of the set has it, else a fresh one; well-formed text.
 * Returns `{ report, fixed }` (see `cleanReport`); `set.next` advances past a fresh id,
 * and past a numeric one asked for. */
export function newReport(set, { id = null, title, text }) {
  const free = id && !set.reports.some((r) => r.id === id);
  const chosen = free ? id : takeId(set);
  if (free) set.next = idCounter([...set.reports, { id }], set.next);
  return cleanReport({ id: chosen, title: title.trim(), outlet: '', text });
}

/**
 * The put-back unit ids of `keep` that name a report of `reports`, and a sentence for the
 * reader about those dropped (or null). A unit id is `${report}:u${n}`, the report's id
 * being everything before the last ":u".
 */
export function keptFor(reports, keep) {
  const ids = new Set(reports.map((r) => r.id));
  const valid = [];
  const dropped = [];
  for (const unit of keep) {
    const at = unit.lastIndexOf(':u');
    const fits = at >= 0 && ids.has(unit.slice(0, at)) && /^\d+$/.test(unit.slice(at + 2));
    (fits ? valid : dropped).push(unit);
  }
  return { keep: valid, notice: droppedNotice(dropped) };
}

/** What the reader is told when put-back lines `dropped` no longer apply, or null. */
export function droppedNotice(dropped, why = 'their report is no longer in the set') {
  if (!dropped.length) return null;
  const lines = dropped.length === 1 ? `1 line put back (${dropped[0]}) is` : `${dropped.length} lines put back (${dropped.join(', ')}) are`;
  return `${lines} set aside again: ${why}.`;
}

// --- The browser's storage ----------------------------------------------------------

/**
 * The saved set `{ reports, keep, setAside, next, notices, revision, stopped }`, or null. `revision`
 * counts the saves (another tab's save is noticed by it), `stopped` says that the reader
 * stopped its comparison, and `notices` what was repaired on the way in.
 */
export function loadSaved() {
  let raw;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
  return savedFrom(raw);
}

function savedFrom(raw) {
  try {
    const saved = JSON.parse(raw ?? 'null');
    if (!saved || !Array.isArray(saved.reports)) return null;
    const set = parseSet(saved, 'your saved reports');
    return { ...set, revision: Number.isSafeInteger(saved.revision) ? saved.revision : 0, stopped: saved.stopped === true };
  } catch {
    return null;
  }
}

function savedRevision() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    return Number.isSafeInteger(saved?.revision) ? saved.revision : 0;
  } catch {
    return 0;
  }
}

/**
 * Saves the set in the browser's storage, over revision `base` (the one this tab last
 * read or wrote). Returns `{ revision, conflict, problem }`: the new revision; `conflict`
 * true, and nothing written, when another tab saved since `base` (the caller shows that
 * tab's set rather than overwrite it); `problem` a sentence saying why the set could not
 * be saved (storage full, or disabled), for the reader, else null.
 */
export function save(set, { base = null, stopped = false } = {}) {
  if (base !== null && savedRevision() !== base) return { revision: base, conflict: true, problem: null };
  const revision = (base ?? savedRevision()) + 1;
  const json = JSON.stringify({ ...exportSet(set), revision, stopped });
  try {
    localStorage.setItem(STORAGE_KEY, json);
    return { revision, conflict: false, problem: null };
  } catch (error) {
    const size = `${(json.length / (1024 * 1024)).toFixed(1)} MB`;
    const why = error?.name === 'QuotaExceededError'
      ? `the browser's storage for this page is full (these reports take ${size})`
      : `the browser does not let this page store data (${error?.name ?? 'error'}: ${error?.message ?? error})`;
    return {
      revision: base ?? 0,
      conflict: false,
      problem: `Your reports could not be saved: ${why}. They are compared, but will be lost when the page reloads: export them to keep them.`,
    };
  }
}

/** Calls `onChange(saved)` when another tab saves or forgets the set (`saved` as
 * `loadSaved` gives it, null when forgotten). */
export function watchSaved(onChange) {
  window.addEventListener('storage', (event) => {
    if (event.storageArea !== localStorage || (event.key !== STORAGE_KEY && event.key !== null)) return;
    onChange(savedFrom(event.key === null ? null : event.newValue));
  });
}

export function forgetSaved() {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage disabled: nothing was saved.
  }
}

/** The set as an exportable object. `next` is its id counter (see `idCounter`). */
export function exportSet({ reports, keep = [], setAside = [], next = 0 }) {
  return {
    format: SET_FORMAT,
    version: 1,
    reports: reports.map(({ id, title, outlet, url, date, text }) => ({ id, title, outlet: outlet ?? '', ...(url ? { url } : {}), ...(date ? { date } : {}), text })),
    keep: [...keep],
    ...(setAside.length ? { setAside: [...setAside] } : {}),
    next: idCounter(reports, next),
  };
}

/**
 * Validates an imported or saved set; throws an `Error` saying what is wrong. Repairs
 * what can be repaired and says so in `notices`: a report without an id gets a fresh one,
 * lone surrogates become U+FFFD, and lines put back of reports not in the set are
 * dropped. `where` names the set in those sentences.
 */
export function parseSet(value, where = 'the set') {
  if (!value || typeof value !== 'object' || !Array.isArray(value.reports)) {
    throw new Error('this file is not a Parallax report set: it has no list of reports');
  }
  const blankIds = [];
  const fixed = [];
  const reports = value.reports.map((r, i) => {
    if (!r || typeof r.text !== 'string') throw new Error(`report ${i + 1} of the set has no text`);
    if (isBlank(r.id)) blankIds.push(i);
    const clean = cleanReport({ id: isBlank(r.id) ? '' : r.id, title: r.title ?? '', outlet: r.outlet ?? '', url: r.url, date: r.date, text: r.text });
    if (clean.fixed) fixed.push(clean.report);
    return clean.report;
  });
  const seen = new Set();
  for (const { id } of reports) {
    if (id && seen.has(id)) throw new Error(`two reports of the set have the id “${id}”: report ids must be unique`);
    seen.add(id);
  }
  const set = { reports, keep: [], setAside: [], next: idCounter(reports, value.next) };
  const notices = assignIds(set, blankIds, where);
  if (fixed.length) notices.push(surrogateNotice(fixed.map((r) => r.id)));
  const kept = keptFor(reports, Array.isArray(value.keep) ? value.keep.map((k) => wellFormed(k)) : []);
  set.keep = kept.keep;
  if (kept.notice) notices.push(kept.notice);
  // Lines the reader set aside, of reports in the set (others are dropped: they would
  // set aside nothing).
  set.setAside = keptFor(reports, Array.isArray(value.setAside) ? value.setAside.map((k) => wellFormed(k)) : []).keep;
  return { ...set, notices };
}

/**
 * Reports handed over by code (the widget's `reports` property): an array of objects
 * `{ id, title, outlet, url, date, text }` (outlet, url and date optional), repaired as `parseSet`
 * repairs a set (`notices` says how). Throws an `Error` saying which entry is wrong.
 */
export function reportsFrom(value) {
  if (!Array.isArray(value)) throw new Error(`reports must be an array of { id, title, text }, not ${value === null ? 'null' : typeof value}`);
  value.forEach((r, i) => {
    if (!r || typeof r !== 'object') throw new Error(`reports[${i}] is ${r === null ? 'null' : typeof r}: each report must be an object { id, title, text }`);
  });
  const { reports, notices } = parseSet({
    reports: value.map((r) => ({ id: r.id, title: r.title, outlet: typeof r.outlet === 'string' ? r.outlet : '', url: r.url, date: r.date, text: String(r.text ?? '') })),
  }, 'the reports');
  return { reports, notices };
}

// --- A set in a link ----------------------------------------------------------------

/** The longest link "Copy a link with these reports" makes, in characters: mail and chat
 * programs cut longer ones. */
export const LINK_LIMIT = 32_000;

const toBase64Url = (bytes) => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
};
const fromBase64Url = (text) => Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));

/** The set as a URL fragment, `set=` and its JSON compressed (deflate-raw) in base64url:
 * a fragment never reaches a server, so the reports travel only in the link itself. */
export async function setToFragment(set) {
  const { reports, keep, setAside } = exportSet(set);
  const json = JSON.stringify({ reports, keep, ...(setAside ? { setAside } : {}) });
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return `set=${toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()))}`;
}

/** The set of a link's fragment (`#set=…`), repaired and checked as `parseSet` does, or
 * null when the fragment holds none; throws an `Error` saying what is wrong with it. */
export async function setFromFragment(hash) {
  const match = /^#?set=([A-Za-z0-9_-]+)$/.exec(hash ?? '');
  if (!match) return null;
  let json;
  try {
    const stream = new Blob([fromBase64Url(match[1])]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    json = JSON.parse(await new Response(stream).text());
  } catch {
    throw new Error('the reports in this link cannot be read (the link may have been cut short)');
  }
  return parseSet(json, 'the link');
}

/** Offers `content` as a download named `name`. */
export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
