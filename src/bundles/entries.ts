/**
 * What `npm run build:bundles` builds (at install, and before `npm test`): the worker threads' code
 * and the CLI, each as JavaScript under build/, so nothing is compiled or bundled at run time.
 * Worker threads start from these files (util/built-worker.ts); bin/moviola.js runs the CLI's.
 *
 * @example
 *   builtFile('picture-worker') // → file:///…/build/workers/picture-worker.mjs
 */
export const BUNDLES = {
  /** a render worker (picture/pool) */
  'picture-worker': { source: '../engine/picture/pool/worker-main.ts', out: 'workers/picture-worker.mjs' },
  /** the engine's helper thread (pixel analysis beside the face models; the soundtrack and the layers' nearness beside the picture's setup) */
  helper: { source: '../engine/helper/helper-main.ts', out: 'workers/helper.mjs' },
  /** the API's submit-time image analysis thread */
  'analyze-thread': { source: '../api/analyze-thread/worker-main.ts', out: 'workers/analyze-thread.mjs' },
} as const;

export type BundleName = keyof typeof BUNDLES;

/** the CLI: its entry, and the folder its chunks go to (split so a command loads only its own code) */
export const CLI_BUNDLE = { source: '../cli/index.ts', outdir: 'cli' } as const;

export const BUILD_DIR = new URL('../../build/', import.meta.url);

export function builtFile(name: BundleName): URL {
  return new URL(BUNDLES[name].out, BUILD_DIR);
}
