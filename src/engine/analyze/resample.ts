/**
 * Resampling between the full picture, the analysis raster and the half-size work raster that the
 * smooth cues (saliency, focus, the depth layout) are computed on: area averaging down, bilinear
 * up. Plain loops, faster than a round trip through libvips for rasters this small.
 *
 * @example
 *   const small = halve(map, w, h);                      // { data, width, height }
 *   const back = upsample(small.data, small.width, small.height, w, h);
 */

export interface Plane {
  data: Float32Array;
  width: number;
  height: number;
}

/** Area-average an RGB image (3 bytes a pixel) down to width × height. */
export function downsampleRgb(src: Uint8Array, sw: number, sh: number, width: number, height: number): Uint8Array {
  const acc = new Float64Array(width * 3);
  const out = new Uint8Array(width * height * 3);
  // source column → destination column, and the destination row each source row falls in
  const colOf = new Int32Array(sw);
  for (let x = 0; x < sw; x++) colOf[x] = Math.min(width - 1, Math.floor((x * width) / sw));
  const counts = new Float64Array(width);
  for (let x = 0; x < sw; x++) counts[colOf[x]!]!++;
  let y0 = 0;
  for (let dy = 0; dy < height; dy++) {
    const y1 = Math.max(y0 + 1, Math.round(((dy + 1) * sh) / height));
    acc.fill(0);
    for (let y = y0; y < y1 && y < sh; y++) {
      let j = y * sw * 3;
      for (let x = 0; x < sw; x++, j += 3) {
        const k = colOf[x]! * 3;
        acc[k]! += src[j]!;
        acc[k + 1]! += src[j + 1]!;
        acc[k + 2]! += src[j + 2]!;
      }
    }
    const rows = Math.min(y1, sh) - y0;
    const o = dy * width * 3;
    for (let x = 0; x < width; x++) {
      const inv = 1 / (counts[x]! * rows);
      out[o + x * 3] = Math.round(acc[x * 3]! * inv);
      out[o + x * 3 + 1] = Math.round(acc[x * 3 + 1]! * inv);
      out[o + x * 3 + 2] = Math.round(acc[x * 3 + 2]! * inv);
    }
    y0 = y1;
  }
  return out;
}

/** Half size (2×2 means; an odd last row/column folds into its neighbour). */
export function halve(src: Float32Array, w: number, h: number): Plane {
  const width = Math.max(1, w >> 1);
  const height = Math.max(1, h >> 1);
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const a = 2 * y * w;
    const b = Math.min(2 * y + 1, h - 1) * w;
    for (let x = 0; x < width; x++) {
      const x0 = 2 * x;
      const x1 = Math.min(x0 + 1, w - 1);
      data[y * width + x] = 0.25 * (src[a + x0]! + src[a + x1]! + src[b + x0]! + src[b + x1]!);
    }
  }
  return { data, width, height };
}

/** Bilinear resize of a small plane up to width × height (pixel centres aligned). */
export function upsample(src: Float32Array, sw: number, sh: number, width: number, height: number): Float32Array {
  const out = new Float32Array(width * height);
  const fx = sw / width;
  const fy = sh / height;
  const x0s = new Int32Array(width);
  const x1s = new Int32Array(width);
  const txs = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const sx = Math.min(sw - 1, Math.max(0, (x + 0.5) * fx - 0.5));
    const x0 = Math.floor(sx);
    x0s[x] = x0;
    x1s[x] = Math.min(x0 + 1, sw - 1);
    txs[x] = sx - x0;
  }
  for (let y = 0; y < height; y++) {
    const sy = Math.min(sh - 1, Math.max(0, (y + 0.5) * fy - 0.5));
    const y0 = Math.floor(sy);
    const ty = sy - y0;
    const r0 = y0 * sw;
    const r1 = Math.min(y0 + 1, sh - 1) * sw;
    const o = y * width;
    for (let x = 0; x < width; x++) {
      const a = x0s[x]!;
      const b = x1s[x]!;
      const t = txs[x]!;
      const top = src[r0 + a]! + (src[r0 + b]! - src[r0 + a]!) * t;
      const bottom = src[r1 + a]! + (src[r1 + b]! - src[r1 + a]!) * t;
      out[o + x] = top + (bottom - top) * ty;
    }
  }
  return out;
}
