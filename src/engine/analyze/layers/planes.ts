/**
 * Planar surfaces (facades, walls, floors, roads, table tops) fitted as planes in nearness. The
 * camera model treats nearness as inverse depth, and a plane's inverse depth is an affine function
 * of image position, so where the estimate is smooth but curved across a flat surface, its lines
 * bow under a move; replaced by the plane, the surface moves as a homography and stays straight.
 *
 * Sequential RANSAC on a grid of the map: the plane n = a + b·x + c·y that most samples agree with
 * (±TOLERANCE), away from depth jumps and the sky, refitted by least squares on its inliers; its
 * support is the largest connected region of inlying pixels, kept when it covers MIN_SHARE of the
 * picture. Up to MAX_PLANES are taken in turn from what is left. A plane is used only where it is
 * bounded — by depth jumps, the sky, the frame or another plane — not where its support merely
 * fades into smooth depth (a slice of a rounded blob, which would turn the blob into facets), and
 * where the picture shows a surface: straight edges (analyze/layers/lines.ts) lie on it.
 * Deterministic (a fixed-seed generator), so the same picture gives the same planes.
 *
 * @example const { planes, nearness } = fitPlanes(depth, depthJumps(depth, 512, 341), 512, 341, lines)
 */
import { createRandom } from '../../util/random.js';
import { boxBlur } from '../filters.js';
import type { LineSegment } from './lines.js';
import { components } from './components.js';

/** A fitted plane: nearness = a + b·x + c·y over normalised coordinates, and its share of the picture. */
export interface ScenePlane {
  a: number; b: number; c: number;
  share: number;
  /** RMS of the estimate about the plane over its support (nearness units) */
  rms: number;
}

const TOLERANCE = 0.035;
const MIN_SHARE = 0.1;
const MAX_PLANES = 5;
/** the largest fraction of a plane's outline that may run through smooth, unexplained depth */
const OPEN_BORDER = 0.5;
/** the least total length of straight edges on a plane's support, per √(its area) */
const LINE_EVIDENCE = 1;
const HYPOTHESES = 250;
/** depth jumps at least this strong bound a plane (as depth-bands.ts's JUMP) */
const JUMP = 0.06;
/** nearness this low is sky or as far: left as it is */
const FAR = 0.02;

export function fitPlanes(depth: Float32Array, jumps: Float32Array, w: number, h: number, lines: readonly LineSegment[]): { planes: ScenePlane[]; nearness: Float32Array } {
  const n = w * h;
  const free = new Uint8Array(n);
  for (let i = 0; i < n; i++) free[i] = jumps[i]! < JUMP && depth[i]! > FAR ? 1 : 0;
  const label = new Int8Array(n).fill(-1);
  const planes: Array<{ px: Plane; share: number; rms: number }> = [];
  const random = createRandom(0x9e3779b9);
  const step = Math.max(2, Math.round(Math.max(w, h) / 128));
  for (let k = 0; k < MAX_PLANES; k++) {
    const samples: number[] = [];
    for (let y = 0; y < h; y += step) for (let x = 0; x < w; x += step) if (free[y * w + x] && label[y * w + x]! < 0) samples.push(y * w + x);
    if (samples.length < 30) break;
    const m = samples.length, sx = new Float32Array(m), sy = new Float32Array(m), sv = new Float32Array(m);
    samples.forEach((i, j) => { sx[j] = i % w; sy[j] = (i / w) | 0; sv[j] = depth[i]!; });
    let best: Plane | undefined, bestCount = 0;
    for (let t = 0; t < HYPOTHESES; t++) {
      const plane = throughThree([random.pick(samples), random.pick(samples), random.pick(samples)], depth, w);
      if (!plane) continue;
      const [p0, p1, p2] = plane;
      // in blocks: a hypothesis that can no longer beat the best stops counting (it would not be taken)
      let count = 0;
      for (let j0 = 0; j0 < m && count + m - j0 > bestCount; j0 += 1024) {
        const j1 = Math.min(m, j0 + 1024);
        for (let j = j0; j < j1; j++) if (Math.abs(sv[j]! - p0 - p1 * sx[j]! - p2 * sy[j]!) < TOLERANCE) count++;
      }
      if (count > bestCount) { bestCount = count; best = plane; }
    }
    if (!best || bestCount < MIN_SHARE * samples.length) break;
    // refit on the inliers (twice: the first refit may gather a few more)
    let plane = best;
    for (let r = 0; r < 2; r++) plane = leastSquares(samples.filter((i) => Math.abs(residual(plane, i, depth, w)) < TOLERANCE), depth, w) ?? plane;
    const support = largestRegion(plane, depth, free, label, w, h);
    if (support.length < MIN_SHARE * n) break;
    let ss = 0;
    for (const i of support) { label[i] = planes.length; ss += residual(plane, i, depth, w) ** 2; }
    planes.push({ px: plane, share: support.length / n, rms: Math.sqrt(ss / support.length) });
  }
  // a plane must end where the surface does (a jump, the sky, the frame, another plane), not fade
  // into smooth depth like a slice cut out of a curved blob; and the picture must show a surface
  // there (straight edges: boards, bricks, windows, tiles), not merely an even estimate (a starfield)
  const kept = new Set([...planes.keys()].filter((l) => openBorder(l, label, free, w, h) <= OPEN_BORDER && lineEvidence(l, label, lines, w, h) >= LINE_EVIDENCE));
  for (let i = 0; i < n; i++) if (label[i]! >= 0 && !kept.has(label[i]!)) label[i] = -1;
  // the planes replace the estimate on their support, blended over a few pixels at its border
  const target = Float32Array.from(depth), weight = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const l = label[i]!;
    if (l < 0) continue;
    target[i] = Math.min(1, Math.max(0, planeAt(planes[l]!.px, i, w)));
    weight[i] = 1;
  }
  // outside the support the weight fades over 2 px (inside it stays 1, so the plane is exact there)
  const soft = boxBlur(boxBlur(weight, w, h, 1), w, h, 1);
  const nearness = new Float32Array(n);
  for (let i = 0; i < n; i++) nearness[i] = depth[i]! + (weight[i]! ? 1 : soft[i]!) * (target[i]! - depth[i]!);
  return {
    // to normalised coordinates (pixel centres at (x + ½) / w)
    planes: planes.filter((_, l) => kept.has(l)).map(({ px, share, rms }) => ({ a: px[0] - 0.5 * (px[1] + px[2]), b: px[1] * w, c: px[2] * h, share, rms })),
    nearness,
  };
}

/** n = p0 + p1·x + p2·y (raster px). */
type Plane = [number, number, number];

const planeAt = (p: Plane, i: number, w: number) => p[0] + p[1] * (i % w) + p[2] * ((i / w) | 0);
const residual = (p: Plane, i: number, depth: Float32Array, w: number) => depth[i]! - planeAt(p, i, w);

function throughThree(ids: number[], depth: Float32Array, w: number): Plane | undefined {
  const [i, j, k] = ids as [number, number, number];
  const x1 = i % w, y1 = (i / w) | 0, x2 = j % w, y2 = (j / w) | 0, x3 = k % w, y3 = (k / w) | 0;
  const det = (x2 - x1) * (y3 - y1) - (x3 - x1) * (y2 - y1);
  // three points nearly in a row say nothing about the plane across them
  if (Math.abs(det) < w) return undefined;
  const n1 = depth[i]!, d2 = depth[j]! - n1, d3 = depth[k]! - n1;
  const b = (d2 * (y3 - y1) - d3 * (y2 - y1)) / det, c = ((x2 - x1) * d3 - (x3 - x1) * d2) / det;
  return [n1 - b * x1 - c * y1, b, c];
}

function leastSquares(ids: number[], depth: Float32Array, w: number): Plane | undefined {
  if (ids.length < 3) return undefined;
  let mx = 0, my = 0, mn = 0;
  for (const i of ids) { mx += i % w; my += (i / w) | 0; mn += depth[i]!; }
  mx /= ids.length; my /= ids.length; mn /= ids.length;
  let xx = 0, xy = 0, yy = 0, xn = 0, yn = 0;
  for (const i of ids) {
    const x = (i % w) - mx, y = ((i / w) | 0) - my, v = depth[i]! - mn;
    xx += x * x; xy += x * y; yy += y * y; xn += x * v; yn += y * v;
  }
  const det = xx * yy - xy * xy;
  if (Math.abs(det) < 1e-9) return undefined;
  const b = (xn * yy - yn * xy) / det, c = (yn * xx - xn * xy) / det;
  return [mn - b * mx - c * my, b, c];
}

/** The largest 4-connected region of free, unlabelled pixels within TOLERANCE of the plane (the first in scan order of the largest). */
function largestRegion(plane: Plane, depth: Float32Array, free: Uint8Array, label: Int8Array, w: number, h: number): number[] {
  const fits = new Uint8Array(w * h);
  for (let y = 0, i = 0; y < h; y++) for (let x = 0; x < w; x++, i++) {
    fits[i] = free[i] === 1 && label[i]! < 0 && Math.abs(depth[i]! - (plane[0] + plane[1] * x + plane[2] * y)) < TOLERANCE ? 1 : 0;
  }
  let best: number[] = [];
  for (const part of components(fits, w, h)) if (part.length > best.length) best = part;
  return best;
}

/**
 * The fraction of plane l's outline that runs through smooth, unexplained depth (neither a depth
 * jump, the sky, the picture's edge nor another plane): high for a slice cut out of a curved blob.
 * The support is closed first (r px), so the holes its texture leaves inside don't count.
 */
function openBorder(l: number, label: Int8Array, free: Uint8Array, w: number, h: number, r = 3): number {
  const n = w * h, mask = new Float32Array(n);
  for (let i = 0; i < n; i++) mask[i] = label[i] === l ? 1 : 0;
  const grown = boxBlur(mask, w, h, r);
  for (let i = 0; i < n; i++) grown[i] = grown[i]! > 1e-6 ? 1 : 0;
  const closed = boxBlur(grown, w, h, r);
  let border = 0, open = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    if (closed[i]! < 0.999) continue;
    // the four neighbours (the picture's edge is a bound, not open)
    for (let d = 0; d < 4; d++) {
      const nx = d === 0 ? x - 1 : d === 1 ? x + 1 : x, ny = d === 2 ? y - 1 : d === 3 ? y + 1 : y;
      if (nx < 0 || ny < 0 || nx >= w || ny >= h) { border++; continue; }
      const j = ny * w + nx;
      if (closed[j]! >= 0.999) continue;
      border++;
      if (free[j] && label[j]! < 0) open++;
    }
  }
  return border ? open / border : 0;
}

/** Total length of the straight edges lying on plane l's support, per √(its area) (raster px). */
function lineEvidence(l: number, label: Int8Array, lines: readonly LineSegment[], w: number, h: number): number {
  let area = 0;
  for (let i = 0; i < w * h; i++) if (label[i] === l) area++;
  let total = 0;
  for (const s of lines) {
    const x0 = s.x0 * w - 0.5, y0 = s.y0 * h - 0.5, x1 = s.x1 * w - 0.5, y1 = s.y1 * h - 0.5;
    const length = Math.hypot(x1 - x0, y1 - y0), steps = Math.max(1, Math.ceil(length / 2));
    let on = 0;
    for (let k = 0; k <= steps; k++) {
      const x = Math.round(x0 + ((x1 - x0) * k) / steps), y = Math.round(y0 + ((y1 - y0) * k) / steps);
      if (x >= 0 && y >= 0 && x < w && y < h && label[y * w + x] === l) on++;
    }
    total += (length * on) / (steps + 1);
  }
  return area ? total / Math.sqrt(area) : 0;
}
