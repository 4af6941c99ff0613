/**
 * How distinctive each place of a picture is: the difference between the patch around it and the
 * most similar patch at least `apart` px away (a self nearest-neighbour field found PatchMatch's
 * way: random start, propagation, shrinking random search — Barnes et al. 2009). Texture (grass,
 * sky, a crowd, foliage, a wall) has look-alikes elsewhere and scores low; an object (a ball, a
 * logo, a hand) has none and scores high. Synthesis must never copy a high-scoring place: that
 * would paste a second ball, not continue the grass.
 *
 * Patches are compared on a coarse descriptor (3 × 3 samples of a box-blurred copy, colour) at three
 * scales (the raster, or a copy shrunk to ~80 k pixels, its half and its quarter), so a large
 * object with a plain inside is still found by its outline at a coarse scale. The score is the
 * largest of the three, in RMS grey levels (0…255).
 *
 * @example
 *   const d = distinctiveness(rgba, 4, w, h, { seed });
 *   d[y * w + x] > DISTINCT ? 'an object' : 'texture';
 */
import { dilate } from './dilate.js';
import { createRandom } from '../util/random.js';

/** Above this (RMS grey levels of the coarse patch) a place has no look-alike: an object. */
export const DISTINCT = 22;
/**
 * Each scale's weight: at the quarter scale a patch of any busy texture (a crowd) is nearly unique,
 * so only an object that stands out clearly there (a logo's word) counts.
 */
const SCALE_WEIGHT = [1, 1, 0.6];

export interface DistinctivenessOptions {
  seed: number;
  /** 1 = a pixel whose colour is known; unknown ones take their nearest known neighbour's (default: all known) */
  known?: Uint8Array;
  /** a look-alike must be at least this far (px; default 12 % of the larger side) */
  apart?: number;
  /** descriptor sample spacing (px; default 3): a patch covers (2·step + 3)² px of the raster */
  step?: number;
  /** 1 = score this pixel (default: all); others score 0, and cost nothing */
  only?: Uint8Array;
}

/** Per pixel, the distinctiveness (0…255) of the picture `img` (`channels` bytes a pixel, RGB first). */
export function distinctiveness(img: Uint8Array, channels: number, w: number, h: number, o: DistinctivenessOptions): Float32Array {
  const known = o.known ?? new Uint8Array(w * h).fill(1);
  const apart = o.apart ?? Math.max(4, Math.round(0.12 * Math.max(w, h)));
  const step = o.step ?? 3;
  // the fine scale on at most ~80 k pixels (the cost is a few dozen patch comparisons a pixel)
  const k = Math.max(1, Math.round(Math.sqrt((w * h) / 80000)));
  let planes = filledPlanes(img, channels, w, h, known), fw = w, fh = h, fKnown = known, fOnly = o.only;
  for (let f = k; f > 1; f >>= 1) {
    if (fOnly) fOnly = halvedAny(fOnly, fw, fh);
    ({ planes, width: fw, height: fh, known: fKnown } = halved(planes, fw, fh, fKnown));
  }
  // three scales: that raster, its half and its quarter, same sample spacing (so twice and four
  // times the footprint: a word of a logo is one distinctive shape there, not letters like others)
  const out = new Float32Array(w * h);
  let level = { planes, width: fw, height: fh, known: fKnown }, only = fOnly;
  for (let scale = 0; scale < 3; scale++) {
    if (scale > 0) {
      if (only) only = halvedAny(only, level.width, level.height);
      level = halved(level.planes, level.width, level.height, level.known);
    }
    const lw = level.width, lh = level.height;
    if (lw < 3 * step || lh < 3 * step) break;
    const score = selfMatch(level.planes, lw, lh, level.known, step, Math.max(2, Math.round((apart * lw) / w)), o.seed + scale, lw * lh > 10000 ? 2 : 1, only);
    for (let y = 0; y < h; y++) {
      const row = Math.min(lh - 1, Math.floor((y * lh) / h)) * lw;
      for (let x = 0; x < w; x++) {
        const v = score[row + Math.min(lw - 1, Math.floor((x * lw) / w))]! * SCALE_WEIGHT[scale]!;
        if (v > out[y * w + x]!) out[y * w + x] = v;
      }
    }
  }
  return out;
}

/**
 * Distinctiveness reduced to a 0/1 mask of objects (w px wide), grown by `grow` px, at most
 * `share` of the known pixels before growing: when more of the picture than that is distinctive
 * (a busy picture), only the most distinctive share is marked, so synthesis always keeps some
 * source to continue from.
 */
export function distinctMask(score: Float32Array, known: Uint8Array | undefined, w: number, grow = 0, share = 0.6, limit = DISTINCT): Uint8Array {
  const hist = new Uint32Array(256);
  let total = 0;
  for (let i = 0; i < score.length; i++) if (!known || known[i]) { hist[Math.min(255, score[i]! | 0)]!++; total++; }
  let t = limit, above = 0;
  for (let v = 255; v >= 0; v--) {
    if (above + hist[v]! > share * total) { t = Math.max(t, v + 1); break; }
    above += hist[v]!;
  }
  const out = new Uint8Array(score.length);
  for (let i = 0; i < score.length; i++) out[i] = score[i]! >= t && (!known || known[i]) ? 1 : 0;
  const h = score.length / w;
  return filledHoles(grow > 0 ? dilate(out, w, h, grow) : out, w, h, 0.02);
}

/**
 * Enclosed gaps of the mask smaller than `most` of the raster become part of it: the plain inside
 * of an object (a rocket's tank) belongs to the object its distinctive outline encloses.
 */
function filledHoles(mask: Uint8Array, w: number, h: number, most: number): Uint8Array {
  const out = mask.slice(), seen = new Uint8Array(w * h), queue = new Int32Array(w * h);
  for (let s = 0; s < w * h; s++) {
    if (mask[s] || seen[s]) continue;
    let head = 0, tail = 0, open = false;
    queue[tail++] = s; seen[s] = 1;
    while (head < tail) {
      const i = queue[head++]!, x = i % w, y = (i / w) | 0;
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) open = true;
      for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1]) {
        if (j >= 0 && !mask[j] && !seen[j]) { seen[j] = 1; queue[tail++] = j; }
      }
    }
    if (!open && tail <= most * w * h) for (let k = 0; k < tail; k++) out[queue[k]!] = 1;
  }
  return out;
}

/** The RGB channels as floats, 3×3 box-blurred, with unknown pixels given their nearest known colour. */
function filledPlanes(img: Uint8Array, channels: number, w: number, h: number, known: Uint8Array): Float32Array[] {
  const n = w * h, from = new Int32Array(n).fill(-1), queue = new Int32Array(n);
  let head = 0, tail = 0;
  for (let i = 0; i < n; i++) if (known[i]) { from[i] = i; queue[tail++] = i; }
  while (head < tail) {
    const i = queue[head++]!, x = i % w;
    for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w]) {
      if (j < 0 || j >= n || from[j]! >= 0) continue;
      from[j] = from[i]!; queue[tail++] = j;
    }
  }
  return [0, 1, 2].map((c) => {
    const p = new Float32Array(n);
    for (let i = 0; i < n; i++) p[i] = from[i]! >= 0 ? img[from[i]! * channels + c]! : 0;
    return box3(p, w, h);
  });
}

function box3(p: Float32Array, w: number, h: number): Float32Array {
  const tmp = new Float32Array(w * h), out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    tmp[i] = (p[y * w + Math.max(0, x - 1)]! + p[i]! + p[y * w + Math.min(w - 1, x + 1)]!) / 3;
  }
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    out[i] = (tmp[Math.max(0, y - 1) * w + x]! + tmp[i]! + tmp[Math.min(h - 1, y + 1) * w + x]!) / 3;
  }
  return out;
}

/** A 0/1 mask at half the size: set where any of its 2 × 2 pixels is. */
function halvedAny(mask: Uint8Array, w: number, h: number): Uint8Array {
  const hw = Math.max(1, w >> 1), hh = Math.max(1, h >> 1), out = new Uint8Array(hw * hh);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (mask[y * w + x]) out[Math.min(hh - 1, y >> 1) * hw + Math.min(hw - 1, x >> 1)] = 1;
  return out;
}

/** Planes and their known mask at half the size (2 × 2 means; known where the top-left pixel is). */
function halved(planes: Float32Array[], w: number, h: number, known: Uint8Array): { planes: Float32Array[]; width: number; height: number; known: Uint8Array } {
  const hw = Math.max(1, w >> 1), hh = Math.max(1, h >> 1);
  const out = planes.map((p) => {
    const q = new Float32Array(hw * hh);
    for (let y = 0; y < hh; y++) for (let x = 0; x < hw; x++) {
      const x0 = Math.min(w - 1, 2 * x), x1 = Math.min(w - 1, 2 * x + 1), y0 = Math.min(h - 1, 2 * y) * w, y1 = Math.min(h - 1, 2 * y + 1) * w;
      q[y * hw + x] = (p[y0 + x0]! + p[y0 + x1]! + p[y1 + x0]! + p[y1 + x1]!) / 4;
    }
    return q;
  });
  const k = new Uint8Array(hw * hh);
  for (let y = 0; y < hh; y++) for (let x = 0; x < hw; x++) k[y * hw + x] = known[Math.min(h - 1, 2 * y) * w + Math.min(w - 1, 2 * x)]!;
  return { planes: out, width: hw, height: hh, known: k };
}

/**
 * For each pixel, the RMS descriptor distance to its nearest known patch at least `apart` away.
 * Asked at every `stride`-th pixel each way (any pixel may be the look-alike) and spread to the
 * pixels between: a stride of 2 costs a quarter and finds the same objects.
 */
function selfMatch(planes: Float32Array[], w: number, h: number, known: Uint8Array, step: number, apart: number, seed: number, stride: number, only?: Uint8Array): Float32Array {
  const n = w * h, D = 27;
  // descriptors: 3 × 3 samples (spacing `step`, edge-clamped) × 3 channels, read from the
  // interleaved colours when compared (a stored descriptor per pixel would cost more to build)
  const rgb = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) { rgb[3 * i] = planes[0]![i]!; rgb[3 * i + 1] = planes[1]![i]!; rgb[3 * i + 2] = planes[2]![i]!; }
  const sx = new Int32Array(3), sy = new Int32Array(3), mine = new Float32Array(D);
  /** the 3 × 3 sample positions (×3: offsets into rgb) around (x, y), into sx (columns) and sy (rows) */
  const samples = (x: number, y: number) => {
    for (let k = 0; k < 3; k++) {
      sx[k] = 3 * Math.min(w - 1, Math.max(0, x + (k - 1) * step));
      sy[k] = 3 * w * Math.min(h - 1, Math.max(0, y + (k - 1) * step));
    }
  };
  const gw = Math.ceil(w / stride), gh = Math.ceil(h / stride), m = gw * gh;
  // the queries asked for: a query stands for the stride × stride pixels it spreads to
  const asked = new Uint8Array(m).fill(only ? 0 : 1);
  if (only) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (only[y * w + x]) asked[Math.min(gh - 1, Math.round(y / stride)) * gw + Math.min(gw - 1, Math.round(x / stride))] = 1;
  const rng = createRandom(seed);
  const nn = new Int32Array(m).fill(-1), best = new Float32Array(m).fill(Infinity);
  /** tries pixel q as the look-alike of query g (at x, y): known, far enough, nearer than the best so far */
  const tryq = (g: number, x: number, y: number, qx: number, qy: number): void => {
    if (qx < 0 || qy < 0 || qx >= w || qy >= h) return;
    const q = qy * w + qx;
    if (!known[q] || (Math.abs(x - qx) < apart && Math.abs(y - qy) < apart)) return;
    const limit = best[g]!;
    samples(qx, qy);
    let s = 0, a = 0;
    for (let j = 0; j < 3; j++) for (let i = 0; i < 3; i++, a += 3) {
      const b = sy[j]! + sx[i]!;
      const e0 = mine[a]! - rgb[b]!, e1 = mine[a + 1]! - rgb[b + 1]!, e2 = mine[a + 2]! - rgb[b + 2]!;
      s += e0 * e0 + e1 * e1 + e2 * e2;
      if (s >= limit) return;
    }
    best[g] = s; nn[g] = q;
  };
  /** the query's own descriptor, into `mine` */
  const own = (x: number, y: number) => {
    samples(x, y);
    let a = 0;
    for (let j = 0; j < 3; j++) for (let i = 0; i < 3; i++) { const b = sy[j]! + sx[i]!; mine[a++] = rgb[b]!; mine[a++] = rgb[b + 1]!; mine[a++] = rgb[b + 2]!; }
  };
  for (let g = 0; g < m; g++) {
    if (!asked[g]) continue;
    const x = (g % gw) * stride, y = ((g / gw) | 0) * stride;
    own(x, y);
    for (let t = 0; t < 4 && nn[g]! < 0; t++) tryq(g, x, y, rng.int(w), rng.int(h));
  }
  const top = Math.max(w, h);
  for (let iter = 0; iter < 3; iter++) {
    const forward = iter % 2 === 0, s = forward ? 1 : -1;
    for (let k = 0; k < m; k++) {
      const g = forward ? k : m - 1 - k;
      if (!asked[g]) continue;
      const gx = g % gw, gy = (g / gw) | 0, x = gx * stride, y = gy * stride;
      own(x, y);
      // propagation: the neighbouring query's match, shifted by the same step
      if (gx - s >= 0 && gx - s < gw) { const q = nn[g - s]!; if (q >= 0) tryq(g, x, y, (q % w) + s * stride, (q / w) | 0); }
      if (gy - s >= 0 && gy - s < gh) { const q = nn[g - s * gw]!; if (q >= 0) tryq(g, x, y, q % w, ((q / w) | 0) + s * stride); }
      // random search around the current match, in shrinking windows
      const c = nn[g]!, cx = c >= 0 ? c % w : x, cy = c >= 0 ? (c / w) | 0 : y;
      for (let r = top >> 1; r >= 1; r >>= 1) tryq(g, x, y, cx + Math.round((rng.next() * 2 - 1) * r), cy + Math.round((rng.next() * 2 - 1) * r));
    }
  }
  const out = new Float32Array(n);
  for (let y = 0; y < h; y++) {
    const row = Math.min(gh - 1, Math.round(y / stride)) * gw;
    for (let x = 0; x < w; x++) {
      const g = row + Math.min(gw - 1, Math.round(x / stride)), b = best[g]!;
      out[y * w + x] = !asked[g] ? 0 : Number.isFinite(b) ? Math.sqrt(b / D) : 255;
    }
  }
  return out;
}
