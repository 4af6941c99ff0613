/**
 * A chamfer distance transform (steps 1 and √2) in place: `d` holds 0 at the seeds and a large
 * value (a cap, or Infinity) elsewhere; each pixel becomes its distance to the nearest seed, at
 * most what it held. Two passes: forward over the left, upper-left, upper and upper-right
 * neighbours, then backward over their mirrors.
 *
 * @example
 *   const d = new Float32Array(w * h).map((_, i) => (mask[i] ? 1e9 : 0));
 *   chamferDistance(d, w, h); // each mask pixel's distance to the nearest pixel outside it
 */
export function chamferDistance(d: Float32Array, w: number, h: number): Float32Array {
  const D = Math.SQRT2;
  for (let y = 0; y < h; y++) for (let x = 0, i = y * w; x < w; x++, i++) {
    let v = d[i]!;
    if (!v) continue;
    if (x > 0 && d[i - 1]! + 1 < v) v = d[i - 1]! + 1;
    if (y > 0) {
      if (d[i - w]! + 1 < v) v = d[i - w]! + 1;
      if (x > 0 && d[i - w - 1]! + D < v) v = d[i - w - 1]! + D;
      if (x < w - 1 && d[i - w + 1]! + D < v) v = d[i - w + 1]! + D;
    }
    d[i] = v;
  }
  for (let y = h - 1; y >= 0; y--) for (let x = w - 1, i = y * w + x; x >= 0; x--, i--) {
    let v = d[i]!;
    if (!v) continue;
    if (x < w - 1 && d[i + 1]! + 1 < v) v = d[i + 1]! + 1;
    if (y < h - 1) {
      if (d[i + w]! + 1 < v) v = d[i + w]! + 1;
      if (x < w - 1 && d[i + w + 1]! + D < v) v = d[i + w + 1]! + D;
      if (x > 0 && d[i + w - 1]! + D < v) v = d[i + w - 1]! + D;
    }
    d[i] = v;
  }
  return d;
}
