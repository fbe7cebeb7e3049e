// The page, in headless Chromium: every view on the sample reports, checked against the
// engine's own result; loading, persistence, export and import; keyboard; accessibility;
// inert report text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useBrowser, open, ready, screenshot, axeViolations } from './support.mjs';

const env = useBrowser();

/** The engine's result for the sample reports, computed inside `page` by the engine (not
 * answered in advance by the build, which the page's own first comparison is). */
function engineResult(page, options = { sideBySide: [] }) {
  return page.evaluate(async (opts) => {
    const { compare, useAnswers } = await import('./js/engine.js');
    useAnswers(null);
    const { loadManifest } = await import('./js/data.js');
    return compare((await loadManifest('data/manifest.json')).reports, opts);
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
  assert.equal(await page.locator('.heatmap tbody tr').count(), 5);
  await screenshot(page, 'view-overview');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('overview: every passage only in one report says how close its nearest candidate came', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  const result = await engineResult(page);
  const onlyHere = result.reports.flatMap((r) => r.unique);
  assert.ok(onlyHere.some((u) => u.nearest), 'the sample set has an only-here passage with a candidate');
  assert.equal(await page.locator('.unique-unit').count(), onlyHere.length);
  // The sample manifest names the outlets of 000 and 003 only; the others by title.
  const outlets = new Map((JSON.parse(await readFile(new URL('../../www/data/manifest.json', import.meta.url), 'utf8'))).map((r) => [r.id, r.outlet]));
  const named = (id) => `${[outlets.get(id), result.reports.find((r) => r.id === id).title].filter(Boolean).join(': ')} (report ${id})`;
  for (const { unit, nearest } of onlyHere) {
    const note = await page.locator(`.unique-unit[data-unit="${unit}"] .nearest`).textContent();
    if (!nearest) {
      assert.equal(note, 'No passage of another report shares its words', unit);
      continue;
    }
    const candidate = result.reports.flatMap((r) => r.units).find((u) => u.id === nearest.unit);
    assert.equal(note, `No close match found (nearest: ${named(nearest.report)}, `
      + `${Math.round(nearest.score * 100)} %): ${candidate.text}`, unit);
  }
  // 002's one-word heading "Summary:" has no candidate at all.
  const summary = page.locator('.unique-report[data-report="002"] .unique-unit', { hasText: /^Summary:/ });
  assert.equal(await summary.locator('.nearest').textContent(), 'No passage of another report shares its words');
  await page.context().close();
});

test('overview: "Possibly shared" lists the looser tier with ≟ and in words, strongest first, all on request', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  const result = await engineResult(page);
  const section = page.locator('.possible-section');
  assert.equal(await section.getByRole('heading').textContent(), 'Possibly shared');
  assert.ok(result.possible.length > 10, `${result.possible.length} possible links`);
  const items = section.locator('.possible-link');
  assert.equal(await items.count(), 10, 'the ten strongest at first');
  for (const [i, link] of result.possible.slice(0, 10).entries()) {
    const item = items.nth(i);
    assert.equal(await item.locator('.possible-symbol').textContent(), '≟');
    assert.equal(await item.locator('.possible-label').textContent(), `possibly the same (${Math.round(link.confidence * 100)} %)`);
    assert.deepEqual(await item.locator('.possible-passage').evaluateAll((nodes) => nodes.map((n) => n.dataset.unit)), [link.a, link.b]);
  }
  const more = section.locator('.possible-more summary');
  assert.equal(await more.textContent(), `The other ${result.possible.length - 10} possibly shared pairs, weaker`);
  await more.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.possible-link').length === n, result.possible.length);
  // 000's "unrealistic and disconnected from conditions on the ground" is possibly the
  // same as 001's "illogical and contrary to the realities on the ground".
  const described = items.filter({ hasText: 'unrealistic and disconnected from conditions on the ground' })
    .filter({ hasText: 'illogical and contrary to the realities on the ground' });
  assert.equal(await described.count(), 1);
  assert.equal(await items.last().locator('.possible-label').textContent(),
    `possibly the same (${Math.round(result.possible.at(-1).confidence * 100)} %)`);
  await page.context().close();
});

test('reports view: units by status, counterparts light up on focus', async () => {
  const page = await open(env.browser, `${env.server.url}?view=reports`);
  await ready(page);
  const result = await engineResult(page);
  const shown = await page.$$eval('.report-column', (cols) => cols.map((c) => c.querySelectorAll('.unit').length));
  assert.deepEqual(shown, result.reports.map((r) => r.units.length));
  // Every status as the engine's result has it: only here, possibly in, in N reports.
  const onlyHere = new Set(result.reports.flatMap((r) => r.unique.map((u) => u.unit)));
  const statuses = await page.$$eval('.unit', (units) => units.map((u) => [u.dataset.unit, u.className.match(/status-(\w+)/)[1], u.querySelector('.unit-status').textContent]));
  for (const [unit, status, label] of statuses) {
    if (onlyHere.has(unit)) assert.deepEqual([status, label], ['unique', 'only here'], unit);
    else if (status === 'possible') assert.match(label, /^≟ possibly in \d reports$/, unit);
    else if (status === 'shared') assert.match(label, /^in \d reports$/, unit);
  }
  const soldiers = page.locator('[data-report="001"] .unit', { hasText: 'Dozens of Afghan and Khwarij soldiers were killed' });
  assert.match(await soldiers.getAttribute('class'), /status-unique/);
  assert.equal(await soldiers.locator('.unit-status').textContent(), 'only here');
  const scroll = page.locator('[data-report="001"] .unit', { hasText: 'Scroll to Top' });
  assert.match(await scroll.getAttribute('class'), /status-boilerplate/);
  const statement = page.locator('[data-report="001"] .unit', { hasText: 'illogical and contrary to the realities' });
  await statement.focus();
  const lit = await page.locator('.counterpart').allTextContents();
  assert.ok(lit.some((t) => t.includes('illogical and detached from the realities')), lit.join('\n'));
  await screenshot(page, 'view-reports');
  await page.context().close();
});

/** In `page`: whether node `id` (a unit id) is on screen whole: inside the window and
 * inside every scrolling box around it. */
const wholeOnScreen = (page, id) => page.evaluate((unit) => {
  const node = document.querySelector(`.unit[data-unit="${CSS.escape(unit)}"]`);
  const box = node.getBoundingClientRect();
  let [top, bottom] = [0, innerHeight];
  for (let p = node.parentElement; p; p = p.parentElement) {
    if (getComputedStyle(p).overflowY === 'visible') continue;
    const clip = p.getBoundingClientRect();
    top = Math.max(top, clip.top + p.clientTop);
    bottom = Math.min(bottom, clip.top + p.clientTop + p.clientHeight);
  }
  return box.top >= top - 0.5 && box.bottom <= bottom + 0.5;
}, id);

test('reports view: focusing a passage scrolls its first counterpart in each other report into view, the page stays put', async () => {
  const page = await open(env.browser, `${env.server.url}?view=reports`);
  await ready(page);
  // A passage on screen with a counterpart in another report that is not: the first
  // counterpart there (the first outlined, of either tier, in text order).
  const cases = await page.evaluate(() => {
    const shown = (node) => {
      const box = node.getBoundingClientRect();
      let [top, bottom] = [0, innerHeight];
      for (let p = node.parentElement; p; p = p.parentElement) {
        if (getComputedStyle(p).overflowY === 'visible') continue;
        const clip = p.getBoundingClientRect();
        top = Math.max(top, clip.top + p.clientTop);
        bottom = Math.min(bottom, clip.top + p.clientTop + p.clientHeight);
      }
      return box.top >= top && box.bottom <= bottom;
    };
    const found = [];
    for (const unit of document.querySelectorAll('.unit[tabindex="0"]')) {
      if (!shown(unit)) continue;
      const groups = unit.dataset.groups.split(' ').filter(Boolean);
      const possible = unit.dataset.possible.split(' ').filter(Boolean);
      const own = unit.closest('.report-column');
      for (const column of document.querySelectorAll('.report-column')) {
        if (column === own) continue;
        const first = [...column.querySelectorAll('.unit')].find((u) => u.dataset.groups.split(' ').some((g) => g && groups.includes(g)) || possible.includes(u.dataset.unit));
        if (first && !shown(first)) found.push({ unit: unit.dataset.unit, counterpart: first.dataset.unit });
      }
    }
    return found;
  });
  assert.ok(cases.length >= 1, 'the sample reports have a passage whose counterpart is off screen');
  const [{ unit, counterpart }] = cases;
  assert.equal(await wholeOnScreen(page, counterpart), false);
  const pageAt = await page.evaluate(() => scrollY);
  const passage = page.locator(`.unit[data-unit="${unit}"]`);
  const ownScroll = () => passage.evaluate((node) => node.closest('.units')?.scrollTop ?? 0);
  const ownBefore = await ownScroll();
  await passage.focus();
  await page.waitForFunction((id) => document.querySelector(`.unit[data-unit="${id}"]`).classList.contains('counterpart')
    || document.querySelector(`.unit[data-unit="${id}"]`).classList.contains('counterpart-possible'), counterpart);
  // Smoothly scrolled (the reader has no motion preference): in view once it settles.
  await page.waitForFunction((id) => {
    const node = document.querySelector(`.unit[data-unit="${id}"]`);
    const box = node.getBoundingClientRect();
    const clip = node.closest('.units').getBoundingClientRect();
    return box.top >= Math.max(0, clip.top) - 0.5 && box.bottom <= Math.min(innerHeight, clip.bottom) + 0.5;
  }, counterpart, { timeout: 5000 });
  assert.equal(await wholeOnScreen(page, counterpart), true, `${counterpart}, the counterpart of ${unit}, is on screen`);
  // Only the other reports' columns moved: not the page, not the passage's own column.
  assert.equal(await page.evaluate(() => scrollY), pageAt);
  assert.equal(await ownScroll(), ownBefore);
  assert.equal(await wholeOnScreen(page, unit), true);

  // With reduced motion, at once: focusing scrolls before focus() returns.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // Away from the passage (to the view itself, which clears the outlines), the columns back to their tops.
  await page.evaluate(() => {
    document.getElementById('view').focus({ preventScroll: true });
    for (const list of document.querySelectorAll('.units')) list.scrollTop = 0;
  });
  assert.equal(await wholeOnScreen(page, counterpart), false);
  const atOnce = await page.evaluate(({ unit: u, counterpart: c }) => {
    document.querySelector(`.unit[data-unit="${u}"]`).focus();
    const node = document.querySelector(`.unit[data-unit="${c}"]`);
    const box = node.getBoundingClientRect();
    const clip = node.closest('.units').getBoundingClientRect();
    return box.top >= Math.max(0, clip.top) - 0.5 && box.bottom <= Math.min(innerHeight, clip.bottom) + 0.5;
  }, { unit, counterpart });
  assert.equal(atOnce, true);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('reports view: a passage linked only by the looser tier is "possibly in N reports", its counterparts outlined apart', async () => {
  const page = await open(env.browser, `${env.server.url}?view=reports`);
  await ready(page);
  const result = await engineResult(page);
  // 000 words the Taliban's arguments "unrealistic and disconnected from conditions on the
  // ground"; 001 and 003 quote a source calling them "illogical" and at odds with "the
  // realities on the ground".
  const described = page.locator('[data-report="000"] .unit', { hasText: 'unrealistic and disconnected from conditions on the ground' });
  const unit = await described.getAttribute('data-unit');
  const partners = result.possible.filter((l) => l.a === unit || l.b === unit).map((l) => (l.a === unit ? l.b : l.a));
  const reports = new Set([unit, ...partners].map((id) => id.split(':')[0]));
  assert.match(await described.getAttribute('class'), /status-possible/);
  assert.equal(await described.locator('.possible-symbol').textContent(), '≟');
  assert.equal(await described.locator('.possible-label').textContent(), `possibly in ${reports.size} reports`);
  await described.focus();
  const outlined = page.locator('.counterpart-possible');
  assert.deepEqual((await outlined.evaluateAll((nodes) => nodes.map((n) => n.dataset.unit))).sort(), [...partners].sort());
  const statement = outlined.filter({ hasText: 'illogical and contrary to the realities on the ground' });
  assert.equal(await statement.count(), 1);
  // Told apart in words as well as by the dashed outline.
  assert.equal(await statement.locator('.counterpart-label').textContent(), '≟ possibly the same');
  assert.equal(await statement.evaluate((n) => getComputedStyle(n).outlineStyle), 'dashed');
  // Moving away clears the outlines and their labels.
  await page.locator('.report-meta').first().hover();
  assert.equal(await page.locator('.counterpart, .counterpart-possible, .counterpart-label').count(), 0);
  assert.deepEqual(page.errors, []);
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
  // A pair of the looser tier says so in words and symbol, on both sides: 001's warning
  // that Afghanistan "would also face more serious consequences, for which the Taliban
  // would be responsible" and 003's "the Taliban government will bear full responsibility".
  const consequences = page.locator('tr', { hasText: 'more serious consequences' });
  assert.equal(await consequences.getAttribute('data-tier'), 'possible');
  assert.match(await consequences.locator('td').nth(1).textContent(), /bear full responsibility for the consequences/);
  assert.deepEqual(await consequences.locator('.possible').allTextContents(), ['≟ possibly the same', '≟ possibly the same']);
  const possibleRows = layout.rows.filter((r) => r.tier === 'possible').length;
  assert.ok(possibleRows >= 1);
  assert.equal(await page.locator('tr[data-tier="possible"]').count(), possibleRows);
  assert.equal(await page.locator('tr[data-tier="possible"]:has(.possible)').count(), possibleRows);
  assert.match(await page.locator('.side-by-side > .hint').textContent(), /^≟ possibly the same: /);
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

test('side by side: numbered passages, a difference counter, and on a phone each passage says its report', async () => {
  const page = await open(env.browser, `${env.server.url}?view=side&a=000&b=004`, { width: 375, height: 800, bypassCSP: true });
  await ready(page);
  // A difference: moved, only on one side, of the looser tier, or worded differently;
  // a pair in the same words is none.
  const [layout] = (await engineResult(page, { sideBySide: [['000', '004']] })).sideBySide;
  const real = layout.rows.filter((r) => r.kind !== 'aligned' || r.tier === 'possible' || r.changesA?.length || r.changesB?.length);
  const total = await page.locator('tr[data-difference]').count();
  assert.equal(total, real.length);
  assert.equal(await page.locator('#diff-counter').textContent(), `${total} differences`);
  await page.click('#next-diff');
  assert.equal(await page.locator('#diff-counter').textContent(), `1 of ${total} differences`);
  await page.click('#next-diff');
  assert.equal(await page.locator('#diff-counter').textContent(), `2 of ${total} differences`);
  // Every passage has its number; "moved: passage N" names the number shown on the other side.
  const cells = await page.$$eval('.pair td.side:not(.side-empty)', (tds) => tds.map((td) => ({
    unit: td.dataset.unit, number: td.querySelector('.passage-number').textContent, tag: td.querySelector('.tag-moved')?.textContent ?? null,
    other: td.closest('tr').querySelectorAll('td')[td.cellIndex === 0 ? 1 : 0].querySelector('.passage-number')?.textContent ?? null,
  })));
  assert.ok(cells.every((c) => /^passage \d+$/.test(c.number)), JSON.stringify(cells.slice(0, 3)));
  const moved = cells.filter((c) => c.tag);
  for (const c of moved) assert.equal(c.tag, `moved: ${c.other} in the other report`);
  // Stacked on a phone: each passage names its report.
  const where = await page.locator('.pair tbody td.side:not(.side-empty) .side-report').first();
  assert.ok(await where.isVisible());
  assert.match(await where.textContent(), /^Khaama Press \(via MENAFN\) · $/);
  // "Right" stays with its choice.
  const label = await page.locator('label[for="side-b"]').boundingBox();
  const select = await page.locator('#side-b').boundingBox();
  assert.ok(Math.abs(label.y + label.height / 2 - (select.y + select.height / 2)) < 8, 'label and choice on one line');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], violations.join('\n'));
  await screenshot(page, 'view-side-by-side-375px');
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

test('quotes: each outlet\'s wording as printed, the differences from the reference on a toggle that stays', async () => {
  const page = await open(env.browser, `${env.server.url}?view=quotes`, { bypassCSP: true });
  await ready(page);
  const result = await engineResult(page);
  const cluster = result.quotes.find((q) => q.instances.some((i) => i.quoted && i.diff.some((op) => op.op !== 'equal')));
  assert.ok(cluster, 'a quote worded differently by two outlets');
  const card = page.locator(`.quote-card[data-quote="${cluster.id}"]`);
  // As printed: every rendering's own words, no edits shown.
  const printed = await card.locator('.rendering-printed').allTextContents();
  assert.deepEqual(printed, cluster.instances.map((i) => i.text));
  assert.equal(await card.locator('del:visible, ins:visible').count(), 0);
  await page.check('.quotes-diffs');
  assert.ok(await card.locator('.rendering-diff:visible').count() >= 1);
  assert.ok(await card.locator('del.word-delete:visible, ins.word-insert:visible').count() >= 1);
  assert.equal(await card.locator('.rendering-printed:visible').count(), cluster.instances.length - await card.locator('.rendering-diff').count());
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], violations.join('\n'));
  // The choice stays across views.
  await page.click('[role="tab"][data-view="overview"]');
  await page.click('[role="tab"][data-view="quotes"]');
  assert.equal(await page.isChecked('.quotes-diffs'), true);
  assert.ok(await page.locator('.rendering-diff:visible').count() >= 1);
  await screenshot(page, 'view-quotes-differences');
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
  assert.match(await hours.first().locator('.discrepancy-kind').textContent(), /^Conflict/);
  // Who says what: one line per value, most reports first, each report by its name.
  const finding = result.discrepancies.find((d) => d.slot === 'hours' && d.kind === 'conflict');
  const tally = hours.first().locator('.tally-entry');
  assert.equal(await tally.count(), finding.tally.length);
  assert.match(await tally.first().textContent(), /^1 report says (nearly|more than) 9 hours \(/);
  assert.equal(await tally.first().locator('.tally-report').first().getAttribute('data-report'), finding.tally[0].reports[0]);
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

test('set aside by the reader: a line the engine kept is set aside, kept so after a reload, and put back', async () => {
  const page = await open(env.browser, `${env.server.url}?view=reports`, { bypassCSP: true });
  await ready(page);
  const result = await engineResult(page);
  // A line of 002 that the engine compares: a member of a shared fact.
  const unit = result.groups.flatMap((g) => g.members).find((m) => m.unit.startsWith('002:')).unit;
  const line = page.locator(`.unit[data-unit="${unit}"]`);
  await line.getByRole('button', { name: /^Set aside/ }).click();
  await ready(page);
  await page.waitForFunction((id) => document.querySelector(`.unit[data-unit="${id}"]`)?.classList.contains('status-boilerplate'), unit);
  assert.equal(await line.locator('.unit-status').textContent(), 'set aside: set aside by you');
  assert.equal(await line.getByRole('button').count(), 0, 'a line set aside has no Set aside button');
  // The page's own result no longer has it in any shared fact.
  await page.click('#tab-overview');
  assert.equal(await page.locator(`.member[data-unit="${unit}"], [data-unit="${unit}"].fact-member`).count(), 0);
  // Kept with the set: a reload sets it aside again.
  await page.reload();
  await ready(page);
  await page.click('#tab-reports');
  await page.waitForFunction((id) => document.querySelector(`.unit[data-unit="${id}"]`)?.classList.contains('status-boilerplate'), unit);
  // Put back from the Set aside view, where it is listed with the reader's reason.
  await page.click('#tab-aside');
  const aside = page.locator(`.aside-unit[data-unit="${unit}"]`);
  assert.equal(await aside.locator('.aside-reason').textContent(), 'set aside by you');
  assert.deepEqual(await axeViolations(page), []);
  await aside.getByRole('button', { name: /^Put back/ }).click();
  await ready(page);
  await page.waitForFunction((id) => !document.querySelector(`.aside-unit[data-unit="${id}"]`), unit);
  await page.click('#tab-reports');
  await page.waitForFunction((id) => document.querySelector(`.unit[data-unit="${id}"]`)?.classList.contains('status-shared'), unit);
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
  const table = (await readFile(await csv.path())).toString();
  assert.match(table, /^table,id,report,unit,relation_or_speaker,confidence,text,nearest_unit,nearest_score,outlet,title\r\n/);
  // Both tiers, and each unique passage with its nearest candidate; every row as wide as
  // the header, naming its report's outlet and title.
  assert.match(table, /^group,g1,/m);
  assert.match(table, /^possible,p1,\d+,\d+:u\d+,possibly the same,0\.\d+,/m);
  assert.match(table, /^unique,,\d+,\d+:u\d+,,,.*,\d+:u\d+,0\.\d+,[^,]*,.*\r$/m);
  assert.match(table, /^group,.*,,,[^,\r]*,[^\r]+\r$/m);
  assert.match(table, /^group,g\d+,000,000:u\d+,.*,,,Khaama Press \(via MENAFN\),Islamabad Warns Kabul: Support For Terror Groups “Unacceptable”\r$/m);
  // The discrepancies too: 004's "more than 9 hours" against the others' nine hours.
  assert.match(table, /^discrepancy,d\d+,\d{3},\d{3}:u\d+,(conflict|precision|onlyInSome): [^=]+ = [^,]+,0\.\d+,/m);
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

test('while the reports load on a slow connection, the page says so, and nothing says the set is empty', async () => {
  const page = await open(env.browser, 'about:blank');
  // The sample bundle (js/answers.js) is slow, as its manifest would be without it.
  for (const slow of ['**/pkg/sample.json', '**/data/manifest.json']) {
    await page.route(slow, async (route) => {
      await new Promise((done) => setTimeout(done, 1500));
      await route.continue();
    });
  }
  await page.goto(env.server.url);
  await page.waitForFunction(() => document.getElementById('view').textContent.length > 0);
  const said = await page.evaluate(() => ({
    status: document.getElementById('status').textContent,
    view: document.getElementById('view').textContent,
    count: document.getElementById('report-count').textContent,
  }));
  assert.deepEqual(said, { status: 'Loading the reports and the comparison engine…', view: 'Loading the reports…', count: '' });
  await ready(page);
  assert.equal(await page.locator('#report-count').textContent(), '(5)');
  await page.context().close();
});

test('a missing manifest is reported in words and nothing breaks', async () => {
  const page = await open(env.browser, 'about:blank');
  // Without the sample bundle (js/answers.js) the page reads the sample manifest.
  await page.route('**/pkg/sample.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
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
