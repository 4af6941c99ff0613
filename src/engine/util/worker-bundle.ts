/**
 * A worker thread's code as one JavaScript file. Loading a worker's TypeScript module graph
 * through tsx costs each worker about half a second (hundreds of modules, each through the loader
 * hooks); esbuild bundles our sources once per process in ~0.1 s, from the current sources, so a
 * worker starts in a few tens of milliseconds and never runs stale code. The bundle is written
 * under the OS temp directory, named by its content hash.
 *
 * The bundle lives elsewhere than the sources, so two things are kept pointing home: every
 * `import.meta.url` in our sources is replaced by that file's own URL (speech engines and kernels
 * find their files relative to it), and npm packages are not bundled but imported from their
 * installed files by absolute URL (some find their WASM next to themselves).
 *
 * @example new Worker(await workerBundle(new URL('./worker-main.ts', import.meta.url), 'picture-worker'), { workerData })
 */
import { build, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundles = new Map<string, Promise<URL>>();

const keepHome: Plugin = {
  name: 'moviola-keep-home',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (isBuiltin(args.path) || (args.pluginData as { inner?: boolean } | undefined)?.inner) return undefined;
      const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { inner: true } });
      if (found.errors.length) return { errors: found.errors };
      return { path: pathToFileURL(found.path).href, external: true };
    });
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

async function bundle(entry: URL, name: string): Promise<URL> {
  const result = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20', logLevel: 'silent',
    plugins: [keepHome],
  });
  const code = result.outputFiles[0]!.text;
  const file = join(tmpdir(), `moviola-${name}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    // written aside and renamed, so a concurrent process never loads half a file
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  }
  return pathToFileURL(file);
}

/** The bundle of this worker entry point (built once per process); `name` names its file. */
export function workerBundle(entry: URL, name: string): Promise<URL> {
  let bundled = bundles.get(entry.href);
  if (!bundled) {
    bundled = bundle(entry, name);
    bundled.catch(() => bundles.delete(entry.href));
    bundles.set(entry.href, bundled);
  }
  return bundled;
}
