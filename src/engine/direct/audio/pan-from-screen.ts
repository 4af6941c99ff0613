/**
 * Where a sound's source is on screen, as an audio pan: the centroid of a Scene region mask (sky
 * for thunder, lights for fire …), or a box's centre, mapped from x 0…1 to pan −0.8…0.8.
 *
 * @example
 *   regionPan(scene, 'sky') // → -0.3 when the sky is mostly on the left
 */
import type { Scene } from '../../scene.js';

export const xToPan = (x: number) => Math.max(-0.8, Math.min(0.8, (x - 0.5) * 1.6));

export function regionPan(scene: Scene, region: 'sky' | 'water' | 'foliage' | 'lights' | 'people'): number {
  const { width, height } = scene.maps;
  const mask = scene.maps[region];
  let sum = 0, weighted = 0;
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      const v = mask[y * width + x] ?? 0;
      sum += v;
      weighted += v * (x / Math.max(1, width - 1));
    }
  }
  return sum > 1e-6 ? xToPan(weighted / sum) : 0;
}

export function subjectPan(scene: Scene): number {
  return xToPan(scene.subject.x + scene.subject.w / 2);
}
