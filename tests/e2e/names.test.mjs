// Reports by name (issue 17, item 1), and the "Your reports" panel (item 5): outlets, or
// shortened titles, wherever a report is named, with the full name on hover and for
// assistive technology and the original linked; outlets editable; file-name prefixes
// kept as ids, as the command-line tool keeps them; full-width rows, an empty set, and
// the keyboard kept after Move and Remove.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, open, ready, screenshot, axeViolations, WWW } from './support.mjs';

const env = useBrowser();

const LONG_TITLE = 'Islamabad warns Afghan Taliban against ‘unacceptable favoritism of terrorists’';

/** The sample reports as a manifest with outlets and addresses (one refused: not http). */
async function namedManifest() {
  const sample = JSON.parse(await readFile(join(WWW, 'data/manifest.json'), 'utf8'));
  const outlets = ['Khaama Press', '', 'The Express Tribune', 'DID Press', 'Dawn'];
  const urls = ['https://example.org/khaama', 'https://example.org/one', '', 'javascript:alert(1)', 'https://user:secret@example.org/dawn'];
  return sample.map((entry, i) => ({
    id: entry.id,
    title: i === 1 ? LONG_TITLE : entry.title,
    outlet: outlets[i],
    url: urls[i],
    textUrl: `../data/${entry.textUrl}`,
  }));
}

async function openNamed(view = 'overview', options = {}) {
  const page = await open(env.browser, 'about:blank', options);
  const manifest = await namedManifest();
  await page.route('**/cluster/named.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(manifest) }));
  await page.goto(`${env.server.url}?src=cluster/named.json&view=${view}`);
  await ready(page);
  return page;
}

const SHORT = ['Khaama Press', 'Islamabad warns Afghan…', 'The Express Tribune', 'DID Press', 'Dawn'];

test('the coverage table and the heat map name reports by outlet, else by a short title; the full name on hover and read out', async () => {
  const page = await openNamed();
  const heads = page.locator('.matrix thead .report-head');
  assert.deepEqual(await heads.locator('.report-head-name').allTextContents(), SHORT);
  assert.equal(await heads.nth(0).getAttribute('title'), 'Khaama Press: Islamabad Warns Kabul: Support For Terror Groups “Unacceptable” (report 000)');
  assert.equal(await heads.nth(1).getAttribute('aria-label'), `${LONG_TITLE} (report 001)`);
  // The column header is what assistive technology reads with each cell.
  const header = await page.locator('.matrix thead th[data-report="002"]').evaluate((th) => th.getAttribute('aria-label'));
  assert.match(header, /^The Express Tribune: Pakistan-Afghan Talks/);
  assert.deepEqual(await page.locator('.heatmap thead .report-head-name').allTextContents(), SHORT);
  assert.deepEqual(await page.locator('.heatmap tbody .report-head-name').allTextContents(), SHORT);
  // Only-here lists and possible pairs name the outlet too.
  assert.deepEqual(await page.locator('.unique-report summary .report-name').evaluateAll((nodes) => nodes.map((n) => n.firstChild.textContent)), SHORT);
  assert.ok(await page.locator('.possible-report', { hasText: 'Khaama Press' }).count() >= 1);
  assert.equal(await page.locator('.matrix thead').evaluate((head) => /\b00[0-4]\b/.test(head.querySelector('tr').innerText)), false, 'no bare ids in the header');
  await screenshot(page, 'names-overview');
  await page.context().close();
});

test('side by side, quotes and discrepancies name outlets; the original is linked where it is shown in full', async () => {
  const page = await openNamed('side');
  const options = await page.locator('#side-a option').allTextContents();
  assert.equal(options[0], 'Khaama Press: Islamabad Warns Kabul: Support For Terror Groups “Unacceptable” (report 000)');
  assert.equal(options[1], `${LONG_TITLE} (report 001)`);
  assert.deepEqual(await page.locator('.pair caption .report-name').evaluateAll((nodes) => nodes.map((n) => n.firstChild.textContent)), ['Khaama Press', 'Islamabad warns Afghan…']);
  const link = page.locator('.pair thead a.report-link').first();
  assert.equal(await link.getAttribute('href'), 'https://example.org/khaama');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  await page.selectOption('#side-b', '003');
  await ready(page);
  // A javascript: address is never linked; the name stays.
  assert.equal(await page.locator('.pair thead th[data-report="003"] a').count(), 0);
  assert.equal(await page.locator('.pair thead th[data-report="003"] .report-name').evaluate((n) => n.firstChild.textContent), 'DID Press');

  await page.click('[role="tab"][data-view="quotes"]');
  const outlets = await page.locator('.rendering-report').evaluateAll((nodes) => [...new Set(nodes.map((n) => n.firstChild.textContent))]);
  assert.ok(outlets.includes('Khaama Press') && outlets.includes('DID Press'), outlets.join(', '));
  assert.ok(outlets.every((o) => !/^\d{3}$/.test(o)));
  await page.click('[role="tab"][data-view="discrepancies"]');
  const named = await page.locator('.discrepancy-card .rendering-report').evaluateAll((nodes) => nodes.map((n) => n.firstChild.textContent));
  assert.ok(named.length > 0 && named.every((n) => SHORT.includes(n)), named.join(', '));

  await page.click('[role="tab"][data-view="reports"]');
  const sources = await page.locator('.report-source').allTextContents();
  assert.deepEqual(sources, [
    'Khaama Press · the original · report 000',
    'the original · report 001',
    'The Express Tribune · report 002',
    'DID Press · report 003',
    'Dawn · report 004', // an address with a password is not linked
  ]);
  assert.equal(await page.locator('.report-source a').first().getAttribute('href'), 'https://example.org/khaama');
  for (const view of ['side', 'quotes', 'discrepancies', 'reports']) {
    await page.click(`[role="tab"][data-view="${view}"]`);
    await screenshot(page, `names-${view}`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('views with outlet names pass axe-core', async () => {
  for (const view of ['overview', 'side', 'quotes', 'reports', 'discrepancies', 'aside']) {
    const page = await openNamed(view, { bypassCSP: true });
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `${view}: ${violations.join('\n')}`);
    await page.context().close();
  }
});

test('an outlet typed in "Your reports" names the report at once, without comparing again, and is kept', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  await page.locator('#manage summary').click();
  const run = await page.evaluate(() => document.body.dataset.run);
  await page.fill('#outlet-001', 'Dawn');
  await page.press('#outlet-001', 'Enter');
  await page.waitForFunction(() => document.querySelector('.matrix th[data-report="001"]')?.textContent === 'Dawn');
  assert.equal(await page.evaluate(() => document.body.dataset.run), run, 'an outlet is not the engine\'s: no new comparison');
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue('#outlet-001'), 'Dawn');
  assert.equal(await page.locator('.matrix th[data-report="001"]').textContent(), 'Dawn');
  await page.context().close();
});

test('a date typed in "Your reports" dates the report in its full name and the Reports view, and is kept and exported', async () => {
  const page = await open(env.browser, `${env.server.url}?view=reports`);
  await ready(page);
  await page.locator('#manage summary').click();
  await page.fill('#outlet-002', 'The Express Tribune');
  await page.press('#outlet-002', 'Enter');
  await page.fill('#date-002', '2025-10-19');
  await page.press('#date-002', 'Enter');
  await page.waitForFunction(() => document.querySelector('.report-column[data-report="002"] .report-date')?.textContent === '19 Oct 2025');
  assert.equal(await page.locator('.report-column[data-report="002"] .report-source').textContent(), 'The Express Tribune · 19 Oct 2025 · report 002');
  await page.click('[role="tab"][data-view="overview"]');
  assert.equal(await page.locator('.matrix thead th[data-report="002"]').getAttribute('aria-label'),
    'The Express Tribune, 19 Oct 2025: Pakistan-Afghan Talks: Critical Standoff on Terrorism (report 002)');
  await page.reload();
  await ready(page);
  await page.locator('#manage summary').click();
  assert.equal(await page.inputValue('#date-002'), '2025-10-19');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-set')]);
  const set = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(set.reports.find((r) => r.id === '002').date, '2025-10-19');
  assert.equal(set.reports.find((r) => r.id === '001').date, undefined, 'no date, no field');
  await page.context().close();
});

test('a chosen file keeps its name\'s prefix as its id, as the command-line tool does', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  await page.locator('#manage summary').click();
  const story = 'Talks Stall in Istanbul\n\nPakistan demanded verifiable steps from Kabul. The talks lasted nine hours.';
  await page.setInputFiles('#file-input', [
    { name: '06_bbc.txt', mimeType: 'text/plain', buffer: Buffer.from(story) },
    { name: '06_other.txt', mimeType: 'text/plain', buffer: Buffer.from(story) }, // 06 is taken: a fresh id
    { name: 'reuters.txt', mimeType: 'text/plain', buffer: Buffer.from(story) },
  ]);
  await page.waitForFunction(() => document.querySelectorAll('#report-list li').length === 8);
  await ready(page);
  assert.deepEqual(await page.locator('#report-list .report-id').allTextContents(), ['000', '001', '002', '003', '004', '06', '007', 'reuters']);
  assert.equal(await page.inputValue('#title-06'), '06_bbc');
  await page.context().close();
});

test('"Your reports": full-width rows, Remove fits, the keyboard stays after Move and Remove, and an empty set stays empty', async () => {
  const page = await open(env.browser, env.server.url, { width: 375, height: 800, bypassCSP: true });
  await ready(page);
  await page.locator('#manage summary').click();
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], violations.join('\n'));
  // Title boxes use the row: far wider than the ~12 characters of before.
  const input = await page.locator('#title-000').boundingBox();
  const list = await page.locator('#report-list').boundingBox();
  assert.ok(input.width > list.width * 0.7, `title box ${input.width}px of ${list.width}px`);
  const remove = page.locator('button[data-action="remove"][data-report="000"]');
  assert.ok(await remove.evaluate((b) => b.scrollWidth <= b.clientWidth), '"Remove" fits its button');
  await screenshot(page, 'reports-panel-375px');

  const focused = () => page.evaluate(() => `${document.activeElement.dataset.action}:${document.activeElement.dataset.report}`);
  const pressAndSettle = async (selector) => {
    const before = await page.evaluate(() => document.body.dataset.run);
    await page.focus(selector);
    await page.keyboard.press('Enter');
    await page.waitForFunction((b) => document.body.dataset.run !== b && document.body.dataset.state === 'ready', before);
  };
  await pressAndSettle('button[data-action="down"][data-report="001"]');
  assert.equal(await focused(), 'down:001', 'after Move, on the same button, once the comparison has been drawn');
  await pressAndSettle('button[data-action="down"][data-report="001"]');
  await pressAndSettle('button[data-action="down"][data-report="001"]');
  assert.equal(await focused(), 'up:001', 'moved last: on its other move button');
  await pressAndSettle('button[data-action="remove"][data-report="002"]');
  assert.deepEqual(await page.locator('#report-list .report-id').allTextContents(), ['000', '003', '004', '001']);
  assert.equal(await focused(), 'remove:003', 'after Remove, on the Remove of the report now in its place');
  await pressAndSettle('button[data-action="remove"][data-report="001"]');
  assert.equal(await focused(), 'remove:004', 'the last removed: on the one before');

  await page.click('#empty-set');
  await page.waitForSelector('body[data-state="empty"]');
  assert.equal(await page.locator('#report-list li').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'paste-title');
  await page.reload();
  await page.waitForSelector('body[data-state="empty"]');
  assert.equal(await page.locator('#report-list li').count(), 0, 'an emptied set stays empty after a reload');
  assert.match(await page.locator('#status').textContent(), /^No reports yet/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
