#!/usr/bin/env node
// `npm test`'s runner: node's test runner over every test file, two at a time, with one scene cache
// (MOVIOLA_CACHE_DIR) for the whole run in a fresh temporary folder, so a photo several files use
// is analysed once per run, not once per file; the folder is removed at the end. Tests whose
// subject is the analysis call analyzeImage itself, which never reads the cache.
// Arguments are passed on to `node --test` (e.g. --test-name-pattern).
import { spawn } from 'node:child_process';
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
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...process.argv.slice(2), ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, MOVIOLA_CACHE_DIR: cacheDir },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  rmSync(cacheDir, { recursive: true, force: true });
  process.exitCode = code ?? (signal ? 1 : 0);
});
