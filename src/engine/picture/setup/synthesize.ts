/**
 * Patch-based synthesis of unknown pixels (behind a subject, beyond the frame): exemplar
 * inpainting in the spirit of Criminisi et al. (2004) with PatchMatch-style candidates (Barnes et
 * al. 2009). Unknown pixels are filled from the known boundary inwards (onion peel); each takes the
 * pixel of the source position whose neighbourhood best matches its own already-known
 * neighbourhood, among coherent candidates (a filled neighbour's source, shifted) and random ones
 * near it. Pixels are copied, never averaged: texture and structure continue, nothing blurs.
 * Only positions the `source` mask allows are ever copied, so an occluder is never cloned into
 * the space it hides — and, beyond the frame, never a distinctive place (an object: a patch with no
 * look-alike elsewhere in the picture, analyze/distinctiveness.ts), so a ball by the edge does not
 * come back as a second ball in the margin: texture and structure continue, objects do not
 * (behind a subject they may: `objectsAsSources`). A diversity term keeps the fill from stamping
 * one place over and over (a source pixel costs more each time it is used again). With `regions`
 * (border-regions.ts: colour, sky, nearness), each hole pixel continues the region of the known
 * pixel it grows from: only sources of that region may be copied (so grass never lands in the
 * sky), the nearer-looking and the nearer that part of the border the cheaper, and none that
 * would turn a copy back on itself (a reflection). With `coherence`, a source that does not line up
 * with its filled neighbours' costs more, so the fill runs in long translated copies.
 *
 * It runs on a small raster and returns a source map (for each pixel, where its content comes
 * from); `applySourceMap` then copies full-resolution pixels through the scaled map, so the fill
 * keeps the picture's own sharpness.
 *
 * @example
 *   const map = synthesize(smallRgba, 4, w, h, hole, source, { seed, band: 40 });
 *   applySourceMap(fullRgba, 4, W, H, fullHole, fullSource, map, w, h);
 */
import { distinctiveness, distinctMask } from '../../analyze/distinctiveness.js';
import { components } from '../../analyze/layers/components.js';
import { createRandom } from '../../util/random.js';
import { REGION_COST, regionDistance, SAME_REGION } from './border-regions.js';
import { crossingLines } from './crossing-lines.js';

export interface SynthesisOptions {
  seed: number;
  /** patch radius (px of the small raster): a (2r+1)² neighbourhood is compared */
  radius?: number;
  /** random candidates tried per pixel */
  tries?: number;
  /**
   * only pixels this close (px, onion-peel distance) to the known region are matched; deeper ones
   * (never revealed by the plan) just continue their neighbour's source, which is cheap
   */
  band?: number;
  /**
   * region features per pixel (border-regions.ts, REGION_CHANNELS a pixel): each hole pixel takes
   * only sources in the region of the known pixel it grows from, the nearer it the cheaper
   */
  regions?: Float32Array;
  /**
   * objects may be sources too — 'adjoining': only an object that touches the hole. Behind a
   * subject the hidden band continues what surrounds it, a tower's lattice that reaches behind it
   * included (excluding it starves the band of its own structure), but an object standing apart
   * (a ball on the grass beside a player) would come back as a second ball behind him; beyond the
   * frame none may (a ball by the edge would come back as a second ball in the margin) —
   * 'crossing': but a line the hole's border cuts (crossing-lines.ts: a rind, a branch) may be
   * copied by the hole pixels that grow from it, so it runs on past the edge instead of stopping there
   */
  objectsAsSources?: 'adjoining' | 'crossing';
  /**
   * the objects never copied, found ahead (`sourceObjects` of this same picture, hole and seed, as
   * on another thread while the caller did other work); without it they are found here
   */
  objects?: Uint8Array;
  /**
   * with `regions`: another region's source only costs more (× 1 + REGION_COST · distance), never
   * excluded — behind a subject, where a thin hole meets two regions at once and neither may be cut off
   */
  softRegions?: boolean;
  /**
   * a source's cost grows by up to this factor with the share of p's filled neighbours (in the hole)
   * that copy with another offset, and (with regions) by up to RUN_SHORT of it when the picture's
   * edge would cut its run outwards short of the raster's border: the fill then continues in long
   * translated runs (a row of grass, a balloon's stripe) instead of a patchwork of pieces that do
   * not line up (the coherence of Kwatra et al.'s and Image Melding's synthesis, greedily). 0: none
   */
  coherence?: number;
  /**
   * pixels neither to fill nor known (1 = unseen: a margin no sample reaches, setup/reachable-margin.ts):
   * never compared, never copied, never filled
   */
  unseen?: Uint8Array;
}

/**
 * At most this share of a busy picture counts as objects (the most distinctive of it): more, and a
 * smooth picture's brighter passages (bokeh) count as objects too, so its edges cannot continue.
 */
const OBJECT_SHARE = 0.2;
/** Cost of reusing a source pixel: × (1 + REUSE · uses) + REUSE_FLOOR · uses (flat areas cost 0 otherwise). */
const REUSE = 0.15, REUSE_FLOOR = 12;
/** steps (px) at or back toward the picture from the outer neighbour's source that turn a copy into a reflection */
const MIRROR_STEP = 1;
/** with coherence: the share of it a source costs whose run outwards would end before the margin's border */
const RUN_SHORT = 0.5;
/** with coherence: sweeps (alternately forward and back) that let each filled pixel join a neighbour's run */
const SETTLE_PASSES = 2;
/** with regions: a source's cost factor grows by this per raster's longer side away from its edge pixel */
const NEARBY = 1;

/** Where each pixel's content comes from: a source index per pixel (itself when known), −1 if none. */
export interface SourceMap {
  width: number;
  height: number;
  from: Int32Array;
  /** 1 where a copy could come from (the source mask less the objects): what a finer level may copy too */
  allowed?: Uint8Array;
}

/**
 * Fills `hole` (1 = unknown) in `img` (`channels` bytes a pixel, modified in place) from pixels the
 * `source` mask allows (1 = may be copied; must not overlap the hole).
 */
export function synthesize(img: Uint8Array, channels: number, w: number, h: number, hole: Uint8Array, source: Uint8Array, options: SynthesisOptions): SourceMap {
  const n = w * h, r = options.radius ?? 3, tries = options.tries ?? 10, band = options.band ?? Infinity;
  const rng = createRandom(options.seed);
  const from = new Int32Array(n).fill(-1);
  const known = new Uint8Array(n);
  const unseen = options.unseen;
  for (let i = 0; i < n; i++) if (!hole[i] && !unseen?.[i]) { known[i] = 1; from[i] = i; }
  // objects and their rim are never sources (at most OBJECT_SHARE of the picture: enough sources
  // always remain to continue from)
  const found = options.objects ?? sourceObjects(img, channels, w, h, unseen ? maskOr(hole, unseen) : hole, options.seed);
  const objects = options.objectsAsSources === 'adjoining' ? standingApart(found, hole, w, h) : found;
  const allowed = new Uint8Array(n);
  for (let i = 0; i < n; i++) allowed[i] = source[i] && known[i] && !objects[i] ? 1 : 0;
  // the lines the border cuts (0: none): a hole pixel growing from one may copy from it too
  const lines = options.objectsAsSources === 'crossing' ? crossingLines(found, hole, w, h) : null;
  let line = 0;
  /**
   * the line p may copy from: its edge pixel's when that is where the border cuts a line, else one a
   * filled neighbour copies (so a slanted line runs on past its edge pixels)
   */
  const lineAt = (p: number, px: number, py: number): number => {
    if (!lines) return 0;
    const own = g >= 0 ? lines.start[g]! : 0;
    if (own) return own;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const x = px + dx, y = py + dy;
      if ((!dx && !dy) || x < 0 || x >= w || y < 0 || y >= h) continue;
      const q = y * w + x, f = hole[q] ? from[q]! : -1;
      if (f >= 0 && lines.line[f]) return lines.line[f]!;
    }
    return 0;
  };
  const usable = lines ? (s: number) => allowed[s] === 1 || (line > 0 && lines.line[s] === line && source[s] === 1 && known[s] === 1) : (s: number) => allowed[s] === 1;
  // the source positions, for random candidates near a pixel (sampled by rejection in a window)
  let sources = indicesOf(allowed);
  if (!sources.length) {
    // a sliver of a picture that is all object: better to copy from it than to leave a hole
    for (let i = 0; i < n; i++) allowed[i] = source[i] && known[i] ? 1 : 0;
    sources = indicesOf(allowed);
  }
  if (!sources.length) return { width: w, height: h, from, allowed };

  // onion peel: breadth-first from the known boundary; `grows` is the known pixel each grows from
  const order = new Int32Array(n), dist = new Int32Array(n).fill(-1), grows = new Int32Array(n).fill(-1);
  let head = 0, tail = 0;
  for (let i = 0; i < n; i++) {
    if (!hole[i]) continue;
    const x = i % w, y = (i / w) | 0;
    const k = x > 0 && known[i - 1] ? i - 1 : x < w - 1 && known[i + 1] ? i + 1 : y > 0 && known[i - w] ? i - w : y < h - 1 && known[i + w] ? i + w : -1;
    if (k >= 0) { dist[i] = 1; order[tail++] = i; grows[i] = k; }
  }
  // (the closures of the per-pixel loops are made once, reading the pixel's state from variables
  // they share: made per pixel, they were a good part of the synthesis' time)
  let d = 0, from0 = -1;
  const visit = (j: number) => { if (hole[j] && dist[j]! < 0) { dist[j] = d; order[tail++] = j; grows[j] = from0; } };
  while (head < tail) {
    const i = order[head++]!, x = i % w, y = (i / w) | 0;
    d = dist[i]! + 1; from0 = grows[i]!;
    if (x > 0) visit(i - 1);
    if (x < w - 1) visit(i + 1);
    if (y > 0) visit(i - w);
    if (y < h - 1) visit(i + w);
  }

  /** mean squared difference of the known neighbourhood of p and the neighbourhood of s */
  const cost = (px: number, py: number, s: number, limit: number): number => {
    const sx = s % w, sy = (s / w) | 0;
    // the columns where both patches are inside the raster (a hot loop: no bounds tests in it)
    const dx0 = Math.max(-r, -px, -sx), dx1 = Math.min(r, w - 1 - px, w - 1 - sx);
    let sum = 0, count = 0;
    for (let dy = -r; dy <= r; dy++) {
      const y = py + dy, ty = sy + dy;
      if (y < 0 || y >= h || ty < 0 || ty >= h) continue;
      for (let p = y * w + px + dx0, t = ty * w + sx + dx0, end = p + dx1 - dx0; p <= end; p++, t++) {
        if (!known[p] || !known[t]) continue;
        const a = p * channels, b = t * channels;
        const e0 = img[a]! - img[b]!, e1 = img[a + 1]! - img[b + 1]!, e2 = img[a + 2]! - img[b + 2]!;
        sum += e0 * e0; sum += e1 * e1; sum += e2 * e2;
        count++;
      }
      if (count > 8 && sum / count > limit) return Infinity;
    }
    return count ? sum / count : Infinity;
  };
  const uses = new Uint16Array(n);
  const coherence = options.coherence ?? 0, offX = new Int32Array(8), offY = new Int32Array(8);
  const regions = options.regions, far = NEARBY / Math.max(w, h);
  const window = Math.max(8, Math.round(Math.max(w, h) * 0.2));
  // the region a hole pixel continues: its known pixel's; `strict` off only when none of it is found
  let g = -1, gx = 0, gy = 0, strict = true;
  /**
   * how far s lies from the region continued, in features (Infinity: outside it), and from its
   * edge pixel (a copy from near that part of the border is preferred, never required: held to a
   * strip by the edge, the fill would reflect it)
   */
  const apart = (s: number): number => {
    if (!regions || g < 0) return 0;
    const d = regionDistance(regions, s, g);
    if (!strict) return d;
    const dx = (s % w) - gx, dy = ((s / w) | 0) - gy;
    return d > SAME_REGION ? Infinity : d + far * Math.sqrt(dx * dx + dy * dy);
  };
  const valid = (s: number) => s >= 0 && usable(s) && apart(s) < Infinity;
  // the sources of each continued region, on a grid (found once per edge pixel): a hole pixel's
  // random candidates come from here, so a narrow region by the edge is found too
  const pools = new Map<number, Int32Array>();
  const step = Math.max(1, Math.round(window / 10));
  const pool = (): Int32Array => {
    let found = pools.get(g);
    if (found) return found;
    const list: number[] = [], span = Math.ceil(Math.max(w, h) / step);
    for (let j = -span; j <= span; j++) for (let i = -span; i <= span; i++) {
      const x = gx + i * step, y = gy + j * step;
      if (x >= 0 && x < w && y >= 0 && y < h && valid(y * w + x)) list.push(y * w + x);
    }
    found = Int32Array.from(list);
    pools.set(g, found);
    return found;
  };

  /**
   * a pixel copying from `outer` while its neighbour one step inward (ox, oy: outward) copies from
   * `inner`: at or just inward of it, the copy turns back on itself (a mirror)
   */
  const mirrors = (ox: number, oy: number, inner: number, outer: number): boolean => {
    if (inner < 0 || outer < 0) return false;
    const sx = (outer % w) - (inner % w), sy = ((outer / w) | 0) - ((inner / w) | 0);
    const along = ox ? sx * ox : sy * oy, across = ox ? sy : sx;
    return along <= 0 && along >= -MIRROR_STEP && Math.abs(across) <= MIRROR_STEP;
  };

  // the pixel being filled (p at px, py) and what its candidates are weighed by (see the loop)
  let px = 0, py = 0, ox = 0, oy = 0, fb = -1, offsets = 0, need = 0, outward = 0, best = -1, bestCost = Infinity;
  const incoherence = (s: number): number => {
    // a run that the picture's edge (or what may not be copied) would cut short before the border
    let short = 0;
    if (need > 0) {
      const sx = s % w, sy = (s / w) | 0;
      let room = 0;
      while (room < need) {
        const x = sx + ox * (room + 1), y = sy + oy * (room + 1);
        if (x < 0 || x >= w || y < 0 || y >= h || !usable(s + outward * (room + 1))) break;
        room++;
      }
      short = RUN_SHORT * (1 - room / need);
    }
    if (!offsets) return short;
    const dx = (s % w) - px, dy = ((s / w) | 0) - py;
    let apartFrom = 0;
    for (let k = 0; k < offsets; k++) if (Math.abs(offX[k]! - dx) > 1 || Math.abs(offY[k]! - dy) > 1) apartFrom++;
    return short + apartFrom / offsets;
  };
  const consider = (s: number, bonus: number) => {
    if (s < 0 || !usable(s) || mirrors(ox, oy, fb, s)) return;
    const d = apart(s);
    if (d === Infinity) return;
    const u = uses[s]!, factor = bonus * (1 + REUSE * u) * (1 + REGION_COST * d) * (1 + coherence * incoherence(s));
    const c = cost(px, py, s, (bestCost - REUSE_FLOOR * u) / factor) * factor + REUSE_FLOOR * u;
    if (c < bestCost) { bestCost = c; best = s; }
  };
  for (let k = 0; k < tail; k++) {
    const p = order[k]!;
    px = p % w; py = (p / w) | 0;
    best = -1; bestCost = Infinity;
    g = grows[p]!; gx = g % w; gy = (g / w) | 0; strict = !options.softRegions;
    line = lineAt(p, px, py);
    // with regions (beyond the frame), the filled neighbour on the way back to the edge: a source
    // at or just inward of its source, seen from p, would turn the copy back on itself (a mirror)
    ox = regions && g >= 0 ? Math.sign(px - gx) : 0; oy = regions && g >= 0 && !ox ? Math.sign(py - gy) : 0;
    const back = ox || oy ? p - ox - oy * w : -1;
    fb = back >= 0 && hole[back] ? from[back]! : -1;
    // the offsets (source − pixel) of p's neighbours filled so far, for the coherence term
    offsets = 0;
    if (coherence > 0) for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const x = px + dx, y = py + dy;
      if ((!dx && !dy) || x < 0 || x >= w || y < 0 || y >= h) continue;
      const q = y * w + x;
      if (!hole[q] || from[q]! < 0) continue;
      offX[offsets] = (from[q]! % w) - x; offY[offsets++] = ((from[q]! / w) | 0) - y;
    }
    // outward, how many more pixels a run copying from s must still fill to the raster's border
    need = coherence > 0 ? (ox < 0 ? px : ox > 0 ? w - 1 - px : oy < 0 ? py : oy > 0 ? h - 1 - py : 0) : 0;
    outward = ox + oy * w;
    // coherent candidates: a filled neighbour's source, shifted by the same step (favoured a little)
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      if (!dx && !dy) continue;
      const x = px + dx, y = py + dy;
      if (x < 0 || x >= w || y < 0 || y >= h) continue;
      const q = y * w + x;
      if (!known[q] || from[q]! < 0) continue;
      const f = from[q]!, fx = (f % w) - dx, fy = ((f / w) | 0) - dy;
      if (fx < 0 || fx >= w || fy < 0 || fy >= h) continue;
      if (dist[p]! > band) { if (valid(fy * w + fx)) { best = fy * w + fx; break; } continue; }
      consider(fy * w + fx, 0.9);
    }
    if (dist[p]! <= band || best < 0) {
      // random candidates: near the pixel first (with regions: in the region continued, near its
      // edge pixel — the hole pixel itself may lie far out), then around the best so far
      // (shrinking windows)
      const near = regions && g >= 0 && strict ? pool() : null;
      for (let t = 0; t < tries; t++) {
        const around = best >= 0 && t >= tries / 2;
        if (!around && near) {
          if (!near.length) break;
          const q = near[rng.int(near.length)]!, x = (q % w) + rng.int(outward), y = ((q / w) | 0) + rng.int(outward);
          consider(x < w && y < h ? y * w + x : q, 1);
          continue;
        }
        const cx = around ? best % w : px, cy = around ? (best / w) | 0 : py;
        const rad = around ? Math.max(2, window >> (t - (tries >> 1))) : window;
        const x = cx + Math.round((rng.next() * 2 - 1) * rad), y = cy + Math.round((rng.next() * 2 - 1) * rad);
        if (x >= 0 && x < w && y >= 0 && y < h) consider(y * w + x, 1);
      }
      if (best < 0 && near) for (const q of near) consider(q, 1);
      // nothing matched: any source (with regions, a region with no allowed source, e.g.
      // all subject: the nearest-looking source at all)
      if (best < 0 && regions) strict = false;
      if (best < 0) for (let t = 0; t < 32; t++) consider(sources[rng.int(sources.length)]!, 1);
      if (best < 0) best = sources[rng.int(sources.length)]!;
    }
    from[p] = best;
    known[p] = 1;
    if (uses[best]! < 65535) uses[best]!++;
    const a = p * channels, b = best * channels;
    for (let c = 0; c < channels; c++) img[a + c] = img[b + c]!;
  }
  // coherence, settled: each filled pixel takes a neighbour's offset instead of its own where that
  // matches its whole neighbourhood (the fill round it included) at the coherence cost: pieces that
  // stand alone join the runs round them (PatchMatch's propagation, with Image Melding's coherence)
  // (the pixel settled is px, py, ox, oy as above; fi, fo: its inward and outward neighbours' sources; m: its neighbours' offsets)
  let fi = -1, fo = -1, m = 0;
  const score = (s: number, limit: number): number => {
    const d = apart(s);
    if (!usable(s) || d === Infinity || mirrors(ox, oy, fi, s) || mirrors(ox, oy, s, fo)) return Infinity;
    const sdx = (s % w) - px, sdy = ((s / w) | 0) - py;
    let apartFrom = 0;
    for (let j = 0; j < m; j++) if (Math.abs(offX[j]! - sdx) > 1 || Math.abs(offY[j]! - sdy) > 1) apartFrom++;
    const factor = (1 + REGION_COST * d) * (1 + coherence * (apartFrom / m));
    return cost(px, py, s, limit / factor) * factor;
  };
  for (let pass = 0; coherence > 0 && pass < SETTLE_PASSES; pass++) {
    for (let k = 0; k < tail; k++) {
      const p = order[pass & 1 ? tail - 1 - k : k]!;
      px = p % w; py = (p / w) | 0;
      if (dist[p]! > band) continue;
      g = grows[p]!; gx = g % w; gy = (g / w) | 0; strict = !options.softRegions;
      line = lineAt(p, px, py);
      ox = regions && g >= 0 ? Math.sign(px - gx) : 0; oy = regions && g >= 0 && !ox ? Math.sign(py - gy) : 0;
      const inner = ox || oy ? p - ox - oy * w : -1, outer = ox || oy ? p + ox + oy * w : -1;
      fi = inner >= 0 && hole[inner] ? from[inner]! : -1;
      fo = outer >= 0 && outer < n && Math.abs((outer % w) - px) <= 1 && hole[outer] ? from[outer]! : -1;
      m = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const x = px + dx, y = py + dy;
        if ((!dx && !dy) || x < 0 || x >= w || y < 0 || y >= h) continue;
        const q = y * w + x;
        if (!hole[q] || from[q]! < 0) continue;
        offX[m] = (from[q]! % w) - x; offY[m++] = ((from[q]! / w) | 0) - y;
      }
      // inside a run already (every neighbour copies with its offset): nothing to join
      const ownX = (from[p]! % w) - px, ownY = ((from[p]! / w) | 0) - py;
      let alike = 0;
      for (let j = 0; j < m; j++) if (Math.abs(offX[j]! - ownX) <= 1 && Math.abs(offY[j]! - ownY) <= 1) alike++;
      if (alike === m) continue;
      let best = from[p]!, bestCost = score(best, Infinity);
      for (let j = 0; j < m; j++) {
        const x = px + offX[j]!, y = py + offY[j]!;
        if (x < 0 || x >= w || y < 0 || y >= h) continue;
        const s = y * w + x;
        if (s === best) continue;
        const c = score(s, bestCost);
        if (c < bestCost) { bestCost = c; best = s; }
      }
      if (best === from[p]) continue;
      from[p] = best;
      const a = p * channels, b = best * channels;
      for (let c = 0; c < channels; c++) img[a + c] = img[b + c]!;
    }
  }
  // (a finer level may copy from the lines too: it follows the offsets found here)
  if (lines) for (let i = 0; i < n; i++) if (lines.line[i] && source[i] && known[i] && hole[i] === 0) allowed[i] = 1;
  return { width: w, height: h, from, allowed };
}

/**
 * Copies full-resolution pixels into `hole` (1 = fill) of `img` (W × H, `channels` bytes a pixel)
 * through a source map computed on a raster `scale` times smaller: each pixel takes the pixel at
 * the same offset its small pixel was given. Falls back to a neighbouring offset when that lands
 * outside `source`. Returns the full-resolution source index per filled pixel (−1 elsewhere), so
 * other rasters (depth, masks) can follow the same copy.
 */
export function applySourceMap(img: Uint8Array, channels: number, W: number, H: number, hole: Uint8Array, source: Uint8Array, map: SourceMap): Int32Array {
  const { width: w, height: h, from } = map;
  const fx = w / W, fy = h / H;
  const out = new Int32Array(W * H).fill(-1);
  const kx = W / w, ky = H / h;
  for (let Y = 0; Y < H; Y++) {
    const sy = Math.min(h - 1, Math.floor((Y + 0.5) * fy));
    for (let X = 0; X < W; X++) {
      const P = Y * W + X;
      if (!hole[P]) continue;
      const sx = Math.min(w - 1, Math.floor((X + 0.5) * fx));
      let src = -1;
      // the pixel's own small offset, then its neighbours' (a seam between two copies)
      for (let k = 0; k < 9 && src < 0; k++) {
        const cx = k === 0 ? sx : sx + ((k - 1) % 3) - 1, cy = k === 0 ? sy : sy + (((k - 1) / 3) | 0) - 1;
        if (cx < 0 || cx >= w || cy < 0 || cy >= h) continue;
        const f = from[cy * w + cx]!;
        if (f < 0) continue;
        const tx = Math.round(X + ((f % w) - cx) * kx), ty = Math.round(Y + (((f / w) | 0) - cy) * ky);
        if (tx < 0 || tx >= W || ty < 0 || ty >= H) continue;
        const t = ty * W + tx;
        if (source[t] && !hole[t]) src = t;
      }
      if (src < 0) continue;
      out[P] = src;
      const a = P * channels, b = src * channels;
      for (let c = 0; c < channels; c++) img[a + c] = img[b + c]!;
    }
  }
  // pixels no offset could serve (rare: thin slivers): the nearest filled pixel in the row/column
  for (let pass = 0; pass < 4; pass++) {
    let left = 0;
    for (let P = 0; P < W * H; P++) {
      if (!hole[P] || out[P]! >= 0) continue;
      left++;
      const X = P % W, Y = (P / W) | 0;
      for (let k = 0; k < 4; k++) {
        const q = k === 0 ? (X > 0 ? P - 1 : -1) : k === 1 ? (X < W - 1 ? P + 1 : -1) : k === 2 ? (Y > 0 ? P - W : -1) : Y < H - 1 ? P + W : -1;
        if (q < 0) continue;
        const s = hole[q] ? out[q]! : source[q] ? q : -1;
        if (s < 0) continue;
        out[P] = s;
        for (let c = 0; c < channels; c++) img[P * channels + c] = img[s * channels + c]!;
        break;
      }
    }
    if (!left) break;
  }
  return out;
}

/**
 * The objects a synthesis of `hole` in `img` never copies from (1 = an object or its rim): what is
 * distinctive among the known pixels. Depends on the picture, the hole and the seed alone, so it
 * may be found before the source mask is known.
 */
export function sourceObjects(img: Uint8Array, channels: number, w: number, h: number, hole: Uint8Array, seed: number): Uint8Array {
  const known = invertMask(hole);
  return distinctMask(distinctiveness(img, channels, w, h, { seed, known }), known, w, 3, OBJECT_SHARE);
}

/** The objects (4-connected parts of `objects`) none of whose pixels touches the hole. */
function standingApart(objects: Uint8Array, hole: Uint8Array, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  for (const part of components(objects, w, h)) {
    const touches = part.some((i) => {
      const x = i % w;
      return hole[i] || (x > 0 && hole[i - 1]) || (x < w - 1 && hole[i + 1]) || (i >= w && hole[i - w]) || (i + w < w * h && hole[i + w]);
    });
    if (!touches) for (const i of part) out[i] = 1;
  }
  return out;
}

/** 1 − mask, for 0/1 masks (a plain loop: TypedArray.from with a map function is slow on big rasters). */
export function invertMask(mask: Uint8Array): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) out[i] = mask[i] ? 0 : 1;
  return out;
}

/** 1 where `a` is set and `b` is (`keep` true) or is not (`keep` false): two masks of one size combined. */
export function maskAnd(a: Uint8Array, b: Uint8Array, keep: boolean): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] && (b[i] ? keep : !keep) ? 1 : 0;
  return out;
}

/** 1 where either mask is set. */
export function maskOr(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] || b[i] ? 1 : 0;
  return out;
}

/** The positions where a 0/1 mask is set, in order (counted first: pushing a raster's worth onto a plain array is slow). */
function indicesOf(mask: Uint8Array): Int32Array {
  let count = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) count++;
  const out = new Int32Array(count);
  for (let i = 0, c = 0; i < mask.length; i++) if (mask[i]) out[c++] = i;
  return out;
}
