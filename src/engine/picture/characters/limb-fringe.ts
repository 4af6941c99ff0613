/**
 * The fringe of a gesturing limb added to the subject matte: the few pixels just past the matte's
 * edge whose colour is a blend of the limb's and the background's (a soft photo's blur, a
 * sharpening halo, the fine hair along a forearm). The segmentation's edge stops short of them, so
 * when the arm moves they stayed where the arm was — a pale outline of the hand, a line along the
 * arm's former edge — and the background synthesised behind the subject copied them as its
 * neighbours. Each such pixel's alpha is how far its colour lies from the local background's
 * towards the local limb's (the projection of P − B on F − B), as a share of the way or in the
 * background's own spreads (a thin halo line on a soft background), with a feather that fades
 * over the band whatever the colours; so the fringe moves with the limb, the hole grown from the
 * matte covers it, and where the limb leaves, the fill takes over gradually, not at a step.
 *
 * @example addLimbFringe(alpha, picture, W, H, [x0, y0, x1, y1], 11, (x, y) => nearBones(x, y))
 */
import { chamferDistance } from '../../analyze/chamfer.js';
import { boxBlur } from '../../analyze/filters.js';
import { smoothstep } from './shape.js';

/** the limb's and the background's colours must differ by at least this (RGB distance) for a blend to be read */
const MIN_CONTRAST = 24;
/** a projection under this is the background's own spread, not a blend */
const NOISE = 0.15;
/** a pixel this many of the background's spreads towards the limb's colour stands out of it (twice: wholly the fringe's) */
const SPREADS = 1.5;
/** the feather's alpha at the matte's edge, falling to 0 at the band's outer edge */
const FEATHER = 1;

/**
 * Raise `alpha` (W × H, 0…255) within `band` px outside its ≥ ½ edge, inside the box and where
 * `near` allows, to the fringe's alpha read from the picture `rgba`. Only ever adds.
 */
export function addLimbFringe(alpha: Uint8Array, rgba: Uint8Array, W: number, H: number, box: readonly [number, number, number, number], band: number, near: (x: number, y: number) => boolean): void {
  const b = Math.max(1, Math.round(band));
  const x0 = Math.max(0, Math.floor(box[0]) - 3 * b), y0 = Math.max(0, Math.floor(box[1]) - 3 * b);
  const x1 = Math.min(W - 1, Math.ceil(box[2]) + 3 * b), y1 = Math.min(H - 1, Math.ceil(box[3]) + 3 * b);
  const bw = x1 - x0 + 1, bh = y1 - y0 + 1, n = bw * bh;
  if (bw < 3 || bh < 3) return;
  const dist = outsideDistance(alpha, W, x0, y0, bw, bh, 3 * b);
  // the local limb colour (opaque matte) and background colour (beyond the band), masked means
  const inLimb = new Float32Array(n), inBack = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const i = (y0 + ((k / bw) | 0)) * W + x0 + (k % bw);
    inLimb[k] = alpha[i]! >= 230 ? 1 : 0;
    inBack[k] = dist[k]! > b ? 1 : 0;
  }
  const wLimb = boxBlur(inLimb, bw, bh, 2 * b), wBack = boxBlur(inBack, bw, bh, 3 * b);
  const limb: Float32Array[] = [], back: Float32Array[] = [];
  const ch = new Float32Array(n), backVar = new Float32Array(n);
  for (let c = 0; c < 3; c++) {
    for (let k = 0; k < n; k++) ch[k] = rgba[((y0 + ((k / bw) | 0)) * W + x0 + (k % bw)) * 4 + c]! * inLimb[k]!;
    limb.push(boxBlur(ch, bw, bh, 2 * b));
    for (let k = 0; k < n; k++) ch[k] = rgba[((y0 + ((k / bw) | 0)) * W + x0 + (k % bw)) * 4 + c]! * inBack[k]!;
    const mean = boxBlur(ch, bw, bh, 3 * b);
    back.push(mean);
    for (let k = 0; k < n; k++) ch[k] = ch[k]! * ch[k]! / 255;
    const sq = boxBlur(ch, bw, bh, 3 * b);
    // the background's spread round its mean (sum over the channels of E[P²] − E[P]²)
    for (let k = 0; k < n; k++) if (wBack[k]! > 0) backVar[k]! += Math.max(0, (255 * sq[k]!) / wBack[k]! - (mean[k]! / wBack[k]!) ** 2);
  }
  const fringe = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const d = dist[k]!;
    if (d <= 0 || d > b) continue;
    const x = x0 + (k % bw), y = y0 + ((k / bw) | 0);
    if (!near(x, y)) continue;
    // a feather whatever the colours: a thin halo line along the edge, too faint to read as a blend, goes with the limb
    fringe[k] = FEATHER * (1 - d / b) ** 2;
    if (wLimb[k]! < 0.02 || wBack[k]! < 0.02) continue;
    const o = (y * W + x) * 4;
    let dot = 0, len2 = 0;
    for (let c = 0; c < 3; c++) {
      const F = limb[c]![k]! / wLimb[k]!, B = back[c]![k]! / wBack[k]!;
      dot += (rgba[o + c]! - B) * (F - B);
      len2 += (F - B) * (F - B);
    }
    if (len2 < MIN_CONTRAST * MIN_CONTRAST) continue;
    // how far towards the limb's colour: as a share of the way (a blend), or in the background's own spreads (a
    // thin halo line, too faint a blend to count as one but standing out of a soft background all the same)
    const blend = (dot / len2 - NOISE) / (1 - 2 * NOISE);
    const spreads = (dot / Math.sqrt(len2) / Math.sqrt(backVar[k]! + 16) - SPREADS) / SPREADS;
    // the outer rows of the band fade out, so the fringe's alpha meets nothing with a step
    fringe[k] = Math.max(fringe[k]!, Math.min(1, Math.max(0, blend, spreads)) * (1 - smoothstep(0.7 * b, b + 0.5, d)));
  }
  // a pixel's blur over its neighbours: speckle of the background's own spread does not stand alone
  const soft = boxBlur(fringe, bw, bh, 1);
  for (let k = 0; k < n; k++) {
    const v = Math.round(255 * Math.min(fringe[k]!, soft[k]! * 1.5));
    const i = (y0 + ((k / bw) | 0)) * W + x0 + (k % bw);
    if (v > alpha[i]!) alpha[i] = v;
  }
}

/** Distance (px, chamfer 1/√2) outside the matte's ≥ ½ region within the box, capped at `cap`; 0 inside. */
function outsideDistance(alpha: Uint8Array, W: number, x0: number, y0: number, bw: number, bh: number, cap: number): Float32Array {
  const d = new Float32Array(bw * bh);
  for (let j = 0; j < bh; j++) for (let i = 0; i < bw; i++) d[j * bw + i] = alpha[(y0 + j) * W + x0 + i]! >= 128 ? 0 : cap;
  return chamferDistance(d, bw, bh);
}
