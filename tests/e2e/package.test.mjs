// The npm package as a newsroom developer gets it: the tarball `npm pack` made
// (scripts/pack.mjs, run by scripts/test.sh before these tests) installed into a fresh
// folder, then used three ways in headless Chromium: through an import map, from a
// plain module script, and bundled by Vite; its types compiled with tsc against an
// example; its custom-elements.json checked against what the element really renders.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, WWW, launch, open, serve, screenshot } from './support.mjs';

const FIXTURES = join(ROOT, 'tests/package');
const { version } = JSON.parse(await readFile(join(ROOT, 'npm/package.json'), 'utf8'));
const TARBALL = join(ROOT, 'target/npm', `parallax-compare-${version}.tgz`);

let app; // the fresh folder the package is installed into
let installed; // app/node_modules/parallax-compare
let browser;

before(async () => {
  await readFile(TARBALL).catch(() => {
    throw new Error(`${TARBALL} is missing: run \`node scripts/pack.mjs\` after building the wasm package (scripts/test.sh does)`);
  });
  app = await mkdtemp(join(tmpdir(), 'parallax-package-'));
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'newsroom-site', private: true, type: 'module' }));
  // The package has no dependencies: it installs from the tarball alone.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', TARBALL], { cwd: app, stdio: 'pipe' });
  installed = join(app, 'node_modules/parallax-compare');
  await cp(FIXTURES, app, { recursive: true });
  await cp(join(WWW, 'data'), join(app, 'data'), { recursive: true });
  await cp(join(WWW, 'data'), join(app, 'vite/public/data'), { recursive: true });
  const manifest = JSON.parse(await readFile(join(WWW, 'data/manifest.json'), 'utf8'));
  const reports = await Promise.all(manifest.map(async ({ id, title, outlet, textUrl }) => (
    { id, title, outlet, text: await readFile(join(WWW, 'data', textUrl), 'utf8') })));
  await writeFile(join(app, 'reports.json'), JSON.stringify(reports));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (app) await rm(app, { recursive: true, force: true });
});

/** Opens `path` of a server for `root`, recording failed requests; waits for the first
 * `parallax-ready` or `parallax-error` the page records in `window.events`. */
async function openWidget(root, path) {
  const server = await serve(root);
  const page = await open(browser, 'about:blank');
  page.failed = [];
  page.on('response', (response) => { if (response.status() >= 400) page.failed.push(`${response.status()} ${response.url()}`); });
  page.on('requestfailed', (request) => page.failed.push(`failed ${request.url()}`));
  await page.goto(`${server.url}${path}`);
  await page.waitForFunction(() => window.events?.length > 0, null, { timeout: 30_000 });
  page.close = ((close) => async () => { await close.call(page); await server.close(); })(page.close);
  return page;
}

/** What the widget shows: its first event, its status line, the number of rows of its
 * coverage table or quote cards, and whether its stylesheets were applied. */
function widgetState(page) {
  return page.evaluate(() => {
    const widget = document.querySelector('#widget');
    const root = widget.shadowRoot;
    const container = root.querySelector('[part="container"]');
    return {
      event: window.events[0],
      status: root.querySelector('[part="status"]').textContent,
      rows: root.querySelectorAll('.matrix tbody tr').length,
      cards: root.querySelectorAll('.quote-card').length,
      radius: getComputedStyle(container).borderTopLeftRadius,
      sheets: [...root.querySelectorAll('link[rel="stylesheet"]')].map((link) => new URL(link.href).pathname),
    };
  });
}

test('the tarball holds the entries, the worker, the wasm, the CSS, the types and the manifest', async () => {
  const pkg = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
  assert.equal(pkg.version, version);
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.deepEqual(Object.keys(pkg.exports), ['.', './define', './css/*', './custom-elements.json', './package.json']);
  for (const file of ['index.js', 'index.d.ts', 'define.js', 'define.d.ts', 'parallax-compare.js', 'js/engine.js', 'js/worker.js',
    'pkg/parallax_bg.wasm', 'pkg/parallax.js', 'pkg/parallax.d.ts', 'css/parallax.css', 'css/widget.css', 'README.md', 'CHANGELOG.md']) {
    await readFile(join(installed, file));
  }
  // Only what a page needs: not the page's own wiring, demo or sample reports.
  const js = await readdir(join(installed, 'js'));
  assert.deepEqual(js.sort(), ['answers.js', 'data.js', 'engine.js', 'render.js', 'views.js', 'worker.js']);
  const changelog = await readFile(join(installed, 'CHANGELOG.md'), 'utf8');
  assert.match(changelog, new RegExp(`^## ${version.replaceAll('.', '\\.')} `, 'm'));
});

test('through an import map: the element renders the reports, and compare() answers and is given up with a signal', async () => {
  const page = await openWidget(app, 'importmap.html');
  const state = await widgetState(page);
  assert.equal(state.event.type, 'parallax-ready', JSON.stringify(state.event));
  assert.equal(state.event.detail.reports, 5);
  assert.ok(state.event.detail.groups > 5, JSON.stringify(state.event.detail));
  assert.equal(state.rows, Math.min(25, state.event.detail.groups));
  assert.equal(state.radius, '6px', 'widget.css is applied inside the shadow root');
  assert.deepEqual(state.sheets, ['/node_modules/parallax-compare/css/parallax.css', '/node_modules/parallax-compare/css/widget.css']);
  await page.waitForFunction(() => window.api && window.early);
  const early = await page.evaluate(() => window.early);
  assert.equal(early.reports, 2, 'reports set before the element was defined are compared');
  const api = await page.evaluate(() => window.api);
  assert.equal(api.aborted, 'AbortError');
  assert.equal(api.schema, 2);
  assert.equal(api.reports.length, 2);
  assert.deepEqual(api.layouts, [api.reports]);
  assert.ok(api.limits.maxReports >= 50, JSON.stringify(api.limits));
  assert.match(api.rejected, /id/i, 'a report without an id is refused with a message that says so');
  assert.deepEqual(page.failed, []);
  assert.deepEqual(page.errors, []);
  await screenshot(page, 'package-importmap');
  await page.close();
});

test('from a plain module script: define.js alone, the reports from a manifest', async () => {
  const page = await openWidget(app, 'plain.html');
  const state = await widgetState(page);
  assert.equal(state.event.type, 'parallax-ready', JSON.stringify(state.event));
  assert.equal(state.event.detail.reports, 5);
  assert.equal(state.cards, state.event.detail.quotes);
  assert.ok(state.cards > 10);
  assert.equal(state.radius, '6px');
  assert.deepEqual(page.failed, []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('bundled by Vite: the worker, the wasm and the stylesheets are emitted as assets and the widget renders', async () => {
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', 'dist', '--emptyOutDir'], { cwd: join(app, 'vite'), stdio: 'pipe' });
  const dist = join(app, 'vite/dist');
  const assets = await readdir(join(dist, 'assets'));
  assert.ok(assets.some((name) => name.endsWith('.wasm')), `a .wasm among ${assets}`);
  assert.ok(assets.some((name) => name.endsWith('.css')), `the stylesheets among ${assets}`);
  const page = await openWidget(dist, 'index.html');
  const state = await widgetState(page);
  assert.equal(state.event.type, 'parallax-ready', JSON.stringify(state.event));
  assert.equal(state.event.detail.reports, 5);
  assert.ok(state.rows > 5);
  assert.equal(state.radius, '6px');
  // Vite inlines a file under its assetsInlineLimit (4 KB) as a data: URL (the README
  // says how to keep them files, for a strict style-src).
  assert.equal(state.sheets.length, 2);
  assert.ok(state.sheets.every((path) => path.startsWith('/assets/') || path.startsWith('text/css')), `stylesheets from the build: ${state.sheets}`);
  assert.ok(page.requests.some((url) => /\/assets\/[^/]+\.wasm$/.test(url)), 'the wasm is loaded from the build');
  assert.ok(!page.requests.some((url) => url.includes('node_modules')), 'nothing is loaded from node_modules');
  await page.waitForFunction(() => window.limits);
  assert.deepEqual(page.failed, []);
  assert.deepEqual(page.errors, []);
  await screenshot(page, 'package-vite');
  await page.close();
});

test('the types compile against an example of their use (tsc --noEmit)', () => {
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  try {
    execFileSync(tsc, ['--noEmit', '-p', 'tsconfig.json'], { cwd: app, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
  }
});

test('custom-elements.json lists the attributes, events, parts and custom properties the element has', async () => {
  const manifest = JSON.parse(await readFile(join(installed, 'custom-elements.json'), 'utf8'));
  const [module] = manifest.modules;
  assert.equal(module.path, 'parallax-compare.js');
  const element = module.declarations.find((d) => d.customElement);
  assert.equal(element.tagName, 'parallax-compare');
  assert.ok(module.exports.some((e) => e.name === 'ParallaxCompare'));
  const names = (list) => (list ?? []).map((item) => item.name).sort();
  assert.deepEqual(names(element.events), ['parallax-error', 'parallax-ready', 'parallax-select', 'parallax-selected']);
  assert.ok(element.events.every((e) => e.description && e.type), 'every event is described and typed');
  assert.ok(element.members.every((m) => m.privacy !== 'private' && !m.name.startsWith('#')), 'only the public API');
  assert.deepEqual(names(element.members.filter((m) => m.kind === 'field')), ['base', 'reports', 'result', 'src', 'theme', 'view']);

  // Every custom property widget.css reads is listed, and nothing else.
  const css = await readFile(join(installed, 'css/widget.css'), 'utf8');
  const used = [...new Set([...css.matchAll(/var\((--parallax-[a-z-]+)/g)].map((m) => m[1]))].sort();
  assert.deepEqual(names(element.cssProperties), used);

  // Every observed attribute, and every part the widget renders in its five views.
  const page = await openWidget(app, 'importmap.html');
  const seen = await page.evaluate(async () => {
    const widget = document.getElementById('widget');
    const parts = new Set();
    for (const view of ['overview', 'side', 'quotes', 'reports', 'discrepancies']) {
      widget.view = view; // drawn in a microtask, from the comparison in hand
      await new Promise(requestAnimationFrame);
      for (const node of widget.shadowRoot.querySelectorAll('[part]')) parts.add(node.getAttribute('part'));
    }
    return { parts: [...parts].sort(), observed: customElements.get('parallax-compare').observedAttributes };
  });
  await page.close();
  assert.deepEqual(names(element.cssParts), seen.parts);
  for (const attribute of seen.observed) assert.ok(names(element.attributes).includes(attribute), `${attribute} in the manifest`);
});
