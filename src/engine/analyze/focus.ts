/**
 * Focus map: where the picture is sharp. Fine detail (|Laplacian|) relative to local contrast is
 * high on in-focus edges and low on defocused ones, whatever their contrast. Flat areas say
 * nothing, so the measure is spread from confident pixels into them (normalised convolution).
 * Also reports how split the picture is between sharp and blurred (shallow depth of field).
 *
 * @example
 *   const { focus, spread } = focusMap(raster);
 *   spread > 2.5 // a sharp subject against a blurred background
 */
import type { AnalysisRaster } from './analysis-raster.js';
import { boxBlur, clamp01, laplacianMagnitude, quantile, ramp, smoothBlur } from './filters.js';

export interface FocusResult {
  /** 0 (blurred) … 1 (sharp), raster-sized */
  focus: Float32Array;
  /** sharp-to-blurred ratio of the detail measure over confident pixels (≈ 1 when uniform) */
  spread: number;
  /** fraction of the frame that is confidently defocused */
  blurredFraction: number;
}

/**
 * The focus map spread a few pixels only (the analysis raster's long side / 256): it keeps where
 * the sharp-to-blurred boundary lies, which the wide spread blurs over (for the in-focus subject's
 * matte: layers/focus-matte.ts).
 */
export function fineFocus(raster: AnalysisRaster): Float32Array {
  return focusMap(raster, Math.max(2, Math.round(Math.max(raster.width, raster.height) / 256))).focus;
}

/** `spreadRadius`: how far (px) sharpness is spread into flat areas (by default, the long side / 24) */
export function focusMap(raster: AnalysisRaster, spreadRadius?: number): FocusResult {
  const { width: w, height: h, luma } = raster;
  const n = w * h;
  const lap = laplacianMagnitude(luma, w, h);
  const detail = smoothBlur(lap, w, h, 2);
  const sq = new Float32Array(n);
  for (let i = 0; i < n; i++) sq[i] = luma[i]! * luma[i]!;
  const m = boxBlur(luma, w, h, 3);
  const m2 = boxBlur(sq, w, h, 3);
  const ratio = new Float32Array(n);
  const conf = new Float32Array(n);
  const weighted = new Float32Array(n);
  let confident = 0;
  for (let i = 0; i < n; i++) {
    const std = Math.sqrt(Math.max(0, m2[i]! - m[i]! * m[i]!));
    const c = ramp(std, 0.012, 0.05);
    const q = detail[i]! / (std + 0.01);
    ratio[i] = q;
    conf[i] = c;
    weighted[i] = q * c;
    if (c > 0.5) confident++;
  }
  // spread sharpness into flat areas from their confident neighbourhood
  const radius = spreadRadius ?? Math.max(4, Math.round(Math.max(w, h) / 24));
  const num = smoothBlur(weighted, w, h, radius);
  const den = smoothBlur(conf, w, h, radius);
  const focus = new Float32Array(n);
  for (let i = 0; i < n; i++) focus[i] = num[i]! / (den[i]! + 1e-3);

  // how split: compare the top and bottom of the detail ratio among confident pixels
  let spread = 1;
  let blurredFraction = 0;
  if (confident > n * 0.02) {
    const sample = new Float32Array(confident);
    for (let i = 0, k = 0; i < n; i++) if (conf[i]! > 0.5) sample[k++] = focus[i]!;
    const lo = quantile(sample, 0.15);
    const hi = quantile(sample, 0.9);
    spread = hi / Math.max(lo, 1e-3);
    for (let i = 0; i < n; i++) if (focus[i]! < lo + (hi - lo) * 0.25) blurredFraction++;
    blurredFraction /= n;
  }
  const lo = quantile(focus, 0.05);
  const hi = quantile(focus, 0.95);
  for (let i = 0; i < n; i++) focus[i] = hi > lo ? clamp01((focus[i]! - lo) / (hi - lo)) : 0.5;
  return { focus, spread, blurredFraction };
}
