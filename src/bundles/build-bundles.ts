/**
 * `npm run build:bundles`: esbuild bundles of the worker threads and the CLI (see entries.ts), built
 * once at install and before the tests, never at run time.
 *
 * The bundles live in build/, away from the sources, so two things keep pointing home: every
 * `import.meta.url` in our sources is replaced by that file's own URL (the speech engines and the
 * kernels find their files relative to it), and npm packages are not bundled but imported from
 * their installed files by absolute URL (some find their WASM next to themselves).
 *
 * @example
 *   await buildBundle(new URL('./worker-main.ts', import.meta.url), { outfile: '/tmp/w.mjs' });
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUILD_DIR, BUNDLES, CLI_BUNDLE } from './entries.js';

/**
 * ESM packages every bundle of ours takes in (TypeBox: hundreds of small module files, resolved and
 * loaded one by one otherwise — ~0.2 s of CPU in each render worker at every start)
 */
export const INLINED_PACKAGES = /^@sinclair\/typebox(\/|$)/;

/** the name of each bundled source's own URL (esbuild renames each module's copy apart) */
const SOURCE_URL = '__moviolaSourceUrl';

const keepHome = (inline: RegExp | null): Plugin => ({
  name: 'moviola-keep-home',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (isBuiltin(args.path) || (args.pluginData as { inner?: boolean } | undefined)?.inner) return undefined;
      if (inline?.test(args.path)) return undefined;
      const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { inner: true } });
      if (found.errors.length) return { errors: found.errors };
      return { path: pathToFileURL(found.path).href, external: true };
    });
    // each source gets a constant holding its own URL, which `define` (bundleOptions) puts in place
    // of import.meta.url in code only (a string that mentions import.meta.url is left alone);
    // on the first line, so the source map's lines stay the file's
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: `const ${SOURCE_URL} = ${JSON.stringify(pathToFileURL(args.path).href)};${source}`, loader: 'ts' };
    });
  },
});

/**
 * What every bundle of ours is: ESM for Node 20, our sources keeping their home, npm packages (but
 * `inline`, which must not read import.meta.url: only our sources have their own) imported from
 * where they are installed.
 */
export function bundleOptions(inline: RegExp | null = null): BuildOptions {
  return {
    bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning',
    plugins: [keepHome(inline)], define: { 'import.meta.url': SOURCE_URL },
  };
}

/** one entry as one ESM file (`outfile`), or split into chunks (`outdir`) */
export async function buildBundle(entry: URL, target: { outfile: string } | { outdir: string }, inline: RegExp | null = null): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(entry)],
    ...bundleOptions(inline),
    ...('outdir' in target ? { outdir: target.outdir, splitting: true, entryNames: '[name]', chunkNames: 'chunks/[name]-[hash]', outExtension: { '.js': '.mjs' } } : { outfile: target.outfile }),
  });
}

export async function buildAll(): Promise<void> {
  const builds = Object.values(BUNDLES).map((b) => buildBundle(new URL(b.source, import.meta.url), { outfile: fileURLToPath(new URL(b.out, BUILD_DIR)) }, INLINED_PACKAGES));
  const cliDir = fileURLToPath(new URL(CLI_BUNDLE.outdir, BUILD_DIR));
  // chunk names carry hashes: start clean so old ones don't pile up
  rmSync(cliDir, { recursive: true, force: true });
  builds.push(buildBundle(new URL(CLI_BUNDLE.source, import.meta.url), { outdir: cliDir }, INLINED_PACKAGES));
  await Promise.all(builds);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildAll();
