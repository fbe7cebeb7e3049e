// "Export as HTML" (issue 17): one self-contained file an editor opens offline, with
// scripts disabled, and reads as the page shows it; report text in it stays text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, open, ready, screenshot, axeViolations, RESULTS } from './support.mjs';

const env = useBrowser();

test('the HTML export: no script, inline styles, every view, outlets by name, report text as text', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  await page.locator('#manage summary').click();
  const before = await page.evaluate(() => document.body.dataset.run);
  await page.fill('#paste-title', 'Wire <b>copy</b>');
  await page.fill('#paste-text', 'Pakistan demanded verifiable steps from Kabul. <img src=x onerror="alert(1)"> <script>alert(2)</script> The talks in Istanbul lasted nine hours.');
  await page.click('#paste-add');
  await page.waitForFunction((b) => document.body.dataset.run !== b && document.body.dataset.state === 'ready', before);
  const result = await page.evaluate(async () => {
    const { compare } = await import('./js/engine.js');
    const { loadSaved } = await import('./js/data.js');
    return compare(loadSaved().reports, { sideBySide: [] });
  });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-html')]);
  // Kept under test-results/, as the screenshots are: the file an editor would get.
  await mkdir(RESULTS, { recursive: true });
  const path = join(RESULTS, 'export.html');
  await download.saveAs(path);
  const html = await readFile(path, 'utf8');
  assert.match(html, /^<!doctype html>\n<html lang="en"><head><meta charset="utf-8">/);
  assert.doesNotMatch(html, /<script/i, 'no script element, also not from report text');
  assert.doesNotMatch(html, /<img/i);
  assert.doesNotMatch(html, /<link|@import/i, 'nothing fetched: the styles are inline');
  assert.match(html, /<style>/);
  assert.match(html, /&lt;script&gt;alert\(2\)&lt;\/script&gt;/);
  await page.context().close();

  // Opened offline, with scripts disabled, as an editor's browser would open a file.
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const file = await context.newPage();
  const requests = [];
  file.on('request', (request) => requests.push(request.url()));
  await file.goto(`file://${path}`);
  assert.deepEqual(requests.filter((url) => !url.startsWith('file:')), []);
  assert.equal(await file.title(), 'Comparison of news reports');
  assert.deepEqual(await file.locator('.export-view > h2').allTextContents(), ['Overview', 'Quotes', 'Discrepancies', 'Reports']);
  // Every fact, not a page of them; the outlets by name; the text shown as text.
  assert.equal(await file.locator('.matrix tbody tr.fact-row').count(), result.groups.length);
  assert.equal(await file.locator('.heatmap tbody tr').count(), result.reports.length);
  assert.equal(await file.locator('.quote-card').count(), result.quotes.length);
  assert.equal(await file.locator('.discrepancy-card').count(), result.discrepancies.length);
  assert.equal(await file.locator('.report-column').count(), result.reports.length);
  assert.equal(await file.locator('.matrix thead th[data-report="000"] .report-head-name').textContent(), 'Khaama Press (via MENAFN)');
  assert.match(await file.locator('.report-column[data-report="005"]').textContent(), /<img src=x onerror="alert\(1\)"> <script>alert\(2\)<\/script>/);
  assert.equal(await file.locator('.report-column[data-report="005"] .report-title').textContent(), 'Wire <b>copy</b>');
  assert.equal(await file.locator('img, script, button, input, select').count(), 0, 'no control that would need a script');
  const attributes = await file.evaluate(() => [...document.querySelectorAll('*')].flatMap((node) => [...node.attributes].map((a) => a.name))
    .filter((name) => name.startsWith('on') || name === 'src' || name === 'srcset'));
  assert.deepEqual(attributes, [], 'no event handler, nothing to load');
  // Styled: the page's palette applies.
  assert.equal(await file.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(251, 250, 247)');
  await screenshot(file, 'export-html');
  await context.close();
});

test('the HTML export passes axe-core', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  await page.locator('#manage summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-html')]);
  const html = await readFile(await download.path(), 'utf8');
  await page.context().close();
  const viewer = await open(env.browser, 'about:blank', { bypassCSP: true });
  await viewer.setContent(html);
  const violations = await axeViolations(viewer);
  assert.deepEqual(violations, [], violations.join('\n'));
  await viewer.context().close();
});
