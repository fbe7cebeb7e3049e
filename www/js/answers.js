// Comparisons answered in advance. The page's build compares the sample reports with the
// very wasm module the worker runs (scripts/answers.mjs) and writes the results, each
// under a SHA-256 digest of its request, as `requestDigest`
// below spells it for the build and the page alike, in one bundle with the sample set
// itself (`pkg/sample.json`: one fetch where the manifest and its texts take two rounds).
// So a reader who opens the page sees the sample comparison as soon as that file is in,
// instead of after the first call into a freshly compiled module (most of the page load:
// BENCHMARKS.md), and the answer is the engine's, byte for byte, for exactly that
// request. Any other request (one report edited, a line put back, another pair
// side by side) has another digest and goes to the engine.
//
// The page fetches the bundle only when it is about to show the sample reports
// (js/app.js), the iframe embed only for the sample manifest (js/embed.js). Nothing
// depends on it: without the file (the npm package has none; the page then reads the
// manifest), without `crypto.subtle` (a page served over plain http from another host),
// or when the fetch fails, every request goes to the engine as before.

/**
 * The request as the engine reads it, spelled one way: each report's id, title and
 * text, and the options it takes, with their defaults. Null when a field is not what
 * the engine takes (the engine then says what is wrong) or the options hold anything
 * else, which a digest of these fields would not tell apart.
 */
function canonical(reports, options) {
  if (!Array.isArray(reports)) return null;
  const shown = [];
  for (const report of reports) {
    const { id, title = '', text } = report ?? {};
    if (typeof id !== 'string' || typeof title !== 'string' || typeof text !== 'string') return null;
    shown.push({ id, title, text });
  }
  const { keep = [], setAside = [], sideBySide = null, ...rest } = options ?? {};
  if (Object.keys(rest).length) return null;
  const ids = (list) => Array.isArray(list) && list.every((id) => typeof id === 'string');
  const pairs = sideBySide === null
    || (Array.isArray(sideBySide) && sideBySide.every((pair) => Array.isArray(pair) && pair.length === 2 && ids(pair)));
  if (!ids(keep) || !ids(setAside) || !pairs) return null;
  return JSON.stringify({ reports: shown, options: { keep, setAside, sideBySide } });
}

/** The hex SHA-256 of a request (null when it cannot have an answer in advance). */
export async function requestDigest(reports, options) {
  const spelled = canonical(reports, options);
  if (spelled === null || !globalThis.crypto?.subtle) return null;
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(spelled));
  return Array.from(new Uint8Array(hash), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

let answers = null; // a promise of a Map from digest to result, or null
const WAIT_MS = 2000;

/**
 * Fetches the sample bundle the build wrote at `url` (`{ set, answers }`: the sample set
 * as `loadManifest` gives it, and the answers in advance, an object from request digests
 * to results). Resolves to null when it cannot be had: nothing depends on it.
 */
export function fetchBundle(url) {
  return fetch(url, { credentials: 'omit' })
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
}

/**
 * Takes the answers in advance from `bundle` (a promise of what `fetchBundle` gives)
 * for the requests to come; `null` stops using them, so that every request goes to the
 * engine (the tests compare the two that way).
 */
export function useAnswers(bundle) {
  answers = bundle === null ? null : Promise.resolve(bundle)
    .then((known) => new Map(Object.entries(known?.answers ?? {})))
    .catch(() => null);
}

/** The answer in advance to this request, or null (then the engine answers). */
export async function answerFor(reports, options) {
  if (!answers) return null;
  // Answers slower to come than this are given up on: the engine answers instead.
  const known = await Promise.race([answers, new Promise((resolve) => { setTimeout(resolve, WAIT_MS, null); })]);
  if (!known?.size) return null;
  const digest = await requestDigest(reports, options).catch(() => null);
  // A copy: the caller may keep or change its result, as it may the engine's.
  return digest && known.has(digest) ? structuredClone(known.get(digest)) : null;
}
