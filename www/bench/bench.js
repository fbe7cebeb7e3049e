// The browser benchmark, driven by bench/run.mjs in headless Chromium: the full Parallax
// analysis of a set of reports (units, alignment, quotes, side-by-side diffs of every
// pair) against jsdiff's diffWords and diff-match-patch over the same pairs, and Parallax
// alone at growing numbers of reports. Figures are medians after a warm-up.

import init, { compare } from '../pkg/parallax.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(runs, fn, warmUp = 1) {
  // Warm-up runs let the browser tier the wasm code up before anything is timed.
  for (let i = 0; i < warmUp; i += 1) fn();
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return median(times);
}

function allPairs(reports) {
  const pairs = [];
  for (let a = 0; a < reports.length; a += 1) {
    for (let b = a + 1; b < reports.length; b += 1) pairs.push([reports[a], reports[b]]);
  }
  return pairs;
}

async function vendors() {
  const jsdiff = await import('/vendor/diff/index.js');
  const { default: DiffMatchPatch } = await import('/vendor/diff-match-patch.js');
  return { jsdiff, DiffMatchPatch };
}

/** Parallax against jsdiff and diff-match-patch on `reports`. */
async function headToHead(reports, { runs = 20, baselineRuns = 3 } = {}) {
  const wasm = await init();
  const pairs = allPairs(reports);
  const options = { sideBySide: pairs.map(([a, b]) => [a.id, b.id]) };
  const parallaxMs = time(runs, () => compare(reports, options), 30);
  const { jsdiff, DiffMatchPatch } = await vendors();
  const jsdiffMs = time(baselineRuns, () => pairs.forEach(([a, b]) => jsdiff.diffWords(a.text, b.text)));
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  const dmpMs = time(Math.max(1, baselineRuns - 1), () => pairs.forEach(([a, b]) => {
    const diff = dmp.diff_main(a.text, b.text);
    dmp.diff_cleanupSemantic(diff);
  }));
  return { pairs: pairs.length, parallaxMs, jsdiffMs, dmpMs, memoryBytes: wasm.memory.buffer.byteLength };
}

/** Parallax alone on each set of reports: time and wasm memory after the run. */
async function scaling(sets, { runs = 3 } = {}) {
  const wasm = await init();
  const rows = [];
  for (const reports of sets) {
    const words = reports.reduce((n, r) => n + r.text.split(/\s+/).filter(Boolean).length, 0);
    const ms = time(runs, () => compare(reports, undefined), 2);
    rows.push({ reports: reports.length, words, ms, memoryBytes: wasm.memory.buffer.byteLength });
  }
  return rows;
}

window.parallaxBench = { headToHead, scaling };
document.getElementById('status').textContent = 'Ready.';
