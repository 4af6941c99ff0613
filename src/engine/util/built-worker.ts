/**
 * The file a worker thread runs: JavaScript that `npm run build:bundles` built from our sources at
 * install (and `npm test` before the tests); nothing is bundled at run time.
 *
 * @example new Worker(await builtWorker('picture-worker'), { workerData })
 */
import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { builtFile, type BundleName } from '../../bundles/entries.js';

export async function builtWorker(name: BundleName): Promise<URL> {
  const file = builtFile(name);
  try {
    await access(file);
  } catch {
    throw new Error(`worker code ${fileURLToPath(file)} is missing: run npm run build:bundles (npm install does)`);
  }
  return file;
}
