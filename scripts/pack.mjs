// Builds the npm package `parallax-compare` from www/ and npm/, and packs it with
// `npm pack` into target/npm/ (nothing is published). Run after the wasm package is
// built (scripts/lib.sh, build_wasm); scripts/test.sh does both. Prints the tarball's path.
//
// The package mirrors www/'s layout (parallax-compare.js beside js/, css/ and pkg/), so
// that every relative `new URL(…, import.meta.url)` in the page's modules finds the same
// file in the package, served as it is or copied by a bundler. Its Custom Elements
// Manifest is written from the element's JSDoc by the analyzer, keeping the public API.

import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'target', 'npm');
const PACKAGE = join(OUT, 'package');

// package path ← repository path
const FILES = [
  ['package.json', 'npm/package.json'],
  ['README.md', 'npm/README.md'],
  ['CHANGELOG.md', 'npm/CHANGELOG.md'],
  ['index.js', 'npm/index.js'],
  ['index.d.ts', 'npm/index.d.ts'],
  ['define.d.ts', 'npm/define.d.ts'],
  ['define.js', 'www/parallax-compare-define.js'],
  ['parallax-compare.js', 'www/parallax-compare.js'],
  ...['engine', 'answers', 'worker', 'views', 'render', 'data'].map((name) => [`js/${name}.js`, `www/js/${name}.js`]),
  ...['parallax', 'widget'].map((name) => [`css/${name}.css`, `www/css/${name}.css`]),
  ...['parallax.js', 'parallax.d.ts', 'parallax_bg.wasm'].map((name) => [`pkg/${name}`, `www/pkg/${name}`]),
];

function fail(message) {
  console.error(`pack: ${message}`);
  process.exit(1);
}

const manifest = JSON.parse(await readFile(join(ROOT, 'npm/package.json'), 'utf8'));
const crate = (await readFile(join(ROOT, 'Cargo.toml'), 'utf8')).match(/^version = "(.+)"$/m)?.[1];
if (manifest.version !== crate) fail(`npm/package.json is version ${manifest.version} but Cargo.toml is ${crate}: make them equal`);
const changelog = await readFile(join(ROOT, 'npm/CHANGELOG.md'), 'utf8');
if (!new RegExp(`^## ${manifest.version.replaceAll('.', '\\.')} `, 'm').test(changelog)) {
  fail(`npm/CHANGELOG.md has no entry "## ${manifest.version} …" for the version being packed`);
}
await stat(join(ROOT, 'www/pkg/parallax_bg.wasm')).catch(() => fail('www/pkg/parallax_bg.wasm is missing: build the wasm package first (scripts/test.sh does)'));

await rm(PACKAGE, { recursive: true, force: true });
for (const [to, from] of FILES) {
  await mkdir(dirname(join(PACKAGE, to)), { recursive: true });
  await copyFile(join(ROOT, from), join(PACKAGE, to));
}

// The manifest, from the element's @attr, @fires, @csspart and @cssprop tags, without
// the class's private `#` members.
const run = (command, args, options) => execFileSync(command, args, { cwd: PACKAGE, encoding: 'utf8', ...options });
run(join(ROOT, 'node_modules/.bin/cem'), ['analyze', '--globs', 'parallax-compare.js', '--outdir', '.', '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
const elements = JSON.parse(await readFile(join(PACKAGE, 'custom-elements.json'), 'utf8'));
for (const module of elements.modules) {
  for (const declaration of module.declarations ?? []) {
    declaration.members = declaration.members?.filter((member) => member.privacy !== 'private');
  }
}
await writeFile(join(PACKAGE, 'custom-elements.json'), `${JSON.stringify(elements, null, 2)}\n`);

const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', OUT], { stdio: ['ignore', 'pipe', 'inherit'] }));
console.log(join(OUT, packed[0].filename));
