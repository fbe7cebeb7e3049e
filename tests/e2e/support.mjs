// Shared by the browser end-to-end tests: a static server for www/ on 127.0.0.1 and a
// headless Debian Chromium driven by playwright-core (which never downloads a browser).

import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const WWW = join(ROOT, 'www');
export const RESULTS = join(ROOT, 'test-results');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Serves `root` on an ephemeral loopback port; resolves to `{ url, close }`. */
export async function serve(root = WWW) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    // A socket the browser opened ahead of a request it never sent keeps close() waiting
    // for the server's request timeout (300 s): every connection is dropped with it.
    close: () => new Promise((done) => {
      server.close(done);
      server.closeAllConnections();
    }),
  };
}

const CHROMIUM = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
};

/** Launches headless Debian Chromium with the flags this sandboxed machine needs. */
export function launch() {
  return chromium.launch(CHROMIUM);
}

/** Launches Chromium with a profile kept in `dir`, as a reader's browser keeps its own
 * between restarts; resolves to its one context. */
export function launchWithProfile(dir) {
  return chromium.launchPersistentContext(dir, CHROMIUM);
}

/** Opens `url` in a new page (and context) that records console errors, page errors
 * and dialogs. `bypassCSP` lets a test inject axe-core into a page whose policy forbids
 * inline scripts. */
export async function open(browser, url, { width = 1280, height = 900, bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, bypassCSP, acceptDownloads: true });
  const page = await context.newPage();
  page.dialogs = [];
  page.on('dialog', (dialog) => {
    page.dialogs.push(dialog.message());
    dialog.dismiss();
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.errors = errors;
  page.requests = [];
  page.on('request', (request) => page.requests.push(request.url()));
  if (url !== 'about:blank') await page.goto(url);
  return page;
}

/** Waits for the page to finish a comparison. */
export async function ready(page) {
  await page.waitForSelector('body[data-state="ready"]');
}

/**
 * `n` reports for a comparison that takes a while: the sample reports, each copy with
 * its paragraphs rotated and every eleventh word dropped (as bench/run.mjs tops up its
 * sets), ids 000, 001, …, titles "Copy 0", "Copy 1", …. 60 take some seconds in
 * headless Chromium, 120 some tens of seconds.
 */
export async function copies(n) {
  const manifest = JSON.parse(await readFile(join(WWW, 'data/manifest.json'), 'utf8'));
  const seeds = await Promise.all(manifest.map(({ textUrl }) => readFile(join(WWW, 'data', textUrl), 'utf8')));
  return Array.from({ length: n }, (_, i) => {
    const paragraphs = seeds[i % seeds.length].split('\n');
    const k = i % paragraphs.length;
    const rotated = [...paragraphs.slice(k), ...paragraphs.slice(0, k)];
    const text = rotated.map((p) => p.split(' ').filter((_, w) => (w + i) % 11 !== 0).join(' ')).join('\n');
    return { id: String(i).padStart(3, '0'), title: `Copy ${i}`, outlet: '', text };
  });
}

/** Runs axe-core on the page and returns its violations. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target})`);
  });
}

/** Saves a full-page screenshot under test-results/; returns its path. */
export async function screenshot(page, name) {
  await mkdir(RESULTS, { recursive: true });
  const path = join(RESULTS, `${name}.png`);
  // What the page draws only near the viewport (`content-visibility: auto`: cards,
  // columns, the sections below the table) is drawn for the picture, as a reader
  // scrolling would see it: the viewport is made as tall as the page until its height
  // settles, then put back.
  // A page without scripts (the HTML export opened so) never answers: it is taken as
  // it is.
  const viewport = page.viewportSize();
  const settled = () => Promise.race([
    page.evaluate(() => new Promise((done) => {
      requestAnimationFrame(() => requestAnimationFrame(() => done(document.documentElement.scrollHeight)));
    })).catch(() => 0), // closed unanswered
    new Promise((done) => { setTimeout(done, 2000, 0); }),
  ]);
  let height = viewport.height;
  for (let i = 0; i < 4; i += 1) {
    const next = Math.min(await settled(), 20000);
    if (next <= height) break;
    height = next;
    await page.setViewportSize({ width: viewport.width, height });
  }
  await page.screenshot({ path, fullPage: true });
  if (height !== viewport.height) {
    await page.setViewportSize(viewport);
    await settled();
  }
  return path;
}

/** Starts a server for www/ and a browser before a test file's tests and stops them after;
 * returns `{ server, browser }`, filled in once the tests run. */
export function useBrowser() {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
