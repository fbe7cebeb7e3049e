// Answers in advance (www/js/answers.js, scripts/answers.mjs): the sample comparison the
// build computed is what the engine computes in this browser for the same request, the
// page and the iframe embed show it without waiting for the engine, and any other
// request goes to the engine.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, open, ready } from './support.mjs';

const env = useBrowser();

/** How often `page` took an answer in advance, and how often it asked the engine. */
const answered = (page) => page.evaluate(() => ({
  inAdvance: performance.getEntriesByName('parallax:answered-in-advance').length,
  engineLoaded: performance.getEntriesByName('parallax:engine-loaded').length,
}));

test('the sample comparison answered in advance is the engine\'s, and the page shows it', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  assert.equal((await answered(page)).inAdvance, 1, 'the first comparison came from the build');
  assert.match(await page.locator('#status').textContent(), /^5 reports, .*; compared when the page was built\.$/);
  assert.ok(!page.requests.some((url) => url.includes('/data/')), 'the set came in the bundle, not from the manifest');
  const { bundled, read } = await page.evaluate(async () => {
    const { loadManifest } = await import('./js/data.js');
    return { bundled: (await (await fetch('pkg/sample.json')).json()).set, read: await loadManifest('data/manifest.json') };
  });
  assert.deepEqual(bundled, read, 'the bundled set is the manifest\'s, as the page reads it');
  const { answer, engine } = await page.evaluate(async () => {
    const { compare, useAnswers } = await import('./js/engine.js');
    const { loadManifest } = await import('./js/data.js');
    const reports = (await loadManifest('data/manifest.json')).reports.map(({ id, title, text }) => ({ id, title, text }));
    // What the page asked first: nothing put back or set aside, its first pair.
    const options = { keep: [], setAside: [], sideBySide: [['000', '001']] };
    const inAdvance = await compare(reports, options);
    useAnswers(null);
    const { elapsedMs, ...computed } = await compare(reports, options);
    return { answer: inAdvance, engine: computed };
  });
  assert.equal(answer.elapsedMs, undefined, 'an answer in advance carries no time');
  assert.equal(answer.sideBySide.length, 1);
  assert.deepEqual(answer, engine);
  assert.equal(await page.locator('.fact-row').count(), engine.groups.length);
  assert.ok(engine.groups.length >= 10);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a request the build did not answer goes to the engine', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  // Side by side of another pair than the first one (000 and 001) is another request.
  const settle = async (action) => {
    const before = await page.evaluate(() => document.body.dataset.run);
    await action();
    await page.waitForFunction((b) => document.body.dataset.run !== b && document.body.dataset.state === 'ready', before);
  };
  await page.getByRole('tab', { name: /side by side/i }).click();
  await settle(() => page.selectOption('#side-b', '002'));
  await page.waitForSelector('.pair tbody tr');
  // Removing a report changes the set itself.
  await page.locator('#manage summary').click();
  await settle(() => page.click('button[data-action="remove"][data-report="004"]'));
  const counts = await answered(page);
  assert.equal(counts.inAdvance, 1, 'only the sample set\'s first comparison was answered in advance');
  assert.match(await page.locator('#status').textContent(), /^4 reports, .*; compared in \d+ ms\.$/);
  assert.equal(counts.engineLoaded, 1, 'the engine answered the others');
  assert.equal(await page.locator('#side-a option').count(), 4, 'side by side of the four left');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('without the build\'s bundle the page reads the sample manifest and compares it with the engine', async () => {
  const page = await open(env.browser, 'about:blank');
  await page.route('**/pkg/sample.json', (route) => route.abort());
  await page.goto(env.server.url);
  await ready(page);
  const counts = await answered(page);
  assert.equal(counts.inAdvance, 0);
  assert.equal(counts.engineLoaded, 1);
  assert.ok(page.requests.some((url) => url.endsWith('/data/manifest.json')), 'the set came from the manifest');
  assert.ok(await page.locator('.fact-row').count() >= 10);
  // The aborted fetch of the bundle is the only error the console saw.
  assert.ok(page.errors.every((e) => /ERR_FAILED/.test(e)), page.errors.join('\n'));
  await page.context().close();
});

test('the iframe embed of the sample manifest shows the answer in advance', async () => {
  const page = await open(env.browser, `${env.server.url}embed.html?src=data/manifest.json`);
  await page.waitForFunction(() => document.querySelector('parallax-compare')?.shadowRoot?.querySelector('.fact-row'));
  assert.equal((await answered(page)).inAdvance, 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
