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
  const cols = new Int32Array(cw);
  for (let x = 0; x < cw; x++) cols[x] = mirrorIndex(x - mx, width) * channels;
  for (let y = 0; y < ch; y++) {
    const row = mirrorIndex(y - my, height) * width * channels;
    let o = y * cw * channels;
    for (let x = 0; x < cw; x++) {
      const s = row + cols[x]!;
      for (let c = 0; c < channels; c++) out[o++] = src[s + c]!;
    }
  }
  return out;
}
