// The reader's set survives a browser restart, and a browser that will not store it says
// so in words, while the comparison goes on.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, launchWithProfile, open, ready } from './support.mjs';

const env = useBrowser();

async function pasteReport(page, title, text) {
  await page.evaluate(() => { document.getElementById('manage').open = true; });
  const before = await page.evaluate(() => document.body.dataset.run);
  await page.evaluate(([t, x]) => {
    document.getElementById('paste-title').value = t;
    document.getElementById('paste-text').value = x;
  }, [title, text]);
  await page.click('#paste-add');
  await page.waitForFunction((b) => document.body.dataset.run !== b && document.body.dataset.state !== 'busy', before);
}

test('the report set survives closing and reopening the browser', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'parallax-profile-'));
  try {
    let context = await launchWithProfile(profile);
    let page = context.pages()[0] ?? await context.newPage();
    await page.goto(env.server.url);
    await ready(page);
    await pasteReport(page, 'Kept across restarts', 'Pakistan and Afghanistan met again in Istanbul. The talks lasted nine hours.');
    await page.click('[role="tab"][data-view="aside"]');
    await page.locator('.put-back').first().click();
    await ready(page);
    const keptBefore = await page.evaluate(() => JSON.parse(localStorage.getItem('parallax:reports:v1'))?.keep);
    await context.close(); // the browser exits with its last context

    context = await launchWithProfile(profile);
    page = context.pages()[0] ?? await context.newPage();
    await page.goto(env.server.url);
    await ready(page);
    await page.evaluate(() => { document.getElementById('manage').open = true; });
    assert.equal(await page.locator('#report-list li').count(), 6);
    assert.equal(await page.inputValue('#title-005'), 'Kept across restarts');
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('parallax:reports:v1'))?.keep);
    assert.equal(kept.length, 1);
    assert.deepEqual(kept, keptBefore);
    await context.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});

test("a full storage is reported, not swallowed, and the reports are still compared", async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  // Reports near the engine's 2 MB limit soon fill the browser's storage for the page
  // (a few megabytes in every browser).
  const big = (n) => `Report ${n}. ${'The talks in Istanbul went on for hours without agreement. '.repeat(30_000)}`;
  let notice = '';
  for (let n = 0; n < 4 && !notice; n += 1) {
    await pasteReport(page, `Long ${n}`, big(n));
    // Read at once, not waited for: the notice is written before the comparison starts,
    // and a wait with a timeout missed it on a loaded machine.
    notice = await page.evaluate(() => (document.getElementById('notice').hidden ? '' : document.getElementById('notice-text').textContent));
  }
  assert.match(notice, /Your reports could not be saved: the browser's storage for this page is full \(these reports take [\d.]+ MB\)/);
  assert.match(notice, /export them to keep them/);
  assert.equal(await page.locator('#notice').getAttribute('role'), 'alert');
  await ready(page);
  assert.match(await page.locator('#status').textContent(), /^\d+ reports/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('storage the browser refuses outright is reported too', async () => {
  const page = await open(env.browser, 'about:blank');
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
  });
  await page.goto(env.server.url);
  await ready(page);
  await pasteReport(page, 'Unsaved', 'Pakistan demanded verifiable steps. Kabul refused.');
  assert.match(await page.locator('#notice-text').textContent(), /the browser does not let this page store data \(SecurityError/);
  await ready(page);
  await page.context().close();
});
