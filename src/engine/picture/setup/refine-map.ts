/**
 * Coarse-to-fine synthesis: the source map chosen on the small raster (./synthesize.ts) carried up
 * to full resolution, the standard multi-scale way (Wexler et al. 2007, "Space-Time Completion of
 * Video"; Barnes et al. 2009, PatchMatch; Darabi et al. 2012, Image Melding). Copied as it is, each
 * small pixel would be an f×f block with one offset: neighbouring blocks with different offsets make
 * a grid and staircase diagonals. Instead, level by level (scale f/2, …, 2, 1 of the output):
 * - the offsets are upsampled (× the step, each pixel its parent's);
 * - each hole pixel within the band a move reveals is refined by PatchMatch — its neighbours'
 *   offsets (propagation) and a few random ones in a shrinking window round its own — on the
 *   (2·PATCH+1)² patch round it (known picture and the fill so far), so where two copies meet, the
 *   boundary settles where they agree best, per pixel, not on the block grid;
 * - the fill is then the vote of the overlapping patches (what its neighbours' copies, VOTE px
 *   round it, say each pixel is): their mean, a crossfade a few pixels wide where runs meet, never
 *   a wide blur; at full size with each pixel's own copy's grain on it (a mean of shifted copies
 *   alone would smooth a grainy lawn). Inside a run of one offset it is the copy itself.
 * Only what the coarse synthesis allowed is copied (its `allowed` cells: no occluder, no object), so
 * the coarse choice of regions, coherence and reuse stands; the deep part beyond the band keeps the
 * coarse offsets, copied plainly (cheap: no move ever shows it).
 *
 * @example
 *   const map = synthesize(small, 4, w, h, sHole, sSource, { seed, band });
 *   const from = refineSourceMap(back, 4, W, H, hole, source, map, { seed, band: band * f });
 */
import { createRandom, type Random } from '../../util/random.js';
import { maskOr, type SourceMap } from './synthesize.js';

/** patch radius (px of each level) PatchMatch compares */
const PATCH = 2;
/** voting radius (px of each level): where two copies meet they crossfade over 2·VOTE+1 px */
const VOTE = 2;
/**
 * the random search's first window (± px of the level), halved down to 1; at full size, where the
 * coarser levels have placed each copy within a pixel or two, a narrow one
 */
const SEARCH = 16, FINE_SEARCH = 2;
/** pixels this close (px of the level) to a seam between copies are refined; runs of one offset are left as copied */
const SEAM = 1;
/**
 * a random candidate must beat the copy its neighbours continue by this factor (coherence, as in
 * Image Melding): runs stay long, so fewer seams to vote over and nothing grows noisy
 */
const STRAY = 1.15;
/** PatchMatch sweeps per level (alternately forward and back) */
const SWEEPS = 2, FINE_SWEEPS = 1;

export interface RefineOptions {
  seed: number;
  /** hole pixels at most this far (output px, 4-connected) from the known picture are refined */
  band?: number;
  /**
   * a random candidate may not be what a 4-neighbour already copies (`twice`): for the outpainted
   * margin, whose wide smooth skies otherwise streak; behind a subject the search keeps its runs
   */
  distinctNeighbours?: boolean;
  /** pixels neither hole nor picture (1 = a margin no sample reaches): never compared, never copied */
  unseen?: Uint8Array;
}

/** One level of the pyramid: the picture at 1/s of the output (box-averaged), its hole and sources. */
interface Level {
  s: number;
  w: number;
  h: number;
  /** `ch` bytes a pixel: the known picture, and the fill so far on the hole */
  px: Uint8Array;
  ch: number;
  hole: Uint8Array;
  /** 1 where a copy may come from: all of it source, never hole, allowed on the coarse raster */
  usable: Uint8Array;
  /** the hole pixels refined (within the band), in scan order */
  refine: Int32Array;
  /** per pixel, where its content comes from (hole pixels; −1 elsewhere or none found) */
  from: Int32Array;
  /** 1 where a pixel says nothing of a source's surroundings: the hole, and what is unseen */
  blind: Uint8Array;
  /** 1 where a pixel is neither hole nor picture (RefineOptions.unseen; a coarser level's: any of its four); null: none */
  unseen: Uint8Array | null;
}

/**
 * The full-resolution source map of `hole` (W×H, 1 = fill) in `img` (`channels` bytes a pixel,
 * filled in place: band pixels with the voted fill, deeper ones with their plain copy), from the
 * coarse `map`. Returns the source index per hole pixel (−1 elsewhere), as applySourceMap does.
 */
export function refineSourceMap(img: Uint8Array, channels: number, W: number, H: number, hole: Uint8Array, source: Uint8Array, map: SourceMap, options: RefineOptions): Int32Array {
  const rng = createRandom(options.seed);
  const depth = holeDepth(hole, W, H, options.band ?? Infinity);
  const f = W / map.width;
  // the levels' scales: powers of two below the coarse raster's, down to the output's own
  const scales: number[] = [];
  for (let s = 1; s < f / 1.5; s *= 2) scales.unshift(s);
  if (!scales.length) scales.push(1);
  // the pyramid, built from the output down (each level a 2×2 box of the one below), refined from the top
  const pyramid = [outputLevel(img, channels, W, H, hole, source, depth, options.unseen ?? null)];
  while (pyramid[0]!.s < scales[0]!) pyramid.unshift(halved(pyramid[0]!));
  let prev: Level | null = null;
  for (const level of pyramid) {
    const s = level.s;
    ready(level, map, W, H);
    if (prev) fromParent(level, prev);
    else fromCoarse(level, map, W, H);
    fillGaps(level);
    copyFill(level, level.px);
    const seams = nearSeams(level);
    for (let sweep = 0; sweep < (s === 1 ? FINE_SWEEPS : SWEEPS); sweep++) patchMatch(level, seams, sweep & 1 ? -1 : 1, rng, options.distinctNeighbours ?? false);
    vote(level, level.px, seams);
    prev = level;
  }
  return prev!.from;
}

/**
 * Per output pixel: 1 if in the hole within `band` of the known picture (4-connected steps), 2 if
 * in the hole deeper, 0 outside it. Breadth-first from the hole's rim, a ring of steps at a time,
 * over the hole only; its queue holds the hole's pixels, no more (an outpainted margin is a thin
 * frame round a canvas as large as the picture).
 */
function holeDepth(hole: Uint8Array, W: number, H: number, band: number): Uint8Array {
  const n = W * H, out = new Uint8Array(n);
  let count = 0;
  for (let p = 0; p < n; p++) if (hole[p]) { out[p] = 2; count++; }
  if (!count || band < 1) return out;
  // out: 2 = hole not reached yet, 1 = reached within the band, 3 = reached one step past it (turned back to 2 below)
  const queue = new Int32Array(count);
  let tail = 0;
  for (let p = 0, x = 0; p < n; p++, x = x === W - 1 ? 0 : x + 1) {
    if (!hole[p]) continue;
    if ((x > 0 && !hole[p - 1]) || (x < W - 1 && !hole[p + 1]) || (p >= W && !hole[p - W]) || (p + W < n && !hole[p + W])) { out[p] = 1; queue[tail++] = p; }
  }
  const mark = (d: number) => (d > band ? 3 : 1);
  for (let head = 0, d = 1; head < tail && d <= band; d++) {
    // the ring d steps in: queue[head … end); its neighbours are d + 1 in
    const end = tail, next = mark(d + 1);
    for (; head < end; head++) {
      const p = queue[head]!, x = p % W;
      if (x > 0 && out[p - 1] === 2) { out[p - 1] = next; queue[tail++] = p - 1; }
      if (x < W - 1 && out[p + 1] === 2) { out[p + 1] = next; queue[tail++] = p + 1; }
      if (p >= W && out[p - W] === 2) { out[p - W] = next; queue[tail++] = p - W; }
      if (p + W < n && out[p + W] === 2) { out[p + W] = next; queue[tail++] = p + W; }
    }
  }
  for (let p = 0; p < n; p++) if (out[p] === 3) out[p] = 2;
  return out;
}

/** The output itself as the finest level (filled in place). */
function outputLevel(img: Uint8Array, channels: number, W: number, H: number, hole: Uint8Array, source: Uint8Array, depth: Uint8Array, unseen: Uint8Array | null): Level {
  const n = W * H, clean = new Uint8Array(n), band = new Uint8Array(n);
  for (let p = 0; p < n; p++) { clean[p] = source[p] && !hole[p] ? 1 : 0; band[p] = depth[p] === 1 ? 1 : 0; }
  return { s: 1, w: W, h: H, px: img, ch: channels, hole, usable: clean, refine: band as unknown as Int32Array, from: new Int32Array(0), blind: unseen ? maskOr(hole, unseen) : hole, unseen };
}

/** The level half the size of `fine` (2×2 box): a pixel is hole if any of its four is, clean if all are. */
function halved(fine: Level): Level {
  const w = Math.ceil(fine.w / 2), h = Math.ceil(fine.h / 2), n = w * h, fw = fine.w, fh = fine.h, fc = fine.ch;
  const px = new Uint8Array(n * 3), hole = new Uint8Array(n), clean = new Uint8Array(n), band = new Uint8Array(n);
  const fpx = fine.px, fhole = fine.hole, fusable = fine.usable, fband = fine.refine as unknown as Uint8Array;
  const funseen = fine.unseen, unseen = funseen ? new Uint8Array(n) : null;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const p = y * w + x, X = 2 * x, Y = 2 * y;
    if (X + 1 < fw && Y + 1 < fh) {
      // all four inside (most pixels): their sum, rounded as Math.round(sum / 4)
      const P = Y * fw + X, Q = P + fw, a = P * fc, b = a + fc, c = Q * fc, d = c + fc;
      px[p * 3] = (fpx[a]! + fpx[b]! + fpx[c]! + fpx[d]! + 2) >> 2;
      px[p * 3 + 1] = (fpx[a + 1]! + fpx[b + 1]! + fpx[c + 1]! + fpx[d + 1]! + 2) >> 2;
      px[p * 3 + 2] = (fpx[a + 2]! + fpx[b + 2]! + fpx[c + 2]! + fpx[d + 2]! + 2) >> 2;
      hole[p] = fhole[P]! | fhole[P + 1]! | fhole[Q]! | fhole[Q + 1]!;
      band[p] = fband[P]! | fband[P + 1]! | fband[Q]! | fband[Q + 1]!;
      clean[p] = fusable[P]! & fusable[P + 1]! & fusable[Q]! & fusable[Q + 1]!;
      if (unseen) unseen[p] = funseen![P]! | funseen![P + 1]! | funseen![Q]! | funseen![Q + 1]!;
      continue;
    }
    let count = 0, r = 0, g = 0, bl = 0, holes = 0, near = 0, ok = 1;
    for (let k = 0; k < 4; k++) {
      const KX = X + (k & 1), KY = Y + (k >> 1);
      if (KX >= fw || KY >= fh) continue;
      const P = KY * fw + KX, o = P * fc;
      count++; r += fpx[o]!; g += fpx[o + 1]!; bl += fpx[o + 2]!;
      holes |= fhole[P]!; near |= fband[P]!; ok &= fusable[P]!;
      if (unseen) unseen[p] = unseen[p]! | funseen![P]!;
    }
    px[p * 3] = Math.round(r / count); px[p * 3 + 1] = Math.round(g / count); px[p * 3 + 2] = Math.round(bl / count);
    hole[p] = holes; band[p] = near; clean[p] = ok;
  }
  return { s: fine.s * 2, w, h, px, ch: 3, hole, usable: clean, refine: band as unknown as Int32Array, from: new Int32Array(0), blind: unseen ? maskOr(hole, unseen) : hole, unseen };
}

/**
 * Readies a pyramid level for refinement: its sources limited to what the coarse synthesis
 * allowed, the band as a list, no offsets yet. (Built, the level holds its clean mask in `usable`
 * and its band as a 0/1 mask in `refine`.)
 */
function ready(level: Level, map: SourceMap, W: number, H: number): void {
  const { s, w, h, usable } = level, allowed = map.allowed, kx = map.width / W, ky = map.height / H;
  if (allowed) {
    // each column's coarse cell, found once
    const cx = new Int32Array(w);
    for (let x = 0; x < w; x++) cx[x] = Math.min(map.width - 1, Math.floor((x + 0.5) * s * kx));
    for (let y = 0; y < h; y++) {
      const cy = Math.min(map.height - 1, Math.floor((y + 0.5) * s * ky)) * map.width;
      for (let x = 0, p = y * w; x < w; x++, p++) if (usable[p] && !allowed[cy + cx[x]!]) usable[p] = 0;
    }
  }
  const band = level.refine as unknown as Uint8Array;
  let count = 0;
  for (let p = 0; p < band.length; p++) if (band[p]) count++;
  const refine = new Int32Array(count);
  for (let p = 0, k = 0; p < band.length; p++) if (band[p]) refine[k++] = p;
  level.refine = refine;
  level.from = new Int32Array(w * h).fill(-1);
}

/** The source p + (dx, dy) would copy from, shifted from `f` by the step from q to p; −1 if not usable. */
function shifted(level: Level, f: number, dx: number, dy: number): number {
  const { w, h, usable } = level;
  const x = (f % w) + dx, y = ((f / w) | 0) + dy;
  if (x < 0 || x >= w || y < 0 || y >= h) return -1;
  const t = y * w + x;
  return usable[t] ? t : -1;
}

/** The first level's offsets from the coarse map (its own cell's offset, else a neighbouring cell's). */
function fromCoarse(level: Level, map: SourceMap, W: number, H: number): void {
  const { s, w, h, hole, from } = level, mw = map.width, mh = map.height;
  const kx = mw / W, ky = mh / H;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const p = y * w + x;
    if (!hole[p]) continue;
    const cx = Math.min(mw - 1, Math.floor((x + 0.5) * s * kx)), cy = Math.min(mh - 1, Math.floor((y + 0.5) * s * ky));
    for (let k = 0; k < 9 && from[p]! < 0; k++) {
      const nx = cx + (k === 0 ? 0 : ((k - 1) % 3) - 1), ny = cy + (k === 0 ? 0 : (((k - 1) / 3) | 0) - 1);
      if (nx < 0 || nx >= mw || ny < 0 || ny >= mh) continue;
      const c = ny * mw + nx, fc = map.from[c]!;
      if (fc < 0 || fc === c) continue;
      const dx = Math.round((((fc % mw) - nx) / kx) / s), dy = Math.round(((((fc / mw) | 0) - ny) / ky) / s);
      from[p] = shifted(level, p, dx, dy);
    }
  }
}

/** A level's offsets from the coarser one's: twice its parent's (else a neighbouring parent's). */
function fromParent(level: Level, parent: Level): void {
  const { w, h, hole, from } = level, pw = parent.w, ph = parent.h;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const p = y * w + x;
    if (!hole[p]) continue;
    const cx = Math.min(pw - 1, x >> 1), cy = Math.min(ph - 1, y >> 1);
    for (let k = 0; k < 9 && from[p]! < 0; k++) {
      const nx = cx + (k === 0 ? 0 : ((k - 1) % 3) - 1), ny = cy + (k === 0 ? 0 : (((k - 1) / 3) | 0) - 1);
      if (nx < 0 || nx >= pw || ny < 0 || ny >= ph) continue;
      const fc = parent.from[ny * pw + nx]!;
      if (fc < 0) continue;
      from[p] = shifted(level, p, 2 * ((fc % pw) - nx), 2 * (((fc / pw) | 0) - ny));
    }
  }
}

/** Hole pixels with no offset yet (a sliver no upsampled offset serves) take a neighbour's, shifted, or its very source. */
function fillGaps(level: Level): void {
  const { w, h, hole, from, usable } = level, n = w * h;
  for (let pass = 0, before = -1; pass < 64; pass++) {
    let left = 0;
    for (let p = 0; p < n; p++) {
      if (!hole[p] || from[p]! >= 0) continue;
      const x = p % w, y = (p / w) | 0;
      for (let k = 0; k < 4 && from[p]! < 0; k++) {
        const dx = k === 0 ? -1 : k === 1 ? 1 : 0, dy = k === 2 ? -1 : k === 3 ? 1 : 0;
        if (x + dx < 0 || x + dx >= w || y + dy < 0 || y + dy >= h) continue;
        const q = p + dx + dy * w;
        if (!hole[q]) { if (usable[q]) from[p] = q; continue; }
        const fq = from[q]!;
        if (fq < 0) continue;
        const t = shifted(level, fq, -dx, -dy);
        from[p] = t >= 0 ? t : fq;
      }
      if (from[p]! < 0) left++;
    }
    // none left, or none more served (a part of the hole no offset reaches: left as copied)
    if (!left || left === before) return;
    before = left;
  }
}

/** Every hole pixel of the level takes its source's colour (the estimate PatchMatch compares against). */
function copyFill(level: Level, out: Uint8Array): void {
  const { hole, from, ch } = level;
  for (let p = 0; p < hole.length; p++) {
    const f = from[p]!;
    if (!hole[p] || f < 0) continue;
    for (let c = 0; c < ch; c++) out[p * ch + c] = out[f * ch + c]!;
  }
}

/** Mean squared difference (per colour channel) of the patch round p (the fill so far) and round the source t; Infinity past `limit`. */
function patchCost(level: Level, px: number, py: number, t: number, limit: number): number {
  const { w, h, px: img, ch, blind, unseen } = level;
  const tx = t % w, ty = (t / w) | 0;
  const dx0 = Math.max(-PATCH, -px, -tx), dx1 = Math.min(PATCH, w - 1 - px, w - 1 - tx);
  let sum = 0, count = 0;
  for (let dy = -PATCH; dy <= PATCH; dy++) {
    const y = py + dy, sy = ty + dy;
    if (y < 0 || y >= h || sy < 0 || sy >= h) continue;
    for (let a = y * w + px + dx0, b = sy * w + tx + dx0, end = a + dx1 - dx0; a <= end; a++, b++) {
      if (blind[b] || (unseen !== null && unseen[a])) continue; // a source's neighbour in the hole says nothing of it; an unseen pixel is nothing
      const i = a * ch, j = b * ch;
      const e0 = img[i]! - img[j]!, e1 = img[i + 1]! - img[j + 1]!, e2 = img[i + 2]! - img[j + 2]!;
      sum += e0 * e0 + e1 * e1 + e2 * e2;
      count++;
    }
    if (count > 6 && sum > limit * count) return Infinity;
  }
  return count ? sum / count : Infinity;
}

/**
 * The band's pixels within SEAM px of a neighbour that copies with another offset (or of the known
 * picture): inside a run of one offset the copy is already exact and coherent, so only these are
 * refined and voted (most of the cost saved).
 */
function nearSeams(level: Level): Int32Array {
  const { w, h, hole, from, refine } = level;
  const near = new Uint8Array(w * h);
  for (let k = 0; k < refine.length; k++) {
    const p = refine[k]!, x = p % w, y = (p / w) | 0, f = from[p]!;
    let seam = f < 0;
    for (let j = 0; j < 4 && !seam; j++) {
      const dx = j === 0 ? -1 : j === 1 ? 1 : 0, dy = j === 2 ? -1 : j === 3 ? 1 : 0;
      if (x + dx < 0 || x + dx >= w || y + dy < 0 || y + dy >= h) continue;
      const q = p + dx + dy * w;
      seam = !hole[q] || from[q]! !== f + dx + dy * w;
    }
    if (!seam) continue;
    for (let dy = -SEAM; dy <= SEAM; dy++) for (let dx = -SEAM; dx <= SEAM; dx++) {
      const qx = x + dx, qy = y + dy;
      if (qx >= 0 && qx < w && qy >= 0 && qy < h) near[qy * w + qx] = 1;
    }
  }
  let count = 0;
  for (let k = 0; k < refine.length; k++) if (near[refine[k]!]) count++;
  const out = new Int32Array(count);
  for (let k = 0, c = 0; k < refine.length; k++) if (near[refine[k]!]) out[c++] = refine[k]!;
  return out;
}

/**
 * One PatchMatch sweep over the band's pixels (forward, dir 1, or back, −1): each tries its
 * scan-predecessors' offsets and random ones round its own, and keeps the best; its estimate follows.
 */
function patchMatch(level: Level, refine: Int32Array, dir: number, rng: Random, distinct: boolean): void {
  const { w, h, hole, from, px: img, ch } = level;
  for (let k = 0; k < refine.length; k++) {
    const p = refine[dir > 0 ? k : refine.length - 1 - k]!, x = p % w, y = (p / w) | 0;
    let best = from[p]!, bestCost = best >= 0 ? patchCost(level, x, y, best, Infinity) : Infinity;
    // propagation: the neighbours before p in this sweep, their copy continued by one step
    for (let j = 0; j < 2; j++) {
      const dx = j === 0 ? dir : 0, dy = j === 0 ? 0 : dir;
      if (x - dx < 0 || x - dx >= w || y - dy < 0 || y - dy >= h) continue;
      const q = p - dx - dy * w, fq = from[q]!;
      if (!hole[q] || fq < 0) continue;
      const t = shifted(level, fq, dx, dy);
      if (t < 0 || t === best) continue;
      const c = patchCost(level, x, y, t, bestCost);
      if (c < bestCost) { bestCost = c; best = t; }
    }
    // random search in a shrinking window round the best so far
    for (let r = level.s === 1 ? FINE_SEARCH : SEARCH; r >= 1 && best >= 0; r >>= 1) {
      const t = shifted(level, best, rng.int(2 * r + 1) - r, rng.int(2 * r + 1) - r);
      if (t < 0 || t === best || (distinct && twice(level, p, x, y, t))) continue;
      const c = patchCost(level, x, y, t, bestCost / STRAY) * STRAY;
      if (c < bestCost) { bestCost = c; best = t; }
    }
    if (best === from[p] || best < 0) continue;
    from[p] = best;
    for (let c = 0; c < ch; c++) img[p * ch + c] = img[best * ch + c]!;
  }
}

/**
 * Whether source t is what a 4-neighbour of p (at x, y) already copies: on a smooth sky or bokeh
 * any source costs about the same, and a random one may be the neighbour's own — one pixel copied
 * twice side by side, then continued row after row by propagation, a streak of repeated columns.
 */
function twice(level: Level, p: number, x: number, y: number, t: number): boolean {
  const { w, h, hole, from } = level;
  return (x > 0 && hole[p - 1] === 1 && from[p - 1] === t) || (x < w - 1 && hole[p + 1] === 1 && from[p + 1] === t)
    || (y > 0 && hole[p - w] === 1 && from[p - w] === t) || (y < h - 1 && hole[p + w] === 1 && from[p + w] === t);
}

/**
 * Each pixel of `pixels` takes what the copies round it (VOTE px) say it is (a neighbour q copying
 * from f says p is f + (p − q)): their mean; at full size, the mean of their 3×3 means with the pixel's own copy's grain on it.
 * Reads only sources (never hole pixels), so it writes in place.
 */
function vote(level: Level, out: Uint8Array, pixels: Int32Array): void {
  const { w, h, hole, from, px: img, ch } = level;
  // at full size: each source's 3×3 mean (the low frequencies blended; each pixel keeps its own grain)
  const box = level.s === 1 ? knownBox(img, ch, w, h, level.blind) : null;
  for (let k = 0; k < pixels.length; k++) {
    const p = pixels[k]!, x = p % w, y = (p / w) | 0;
    const x0 = Math.max(0, x - VOTE), x1 = Math.min(w - 1, x + VOTE), y0 = Math.max(0, y - VOTE), y1 = Math.min(h - 1, y + VOTE);
    let count = 0, r = 0, g = 0, b = 0;
    for (let qy = y0; qy <= y1; qy++) for (let qx = x0; qx <= x1; qx++) {
      const q = qy * w + qx, fq = from[q]!;
      if (fq < 0 || !hole[q]) continue;
      // q's copy, stepped back to p
      const tx = (fq % w) + x - qx, t = fq + (p - q);
      if (tx < 0 || tx >= w || t < 0 || t >= w * h || level.blind[t]) continue;
      if (box) {
        const o = box.at(t), low = box.page;
        r += low[o]!; g += low[o + 1]!; b += low[o + 2]!;
      } else {
        const o = t * ch;
        r += img[o]!; g += img[o + 1]!; b += img[o + 2]!;
      }
      count++;
    }
    if (!count) continue;
    const o = p * ch, f = from[p]!;
    if (box && f >= 0) {
      // the copies' mean low frequencies, with the own copy's grain on them
      const l = box.at(f), low = box.page;
      r += count * (img[f * ch]! - low[l]!); g += count * (img[f * ch + 1]! - low[l + 1]!); b += count * (img[f * ch + 2]! - low[l + 2]!);
    }
    out[o] = clamp(r / count); out[o + 1] = clamp(g / count); out[o + 2] = clamp(b / count);
  }
}

/** knownBox keeps its means in tiles of 2^BOX_TILE × 2^BOX_TILE pixels */
const BOX_TILE = 5;

/**
 * The 3×3 mean of a known pixel's known neighbours (RGB; the hole counts for nothing), found when
 * first asked for and kept: the vote reads only its copies' sources, a small part of the frame
 * (all of it, precomputed, cost ~0.2 s of a 1080p set-up). The means are kept in 32 × 32 tiles,
 * each made when first read (a frame's worth would be ~25 MB at 1080p, most of it never read).
 * `at(p)` returns the offset of p's mean in `page`, the tile it has just made current.
 */
function knownBox(img: Uint8Array, ch: number, w: number, h: number, hole: Uint8Array): { page: Float32Array; at: (p: number) => number } {
  const side = 1 << BOX_TILE, across = Math.ceil(w / side);
  const tiles: Array<Float32Array | undefined> = new Array(across * Math.ceil(h / side)), done = new Uint8Array(w * h);
  const box: { page: Float32Array; at: (p: number) => number } = { page: new Float32Array(0), at: () => 0 };
  box.at = (p: number): number => {
    const y = (p / w) | 0, x = p - y * w, o = (((y & (side - 1)) << BOX_TILE) + (x & (side - 1))) * 3;
    const values = (box.page = tiles[(y >> BOX_TILE) * across + (x >> BOX_TILE)] ??= new Float32Array(side * side * 3));
    if (done[p] || hole[p]) return o;
    done[p] = 1;
    let r = 0, g = 0, b = 0, m = 0;
    for (let sy = Math.max(0, y - 1); sy <= Math.min(h - 1, y + 1); sy++) {
      for (let sx = Math.max(0, x - 1); sx <= Math.min(w - 1, x + 1); sx++) {
        const t = sy * w + sx;
        if (hole[t]) continue;
        r += img[t * ch]!; g += img[t * ch + 1]!; b += img[t * ch + 2]!; m++;
      }
    }
    values[o] = r / m; values[o + 1] = g / m; values[o + 2] = b / m;
    return o;
  };
  return box;
}

const clamp = (v: number) => (v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v));
