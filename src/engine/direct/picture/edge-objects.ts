/**
 * How much of each edge of the picture is an object rather than texture: the share of a thin
 * strip along the edge that analyze/distinctiveness.ts marks as distinctive (no look-alike
 * elsewhere in the picture). Synthesis continues texture beyond an edge (grass, sky, a crowd) but
 * never copies an object, so a ball or a logo cut by the bottom edge cannot be continued there:
 * the director keeps a move from revealing much beyond such an edge.
 *
 * Measured on a copy about 320 px wide, as synthesis sees the picture, scoring only the strips
 * (a few tens of milliseconds), and only when a move reveals.
 *
 * @example edgeObjects(scene) // → { left: 0, right: 0.05, top: 0, bottom: 0.4 }
 */
import type { Scene } from '../../scene.js';
import { distinctiveness, distinctMask } from '../../analyze/distinctiveness.js';
import { downsampleRgb } from '../../analyze/resample.js';
import type { Reveal } from './camera/reveal.js';

/** the strip along each edge, as a fraction of the picture's width (sides) or height */
export const EDGE_STRIP = 0.04;
const SIZE = 320;

/** The picture as the edge measures read it (RGB, at most 320 px on its longer side). */
export function edgeRaster(scene: Scene): { w: number; h: number; small: Uint8Array } {
  const { width: W, height: H, data } = scene.image;
  const k = Math.min(1, SIZE / Math.max(W, H));
  const w = Math.max(8, Math.round(W * k)), h = Math.max(8, Math.round(H * k));
  return { w, h, small: downsampleRgb(data, W, H, w, h) };
}

export function edgeObjects(scene: Scene): Reveal {
  const { w, h, small } = edgeRaster(scene);
  const sx = Math.max(2, Math.round(EDGE_STRIP * w)), sy = Math.max(2, Math.round(EDGE_STRIP * h));
  // only the strips are scored (look-alikes are sought over the whole picture)
  const only = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (x < sx || x >= w - sx || y < sy || y >= h - sy) only[y * w + x] = 1;
  const objects = distinctMask(distinctiveness(small, 3, w, h, { seed: 1, only }), only, w);
  const share = (x0: number, y0: number, x1: number, y1: number) => {
    let n = 0, total = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) { n += objects[y * w + x]!; total++; }
    return total ? n / total : 0;
  };
  return {
    left: share(0, 0, sx, h), right: share(w - sx, 0, w, h),
    top: share(0, 0, w, sy), bottom: share(0, h - sy, w, h),
  };
}
