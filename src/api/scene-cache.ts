/**
 * A small in-process cache of analysed scenes by image hash: the submit route analyses the image to
 * validate it, and the worker in the same process reuses that analysis instead of repeating it.
 *
 * @example
 *   sceneCache.set(hash, scene); sceneCache.get(hash) // → scene
 */
import type { Scene } from '../engine/scene.js';

/** decoded pixels kept at most (a Scene holds the full-resolution image) */
const MAX_PIXELS = 24_000_000;

class SceneCache {
  private readonly entries = new Map<string, Scene>();

  get(hash: string): Scene | undefined {
    const scene = this.entries.get(hash);
    if (scene) {
      this.entries.delete(hash);
      this.entries.set(hash, scene);
    }
    return scene;
  }

  set(hash: string, scene: Scene): void {
    this.entries.delete(hash);
    this.entries.set(hash, scene);
    let pixels = 0;
    for (const s of this.entries.values()) pixels += s.image.width * s.image.height;
    while (pixels > MAX_PIXELS && this.entries.size > 1) {
      const oldest = this.entries.keys().next().value as string;
      const s = this.entries.get(oldest)!;
      pixels -= s.image.width * s.image.height;
      this.entries.delete(oldest);
    }
  }
}

export const sceneCache = new SceneCache();
