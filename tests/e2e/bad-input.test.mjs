// The bad-input table at the page level, in headless Chromium: the kinds of input of the
// engine's table (tests/common/bad_inputs.rs) as a reader brings them to the page, by
// pasting, dropping files or importing a set. Each row states what the reader sees and
// checks it; after every row the page must still draw every view with no error, no
// dialog and no foreign request.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, open, ready } from './support.mjs';

const env = useBrowser();

const STORY = 'Talks Stall in Istanbul\n\nPakistan demanded verifiable steps from Kabul. The talks lasted nine hours.';
const VIEWS = ['overview', 'side', 'quotes', 'reports', 'discrepancies', 'aside'];

// --- How a reader brings input ----------------------------------------------------------

const lastRun = (page) => page.evaluate(() => document.body.dataset.run ?? '');

/** Waits for a comparison that started after `before` to finish (drawn, failed or empty). */
async function settled(page, before) {
  await page.waitForFunction(
    (b) => document.body.dataset.run !== b && ['ready', 'error', 'empty'].includes(document.body.dataset.state),
    before,
  );
}

/** Imports a report set file made of `reports` (`{ id, title, text }`) or of raw bytes. */
async function importSet(page, reports, { raw = null, expectRun = true } = {}) {
  const before = await lastRun(page);
  const buffer = raw ?? Buffer.from(JSON.stringify({ format: 'parallax-report-set', version: 1, reports, keep: [] }));
  await page.setInputFiles('#import-set', { name: 'set.json', mimeType: 'application/json', buffer });
  if (expectRun) await settled(page, before);
}

/** Pastes a report (the text is set directly: a 5 MB text is too slow to type). */
async function paste(page, text, { title = '', expectRun = true } = {}) {
  const before = await lastRun(page);
  await page.evaluate(([t, x]) => {
    document.getElementById('paste-title').value = t;
    document.getElementById('paste-text').value = x;
  }, [title, text]);
  await page.click('#paste-add');
  if (expectRun) await settled(page, before);
}

/** Drops files on the page (through the file input, which the drop zone feeds too). */
async function drop(page, files) {
  const before = await lastRun(page);
  await page.setInputFiles('#file-input', files.map(({ name, type = 'text/plain', bytes }) => ({ name, mimeType: type, buffer: Buffer.from(bytes) })));
  await settled(page, before);
}

// --- What the reader sees ---------------------------------------------------------------

const statusText = (page) => page.locator('#status').textContent();
const noticeText = (page) => page.locator('#notice:not([hidden]) #notice-text').textContent({ timeout: 2000 });
const listed = (page) => page.locator('#report-list li').count();

async function showView(page, view) {
  await page.click(`[role="tab"][data-view="${view}"]`);
  await page.waitForFunction((v) => document.querySelector(`[role="tab"][data-view="${v}"]`).getAttribute('aria-selected') === 'true', view);
}

/** The unit texts and kinds of report `id` in the Reports view. */
async function unitsOf(page, id) {
  await showView(page, 'reports');
  return page.locator(`.report-column[data-report="${id}"] .unit`).evaluateAll((items) => items.map((li) => ({
    text: li.querySelector('.unit-text').textContent,
    kind: [...li.classList].find((c) => c.startsWith('unit-') && c !== 'unit-text')?.slice(5),
    direction: getComputedStyle(li.querySelector('.unit-text')).direction,
  })));
}

const sorted = (n, make) => Array.from({ length: n }, (_, i) => make(i));
const utf8 = (s) => Buffer.from(s, 'utf8');
let nested = 'x';
for (let level = 0; level < 40; level += 1) nested = level % 2 === 0 ? `“a ${nested} b”` : `‘c ${nested} d’`;

// --- The table: [case, what the reader does and sees] --------------------------------------

const ROWS = [
  ['no reports: the page says there are none', async (page) => {
    await importSet(page, []);
    assert.match(await statusText(page), /No reports yet/);
    assert.equal(await listed(page), 0);
  }],
  ['one report: compared alone, every passage only in it', async (page) => {
    await importSet(page, [{ id: 'r0', title: 'Alone', text: STORY }]);
    const units = await unitsOf(page, 'r0');
    assert.equal(units.length, 3);
    assert.equal(await page.locator('.report-column .status-unique').count(), 3);
  }],
  ['an empty paste: refused, said, the set unchanged', async (page) => {
    await paste(page, '', { expectRun: false });
    assert.match(await statusText(page), /the report is empty/);
    assert.equal(await page.locator('#status').getAttribute('role'), 'alert');
    assert.equal(await listed(page), 1);
  }],
  ['a whitespace-only paste: refused like an empty one', async (page) => {
    await paste(page, ' \t\n\u00a0\r\n ', { title: 'Blank', expectRun: false });
    assert.match(await statusText(page), /“Blank” is empty/);
    assert.equal(await listed(page), 1);
  }],
  ['an empty dropped file: named and not added', async (page) => {
    await drop(page, [{ name: 'empty.txt', bytes: '' }]);
    assert.match(await noticeText(page), /“empty” is empty/);
    assert.equal(await listed(page), 1);
  }],
  ['two identical reports: every fact verbatim in both', async (page) => {
    await importSet(page, [{ id: 'a', title: 'A', text: STORY }, { id: 'b', title: 'B', text: STORY }]);
    await showView(page, 'overview');
    const labels = await page.locator('.fact-row .cell .relation-label').allTextContents();
    assert.equal(labels.length, 6);
    assert.ok(labels.every((l) => l === 'verbatim'), labels.join());
  }],
  ['200 reports: compared and listed', async (page) => {
    await importSet(page, sorted(200, (i) => ({ id: `r${i}`, title: `Report ${i}`, text: `Report ${i} says the talks lasted ${i} hours. Pakistan demanded steps.` })));
    assert.equal(await listed(page), 200);
    assert.match(await statusText(page), /^200 reports/);
  }],
  ['201 reports: refused, naming the limit; the set unchanged', async (page) => {
    await importSet(page, sorted(201, (i) => ({ id: `r${i}`, title: '', text: 'A sentence.' })), { expectRun: false });
    await page.waitForFunction(() => /Could not import/.test(document.getElementById('status').textContent));
    assert.match(await statusText(page), /201 reports is more than the 200 .*your reports are as they were/);
    assert.equal(await listed(page), 1);
  }],
  ['a 5 MB report: refused, naming the report and the limit', async (page) => {
    await paste(page, 'The talks went on. '.repeat(Math.ceil((5 * 1024 * 1024) / 19)), { title: 'Log', expectRun: false });
    assert.match(await statusText(page), /not added: “Log” is 5\.0 MB long, more than the 2\.0 MB a report may have/);
    assert.equal(await listed(page), 1);
  }],
  ['one 100 KB sentence: pieces of at most 120 words, and a notice says so', async (page) => {
    await paste(page, `${'word '.repeat(20_000)}end.`);
    const units = await unitsOf(page, '000');
    assert.equal(units.length, Math.ceil(20_001 / 120));
    assert.ok(units.every((u) => u.kind === 'sentence'));
    assert.match(await page.locator('#view .budget-notices li').first().textContent(), /^1 passage in report 000 ran past 120 words/);
  }],
  ['CJK text with no full stop: pieces of 120 characters, and a notice', async (page) => {
    await paste(page, '会谈在伊斯坦布尔举行双方未达成协议'.repeat(60));
    assert.equal((await unitsOf(page, '000')).length, Math.ceil(1020 / 120));
    assert.equal(await page.locator('#view .budget-notices li[data-kind="longUnits"]').count(), 1);
  }],
  ['stray quote marks that never close: four quotes at most, the other marks noticed', async (page) => {
    await paste(page, '"1 \'a "b \'c '.repeat(500));
    await showView(page, 'quotes');
    assert.equal(await page.locator('.rendering[data-report="000"]').count(), 4);
    assert.match(await page.locator('#view .budget-notices li[data-kind="quoteMarks"]').textContent(), /^1996 quotation marks in report 000/);
  }],
  ['no punctuation at all: one unit a line', async (page) => {
    await paste(page, 'Talks began in Istanbul\nThey went on for hours\nNo deal was reached');
    assert.equal((await unitsOf(page, '000')).length, 3);
  }],
  ['only headlines: all headings', async (page) => {
    await paste(page, 'Talks Stall\n\nNo Deal In Istanbul\n\nPakistan Warns Kabul');
    const units = await unitsOf(page, '000');
    assert.equal(units.length, 3);
    assert.ok(units.every((u) => u.kind === 'heading'), JSON.stringify(units));
  }],
  ['CRLF and lone CR in a dropped file: the same units as LF', async (page) => {
    // A dropped file's id is its name's (as the command-line tool reads it), a pasted one's fresh.
    await drop(page, [{ name: 'crlf.txt', bytes: 'Talks Stall\r\n\r\nPakistan demanded steps.\rThe talks lasted nine hours.' }]);
    await paste(page, 'Talks Stall\n\nPakistan demanded steps.\nThe talks lasted nine hours.');
    const texts = async (id) => (await unitsOf(page, id)).map((u) => u.text);
    assert.deepEqual(await texts('crlf'), await texts('000'));
  }],
  ['NUL and control characters in a dropped file: compared, kept out of unit edges', async (page) => {
    await drop(page, [{ name: 'control.txt', bytes: '\0Talks stalled.\u0001\u0007 Pakistan\u0000demanded steps.\u001b' }]);
    const units = await unitsOf(page, 'control');
    assert.ok(units.length >= 1);
    for (const { text } of units) assert.ok(!/^[\0-\u001f]|[\0-\u001f]$/.test(text), JSON.stringify(text));
  }],
  ['lone UTF-16 surrogates in pasted text: compared, shown', async (page) => {
    await paste(page, 'Talks \ud800 stalled. Pakistan \udc00 demanded steps.');
    const units = await unitsOf(page, '000');
    assert.equal(units.length, 2);
  }],
  ['invalid UTF-8 in a dropped file: read with U+FFFD and the reader told', async (page) => {
    await drop(page, [{ name: 'latin1.txt', bytes: Buffer.concat([utf8('Talks in Istanbul stalled. Caf'), Buffer.from([0xe9, 0xff]), utf8(' talks went on.')]) }]);
    assert.match(await noticeText(page), /latin1\.txt: some bytes were not UTF-8 and show as �/);
    const units = await unitsOf(page, 'latin1');
    assert.ok(units.some((u) => u.text.includes('\ufffd')));
  }],
  ['a byte-order mark in a dropped file: not shown, not part of a unit', async (page) => {
    await drop(page, [{ name: 'bom.txt', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('Talks Stall\n\nPakistan demanded steps.')]) }]);
    const units = await unitsOf(page, 'bom');
    assert.equal(units[0].text, 'Talks Stall');
  }],
  ['right-to-left Urdu: two sentences, read right to left', async (page) => {
    await paste(page, 'پاکستان نے طالبان سے کہا۔ مذاکرات نو گھنٹے جاری رہے۔');
    const units = await unitsOf(page, '000');
    assert.equal(units.length, 2);
    assert.ok(units.every((u) => u.direction === 'rtl'), JSON.stringify(units));
  }],
  ['Pashto and Dari: Arabic-script question marks end sentences, right to left', async (page) => {
    await importSet(page, [{ id: 'ps', title: 'پښتو', text: 'ایا خبرې اترې پای ته ورسیدې؟ هو.' }, { id: 'fa', title: 'دری', text: 'آیا مذاکرات به پایان رسید؟ بله.' }]);
    for (const id of ['ps', 'fa']) {
      const units = await unitsOf(page, id);
      assert.equal(units.length, 2);
      assert.equal(units[0].direction, 'rtl');
    }
    assert.equal(await page.locator('.report-column[data-report="ps"] .report-title').evaluate((h) => getComputedStyle(h).direction), 'rtl');
  }],
  ['mixed right-to-left and left-to-right: each passage in its own direction', async (page) => {
    await paste(page, 'Pakistan said پاکستان نے کہا the talks failed. پاکستان نے طالبان سے کہا۔');
    const units = await unitsOf(page, '000');
    assert.deepEqual(units.map((u) => u.direction), ['ltr', 'rtl']);
  }],
  ['Chinese and Japanese without spaces: sentences at full stops', async (page) => {
    await paste(page, '会谈在伊斯坦布尔举行。双方未达成协议。');
    assert.equal((await unitsOf(page, '000')).length, 2);
  }],
  ['emoji with ZWJ sequences: shown whole', async (page) => {
    await paste(page, 'The family 👩‍👩‍👧‍👦 fled. Flags 🇵🇰🇦🇫 flew.');
    const units = await unitsOf(page, '000');
    assert.deepEqual(units.map((u) => u.text), ['The family 👩‍👩‍👧‍👦 fled.', 'Flags 🇵🇰🇦🇫 flew.']);
  }],
  ['combining marks: shown as typed', async (page) => {
    await paste(page, 'Te\u0301le\u0301vision re\u0301port. Cafe\u0301 talks.');
    assert.deepEqual((await unitsOf(page, '000')).map((u) => u.text), ['Te\u0301le\u0301vision re\u0301port.', 'Cafe\u0301 talks.']);
  }],
  ['a full HTML page pasted: shown as text, never run', async (page) => {
    await paste(page, '<!doctype html><html><head><title>X</title><script>alert(1)</script></head><body><p>Talks stalled.</p><img src=x onerror="alert(2)"></body></html>');
    const units = await unitsOf(page, '000');
    assert.ok(units.some((u) => u.text.includes('<script>alert(1)</script>')));
    assert.equal(await page.locator('#view img, #view script').count(), 0);
  }],
  ['an HTML file dropped: its text and title read, its scripts dropped', async (page) => {
    await drop(page, [{ name: 'page.html', type: 'text/html', bytes: '<html><head><title>Wire copy</title><script>alert(3)</script></head><body><nav>Home</nav><p>Talks stalled in Istanbul.</p><p>Pakistan demanded steps.</p></body></html>' }]);
    await showView(page, 'reports');
    assert.equal(await page.locator('.report-column[data-report="page"] .report-title').textContent(), 'Wire copy');
    assert.ok(!(await page.locator('.report-column[data-report="page"]').textContent()).includes('alert(3)'));
  }],
  ['Markdown: headings without their marks', async (page) => {
    await paste(page, '# Talks Stall\n\n## In Istanbul\n\n- Pakistan demanded steps.\n- Kabul refused.');
    const units = await unitsOf(page, '000');
    assert.deepEqual(units.slice(0, 2).map((u) => [u.text, u.kind]), [['Talks Stall', 'heading'], ['In Istanbul', 'heading']]);
  }],
  ['all caps: a heading and two sentences', async (page) => {
    await paste(page, 'PAKISTAN WARNS KABUL\n\nTHE TALKS LASTED NINE HOURS. NO DEAL WAS REACHED.');
    assert.deepEqual((await unitsOf(page, '000')).map((u) => u.kind), ['heading', 'sentence', 'sentence']);
  }],
  ['unclosed and unbalanced quotes: listed, flagged as never closed', async (page) => {
    await paste(page, '“The talks failed, he said. ”Or not.\n\n"Never closed');
    await showView(page, 'quotes');
    assert.ok(await page.locator('.rendering[data-report="000"] .flag-unclosed').count() >= 1);
  }],
  ['deeply nested quotes: four levels listed, the deeper marks noticed', async (page) => {
    await paste(page, `He said ${nested}.`);
    await showView(page, 'quotes');
    assert.equal(await page.locator('.rendering[data-report="000"]').count(), 4);
    assert.match(await page.locator('#view .budget-notices li[data-kind="quoteMarks"]').textContent(), /^36 quotation marks/);
  }],
  ['a report that is one long quote: one quotation', async (page) => {
    await paste(page, '“The talks failed. Kabul refused every demand. Pakistan will act alone if it must.”');
    await showView(page, 'quotes');
    const renderings = page.locator('.rendering[data-report="000"] .rendering-printed');
    assert.equal(await renderings.count(), 1);
    assert.match(await renderings.textContent(), /^The talks failed\..*if it must\.\s*$/);
  }],
  ['a file that is not text: named and not added', async (page) => {
    await drop(page, [{ name: 'report.pdf', type: 'application/pdf', bytes: '%PDF-1.7 binary' }]);
    assert.match(await noticeText(page), /report\.pdf: only \.txt, \.md and \.html files can be read/);
    assert.equal(await listed(page), 1);
  }],
  ['a set file that is not JSON: refused, the set unchanged', async (page) => {
    await importSet(page, null, { raw: utf8('<html>not a set</html>'), expectRun: false });
    await page.waitForFunction(() => /Could not import/.test(document.getElementById('status').textContent));
    assert.equal(await listed(page), 1);
  }],
  ['a set with a repeated id: refused, naming the id', async (page) => {
    await importSet(page, [{ id: 'a', text: 'x.' }, { id: 'a', text: 'y.' }], { expectRun: false });
    await page.waitForFunction(() => /Could not import/.test(document.getElementById('status').textContent));
    assert.match(await statusText(page), /the id “a”: report ids must be unique/);
    assert.equal(await listed(page), 1);
  }],
];

test('the bad-input table, row by row in the page', async () => {
  assert.ok(ROWS.length >= 25);
  const page = await open(env.browser, env.server.url);
  await ready(page);
  await page.evaluate(() => { document.getElementById('manage').open = true; });
  const origin = env.server.url.slice(0, -1);
  for (const [name, row] of ROWS) {
    // Each row starts from one report, so ids and counts are known.
    await importSet(page, [{ id: 'base', title: 'Base', text: STORY }]);
    await page.evaluate(() => document.getElementById('notice-dismiss').click());
    await showView(page, 'overview');
    try {
      await row(page);
      // The page stays usable: every view draws something.
      for (const view of VIEWS) {
        await showView(page, view);
        assert.ok(await page.locator('#view > *').count() > 0, `${view} is drawn`);
      }
    } catch (error) {
      error.message = `row “${name}”: ${error.message}`;
      throw error;
    }
    assert.deepEqual(page.errors, [], `row “${name}”: no error in the page`);
    assert.deepEqual(page.dialogs, [], `row “${name}”: no dialog`);
    const foreign = page.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'));
    assert.deepEqual(foreign, [], `row “${name}”: no request leaves the page's origin`);
  }
  await page.context().close();
});
