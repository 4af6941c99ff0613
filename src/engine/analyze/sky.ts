/**
 * Sky mask: smooth, low-texture regions of sky colour (blue, cool grey/white overcast, a dark blue
 * dusk sky, or in a dark picture a black night sky) open to the top of the picture. Each region is
 * grown by flood fill from seeds on the top edge or the upper part of a side edge, then judged on
 * its own (skyRegion): one that spans a good part of the top edge is sky; one that only shows
 * through a gap (between branches, beside a tower) must be large, lie high and pale towards the
 * bottom as a daylight sky does. A grey wall, a blue sign or a blurred backdrop lower in the frame
 * is not sky. The clouds the sky encloses are sky too. Then softened slightly. (A portrait's backdrop is told from a sky once the people are
 * known: ./sky-backdrop.ts.)
 *
 * @example
 *   const sky = skyMask(raster); // Float32Array 0…1, raster-sized
 */
import type { AnalysisRaster } from './analysis-raster.js';
import { clamp01, ramp, smoothBlur } from './filters.js';
import { flood4 } from './flood.js';

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

/** What a region of sky-like pixels looks like as a whole: where it lies, how smooth, how it shades. */
export interface SkyRegion {
  /** share of the picture */
  size: number;
  /** share of the top row it covers */
  top: number;
  /** share of the bottom tenth it covers */
  bottom: number;
  /** mean y, 0 = top */
  meanY: number;
  /** how far down it reaches in its median column (its lowest row there, 0 = top, 1 = bottom) */
  reach: number;
  /** mean texture and saturation */
  texture: number;
  saturation: number;
  /** saturation and luma of its lower half minus its upper half (a daylight sky pales downwards) */
  satFall: number;
  lumaRise: number;
}

/** `pixels`: the region's pixel indices (any order). */
export function skyRegion(raster: AnalysisRaster, pixels: ArrayLike<number>): SkyRegion {
  const { width: w, height: h } = raster;
  let top = 0;
  let bottom = 0;
  let sumY = 0;
  let texture = 0;
  let minY = h;
  let maxY = 0;
  const lowest = new Int32Array(w).fill(-1);
  for (let k = 0; k < pixels.length; k++) {
    const i = pixels[k]!;
    const y = Math.floor(i / w);
    if (y > lowest[i % w]!) lowest[i % w] = y;
    if (y === 0) top++;
    if (y >= Math.floor(h * 0.9)) bottom++;
    sumY += y;
    texture += raster.texture[i]!;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const mid = (minY + maxY) / 2;
  const upper = { sat: 0, luma: 0, count: 0 };
  const lower = { sat: 0, luma: 0, count: 0 };
  for (let k = 0; k < pixels.length; k++) {
    const i = pixels[k]!;
    const half = Math.floor(i / w) < mid ? upper : lower;
    half.sat += raster.sat[i]!;
    half.luma += raster.luma[i]!;
    half.count++;
  }
  const n = Math.max(1, pixels.length);
  const avg = (v: number, c: number) => v / Math.max(1, c);
  return {
    size: pixels.length / (w * h),
    top: top / w,
    bottom: bottom / (w * (h - Math.floor(h * 0.9))),
    meanY: sumY / n / h,
    reach: medianReach(lowest, h),
    texture: texture / n,
    saturation: (upper.sat + lower.sat) / n,
    satFall: avg(lower.sat, lower.count) - avg(upper.sat, upper.count),
    lumaRise: avg(lower.luma, lower.count) - avg(upper.luma, upper.count),
  };
}

/** The median over the columns a region covers of its lowest row, normalised (0 when it covers none). */
function medianReach(lowest: Int32Array, h: number): number {
  const rows = Array.from(lowest).filter((y) => y >= 0).sort((a, b) => a - b);
  return rows.length ? (rows[rows.length >> 1]! + 1) / h : 0;
}

/** A daylight sky's shading: paler (less saturated) towards the horizon. */
export function palesDownwards(region: SkyRegion): boolean {
  return region.satFall <= -0.04;
}

/**
 * The top edge's regions judged together (a sky cut by masts or branches is still one sky): they
 * span a good part of the top edge and stop well above the bottom, and are not a pale wall. (A
 * backdrop is judged later, with the people.)
 */
function isOpenSky(region: SkyRegion): boolean {
  return region.top >= 0.3 && region.bottom <= 0.25 && !isPaleWall(region);
}

/**
 * A grey region that comes down to the lower part of the frame in most of its columns and darkens
 * downwards is a lit wall (an indoor room's, or any in a black-and-white photo, where colour cannot
 * tell it from an overcast sky): an overcast sky meets the land higher up, or is brighter towards a
 * low horizon (the haze), not darker.
 */
function isPaleWall(region: SkyRegion): boolean {
  return region.saturation < 0.05 && region.reach > 0.7 && region.lumaRise < 0;
}

/** A region seen only through a gap or from a side: large, high, and shaded as a sky (not a flat sign or wall). */
function isSkyThroughGap(region: SkyRegion): boolean {
  return region.size >= 0.025 && region.meanY < 0.45 && region.bottom <= 0.25 && region.texture < 0.01 && palesDownwards(region);
}

function skySeedRows(h: number): number {
  return Math.max(1, Math.round(h * 0.02));
}

/** `medianLuma`: the picture's median luma; a dark picture may have a black night sky. */
export function skyMask(raster: AnalysisRaster, medianLuma = 0.5): Float32Array {
  const night = medianLuma < 0.2;
  const { width: w, height: h } = raster;
  const n = w * h;
  const like = new Float32Array(n);
  for (let i = 0; i < n; i++) like[i] = skyLikeness(raster, i, night);

  // seeds: the top rows, and the side columns over the upper 40 % (sky seen past a tree or a wall)
  const band = skySeedRows(h);
  const seeds: number[] = [];
  for (let y = 0; y < band; y++) for (let x = 0; x < w; x++) seeds.push(y * w + x);
  for (let y = band; y < Math.round(h * 0.4); y++) {
    for (let x = 0; x < band; x++) seeds.push(y * w + x, y * w + w - 1 - x);
  }

  // each unvisited seed grows its own region through sky-like pixels
  const visited = new Uint8Array(n);
  const queue = new Int32Array(n);
  const luma = raster.luma;
  const fromTop: Int32Array[] = [];
  const fromSide: Int32Array[] = [];
  for (const seed of seeds) {
    if (visited[seed] || like[seed]! <= 0.5) continue;
    visited[seed] = 1;
    queue[0] = seed;
    // sky changes slowly: no jumps in brightness between neighbours
    const tail = flood4(queue, 1, w, n, (j, i) => {
      if (visited[j] || like[j]! <= 0.3 || Math.abs(luma[j]! - luma[i]!) >= 0.04) return false;
      visited[j] = 1;
      return true;
    });
    (seed < band * w ? fromTop : fromSide).push(queue.slice(0, tail));
  }

  // the top edge's regions together, else each alone; the side's each alone
  const skies: Int32Array[] = [];
  const topUnion = concat(fromTop);
  if (topUnion.length && isOpenSky(skyRegion(raster, topUnion))) skies.push(topUnion);
  else fromSide.unshift(...fromTop);
  for (const pixels of fromSide) {
    if (pixels.length >= n * 0.005 && isSkyThroughGap(skyRegion(raster, pixels))) skies.push(pixels);
  }
  const region = new Uint8Array(n);
  let kept = 0;
  for (const pixels of skies) {
    for (let k = 0; k < pixels.length; k++) region[pixels[k]!] = 1;
    kept += pixels.length;
  }
  if (kept < n * 0.02) return new Float32Array(n);
  fillClouds(raster, region);

  const hard = new Float32Array(n);
  // a region judged sky is sky throughout (a cloud's texture inside it does not make it less so)
  for (let i = 0; i < n; i++) hard[i] = region[i]!;
  // the fill already stops at the picture's edges: only soften it by a pixel or two
  const soft = smoothBlur(hard, w, h, 1);
  for (let i = 0; i < n; i++) soft[i] = clamp01((soft[i]! - 0.1) / 0.7);
  return soft;
}

function concat(parts: Int32Array[]): Int32Array {
  const out = new Int32Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Holes the sky surrounds that are cloud: a textured or darker streak breaks the flood fill, but a
 * patch enclosed by sky, not warm, not strongly coloured and not dark is the sky's own cloud (a
 * bird is dark, a kite or a balloon coloured: they stay out). Fills `region` in place.
 */
function fillClouds(raster: AnalysisRaster, region: Uint8Array): void {
  const { width: w, height: h } = raster;
  const n = w * h;
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (region[s] || seen[s]) continue;
    let head = 0;
    let tail = 0;
    let open = false;
    seen[s] = 1;
    queue[tail++] = s;
    while (head < tail) {
      const i = queue[head++]!;
      const x = i % w;
      if (x === 0 || x === w - 1 || i < w || i >= n - w) open = true;
      for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w < n ? i + w : -1]) {
        if (j >= 0 && !region[j] && !seen[j]) {
          seen[j] = 1;
          queue[tail++] = j;
        }
      }
    }
    if (open || tail > n * 0.02) continue;
    let luma = 0;
    let sat = 0;
    let cool = 0;
    for (let k = 0; k < tail; k++) {
      const i = queue[k]!;
      luma += raster.luma[i]!;
      sat += raster.sat[i]!;
      cool += raster.b[i]! - raster.r[i]!;
    }
    if (luma / tail < 0.25 || sat / tail > 0.25 || cool / tail < -0.03) continue;
    for (let k = 0; k < tail; k++) region[queue[k]!] = 1;
  }
}
