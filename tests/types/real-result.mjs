// Writes tests/types/generated/seeds.ts: the wasm package's own result on the five sample
// reports (every pair laid out side by side), as an object literal typed `CompareResult`.
// Compiled with usage.ts by `tsc -p tests/types`, it fails on any key the engine writes
// that the types do not declare (an excess property), any declared key the engine leaves
// out, and any value outside its declared kind, so the types cannot drift from
// src/model.rs unnoticed. Run after the package is built (scripts/test.sh does).

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import init, { compare } from '../../www/pkg/parallax.js';

const www = new URL('../../www/', import.meta.url);
await init({ module_or_path: await readFile(new URL('pkg/parallax_bg.wasm', www)) });
const manifest = JSON.parse(await readFile(new URL('data/manifest.json', www), 'utf8'));
const reports = await Promise.all(manifest.map(async ({ id, title, textUrl }) => (
  { id, title, text: await readFile(new URL(`data/${textUrl}`, www), 'utf8') })));
const result = compare(reports, undefined);

const out = new URL('generated/', import.meta.url);
await mkdir(out, { recursive: true });
await writeFile(new URL('seeds.ts', out), `// Written by real-result.mjs; not kept in git.
import type { CompareResult } from '../../../www/pkg/parallax.js';

export const seeds: CompareResult = ${JSON.stringify(result, null, 1)};
`);
console.log(`tests/types/generated/seeds.ts: ${result.reports.length} reports, ${result.sideBySide.length} layouts`);
