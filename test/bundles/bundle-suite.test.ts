/**
 * The suite's bundles (test/bundle-suite.ts, what `npm test` runs): a bundled test file runs on
 * plain Node, sees its own source as `import.meta.url` (so fixtures are found from the source tree)
 * while a string that mentions import.meta.url stays as written, imports npm packages from where
 * they are installed, and a failure is reported at the TypeScript line, not the bundle's.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleSuite } from '../bundle-suite.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// inside the repository, as the test files are
const dir = mkdtempSync(join(root, 'test', '.bundle-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a bundled test file runs on plain Node from its own source tree, and fails at its TypeScript line', async () => {
  const dep = join(dir, 'dep.ts');
  const entry = join(dir, 'probe.test.ts');
  writeFileSync(dep, `export const home: string = import.meta.url;\n`);
  writeFileSync(entry, [
    `import { test } from 'node:test';`,
    `import assert from 'node:assert/strict';`,
    `import sharp from 'sharp';`,
    `import { home } from './dep.js';`,
    `const self: string = import.meta.url;`,
    `const mention = 'a string that says import.meta.url';`,
    `test('says where it is', () => console.log('PROBE ' + JSON.stringify({ home, self, mention, sharp: typeof sharp })));`,
    `test('fails on purpose', () => assert.equal(1, 2));`,
  ].join('\n'));
  const [bundle] = await bundleSuite([relative(root, entry)], join(dir, 'out'));
  assert.ok(bundle!.startsWith(join(dir, 'out')) && bundle!.endsWith('probe.test.mjs'), bundle);
  // as run-suite.mjs runs it (a run of its own: not as a child of this test run)
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => execFile(
    process.execPath, ['--enable-source-maps', '--test', '--test-reporter=tap', bundle!], { timeout: 60_000, env },
    (error, out) => resolve({ code: error ? Number(error.code) : 0, stdout: out })));
  const said = JSON.parse(/PROBE (\{.*\})/.exec(stdout)?.[1] ?? 'null') as Record<string, string> | null;
  assert.deepEqual(said, { home: pathToFileURL(dep).href, self: pathToFileURL(entry).href, mention: 'a string that says import.meta.url', sharp: 'function' }, stdout);
  assert.equal(code, 1, 'the deliberate failure fails the run');
  assert.ok(stdout.includes(`${entry}:8:`), `the failure is located in the source file: ${stdout}`);
});
