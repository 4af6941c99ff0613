/**
 * A synthesised fill without block edges or a tone of its own. The synthesis (./synthesize.ts)
 * runs on a raster f times smaller, and `applySourceMap` copies each small pixel's f×f block from
 * its own source: where neighbouring blocks come from different places, a smooth sky shows their
 * edges as a grid of rectangles, and a thin hole (behind a spire, a mast) filled from one side
 * keeps the outline of what stood there, lighter or darker than the sky around it. Here:
 * - each small pixel of the fill gets a tone shift: where the fill touches the known picture, what
 *   the known pixels round it differ, on average, from the same pixels round its source (the
 *   copy's mean offset), so the fill meets both sides of a thin hole at their own tone; inside,
 *   those shifts fade smoothly (a membrane, as in seamless cloning: Pérez et al. 2003);
 * - each full-resolution pixel keeps one copy, grain and all, its low frequencies swapped for the
 *   bilinear blend of the four small pixels round it (each copy's local mean at its tone): where
 *   the four copy from the same place it is that copy exactly; where they differ, the means pass
 *   one into the other over a block's width with no step (and the grain is never averaged away).
 *
 * @example
 *   const map = synthesize(small, 4, w, h, sHole, sSource, { seed });
 *   applySourceMap(back, 4, W, H, hole, source, map); // the plain copy, then within the band a move reveals:
 *   blendFill(back, 4, W, H, hole, source, map, fillTone(small, 4, w, h, sHole, map, band));
 */
import type { SourceMap } from './synthesize.js';

/** neighbourhood radius (small px) over which a copy's mean offset from its surroundings is read */
const TONE_RADIUS = 3;
/** grey levels: a pair of pixels this far apart counts half (robust to a feature beside the rim) */
const TONE_SPREAD = 12;
/** at least this many known pixel pairs make a tone reading */
const TONE_PAIRS = 4;
/** smoothing sweeps of the membrane inside the band (a thin hole is settled in a few) */
const SWEEPS = 12;

/** The fill's tone shifts on the small raster, and where they were worked out. */
export interface FillTone {
  /** per small pixel (r, g, b): what brings its copy to the tone of the known picture round it; 0 elsewhere */
  shift: Float32Array;
  /** 1 on hole pixels within the band a move can reveal: only these are blended */
  seen: Uint8Array;
  /** the small raster the copies were chosen on (`channels` bytes a pixel): each source's local mean */
  small: Uint8Array;
  channels: number;
}

/** 1 on hole pixels at most `band` steps (4-connected) from the known picture. */
function withinBand(hole: Uint8Array, w: number, h: number, band: number): Uint8Array {
  const n = w * h, dist = new Int32Array(n).fill(-1), order = new Int32Array(n), seen = new Uint8Array(n);
  let head = 0, tail = 0;
  for (let p = 0; p < n; p++) if (!hole[p]) { dist[p] = 0; order[tail++] = p; }
  while (head < tail) {
    const p = order[head++]!, x = p % w, d = dist[p]! + 1;
    if (d > band) continue;
    for (let j = 0; j < 4; j++) {
      const q = j === 0 ? (x > 0 ? p - 1 : -1) : j === 1 ? (x < w - 1 ? p + 1 : -1) : j === 2 ? p - w : p + w;
      if (q < 0 || q >= n || dist[q]! >= 0) continue;
      dist[q] = d; seen[q] = 1; order[tail++] = q;
    }
  }
  return seen;
}

/**
 * The tone shift of each copy within `band` (small px) of the known picture; `img` is the small
 * raster after synthesis.
 */
export function fillTone(img: Uint8Array, channels: number, w: number, h: number, hole: Uint8Array, map: SourceMap, band = Infinity): FillTone {
  const n = w * h, tone = new Float32Array(n * 3), fixed = new Uint8Array(n), from = map.from, r = TONE_RADIUS;
  const seen = withinBand(hole, w, h, band);
  const inside: number[] = [];
  for (let p = 0; p < n; p++) {
    if (!seen[p]) continue;
    inside.push(p);
    const s = from[p]!;
    if (s < 0) continue;
    const px = p % w, py = (p / w) | 0, sx = s % w, sy = (s / w) | 0;
    let count = 0, weight = 0, dr = 0, dg = 0, db = 0;
    for (let dy = -r; dy <= r; dy++) {
      const y = py + dy, ty = sy + dy;
      if (y < 0 || y >= h || ty < 0 || ty >= h) continue;
      for (let dx = -r; dx <= r; dx++) {
        const x = px + dx, tx = sx + dx;
        if (x < 0 || x >= w || tx < 0 || tx >= w) continue;
        const q = y * w + x, t = ty * w + tx;
        if (hole[q] || hole[t]) continue;
        // the nearest known pixels count most (a thin hole meets each side at that side's tone), and
        // a pair far apart counts little: a feature by the rim (a lamp, a mast's cap) tints nothing
        const a = q * channels, b = t * channels, er = img[a]! - img[b]!, eg = img[a + 1]! - img[b + 1]!, eb = img[a + 2]! - img[b + 2]!;
        const apart = (Math.abs(er) + Math.abs(eg) + Math.abs(eb)) / (3 * TONE_SPREAD), k = 1 / ((dx * dx + dy * dy) * (1 + apart * apart));
        dr += k * er; dg += k * eg; db += k * eb;
        weight += k; count++;
      }
    }
    if (count < TONE_PAIRS) continue;
    fixed[p] = 1;
    tone[p * 3] = dr / weight; tone[p * 3 + 1] = dg / weight; tone[p * 3 + 2] = db / weight;
  }
  // the rest of the band: a membrane from 0, each pixel the mean of its neighbours in it (Gauss–
  // Seidel sweeps both ways), so a rim's shift fades over a few pixels inwards. (Carried deeper —
  // set outwards from the rim, or asking each copy to continue its neighbours by its sources' step,
  // Poisson's way — it tints whole regions of a wide fill with another's colours: not done.)
  const free = Int32Array.from(inside.filter((p) => !fixed[p]));
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (let k = 0; k < free.length; k++) {
      const p = free[sweep & 1 ? free.length - 1 - k : k]!, x = p % w;
      let m = 0, cr = 0, cg = 0, cb = 0;
      for (let j = 0; j < 4; j++) {
        const q = j === 0 ? (x > 0 ? p - 1 : -1) : j === 1 ? (x < w - 1 ? p + 1 : -1) : j === 2 ? p - w : p + w;
        if (q < 0 || q >= n || !seen[q]) continue;
        m++; cr += tone[q * 3]!; cg += tone[q * 3 + 1]!; cb += tone[q * 3 + 2]!;
      }
      if (m) { tone[p * 3] = cr / m; tone[p * 3 + 1] = cg / m; tone[p * 3 + 2] = cb / m; }
    }
  }
  return { shift: tone, seen, small: img, channels };
}

/**
 * Rewrites the hole's pixels of `img` (W×H, already filled by applySourceMap with the same map):
 * each keeps one copy, its own small pixel's (or the nearest that serves) — so the grain stays the
 * copy's own, never an average of shifted copies (a blur) — with its low frequencies swapped for
 * the bilinear blend of the four nearest small pixels' copies at their tones: what the four bring
 * (each source's local mean, the small pixel copied, plus its tone) less what the own copy would
 * bring at the same places. Where the four copy from one place that is the copy itself, tone
 * aside; where they differ, the means pass from one to the next with no step at the blocks'
 * edges. A copy that lands in the hole or outside `source` drops out; a pixel none serves keeps
 * its plain copy.
 */
export function blendFill(img: Uint8Array, channels: number, W: number, H: number, hole: Uint8Array, source: Uint8Array, map: SourceMap, fill: FillTone): void {
  const { width: w, height: h, from } = map, { shift: tone, seen, small, channels: sc } = fill;
  const kx = W / w, ky = H / h;
  const cells = new Int32Array(4), weights = new Float64Array(4), at = new Int32Array(4);
  for (let Y = 0; Y < H; Y++) {
    const v = ((Y + 0.5) * h) / H - 0.5, y0 = Math.floor(v), fy = v - y0;
    for (let X = 0; X < W; X++) {
      const P = Y * W + X;
      if (!hole[P]) continue;
      const u = ((X + 0.5) * w) / W - 0.5, x0 = Math.floor(u), fx = u - x0;
      // beyond the band (never revealed) the plain copy stays
      if (!seen[Math.min(h - 1, Math.floor(((Y + 0.5) * h) / H)) * w + Math.min(w - 1, Math.floor(((X + 0.5) * w) / W))]) continue;
      let total = 0, copies = 0, own = -1;
      for (let k = 0; k < 4; k++) {
        const cx = x0 + (k & 1), cy = y0 + (k >> 1);
        if (cx < 0 || cx >= w || cy < 0 || cy >= h) continue;
        const weight = (k & 1 ? fx : 1 - fx) * (k >> 1 ? fy : 1 - fy);
        const c = cy * w + cx, f = from[c]!;
        if (weight <= 0 || f < 0) continue;
        const tx = Math.round(X + ((f % w) - cx) * kx), ty = Math.round(Y + (((f / w) | 0) - cy) * ky);
        if (tx < 0 || tx >= W || ty < 0 || ty >= H) continue;
        const t = ty * W + tx;
        if (!source[t] || hole[t]) continue;
        cells[copies] = c; weights[copies] = weight; at[copies] = t;
        if (own < 0 || weight > weights[own]!) own = copies;
        total += weight; copies++;
      }
      if (total <= 0) continue;
      // the own copy's source cell, and its offset from its small pixel
      const oc = cells[own]!, of = from[oc]!, dx = (of % w) - (oc % w), dy = ((of / w) | 0) - ((oc / w) | 0);
      const o = P * channels, t = at[own]! * channels;
      for (let ch = 0; ch < 3; ch++) {
        let low = 0;
        for (let i = 0; i < copies; i++) {
          const c = cells[i]!, cx = c % w, cy = (c / w) | 0;
          // what the own copy would bring at this small pixel: its source's neighbour at the same step
          const ox = Math.min(w - 1, Math.max(0, cx + dx)), oy = Math.min(h - 1, Math.max(0, cy + dy));
          low += (weights[i]! / total) * (small[from[c]! * sc + ch]! + tone[c * 3 + ch]! - small[(oy * w + ox) * sc + ch]!);
        }
        img[o + ch] = clamp(img[t + ch]! + low);
      }
      if (channels > 3) img[o + 3] = img[t + 3]!;
    }
  }
}

const clamp = (v: number) => (v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v));
