/**
 * "Straight lines stay straight": every long straight segment of frame 0 is followed into a later
 * frame and its bow there is measured.
 *
 * Following: frame-0 features are matched into the later frame (Lowe's ratio test); the matches
 * around a segment give it a local similarity (RANSAC on pairs), which predicts where each point of
 * the segment went — up to a slide along the line itself, found by comparing the intensities along
 * it (those matches may lie on a surface that moves more or less than the line's), and kept where
 * the line matches better slid. Then, every 3 px along the segment, the frame-0 intensity profile
 * across the line is compared along the predicted normal (±10 px), and the line is followed as one track
 * (integrity/line-track.ts: continuous along the segment, so a stripe among repeated stripes is not
 * confused with its neighbour); the offsets on the track (sub-pixel), fitted by a quadratic along
 * the segment, give its sagitta (px) in the later frame. Points that leave the frame or match
 * poorly (occluded) are left out; a segment needs 60 % of its points. The similarity's rotation,
 * too, comes from the matches around the line: once followed, the line is followed again with the
 * similarity turned to the line's own direction (the straight fit of its offsets), and that is kept
 * where the line matches better.
 *
 * @example const ref = referenceLines(frame0); lineBow(ref, later, matches).worst // px
 */
import { bowOf, lineSegments, type Segment } from './line-segments.js';
import { blur, sample, type Gray } from './gray.js';
import type { Feature } from './features.js';
import { featureDistance } from './features.js';
import { cheapestTrack } from './line-track.js';

export interface LineReference {
  image: Gray;
  segments: Segment[];
}

export function referenceLines(frame0: Gray): LineReference {
  return { image: blur(frame0, 0.7), segments: lineSegments(frame0) };
}

export interface Match { x0: number; y0: number; x1: number; y1: number }

/** Frame-0 features matched into the later frame by Lowe's ratio test (0.8). */
export function ratioMatches(features0: Feature[], later: Feature[], distances?: Float32Array): Match[] {
  const out: Match[] = [];
  for (const [i, f] of features0.entries()) {
    let d1 = Infinity, d2 = Infinity, k = -1;
    later.forEach((g, j) => { const d = distances ? distances[i * later.length + j]! : featureDistance(f, g); if (d < d1) { d2 = d1; d1 = d; k = j; } else if (d < d2) d2 = d; });
    if (k >= 0 && d1 < 0.5 && d1 < 0.8 * d2) out.push({ x0: f.x, y0: f.y, x1: later[k]!.x, y1: later[k]!.y });
  }
  return out;
}

/** x1 = s·R(θ)·x0 + t, as (a, b, tx, ty) with a = s cos θ, b = s sin θ. */
export type Similarity = [number, number, number, number];

export const apply = (T: Similarity, x: number, y: number) => [T[0] * x - T[1] * y + T[2], T[1] * x + T[0] * y + T[3]] as const;

function fitSimilarity(ms: Match[]): Similarity {
  let mx0 = 0, my0 = 0, mx1 = 0, my1 = 0;
  for (const m of ms) { mx0 += m.x0; my0 += m.y0; mx1 += m.x1; my1 += m.y1; }
  mx0 /= ms.length; my0 /= ms.length; mx1 /= ms.length; my1 /= ms.length;
  let sa = 0, sb = 0, ss = 0;
  for (const m of ms) {
    const px = m.x0 - mx0, py = m.y0 - my0, qx = m.x1 - mx1, qy = m.y1 - my1;
    sa += px * qx + py * qy; sb += px * qy - py * qx; ss += px * px + py * py;
  }
  const a = ss ? sa / ss : 1, b = ss ? sb / ss : 0;
  return [a, b, mx1 - (a * mx0 - b * my0), my1 - (b * mx0 + a * my0)];
}

/** The similarity that most matches near the segment agree on (within 2 px), refitted on them. */
function localSimilarity(seg: Segment, matches: Match[], width: number): Similarity | undefined {
  const cx = (seg.x0 + seg.x1) / 2, cy = (seg.y0 + seg.y1) / 2;
  return consensus(matches.filter((m) => Math.hypot(m.x0 - cx, m.y0 - cy) < seg.length / 2 + 0.12 * width));
}

/** RANSAC over pairs of matches (deterministic subsample); undefined under 4 inliers. */
export function consensus(near: Match[]): Similarity | undefined {
  if (near.length < 4) return undefined;
  let best: Match[] = [];
  const step = Math.max(1, Math.floor((near.length * near.length) / 600));
  for (let i = 0, k = 0; i < near.length; i++) for (let j = i + 1; j < near.length; j++, k++) {
    if (k % step) continue;
    const a = near[i]!, b = near[j]!;
    if (Math.hypot(a.x0 - b.x0, a.y0 - b.y0) < 10) continue;
    const T = fitSimilarity([a, b]);
    const s = Math.hypot(T[0], T[1]);
    if (s < 0.5 || s > 2) continue;
    const inliers = near.filter((m) => { const [x, y] = apply(T, m.x0, m.y0); return Math.hypot(x - m.x1, y - m.y1) < 2; });
    if (inliers.length > best.length) best = inliers;
  }
  return best.length >= 4 ? fitSimilarity(best) : undefined;
}

/** A followed segment: its bow, the span it was followed over and the offsets found (for plots). */
export interface SegmentBow { segment: Segment; bow: number; span: number; points: Array<{ along: number; offset: number }> }

export interface LineFigure {
  /** segments of frame 0, and how many could be followed into the later frame */
  segments: number;
  followed: number;
  /** the largest bow (px) and its segment */
  worst: number;
  bows: SegmentBow[];
}

const HALF = 5; // profile half-length across the line (px)
/** candidate offsets across the line from where the local similarity puts it (px) */
const REACH = 10;
const OFFSETS = Float64Array.from({ length: 4 * REACH + 1 }, (_, k) => -REACH + k / 2);

/**
 * At the point `a` px along the segment: how far the later frame's profile across the line, at
 * each candidate offset from where T puts the point, is from frame 0's — as a fraction of frame 0's
 * own variance across the line (0: the same; all NaN: the search reaches off the frame, or a flat profile).
 */
function profileCosts(ref: Gray, img: Gray, seg: Segment, a: number, T: Similarity, s: number, ntx: number, nty: number, ttx: number, tty: number, slid: number): Float64Array {
  const out = new Float64Array(OFFSETS.length).fill(NaN);
  const tx = (seg.x1 - seg.x0) / seg.length, ty = (seg.y1 - seg.y0) / seg.length;
  const px = (seg.x0 + seg.x1) / 2 + a * tx, py = (seg.y0 + seg.y1) / 2 + a * ty;
  // frame-0 profile across the line, averaged over ±2 px along it
  const p0: number[] = [];
  for (let k = -HALF; k <= HALF; k++) {
    let v = 0;
    for (let u = -2; u <= 2; u++) v += sample(ref, px + k * seg.nx + u * tx, py + k * seg.ny + u * ty);
    p0.push(v / 5);
  }
  if (p0.some(Number.isNaN)) return out;
  const m0 = p0.reduce((x, y) => x + y, 0) / p0.length;
  const var0 = p0.reduce((x, y) => x + (y - m0) ** 2, 0);
  if (!(var0 > 0)) return out;
  const [tqx, tqy] = apply(T, px, py), qx = tqx + slid * ttx, qy = tqy + slid * tty;
  const p1: number[] = [];
  OFFSETS.forEach((o, j) => {
    p1.length = 0;
    for (let k = -HALF; k <= HALF; k++) {
      let v = 0;
      for (let u = -2; u <= 2; u++) v += sample(img, qx + (o + k * s) * ntx + u * s * ttx, qy + (o + k * s) * nty + u * s * tty);
      p1.push(v / 5);
    }
    const m1 = p1.reduce((x, y) => x + y, 0) / p1.length;
    out[j] = p1.reduce((x, y, i) => x + (y - m1 - (p0[i]! - m0)) ** 2, 0) / var0;
  });
  // a point whose search reaches off the frame is left out whole: the candidates still inside
  // would otherwise draw the track towards them
  return out.some(Number.isNaN) ? out.fill(NaN) : out;
}

/** the largest slide along the line looked for (px in the later frame), and the strip's half-width across it */
const SLIDE = 16, STRIP = 3;
const TRACK = { maxStep: 2, cap: 0.5, stepCost: 0.02 };

/**
 * How far the line slid along itself from where T puts it (px, along T's image of the line): T is
 * fitted on the matches around the segment, which may belong to a nearer or farther surface than
 * the line (a curtain's fold beside a shoulder that moves more). Frame 0's intensities along a
 * strip on the line are compared with the later frame's at each slide. Sliding along itself does
 * not bend a line; bent, the line still bows as much wherever it slid.
 */
function slideAlong(ref: Gray, img: Gray, seg: Segment, T: Similarity, s: number, ntx: number, nty: number, ttx: number, tty: number): number {
  const tx = (seg.x1 - seg.x0) / seg.length, ty = (seg.y1 - seg.y0) / seg.length;
  const cx = (seg.x0 + seg.x1) / 2, cy = (seg.y0 + seg.y1) / 2;
  const strip = (g: Gray, x: number, y: number, nx: number, ny: number, step: number) => {
    let v = 0;
    for (let k = -STRIP; k <= STRIP; k++) v += sample(g, x + k * step * nx, y + k * step * ny);
    return v / (2 * STRIP + 1);
  };
  const along: number[] = [], v0: number[] = [];
  for (let a = -seg.length / 2; a <= seg.length / 2; a += 1) { along.push(a); v0.push(strip(ref, cx + a * tx, cy + a * ty, seg.nx, seg.ny, 1)); }
  const [qx, qy] = apply(T, cx, cy);
  const costAt = (d: number) => {
    let n = 0, m0 = 0, m1 = 0;
    const pairs: Array<[number, number]> = [];
    along.forEach((a, i) => {
      const v = strip(img, qx + (a * s + d) * ttx, qy + (a * s + d) * tty, ntx, nty, s);
      if (!Number.isNaN(v) && !Number.isNaN(v0[i]!)) { pairs.push([v0[i]!, v]); m0 += v0[i]!; m1 += v; n++; }
    });
    if (n < 0.6 * along.length) return Infinity;
    m0 /= n; m1 /= n;
    let cost = 0, var0 = 0;
    for (const [a, b] of pairs) { cost += (b - m1 - (a - m0)) ** 2; var0 += (a - m0) ** 2; }
    return var0 > 0 ? cost / var0 : Infinity;
  };
  // every px, then the half px either side of the best (of equals, the smallest slide)
  let best = 0, bestCost = costAt(0);
  for (let d = 1; d <= SLIDE; d++) for (const e of [-d, d]) { const c = costAt(e); if (c < bestCost - 1e-9) { bestCost = c; best = e; } }
  const coarse = best;
  for (const e of [coarse - 0.5, coarse + 0.5]) { const c = costAt(e); if (c < bestCost - 1e-9) { bestCost = c; best = e; } }
  return best;
}

export function lineBow(ref: LineReference, later: Gray, matches: Match[]): LineFigure {
  const img = blur(later, 0.7);
  const bows: SegmentBow[] = [];
  // where too few matches lie near a segment, the picture's overall motion predicts it
  const global = consensus(matches);
  for (const seg of ref.segments) {
    const T = localSimilarity(seg, matches, later.width) ?? global;
    if (!T) continue;
    let line = follow(ref.image, img, seg, T);
    // T turned to the direction the line was followed in, where the line matches better so
    const turned = turnedToLine(seg, T, line.points);
    if (turned) { const other = follow(ref.image, img, seg, turned); if (other.cost < line.cost) line = other; }
    const { points, s } = line;
    if (points.length < 0.6 * line.tried) continue;
    const fit = bowOf(points.map((p) => ({ along: p.along * s, offset: p.offset })));
    if (fit && fit.span > 0.6 * seg.length * s) bows.push({ segment: seg, bow: fit.bow, span: fit.span, points });
  }
  return { segments: ref.segments.length, followed: bows.length, worst: Math.max(0, ...bows.map((b) => b.bow)), bows };
}

/**
 * The segment followed into the later frame from where T puts it: every 3 px along it, the cost of
 * each candidate offset across it; the cheapest continuous track through them (where T puts the
 * line, or slid along itself, whichever the line matches better); and on it, the sub-pixel offsets
 * of the points matched well (`tried` points were looked at; `cost` is the track's).
 */
function follow(ref: Gray, img: Gray, seg: Segment, T: Similarity): { points: Array<{ along: number; offset: number }>; tried: number; cost: number; s: number } {
  const s = Math.hypot(T[0], T[1]);
  const rot = (x: number, y: number) => [(T[0] * x - T[1] * y) / s, (T[1] * x + T[0] * y) / s] as const;
  const tx = (seg.x1 - seg.x0) / seg.length, ty = (seg.y1 - seg.y0) / seg.length;
  const [ntx, nty] = rot(seg.nx, seg.ny), [ttx, tty] = rot(tx, ty);
  const alongs: number[] = [];
  for (let a = -seg.length / 2 + 3; a <= seg.length / 2 - 3; a += 3) alongs.push(a);
  const followed = (slid: number) => {
    const costs = alongs.map((a) => profileCosts(ref, img, seg, a, T, s, ntx, nty, ttx, tty, slid));
    const track = cheapestTrack(costs, TRACK);
    return { costs, track, cost: costs.reduce((sum, c, i) => { const v = c[track[i]!]!; return sum + (v < TRACK.cap ? v : TRACK.cap); }, 0) };
  };
  let { costs, track, cost } = followed(0);
  const slid = slideAlong(ref, img, seg, T, s, ntx, nty, ttx, tty);
  if (slid !== 0) { const other = followed(slid); if (other.cost < cost) ({ costs, track, cost } = other); }
  const points: Array<{ along: number; offset: number }> = [];
  costs.forEach((c, i) => {
    // the best candidate within ½ px of the track, matched well, and not at the search's end
    let k = -1;
    for (let j = Math.max(1, track[i]! - 1); j <= Math.min(c.length - 2, track[i]! + 1); j++) if (c[j]! < (k < 0 ? Infinity : c[k]!)) k = j;
    if (k < 0 || !(c[k]! < 0.25) || !(c[k - 1]! >= c[k]!) || !(c[k + 1]! >= c[k]!)) return;
    const l = c[k - 1]!, r = c[k + 1]!, den = l - 2 * c[k]! + r;
    points.push({ along: alongs[i]!, offset: OFFSETS[k]! + (den > 0 ? (0.25 * (l - r)) / den : 0) });
  });
  return { points, tried: alongs.length, cost, s };
}

/**
 * T turned about the segment's image to the direction the line was followed in (the straight fit
 * of its offsets); undefined when that is T's own (within 0.01 px per px) or too few points were
 * found. T's rotation comes from the matches around the line, which may lie on surfaces that turn
 * unlike it (the background behind a coat's shoulder under a pull-out): the profiles across the
 * line are then compared at slightly wrong places along it, and where the line also slid along
 * itself, the slide is found wrong, and a soft line read as bent (the cameraman's crease, 1.21 px,
 * kept straight by the warp to 0.01 px). Turning does not straighten a bent line: the bend is
 * what the straight fit leaves.
 */
function turnedToLine(seg: Segment, T: Similarity, points: Array<{ along: number; offset: number }>): Similarity | undefined {
  if (points.length < 8) return undefined;
  const s = Math.hypot(T[0], T[1]), n = points.length;
  const ma = points.reduce((x, p) => x + p.along * s, 0) / n, mo = points.reduce((x, p) => x + p.offset, 0) / n;
  let sxy = 0, sxx = 0;
  for (const p of points) { sxy += (p.along * s - ma) * (p.offset - mo); sxx += (p.along * s - ma) ** 2; }
  const slope = sxx > 0 ? sxy / sxx : 0;
  if (Math.abs(slope) < 0.01) return undefined;
  // the line runs along t + slope·n in the later frame; n is t turned by +90° or −90°
  const tx = (seg.x1 - seg.x0) / seg.length, ty = (seg.y1 - seg.y0) / seg.length;
  const phi = Math.atan(slope) * (tx * seg.ny - ty * seg.nx), c = Math.cos(phi), sn = Math.sin(phi);
  // T' = q + R(φ)·(T(x) − q) about q = T(the segment's middle)
  const [qx, qy] = apply(T, (seg.x0 + seg.x1) / 2, (seg.y0 + seg.y1) / 2), ox = T[2] - qx, oy = T[3] - qy;
  return [T[0] * c - T[1] * sn, T[0] * sn + T[1] * c, qx + c * ox - sn * oy, qy + sn * ox + c * oy];
}
