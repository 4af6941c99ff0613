/**
 * A soft matte closed with a round element: the gaps and notches narrower than about 2·`gap`
 * filled, the outline otherwise kept, and the result feathered over a pixel along that outline by
 * its distance. Beyond the raster there is no matte (the raster is the box a completion may touch):
 * what reaches its edge is eroded there like any other outline, not cut off square. A box closing
 * (dilate and erode with a square) fills a notch with a square, and, with the raster's outside
 * taken as inside, filled the box out to its edge: a hand's matte ending in a square block, which
 * dragged the background's corners along as it moved.
 *
 * @example const closed = roundClosing(matte, w, h, 2); // 0…1, 1 inside the closed shape
 */
import { chamferDistance } from '../../analyze/chamfer.js';

/** `matte` (w×h, 0…1; from 0.5 solid) closed by a disc of radius `gap` px (chamfer), 0…1 with a feathered edge. */
export function roundClosing(matte: Float32Array, w: number, h: number, gap: number): Float32Array {
  // on a raster one pixel wider each side, whose rim is empty
  const pw = w + 2, ph = h + 2, far = 1e9, d = new Float32Array(pw * ph).fill(far);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (matte[y * w + x]! >= 0.5) d[(y + 1) * pw + x + 1] = 0;
  // dilate: within `gap` of the solid matte
  chamferDistance(d, pw, ph);
  // erode: how far each grown pixel lies inside the grown shape (its distance to what was not grown, the rim included)
  for (let k = 0; k < pw * ph; k++) {
    const x = k % pw, y = (k / pw) | 0, rim = x === 0 || y === 0 || x === pw - 1 || y === ph - 1;
    d[k] = !rim && d[k]! <= gap ? far : 0;
  }
  chamferDistance(d, pw, ph);
  // the closed shape: more than `gap` in from the grown one's edge (its outermost pixels, which
  // were solid, at one half: feathered over a pixel there)
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = Math.min(1, Math.max(0, d[(y + 1) * pw + x + 1]! - gap - 0.5));
  return out;
}
