// What the engine's work budget leaves out is said, in the page and in the widget: a report
// with a 300-word run that has no sentence end is cut into pieces, and the result's notice
// is drawn above every view as a note, in words, from the engine's own message. The
// sample reports draw none.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, open, ready } from './support.mjs';

const env = useBrowser();

const RUN_ON = `Talks Stall in Istanbul\n\n${Array.from({ length: 300 }, (_, i) => `word${i % 40}`).join(' ')}`;
const STORY = 'Talks Stall in Istanbul\n\nPakistan demanded verifiable steps from Kabul. The talks lasted nine hours.';

const notes = (root) => root.locator('.budget-notices[role="note"] li');

test('the sample reports draw no notice', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  assert.equal(await notes(page).count(), 0);
  await page.context().close();
});

test('a cut passage is noticed above every view of the page, in the engine\'s words', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  const set = { format: 'parallax-report-set', version: 1, keep: [], reports: [
    { id: 'long', title: 'Long', text: RUN_ON },
    { id: 'short', title: 'Short', text: STORY },
  ] };
  const before = await page.evaluate(() => document.body.dataset.run ?? '');
  await page.setInputFiles('#import-set', { name: 'set.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(set)) });
  await page.waitForFunction((b) => document.body.dataset.run !== b && document.body.dataset.state === 'ready', before);
  for (const view of ['overview', 'side', 'quotes', 'reports', 'discrepancies', 'aside']) {
    await page.click(`[role="tab"][data-view="${view}"]`);
    const items = notes(page.locator('#view'));
    assert.equal(await items.count(), 1, view);
    assert.equal(await items.first().getAttribute('data-kind'), 'longUnits');
    const text = await items.first().textContent();
    assert.match(text, /^1 passage in report long ran past 120 words with no sentence end/, view);
  }
  // The cut pieces are units of their own, each at most 120 words.
  await page.click('[role="tab"][data-view="reports"]');
  const lengths = await page.locator('#view [data-report="long"] .unit-sentence .unit-text')
    .evaluateAll((nodes) => nodes.map((n) => n.textContent.split(/\s+/).filter(Boolean).length));
  assert.ok(lengths.length >= 3 && lengths.every((n) => n <= 120), `${lengths}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the widget draws the same notice inside its shadow root', async () => {
  const page = await open(env.browser, `${env.server.url}embed.html`);
  await page.evaluate(async ([long, short]) => {
    document.getElementById('comparison')?.remove();
    await import('./parallax-compare-define.js');
    const widget = document.createElement('parallax-compare');
    widget.id = 'cut';
    widget.reports = [{ id: 'long', title: 'Long', text: long }, { id: 'short', title: 'Short', text: short }];
    document.body.append(widget);
  }, [RUN_ON, STORY]);
  const widget = page.locator('#cut');
  await page.waitForFunction(() => document.getElementById('cut')?.shadowRoot?.querySelector('.budget-notices'));
  const text = await widget.evaluate((el) => el.shadowRoot.querySelector('.budget-notices li').textContent);
  assert.match(text, /^1 passage in report long ran past 120 words/);
  await page.context().close();
});
