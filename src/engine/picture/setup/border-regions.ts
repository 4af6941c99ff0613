/**
 * Which region of the picture a pixel belongs to (sky, foliage, ground, a wall …), as outpainting
 * and the director judge it: a margin pixel continues the region of the edge pixel it grows from,
 * and may take patches only from that region. A region is read from what the analysis already
 * has, per pixel: the colour of its surroundings (a box mean about 1.5 % of the picture wide, so
 * a textured wall's windows and a lawn's blades average into their region's colour), the sky mask
 * and the nearness. Two pixels are in the same region when their features lie within
 * SAME_REGION of each other; a source costs more the farther its features are from the edge's
 * (REGION_COST per unit), so the nearest-looking part of the region is preferred.
 *
 * @example
 *   const f = regionFeatures(rgba, 4, w, h, known, { sky, nearness });
 *   regionDistance(f, i, j) <= SAME_REGION // i and j are one region
 */
import { boxBlur } from '../../analyze/filters.js';

/** features a pixel: luma, red–green, yellow–blue (box means), sky, nearness, grain */
export const REGION_CHANNELS = 6;
/** the farthest apart two pixels' features lie and still count as one region */
export const SAME_REGION = 0.22;
/** a source's cost factor per unit of feature distance from the edge it continues */
export const REGION_COST = 4;
/** how far from an edge pixel (share of the raster's longer side) its region must be large to be continued */
export const REGION_REACH = 0.25;
/** how wide the box mean is, as a share of the raster's longer side */
const MEAN_SPAN = 0.015;
/**
 * weights: hue counts double (grass and a hedge differ more in hue than a lawn in sun and in
 * shade); the sky mask and nearness count less than colour (both are estimates)
 */
const HUE_WEIGHT = 2, SKY_WEIGHT = 0.35, NEAR_WEIGHT = 0.5;
/**
 * grain (fine-grain.ts, grey levels) enters as g / (g + GRAIN_HALF) × GRAIN_WEIGHT: a lawn in
 * focus (~12) and out of focus (~3) lie apart as two regions, a sky's noise (~1) and its clouds'
 * soft texture (~2) do not
 */
const GRAIN_HALF = 4, GRAIN_WEIGHT = 1;

/** Per-pixel masks (0…1 or 0…255 bytes, w×h) that sharpen the regions when the analysis has them. */
export interface RegionMaps {
  sky?: Float32Array;
  nearness?: Float32Array;
  /** the picture's grain round each pixel at full resolution (fine-grain.ts, grey levels): a sharp lawn and a soft one are two regions */
  grain?: Float32Array;
}

/**
 * Region features of every `known` pixel (w×h, 1 = picture; others read 0 and are never compared:
 * a margin pixel takes its edge pixel's). `img` has `channels` bytes a pixel (RGB first).
 */
export function regionFeatures(img: Uint8Array, channels: number, w: number, h: number, known: Uint8Array, maps: RegionMaps = {}): Float32Array {
  const n = w * h, r = Math.max(1, Math.round(Math.max(w, h) * MEAN_SPAN));
  const plane = (get: (i: number) => number) => {
    const v = new Float32Array(n);
    for (let i = 0; i < n; i++) v[i] = known[i] ? get(i) : 0;
    return boxBlur(v, w, h, r);
  };
  // means over known pixels only (the margin's unknown zeros would darken an edge's mean)
  const weight = plane(() => 1);
  const lum = plane((i) => (img[i * channels]! + img[i * channels + 1]! + img[i * channels + 2]!) / 765);
  const rg = plane((i) => (img[i * channels]! - img[i * channels + 1]!) / 255);
  const yb = plane((i) => ((img[i * channels]! + img[i * channels + 1]!) / 2 - img[i * channels + 2]!) / 255);
  const grain = maps.grain && plane((i) => maps.grain![i]! / (maps.grain![i]! + GRAIN_HALF));
  const out = new Float32Array(n * REGION_CHANNELS);
  for (let i = 0; i < n; i++) {
    if (!known[i]) continue;
    const k = 1 / Math.max(1e-6, weight[i]!), o = i * REGION_CHANNELS;
    out[o] = lum[i]! * k; out[o + 1] = rg[i]! * k * HUE_WEIGHT; out[o + 2] = yb[i]! * k * HUE_WEIGHT;
    out[o + 3] = (maps.sky?.[i] ?? 0) * SKY_WEIGHT;
    out[o + 4] = (maps.nearness?.[i] ?? 0) * NEAR_WEIGHT;
    out[o + 5] = grain ? grain[i]! * k * GRAIN_WEIGHT : 0;
  }
  return out;
}

/** How far apart pixels i and j lie in region features (Euclidean). */
export function regionDistance(f: Float32Array, i: number, j: number): number {
  const a = i * REGION_CHANNELS, b = j * REGION_CHANNELS;
  let s = 0;
  for (let c = 0; c < REGION_CHANNELS; c++) { const d = f[a + c]! - f[b + c]!; s += d * d; }
  return Math.sqrt(s);
}
