/**
 * Keeps the warp's nearness affine along the picture's straight edges, so they stay straight under
 * any move: the camera model (camera/geometry.ts) is a true reprojection with nearness as inverse
 * depth, and along a 3D line inverse depth is affine in image position — so an edge whose nearness
 * is affine along it maps to a straight edge, whatever the smooth-but-curved estimate said.
 *
 * In a band around each segment (analyze/layers/lines.ts, in output px), every line parallel to it
 * gets a least-squares line of nearness against the position along it, varying smoothly across
 * (so the profile across the edge — a depth edge at an occluding contour — is kept), blended in
 * over a feather at the band's sides and ends. Where bands meet, repeating the passes reconciles
 * them (alternating projections onto "affine along this segment"), shortest first so the longest
 * edges have the last word. Runs on the final rasters at the output size, after every blur.
 *
 * @example const straight = straightenNearness(depth, 1920, 1080, segments)
 */

import type { Scene } from '../../scene.js';
import { fitMap } from './fit.js';
import { bandRow } from './segment-band.js';

export interface PixelSegment { x0: number; y0: number; x1: number; y1: number }

/** The Scene's straight edges in output px (registered as the picture is: fit.ts). */
export function outputSegments(scene: Scene, width: number, height: number): PixelSegment[] {
  const toOut = fitMap(scene.image.width, scene.image.height, width, height);
  return (scene.layers?.lines ?? []).map((s) => {
    const [x0, y0] = toOut(s.x0, s.y0), [x1, y1] = toOut(s.x1, s.y1);
    return { x0: x0 * width - 0.5, y0: y0 * height - 0.5, x1: x1 * width - 0.5, y1: y1 * height - 0.5 };
  });
}

const PASSES = 2;

/**
 * The band about a segment kept affine (px at output width `width`): the core covers the edge and
 * the warp lattice around it, the feather hides the band's border.
 */
export function straightBand(width: number): { core: number; feather: number } {
  const core = Math.max(3, width / 128);
  return { core, feather: core };
}

/** A pixel's weight in the band: full in the core, fading over the feather across and beyond the ends. */
export function bandWeight(along: number, across: number, length: number, core: number, feather: number): number {
  const beyond = along < 0 ? -along : along > length ? along - length : 0;
  return Math.max(0, Math.min(1, (core + feather - Math.abs(across)) / feather)) * Math.max(0, 1 - beyond / feather);
}

export function straightenNearness(depth: Uint8Array, width: number, height: number, segments: readonly PixelSegment[]): Uint8Array {
  if (!segments.length) return depth;
  const values = Float32Array.from(depth);
  const { core, feather } = straightBand(width);
  const order = [...segments].sort((a, b) => Math.hypot(a.x1 - a.x0, a.y1 - a.y0) - Math.hypot(b.x1 - b.x0, b.y1 - b.y0));
  for (let pass = 0; pass < PASSES; pass++) for (const s of order) straightenBand(values, width, height, s, core, feather);
  // never nearer or farther than the map was: the camera's limits and the margins are sized from that range
  let lo = 255, hi = 0;
  for (let i = 0; i < depth.length; i++) { const v = depth[i]!; if (v < lo) lo = v; if (v > hi) hi = v; }
  const out = new Uint8Array(depth.length);
  for (let i = 0; i < out.length; i++) { const v = values[i]! + 0.5; out[i] = v < lo ? lo : v > hi ? hi : v; }
  return out;
}

/**
 * Fits, over the band, v(along, across) = Σₖ φₖ(across)·(αₖ + βₖ·along), with φₖ hat functions on
 * nodes `gap` px apart across: affine along every line parallel to the segment, and following the
 * profile across it continuously (no stair from rounding each pixel's offset to a bin).
 */
function straightenBand(values: Float32Array, w: number, h: number, s: PixelSegment, core: number, feather: number): void {
  const length = Math.hypot(s.x1 - s.x0, s.y1 - s.y0);
  if (length < 4) return;
  const tx = (s.x1 - s.x0) / length, ty = (s.y1 - s.y0) / length;
  const reach = core + feather, gap = Math.max(1, core / 5), R = Math.ceil(reach / gap), nodes = 2 * R + 1, size = 2 * nodes;
  // sums per node k (own hat squared) and per node pair (k, k + 1) over 1, a, a² (a: along, centred
  // and scaled for conditioning); with the data sums they make the banded normal equations
  const own = new Float64Array(3 * nodes), pair = new Float64Array(3 * nodes), data = new Float64Array(size);
  const ya = Math.max(0, Math.floor(Math.min(s.y0, s.y1) - reach - feather)), yb = Math.min(h - 1, Math.ceil(Math.max(s.y0, s.y1) + reach + feather));
  const half = length / 2;
  // first the sums over the band's length, then the fit written back over it and its feather
  for (const fitting of [true, false]) {
    const lo = fitting ? 0 : -feather, hi = fitting ? length : length + feather;
    let coef: Float64Array | undefined;
    if (!fitting) {
      const N = new Float64Array(size * size);
      for (let k = 0; k < nodes; k++) {
        const o = 3 * k, i = 2 * k;
        N[i * size + i] = own[o]! + 1e-6; N[i * size + i + 1] = N[(i + 1) * size + i] = own[o + 1]!; N[(i + 1) * size + i + 1] = own[o + 2]! + 1e-6;
        if (k + 1 < nodes) {
          const j = i + 2;
          N[i * size + j] = N[j * size + i] = pair[o]!;
          N[i * size + j + 1] = N[(j + 1) * size + i] = N[(i + 1) * size + j] = N[j * size + i + 1] = pair[o + 1]!;
          N[(i + 1) * size + j + 1] = N[(j + 1) * size + i + 1] = pair[o + 2]!;
        }
      }
      coef = solve(N, data, size);
      if (!coef) return;
    }
    for (let y = ya; y <= yb; y++) {
      const dy = y - s.y0;
      // the row's pixels in the band (segment-band.ts)
      const span = bandRow(s.x0, tx, ty, lo, hi, reach, dy, w);
      if (!span) continue;
      const [xa, xb] = span;
      if (fitting) {
        // a row's pixels fall into few node intervals, one run after another: sum each run here
        // and add it to the node sums once (not 13 array updates a pixel)
        let run = -1, o0 = 0, o1 = 0, o2 = 0, o3 = 0, o4 = 0, o5 = 0, p0 = 0, p1 = 0, p2 = 0, d0 = 0, d1 = 0, d2 = 0, d3 = 0;
        for (let x = xa; x <= xb + 1; x++) {
          let k = -1, t = 0, a = 0, v = 0;
          if (x <= xb) {
            const dx = x - s.x0, along = dx * tx + dy * ty, across = -dx * ty + dy * tx;
            const c = Math.min(R - 1e-9, Math.max(-R, across / gap)) + R;
            k = Math.floor(c); t = c - k; a = (along - half) / length; v = values[y * w + x]!;
          }
          if (k !== run) {
            if (run >= 0) {
              const o = 3 * run, d = 2 * run;
              own[o]! += o0; own[o + 1]! += o1; own[o + 2]! += o2; own[o + 3]! += o3; own[o + 4]! += o4; own[o + 5]! += o5;
              pair[o]! += p0; pair[o + 1]! += p1; pair[o + 2]! += p2;
              data[d]! += d0; data[d + 1]! += d1; data[d + 2]! += d2; data[d + 3]! += d3;
            }
            if (k < 0) break;
            run = k; o0 = o1 = o2 = o3 = o4 = o5 = p0 = p1 = p2 = d0 = d1 = d2 = d3 = 0;
          }
          const u0 = 1 - t, uu = u0 * u0, tt = t * t, ut = u0 * t;
          o0 += uu; o1 += uu * a; o2 += uu * a * a;
          o3 += tt; o4 += tt * a; o5 += tt * a * a;
          p0 += ut; p1 += ut * a; p2 += ut * a * a;
          d0 += u0 * v; d1 += u0 * a * v; d2 += t * v; d3 += t * a * v;
        }
        continue;
      }
      for (let x = xa; x <= xb; x++) {
        const dx = x - s.x0, along = dx * tx + dy * ty, across = -dx * ty + dy * tx;
        const c = Math.min(R - 1e-9, Math.max(-R, across / gap)) + R, k = Math.floor(c), t = c - k, a = (along - half) / length;
        const weight = bandWeight(along, across, length, core, feather);
        if (weight <= 0) continue;
        const i = y * w + x, v = values[i]!;
        const fit = (1 - t) * (coef![2 * k]! + coef![2 * k + 1]! * a) + t * (coef![2 * k + 2]! + coef![2 * k + 3]! * a);
        values[i] = v + weight * (fit - v);
      }
    }
  }
}

/** Solves the symmetric system N·x = b (Gaussian elimination with partial pivoting); undefined if singular. */
function solve(N: Float64Array, b: Float64Array, n: number): Float64Array | undefined {
  const A = Float64Array.from(N), x = Float64Array.from(b);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r * n + c]!) > Math.abs(A[p * n + c]!)) p = r;
    if (Math.abs(A[p * n + c]!) < 1e-12) return undefined;
    if (p !== c) {
      for (let k = 0; k < n; k++) { const t = A[c * n + k]!; A[c * n + k] = A[p * n + k]!; A[p * n + k] = t; }
      const t = x[c]!; x[c] = x[p]!; x[p] = t;
    }
    for (let r = c + 1; r < n; r++) {
      const f = A[r * n + c]! / A[c * n + c]!;
      if (f === 0) continue;
      for (let k = c; k < n; k++) A[r * n + k]! -= f * A[c * n + k]!;
      x[r]! -= f * x[c]!;
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let v = x[r]!;
    for (let k = r + 1; k < n; k++) v -= A[r * n + k]! * x[k]!;
    x[r] = v / A[r * n + r]!;
  }
  return x;
}
