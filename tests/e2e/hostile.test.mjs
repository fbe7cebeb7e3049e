// Hostile input in the page and the widget: markup in every field a user or an embedder
// controls must stay text. Nothing may open a dialog, run, or reach the network.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, open, ready } from './support.mjs';

const env = useBrowser();

const PAYLOADS = [
  '<script>alert("script")</script>',
  '<img src=x onerror="alert(\'img\')">',
  '<svg onload="alert(\'svg\')"><circle r="1"/></svg>',
  '<a href="javascript:alert(\'link\')">click</a>',
  '&lt;script&gt;alert("entity")&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62;',
  '<style>body { background: url(https://evil.example/x.png) }</style>',
  '"><iframe src="https://evil.example/"></iframe>',
  '{{constructor.constructor(\'alert(1)\')()}}',
];

/** Fails the test if the page opened a dialog, logged an error, or asked anything of
 * another origin. */
function assertInert(page, origin) {
  assert.deepEqual(page.dialogs, [], 'no dialog opened');
  const foreign = page.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'no request left the site');
  assert.deepEqual(page.errors, [], 'no error from injected code');
}

test('payloads in report text, titles, outlet names and file names render as text', async () => {
  const manifest = PAYLOADS.map((payload, i) => ({
    id: `x${i}`,
    title: `Title ${payload}`,
    outlet: `Outlet ${payload}`,
    text: `Headline ${payload}\n\nPakistan demanded steps ${payload} in Istanbul. The talks lasted nine hours.`,
  }));
  const page = await open(env.browser, 'about:blank');
  await page.route('**/hostile/reports.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(manifest) }));
  await page.goto(`${env.server.url}?src=hostile/reports.json&view=reports`);
  await ready(page);
  const text = await page.locator('#view').textContent();
  for (const payload of PAYLOADS) assert.ok(text.includes(payload), `shown as text: ${payload}`);
  assert.equal(await page.locator('#view img, #view svg, #view iframe, #view script, #view a[href^="javascript"]').count(), 0);
  // Every other view too.
  for (const view of ['overview', 'side', 'quotes', 'aside']) {
    await page.click(`[role="tab"][data-view="${view}"]`);
    assert.equal(await page.locator('#view img, #view svg, #view iframe, #view script').count(), 0, view);
  }
  // A file whose name and content carry markup.
  await page.locator('#manage summary').click();
  await page.setInputFiles('#file-input', { name: '<img src=x onerror=alert(7)>.txt', mimeType: 'text/plain', buffer: Buffer.from('A sentence <b>bold</b>. Another.') });
  await page.waitForFunction(() => document.querySelectorAll('#report-list li').length === 9);
  await ready(page);
  assertInert(page, env.server.url.slice(0, -1));
  await page.context().close();
});

test('payloads in the widget\'s attributes and reports property stay inert', async () => {
  const page = await open(env.browser, `${env.server.url}embed.html?src=${encodeURIComponent('javascript:alert(1)')}&view=${encodeURIComponent('<img src=x onerror=alert(2)>')}`);
  await page.waitForFunction(() => document.getElementById('comparison').shadowRoot?.querySelector('[role="alert"], .view > *'));
  await page.evaluate((payloads) => {
    const element = document.getElementById('comparison');
    element.setAttribute('base', payloads[1]);
    element.reports = payloads.map((p, i) => ({ id: `p${i}`, title: p, text: `Talks ${p} stalled. Pakistan demanded steps.` }));
  }, PAYLOADS);
  await page.waitForFunction(() => document.getElementById('comparison').result?.reports.length === 8);
  const shadow = page.locator('#comparison');
  assert.equal(await shadow.locator('img, svg, iframe, script').count(), 0);
  // The manifest URL "javascript:…" was refused as a fetch, not run.
  assertInert(page, env.server.url.slice(0, -1));
  await page.context().close();
});

test('when the engine dies the page says so, keeps the reports, and starts a new engine', async () => {
  const page = await open(env.browser, 'about:blank');
  // The first engine worker fails as a trapped module would: it dies.
  let broken = true;
  await page.route('**/js/worker.js', (route) => (broken
    ? route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("engine crashed");' })
    : route.continue()));
  // The sample set's first comparison must reach the engine, not the build's answer.
  await page.route('**/pkg/sample.json', (route) => route.abort());
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-state="error"]');
  assert.match(await page.locator('#status').textContent(), /comparison engine could not run.*Your reports are kept/);
  assert.equal(await page.locator('#report-list li').count(), 5, 'the reports are still there');
  page.errors.length = 0;
  broken = false;
  // The next comparison starts a fresh engine.
  await page.locator('#manage summary').click();
  await page.fill('#paste-text', 'Talks stalled in Istanbul. Pakistan demanded verifiable steps.');
  await page.click('#paste-add');
  await ready(page);
  assert.equal(await page.locator('#report-list li').count(), 6);
  assert.match(await page.locator('#status').textContent(), /^6 reports/);
  await page.context().close();
});

test('a manifest fetches only its own reports, without cookies or referrer; other sites are refused by the policy', async () => {
  const page = await open(env.browser, 'about:blank');
  await page.context().addCookies([{ name: 'session', value: 'secret', url: env.server.url }]);
  const seen = [];
  const record = async (route, body, type) => {
    const headers = await route.request().allHeaders();
    seen.push({ url: route.request().url(), cookie: headers.cookie ?? null, referer: headers.referer ?? null });
    await route.fulfill({ contentType: type, body });
  };
  const manifest = (second) => [
    { id: 'a', title: 'Here', textUrl: 'a.txt' },
    { id: 'b', title: 'There', textUrl: second },
  ];
  await page.route('**/private/reports.json', (route) => record(route, JSON.stringify(manifest('b.txt')), 'application/json'));
  await page.route('**/foreign/reports.json', (route) => record(route, JSON.stringify(manifest('http://localhost:9/b.txt')), 'application/json'));
  await page.route('**/*/a.txt', (route) => record(route, 'Talks stalled in Istanbul. Pakistan demanded steps.', 'text/plain'));
  await page.route('**/private/b.txt', (route) => record(route, 'Pakistan demanded steps in Istanbul. Talks stalled.', 'text/plain'));
  await page.route('http://localhost:9/**', (route) => record(route, 'never', 'text/plain'));

  await page.goto(`${env.server.url}?src=private/reports.json`);
  await ready(page);
  assert.deepEqual(seen.map((s) => new URL(s.url).pathname).sort(), ['/private/a.txt', '/private/b.txt', '/private/reports.json']);
  for (const request of seen) {
    assert.equal(request.cookie, null, `${request.url} was sent the reader's cookie`);
    assert.equal(request.referer, null, `${request.url} was told the page's address`);
  }

  // A text on another site is refused by the page's connect-src policy: said, not fetched.
  seen.length = 0;
  page.errors.length = 0;
  await page.goto(`${env.server.url}?src=foreign/reports.json`);
  await ready(page);
  assert.match(await page.locator('#notice-text').textContent(), /could not load http:\/\/localhost:9\/b\.txt.*Showing your saved or the sample reports instead/);
  assert.ok(seen.every((s) => new URL(s.url).origin === new URL(env.server.url).origin), JSON.stringify(seen));
  await page.context().close();
});
