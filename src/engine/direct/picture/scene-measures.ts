/**
 * What the picture director measures in a Scene: how much of the frame each region covers, how
 * near the subject and the background are. Cheap reductions over the analysis raster.
 *
 * @example
 *   regionCoverage(scene, 'sky');   // 0.4 when the top 40 % is sky
 *   subjectNearness(scene);         // 0.85 for a portrait shot with a shallow background
 */
import type { Scene } from '../../scene.js';

export type MaskRegion = 'sky' | 'water' | 'foliage' | 'lights';

/** Mean of a region's soft mask: the fraction of the frame it covers, 0…1. */
export function regionCoverage(scene: Scene, region: MaskRegion): number {
  const mask = scene.maps[region];
  if (!mask.length) return 0;
  let sum = 0;
  for (let i = 0; i < mask.length; i++) sum += mask[i]!;
  return sum / mask.length;
}

/** A region counts as present when it covers at least 1 % of the frame. */
export function hasRegion(scene: Scene, region: MaskRegion): boolean {
  return regionCoverage(scene, region) >= 0.01;
}

/** Mean nearness inside the subject box (the pivot of orbits, the focal plane of rack focus). */
export function subjectNearness(scene: Scene): number {
  // the subject layer's own nearness when analysis found one (analyze/layers)
  if (scene.layers?.subjectDepth != null) return scene.layers.subjectDepth;
  const { width, height, depth } = scene.maps;
  const b = scene.subject;
  const x0 = Math.max(0, Math.floor(b.x * width)), x1 = Math.min(width, Math.ceil((b.x + b.w) * width));
  const y0 = Math.max(0, Math.floor(b.y * height)), y1 = Math.min(height, Math.ceil((b.y + b.h) * height));
  let sum = 0, count = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) { sum += depth[y * width + x]!; count++; }
  return count ? sum / count : 0.5;
}

/** A low percentile of nearness over the frame: where "the background" is. */
export function backgroundNearness(scene: Scene, percentile = 0.15): number {
  // behind a subject layer, the background is what lies clearly outside its matte
  if (scene.layers?.backgroundDepth != null) return scene.layers.backgroundDepth;
  return depthPercentile(scene, percentile);
}

/** The p-th percentile (0…1) of the depth map, by a 256-bin histogram. */
export function depthPercentile(scene: Scene, p: number): number {
  const depth = scene.maps.depth;
  if (!depth.length) return 0.5;
  const bins = new Uint32Array(256);
  for (let i = 0; i < depth.length; i++) bins[Math.min(255, Math.max(0, Math.round(depth[i]! * 255)))]!++;
  const target = p * depth.length;
  let seen = 0;
  for (let b = 0; b < 256; b++) {
    seen += bins[b]!;
    if (seen >= target) return b / 255;
  }
  return 1;
}
