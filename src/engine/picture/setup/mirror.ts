/**
 * Extends a raster by mirroring it across its edges (period 2n, so any margin works).
 *
 * @example mirrorExtend(mask, 320, 180, 1, 16, 9) // → a 352×198 mask
 */
export function mirrorIndex(i: number, n: number): number {
  const p = 2 * n;
  let m = ((i % p) + p) % p;
  if (m >= n) m = p - 1 - m;
  return m;
}

export function mirrorExtend(src: Uint8Array, width: number, height: number, channels: number, mx: number, my: number): Uint8Array {
  const cw = width + 2 * mx, ch = height + 2 * my;
  const out = new Uint8Array(cw * ch * channels);
  // the margin columns' sources; the picture's own columns are copied a row at a time
  const left = new Int32Array(mx), right = new Int32Array(mx);
  for (let x = 0; x < mx; x++) {
    left[x] = mirrorIndex(x - mx, width) * channels;
    right[x] = mirrorIndex(width + x, width) * channels;
  }
  const rowBytes = width * channels;
  for (let y = 0; y < ch; y++) {
    const row = mirrorIndex(y - my, height) * rowBytes;
    const o = y * cw * channels;
    out.set(src.subarray(row, row + rowBytes), o + mx * channels);
    for (let x = 0; x < mx; x++) {
      const l = row + left[x]!, r = row + right[x]!, ol = o + x * channels, or = o + (mx + width + x) * channels;
      for (let c = 0; c < channels; c++) { out[ol + c] = src[l + c]!; out[or + c] = src[r + c]!; }
    }
  }
  return out;
}
