/**
 * A region mask pulled in from its edges, for warps confined to the region: a point that moves by
 * up to `reach` cells must only ever sample the region, so the weight is 0 within `reach` of the
 * region's edge and ramps up to 1 over the next `reach / 2` (binarise at 0.5, erode by 1.5·reach,
 * then a box blur of reach / 2: the blur cannot bring the weight back nearer than `reach`).
 * Both passes are running sums, so the cost does not grow with `reach`.
 *
 * @example insetMask(skyGrid, gw, gh, 12) // → 0 near the rooftops, 1 in the open sky
 */
export function insetMask(mask: Float32Array, w: number, h: number, reach: number): Float32Array {
  const soft = Math.max(1, Math.round(reach / 2)), erode = Math.ceil(reach) + soft;
  // erosion of a binary mask: a cell stays 1 when its window holds no 0 (a box sum equal to its size)
  const bin = Float32Array.from(mask, (v) => (v >= 0.5 ? 1 : 0));
  const full = boxSum(bin, w, h, erode, true);
  const eroded = Float32Array.from(full, (v) => (v > 0.5 ? 1 : 0));
  return boxSum(eroded, w, h, soft, false);
}

/**
 * Box filter of radius r along rows then columns, windows clipped at the borders: the mean, or
 * (`all`) 1 where every cell of the window is 1 and 0 elsewhere.
 */
function boxSum(src: Float32Array, w: number, h: number, r: number, all: boolean): Float32Array {
  const pass = (get: (i: number, k: number) => number, set: (i: number, k: number, v: number) => void, lines: number, len: number) => {
    const prefix = new Float64Array(len + 1);
    for (let i = 0; i < lines; i++) {
      for (let k = 0; k < len; k++) prefix[k + 1] = prefix[k]! + get(i, k);
      for (let k = 0; k < len; k++) {
        const a = Math.max(0, k - r), b = Math.min(len - 1, k + r), n = b - a + 1, s = prefix[b + 1]! - prefix[a]!;
        set(i, k, all ? (s >= n - 1e-6 ? 1 : 0) : s / n);
      }
    }
  };
  const tmp = new Float32Array(w * h), out = new Float32Array(w * h);
  pass((y, x) => src[y * w + x]!, (y, x, v) => { tmp[y * w + x] = v; }, h, w);
  pass((x, y) => tmp[y * w + x]!, (x, y, v) => { out[y * w + x] = v; }, w, h);
  return out;
}
