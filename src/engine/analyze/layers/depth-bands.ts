/**
 * The depth split at its discontinuities into a few layers (2–5), smooth inside each: a nearness
 * threshold is a good cut when most of the boundary it draws lies on a depth jump (an occluding
 * edge) rather than across a smooth slope (a floor running away). The best cuts, well apart, are
 * kept, each scored by that fraction.
 *
 * @example const { cuts } = depthBands(depth, 512, 341) // → [{ at: 0.62, score: 0.8 }], bands near→far
 */

export interface DepthCut {
  /** nearness threshold */
  at: number;
  /** fraction of the cut's boundary that lies on a depth jump (0…1) */
  score: number;
}

export interface DepthBand {
  /** nearness range [far, near] */
  far: number;
  near: number;
  /** fraction of the picture in this band */
  share: number;
}

/** A jump: nearness changes by at least this much across `SPAN` pixels of the analysis raster. */
export const JUMP = 0.06;
const SPAN = 2;
const MIN_SCORE = 0.45;
const MIN_SHARE = 0.03;
const MIN_GAP = 0.08;

/** Strength of the depth jump at each pixel: the largest |Δn| over SPAN px, horizontally or vertically. */
export function depthJumps(depth: Float32Array, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    const dx = x + SPAN < w ? Math.abs(depth[i + SPAN]! - depth[i]!) : 0;
    const dy = y + SPAN < h ? Math.abs(depth[i + SPAN * w]! - depth[i]!) : 0;
    out[i] = Math.max(dx, dy);
  }
  return out;
}

export function depthBands(depth: Float32Array, w: number, h: number): { cuts: DepthCut[]; bands: DepthBand[] } {
  const steps = 64;
  const straddle = new Float64Array(steps), onJump = new Float64Array(steps);
  // every neighbour pair (SPAN apart) straddles the thresholds between its two values
  const add = (a: number, b: number) => {
    const lo = Math.min(a, b), hi = Math.max(a, b), jump = hi - lo >= JUMP;
    const k0 = Math.ceil(lo * steps), k1 = Math.min(steps - 1, Math.floor(hi * steps));
    for (let k = Math.max(1, k0); k <= k1; k++) { straddle[k]! += 1; if (jump) onJump[k]! += 1; }
  };
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    if (x + SPAN < w) add(depth[i]!, depth[i + SPAN]!);
    if (y + SPAN < h) add(depth[i]!, depth[i + SPAN * w]!);
  }
  const histogram = new Float64Array(steps + 1);
  for (let i = 0; i < depth.length; i++) histogram[Math.min(steps, Math.max(0, Math.floor(depth[i]! * steps)))]! += 1;
  const shareBetween = (a: number, b: number) => {
    let s = 0;
    for (let k = 0; k <= steps; k++) if (k / steps >= a && k / steps < b) s += histogram[k]!;
    return s / depth.length;
  };
  const candidates: DepthCut[] = [];
  for (let k = 1; k < steps; k++) {
    // a boundary must be long enough to matter (not a few stray pixels)
    if (straddle[k]! < Math.max(w, h) * 0.5) continue;
    candidates.push({ at: k / steps, score: onJump[k]! / straddle[k]! });
  }
  candidates.sort((a, b) => b.score - a.score);
  const cuts: DepthCut[] = [];
  for (const c of candidates) {
    if (c.score < MIN_SCORE || cuts.length >= 4) break;
    if (cuts.some((d) => Math.abs(d.at - c.at) < MIN_GAP)) continue;
    const edges = [0, ...cuts.map((d) => d.at), c.at, 1.0001].sort((a, b) => a - b);
    let ok = true;
    for (let j = 0; j + 1 < edges.length; j++) if (shareBetween(edges[j]!, edges[j + 1]!) < MIN_SHARE) ok = false;
    if (ok) cuts.push(c);
  }
  cuts.sort((a, b) => b.at - a.at);
  const edges = [1.0001, ...cuts.map((c) => c.at), 0];
  const bands: DepthBand[] = [];
  for (let j = 0; j + 1 < edges.length; j++) {
    const near = Math.min(1, edges[j]!), far = edges[j + 1]!;
    bands.push({ far: round3(far), near: round3(near), share: round3(shareBetween(far, edges[j]!)) });
  }
  return { cuts, bands };
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
