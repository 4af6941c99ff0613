/**
 * A worker thread's code as one JavaScript file. Loading a worker's TypeScript module graph
 * through tsx costs each worker about half a second (hundreds of modules, each through the loader
 * hooks); esbuild bundles our sources in ~0.1 s, so a worker starts in a few tens of milliseconds.
 * The bundle is written under the OS temp directory with a manifest of the sources it was built
 * from (path, size, modification time); a later process whose sources all still match reuses it
 * without building, and any change rebuilds it, so a worker never runs stale code.
 *
 * The bundle lives elsewhere than the sources, so two things are kept pointing home: every
 * `import.meta.url` in our sources is replaced by that file's own URL (speech engines and kernels
 * find their files relative to it), and npm packages are not bundled but imported from their
 * installed files by absolute URL (some find their WASM next to themselves).
 *
 * @example new Worker(await workerBundle(new URL('./worker-main.ts', import.meta.url), 'picture-worker'), { workerData })
 */
import { build, version as esbuildVersion, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What a bundle was built from: each source's [size, whole milliseconds of its mtime]. */
interface Manifest { bundle: string; sources: Record<string, [number, number]> }

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

function fingerprint(path: string): [number, number] | null {
  try {
    const s = statSync(path);
    return [s.size, Math.trunc(s.mtimeMs)];
  } catch {
    return null;
  }
}

/** The bundle a manifest names, if every source it lists is unchanged. */
function upToDate(manifestFile: string): string | null {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    const fresh = Object.entries(manifest.sources).every(([path, [size, mtime]]) => {
      const now = fingerprint(path);
      return now !== null && now[0] === size && now[1] === mtime;
    });
    return fresh && existsSync(manifest.bundle) ? manifest.bundle : null;
  } catch {
    return null;
  }
}

/** Written aside and renamed, so a concurrent process never reads half a file. */
function writeAtomically(file: string, contents: string): void {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, contents);
  renameSync(partial, file);
}

async function bundle(entry: URL, name: string): Promise<URL> {
  const entryPath = fileURLToPath(entry);
  const key = createHash('sha256').update(`${entryPath}\0${esbuildVersion}`).digest('hex').slice(0, 12);
  const manifestFile = join(tmpdir(), `moviola-${name}-${key}.json`);
  const cached = upToDate(manifestFile);
  if (cached) return pathToFileURL(cached);

  const workingDir = process.cwd();
  const startedAt = Date.now();
  const result = await build({
    entryPoints: [entryPath],
    bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20', logLevel: 'silent',
    metafile: true, absWorkingDir: workingDir,
    plugins: [keepHome],
  });
  const code = result.outputFiles[0]!.text;
  const file = join(tmpdir(), `moviola-${name}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) writeAtomically(file, code);
  const sources: Manifest['sources'] = {};
  // this file too: a change to how bundles are made rebuilds them
  for (const path of [fileURLToPath(import.meta.url), ...Object.keys(result.metafile.inputs).map((input) => resolve(workingDir, input))]) {
    sources[path] = fingerprint(path) ?? [-1, -1];
  }
  // a source changed while it was being bundled: use this bundle, but don't vouch for it
  const settled = Object.values(sources).every(([size, mtime]) => size >= 0 && mtime < startedAt);
  if (settled) writeAtomically(manifestFile, JSON.stringify({ bundle: file, sources } satisfies Manifest));
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
