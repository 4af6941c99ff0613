/**
 * Worker bundles: a bundled worker still sees its own source file as `import.meta.url` and imports
 * npm packages from where they are installed; a later process reuses the bundle while every source
 * keeps its size and modification time, and an edited source is bundled again (a worker never
 * runs stale code).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
// inside the repository, so the worker's bare imports resolve to its node_modules
const dir = mkdtempSync(join(root, 'test', '.worker-bundle-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const entry = join(dir, 'entry.ts');
const dep = join(dir, 'dep.ts');

// whole seconds in the past: set exactly (fractional times lose a little precision on the way)
const written = Math.floor(Date.now() / 1000) - 60;

/** Writes dep.ts, dated `at` seconds (the entry is written once). */
function write(version: string, at = written): void {
  writeFileSync(dep, `export const version: string = '${version}';\nexport const home: string = import.meta.url;\n`);
  utimesSync(dep, at, at);
  if (!existsSync(entry)) writeFileSync(entry, [
    `import { parentPort } from 'node:worker_threads';`,
    `import { Type } from '@sinclair/typebox';`,
    `import { home, version } from './dep.js';`,
    `parentPort!.postMessage({ version, home, typebox: Type.String().type });`,
  ].join('\n'));
}

/** In a fresh process: bundles the entry, runs it in a worker, prints what it said and the bundle. */
function runFresh(): { version: string; home: string; typebox: string; bundle: string } {
  const script = join(dir, 'run.mts');
  writeFileSync(script, `
    import { Worker } from 'node:worker_threads';
    import { workerBundle } from ${JSON.stringify(pathToFileURL(join(root, 'src/engine/util/worker-bundle.ts')).href)};
    const bundle = await workerBundle(new URL(${JSON.stringify(pathToFileURL(entry).href)}), 'bundle-test');
    const said = await new Promise((resolve, reject) => { const w = new Worker(bundle); w.once('message', (m) => { resolve(m); void w.terminate(); }); w.once('error', reject); });
    console.log(JSON.stringify({ ...said, bundle: bundle.href }));
  `);
  const out = execFileSync(process.execPath, ['--import', 'tsx', script], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}

test('a bundled worker keeps its own import.meta.url and its packages; a changed source rebuilds it', () => {
  write('one');
  const first = runFresh();
  assert.equal(first.version, 'one');
  assert.equal(first.home, pathToFileURL(dep).href, 'import.meta.url is the source file, not the bundle');
  assert.equal(first.typebox, 'string', 'the npm package loaded from node_modules');
  assert.notEqual(first.bundle, pathToFileURL(entry).href);

  // same size and modification time: the sources count as unchanged, so the bundle is reused
  // without building (this is how a reuse shows: the worker still says 'one')
  write('uno');
  const reused = runFresh();
  assert.equal(reused.bundle, first.bundle);
  assert.equal(reused.version, 'one', 'the bundle was reused, not rebuilt');

  // an edit (a new modification time) rebuilds it
  utimesSync(dep, written + 2, written + 2);
  const edited = runFresh();
  assert.equal(edited.version, 'uno', 'the worker runs the edited source');
  assert.notEqual(edited.bundle, first.bundle);
  write('two!', written + 4);
  assert.equal(runFresh().version, 'two!');
});
