// Answers in advance (www/js/answers.js): compares the sample reports with the wasm
// module just built, as the page and the widget ask for them when they open, and writes
// the sample bundle www/pkg/sample.json: the set as the page reads it from its manifest,
// and the results, each under its request's digest.
//
//   node scripts/answers.mjs      (scripts/lib.sh's build_wasm runs it after wasm-opt)
//
// The requests are made by the page's own code: the manifest is read by js/data.js's
// `loadManifest` (its fetches served from www/), the default pair chosen by js/views.js's
// `choosePair`, and each digest taken by js/answers.js's `requestDigest`, so the page
// asks exactly what was answered here or finds no answer and asks the engine.

import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const WWW = join(dirname(fileURLToPath(import.meta.url)), '..', 'www');
const ORIGIN = 'http://answers.invalid/';

// js/data.js resolves the manifest against the document and fetches over http: both are
// given here, the fetches answered from www/ and nothing else.
globalThis.document = { baseURI: ORIGIN };
globalThis.fetch = async (url) => {
  const where = new URL(url);
  if (where.origin !== new URL(ORIGIN).origin) throw new Error(`${where} is not the sample's`);
  const body = await readFile(join(WWW, decodeURIComponent(where.pathname)));
  return new Response(body);
};

const www = (path) => pathToFileURL(join(WWW, path)).href;
const { loadManifest } = await import(www('js/data.js'));
const { choosePair } = await import(www('js/views.js'));
const { requestDigest } = await import(www('js/answers.js'));
const { initSync, compare } = await import(www('pkg/parallax.js'));

initSync({ module: await readFile(join(WWW, 'pkg/parallax_bg.wasm')) });

const set = await loadManifest('data/manifest.json');
const reports = set.reports.map(({ id, title, text }) => ({ id, title, text }));
const [a, b] = choosePair(reports.map((r) => r.id), [null, null]);
// The page (js/app.js `run`: nothing put back or set aside, its first pair laid out side
// by side) and the widget (parallax-compare.js, its first pair) open with one request.
const requests = [{ keep: [], setAside: [], sideBySide: [[a, b]] }];

const answers = {};
for (const options of requests) {
  const result = compare(reports, options);
  delete result.elapsedMs; // the time it took here is not part of the answer
  answers[await requestDigest(reports, options)] = result;
}
await writeFile(join(WWW, 'pkg', 'sample.json'), JSON.stringify({ set, answers }));
console.error(`answers in advance: the ${reports.length} sample reports, ${requests.length === 1 ? 'one request' : `${requests.length} requests`} (www/pkg/sample.json)`);
