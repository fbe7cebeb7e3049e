// Where reports come from and where they go: manifests, files, pasted text, the
// browser's storage, and JSON exports. Nothing here interprets report text as HTML: an
// HTML file is parsed into an inert document only to take its text.

const STORAGE_KEY = 'parallax:reports:v1';
const SET_FORMAT = 'parallax-report-set';

/** Fetches a manifest and the texts it points to; resolves to `[{ id, title, outlet, text }]`. */
export async function loadManifest(manifestUrl) {
  const base = new URL(manifestUrl, document.baseURI);
  const entries = await fetchJson(base);
  if (!Array.isArray(entries)) {
    throw new Error(`the manifest ${base.pathname} is not a list of reports`);
  }
  return Promise.all(entries.map(async (entry, index) => {
    const id = String(entry?.id ?? index + 1);
    let text = entry?.text;
    if (typeof text !== 'string') {
      if (typeof entry?.textUrl !== 'string') throw new Error(`report ${id} of the manifest has neither text nor textUrl`);
      text = await fetchText(new URL(entry.textUrl, base));
    }
    return { id, title: String(entry.title ?? ''), outlet: String(entry.outlet ?? ''), text };
  }));
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
  let response;
  try {
    // Only what was asked for, never with the reader's cookies or HTTP credentials, on
    // this site or another: a manifest must not be a way to read what a login shows.
    response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch (error) {
    throw new Error(`could not load ${url.href}: ${error.message}`);
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

/** Reads a dropped or chosen file as a report draft `{ title, text, replaced }`. */
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
    return { title: page.title || stem, text: page.text, replaced };
  }
  return { title: stem, text, replaced };
}

const encoder = new TextEncoder();
const megabytes = (bytes) => `${(Math.round((bytes * 10) / (1024 * 1024)) / 10).toFixed(1)} MB`;

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
      return `“${report.title || report.id}” is ${megabytes(bytes)} long, more than the ${megabytes(limits.maxReportBytes)} a report may have: shorten it or split it`;
    }
  }
  if (total > limits.maxTotalBytes) {
    return `the reports would hold ${megabytes(total)} of text, more than the ${megabytes(limits.maxTotalBytes)} that can be compared at once`;
  }
  return null;
}

/** The next free three-digit id after the numeric ids in `reports`. */
export function nextId(reports) {
  const taken = new Set(reports.map((r) => r.id));
  let n = reports.reduce((max, r) => (/^\d+$/.test(r.id) ? Math.max(max, Number(r.id)) : max), -1) + 1;
  while (taken.has(String(n).padStart(3, '0'))) n += 1;
  return String(n).padStart(3, '0');
}

/** The saved set, or null. */
export function loadSaved() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    return saved && Array.isArray(saved.reports) ? parseSet(saved) : null;
  } catch {
    return null;
  }
}

/**
 * Saves the set in the browser's storage. Returns null when saved, else a sentence saying
 * why not (storage full, or storage disabled), for the reader.
 */
export function save(set) {
  const json = JSON.stringify(exportSet(set));
  try {
    localStorage.setItem(STORAGE_KEY, json);
    return null;
  } catch (error) {
    const size = `${(json.length / (1024 * 1024)).toFixed(1)} MB`;
    const why = error?.name === 'QuotaExceededError'
      ? `the browser's storage for this page is full (these reports take ${size})`
      : `the browser does not let this page store data (${error?.name ?? 'error'}: ${error?.message ?? error})`;
    return `Your reports could not be saved: ${why}. They are compared, but will be lost when the page reloads: export them to keep them.`;
  }
}

export function forgetSaved() {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage disabled: nothing was saved.
  }
}

/** The set as an exportable object. */
export function exportSet({ reports, keep = [] }) {
  return {
    format: SET_FORMAT,
    version: 1,
    reports: reports.map(({ id, title, outlet, text }) => ({ id, title, outlet: outlet ?? '', text })),
    keep: [...keep],
  };
}

/** Validates an imported set; throws an `Error` saying what is wrong. */
export function parseSet(value) {
  if (!value || typeof value !== 'object' || !Array.isArray(value.reports)) {
    throw new Error('this file is not a Parallax report set: it has no list of reports');
  }
  const reports = value.reports.map((r, i) => {
    if (!r || typeof r.text !== 'string') throw new Error(`report ${i + 1} of the set has no text`);
    return { id: String(r.id ?? i + 1), title: String(r.title ?? ''), outlet: String(r.outlet ?? ''), text: r.text };
  });
  const seen = new Set();
  for (const { id } of reports) {
    if (seen.has(id)) throw new Error(`two reports of the set have the id “${id}”: report ids must be unique`);
    seen.add(id);
  }
  const keep = Array.isArray(value.keep) ? value.keep.map(String) : [];
  return { reports, keep };
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
