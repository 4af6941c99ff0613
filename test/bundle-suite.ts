/**
 * `npm test`'s first step (run-suite.mjs): every test file bundled, with the sources it imports,
 * into one JavaScript file under `outdir` (the same relative path, `.mjs`), so each test process
 * runs plain Node: no TypeScript loader translating its hundreds of modules one by one through
 * loader hooks (about 3 s of CPU per file under tsx).
 *
 * The bundles are made as the worker and CLI bundles are (src/bundles/build-bundles.ts): each
 * source file keeps its own `import.meta.url` (fixtures, bin/, build/ are found from the source
 * tree) and npm packages are imported from where they are installed. Source maps point failures
 * at the TypeScript lines.
 *
 * @example
 *   node --import tsx test/bundle-suite.ts /tmp/bundles test/api/bad-input.test.ts …  # prints the bundles' paths as JSON
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { bundleOptions, INLINED_PACKAGES } from '../src/bundles/build-bundles.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** bundles `files` (paths relative to the repository) into `outdir`; the bundles' paths, in order */
export async function bundleSuite(files: string[], outdir: string): Promise<string[]> {
  await build({
    ...bundleOptions(INLINED_PACKAGES),
    entryPoints: files, absWorkingDir: root, outbase: root, outdir,
    outExtension: { '.js': '.mjs' }, sourcemap: 'linked',
  });
  return files.map((f) => `${outdir}/${f.replace(/\.ts$/, '.mjs')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [outdir, ...files] = process.argv.slice(2);
  process.stdout.write(JSON.stringify(await bundleSuite(files, outdir!)));
}
