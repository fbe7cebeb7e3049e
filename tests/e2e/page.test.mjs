// The page with the five sample reports, in headless Chromium.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshot } from './support.mjs';

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the five sample reports render in columns with the engine\'s units', async () => {
  const page = await open(browser, server.url);
  await page.waitForSelector('body[data-state="ready"]');

  const shown = await page.$$eval('.report-column', (columns) =>
    columns.map((c) => ({ id: c.dataset.report, units: c.querySelectorAll('.unit').length })));
  assert.deepEqual(shown.map((c) => c.id), ['000', '001', '002', '003', '004']);

  // Ask the engine directly, in the same page, and compare with what is drawn.
  const counts = await page.evaluate(async () => {
    const { compare } = await import('./js/engine.js');
    const { loadManifest } = await import('./js/data.js');
    const result = await compare(await loadManifest('data/manifest.json'));
    return result.reports.map((r) => r.units.length);
  });
  assert.deepEqual(shown.map((c) => c.units), counts);
  assert.ok(counts.every((n) => n > 10), `every seed has many units: ${counts}`);

  const glued = page.locator('[data-report="004"] .unit-text', {
    hasText: /^The Istanbul session, held at a local hotel, began at 2:30 p\.m\. on October 25/,
  });
  assert.equal(await glued.count(), 1, 'the glued sentence of 004 is a unit of its own');

  const status = await page.textContent('#status');
  assert.match(status, /^5 reports, \d+ units, compared in \d+\.\d ms\.$/);
  assert.deepEqual(page.errors, []);
  await screenshot(page, 'page-columns');
  await page.close();
});

test('a missing manifest is reported in words and nothing breaks', async () => {
  const page = await open(browser, 'about:blank');
  await page.route('**/data/manifest.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(server.url);
  await page.waitForSelector('body[data-state="error"]');
  const status = page.locator('#status');
  assert.equal(await status.getAttribute('role'), 'alert');
  assert.match(await status.textContent(), /could not load \/data\/manifest\.json: 404/);
  await page.close();
});
