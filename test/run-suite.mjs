#!/usr/bin/env node
// `npm test`'s runner: node's test runner over every test file, two at a time, with one scene cache
// (MOVIOLA_CACHE_DIR) for the whole run in a fresh temporary folder, so a photo several files use
// is analysed once per run, not once per file; the folder is removed at the end. Tests whose
// subject is the analysis call analyzeImage itself, which never reads the cache.
// Each test file runs from its bundle (test/bundle-suite.ts, made first into another temporary
// folder): plain Node with source maps, no TypeScript loader in every test process.
// Arguments are passed on to `node --test` (e.g. --test-name-pattern).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = readdirSync(join(root, 'test'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => relative(root, join(root, 'test', f)))
  .sort();
const cacheDir = mkdtempSync(join(tmpdir(), 'moviola-test-scenes-'));
const bundleDir = mkdtempSync(join(tmpdir(), 'moviola-test-bundles-'));
const cleanUp = () => {
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(bundleDir, { recursive: true, force: true });
};

const bundled = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test/bundle-suite.ts'), bundleDir, ...files], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
if (bundled.status !== 0) {
  cleanUp();
  console.error(`run-suite: the test files could not be bundled (${bundled.error?.message ?? `exit ${bundled.status}`})`);
  process.exit(1);
}
const bundles = JSON.parse(bundled.stdout);

const child = spawn(process.execPath, ['--enable-source-maps', '--test', '--test-concurrency=2', ...process.argv.slice(2), ...bundles], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, MOVIOLA_CACHE_DIR: cacheDir },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  cleanUp();
  process.exitCode = code ?? (signal ? 1 : 0);
});
