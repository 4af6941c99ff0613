/**
 * Light spill: a lattice mask spread by a separable box blur (two passes ≈ a soft tent), so a
 * lamp's flicker also moves the light it throws around it.
 *
 * @example spill(mask, lw, lh, 3, out, tmp)
 */
export function spill(src: Float32Array, w: number, h: number, radius: number, out: Float32Array, tmp: Float32Array): Float32Array {
  const r = Math.max(1, Math.round(radius));
  const norm = 1 / (2 * r + 1);
  let a = src;
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < h; j++) {
      let sum = 0;
      for (let i = -r; i <= r; i++) sum += a[j * w + Math.min(w - 1, Math.max(0, i))]!;
      for (let i = 0; i < w; i++) {
        tmp[j * w + i] = sum * norm;
        sum += a[j * w + Math.min(w - 1, i + r + 1)]! - a[j * w + Math.max(0, i - r)]!;
      }
    }
    for (let i = 0; i < w; i++) {
      let sum = 0;
      for (let j = -r; j <= r; j++) sum += tmp[Math.min(h - 1, Math.max(0, j)) * w + i]!;
      for (let j = 0; j < h; j++) {
        out[j * w + i] = sum * norm;
        sum += tmp[Math.min(h - 1, j + r + 1) * w + i]! - tmp[Math.max(0, j - r) * w + i]!;
      }
    }
    a = out;
  }
  return out;
}
