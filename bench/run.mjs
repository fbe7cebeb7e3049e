// One command for the browser and size benchmarks: `node bench/run.mjs` (via
// scripts/bench.sh). Serves www/ plus jsdiff and diff-match-patch, drives headless
// Chromium through www/bench/, and prints the figures: Parallax against the diffs users
// reach for, scaling to 100 reports, page load to first comparison, and sizes;
// `node bench/run.mjs --load` prints only the page load and the sizes.

import { readFile, readdir } from 'node:fs/promises';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { launch, open, ROOT, WWW } from '../tests/e2e/support.mjs';

const SHARED = process.env.PARALLAX_SHARED ?? join(ROOT, '..', 'shared');

async function reportsIn(dir, idOf) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  return Promise.all(files.map(async (f) => ({ id: idOf(f), title: '', text: await readFile(join(dir, f), 'utf8') })));
}

/** A copy of a report with its paragraphs rotated and some words dropped (outlets reorder
 * and trim), deterministic in `n`. */
function perturbed(report, n) {
  const paragraphs = report.text.split('\n');
  const k = n % Math.max(1, paragraphs.length);
  const rotated = [...paragraphs.slice(k), ...paragraphs.slice(0, k)];
  const text = rotated.map((p) => p.split(' ').filter((_, i) => (i + n) % 11 !== 0).join(' ')).join('\n');
  return { id: `${report.id}~${n}`, title: '', text };
}

function setOf(size, pool) {
  const out = pool.slice(0, size);
  for (let n = 1; out.length < size; n += 1) out.push(perturbed(pool[(n - 1) % pool.length], n));
  return out;
}

/** Slope of log(time) against log(words): the growth exponent. */
function exponent(rows) {
  const xs = rows.map((r) => Math.log(r.words));
  const ys = rows.map((r) => Math.log(r.ms));
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  const num = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0);
  const den = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return num / den;
}

function serveWithVendors() {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.txt': 'text/plain', '.wasm': 'application/wasm' };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    try {
      let body;
      if (path === '/vendor/diff-match-patch.js') {
        const source = await readFile(join(ROOT, 'node_modules/diff-match-patch/index.js'), 'utf8');
        body = `const module = { exports: {} };\n${source}\nexport default module.exports;\n`;
      } else if (path.startsWith('/vendor/diff/')) {
        body = await readFile(join(ROOT, 'node_modules/diff/libesm', path.slice('/vendor/diff/'.length)));
      } else {
        body = await readFile(join(WWW, path.endsWith('/') ? `${path}index.html` : path));
      }
      res.writeHead(200, { 'content-type': types[path.slice(path.lastIndexOf('.'))] ?? 'text/html' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function sizes() {
  const wasm = await readFile(join(WWW, 'pkg/parallax_bg.wasm'));
  const js = ['pkg/parallax.js', 'js/app.js', 'js/engine.js', 'js/worker.js', 'js/render.js', 'js/data.js', 'parallax-compare.js', 'parallax-compare-define.js'];
  const jsBytes = Buffer.concat(await Promise.all(js.map((f) => readFile(join(WWW, f)))));
  const line = (name, buf) => `${name}: ${kb(buf.length)} raw, ${kb(gzipSync(buf, { level: 9 }).length)} gzip, ${kb(brotliCompressSync(buf).length)} brotli`;
  const sample = await readFile(join(WWW, 'pkg/sample.json'));
  return [line('parallax_bg.wasm', wasm), line(`JavaScript (${js.length} modules)`, jsBytes),
    line('the sample bundle (pkg/sample.json: the set and its answer, fetched for the sample set only)', sample)];
}

async function engineFigures(browser, url, seeds, pool) {
  const page = await open(browser, `${url}bench/`);
  await page.waitForFunction(() => window.parallaxBench);
  const h2h = await page.evaluate((reports) => window.parallaxBench.headToHead(reports), seeds);
  console.log(`Seeds (${seeds.length} reports, ${h2h.pairs} pairs), headless Chromium, medians:`);
  console.log(`  Parallax full analysis (units, alignment, quotes, ${h2h.pairs} side-by-side layouts): ${h2h.parallaxMs.toFixed(1)} ms`);
  console.log(`  jsdiff diffWords over the ${h2h.pairs} pairs: ${h2h.jsdiffMs.toFixed(0)} ms (${(h2h.jsdiffMs / h2h.parallaxMs).toFixed(0)}× Parallax)`);
  console.log(`  diff-match-patch (semantic clean-up, no timeout) over the ${h2h.pairs} pairs: ${h2h.dmpMs.toFixed(0)} ms (${(h2h.dmpMs / h2h.parallaxMs).toFixed(0)}× Parallax)`);
  const sets = [5, 10, 20, 50, 100].map((n) => setOf(n, pool));
  const rows = await page.evaluate((s) => window.parallaxBench.scaling(s), sets);
  console.log('Scaling (seeds and corpus reports, topped up with reordered and trimmed copies):');
  for (const r of rows) console.log(`  ${String(r.reports).padStart(3)} reports, ${String(r.words).padStart(6)} words: ${r.ms.toFixed(1).padStart(7)} ms, wasm memory ${kb(r.memoryBytes)}`);
  console.log(`  growth exponent against total words: ${exponent(rows).toFixed(2)}`);
  await page.context().close();
}

/** Where the time goes: the page's marks (js/app.js, js/engine.js) and the resources it
 * fetched, each a time since navigation started; prints the median run of five. */
async function pageLoads(browser, url, name, { answers, returning = false }) {
  const loads = [];
  // A returning reader: one browser profile, whose own set (the seeds, saved) the page
  // compared before, so that the HTTP cache holds the page and V8's code cache the
  // module compiled on the first visit (it is written once the module has tiered up).
  const profile = returning ? await open(browser, url) : null;
  if (profile) {
    await profile.waitForSelector('body[data-state="ready"]');
    await profile.evaluate(async () => {
      const { loadManifest, save } = await import('./js/data.js');
      save({ ...(await loadManifest('data/manifest.json')), keep: [], setAside: [] });
    });
    await profile.reload();
    await profile.waitForSelector('body[data-state="ready"]');
    await profile.waitForTimeout(3000);
  }
  for (let i = 0; i < 5; i += 1) {
    const p = profile ? await profile.context().newPage() : await open(browser, 'about:blank');
    if (!answers && !profile) await p.route('**/pkg/sample.json', (route) => route.abort());
    await p.goto(url);
    await p.waitForSelector('body[data-state="ready"]');
    loads.push(await p.evaluate(() => {
      const at = (mark) => performance.getEntriesByName(mark)[0]?.startTime ?? NaN;
      const resources = performance.getEntriesByType('resource');
      const lastEnd = (test) => Math.max(0, ...resources.filter((r) => test(r.name)).map((r) => r.responseEnd));
      const [nav] = performance.getEntriesByType('navigation');
      return {
        total: at('parallax:drawn'),
        html: nav?.responseEnd ?? NaN,
        modules: lastEnd((n) => n.endsWith('.js') && !n.includes('/pkg/') && !n.endsWith('worker.js')),
        texts: lastEnd((n) => n.endsWith('.txt') || n.endsWith('manifest.json')),
        answer: lastEnd((n) => n.endsWith('/pkg/sample.json')),
        started: at('parallax:engine-start'),
        engine: at('parallax:engine-loaded'),
        engineMs: performance.getEntriesByName('parallax:compared')[0]?.detail?.engineMs ?? NaN,
        compare: at('parallax:compare'),
        compared: at('parallax:compared'),
      };
    }));
    await (profile ? p.close() : p.context().close());
  }
  await profile?.context().close();
  loads.sort((a, b) => a.total - b.total);
  const m = loads[2];
  const ms = (x) => (Number.isFinite(x) && x > 0 ? `${x.toFixed(0)} ms` : '–');
  console.log(`Page load to first comparison drawn (${name}, median of 5): ${ms(m.total)}`);
  console.log(`  since navigation: html ${ms(m.html)}, last module ${ms(m.modules)}, last report text ${ms(m.texts)}, `
    + `worker started ${ms(m.started)}, engine loaded (the worker's module and wasm) ${ms(m.engine)}, comparison asked ${ms(m.compare)}, `
    + (answers ? `sample bundle (set and answer) in ${ms(m.answer)}, ` : '')
    + `answered ${ms(m.compared)} (${ms(m.compared - m.compare)}, of which the engine's own work ${ms(m.engineMs)}), drawn ${ms(m.total)} (${ms(m.total - m.compared)})`);
}

async function main() {
  const seeds = await reportsIn(join(WWW, 'data'), (f) => f.slice(0, 3));
  const corpus = [];
  for (const cluster of (await readdir(join(SHARED, 'corpus'))).sort()) {
    corpus.push(...await reportsIn(join(SHARED, 'corpus', cluster), (f) => `${cluster.split('-')[0]}-${f.slice(0, 2)}`));
  }
  const pool = [...seeds, ...corpus];
  const server = await serveWithVendors();
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launch();
  try {
    // `--load`: only the page load (the other figures take a minute).
    if (!process.argv.includes('--load')) await engineFigures(browser, url, seeds, pool);

    // The sample set as a first-time reader gets it (bundled with its answer by the
    // build: www/js/answers.js), then with the bundle withheld (the page reads the
    // manifest and its texts, and the engine compares them: the first call into the
    // freshly compiled module), then a returning reader's own saved set.
    await pageLoads(browser, url, 'seeds, answered in advance', { answers: true });
    await pageLoads(browser, url, 'seeds, computed by the engine', { answers: false });
    await pageLoads(browser, url, 'seeds saved as a returning reader\'s own set', { answers: false, returning: true });
  } finally {
    await browser.close();
    server.close();
  }
  console.log('Sizes:');
  for (const line of await sizes()) console.log(`  ${line}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
