/**
 * SIFT-like local features for the integrity measures: Harris corners (spread over a grid so that
 * one textured area cannot take them all) with a gradient-orientation descriptor (4 × 4 cells × 8
 * orientations, Gaussian-weighted, normalised, clipped at 0.2 and renormalised, as Lowe 2004).
 * Not rotation-invariant on purpose: the camera rolls by a few degrees at most, and a flipped copy
 * must not match its original. Descriptors can be taken at several support radii so that a feature
 * of frame 0 still matches after a zoom.
 *
 * @example const f = detectFeatures(g); describe(g, f, 8); distance(f[0].desc[0], f[1].desc[0])
 */
import { blur, gradients, type Gray } from './gray.js';

export interface Feature {
  x: number;
  y: number;
  /** one descriptor per support radius asked for (128 floats each) */
  desc: Float32Array[];
}

export interface DetectOptions {
  /** at most this many features (default 500) */
  max?: number;
  /** grid cell (px) and features kept per cell, so features cover the picture (default 40 px, 6) */
  cell?: number;
  perCell?: number;
  /** keep clear of the border by this many px (default 14) */
  margin?: number;
}

/** Harris corners on a lightly blurred copy, non-max suppressed (5×5), strongest per grid cell. */
export function detectCorners(img: Gray, o: DetectOptions = {}): Array<{ x: number; y: number; r: number }> {
  const { width: w, height: h } = img;
  const margin = o.margin ?? 14, cell = o.cell ?? 40, perCell = o.perCell ?? 6, max = o.max ?? 500;
  const { gx, gy } = gradients(blur(img, 1));
  const n = w * h;
  const xx: Gray = { data: new Float32Array(n), width: w, height: h };
  const yy: Gray = { data: new Float32Array(n), width: w, height: h };
  const xy: Gray = { data: new Float32Array(n), width: w, height: h };
  for (let i = 0; i < n; i++) { xx.data[i] = gx[i]! * gx[i]!; yy.data[i] = gy[i]! * gy[i]!; xy.data[i] = gx[i]! * gy[i]!; }
  const a = blur(xx, 1.5).data, b = blur(yy, 1.5).data, c = blur(xy, 1.5).data;
  const r = new Float32Array(n);
  let top = 0;
  for (let i = 0; i < n; i++) { const t = a[i]! + b[i]!; r[i] = a[i]! * b[i]! - c[i]! * c[i]! - 0.05 * t * t; if (r[i]! > top) top = r[i]!; }
  const floor = top * 1e-4;
  const cells = new Map<number, Array<{ x: number; y: number; r: number }>>();
  for (let y = margin; y < h - margin; y++) for (let x = margin; x < w - margin; x++) {
    const v = r[y * w + x]!;
    if (v <= floor) continue;
    let isMax = true;
    for (let dy = -2; dy <= 2 && isMax; dy++) for (let dx = -2; dx <= 2; dx++) {
      if ((dx || dy) && r[(y + dy) * w + x + dx]! > v) { isMax = false; break; }
    }
    if (!isMax) continue;
    const key = Math.floor(y / cell) * 1e4 + Math.floor(x / cell);
    const list = cells.get(key) ?? [];
    list.push({ x, y, r: v });
    cells.set(key, list);
  }
  const kept: Array<{ x: number; y: number; r: number }> = [];
  for (const list of cells.values()) kept.push(...list.sort((p, q) => q.r - p.r).slice(0, perCell));
  return kept.sort((p, q) => q.r - p.r).slice(0, max);
}

/** Gradients of the image blurred once, reused for every descriptor of that image. */
export interface GradientField { w: number; h: number; mag: Float32Array; ang: Float32Array }

export function gradientField(img: Gray): GradientField {
  const { gx, gy } = gradients(blur(img, 0.8));
  const mag = new Float32Array(gx.length), ang = new Float32Array(gx.length);
  for (let i = 0; i < gx.length; i++) { mag[i] = Math.hypot(gx[i]!, gy[i]!); ang[i] = Math.atan2(gy[i]!, gx[i]!); }
  return { w: img.width, h: img.height, mag, ang };
}

/** The 128-float descriptor of the square of half-side `radius` around (x, y). */
export function descriptor(g: GradientField, x: number, y: number, radius: number): Float32Array {
  const d = new Float32Array(128);
  const step = radius / 8; // 16 × 16 samples over the square, whatever its size
  const sigma2 = 2 * 8 * 8;
  for (let j = 0; j < 16; j++) for (let i = 0; i < 16; i++) {
    const sx = Math.round(x + (i - 7.5) * step), sy = Math.round(y + (j - 7.5) * step);
    if (sx < 0 || sy < 0 || sx >= g.w || sy >= g.h) continue;
    const k = sy * g.w + sx;
    const m = g.mag[k]! * Math.exp(-((i - 7.5) ** 2 + (j - 7.5) ** 2) / sigma2);
    const o = ((g.ang[k]! + Math.PI) / (2 * Math.PI)) * 8; // 0…8
    const o0 = Math.floor(o) % 8, fo = o - Math.floor(o);
    const base = ((j >> 2) * 4 + (i >> 2)) * 8;
    d[base + o0]! += m * (1 - fo);
    d[base + ((o0 + 1) % 8)]! += m * fo;
  }
  normalise(d);
  for (let i = 0; i < 128; i++) if (d[i]! > 0.2) d[i] = 0.2;
  normalise(d);
  return d;
}

function normalise(d: Float32Array): void {
  let s = 0;
  for (let i = 0; i < d.length; i++) s += d[i]! * d[i]!;
  const k = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let i = 0; i < d.length; i++) d[i]! *= k;
}

/** Features of an image with descriptors at each of `radii` (default: one radius, 8 px). */
export function detectFeatures(img: Gray, radii: number[] = [8], o: DetectOptions = {}): Feature[] {
  const field = gradientField(img);
  return detectCorners(img, o).map(({ x, y }) => ({ x, y, desc: radii.map((r) => descriptor(field, x, y, r)) }));
}

/**
 * Euclidean distance between descriptors (0 … 2; good matches are below ~0.4). Every measure here
 * only cares about distances below CAP, so the sum stops early and returns 2 past it.
 */
export const CAP = 0.7;
export function distance(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < 128; i += 16) {
    for (let k = i; k < i + 16; k++) { const d = a[k]! - b[k]!; s += d * d; }
    if (s > CAP * CAP) return 2;
  }
  return Math.sqrt(s);
}

/** The smallest distance between any descriptor of `a` and any of `b` (over support radii). */
export function featureDistance(a: Feature, b: Feature): number {
  let best = Infinity;
  for (const da of a.desc) for (const db of b.desc) { const d = distance(da, db); if (d < best) best = d; }
  return best;
}
