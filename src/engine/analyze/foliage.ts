/**
 * Foliage mask: green and yellow-green, reasonably saturated, not too dark (leaves, grass,
 * trees), lightly smoothed. What sways in the wind.
 *
 * @example
 *   const foliage = foliageMask(raster); // Float32Array 0…1, raster-sized
 */
import type { AnalysisRaster } from './analysis-raster.js';
import { boxBlur, clamp01, ramp } from './filters.js';

export function foliageMask(raster: AnalysisRaster): Float32Array {
  const { width: w, height: h, hue, sat, luma } = raster;
  const n = w * h;
  const raw = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const hv = hue[i]!;
    const s = sat[i]!;
    const l = luma[i]!;
    // yellow-green (≈ 55°) through green to teal (≈ 165°)
    // (hue and saturation of near-black pixels are sensor noise: ignore them)
    raw[i] = hv > 48 && hv < 175 && s > 0.1 && l > 0.07 ? ramp(hv, 48, 68) * ramp(hv, 175, 150) * ramp(s, 0.1, 0.25) * ramp(l, 0.07, 0.16) : 0;
  }
  // measured per pixel, so it already follows the picture's edges: only denoise it
  const soft = boxBlur(raw, w, h, 1);
  for (let i = 0; i < n; i++) soft[i] = clamp01(soft[i]! * 1.15);
  return soft;
}
