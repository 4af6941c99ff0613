/**
 * A picture's Scene for tests whose subject is not the analysis (renders, the director, framing):
 * read from the run's scene cache when there is one (`npm test` sets MOVIOLA_CACHE_DIR for all
 * files, so a photo many files use is analysed once per run), else analysed. The Scene is the
 * same either way (test/engine/analyze/scene-cache.test.ts). Tests of the analysis itself call
 * analyzeImage, which never reads the cache.
 *
 * @example
 *   const scene = await analyzed(await readFile(fixture('cat-closeup.png')));
 */
import type { Scene } from '../../src/engine/scene.js';
import { analyzeImageCached, sceneCacheDir } from '../../src/engine/analyze/scene-cache/index.js';

export function analyzed(bytes: Buffer): Promise<Scene> {
  return analyzeImageCached(bytes, sceneCacheDir());
}
