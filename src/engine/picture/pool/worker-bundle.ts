/**
 * The render worker's code as one JavaScript file. Loading the worker's TypeScript module graph
 * through tsx costs each worker about half a second (some 250 modules, TypeBox included, each
 * through the loader hooks); esbuild bundles it once per process in ~0.1 s, from the current
 * sources, so a worker starts in a few tens of milliseconds and never runs stale code. The bundle
 * is written under the OS temp directory, named by its content hash.
 *
 * @example new Worker(workerBundle(), { workerData })
 */
import { buildSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

let bundled: URL | null = null;

export function workerBundle(): URL {
  if (bundled) return bundled;
  const result = buildSync({
    entryPoints: [fileURLToPath(new URL('./worker-main.ts', import.meta.url))],
    bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20', logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  const file = join(tmpdir(), `moviola-picture-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    // written aside and renamed, so a concurrent process never loads half a file
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  }
  bundled = pathToFileURL(file);
  return bundled;
}
