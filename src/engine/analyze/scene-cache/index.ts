/**
 * analyzeImage through the disk cache (./disk-cache.ts): a picture analysed before, by this engine
 * version, is read back instead (its pixels decoded again from the bytes, which also checks them
 * against the input rules); a new one is analysed and kept. Where it lives: ./cache-dir.ts.
 *
 * @example
 *   const scene = await analyzeImageCached(bytes, sceneCacheDir(process.env, './data/cache'));
 */
import type { Scene } from '../../scene.js';
import { decodeImage } from '../decode.js';
import { analyzeImage, imageHash } from '../index.js';
import { SceneDiskCache } from './disk-cache.js';

export { SceneDiskCache } from './disk-cache.js';
export { sceneCacheDir } from './cache-dir.js';

const caches = new Map<string, SceneDiskCache>();

/** analyzeImage(bytes), kept in and read from the scene cache at `dir` (null: analysed every time) */
export async function analyzeImageCached(bytes: Buffer, dir: string | null, cache = dir ? cacheAt(dir) : null): Promise<Scene> {
  if (!cache) return analyzeImage(bytes);
  const kept = await cache.read(imageHash(bytes));
  if (kept) {
    const { image } = await decodeImage(bytes);
    if (image.width === kept.image.width && image.height === kept.image.height) return { ...kept, image };
  }
  const scene = await analyzeImage(bytes);
  await cache.write(scene);
  return scene;
}

function cacheAt(dir: string): SceneDiskCache {
  let cache = caches.get(dir);
  if (!cache) caches.set(dir, (cache = new SceneDiskCache(dir)));
  return cache;
}
