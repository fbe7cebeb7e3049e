// The command line's batch CSV, row for row, is the page's own `comparisonCsv` of the
// same result (no browser: render.js imports in plain node). Each story is compared
// with `parallax compare --json`, and its rows, without the leading `story` column, must
// equal what the page writes for that result with the reports' titles and empty outlets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, copyFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparisonCsv } from '../../www/js/render.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BINARY = join(ROOT, 'target', 'debug', 'parallax');

/** The stories: the seeds and a corpus cluster of ../shared (its .txt reports). */
const STORIES = [
  ['seeds', join(ROOT, 'www', 'data')],
  ['croydon-tram-crash-2016', join(ROOT, '..', 'shared', 'corpus', 'croydon-tram-crash-2016')],
];

test('the batch CSV of a story is the page\'s CSV of the same result', () => {
  if (!existsSync(BINARY)) execFileSync('cargo', ['build', '--features', 'cli'], { cwd: ROOT, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'parallax-batch-csv-'));
  try {
    for (const [name, source] of STORIES) {
      mkdirSync(join(dir, name));
      for (const file of readdirSync(source).filter((f) => f.endsWith('.txt'))) copyFileSync(join(source, file), join(dir, name, file));
    }
    const csv = execFileSync(BINARY, ['batch', dir, '--csv', '--quiet'], { encoding: 'utf8' });
    const [header, ...rest] = csv.split('\r\n');
    assert.equal(header, 'story,table,id,report,unit,relation_or_speaker,confidence,text,nearest_unit,nearest_score,outlet,title');
    const body = rest.join('\r\n');
    for (const [name] of STORIES) {
      const files = readdirSync(join(dir, name)).sort().map((f) => join(dir, name, f));
      const result = JSON.parse(execFileSync(BINARY, ['compare', ...files, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
      const meta = result.reports.map((r) => ({ id: r.id, outlet: '' }));
      const page = comparisonCsv(result, meta).split('\r\n').slice(1).join('\r\n');
      // This story's rows, each without its leading `story,` cell (the names need no quoting).
      const ours = body
        .split(`\r\n`)
        .filter((row) => row.startsWith(`${name},`))
        .map((row) => row.slice(name.length + 1))
        .join('\r\n');
      assert.ok(page.split('\r\n').length > 20, `${name}: a real comparison has many rows`);
      assert.equal(`${ours}\r\n`, page, `${name}: the CLI's rows differ from the page's`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
