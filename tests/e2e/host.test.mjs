// The widget in a host article (issue 17, item 7): a theme attribute whose `auto` follows
// the host page's color-scheme rather than only the system's; plural-aware wording.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, open, screenshot, axeViolations } from './support.mjs';

const env = useBrowser();

/** A strict-CSP page of the project holding widgets of each `theme` (none for auto), on a
 * host whose root has `scheme` as its color-scheme (none: the CSS default, `normal`),
 * with the system preferring `system`. Resolves once every widget has compared. */
async function hostWith({ scheme = null, system = 'dark', themes = [null, 'light', 'dark'] } = {}) {
  const page = await open(env.browser, 'about:blank', { bypassCSP: true });
  await page.emulateMedia({ colorScheme: system });
  await page.goto(`${env.server.url}embed.html`);
  await page.evaluate(async ({ scheme, themes }) => {
    document.getElementById('comparison').remove();
    if (scheme) document.documentElement.style.colorScheme = scheme;
    window.ready = 0;
    document.addEventListener('parallax-ready', () => { window.ready += 1; });
    await import('./parallax-compare-define.js');
    themes.forEach((theme, i) => {
      const widget = document.createElement('parallax-compare');
      widget.id = `w${i}`;
      if (theme) widget.setAttribute('theme', theme);
      widget.src = 'data/manifest.json';
      document.querySelector('main').append(widget);
    });
  }, { scheme, themes });
  await page.waitForFunction((n) => window.ready >= n, themes.length);
  return page;
}

/** The widget's background colour, and whether it is dark (its luminance below half). */
const background = (page, id) => page.locator(`#${id}`).evaluate((el) => {
  const color = getComputedStyle(el.shadowRoot.querySelector('.widget')).backgroundColor;
  const [r, g, b] = color.match(/\d+(\.\d+)?/g).map(Number);
  return { color, dark: (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5 };
});

test('theme="auto" follows a light article, not a dark system; light and dark are what they say', async () => {
  const page = await hostWith({ system: 'dark' });
  assert.equal((await background(page, 'w0')).dark, false, 'auto in a light host article: light, whatever the system prefers');
  assert.equal((await background(page, 'w1')).dark, false);
  assert.equal((await background(page, 'w2')).dark, true);
  assert.deepEqual(await page.locator('parallax-compare').evaluateAll((els) => els.map((el) => el.theme)), ['auto', 'light', 'dark']);
  await screenshot(page, 'widget-themes-light-host');
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], violations.join('\n'));
  await page.context().close();
});

test('theme="auto" follows a dark host, and a host that follows the system; light stays light', async () => {
  const dark = await hostWith({ scheme: 'dark', system: 'light', themes: [null, 'light'] });
  assert.equal((await background(dark, 'w0')).dark, true, 'a dark host article: dark');
  assert.equal((await background(dark, 'w1')).dark, false, 'theme="light" in a dark host: light');
  await screenshot(dark, 'widget-themes-dark-host');
  const violations = await axeViolations(dark);
  assert.deepEqual(violations, [], violations.join('\n'));
  await dark.context().close();
  const following = await hostWith({ scheme: 'light dark', system: 'dark', themes: [null] });
  assert.equal((await background(following, 'w0')).dark, true, 'a host that follows the system, on a dark system: dark');
  await following.context().close();
});

test('the page itself still follows the system', async () => {
  const page = await open(env.browser, 'about:blank');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(env.server.url);
  await page.waitForSelector('body[data-state="ready"]');
  const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(color, 'rgb(22, 22, 20)');
  await page.context().close();
});

test('plural-aware wording: "1 shared fact", "1 passage", never "1 facts"', async () => {
  const page = await open(env.browser, `${env.server.url}embed.html`);
  await page.evaluate(async () => {
    document.getElementById('comparison').remove();
    await import('./parallax-compare-define.js');
    window.ready = new Promise((done) => document.addEventListener('parallax-ready', done, { once: true }));
    const widget = document.createElement('parallax-compare');
    widget.id = 'one';
    widget.reports = [
      { id: 'a', title: 'A', text: 'Pakistan demanded verifiable steps from Kabul in Istanbul on Thursday. The weather in Lahore was mild.' },
      { id: 'b', title: 'B', text: 'Pakistan demanded verifiable steps from Kabul in Istanbul on Thursday. Cricket fans gathered in Karachi.' },
    ];
    document.querySelector('main').append(widget);
    await window.ready;
  });
  const widget = page.locator('#one');
  const result = await widget.evaluate((el) => el.result);
  assert.equal(result.groups.length, 1, 'the set shares exactly one fact');
  const status = await widget.locator('.status').textContent();
  assert.match(status, /^2 reports, 1 shared fact, \d+ quotations?\./);
  assert.doesNotMatch(status, /\b1 (facts|reports|quotations)\b/);
  const lede = await widget.locator('.lede').textContent();
  assert.match(lede, /^2 reports share 1 fact; /);
  assert.match(await widget.locator('.matrix-count').textContent(), /^1 fact\.$/);
  for (const summary of await widget.locator('.unique-report summary').allTextContents()) {
    assert.match(summary, / — 1 passage$/);
  }
  await page.context().close();
});

test('the embed page: a main landmark and a heading, its height capped with "Show all", axe-clean', async () => {
  const page = await open(env.browser, `${env.server.url}embed.html?src=data/manifest.json&view=quotes`, { width: 800, height: 700, bypassCSP: true });
  await page.waitForFunction(() => document.getElementById('comparison').shadowRoot?.querySelector('.quote-card'));
  assert.equal(await page.locator('main h1').textContent(), 'Comparison of news reports');
  await page.waitForFunction(() => !document.getElementById('show-all').hidden);
  const capped = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(capped <= 900, `the embed is ${capped}px tall`);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], violations.join('\n'));
  await screenshot(page, 'embed-capped');
  await page.click('#show-all');
  await page.waitForFunction(() => document.documentElement.scrollHeight > 1500);
  assert.equal(await page.locator('#show-all').isHidden(), true);
  // In an article, the iframe follows: the demo page's frame is capped too.
  const demo = await open(env.browser, `${env.server.url}demo-cms.html`);
  await demo.waitForFunction(() => document.getElementById('overview-frame').getBoundingClientRect().height > 400);
  await demo.waitForTimeout(500);
  const frame = await demo.evaluate(() => document.getElementById('overview-frame').getBoundingClientRect().height);
  assert.ok(frame <= 920, `the article's iframe is ${frame}px tall`);
  await demo.context().close();
  await page.context().close();
});
