// Honest sharing (issue 17, item 3): a shared link that names reports the set does not
// have says so, rather than quietly showing another pair; the embed snippets carry the
// reader's own reports, not the sample manifest.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useBrowser, open, ready, screenshot, axeViolations } from './support.mjs';

const env = useBrowser();

const notice = (page) => page.locator('#notice:not([hidden]) #notice-text').textContent({ timeout: 5000 });

test('a shared side-by-side link to a report not in the set shows a notice, and which pair is shown instead', async () => {
  const page = await open(env.browser, `${env.server.url}?view=side&a=003&b=010`, { bypassCSP: true });
  await ready(page);
  const said = await notice(page);
  assert.match(said, /^This link names report 010, which is not in this set of 5 reports: a link carries the view, not the reports/);
  assert.match(said, /Showing DID Press \(003\) and Khaama Press \(via MENAFN\) \(000\) side by side instead\./);
  assert.match(said, /“Export reports”/);
  assert.deepEqual(await page.locator('.pair thead th').evaluateAll((ths) => ths.map((th) => th.dataset.report)), ['003', '000']);
  assert.equal(await page.locator('#notice').getAttribute('role'), 'alert');
  await screenshot(page, 'shared-link-missing-report');
  assert.deepEqual(await axeViolations(page), []);
  // Choosing another pair afterwards is the reader's own doing: no new notice.
  await page.click('#notice-dismiss');
  await page.selectOption('#side-b', '004');
  await ready(page);
  assert.equal(await page.locator('#notice').isHidden(), true);
  await page.context().close();
});

test('a shared link whose reports are all in the set, or to a missing fact, is said as it is', async () => {
  const good = await open(env.browser, `${env.server.url}?view=side&a=001&b=003`);
  await ready(good);
  assert.equal(await good.locator('#notice').isHidden(), true);
  await good.context().close();
  const both = await open(env.browser, `${env.server.url}?view=side&a=x1&b=x2`);
  await ready(both);
  assert.match(await notice(both), /^This link names reports x1 and x2, which are not in this set of 5 reports/);
  await both.context().close();
  const fact = await open(env.browser, `${env.server.url}?group=g999`);
  await ready(fact);
  assert.match(await notice(fact), /^This link opens shared fact g999, which this comparison does not have/);
  assert.doesNotMatch(fact.url(), /group=/);
  await fact.context().close();
});

test('the embed snippets carry the reader\'s own reports inline, as text; the iframe asks for their manifest', async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  await page.locator('#manage summary').click();
  // The sample set: its manifest.
  assert.match(await page.inputValue('#snippet-element'), /<parallax-compare src="http:\/\/127\.0\.0\.1:\d+\/data\/manifest\.json" view="overview"><\/parallax-compare>$/);
  const reports = [
    { id: 'a', title: 'Talks stall', outlet: 'Wire & Co', url: 'https://example.org/a', text: 'Talks Stall\n\nPakistan demanded verifiable steps in Istanbul. <script>alert(1)</script> The talks lasted nine hours.' },
    { id: 'b', title: 'Nine hours', outlet: 'Daily "Post"', text: 'The talks in Istanbul lasted nine hours.\n\nPakistan demanded verifiable steps, officials said.' },
  ];
  const before = await page.evaluate(() => document.body.dataset.run);
  await page.setInputFiles('#import-set', { name: 'set.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'parallax-report-set', version: 1, reports, keep: [] })) });
  await page.waitForFunction((b) => document.body.dataset.run !== b && document.body.dataset.state === 'ready', before);
  const element = await page.inputValue('#snippet-element');
  assert.doesNotMatch(element, /manifest\.json/, 'not the sample manifest');
  assert.match(element, /<article data-id="a" data-title="Talks stall" data-outlet="Wire &amp; Co" data-url="https:\/\/example\.org\/a">/);
  assert.match(element, /data-outlet="Daily &quot;Post&quot;"/);
  assert.match(element, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(element, /<script>alert/);
  assert.match(await page.inputValue('#snippet-iframe'), /embed\.html\?src=ADDRESS-OF-YOUR-MANIFEST\.json&amp;view=overview/);
  assert.match(await page.locator('#snippet-hint').textContent(), /your 2 reports inline/);
  // The manifest it asks for: the set, texts inline.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-manifest')]);
  const manifest = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(manifest, reports.map((r) => ({ id: r.id, title: r.title, outlet: r.outlet, ...(r.url ? { url: r.url } : {}), text: r.text })));

  // The snippet, pasted into an article page, compares the same two reports by name.
  const host = await open(env.browser, `${env.server.url}embed.html`);
  await host.evaluate((html) => {
    document.body.replaceChildren();
    const range = document.createRange();
    document.body.append(range.createContextualFragment(html.replace(/<script[^>]*><\/script>\n/, '')));
    window.events = [];
    const heard = (e) => window.events.push({ ...e.detail, from: e.target.isConnected ? 'snippet' : 'removed' });
    document.addEventListener('parallax-ready', heard);
    document.addEventListener('parallax-error', heard);
  }, element);
  await host.evaluate(() => import('./parallax-compare-define.js'));
  // (The embed page's own element, taken out, may still say it has no reports: only the
  // pasted snippet's element is heard.)
  await host.waitForFunction(() => window.events.some((e) => e.from === 'snippet'));
  assert.deepEqual(await host.evaluate(() => window.events.filter((e) => e.from === 'snippet').map((e) => e.reports ?? e.message)), [2]);
  const widget = host.locator('parallax-compare');
  assert.deepEqual(await widget.locator('.matrix thead .report-head-name').allTextContents(), ['Wire & Co', 'Daily "Post"']);
  assert.deepEqual(host.dialogs, []);
  await host.context().close();
  await page.context().close();
});

test('"Copy a link with these reports": a colleague\'s fresh browser opens the same reports, outlets and view, kept apart from their own', async () => {
  const page = await open(env.browser, `${env.server.url}?view=side&a=000&b=003`);
  await ready(page);
  await page.locator('#manage summary').click();
  await page.fill('#outlet-001', 'Dawn');
  await page.press('#outlet-001', 'Enter');
  const before = await page.evaluate(() => document.body.dataset.run);
  await page.fill('#paste-title', 'Wire copy');
  await page.fill('#paste-text', 'Talks in Istanbul stalled after nine hours. Pakistan demanded verifiable steps from Kabul.');
  await page.click('#paste-add');
  await page.waitForFunction((b) => document.body.dataset.run !== b && document.body.dataset.state === 'ready', before);
  await page.click('#share-set');
  await page.waitForFunction(() => !document.getElementById('share-link').hidden);
  const link = await page.inputValue('#share-link');
  assert.match(link, /\?view=side&a=000&b=003#set=[A-Za-z0-9_-]+$/);
  assert.match(await page.locator('#share-status').textContent(), /link with 6 reports and this view; the reports travel in the link itself/);
  assert.ok(link.length < 32_000, `${link.length} characters`);
  await page.context().close();

  const colleague = await open(env.browser, link.replace(/^http:\/\/[^/]+\//, env.server.url));
  await ready(colleague);
  assert.equal(await colleague.locator('#report-list li').count(), 6);
  assert.deepEqual(await colleague.locator('.pair thead th').evaluateAll((ths) => ths.map((th) => th.dataset.report)), ['000', '003']);
  assert.equal(await colleague.locator('#notice').isHidden(), true, 'no report of the link is missing');
  assert.match(await colleague.locator('#source').textContent(), /These reports come from the link you opened \(6 reports\)\./);
  await colleague.click('[role="tab"][data-view="overview"]');
  assert.equal(await colleague.locator('.matrix thead th[data-report="001"] .report-head-name').textContent(), 'Dawn');
  assert.equal(await colleague.evaluate(() => localStorage.getItem('parallax:reports:v1')), null, 'not saved over their own set');
  await colleague.click('#source-keep');
  const saved = await colleague.evaluate(() => JSON.parse(localStorage.getItem('parallax:reports:v1')));
  assert.equal(saved.reports.length, 6);
  assert.doesNotMatch(colleague.url(), /#set=/);
  await colleague.context().close();

  // A link cut short says so, and shows the sample reports.
  const cut = await open(env.browser, `${env.server.url}#set=${link.split('#set=')[1].slice(0, 40)}`);
  await ready(cut);
  assert.match(await notice(cut), /^the reports in this link cannot be read \(the link may have been cut short\)\. Showing your saved or the sample reports instead\./);
  assert.equal(await cut.locator('#report-list li').count(), 5);
  await cut.context().close();
});
