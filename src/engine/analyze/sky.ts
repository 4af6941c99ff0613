/**
 * Sky mask: smooth, low-texture regions of sky colour (blue, cool grey/white overcast, a dark blue
 * dusk sky, or in a dark picture a black night sky) connected to the top edge. Grown by flood fill from seeds in the top rows, so a
 * grey wall or a blurred backdrop lower in the frame is not sky; then softened slightly.
 *
 * @example
 *   const sky = skyMask(raster); // Float32Array 0…1, raster-sized
 */
import type { AnalysisRaster } from './analysis-raster.js';
import { clamp01, ramp, smoothBlur } from './filters.js';

/** 0…1: how much this pixel looks like sky by its own colour and texture (position ignored). */
export function skyLikeness(raster: AnalysisRaster, i: number, night = false): number {
  const r = raster.r[i]!;
  const b = raster.b[i]!;
  const luma = raster.luma[i]!;
  const sat = raster.sat[i]!;
  const hue = raster.hue[i]!;
  const texture = raster.texture[i]!;
  // a night sky can be black: in a dark picture, smooth near-black counts too
  if (night && luma < 0.12 && texture < 0.02) return 0.7 * ramp(texture, 0.02, 0.008) * ramp(raster.r[i]! - b, 0.06, 0.02);
  // cheap rejections first: warm, dark-and-grey or textured pixels are never sky
  if (b - r <= -0.03 || luma <= 0.03) return 0;
  if (texture >= 0.035) return 0;
  const smooth = ramp(texture, 0.035, 0.012);
  // blue: daylight, dusk or night (dark but distinctly blue)
  const blue = hue > 175 && hue < 265 && sat > 0.08 && b > r
    ? ramp(hue, 175, 195) * ramp(hue, 265, 245) * ramp(sat, 0.08, 0.18) * ramp(b - r, 0.0, 0.06) * ramp(luma, 0.03, 0.08)
    : 0;
  // overcast or hazy: bright, nearly grey and not warm (a warm grey is a wall or a studio backdrop)
  const grey = luma > 0.45 && sat < 0.22 ? ramp(sat, 0.22, 0.12) * ramp(luma, 0.45, 0.6) * ramp(b - r, -0.03, 0.0) : 0;
  return smooth * Math.max(blue, grey);
}

/** `medianLuma`: the picture's median luma; a dark picture may have a black night sky. */
export function skyMask(raster: AnalysisRaster, medianLuma = 0.5): Float32Array {
  const night = medianLuma < 0.2;
  const { width: w, height: h } = raster;
  const n = w * h;
  const like = new Float32Array(n);
  for (let i = 0; i < n; i++) like[i] = skyLikeness(raster, i, night);

  // Flood fill from sky-like seeds in the top rows through sky-like pixels.
  const region = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  const seedRows = Math.max(1, Math.round(h * 0.02));
  for (let y = 0; y < seedRows; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (like[i]! > 0.5) {
        region[i] = 1;
        queue[tail++] = i;
      }
    }
  }
  const luma = raster.luma;
  const visit = (j: number, i: number) => {
    // sky changes slowly: no jumps in brightness between neighbours
    if (!region[j] && like[j]! > 0.3 && Math.abs(luma[j]! - luma[i]!) < 0.04) {
      region[j] = 1;
      queue[tail++] = j;
    }
  };
  while (head < tail) {
    const i = queue[head++]!;
    const x = i % w;
    if (x > 0) visit(i - 1, i);
    if (x < w - 1) visit(i + 1, i);
    if (i >= w) visit(i - w, i);
    if (i + w < n) visit(i + w, i);
  }

  // A real sky spans a good part of the top edge and stops well above the bottom edge.
  let top = 0;
  for (let x = 0; x < w; x++) top += region[x]!;
  let bottom = 0;
  const bottomStart = Math.floor(h * 0.9);
  for (let i = bottomStart * w; i < n; i++) bottom += region[i]!;
  const empty = new Float32Array(n);
  if (tail < n * 0.02 || top < w * 0.3 || bottom > (n - bottomStart * w) * 0.25) return empty;

  const hard = new Float32Array(n);
  for (let i = 0; i < n; i++) hard[i] = region[i]! ? Math.max(0.6, like[i]!) : 0;
  // the fill already stops at the picture's edges: only soften it by a pixel or two
  const soft = smoothBlur(hard, w, h, 1);
  for (let i = 0; i < n; i++) soft[i] = clamp01((soft[i]! - 0.1) / 0.7);
  return soft;
}
