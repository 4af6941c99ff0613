/**
 * "The margin continues its own region": where a move reveals beyond the picture, each revealed
 * pixel of a later frame should look like the part of frame 0 it continues — the picture near the
 * border point it lies beyond — not like some other region pasted there (grass in the sky, a dark
 * hedge in a lawn). For every revealed pixel (frame 0's rectangle mapped into the later frame by
 * the similarity `T`, frame 0 → later, as margin-copies.ts finds it) the colour of its 3×3
 * neighbourhood is compared with the colours of frame 0 within REGION_SPAN of the width around
 * the nearest point of frame 0's border: it is foreign when none of them lies within FOREIGN
 * (RGB distance). The figure is the share of revealed pixels that are foreign.
 *
 * @example foreignMargin(frame0Rgb, laterRgb, 640, 360, T).share // → 0.004 (clean) … 0.08 (grass in the sky)
 */
import type { Similarity } from './line-bow.js';

/** the colour distance (RGB, 0…255 each) beyond which a revealed pixel matches nothing near its border point */
export const FOREIGN = 40;
/** how far around the border point frame 0's colours are gathered, as a share of the width */
const REGION_SPAN = 0.06;
/** revealed pixels this close to frame 0's rectangle (px) are its resampled edge, not margin */
const OUTSIDE = 3;

export interface ForeignMarginFigure {
  /** revealed pixels measured (every second one each way) */
  margin: number;
  foreign: number;
  share: number;
}

/** Mean colour of the 3×3 neighbourhood of (x, y) in an RGB frame (w×h), edges clamped. */
function mean3(rgb: Uint8Array, w: number, h: number, x: number, y: number, out: Float64Array): void {
  out.fill(0);
  for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
    const i = (Math.min(h - 1, Math.max(0, y + dy)) * w + Math.min(w - 1, Math.max(0, x + dx))) * 3;
    for (let c = 0; c < 3; c++) out[c]! += rgb[i + c]! / 9;
  }
}

export function foreignMargin(frame0: Uint8Array, later: Uint8Array, w: number, h: number, T: Similarity): ForeignMarginFigure {
  const [a, b, tx, ty] = T, k = 1 / (a * a + b * b);
  // frame 0's 3×3 means, once
  const means = new Float32Array(w * h * 3), c = new Float64Array(3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) { mean3(frame0, w, h, x, y, c); means.set(c, (y * w + x) * 3); }
  const span = Math.max(4, Math.round(REGION_SPAN * w));
  let margin = 0, foreign = 0;
  for (let y = 0; y < h; y += 2) for (let x = 0; x < w; x += 2) {
    const dx = x - tx, dy = y - ty;
    const x0 = k * (a * dx + b * dy), y0 = k * (-b * dx + a * dy);
    if (x0 >= -OUTSIDE && y0 >= -OUTSIDE && x0 <= w - 1 + OUTSIDE && y0 <= h - 1 + OUTSIDE) continue;
    margin++;
    mean3(later, w, h, x, y, c);
    const bx = Math.round(Math.min(w - 1, Math.max(0, x0))), by = Math.round(Math.min(h - 1, Math.max(0, y0)));
    let near = Infinity;
    for (let v = Math.max(0, by - span); v <= Math.min(h - 1, by + span) && near > FOREIGN; v += 2) {
      for (let u = Math.max(0, bx - span); u <= Math.min(w - 1, bx + span); u += 2) {
        const i = (v * w + u) * 3, e0 = means[i]! - c[0]!, e1 = means[i + 1]! - c[1]!, e2 = means[i + 2]! - c[2]!;
        const d = Math.sqrt(e0 * e0 + e1 * e1 + e2 * e2);
        if (d < near) { near = d; if (near <= FOREIGN) break; }
      }
    }
    if (near > FOREIGN) foreign++;
  }
  return { margin, foreign, share: margin ? foreign / margin : 0 };
}
