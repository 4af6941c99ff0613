/**
 * A region mask pulled in from its edges, for warps confined to the region: a point that moves by
 * up to `reach` cells must only ever sample the region, so the weight is 0 within `reach` of the
 * region's edge and ramps up to 1 over the next `reach / 2` (binarise at 0.5, erode by 1.5·reach,
 * then a box blur of reach / 2: the blur cannot bring the weight back nearer than `reach`).
 * Both passes are running sums, so the cost does not grow with `reach`. (Plain indexed loops, no
 * per-cell callbacks: every render worker builds this mask when its render starts.)
 *
 * @example insetMask(skyGrid, gw, gh, 12) // → 0 near the rooftops, 1 in the open sky
 */
export function insetMask(mask: Float32Array, w: number, h: number, reach: number): Float32Array {
  const soft = Math.max(1, Math.round(reach / 2)), erode = Math.ceil(reach) + soft;
  // erosion of a binary mask: a cell stays 1 when its window holds no 0 (a box sum equal to its size)
  const bin = new Float32Array(mask.length);
  for (let i = 0; i < mask.length; i++) bin[i] = mask[i]! >= 0.5 ? 1 : 0;
  const eroded = boxSum(bin, w, h, erode, true);
  return boxSum(eroded, w, h, soft, false);
}

/**
 * Box filter of radius r along rows then columns, windows clipped at the borders: the mean, or
 * (`all`) 1 where every cell of the window is 1 and 0 elsewhere.
 */
function boxSum(src: Float32Array, w: number, h: number, r: number, all: boolean): Float32Array {
  const tmp = new Float32Array(w * h), out = new Float32Array(w * h);
  // one line of `len` cells, `stride` apart from `start`, filtered from `from` into `to`
  const prefix = new Float64Array(Math.max(w, h) + 1);
  const pass = (from: Float32Array, to: Float32Array, start: number, stride: number, len: number) => {
    for (let k = 0; k < len; k++) prefix[k + 1] = prefix[k]! + from[start + k * stride]!;
    for (let k = 0; k < len; k++) {
      const a = k - r < 0 ? 0 : k - r, b = k + r > len - 1 ? len - 1 : k + r, n = b - a + 1, s = prefix[b + 1]! - prefix[a]!;
      to[start + k * stride] = all ? (s >= n - 1e-6 ? 1 : 0) : s / n;
    }
  };
  for (let y = 0; y < h; y++) pass(src, tmp, y * w, 1, w);
  for (let x = 0; x < w; x++) pass(tmp, out, x, w, h);
  return out;
}
