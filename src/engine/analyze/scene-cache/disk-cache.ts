/**
 * Analysed scenes kept on disk, one file per image and engine version (./scene-file.ts), so that a
 * picture seen before is not analysed again — by a later CLI run, another worker process, another
 * test file. Keyed by the image's hash and the engine's code version (../../code-version.ts): a
 * file an older engine wrote is never read. Written atomically (a temporary file renamed), so a
 * reader sees a whole file or none; bounded in bytes, the least recently used going first. A file
 * that cannot be read, is corrupt or is of another key is a miss, and a cache that cannot be
 * written is no cache: neither is ever an error.
 *
 * @example
 *   const cache = new SceneDiskCache('/var/lib/moviola/cache');
 *   const kept = await cache.read(hash);  // null the first time
 *   await cache.write(scene);             // the next read of its hash finds it
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Scene } from '../../scene.js';
import { engineCodeVersion } from '../../code-version.js';
import { decodeScene, encodeScene, type StoredScene } from './scene-file.js';

/** about 70 scenes of a 512-px analysis raster (7 MB each); the pictures' pixels are not kept */
export const MAX_CACHE_BYTES = 512 * 2 ** 20;

const SUFFIX = '.scene';
/** a temporary file this old was left by a writer that died */
const STALE_TEMP_MS = 10 * 60_000;

export class SceneDiskCache {
  constructor(
    readonly dir: string,
    private readonly maxBytes = MAX_CACHE_BYTES,
    /** the engine's code version (null: unknown, nothing is cached) */
    private readonly version: string | null = engineCodeVersion(),
  ) {}

  /** the scene kept for the image with this sha256 (hex), without its pixels; null when none */
  async read(hash: string): Promise<StoredScene | null> {
    if (!this.version) return null;
    const file = this.fileOf(hash);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return null;
    }
    const scene = decodeScene(bytes, this.keyOf(hash));
    if (!scene) {
      await rm(file, { force: true }).catch(() => undefined);
      return null;
    }
    // used now: the last to go when the cache is trimmed
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return scene;
  }

  /** keeps `scene` (its hash names it), then trims the cache to its bound */
  async write(scene: Scene): Promise<void> {
    if (!this.version) return;
    const file = this.fileOf(scene.hash);
    const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(temp, encodeScene(scene, this.keyOf(scene.hash)));
      await rename(temp, file);
      await this.trim();
    } catch {
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }

  /** deletes the least recently used scenes until the rest fit the bound, and dead writers' temporary files */
  private async trim(): Promise<void> {
    const files: Array<{ path: string; bytes: number; used: number }> = [];
    for (const name of await readdir(this.dir)) {
      const path = join(this.dir, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) continue;
      if (name.endsWith(SUFFIX)) files.push({ path, bytes: info.size, used: info.mtimeMs });
      else if (name.endsWith('.tmp') && Date.now() - info.mtimeMs > STALE_TEMP_MS) await rm(path, { force: true });
    }
    let total = files.reduce((sum, f) => sum + f.bytes, 0);
    files.sort((a, b) => a.used - b.used);
    for (const f of files) {
      if (total <= this.maxBytes) break;
      await rm(f.path, { force: true });
      total -= f.bytes;
    }
  }

  private keyOf(hash: string): string {
    return `${hash} ${this.version}`;
  }

  private fileOf(hash: string): string {
    return join(this.dir, createHash('sha256').update(this.keyOf(hash)).digest('hex') + SUFFIX);
  }
}
