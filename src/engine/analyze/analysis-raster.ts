/**
 * The analysis raster: the picture shrunk so its long side is ≤ 512 px (same aspect), split into
 * the float channels every map is computed from. Maps are built here, never at full resolution,
 * so analysis costs the same for a 300 px and a 6000 px input.
 *
 * @example
 *   const raster = analysisRaster(scene.image);
 *   raster.luma[y * raster.width + x] // Rec.709 luma 0…1
 */
import type { RgbImage } from '../scene.js';
import { boxBlur, gradients } from './filters.js';
import { downsampleRgb } from './resample.js';

export const ANALYSIS_LONG_SIDE = 512;

export interface AnalysisRaster {
  width: number;
  height: number;
  /** channels 0…1 */
  r: Float32Array;
  g: Float32Array;
  b: Float32Array;
  /** Rec.709 luma 0…1 */
  luma: Float32Array;
  /** HSV saturation 0…1 and hue 0…360 (0 for greys) */
  sat: Float32Array;
  hue: Float32Array;
  /** luma gradients */
  gx: Float32Array;
  gy: Float32Array;
  /** local texture: gradient magnitude averaged over a small window */
  texture: Float32Array;
  /** the same at half size, for the smooth cues (saliency, focus, depth layout) */
  half?: AnalysisRaster;
}

export function analysisSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, ANALYSIS_LONG_SIDE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** `small`: the picture already at the analysis size (from the decoder), to skip the shrink. */
export function analysisRaster(image: RgbImage, small: RgbImage | null = null): AnalysisRaster {
  const size = analysisSize(image.width, image.height);
  let rgb: Uint8Array = image.data;
  if (small && small.width === size.width && small.height === size.height) rgb = small.data;
  else if (size.width !== image.width || size.height !== image.height) {
    rgb = downsampleRgb(image.data, image.width, image.height, size.width, size.height);
  }
  const raster = channels(rgb, size.width, size.height);
  const hw = Math.max(1, size.width >> 1);
  const hh = Math.max(1, size.height >> 1);
  raster.half = channels(downsampleRgb(rgb, size.width, size.height, hw, hh), hw, hh);
  return raster;
}

/** The half-size raster (present on every raster made by analysisRaster). */
export function halfOf(raster: AnalysisRaster): AnalysisRaster {
  return raster.half ?? raster;
}

function channels(rgb: Uint8Array, width: number, height: number): AnalysisRaster {
  const n = width * height;
  const r = new Float32Array(n);
  const g = new Float32Array(n);
  const b = new Float32Array(n);
  const luma = new Float32Array(n);
  const sat = new Float32Array(n);
  const hue = new Float32Array(n);
  const k = 1 / 255;
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    const rv = rgb[j]! * k;
    const gv = rgb[j + 1]! * k;
    const bv = rgb[j + 2]! * k;
    r[i] = rv;
    g[i] = gv;
    b[i] = bv;
    luma[i] = 0.2126 * rv + 0.7152 * gv + 0.0722 * bv;
    const max = Math.max(rv, gv, bv);
    const min = Math.min(rv, gv, bv);
    const d = max - min;
    sat[i] = max > 0 ? d / max : 0;
    let hv = 0;
    if (d > 1e-6) {
      const inv = 60 / d;
      if (max === rv) {
        hv = (gv - bv) * inv;
        if (hv < 0) hv += 360;
      } else if (max === gv) hv = (bv - rv) * inv + 120;
      else hv = (rv - gv) * inv + 240;
    }
    hue[i] = hv;
  }
  const { gx, gy } = gradients(luma, width, height);
  const mag = new Float32Array(n);
  for (let i = 0; i < n; i++) mag[i] = Math.sqrt(gx[i]! * gx[i]! + gy[i]! * gy[i]!);
  const texture = boxBlur(mag, width, height, 2);
  return { width, height, r, g, b, luma, sat, hue, gx, gy, texture };
}
