/**
 * A drawn Scene with a layered subject, for tests of the layered setup: a grainy warm box (the
 * subject: synthetic-scene's centre box, near, its matte) before grainy cool stripes (far). Also
 * the picture as RGBA at its own size (what the setup's layers take).
 *
 * @example const { scene, picture } = layeredScene(240, 135, 9);
 */
import type { Scene } from '../../src/engine/scene.js';
import { makeScene } from './synthetic-scene.js';
import { seededNoise } from './seeded-noise.js';

export function layeredScene(W: number, H: number, seed: number): { scene: Scene; picture: Uint8Array } {
  const scene = makeScene({ width: W, height: H, depth: 'subject' });
  const noise = seededNoise(seed), matte = new Float32Array(W * H), picture = new Uint8Array(W * H * 4);
  for (let i = 0; i < W * H; i++) {
    const box = scene.maps.depth[i]! > 0.5, g = 40 * noise();
    matte[i] = box ? 1 : 0;
    const rgb = box ? [190 + g, 130 + g, 100 + g] : [80 + g + 30 * Math.sin(i / 7), 120 + g, 160 + g];
    for (let k = 0; k < 3; k++) picture[i * 4 + k] = scene.image.data[i * 3 + k] = Math.round(Math.min(255, Math.max(0, rgb[k]!)));
    picture[i * 4 + 3] = 255;
  }
  return {
    picture,
    scene: { ...scene, layers: { bands: [{ far: 0.5, near: 1, share: 0.11 }, { far: 0, near: 0.5, share: 0.89 }], cuts: [{ at: 0.5, score: 1 }], matte, matteSource: 'depth', subjects: [scene.subject], subjectDepth: 0.85, backgroundDepth: 0.2 } },
  };
}
