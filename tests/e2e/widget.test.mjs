// <parallax-compare> in headless Chromium: creation, attributes and properties, events,
// several instances, removal, the keyboard, a trapped engine, hostile host CSS, strict
// CSP, the iframe embed, axe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, open, screenshot, axeViolations } from './support.mjs';

const env = useBrowser();

/** Opens a blank same-origin page under the strict CSP, with the element defined, and
 * records every parallax-* event and CSP violation on `window.events`. */
async function blank(options = {}) {
  const page = await open(env.browser, 'about:blank', options);
  await page.addInitScript(() => {
    window.events = [];
    for (const type of ['parallax-ready', 'parallax-error', 'parallax-select', 'parallax-selected']) {
      document.addEventListener(type, (e) => window.events.push({ type, detail: e.detail, target: e.target.id, composed: e.composed, bubbles: e.bubbles }));
    }
    document.addEventListener('securitypolicyviolation', (e) => window.events.push({ type: 'csp', detail: e.violatedDirective }));
  });
  await page.goto(`${env.server.url}embed.html`); // a strict-CSP page of the project
  await page.evaluate(() => {
    document.getElementById('comparison').remove();
    window.events.length = 0;
  });
  return page;
}

/** A blank strict-CSP page (see `blank`) with `markup` added to its body, once the first
 * widget in it has compared. */
async function withWidget(markup) {
  const page = await blank();
  await page.evaluate(async (html) => {
    await import('./parallax-compare-define.js');
    document.body.insertAdjacentHTML('beforeend', html);
  }, markup);
  await page.waitForFunction(() => window.events.some((e) => e.type === 'parallax-ready'));
  return page;
}

const readyCount = (page, id) => page.evaluate((target) => window.events.filter((e) => e.type === 'parallax-ready' && (!target || e.target === target)).length, id);

test('demo CMS page: the element and the iframe both render under the strict CSP', async () => {
  const page = await open(env.browser, 'about:blank');
  await page.addInitScript(() => {
    window.events = [];
    document.addEventListener('parallax-ready', (e) => window.events.push({ type: 'ready', detail: e.detail }));
    document.addEventListener('securitypolicyviolation', (e) => window.events.push({ type: 'csp', detail: `${e.violatedDirective} ${e.blockedURI}` }));
  });
  await page.goto(`${env.server.url}demo-cms.html`);
  await page.waitForFunction(() => window.events.some((e) => e.type === 'ready'));
  const ready = await page.evaluate(() => window.events.find((e) => e.type === 'ready').detail);
  assert.equal(ready.reports, 5);
  assert.ok(ready.groups > 5 && ready.quotes > 10, JSON.stringify(ready));
  const cards = await page.locator('#quotes-widget').evaluate((el) => el.shadowRoot.querySelectorAll('.quote-card').length);
  assert.equal(cards, ready.quotes);
  // The iframe reports its height and the article sizes it.
  await page.waitForFunction(() => document.getElementById('overview-frame').getBoundingClientRect().height > 400);
  const frame = page.frameLocator('#overview-frame');
  assert.ok(await frame.locator('parallax-compare').count() === 1);
  assert.deepEqual(await page.evaluate(() => window.events.filter((e) => e.type === 'csp')), []);
  assert.deepEqual(page.errors, []);
  await screenshot(page, 'widget-demo-cms');
  await page.context().close();
});

test('created by markup, by createElement and by constructor; attributes and properties mirror', async () => {
  const page = await blank();
  const result = await page.evaluate(async () => {
    const { ParallaxCompare } = await import('./parallax-compare-define.js');
    // A second definition is tolerated.
    ParallaxCompare.define();
    document.body.insertAdjacentHTML('beforeend', '<parallax-compare id="m" src="data/manifest.json"></parallax-compare>');
    const made = document.createElement('parallax-compare');
    made.id = 'c';
    made.reports = [
      { id: 'x', title: 'X', text: 'Pakistan demanded verifiable steps in Istanbul. The talks lasted nine hours.' },
      { id: 'y', title: 'Y', text: 'The talks in Istanbul lasted nine hours. Pakistan demanded verifiable steps.' },
    ];
    document.body.append(made);
    const built = new ParallaxCompare();
    built.id = 'k';
    built.view = 'quotes';
    document.body.append(built);
    const mirrored = [built.getAttribute('view')];
    built.setAttribute('view', 'reports');
    mirrored.push(built.view);
    built.view = 'nonsense';
    mirrored.push(built.view); // falls back to the overview
    built.view = 'quotes';
    return { mirrored, same: customElements.get('parallax-compare') === ParallaxCompare };
  });
  assert.deepEqual(result.mirrored, ['quotes', 'reports', 'overview']);
  assert.ok(result.same);
  await page.waitForFunction(() => window.events.filter((e) => e.type === 'parallax-ready').length >= 2);
  const errors = await page.evaluate(() => window.events.filter((e) => e.type === 'parallax-error').map((e) => `${e.target}: ${e.detail.message}`));
  // The constructed element has no input: it says so in an event and in its status.
  assert.deepEqual(errors, ['k: no reports to compare: set src, reports, or add <article> children']);
  assert.equal(await readyCount(page, 'm'), 1);
  const fromProperty = await page.evaluate(() => window.events.find((e) => e.type === 'parallax-ready' && e.target === 'c'));
  assert.equal(fromProperty.detail.reports, 2);
  assert.ok(fromProperty.bubbles && fromProperty.composed);
  // Both share one engine worker.
  assert.equal(page.workers().length, 1);
  await page.context().close();
});

test('inline articles are the reports when there is no src', async () => {
  const page = await blank();
  await page.evaluate(async () => {
    await import('./parallax-compare-define.js');
    document.body.insertAdjacentHTML('beforeend', `<parallax-compare id="inline" view="reports">
      <article data-id="a"><h2>Outlet A</h2><p>Pakistan demanded verifiable steps in Istanbul. The talks lasted nine hours.</p></article>
      <blockquote data-id="b" data-title="Outlet B"><p>The talks in Istanbul lasted nine hours, officials said.</p></blockquote>
    </parallax-compare>`);
  });
  await page.waitForFunction(() => window.events.some((e) => e.type === 'parallax-ready'));
  const titles = await page.locator('#inline').evaluate((el) => [...el.shadowRoot.querySelectorAll('.report-title')].map((t) => t.textContent));
  assert.deepEqual(titles, ['Outlet A', 'Outlet B']);
  await page.context().close();
});

test('the reports view outlines a passage\'s counterparts of both tiers, told apart in words', async () => {
  const page = await withWidget('<parallax-compare id="rv" src="data/manifest.json" view="reports"></parallax-compare>');
  const widget = page.locator('#rv');
  // A passage of the looser tier only: its counterparts dashed, and labelled.
  await widget.locator('[data-report="000"] .unit', { hasText: 'unrealistic and disconnected from conditions on the ground' }).focus();
  const possible = widget.locator('.counterpart-possible', { hasText: 'illogical and contrary to the realities on the ground' });
  assert.equal(await possible.locator('.counterpart-label').textContent(), '≟ possibly the same');
  // A passage of a shared fact: its counterparts of that fact.
  await widget.locator('[data-report="001"] .unit', { hasText: 'illogical and contrary to the realities' }).focus();
  const same = widget.locator('.counterpart', { hasText: 'illogical and detached from the realities' });
  assert.equal(await same.locator('.counterpart-label').textContent(), 'the same fact');
  assert.equal(await widget.locator('.counterpart-possible', { hasText: 'illogical and contrary to the realities on the ground' }).count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the discrepancies view: one card per finding, each report\'s wording with its value', async () => {
  const page = await withWidget('<parallax-compare id="d" src="data/manifest.json" view="discrepancies"></parallax-compare>');
  const widget = page.locator('#d');
  const findings = await widget.evaluate((el) => el.result.discrepancies.length);
  assert.ok(findings >= 5);
  assert.equal(await widget.locator('.discrepancy-card').count(), findings);
  const led = widget.locator('.discrepancy-card', { hasText: 'who led the afghan side' });
  assert.deepEqual(await led.locator('.discrepancy-value').allTextContents(), ['Mullah Yaqoob', 'Mawlawi Rahmatullah Najeeb']);
  assert.match(await led.locator('.discrepancy-kind').textContent(), /^Conflict/);
  assert.equal(await led.locator('mark.change').count(), 2, 'each wording marked in its sentence');
  await page.context().close();
});

test('select events are cancelable; selected follows only when not cancelled', async () => {
  const page = await withWidget('<parallax-compare id="w" src="data/manifest.json"></parallax-compare>');
  const toggle = page.locator('#w').locator('.fact-toggle').first();
  await page.evaluate(() => document.addEventListener('parallax-select', (e) => e.preventDefault(), { once: true }));
  await toggle.click();
  assert.equal(await page.evaluate(() => window.events.filter((e) => e.type === 'parallax-selected').length), 0);
  assert.equal(await page.locator('#w').locator('.fact-detail').count(), 0);
  await toggle.click();
  const selected = await page.evaluate(() => window.events.filter((e) => e.type === 'parallax-selected').map((e) => e.detail));
  assert.deepEqual(selected, [{ kind: 'group', id: 'g1' }]);
  assert.ok(await page.locator('#w').locator('.fact-detail').count() === 1);
  await page.context().close();
});

test('removal drops the work; re-insertion compares again', async () => {
  const page = await blank();
  await page.evaluate(async () => {
    await import('./parallax-compare-define.js');
    const element = document.createElement('parallax-compare');
    element.id = 'r';
    element.src = 'data/manifest.json';
    document.body.append(element);
    element.remove(); // before its comparison returns
  });
  await page.waitForTimeout(500);
  assert.equal(await readyCount(page, 'r'), 0, 'a removed element announces nothing');
  await page.evaluate(() => document.body.append(document.createElement('div')));
  await page.evaluate(async () => {
    const { ParallaxCompare } = await import('./parallax-compare-define.js');
    const element = new ParallaxCompare();
    element.id = 'r';
    element.src = 'data/manifest.json';
    document.body.append(element);
  });
  await page.waitForFunction(() => window.events.some((e) => e.type === 'parallax-ready' && e.target === 'r'));
  await page.evaluate(() => {
    const element = document.getElementById('r');
    element.remove();
    document.body.append(element);
  });
  await page.waitForFunction(() => window.events.filter((e) => e.type === 'parallax-ready' && e.target === 'r').length === 2);
  await page.context().close();
});

test('the views are reachable by keyboard: one tab stop, then arrows, Home and End', async () => {
  const page = await withWidget('<button id="before" type="button">Before</button><parallax-compare id="kb" src="data/manifest.json"></parallax-compare>');
  const widget = page.locator('#kb');
  // The focused element inside the widget and what the widget shows.
  const state = () => widget.evaluate((el) => {
    const focused = el.shadowRoot.activeElement;
    const panel = el.shadowRoot.querySelector('[role="tabpanel"]');
    const tabs = [...el.shadowRoot.querySelectorAll('[role="tab"]')];
    return {
      focused: focused?.getAttribute('role') === 'tab' ? focused.dataset.view : focused?.tagName ?? null,
      selected: tabs.filter((t) => t.getAttribute('aria-selected') === 'true').map((t) => t.dataset.view),
      stops: tabs.filter((t) => t.tabIndex === 0).map((t) => t.dataset.view),
      labelledBy: panel.getAttribute('aria-labelledby') === focused?.id,
      controls: tabs.every((t) => t.getAttribute('aria-controls') === panel.id),
      attribute: el.getAttribute('view'),
    };
  });
  const expect = async (view, shown) => {
    await widget.locator(shown).first().waitFor();
    assert.deepEqual(await state(), { focused: view, selected: [view], stops: [view], labelledBy: true, controls: true, attribute: view });
  };
  // Tab from the control before the widget lands on the selected tab, the strip's one stop.
  await page.focus('#before');
  await page.keyboard.press('Tab');
  assert.equal((await state()).focused, 'overview');
  await page.keyboard.press('ArrowRight');
  await expect('side', '.pair');
  await page.keyboard.press('End');
  await expect('discrepancies', '.discrepancy-card');
  await page.keyboard.press('ArrowRight'); // wraps to the first
  await expect('overview', '.matrix');
  await page.keyboard.press('ArrowLeft'); // and back to the last
  await expect('discrepancies', '.discrepancy-card');
  await page.keyboard.press('Home');
  await expect('overview', '.matrix');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect('quotes', '.quote-card');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect('overview', '.matrix');
  // The next Tab leaves the strip for the view's first control: the coverage table's
  // first filter.
  await page.keyboard.press('Tab');
  assert.equal(await widget.evaluate((el) => el.shadowRoot.activeElement?.dataset.filter), 'min');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// The real package, but comparing a report titled "trap" makes its wasm module trap for
// real before it compares: an allocation of an impossible layout (alignment 3) aborts,
// which is an `unreachable` trap, as a panic is. The worker and engine.js are the real
// ones; only the package module the worker imports is this wrapper of the real one.
const TRAPPING_PACKAGE = `
  import init, * as engine from './parallax.js?real';
  let wasm;
  export default async function (...args) {
    wasm = await init(...args);
    return wasm;
  }
  export const limits = engine.limits;
  export function compare(reports, options) {
    if (reports.some((r) => r.title === 'trap')) wasm.__wbindgen_malloc(1, 3);
    return engine.compare(reports, options);
  }`;

test('a trapped engine leaves no widget on "Comparing…": every waiting one says so, the next comparison works', async () => {
  const page = await blank();
  const workers = [];
  page.on('worker', (worker) => workers.push(worker));
  await page.route((url) => url.pathname.endsWith('/pkg/parallax.js') && !url.search, (route) => route.fulfill({ contentType: 'text/javascript', body: TRAPPING_PACKAGE }));
  // Two widgets whose requests wait on the one worker together: the first traps it.
  await page.evaluate(async () => {
    await import('./parallax-compare-define.js');
    for (const id of ['first', 'second']) {
      const element = document.createElement('parallax-compare');
      element.id = id;
      element.reports = [
        { id: 'a', title: id === 'first' ? 'trap' : 'A', text: 'Pakistan demanded verifiable steps in Istanbul. The talks lasted nine hours.' },
        { id: 'b', title: 'B', text: 'The talks in Istanbul lasted nine hours. Pakistan demanded verifiable steps.' },
      ];
      document.body.append(element);
    }
  });
  await page.waitForFunction(() => window.events.filter((e) => e.type === 'parallax-error').length === 2, null, { timeout: 10000 });
  const failed = await page.evaluate(() => window.events.filter((e) => e.type === 'parallax-error').map((e) => [e.target, e.detail.message]));
  assert.deepEqual(failed.map(([target]) => target).sort(), ['first', 'second']);
  for (const [, message] of failed) assert.match(message, /^the comparison engine failed and was restarted: unreachable/);
  for (const id of ['first', 'second']) {
    const status = page.locator(`#${id}`).locator('[part="status"]');
    assert.equal(await status.getAttribute('role'), 'alert');
    assert.match(await status.textContent(), /^The comparison failed: the comparison engine failed and was restarted/);
  }
  assert.equal(await readyCount(page), 0);
  // The next comparison starts a fresh worker, and works.
  await page.evaluate(() => {
    const element = document.getElementById('first');
    element.reports = element.reports.map((r) => ({ ...r, title: 'A' }));
    document.getElementById('second').reports = element.reports;
  });
  await page.waitForFunction(() => window.events.filter((e) => e.type === 'parallax-ready').length === 2);
  assert.match(await page.locator('#first').locator('[part="status"]').textContent(), /^2 reports/);
  assert.equal(workers.length, 2, 'one worker trapped, one fresh');
  await page.context().close();
});

test('hostile host CSS does not change the widget', async () => {
  const page = await withWidget('<parallax-compare id="h" src="data/manifest.json" view="quotes"></parallax-compare>');
  const measure = () => page.locator('#h').evaluate((el) => {
    const card = el.shadowRoot.querySelector('.quote-card');
    const style = getComputedStyle(card);
    const text = getComputedStyle(el.shadowRoot.querySelector('.rendering-text'));
    return { width: Math.round(card.getBoundingClientRect().width), font: text.fontSize, family: text.fontFamily, color: text.color, line: text.lineHeight, display: style.display };
  });
  const before = await measure();
  // The page's CSP allows same-origin stylesheets only, as a CMS's would.
  await page.route('**/hostile.css', (route) => route.fulfill({
    contentType: 'text/css',
    body: `* { font-size: 40px !important; color: red !important; display: inline !important; line-height: 5 !important; }
      body { font: 50px serif !important; letter-spacing: 10px; }
      blockquote, article, p, ul, li, h2 { margin: 100px !important; border: 9px solid lime !important; }`,
  }));
  await page.evaluate(() => new Promise((done) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = 'hostile.css';
    link.onload = done;
    document.head.append(link);
  }));
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontSize), '50px', 'the hostile sheet applies to the host page');
  const after = await measure();
  assert.deepEqual(after, before);
  await page.context().close();
});

test('axe-core finds no violations inside the widget', async () => {
  const page = await open(env.browser, `${env.server.url}demo-cms.html`, { bypassCSP: true });
  await page.waitForFunction(() => document.getElementById('quotes-widget').shadowRoot?.querySelector('.quote-card'));
  const violations = await axeViolations(page);
  assert.deepEqual(violations, []);
  await page.context().close();
});
