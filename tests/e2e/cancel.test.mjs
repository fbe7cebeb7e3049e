// Cancellation, in the page and the widget: a long comparison shows its progress and can
// be stopped, which ends it in the engine; a stopped set is not compared again after a
// reload until the reader presses Compare; edits during a comparison end it rather than
// queue behind it, and only the latest set is compared, once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, open, ready, copies } from './support.mjs';

const env = useBrowser();

// Records, in the page, every engine worker's life: started, given a request, answered,
// ended (`terminate`), in `window.engineLog`.
const LOG_WORKERS = () => {
  const Original = window.Worker;
  const log = [];
  window.engineLog = log;
  let workers = 0;
  window.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      this.n = ++workers;
      log.push({ event: 'start', worker: this.n, at: performance.now() });
      this.addEventListener('message', ({ data }) => {
        if (data.id !== undefined) log.push({ event: 'answer', worker: this.n, id: data.id, at: performance.now() });
      });
    }

    postMessage(message, ...rest) {
      log.push({ event: 'post', worker: this.n, id: message.id, call: message.call, reports: message.reports?.length, at: performance.now() });
      return super.postMessage(message, ...rest);
    }

    terminate() {
      log.push({ event: 'end', worker: this.n, at: performance.now() });
      return super.terminate();
    }
  };
};

const engineLog = (page) => page.evaluate(() => window.engineLog);
const comparisons = (log) => log.filter((e) => e.event === 'post' && e.call === 'compare');

/** Fails unless every comparison given to a worker was answered or its worker ended
 * before the next comparison was given: never two comparisons alive at once. */
function assertOneAtATime(log) {
  const posts = comparisons(log);
  for (const [i, post] of posts.entries()) {
    const next = posts[i + 1];
    if (!next) break;
    const over = log.find((e) => e.at >= post.at && e.at <= next.at
      && ((e.event === 'answer' && e.id === post.id) || (e.event === 'end' && e.worker === post.worker)));
    assert.ok(over, `comparison ${post.id} (${post.reports} reports) was still running when ${next.id} was given`);
  }
}

async function openLogged(url) {
  const page = await open(env.browser, 'about:blank');
  await page.addInitScript(LOG_WORKERS);
  page.workersSeen = [];
  page.on('worker', (worker) => page.workersSeen.push(worker));
  await page.goto(url);
  return page;
}

async function importSet(page, reports) {
  const buffer = Buffer.from(JSON.stringify({ format: 'parallax-report-set', version: 1, reports, keep: [] }));
  await page.setInputFiles('#import-set', { name: 'set.json', mimeType: 'application/json', buffer });
}

const SMALL = [
  { id: 'x', title: 'X', text: 'Talks in Istanbul stalled after nine hours. Pakistan demanded verifiable steps.' },
  { id: 'y', title: 'Y', text: 'Pakistan demanded verifiable steps in Istanbul. The talks stalled.' },
];

const state = (page) => page.evaluate(() => document.body.dataset.state);

test('Stop ends a long comparison in the engine, the page stays usable, and a reload does not restart it', async () => {
  const page = await openLogged(env.server.url);
  await ready(page);
  await page.evaluate(() => { document.getElementById('manage').open = true; });
  await importSet(page, await copies(120));
  await page.waitForSelector('body[data-state="busy"]');
  assert.equal(await page.locator('#status').textContent(), 'Comparing 120 reports…');
  assert.ok(await page.locator('#stop').isVisible());
  // Progress: the time taken so far, counting.
  await page.waitForFunction(() => document.getElementById('elapsed').textContent === '1 s', null, { timeout: 10_000 });
  const post = comparisons(await engineLog(page)).at(-1);
  assert.equal(post.reports, 120);
  const worker = page.workersSeen[post.worker - 1];
  const closed = new Promise((done) => worker.once('close', done));

  const pressed = Date.now();
  await page.click('#stop');
  await page.waitForSelector('body[data-state="stopped"]');
  await closed; // the worker running it is gone: the comparison does not go on unseen
  assert.ok(Date.now() - pressed < 3000, `stopped in ${Date.now() - pressed} ms`);
  assert.match(await page.locator('#status').textContent(), /^Stopped: 120 reports are not compared\. Press Compare to compare them\.$/);
  assert.ok(await page.locator('#run').isHidden());
  assert.equal(await page.evaluate(() => document.activeElement.id), 'compare');
  let log = await engineLog(page);
  assert.ok(!log.some((e) => e.event === 'answer' && e.id === post.id), 'the stopped comparison never answered');

  // The page stays usable, and stays stopped: views draw, an edit compares nothing.
  await page.click('[role="tab"][data-view="quotes"]');
  assert.match(await page.locator('#view').textContent(), /the comparison was stopped/);
  await page.click('button[data-action="remove"][data-report="000"]');
  assert.equal(await page.locator('#report-list li').count(), 119);
  await page.waitForTimeout(500);
  assert.equal(await state(page), 'stopped');
  log = await engineLog(page);
  assert.equal(comparisons(log).at(-1).id, post.id, 'no comparison started after Stop');

  // A reload does not compare the stopped set.
  await page.reload();
  await page.waitForSelector('body[data-state="stopped"]');
  await page.waitForTimeout(1000);
  assert.equal(await state(page), 'stopped');
  assert.deepEqual(comparisons(await engineLog(page)), [], 'nothing compared after the reload');
  assert.match(await page.locator('#status').textContent(), /^Stopped: 119 reports are not compared/);

  // Compare does; and then a reload compares again.
  await page.evaluate(() => { document.getElementById('manage').open = true; });
  await importSet(page, SMALL);
  await page.waitForFunction(() => document.querySelectorAll('#report-list li').length === 2);
  assert.equal(await state(page), 'stopped');
  await page.click('#compare');
  await ready(page);
  assert.match(await page.locator('#status').textContent(), /^2 reports/);
  // The keyboard went from Compare to Stop, and from Stop to the view when it went.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'view');
  await page.reload();
  await ready(page);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('edits during a comparison never queue runs: the superseded one is ended, and only the latest set runs, once', async () => {
  const page = await openLogged(env.server.url);
  await ready(page);
  await page.evaluate(() => { document.getElementById('manage').open = true; });
  const ran = await page.evaluate(() => document.body.dataset.run);
  await importSet(page, await copies(60));
  await page.waitForFunction(() => window.engineLog.some((e) => e.event === 'post' && e.reports === 60));
  // Three edits while it runs, spread out, the last a small set.
  await page.fill('#title-000', 'First edit');
  await page.press('#title-000', 'Enter');
  await page.waitForTimeout(400);
  await page.fill('#title-001', 'Second edit');
  await page.press('#title-001', 'Enter');
  await page.waitForTimeout(400);
  await importSet(page, SMALL);
  await ready(page);
  assert.match(await page.locator('#status').textContent(), /^2 reports/);
  await page.waitForTimeout(1000); // nothing left to run after it
  const log = await engineLog(page);
  assertOneAtATime(log);
  const after = comparisons(log).filter((e) => e.at > log.find((p) => p.reports === 60).at);
  const answered = after.filter((p) => log.some((e) => e.event === 'answer' && e.id === p.id));
  assert.deepEqual(answered.map((p) => p.reports), [2], 'only the latest set was compared to the end');
  const superseded = comparisons(log).filter((p) => p.reports === 60);
  for (const p of superseded) assert.ok(log.some((e) => e.event === 'end' && e.worker === p.worker), `comparison ${p.id} was ended`);
  assert.notEqual(await page.evaluate(() => document.body.dataset.run), ran);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the widget: a superseded comparison is ended, and Stop ends a long one', async () => {
  const page = await openLogged(`${env.server.url}embed.html`);
  const big = await copies(60);
  await page.evaluate(async (reports) => {
    document.getElementById('comparison').remove();
    await import('./parallax-compare-define.js');
    window.events = [];
    const element = document.createElement('parallax-compare');
    element.id = 'w';
    for (const type of ['parallax-ready', 'parallax-error']) element.addEventListener(type, (e) => window.events.push({ type, detail: e.detail }));
    element.reports = reports;
    document.body.append(element);
  }, big);
  const widget = page.locator('#w');
  await page.waitForFunction(() => window.engineLog.some((e) => e.event === 'post' && e.reports === 60));
  assert.equal(await widget.locator('[part="status"]').textContent(), 'Comparing 60 reports…');
  assert.ok(await widget.locator('button.stop').isVisible());
  await page.evaluate((reports) => { document.getElementById('w').reports = reports; }, SMALL);
  await page.waitForFunction(() => window.events.some((e) => e.type === 'parallax-ready'));
  let log = await engineLog(page);
  assertOneAtATime(log);
  const first = comparisons(log).find((p) => p.reports === 60);
  assert.ok(log.some((e) => e.event === 'end' && e.worker === first.worker), 'the superseded comparison was ended');
  assert.deepEqual(await page.evaluate(() => window.events.map((e) => [e.type, e.detail.reports])), [['parallax-ready', 2]]);

  // Stop.
  await page.evaluate((reports) => { document.getElementById('w').reports = reports; }, big);
  await page.waitForFunction(() => window.engineLog.filter((e) => e.event === 'post' && e.reports === 60).length === 2);
  await widget.locator('button.stop').click();
  await widget.locator('button.compare').waitFor();
  assert.match(await widget.locator('[part="status"]').textContent(), /^Stopped: the reports are not compared/);
  assert.equal(await widget.evaluate((el) => el.shadowRoot.activeElement?.className), 'small compare');
  log = await engineLog(page);
  const second = comparisons(log).filter((p) => p.reports === 60).at(-1);
  assert.ok(log.some((e) => e.event === 'end' && e.worker === second.worker), 'the stopped comparison was ended');
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.events.length), 1, 'the stopped comparison announced nothing');
  // The widget stays usable: new reports compare.
  await page.evaluate((reports) => { document.getElementById('w').reports = reports; }, SMALL);
  await page.waitForFunction(() => window.events.length === 2);
  assert.match(await widget.locator('[part="status"]').textContent(), /^2 reports/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
