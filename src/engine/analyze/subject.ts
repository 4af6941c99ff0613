/**
 * The subject box: the most salient region, from the saliency map's weighted centroid and spread
 * (what a push-in aims at). Never smaller than a fifth of the frame on a side.
 *
 * @example
 *   const box = subjectBox(saliency, w, h); // → { x: 0.3, y: 0.2, w: 0.4, h: 0.5 }
 */
import type { Box } from '../scene.js';
import { clamp01 } from './filters.js';

export function subjectBox(saliency: Float32Array, w: number, h: number): Box {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const s = saliency[y * w + x]!;
      const wt = s > 0.35 ? s * s * s : 0;
      sw += wt;
      sx += wt * x;
      sy += wt * y;
    }
  }
  if (sw <= 0) return { x: 0.25, y: 0.25, w: 0.5, h: 0.5 };
  const cx = sx / sw;
  const cy = sy / sw;
  let vx = 0;
  let vy = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const s = saliency[y * w + x]!;
      const wt = s > 0.35 ? s * s * s : 0;
      vx += wt * (x - cx) * (x - cx);
      vy += wt * (y - cy) * (y - cy);
    }
  }
  // ±1.7σ covers most of a uniform blob's extent (a uniform segment has σ = length/√12)
  const halfW = Math.max(0.1, Math.min(0.5, (1.7 * Math.sqrt(vx / sw)) / w));
  const halfH = Math.max(0.1, Math.min(0.5, (1.7 * Math.sqrt(vy / sw) / h)));
  const x0 = clamp01((cx + 0.5) / w - halfW);
  const y0 = clamp01((cy + 0.5) / h - halfH);
  const x1 = clamp01((cx + 0.5) / w + halfW);
  const y1 = clamp01((cy + 0.5) / h + halfH);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
