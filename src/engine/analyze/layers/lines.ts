/**
 * The picture's long straight edges (window frames, roof lines, shelf edges, masts, the grain of a
 * table), found LSD-style: pixels with a clear luma gradient are grown into regions whose gradient
 * points the same way (±22.5°); a region that is long, thin and straight across its length is a
 * segment. The renderer keeps the warp's nearness affine along each (picture/setup/straighten.ts):
 * a 3D line's inverse depth is affine along its image, so its image stays straight under any move.
 *
 * @example const segments = straightEdges(luma, 512, 341) // → [{ x0, y0, x1, y1 }, …] normalised, longest first
 */
import type { RgbImage } from '../../scene.js';
import { smoothBlur } from '../filters.js';
import { downsampleRgb } from '../resample.js';

/** Lines are found at this long side (or the picture's own, when smaller): finer than the analysis
 * raster, so close parallel edges (wood grain, railings) stay apart. */
const LINES_LONG_SIDE = 800;

/** straightEdges on the picture brought to LINES_LONG_SIDE (Rec.709 luma). */
export function pictureEdges(image: RgbImage): LineSegment[] {
  const scale = Math.min(1, LINES_LONG_SIDE / Math.max(image.width, image.height));
  const w = Math.max(1, Math.round(image.width * scale)), h = Math.max(1, Math.round(image.height * scale));
  const rgb = scale < 1 ? downsampleRgb(image.data, image.width, image.height, w, h) : image.data;
  const luma = new Float32Array(w * h);
  for (let i = 0; i < luma.length; i++) luma[i] = (0.2126 * rgb[3 * i]! + 0.7152 * rgb[3 * i + 1]! + 0.0722 * rgb[3 * i + 2]!) / 255;
  return straightEdges(luma, w, h);
}

/** A segment's end points, normalised 0…1 (pixel centres at (x + ½) / width). */
export interface LineSegment {
  x0: number; y0: number; x1: number; y1: number;
}

const TOLERANCE = Math.PI / 8;
/** gradient magnitude (luma 0…1 per px, after a light blur) an edge pixel needs */
const STRONG = 0.012;
/** shortest segment kept, as a fraction of the raster's long side */
const MIN_LENGTH = 0.05;
/** the most segments kept, longest first */
const MAX_SEGMENTS = 160;

function straightEdges(luma: Float32Array, w: number, h: number): LineSegment[] {
  const smooth = smoothBlur(luma, w, h, 1);
  const n = w * h;
  const mag = new Float32Array(n), ang = new Float32Array(n);
  for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) {
    const i = y * w + x;
    const gx = 0.5 * (smooth[i + 1]! - smooth[i - 1]!), gy = 0.5 * (smooth[i + w]! - smooth[i - w]!);
    mag[i] = Math.hypot(gx, gy); ang[i] = Math.atan2(gy, gx);
  }
  const seeds = strongestFirst(mag, STRONG);
  const minLength = MIN_LENGTH * Math.max(w, h);
  const used = new Uint8Array(n);
  const found: Found[] = [];
  const region: number[] = [];
  for (const seed of seeds) {
    if (used[seed]) continue;
    region.length = 0;
    region.push(seed); used[seed] = 1;
    let sc = Math.cos(ang[seed]!), ss = Math.sin(ang[seed]!);
    for (let k = 0; k < region.length; k++) {
      const p = region[k]!, px = p % w, py = (p / w) | 0, ra = Math.atan2(ss, sc);
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const x = px + dx, y = py + dy;
        if (x < 0 || y < 0 || x >= w || y >= h) continue;
        const q = y * w + x;
        if (used[q] || mag[q]! <= STRONG) continue;
        let d = Math.abs(ang[q]! - ra);
        if (d > Math.PI) d = 2 * Math.PI - d;
        if (d > TOLERANCE) continue;
        used[q] = 1; region.push(q);
        sc += Math.cos(ang[q]!); ss += Math.sin(ang[q]!);
      }
    }
    if (region.length < minLength) continue;
    const seg = straightRegion(region, mag, w, Math.atan2(ss, sc));
    if (seg && seg.length >= minLength) found.push(seg);
  }
  const merged = mergeCollinear(found, 0.03 * Math.max(w, h));
  merged.sort((a, b) => b.length - a.length);
  return merged.slice(0, MAX_SEGMENTS).map((s) => ({ x0: (s.x0 + 0.5) / w, y0: (s.y0 + 0.5) / h, x1: (s.x1 + 0.5) / w, y1: (s.y1 + 0.5) / h }));
}

/**
 * Pixels above `floor`, strongest first (LSD's pseudo-ordering: 1024 bins of magnitude, each in
 * index order — deterministic, and linear rather than a full sort).
 */
function strongestFirst(mag: Float32Array, floor: number): Int32Array {
  let top = floor;
  for (let i = 0; i < mag.length; i++) if (mag[i]! > top) top = mag[i]!;
  const bins = 1024, scale = (bins - 1) / Math.max(1e-9, top - floor), count = new Int32Array(bins + 1);
  const bin = (v: number) => bins - 1 - Math.floor((v - floor) * scale);
  for (let i = 0; i < mag.length; i++) if (mag[i]! > floor) count[bin(mag[i]!) + 1]!++;
  for (let b = 0; b < bins; b++) count[b + 1]! += count[b]!;
  const out = new Int32Array(count[bins]!);
  for (let i = 0; i < mag.length; i++) if (mag[i]! > floor) out[count[bin(mag[i]!)]!++] = i;
  return out;
}

/** The region's principal axis, when the region is thin across it and does not curve away from it. */
function straightRegion(region: number[], mag: Float32Array, w: number, gradAngle: number): Found | undefined {
  let sw = 0, mx = 0, my = 0;
  for (const p of region) { const m = mag[p]!; sw += m; mx += m * (p % w); my += m * ((p / w) | 0); }
  mx /= sw; my /= sw;
  let sxx = 0, syy = 0, sxy = 0;
  for (const p of region) { const m = mag[p]!, dx = (p % w) - mx, dy = ((p / w) | 0) - my; sxx += m * dx * dx; syy += m * dy * dy; sxy += m * dx * dy; }
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const tx = Math.cos(theta), ty = Math.sin(theta);
  // an edge runs across its gradient
  if (Math.abs(tx * Math.cos(gradAngle) + ty * Math.sin(gradAngle)) > 0.2) return undefined;
  let lo = Infinity, hi = -Infinity, spread = 0;
  for (const p of region) {
    const dx = (p % w) - mx, dy = ((p / w) | 0) - my;
    const along = dx * tx + dy * ty, across = -dx * ty + dy * tx;
    lo = Math.min(lo, along); hi = Math.max(hi, along);
    spread += mag[p]! * across * across;
  }
  // thin: the gradient-weighted spread across is that of a blurred edge, not of an arc or a blob
  if (Math.sqrt(spread / sw) > 2.5) return undefined;
  return { x0: mx + lo * tx, y0: my + lo * ty, x1: mx + hi * tx, y1: my + hi * ty, length: hi - lo };
}

type Found = LineSegment & { length: number };

/**
 * Pieces of one edge (region growing splits an edge where its gradient wavers) joined into one
 * segment — a kink between two pieces' own fits would bend the edge — when they run the same way
 * (±2°), the shorter lies on the longer's line (its ends within 1.5 px) and they leave at most
 * `gap` px between them.
 */
function mergeCollinear(segments: Found[], gap: number): Found[] {
  const out = [...segments];
  for (let joined = true; joined;) {
    joined = false;
    for (let i = 0; i < out.length && !joined; i++) for (let j = i + 1; j < out.length && !joined; j++) {
      const m = joinPair(out[i]!, out[j]!, gap);
      if (m) { out[i] = m; out.splice(j, 1); joined = true; }
    }
  }
  return out;
}

function joinPair(a: Found, b: Found, gap: number): Found | undefined {
  const tx = (a.x1 - a.x0) / a.length, ty = (a.y1 - a.y0) / a.length;
  const ux = (b.x1 - b.x0) / b.length, uy = (b.y1 - b.y0) / b.length;
  if (Math.abs(tx * uy - ty * ux) > 0.035) return undefined;
  // judged on the longer piece's line: a short piece's own direction is the less sure (golden-gate.jpg's
  // tower edge, found in a 61 px piece within 1 px of a 232 px one's line, put the long piece's far
  // end 6.5 px off its own, so the two were fitted apart and the edge bent where they met)
  const across = (x: number, y: number, s: Found, dx: number, dy: number) => Math.abs(-(x - s.x0) * dy + (y - s.y0) * dx);
  const long = a.length >= b.length, [l, sh] = long ? [a, b] : [b, a], [lx, ly] = long ? [tx, ty] : [ux, uy];
  if (across(sh.x0, sh.y0, l, lx, ly) > 1.5 || across(sh.x1, sh.y1, l, lx, ly) > 1.5) return undefined;
  const along = (x: number, y: number) => (x - a.x0) * tx + (y - a.y0) * ty;
  const p = along(b.x0, b.y0), q = along(b.x1, b.y1), lo = Math.min(p, q), hi = Math.max(p, q);
  if (lo > a.length + gap || hi < -gap) return undefined;
  // the joined segment: the length-weighted axis through both, spanning both
  const sign = tx * ux + ty * uy < 0 ? -1 : 1;
  let dx = tx * a.length + sign * ux * b.length, dy = ty * a.length + sign * uy * b.length;
  const norm = Math.hypot(dx, dy); dx /= norm; dy /= norm;
  const wa = a.length / (a.length + b.length);
  const cx = wa * (a.x0 + a.x1) / 2 + (1 - wa) * (b.x0 + b.x1) / 2, cy = wa * (a.y0 + a.y1) / 2 + (1 - wa) * (b.y0 + b.y1) / 2;
  const ends = [[a.x0, a.y0], [a.x1, a.y1], [b.x0, b.y0], [b.x1, b.y1]].map(([x, y]) => (x! - cx) * dx + (y! - cy) * dy);
  const e0 = Math.min(...ends), e1 = Math.max(...ends);
  return { x0: cx + e0 * dx, y0: cy + e0 * dy, x1: cx + e1 * dx, y1: cy + e1 * dy, length: e1 - e0 };
}
