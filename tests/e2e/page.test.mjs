// The page, in headless Chromium: every view on the sample reports, checked against the
// engine's own result; loading, persistence, export and import; keyboard; accessibility;
// inert report text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useBrowser, open, ready, screenshot, axeViolations } from './support.mjs';

const env = useBrowser();

/** The engine's result for the sample reports, computed inside `page`. */
function engineResult(page, options = { sideBySide: [] }) {
  return page.evaluate(async (opts) => {
    const { compare } = await import('./js/engine.js');
    const { loadManifest } = await import('./js/data.js');
    return compare(await loadManifest('data/manifest.json'), opts);
  }, options);
}

test('overview: one matrix row per shared fact, a fact opens with its sentences', async () => {
  const started = Date.now();
  const page = await open(env.browser, env.server.url);
  await ready(page);
  const firstDraw = await page.evaluate(() => performance.now());
  console.log(`page load to first comparison drawn: ${Math.round(firstDraw)} ms (wall ${Date.now() - started} ms)`);
  const result = await engineResult(page);
  assert.equal(await page.locator('.fact-row').count(), result.groups.length);
  assert.ok(result.groups.length >= 10);
  // Every cell says its relation in words, not only colour.
  const cells = await page.locator('.fact-row').first().locator('.cell .relation-label').allTextContents();
  assert.equal(cells.length, 5);
  assert.ok(cells.every((c) => ['verbatim', 'rewrite', 'paraphrase', 'absent'].includes(c)));
  await page.locator('.fact-toggle').first().click();
  const group = result.groups[0];
  assert.equal(await page.locator('.fact-detail .member').count(), group.members.length);
  assert.match(page.url(), /group=g1/);
  // The 004 relocation offer is listed as what only 004 says.
  const only004 = page.locator('.unique-report[data-report="004"] .unique-unit', { hasText: 'offered to relocate TTP elements' });
  assert.equal(await only004.count(), 1);
  assert.equal(await page.locator('.heatmap tbody tr').count(), 5);
  await screenshot(page, 'view-overview');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('reports view: units by status, counterparts light up on focus', async () => {
  const page = await open(env.browser, `${env.server.url}?view=reports`);
  await ready(page);
  const result = await engineResult(page);
  const shown = await page.$$eval('.report-column', (cols) => cols.map((c) => c.querySelectorAll('.unit').length));
  assert.deepEqual(shown, result.reports.map((r) => r.units.length));
  const offer = page.locator('.unit', { hasText: 'offered to relocate TTP elements' });
  assert.match(await offer.getAttribute('class'), /status-unique/);
  assert.match(await offer.locator('.unit-status').textContent(), /only here/);
  const scroll = page.locator('[data-report="001"] .unit', { hasText: 'Scroll to Top' });
  assert.match(await scroll.getAttribute('class'), /status-boilerplate/);
  const statement = page.locator('[data-report="001"] .unit', { hasText: 'illogical and contrary to the realities' });
  await statement.focus();
  const lit = await page.locator('.counterpart').allTextContents();
  assert.ok(lit.some((t) => t.includes('illogical and detached from the realities')), lit.join('\n'));
  await screenshot(page, 'view-reports');
  await page.context().close();
});

test('side by side: aligned passages face each other, keyboard walks the differences', async () => {
  const page = await open(env.browser, `${env.server.url}?view=side&a=001&b=003`);
  await ready(page);
  const result = await engineResult(page, { sideBySide: [['001', '003']] });
  const layout = result.sideBySide[0];
  assert.equal(await page.locator('.pair tbody tr').count(), layout.rows.length);
  const row = page.locator('tr.row-aligned, tr.row-moved', { hasText: 'illogical and contrary' });
  assert.ok(await row.count() >= 1);
  assert.match(await row.first().locator('td').nth(1).textContent(), /detached from the realities/);
  assert.ok(await row.first().locator('ins.change').count() >= 1, 'differences are marked');
  // Keyboard only: Tab to "Next difference", press Enter, then j and k.
  const focused = () => page.evaluate(() => document.activeElement.dataset.difference ?? document.activeElement.id);
  await page.focus('#side-b');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'next-diff');
  await page.keyboard.press('Enter');
  assert.equal(await focused(), '0');
  await page.keyboard.press('j');
  assert.equal(await focused(), '1');
  await page.keyboard.press('j');
  assert.equal(await focused(), '2');
  await page.keyboard.press('k');
  assert.equal(await focused(), '1');
  // Choosing another pair updates the URL.
  await page.selectOption('#side-b', '004');
  await ready(page);
  assert.match(page.url(), /b=004/);
  await screenshot(page, 'view-side-by-side');
  await page.context().close();
});

test('the view tabs: one tab stop; arrows, Home and End move and choose, and the URL follows', async () => {
  const page = await open(env.browser, `${env.server.url}?view=quotes`);
  await ready(page);
  const at = () => page.evaluate(() => ({
    focused: document.activeElement.dataset.view,
    stops: [...document.querySelectorAll('[role="tab"]')].filter((t) => t.tabIndex === 0).map((t) => t.dataset.view),
    shown: document.getElementById('view').dataset.view,
  }));
  await page.focus('#tab-quotes');
  for (const [key, view] of [['ArrowRight', 'reports'], ['End', 'aside'], ['ArrowRight', 'overview'], ['ArrowLeft', 'aside'], ['Home', 'overview'], ['ArrowRight', 'side']]) {
    await page.keyboard.press(key);
    assert.deepEqual(await at(), { focused: view, stops: [view], shown: view }, key);
  }
  assert.match(page.url(), /view=side/);
  await page.context().close();
});

test('quotes: the "illogical" statement in three wordings and one unquoted rendering', async () => {
  const page = await open(env.browser, `${env.server.url}?view=quotes`);
  await ready(page);
  const result = await engineResult(page);
  assert.equal(await page.locator('.quote-card').count(), result.quotes.length);
  const card = page.locator('.quote-card', { hasText: 'illogical and contrary' }).first();
  const reports = await card.locator('.rendering').evaluateAll((items) => items.map((i) => i.dataset.report));
  for (const id of ['001', '002', '003']) assert.ok(reports.includes(id), `${id} in ${reports}`);
  assert.ok(await card.locator('.flag-unquoted').count() >= 1);
  assert.match(await card.locator('.quote-speaker').textContent(), /security source/);
  await screenshot(page, 'view-quotes');
  await page.context().close();
});

test('discrepancies: the nine hours, the Doha dates and the date line of 000', async () => {
  const page = await open(env.browser, `${env.server.url}?view=discrepancies`);
  await ready(page);
  const result = await engineResult(page);
  assert.equal(await page.locator('.discrepancy-card').count(), result.discrepancies.length);
  const hours = page.locator('.discrepancy-card', { hasText: 'more than 9 hours' });
  assert.ok(await hours.count() >= 1);
  assert.match(await hours.first().textContent(), /nearly 9 hours/);
  assert.match(await hours.first().locator('.discrepancy-kind').textContent(), /^Precision/);
  const withValue = (value) => page.locator('.discrepancy-card').filter({ has: page.locator('.discrepancy-value', { hasText: value }) });
  assert.equal(await withValue(/^October 18–19$/).count(), 1);
  // Who mediated the Doha round: Qatar (002) or Qatar and Turkey (004).
  const mediators = withValue(/^Qatar and Turkey$/);
  assert.match(await mediators.locator('.discrepancy-slot').textContent(), /who mediated it/);
  assert.match(await mediators.textContent(), /\bQatar\b/);
  const line = page.locator('.discrepancy-card', { hasText: 'dated January 2 2024' });
  assert.match(await line.locator('.discrepancy-kind').textContent(), /^Conflict/);
  assert.equal(await line.locator('mark.change').first().textContent(), 'Tuesday, 02 January 2024 12:17 GMT');
  // 000's own "on Sunday", read against that date line.
  assert.match(await line.textContent(), /December 31, 2023, by the date line/);
  await screenshot(page, 'view-discrepancies');
  await page.context().close();
});

test('set aside: reasons are shown and a line can be put back', async () => {
  const page = await open(env.browser, `${env.server.url}?view=aside`);
  await ready(page);
  const line = page.locator('[data-report="004"] .aside-unit', { hasText: 'Scroll to Top' });
  assert.equal(await line.locator('.aside-reason').textContent(), 'page navigation');
  await screenshot(page, 'view-set-aside');
  await line.getByRole('button').click();
  await ready(page);
  await page.waitForFunction(() => !document.querySelector('[data-report="004"] .aside-unit')?.textContent.includes('Scroll to Top'));
  await page.context().close();
});

test('pasted and dropped reports are compared and survive a reload; their markup stays text', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  await page.locator('#manage summary').click();
  const payload = 'Pakistan warned the Taliban. <img src=x onerror="alert(1)"> <script>alert(2)</script> The talks in Istanbul lasted nine hours.';
  await page.fill('#paste-title', 'Pasted <b>report</b>');
  await page.fill('#paste-text', payload);
  await page.click('#paste-add');
  await page.waitForFunction(() => document.querySelectorAll('#report-list li').length === 6);
  await ready(page);
  await page.setInputFiles('#file-input', {
    name: 'wire.html',
    mimeType: 'text/html',
    buffer: Buffer.from('<html><head><title>Wire copy</title><script>alert(3)</script></head><body><p>Talks stalled in Istanbul.</p><p>Pakistan demanded verifiable steps.</p></body></html>'),
  });
  await page.waitForFunction(() => document.querySelectorAll('#report-list li').length === 7);
  await ready(page);
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('#report-list li').count(), 7, 'the set persists across reloads');
  await page.click('[role="tab"][data-view="reports"]');
  const pasted = page.locator('.report-column').nth(5);
  assert.match(await pasted.textContent(), /<img src=x onerror="alert\(1\)">/);
  assert.equal(await page.locator('img').count(), 0);
  assert.match(await page.locator('.report-column').nth(6).locator('.report-title').textContent(), /Wire copy/);
  assert.deepEqual(page.dialogs, [], 'no script from report text ran');
  await page.context().close();
});

test('export then import of the report set is byte-identical', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  await page.locator('#manage summary').click();
  const [first] = await Promise.all([page.waitForEvent('download'), page.click('#export-set')]);
  const bytes = await readFile(await first.path());
  await page.setInputFiles('#import-set', { name: 'set.json', mimeType: 'application/json', buffer: bytes });
  await ready(page);
  const [second] = await Promise.all([page.waitForEvent('download'), page.click('#export-set')]);
  assert.deepEqual(await readFile(await second.path()), bytes);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  assert.match((await readFile(await csv.path())).toString(), /^table,id,report,unit/);
  await page.context().close();
});

test('every view passes axe-core with no violations', async () => {
  for (const view of ['overview', 'side', 'quotes', 'reports', 'discrepancies', 'aside']) {
    const page = await open(env.browser, `${env.server.url}?view=${view}`, { bypassCSP: true });
    await ready(page);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `${view}: ${violations.join('\n')}`);
    await page.context().close();
  }
});

test('readable at 320 px wide', async () => {
  const page = await open(env.browser, env.server.url, { width: 320, height: 700 });
  await ready(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await screenshot(page, 'view-overview-320px');
  await page.context().close();
});

test('a missing manifest is reported in words and nothing breaks', async () => {
  const page = await open(env.browser, 'about:blank');
  await page.route('**/data/manifest.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-state="error"]');
  const status = page.locator('#status');
  assert.equal(await status.getAttribute('role'), 'alert');
  assert.match(await status.textContent(), /could not load \/data\/manifest\.json: 404/);
  // The page stays usable: a pasted report is compared.
  await page.locator('#manage summary').click();
  await page.fill('#paste-text', 'One sentence here. Another one there.');
  await page.click('#paste-add');
  await ready(page);
  await page.context().close();
});

test('a manifest URL loads its reports; reports can be renamed and reordered', async () => {
  const page = await open(env.browser, 'about:blank');
  const manifest = [
    { id: 'a', title: 'Inline one', text: 'Talks in Istanbul stalled after nine hours. Pakistan demanded verifiable steps.' },
    { id: 'b', title: 'From a file', textUrl: 'b.txt' },
  ];
  await page.route('**/cluster/reports.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(manifest) }));
  await page.route('**/cluster/b.txt', (route) => route.fulfill({ contentType: 'text/plain', body: 'Pakistan demanded verifiable steps in Istanbul. The talks stalled.' }));
  await page.goto(`${env.server.url}?src=cluster/reports.json&view=reports`);
  await ready(page);
  assert.deepEqual(await page.locator('.report-column .report-title').allTextContents(), ['Inline one', 'From a file']);
  await page.locator('#manage summary').click();
  await page.fill('#title-b', 'Renamed');
  await page.press('#title-b', 'Enter');
  await page.click('button[data-action="down"][data-report="a"]');
  await page.waitForFunction(() => document.querySelector('.report-column .report-title')?.textContent === 'Renamed');
  assert.deepEqual(await page.locator('.report-column .report-title').allTextContents(), ['Renamed', 'Inline one']);
  await page.click('button[data-action="remove"][data-report="a"]');
  await page.waitForFunction(() => document.querySelectorAll('.report-column').length === 1);
  await page.context().close();
});
