/**
 * Long straight line segments of a picture, LSD-like (von Gioi et al. 2010, simplified): pixels
 * with a strong gradient are grown into regions of nearly the same gradient direction (±22.5°);
 * a region that is long and thin, and whose edge is straight to a third of a pixel when located
 * sub-pixel along its normal, is a segment.
 *
 * @example lineSegments(g, { minLength: 64 }) // → [{ x0, y0, x1, y1, length, nx, ny }, …]
 */
import { blur, gradients, sample, type Gray } from './gray.js';

export interface Segment {
  x0: number; y0: number; x1: number; y1: number;
  length: number;
  /** unit normal (along the gradient) */
  nx: number; ny: number;
}

export interface SegmentOptions {
  /** shortest segment kept (default 7.5 % of the width) */
  minLength?: number;
  /** at most this many, longest first (default 40) */
  max?: number;
}

const TOLERANCE = Math.PI / 8;

export function lineSegments(img: Gray, o: SegmentOptions = {}): Segment[] {
  const { width: w, height: h } = img;
  const minLength = o.minLength ?? 0.075 * w;
  const smooth = blur(img, 1);
  const { gx, gy } = gradients(smooth);
  const n = w * h;
  const mag = new Float32Array(n), ang = new Float32Array(n);
  for (let i = 0; i < n; i++) { mag[i] = Math.hypot(gx[i]!, gy[i]!); ang[i] = Math.atan2(gy[i]!, gx[i]!); }
  const strong = 3;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (mag[i]! > strong) order.push(i);
  order.sort((a, b) => mag[b]! - mag[a]!);
  const used = new Uint8Array(n);
  const found: Segment[] = [];
  const region: number[] = [];
  for (const seed of order) {
    if (used[seed]) continue;
    region.length = 0;
    region.push(seed); used[seed] = 1;
    let sc = Math.cos(ang[seed]!), ss = Math.sin(ang[seed]!);
    for (let k = 0; k < region.length; k++) {
      const p = region[k]!, px = p % w, py = (p / w) | 0;
      const ra = Math.atan2(ss, sc);
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const x = px + dx, y = py + dy;
        if (x < 0 || y < 0 || x >= w || y >= h) continue;
        const q = y * w + x;
        if (used[q] || mag[q]! <= strong) continue;
        let d = Math.abs(ang[q]! - ra);
        if (d > Math.PI) d = 2 * Math.PI - d;
        if (d > TOLERANCE) continue;
        used[q] = 1; region.push(q);
        sc += Math.cos(ang[q]!); ss += Math.sin(ang[q]!);
      }
    }
    if (region.length < minLength) continue;
    const seg = fitRegion(region, mag, w, Math.atan2(ss, sc));
    if (seg && seg.length >= minLength && straightAtFrameZero(smooth, seg)) found.push(seg);
  }
  return found.sort((a, b) => b.length - a.length).slice(0, o.max ?? 40);
}

/** The region's principal axis; undefined when it is not long and thin across the gradient. */
function fitRegion(region: number[], mag: Float32Array, w: number, gradAngle: number): Segment | undefined {
  let sw = 0, mx = 0, my = 0;
  for (const p of region) { const m = mag[p]!; sw += m; mx += m * (p % w); my += m * ((p / w) | 0); }
  mx /= sw; my /= sw;
  let sxx = 0, syy = 0, sxy = 0;
  for (const p of region) { const m = mag[p]!, dx = (p % w) - mx, dy = ((p / w) | 0) - my; sxx += m * dx * dx; syy += m * dy * dy; sxy += m * dx * dy; }
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const tx = Math.cos(theta), ty = Math.sin(theta);
  // the edge runs across its gradient
  if (Math.abs(tx * Math.cos(gradAngle) + ty * Math.sin(gradAngle)) > 0.2) return undefined;
  let lo = Infinity, hi = -Infinity, plo = Infinity, phi = -Infinity;
  for (const p of region) {
    const dx = (p % w) - mx, dy = ((p / w) | 0) - my;
    const along = dx * tx + dy * ty, across = -dx * ty + dy * tx;
    lo = Math.min(lo, along); hi = Math.max(hi, along); plo = Math.min(plo, across); phi = Math.max(phi, across);
  }
  if (phi - plo > 6) return undefined;
  let nx = -ty, ny = tx;
  if (nx * Math.cos(gradAngle) + ny * Math.sin(gradAngle) < 0) { nx = -nx; ny = -ny; }
  return { x0: mx + lo * tx, y0: my + lo * ty, x1: mx + hi * tx, y1: my + hi * ty, length: hi - lo, nx, ny };
}

/** Sub-pixel edge position along the normal at points every 3 px of the segment (NaN: none). */
export function edgeOffsets(img: Gray, s: Segment, reach = 3): Array<{ along: number; offset: number }> {
  const out: Array<{ along: number; offset: number }> = [];
  const tx = (s.x1 - s.x0) / s.length, ty = (s.y1 - s.y0) / s.length;
  const cx = (s.x0 + s.x1) / 2, cy = (s.y0 + s.y1) / 2;
  for (let a = -s.length / 2 + 2; a <= s.length / 2 - 2; a += 3) {
    const deriv = (o: number) => sample(img, cx + a * tx + (o + 0.5) * s.nx, cy + a * ty + (o + 0.5) * s.ny) - sample(img, cx + a * tx + (o - 0.5) * s.nx, cy + a * ty + (o - 0.5) * s.ny);
    let best = -Infinity, bo = 0;
    for (let o = -reach; o <= reach; o += 0.5) { const d = deriv(o); if (d > best) { best = d; bo = o; } }
    const l = deriv(bo - 0.5), r = deriv(bo + 0.5), den = l - 2 * best + r;
    out.push({ along: a, offset: !(best > 2) || Math.abs(bo) >= reach ? NaN : bo + (den < 0 ? (0.25 * (l - r)) / den : 0) });
  }
  return out;
}

function straightAtFrameZero(img: Gray, s: Segment): boolean {
  const pts = edgeOffsets(img, s).filter((p) => !Number.isNaN(p.offset));
  if (pts.length < 0.7 * (s.length / 3)) return false;
  const fit = bowOf(pts);
  return fit !== undefined && fit.bow < 0.35;
}

/**
 * How far a set of (along, offset) points bows from a straight line: a quadratic is fitted
 * (robustly: the worst outliers are dropped and it is refitted) and its sagitta over the points'
 * span, |c|·(span/2)², is the bow in px.
 */
export function bowOf(pts: Array<{ along: number; offset: number }>): { bow: number; span: number } | undefined {
  let use = pts;
  for (let pass = 0; pass < 2; pass++) {
    if (use.length < 8) return undefined;
    const c = quadratic(use);
    const res = use.map((p) => Math.abs(p.offset - (c[0] + c[1] * p.along + c[2] * p.along * p.along)));
    const med = [...res].sort((a, b) => a - b)[res.length >> 1]!;
    if (pass === 0) { use = use.filter((_, i) => res[i]! <= 3 * med + 0.3); continue; }
    const lo = Math.min(...use.map((p) => p.along)), hi = Math.max(...use.map((p) => p.along));
    return { bow: Math.abs(c[2]) * ((hi - lo) / 2) ** 2, span: hi - lo };
  }
  return undefined;
}

/** Least-squares offset = c0 + c1·a + c2·a², about the points' mean position. */
function quadratic(pts: Array<{ along: number; offset: number }>): [number, number, number] {
  const m = pts.reduce((s, p) => s + p.along, 0) / pts.length;
  const S = [0, 0, 0, 0, 0], T = [0, 0, 0];
  for (const p of pts) {
    const a = p.along - m;
    let pw = 1;
    for (let k = 0; k < 5; k++) { S[k]! += pw; if (k < 3) T[k]! += pw * p.offset; pw *= a; }
  }
  const M = [[S[0]!, S[1]!, S[2]!], [S[1]!, S[2]!, S[3]!], [S[2]!, S[3]!, S[4]!]];
  const [c0, c1, c2] = solve3(M, T);
  // back to the caller's origin: o = c0 + c1(a - m) + c2(a - m)²
  return [c0 - c1 * m + c2 * m * m, c1 - 2 * c2 * m, c2];
}

function solve3(M: number[][], b: number[]): [number, number, number] {
  const det = (a: number[][]) => a[0]![0]! * (a[1]![1]! * a[2]![2]! - a[1]![2]! * a[2]![1]!) - a[0]![1]! * (a[1]![0]! * a[2]![2]! - a[1]![2]! * a[2]![0]!) + a[0]![2]! * (a[1]![0]! * a[2]![1]! - a[1]![1]! * a[2]![0]!);
  const d = det(M) || 1e-12;
  const col = (k: number) => M.map((row, i) => row.map((v, j) => (j === k ? b[i]! : v)));
  return [det(col(0)) / d, det(col(1)) / d, det(col(2)) / d];
}
