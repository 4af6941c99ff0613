/**
 * The one rule for "the subject is too big for layers": when the subject's hole (its matte, grown
 * past its soft edge) takes more than MOST_COVERED of the frame, too little background is left to
 * synthesise behind it and the picture moves as one sheet. The renderer applies it to the hole it
 * cuts at the output size (layers.ts); the director reads the same hole on the analysis raster to
 * say so in the plan (direct/picture/camera/note-single-sheet.ts).
 *
 * @example if (coversTooMuch(holePixels, W * H)) return null
 */
import { dilate } from '../../analyze/dilate.js';

/** the share of the frame the subject's hole may take and still leave a background to synthesise behind it */
export const MOST_COVERED = 0.7;
/** a matte value (0…1) above this is the subject's (its faintest soft edge included) */
export const IN_MATTE = 5 / 255;

/** how far the hole reaches past the matte's soft edge, in px of a raster `width` wide (no halo stays behind) */
export function holeReach(width: number): number {
  return Math.max(1, Math.round(width / 320));
}

export function coversTooMuch(holePixels: number, framePixels: number): boolean {
  return holePixels > MOST_COVERED * framePixels;
}

/** The share of the frame the hole of a 0…1 matte (w×h) takes: its pixels above IN_MATTE, grown by holeReach. */
export function holeShare(matte: Float32Array, w: number, h: number): number {
  return grownHole(matte, IN_MATTE, w, h, holeReach(w)).pixels / (w * h);
}

/**
 * 1 where the matte is above `inMatte` or within r px of it (W×H), and how many such pixels: worked
 * out on the matte's bounding box grown by r (nothing beyond it is set).
 */
export function grownHole(matte: ArrayLike<number>, inMatte: number, W: number, H: number, r: number): { hole: Uint8Array; pixels: number } {
  const hole = new Uint8Array(W * H);
  let x0 = W, y0 = H, x1 = -1, y1 = -1;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    if (matte[y * W + x]! <= inMatte) continue;
    if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
  }
  if (x1 < 0) return { hole, pixels: 0 };
  x0 = Math.max(0, x0 - r); y0 = Math.max(0, y0 - r); x1 = Math.min(W - 1, x1 + r); y1 = Math.min(H - 1, y1 + r);
  const w = x1 - x0 + 1, h = y1 - y0 + 1, core = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) core[y * w + x] = matte[(y + y0) * W + x + x0]! > inMatte ? 1 : 0;
  const grown = dilate(core, w, h, r);
  let pixels = 0;
  for (let y = 0; y < h; y++) {
    hole.set(grown.subarray(y * w, (y + 1) * w), (y + y0) * W + x0);
    for (let x = 0; x < w; x++) pixels += grown[y * w + x]!;
  }
  return { hole, pixels };
}
