// The page's state under a hostile reader: lines put back of reports that are gone, ids
// used twice, two tabs, a manifest beside the reader's own set, the report list during a
// comparison, limits, lone surrogates, formulas in CSV, and bad input to the widget. One
// test per bug of the issue, named for it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useBrowser, open, ready, copies } from './support.mjs';

const env = useBrowser();

const STORY = 'Talks Stall in Istanbul\n\nPakistan demanded verifiable steps from Kabul. The talks lasted nine hours.';
const SAVED_KEY = 'parallax:reports:v1';

const lastRun = (page) => page.evaluate(() => document.body.dataset.run ?? '');

/** Waits for a comparison that started after run `before` to end (drawn, failed, empty). */
async function settled(page, before) {
  await page.waitForFunction(
    (b) => document.body.dataset.run !== b && ['ready', 'error', 'empty', 'stopped'].includes(document.body.dataset.state),
    before,
  );
}

/** Imports a set file of `reports` (and `keep`, and any other field). */
async function importSet(page, reports, { keep = [], wait = true, ...more } = {}) {
  const before = await lastRun(page);
  const buffer = Buffer.from(JSON.stringify({ format: 'parallax-report-set', version: 1, reports, keep, ...more }));
  await page.setInputFiles('#import-set', { name: 'set.json', mimeType: 'application/json', buffer });
  if (wait) await settled(page, before);
}

async function paste(page, text, title = '') {
  const before = await lastRun(page);
  await page.evaluate(([t, x]) => {
    document.getElementById('manage').open = true;
    document.getElementById('paste-title').value = t;
    document.getElementById('paste-text').value = x;
  }, [title, text]);
  await page.click('#paste-add');
  await settled(page, before);
}

async function clickAndSettle(page, selector) {
  const before = await lastRun(page);
  await page.click(selector);
  await settled(page, before);
}

const notice = (page) => page.locator('#notice:not([hidden]) #notice-text').textContent({ timeout: 2000 });
const listedIds = (page) => page.locator('#report-list .report-id').allTextContents();
const saved = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), SAVED_KEY);

async function exported(page, button) {
  await page.evaluate(() => { document.getElementById('manage').open = true; });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return readFile(await download.path());
}

/** Puts back the first set-aside line of report `id`; returns its unit id. */
async function putBack(page, id) {
  await page.click('[role="tab"][data-view="aside"]');
  const button = page.locator(`[data-report="${id}"] .put-back`).first();
  const unit = await button.getAttribute('data-unit');
  await clickAndSettle(page, `[data-report="${id}"] .put-back >> nth=0`);
  return unit;
}

test('bug 1: a put-back line whose report is removed, or that an imported set names wrongly, is dropped with a notice and never fails the comparison', async () => {
  const page = await open(env.browser, `${env.server.url}`);
  await ready(page);
  const unit = await putBack(page, '004');
  assert.match(unit, /^004:u\d+$/);
  assert.deepEqual((await saved(page)).keep, [unit]);
  await page.evaluate(() => { document.getElementById('manage').open = true; });
  await clickAndSettle(page, 'button[data-action="remove"][data-report="004"]');
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready');
  assert.match(await page.locator('#status').textContent(), /^4 reports/);
  assert.equal(await notice(page), `1 line put back (${unit}) is set aside again: their report is no longer in the set.`);
  assert.deepEqual((await saved(page)).keep, []);
  await page.reload();
  await ready(page);
  assert.match(await page.locator('#status').textContent(), /^4 reports/);

  // An imported set whose lines put back name a report it lacks, and a line its report lacks.
  await importSet(page, [{ id: 'a', title: 'A', text: STORY }], { keep: ['gone:u1', 'a:u999', 'a:u1'] });
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready');
  const said = await notice(page);
  assert.match(said, /1 line put back \(gone:u1\) is set aside again: their report is no longer in the set\./);
  assert.match(said, /1 line put back \(a:u999\) is set aside again: their reports have no such line\./);
  assert.deepEqual((await saved(page)).keep, ['a:u1'], 'the line that exists stays put back');
  // A saved set with a stale line (as an older page saved it) loads and compares too.
  await page.evaluate((key) => {
    const set = JSON.parse(localStorage.getItem(key));
    localStorage.setItem(key, JSON.stringify({ ...set, keep: ['a:u1', 'zz:u0'] }));
  }, SAVED_KEY);
  await page.reload();
  await ready(page);
  assert.match(await notice(page), /\(zz:u0\) is set aside again/);
  assert.deepEqual((await saved(page)).keep, ['a:u1']);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('bug 2: a new report never takes the id of a removed one, nor its put-back lines', async () => {
  const page = await open(env.browser, `${env.server.url}`);
  await ready(page);
  const withLine = `${STORY}\n\nScroll to Top`;
  await paste(page, withLine, 'First');
  assert.deepEqual(await listedIds(page), ['000', '001', '002', '003', '004', '005']);
  const unit = await putBack(page, '005');
  await page.evaluate(() => { document.getElementById('manage').open = true; });
  await clickAndSettle(page, 'button[data-action="remove"][data-report="005"]');
  await paste(page, withLine, 'Second');
  assert.deepEqual(await listedIds(page), ['000', '001', '002', '003', '004', '006'], 'the new report is 006, not 005 again');
  // Its "Scroll to Top" is set aside: the line put back of the removed report does not apply.
  await page.click('[role="tab"][data-view="aside"]');
  assert.equal(await page.locator('[data-report="006"] .aside-unit', { hasText: 'Scroll to Top' }).count(), 1);
  assert.ok(!(await saved(page)).keep.includes(unit));
  assert.equal((await saved(page)).next, 7);
  // The counter is kept with the set: after a reload, and in its export.
  await page.reload();
  await ready(page);
  await page.evaluate(() => { document.getElementById('manage').open = true; });
  await clickAndSettle(page, 'button[data-action="remove"][data-report="006"]');
  await paste(page, STORY, 'Third');
  assert.deepEqual(await listedIds(page), ['000', '001', '002', '003', '004', '007']);
  assert.equal(JSON.parse(await exported(page, '#export-set')).next, 8);
  await page.context().close();
});

test('bug 3: two tabs stay consistent, and neither loses the report the other added', async () => {
  const first = await open(env.browser, env.server.url);
  await ready(first);
  const second = await first.context().newPage();
  await second.goto(env.server.url);
  await ready(second);
  await paste(first, STORY, 'From the first tab');
  await second.waitForFunction(() => document.querySelectorAll('#report-list li').length === 6);
  assert.match(await notice(second), /Your reports were changed in another tab/);
  await ready(second);
  await paste(second, `${STORY} Kabul said nothing.`, 'From the second tab');
  await first.waitForFunction(() => document.querySelectorAll('#report-list li').length === 7);
  await ready(first);
  for (const page of [first, second]) {
    assert.deepEqual(await listedIds(page), ['000', '001', '002', '003', '004', '005', '006']);
  }
  await first.reload();
  await ready(first);
  assert.equal(await first.inputValue('#title-005'), 'From the first tab');
  assert.equal(await first.inputValue('#title-006'), 'From the second tab');
  // A tab whose save races another's (the other's storage event not yet delivered) says so
  // and shows the other's set rather than overwrite it.
  await first.evaluate((key) => {
    const set = JSON.parse(localStorage.getItem(key));
    set.reports.pop();
    localStorage.setItem(key, JSON.stringify({ ...set, revision: set.revision + 1 }));
  }, SAVED_KEY);
  // (The first tab wrote that itself, so it heard no storage event: as if it came late.)
  await first.evaluate(() => { document.getElementById('manage').open = true; });
  await first.fill('#title-000', 'Renamed in the first tab');
  const before = await lastRun(first);
  await first.press('#title-000', 'Enter');
  await settled(first, before);
  assert.match(await notice(first), /changed in another tab at the same moment.*your last change here was not saved/);
  assert.equal((await listedIds(first)).length, 6);
  assert.equal((await saved(first)).reports.length, 6, 'the other tab\'s set was not overwritten');
  await first.context().close();
});

test('bug 3: a ?src= manifest is kept apart from the reader\'s own saved set', async () => {
  const page = await open(env.browser, 'about:blank');
  const manifest = [
    { id: 'a', title: 'Inline one', text: 'Talks in Istanbul stalled after nine hours. Pakistan demanded verifiable steps.' },
    { id: 'b', title: 'Inline two', text: 'Pakistan demanded verifiable steps in Istanbul. The talks stalled.' },
  ];
  await page.route('**/cluster/reports.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(manifest) }));
  await page.goto(env.server.url);
  await ready(page);
  await paste(page, STORY, 'My own');
  const mine = await saved(page);
  assert.equal(mine.reports.length, 6);

  await page.goto(`${env.server.url}?src=cluster/reports.json`);
  await ready(page);
  await page.evaluate(() => { document.getElementById('manage').open = true; });
  await page.fill('#title-b', 'Renamed');
  const before = await lastRun(page);
  await page.press('#title-b', 'Enter');
  await settled(page, before);
  assert.deepEqual(await saved(page), mine, 'renaming a manifest\'s report leaves the saved set as it was');
  assert.match(await page.locator('#source').textContent(), /come from the manifest .*cluster\/reports\.json.*not saved/);
  await page.goto(env.server.url);
  await ready(page);
  assert.equal(await page.inputValue('#title-005'), 'My own');

  // "Keep these as your reports" is the one way a manifest's set replaces the reader's.
  await page.goto(`${env.server.url}?src=cluster/reports.json`);
  await ready(page);
  await page.click('#source-keep');
  assert.deepEqual((await saved(page)).reports.map((r) => r.id), ['a', 'b']);
  assert.ok(!page.url().includes('src='));
  assert.ok(await page.locator('#source').isHidden());
  await page.context().close();
});

test('bug 4: during a comparison the report list shows the current set, and its buttons act on it', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  await page.evaluate(() => { document.getElementById('manage').open = true; });
  // 60 reports: a comparison of some seconds.
  const big = await copies(60);
  await importSet(page, big, { wait: false });
  await page.waitForSelector('body[data-state="busy"]');
  assert.equal(await page.locator('#report-list li').count(), 60, 'the list is the imported set at once');
  assert.equal(await page.inputValue('#title-001'), 'Copy 1');
  await page.click('button[data-action="remove"][data-report="001"]');
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'busy', 'still comparing');
  assert.equal(await page.locator('#report-list li').count(), 59);
  assert.equal(await page.locator('#title-001').count(), 0);
  await page.click('button[data-action="down"][data-report="000"]');
  assert.deepEqual((await listedIds(page)).slice(0, 3), ['002', '000', '003']);
  // The view still shows the previous result while the next runs, marked busy; a "Put
  // back" of a report no longer in the set does nothing.
  assert.equal(await page.locator('#view').getAttribute('aria-busy'), 'true');
  await page.click('#stop');
  await page.waitForSelector('body[data-state="stopped"]');
  assert.deepEqual((await saved(page)).reports.map((r) => r.id).slice(0, 3), ['002', '000', '003']);
  assert.equal((await saved(page)).reports.length, 59);
  await page.context().close();
});

test('bug 5: a manifest over the report limit is refused before any of its texts is fetched', async () => {
  const page = await open(env.browser, 'about:blank');
  let texts = 0;
  const manifest = Array.from({ length: 300 }, (_, i) => ({ id: `r${i}`, title: `R${i}`, textUrl: `r${i}.txt` }));
  await page.route('**/many/reports.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(manifest) }));
  await page.route('**/many/*.txt', (route) => {
    texts += 1;
    return route.fulfill({ contentType: 'text/plain', body: STORY });
  });
  await page.goto(`${env.server.url}?src=many/reports.json`);
  await ready(page);
  assert.match(await notice(page), /the manifest \/many\/reports\.json lists 300 reports, more than the 200 that can be compared at once/);
  assert.equal(texts, 0, 'no text of the manifest was fetched');
  // The widget refuses it the same way.
  await page.evaluate(async () => {
    await import('./parallax-compare-define.js');
    const element = document.createElement('parallax-compare');
    element.id = 'w';
    element.src = 'many/reports.json';
    window.failed = new Promise((done) => element.addEventListener('parallax-error', (e) => done(e.detail.message)));
    document.body.append(element);
  });
  assert.match(await page.evaluate(() => window.failed), /lists 300 reports, more than the 200/);
  assert.equal(texts, 0);
  await page.context().close();
});

test('bug 6: just over a limit, the sizes in the message differ', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  const limits = await page.evaluate(async () => (await import('./js/engine.js')).limits());
  const over = 'a'.repeat(limits.maxReportBytes + 1);
  await page.evaluate(([text]) => {
    document.getElementById('manage').open = true;
    document.getElementById('paste-title').value = 'Long';
    document.getElementById('paste-text').value = text;
  }, [over]);
  await page.click('#paste-add');
  await page.waitForFunction(() => /not added/.test(document.getElementById('status').textContent));
  assert.match(await page.locator('#status').textContent(), /“Long” is 2,097,153 bytes long, more than the 2,097,152 bytes a report may have/);
  // And in all: five reports just under the per-report limit are just over the total.
  const share = Math.floor(limits.maxTotalBytes / 4);
  const set = Array.from({ length: 4 }, (_, i) => ({ id: `r${i}`, title: '', text: 'b'.repeat(share) }));
  set.push({ id: 'r4', title: '', text: 'b' });
  await importSet(page, set, { wait: false });
  await page.waitForFunction(() => /Could not import/.test(document.getElementById('status').textContent));
  assert.match(await page.locator('#status').textContent(), /would hold 8,388,609 bytes of text, more than the 8,388,608 bytes/);
  await page.context().close();
});

test('bug 7: lone surrogates become U+FFFD when a report enters the set: offsets agree and exports are well-formed', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  await importSet(page, [{ id: 'a', title: 'T\udc00', text: 'Talks \ud800 stalled in Istanbul. Pakistan \udc00 demanded steps.' }]);
  const imported = await page.locator('#notice-text').textContent();
  await paste(page, 'Kabul \udbff refused. The talks \ud800\ud800 ended.', 'Pasted');
  const pasted = await page.locator('#notice-text').textContent();
  const setBytes = await exported(page, '#export-set');
  const comparisonBytes = await exported(page, '#export-json');
  for (const bytes of [setBytes, comparisonBytes]) {
    const json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    assert.doesNotMatch(json, /\\ud[89a-f][0-9a-f]{2}/i, 'no escaped surrogate: JSON any UTF-8 reader takes');
  }
  const set = JSON.parse(setBytes.toString('utf8'));
  assert.deepEqual(set.reports.map((r) => r.text), [
    'Talks \ufffd stalled in Istanbul. Pakistan \ufffd demanded steps.',
    'Kabul \ufffd refused. The talks \ufffd\ufffd ended.',
  ]);
  assert.equal(set.reports[0].title, 'T\ufffd');
  const comparison = JSON.parse(comparisonBytes.toString('utf8'));
  for (const report of comparison.reports) {
    const text = set.reports.find((r) => r.id === report.id).text;
    assert.equal(report.length, text.length);
    for (const unit of report.units) assert.equal(text.slice(unit.start, unit.end), unit.text, unit.id);
  }
  // The reader is told.
  assert.match(imported, /a: some characters were not valid Unicode \(lone UTF-16 surrogates\) and show as �/);
  assert.match(pasted, /Pasted: some characters were not valid Unicode/);
  await page.context().close();
});

/** The cells of a CSV text (RFC 4180 quoting). */
function csvCells(text) {
  const cells = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i += 1;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) {
        cell += text[i];
        i += text[i] === '"' ? 2 : 1;
      }
      i += 1;
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') cell += text[i++];
    }
    cells.push(cell);
    if (text[i] === '\r') i += 2;
    else i += 1;
  }
  return cells;
}

test('bug 8: CSV cells a spreadsheet could run as a formula are neutralised, also after tabs, CR and control characters', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  const ids = ['\t=1+1', '\r=2+2', ' \u0001-3+3', '\u00a0@SUM(A1)', '=HYPERLINK("https://evil.example")', '\uff1d1+1', 'plain'];
  await importSet(page, ids.map((id) => ({ id, title: '', text: '=1+2 is what they said. +5 more talks were held in Istanbul. Pakistan demanded steps.' })));
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready');
  const cells = csvCells((await exported(page, '#export-csv')).toString('utf8'));
  const risky = /^[\s\0-\x1f\x7f]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;
  const unsafe = cells.filter((c) => risky.test(c));
  assert.deepEqual(unsafe, [], 'no cell could run');
  for (const id of ids.slice(0, -1)) assert.ok(cells.includes(`'${id}`), `report ${JSON.stringify(id)} is neutralised`);
  assert.ok(cells.includes('plain'), 'a plain cell is left alone');
  assert.ok(cells.some((c) => c.startsWith("'=1+2 is what they said.")));
  await page.context().close();
});

test('bug 9: the widget\'s reports = [null] throws nothing and says what is wrong', async () => {
  const page = await open(env.browser, `${env.server.url}embed.html`);
  const outcome = await page.evaluate(async () => {
    await import('./parallax-compare-define.js');
    const element = document.createElement('parallax-compare');
    const events = [];
    element.addEventListener('parallax-error', (e) => events.push(e.detail.message));
    document.body.append(element);
    let thrown = null;
    try {
      element.reports = [null];
    } catch (error) {
      thrown = String(error);
    }
    await new Promise((done) => element.addEventListener('parallax-error', done, { once: true }));
    const status = element.shadowRoot.querySelector('[part="status"]');
    return { thrown, events, status: status.textContent, role: status.getAttribute('role') };
  });
  assert.equal(outcome.thrown, null);
  assert.match(outcome.events.at(-1), /^reports\[0\] is null: each report must be an object \{ id, title, text \}$/);
  assert.match(outcome.status, /The comparison failed: reports\[0\] is null/);
  assert.equal(outcome.role, 'alert');
  // A blank id is given a fresh one, and said with the result.
  const status = await page.evaluate(async () => {
    const element = document.querySelector('body > parallax-compare:last-of-type');
    const done = new Promise((resolve) => element.addEventListener('parallax-ready', resolve, { once: true }));
    element.reports = [{ id: ' ', title: 'A', text: 'Talks stalled.' }, { id: 'b', title: 'B', text: 'Talks stalled again.' }];
    await done;
    return { text: element.shadowRoot.querySelector('[part="status"]').textContent, ids: element.result.reports.map((r) => r.id) };
  });
  assert.deepEqual(status.ids, ['000', 'b']);
  assert.match(status.text, /Report 1 of the reports had no id: it is now 000\./);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('bug 9: a blank report id on import is given a fresh id, with a notice', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  await importSet(page, [{ id: '', title: 'A', text: STORY }, { id: ' \t', title: 'B', text: STORY }, { id: 'x', title: 'C', text: STORY }]);
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready');
  assert.deepEqual(await listedIds(page), ['000', '001', 'x']);
  assert.equal(await notice(page), 'Report 1 of the set had no id: it is now 000. Report 2 of the set had no id: it is now 001.');
  await page.context().close();
});

test('bug 9: a refused ?src= address never shows its password', async () => {
  const page = await open(env.browser, 'about:blank');
  const origin = new URL(env.server.url);
  const src = `http://reader:hunter2@${origin.host}/secret/reports.json`;
  await page.goto(`${env.server.url}?src=${encodeURIComponent(src)}`);
  await ready(page);
  const said = await notice(page);
  const shown = await page.evaluate(() => [document.body.innerText, ...[...document.querySelectorAll('textarea, input')].map((f) => f.value)].join('\n'));
  assert.ok(!shown.includes('hunter2') && !shown.includes('reader:'), 'neither the password nor the user name is shown');
  assert.match(said, /cannot be loaded from an address with a user name or password \(http:\/\/…@127\.0\.0\.1:\d+\/secret\/reports\.json\)/);
  assert.ok(!page.requests.some((url) => url.includes('/secret/')), 'nothing was fetched');
  await page.context().close();
});
