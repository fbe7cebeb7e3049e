// The coverage table from 5 to 100 reports and from 320 px up (issue 17, item 2): a sticky
// fact column and header, compact cells at many reports, filters, rows drawn a page at a
// time, heat-map cells that open their pair side by side, and every view at 100 reports
// drawing a bounded page of rows. The longest task of each view switch is printed, not
// asserted: the 300 ms target is a figure (BENCHMARKS.md), and a wall-clock threshold on a
// shared two-core machine fails by load, not by code.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, open, ready, copies, screenshot, axeViolations } from './support.mjs';

const env = useBrowser();

/** Replaces the page's set by `reports` (through "Import reports") and waits for it. */
async function importReports(page, reports) {
  const before = await page.evaluate(() => document.body.dataset.run);
  const buffer = Buffer.from(JSON.stringify({ format: 'parallax-report-set', version: 1, reports, keep: [] }));
  await page.setInputFiles('#import-set', { name: 'set.json', mimeType: 'application/json', buffer });
  await page.waitForFunction((b) => document.body.dataset.run !== b && document.body.dataset.state === 'ready', before, { timeout: 180_000 });
}

test('at 320 px the fact column and the header stay in view while the table scrolls both ways', async () => {
  const page = await open(env.browser, env.server.url, { width: 320, height: 640 });
  await ready(page);
  await importReports(page, await copies(12));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  const scroller = page.locator('.matrix-section .matrix-scroll');
  const box = await scroller.boundingBox();
  const fact = page.locator('.matrix tbody tr.fact-row').nth(2).locator('th.fact');
  const header = page.locator('.matrix thead th.report-head').first();
  const factWidth = (await fact.boundingBox()).width;
  assert.ok(factWidth >= 150, `the fact column is ${factWidth}px wide`);
  await scroller.evaluate((node) => node.scrollTo({ left: 600, top: 300 }));
  await page.waitForFunction(() => document.querySelector('.matrix-section .matrix-scroll').scrollLeft > 0);
  const factAfter = await fact.boundingBox();
  const headerAfter = await header.boundingBox();
  assert.ok(Math.abs(factAfter.x - box.x) <= 2, `the fact column stays at the left (${factAfter.x} vs ${box.x})`);
  assert.ok(Math.abs(headerAfter.y - box.y) <= 3, `the header stays at the top (${headerAfter.y} vs ${box.y})`);
  // Scrolled away: the header is over the rows, not above the box.
  assert.ok(headerAfter.y >= box.y - 1, 'the header is inside the box');
  await screenshot(page, 'matrix-320px-scrolled');
  await page.context().close();
});

test('many reports: compact cells with a symbol and a name, filters by reach, tier and words, rows a page at a time', async () => {
  const page = await open(env.browser, env.server.url, { bypassCSP: true });
  await ready(page);
  await importReports(page, await copies(12));
  const result = await page.evaluate(async () => {
    const { compare } = await import('./js/engine.js');
    const { loadSaved } = await import('./js/data.js');
    return compare(loadSaved().reports, { sideBySide: [] });
  });
  const table = page.locator('table.matrix');
  assert.match(await table.getAttribute('class'), /matrix-compact/);
  const cell = page.locator('.matrix tbody tr.fact-row').first().locator('td.cell').first();
  // The symbol is what shows; the word is read out, not shown.
  assert.match(await cell.locator('.cell-symbol').textContent(), /^[≡≈∼·]$/);
  assert.equal(await cell.locator('.cell-symbol').getAttribute('aria-hidden'), 'true');
  assert.match(await cell.locator('.relation-label').textContent(), /^(verbatim|rewrite|paraphrase|absent)$/);
  assert.ok((await cell.locator('.relation-label').boundingBox()).width <= 1, 'the word is visually hidden');

  const rows = () => page.locator('.matrix tbody tr.fact-row');
  const facts = result.groups.filter((g) => g.reports >= 2).length;
  assert.ok(facts > 25, `${facts} facts`);
  assert.equal(await rows().count(), 25, 'a page of facts at first');
  assert.equal(await page.locator('.matrix-count').textContent(), `Showing 25 of ${facts} facts that fit (${result.groups.length} facts in all).`);
  await page.locator('.matrix-section .show-more').click();
  assert.equal(await rows().count(), Math.min(50, facts));
  assert.equal(await page.evaluate(() => document.activeElement.closest('tr')?.rowIndex), 26, 'the keyboard goes on to the first fact drawn');

  // At least N reports.
  const min = Math.max(...result.groups.map((g) => g.reports)) - 1;
  await page.fill('.filter-min', String(min));
  const wanted = result.groups.filter((g) => g.reports >= min);
  await page.waitForFunction((n) => document.querySelectorAll('.matrix tbody tr.fact-row').length === n, Math.min(25, wanted.length));
  const counts = await page.locator('.matrix tbody td.count').allTextContents();
  assert.ok(counts.every((c) => Number(c) >= min), counts.join(','));
  // Words: only facts whose passages have them.
  await page.fill('.filter-min', '2');
  await page.fill('.filter-text', 'Doha');
  const doha = result.groups.filter((g) => g.members.some((m) => result.reports.flatMap((r) => r.units).find((u) => u.id === m.unit).text.toLowerCase().includes('doha')));
  await page.waitForFunction((n) => document.querySelectorAll('.matrix tbody tr.fact-row').length === n, Math.min(25, doha.length));
  assert.ok(doha.length > 0 && doha.length < facts);
  // The looser tier: ≟ "possibly the same", never a same-fact symbol, and only when asked.
  await page.fill('.filter-text', '');
  assert.equal(await page.locator('.matrix td.cell-possible').count(), 0);
  await page.selectOption('.filter-tier', 'possible');
  await page.waitForFunction(() => document.querySelectorAll('.matrix td.cell-possible').length > 0);
  const possible = page.locator('.matrix td.cell-possible').first();
  assert.equal(await possible.locator('.cell-symbol').textContent(), '≟');
  assert.equal(await possible.locator('.relation-label').textContent(), 'possibly the same');
  assert.match(await possible.locator('xpath=..').locator('td.count').textContent(), /^\d+ \+ \d+ ≟$/);
  // The filter survives opening a fact (the view is drawn again).
  await page.locator('.fact-toggle').first().click();
  assert.equal(await page.inputValue('.filter-tier'), 'possible');
  assert.ok(await page.locator('.matrix td.cell-possible').count() > 0);
  await screenshot(page, 'matrix-12-reports');
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], violations.join('\n'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a heat-map cell opens its two reports side by side', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  const cell = page.locator('.heatmap button[data-action="open-pair"][data-a="001"][data-b="003"]');
  assert.match(await cell.getAttribute('aria-label'), /^\d+ % shared by Islamabad warns Afghan… and DID Press: open side by side$/);
  await cell.click();
  await page.waitForFunction(() => document.body.dataset.state === 'ready' && document.querySelector('.pair'));
  assert.match(page.url(), /view=side&a=001&b=003/);
  assert.deepEqual(await page.locator('.pair thead th').evaluateAll((ths) => ths.map((th) => th.dataset.report)), ['001', '003']);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-side');
  await page.context().close();
});

test('the widget: a heat-map cell opens its pair side by side too', async () => {
  const page = await open(env.browser, `${env.server.url}demo-cms.html`);
  await page.waitForFunction(() => document.getElementById('quotes-widget').shadowRoot?.querySelector('.quote-card'));
  await page.evaluate(() => {
    const widget = document.createElement('parallax-compare');
    widget.id = 'heat';
    widget.src = 'data/manifest.json';
    document.body.append(widget);
  });
  const widget = page.locator('#heat');
  await widget.locator('.heatmap button[data-a="002"][data-b="004"]').click();
  await page.waitForFunction(() => document.getElementById('heat').shadowRoot.querySelector('.pair'));
  assert.equal(await widget.getAttribute('view'), 'side');
  assert.deepEqual(await widget.locator('.pair thead th').evaluateAll((ths) => ths.map((th) => th.dataset.report)), ['002', '004']);
  await page.context().close();
});

test('100 reports: every view opens, drawing a page of rows; the longest task of each switch printed', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  await importReports(page, await copies(100));
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
  });
  const seen = {};
  for (const view of ['side', 'quotes', 'reports', 'discrepancies', 'aside', 'overview', 'reports', 'overview']) {
    await page.evaluate(() => { window.longTasks.length = 0; });
    await page.click(`[role="tab"][data-view="${view}"]`);
    await page.waitForFunction((v) => document.getElementById('view').dataset.view === v && document.body.dataset.state === 'ready', view, { timeout: 120_000 });
    // Two frames: the drawing and its layout have happened.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))));
    const tasks = await page.evaluate(() => window.longTasks);
    seen[view] = Math.max(0, ...tasks);
  }
  console.log(`longest task a view switch at 100 reports: ${JSON.stringify(seen)} ms`);
  // The Overview draws a page of facts and of heat-map rows, not all of them.
  assert.equal(await page.locator('.matrix tbody tr.fact-row').count(), 25);
  assert.equal(await page.locator('.heatmap tbody tr').count(), 10);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height < 15_000, `the Overview is ${height}px tall`);
  await screenshot(page, 'overview-100-reports');
  await page.context().close();
});
