/**
 * The bundles npm builds at install: a bundled worker sees its own source file as `import.meta.url`
 * and imports npm packages from where they are installed; the engine's workers start from the
 * built files, which load at start neither TypeBox's hundreds of module files (inlined) nor the
 * music synthesizer (imported with the first music); the built CLI answers --help and --version
 * without loading the engine.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildBundle } from '../../src/bundles/build-bundles.js';
import { BUNDLES, builtFile, type BundleName } from '../../src/bundles/entries.js';
import { builtWorker } from '../../src/engine/util/built-worker.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// inside the repository, so the worker's bare imports resolve to its node_modules
const dir = mkdtempSync(join(root, 'test', '.bundle-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a bundled worker keeps its own import.meta.url and its packages', async () => {
  const dep = join(dir, 'dep.ts');
  const entry = join(dir, 'entry.ts');
  writeFileSync(dep, `export const home: string = import.meta.url;\n`);
  writeFileSync(entry, [
    `import { parentPort } from 'node:worker_threads';`,
    `import { Type } from '@sinclair/typebox';`,
    `import { home } from './dep.js';`,
    `parentPort!.postMessage({ home, typebox: Type.String().type });`,
  ].join('\n'));
  const outfile = join(dir, 'out', 'entry.mjs');
  await buildBundle(pathToFileURL(entry), { outfile });
  const said = await new Promise<{ home: string; typebox: string }>((resolve, reject) => {
    const w = new Worker(pathToFileURL(outfile));
    w.once('message', (m) => { resolve(m); void w.terminate(); });
    w.once('error', reject);
  });
  assert.equal(said.home, pathToFileURL(dep).href, 'import.meta.url is the source file, not the bundle');
  assert.equal(said.typebox, 'string', 'the npm package loaded from node_modules');
});

test('every worker runs from its built file (npm install and npm test build them)', async () => {
  for (const name of Object.keys(BUNDLES) as BundleName[]) {
    assert.ok(existsSync(builtFile(name)), `${name}: ${fileURLToPath(builtFile(name))}`);
    assert.equal((await builtWorker(name)).href, builtFile(name).href);
  }
});

test('a worker starts without TypeBox\'s module files or the synthesizer (each thread pays for what it loads at start)', () => {
  for (const name of Object.keys(BUNDLES) as BundleName[]) {
    const code = readFileSync(builtFile(name), 'utf8');
    const loaded = [...code.matchAll(/^import [^;]*? from "([^"]+)"/gm)].map((m) => m[1]!);
    assert.ok(loaded.some((url) => url.startsWith('node:')), `${name}: the check reads the bundle's static imports`);
    assert.deepEqual(loaded.filter((url) => /@sinclair\/typebox|spessasynth_core/.test(url)), [], `${name} loads them at start`);
  }
});

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => execFile(process.execPath, [join(root, 'bin/moviola.js'), ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
    resolve({ code: error ? Number(error.code) : 0, stdout, stderr, ms: performance.now() - started });
  }));
}

test('moviola --version prints the package version; an unknown option exits 2 naming it', async () => {
  const { version } = JSON.parse((await import('node:fs')).readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const v = await run(['--version']);
  assert.equal(v.code, 0, v.stderr);
  assert.equal(v.stdout.trim(), version);
  const bad = await run(['--frobnicate']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown option '--frobnicate'/);
});
