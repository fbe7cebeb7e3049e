// Determinism: the same reports and options give byte-identical JSON from the native
// command-line tool, from the wasm engine in headless Chromium and in headless Firefox,
// and from the page's "Export comparison (JSON)". Run on the sample reports, the three
// corpus clusters and a set of scripts and marks that stress offsets.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, WWW, useBrowser, open, ready } from './support.mjs';
import { launchFirefox } from './firefox.mjs';

const env = useBrowser();
const SHARED = process.env.PARALLAX_SHARED ?? join(ROOT, '..', 'shared');
let firefox;
let scratch;

before(async () => {
  execFileSync('cargo', ['build', '--quiet', '--features', 'cli'], { cwd: ROOT, stdio: 'inherit' });
  scratch = await mkdtemp(join(tmpdir(), 'parallax-determinism-'));
  firefox = await launchFirefox();
});

after(async () => {
  await firefox?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** What `parallax compare --set … --json` prints for `reports` and `options`. */
async function native(name, reports, { keep = [], pairs = null } = {}) {
  const file = join(scratch, `${name}.json`);
  await writeFile(file, JSON.stringify({ format: 'parallax-report-set', version: 1, reports, keep }));
  const args = ['compare', '--set', file, '--json'];
  for (const [a, b] of pairs ?? []) args.push('--pair', `${a},${b}`);
  return execFileSync(join(ROOT, 'target/debug/parallax'), args, { maxBuffer: 1 << 28 }).toString();
}

// Runs in Firefox: the engine's result for `reports`, as the page exports it (the same
// steps as `chromium` below).
const IN_FIREFOX = `
  const { compare, useAnswers } = await import(new URL('js/engine.js', document.baseURI).href);
  useAnswers(null); // this browser's engine, never the build's answer in advance
  const { elapsedMs, ...comparison } = await compare(reports, options);
  return JSON.stringify(comparison, null, 2) + '\\n';
`;

async function chromium(reports, options) {
  const page = await open(env.browser, env.server.url);
  const json = await page.evaluate(async ([reports, options]) => {
    const { compare, useAnswers } = await import(new URL('js/engine.js', document.baseURI).href);
    useAnswers(null); // this browser's engine, never the build's answer in advance
    const { elapsedMs, ...comparison } = await compare(reports, options);
    return `${JSON.stringify(comparison, null, 2)}\n`;
  }, [reports, options]);
  await page.context().close();
  return json;
}

async function inFirefox(reports, options) {
  await firefox.goto(`${env.server.url}embed.html`);
  return firefox.run(`const [reports, options] = args; ${IN_FIREFOX}`, reports, options);
}

async function cluster(dir) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  return Promise.all(files.map(async (f) => ({ id: f.split(/[_.]/)[0], title: '', text: await readFile(join(dir, f), 'utf8') })));
}

async function seeds() {
  const manifest = JSON.parse(await readFile(join(WWW, 'data/manifest.json'), 'utf8'));
  return Promise.all(manifest.map(async ({ id, title, textUrl }) => ({ id, title, text: await readFile(join(WWW, 'data', textUrl), 'utf8') })));
}

const SCRIPTS = [
  { id: 'ur', title: 'اردو', text: 'پاکستان نے طالبان سے کہا۔ مذاکرات نو گھنٹے جاری رہے۔ “ہم کارروائی کریں گے،” خواجہ آصف نے کہا۔' },
  { id: 'mix', title: 'Mixed', text: 'Pakistan said پاکستان نے کہا the talks failed after nine hours. “We will act,” Khawaja Asif said. The family 👩‍👩‍👧‍👦 fled.' },
  { id: 'zh', title: '中文', text: '会谈在伊斯坦布尔举行。双方未达成协议。会談はイスタンブールで行われた。' },
  { id: 'marks', title: 'Te\u0301le\u0301', text: 'Te\u0301le\u0301vision re\u0301port: the talks failed after nine hours. “We will act,” Khawaja Asif said. Cafe\u0301 talks.\r\nFlags 🇵🇰🇦🇫 flew.' },
];

test('native, Chromium and Firefox give byte-identical JSON on every data set', async () => {
  const sets = [
    ['seeds', await seeds()],
    ...await Promise.all((await readdir(join(SHARED, 'corpus'))).sort().map(async (name) => [name, await cluster(join(SHARED, 'corpus', name))])),
    ['scripts', SCRIPTS],
  ];
  assert.ok(sets.length >= 5);
  for (const [name, reports] of sets) {
    const expected = await native(name, reports);
    assert.ok(JSON.parse(expected).groups.length > 0 || name === 'scripts', `${name}: the comparison found shared facts`);
    const fromChromium = await chromium(reports, {});
    assert.ok(fromChromium === expected, `${name}: Chromium's JSON differs from the native JSON (${firstDifference(fromChromium, expected)})`);
    const fromFirefox = await inFirefox(reports, {});
    assert.ok(fromFirefox === expected, `${name}: Firefox's JSON differs from the native JSON (${firstDifference(fromFirefox, expected)})`);
  }
});

test("the page's JSON export is what the command-line tool prints for the exported set", async () => {
  const page = await open(env.browser, env.server.url);
  await ready(page);
  await page.locator('#manage summary').click();
  // Put a set-aside line back, so the options carry `keep` as well as the chosen pair.
  await page.click('[role="tab"][data-view="aside"]');
  await page.locator('.put-back').first().click();
  await ready(page);
  const [setDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-set')]);
  const set = JSON.parse(await readFile(await setDownload.path(), 'utf8'));
  assert.equal(set.keep.length, 1);
  await page.click('[role="tab"][data-view="side"]');
  const [a, b] = await page.evaluate(() => [document.getElementById('side-a').value, document.getElementById('side-b').value]);
  const [comparison] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const exported = await readFile(await comparison.path(), 'utf8');
  const expected = await native('page-export', set.reports, { keep: set.keep, pairs: [[a, b]] });
  assert.ok(exported === expected, `the export differs from the native JSON (${firstDifference(exported, expected)})`);
  await page.context().close();
});

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return `first difference at character ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 80), i + 80))} vs ${JSON.stringify(b.slice(Math.max(0, i - 80), i + 80))}`;
}
