/**
 * The subject matte taken to the real end of its thin parts. A depth matte, made on a raster a few
 * times coarser than the output, stops short where the subject is only a few pixels wide: the top
 * of a mast with its cap, a spire's tip. What it leaves out stays in the background layer and no
 * longer moves with the subject — under a crane the mast's cap floats above the mast, a second
 * copy of the spire's tip stands beside it. Here, from the thin parts of the matte only (what an
 * opening of THIN_RADIUS removes: a wide body's rim, with the birds or branches beside it, is left
 * alone), the matte grows into the pixels connected to it, within REACH, whose colour is unlike
 * the background round that part of the subject (its mean colour there) and nearer the
 * subject's own (a sky of two tones, haze beside blue, is still background).
 *
 * @example extendThinTips(matte, picture, 1920, 1080) // matte: 0…255 at the output size, in place
 */
import { dilate } from '../../analyze/dilate.js';

/** parts of the matte narrower than 2·r + 1 (r: this share of the width, at least 2 px) are thin */
const THIN_RADIUS = 1 / 160;
/** how far beyond the matte a thin part may continue (share of the width, at least 6 px) */
const REACH = 1 / 100;
/** mean absolute difference per channel (grey levels) from the background that makes a pixel the subject's */
const UNLIKE = 24;

export function extendThinTips(matte: Uint8Array, picture: Uint8Array, W: number, H: number): void {
  const n = W * H, r = Math.max(2, Math.round(W * THIN_RADIUS)), reach = Math.max(6, Math.round(W * REACH));
  const core = new Uint8Array(n);
  let cx0 = W, cy0 = H, cx1 = -1, cy1 = -1;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    if (matte[y * W + x]! < 128) continue;
    core[y * W + x] = 1;
    if (x < cx0) cx0 = x; if (x > cx1) cx1 = x; if (y < cy0) cy0 = y; if (y > cy1) cy1 = y;
  }
  if (cx1 < 0) return;
  // opening: erode (dilate the outside), then dilate back; what it removes is thin. On a raster
  // half the size (the matte itself comes from one a few times coarser): a quarter of the work.
  // Only round the matte: its bounding box and the opening's radius (beyond it nothing is eroded,
  // and the raster's own edge bounds it as before)
  const w2 = Math.ceil(W / 2), h2 = Math.ceil(H / 2), r2 = Math.max(1, Math.round(r / 2));
  const bx0 = Math.max(0, (cx0 >> 1) - r2), by0 = Math.max(0, (cy0 >> 1) - r2);
  const bw = Math.min(w2 - 1, (cx1 >> 1) + r2) - bx0 + 1, bh = Math.min(h2 - 1, (cy1 >> 1) + r2) - by0 + 1;
  const outside = new Uint8Array(bw * bh);
  for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) outside[y * bw + x] = core[Math.min(H - 1, 2 * (y + by0)) * W + Math.min(W - 1, 2 * (x + bx0))] ? 0 : 1;
  const eroded = dilate(outside, bw, bh, r2);
  for (let i = 0; i < bw * bh; i++) eroded[i] = eroded[i] ? 0 : 1;
  const opened2 = dilate(eroded, bw, bh, r2);
  /** the thin parts: the matte's core the opening removed */
  const thin = (x: number, y: number) => core[y * W + x] === 1 && !opened2[((y >> 1) - by0) * bw + (x >> 1) - bx0];
  let x0 = W, y0 = H, x1 = -1, y1 = -1;
  for (let y = cy0; y <= cy1; y++) for (let x = cx0; x <= cx1; x++) {
    if (!thin(x, y)) continue;
    if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
  }
  if (x1 < 0) return;
  // the rest works on a window round the thin parts: the growth's reach, the ring beyond it and its averaging
  const m = 5 * reach;
  x0 = Math.max(0, x0 - m); y0 = Math.max(0, y0 - m); x1 = Math.min(W - 1, x1 + m); y1 = Math.min(H - 1, y1 + m);
  const w = x1 - x0 + 1, h = y1 - y0 + 1, wn = w * h;
  const wCore = new Uint8Array(wn), seed = new Uint8Array(wn), wPicture = new Uint8Array(wn * 4);
  for (let y = 0; y < h; y++) {
    const row = (y + y0) * W + x0;
    wPicture.set(picture.subarray(row * 4, (row + w) * 4), y * w * 4);
    wCore.set(core.subarray(row, row + w), y * w);
    for (let x = 0; x < w; x++) if (thin(x + x0, y + y0)) seed[y * w + x] = 1;
  }
  const grown = growTips(wCore, seed, wPicture, w, h, reach);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (grown[y * w + x]) matte[(y + y0) * W + x + x0] = 255;
}

/** The pixels the thin parts (`seed`) of the subject (`core`) grow into, on a window of the picture. */
function growTips(core: Uint8Array, seed: Uint8Array, picture: Uint8Array, W: number, H: number, reach: number): Uint8Array {
  const n = W * H;
  // the background round the subject and the subject itself, each averaged over about twice the
  // reach round every pixel (summed on cells of half the reach)
  const c = Math.max(1, Math.round(reach / 2)), cw = Math.ceil(W / c), chh = Math.ceil(H / c);
  // per cell, 8 sums: background count, r, g, b; subject count, r, g, b — then summed-area tables
  const table = new Float64Array((cw + 1) * (chh + 1) * 8);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const i = y * W + x, o = (((y / c) | 0) + 1) * (cw + 1) * 8 + (((x / c) | 0) + 1) * 8;
    const k = core[i] ? 4 : 0;
    table[o + k]!++;
    for (let ch = 0; ch < 3; ch++) table[o + k + 1 + ch]! += picture[i * 4 + ch]!;
  }
  for (let y = 1; y <= chh; y++) for (let x = 1; x <= cw; x++) for (let k = 0; k < 8; k++) {
    const o = (y * (cw + 1) + x) * 8 + k;
    table[o] = table[o]! + table[o - 8]! + table[o - (cw + 1) * 8]! - table[o - (cw + 1) * 8 - 8]!;
  }
  const span = Math.max(1, Math.round((2 * reach) / c)), sum = new Float64Array(8);
  /** the window's 8 sums round pixel i */
  const sums = (i: number) => {
    const cx = ((i % W) / c) | 0, cy = ((i / W) / c) | 0;
    const x0 = Math.max(0, cx - span), y0 = Math.max(0, cy - span), x1 = Math.min(cw, cx + span + 1), y1 = Math.min(chh, cy + span + 1);
    for (let k = 0; k < 8; k++) sum[k] = table[(y1 * (cw + 1) + x1) * 8 + k]! - table[(y0 * (cw + 1) + x1) * 8 + k]! - table[(y1 * (cw + 1) + x0) * 8 + k]! + table[(y0 * (cw + 1) + x0) * 8 + k]!;
  };
  const apart = (i: number, k: number) => {
    if (sum[k]! <= 0) return Infinity;
    let d = 0;
    for (let ch = 0; ch < 3; ch++) d += Math.abs(picture[i * 4 + ch]! - sum[k + 1 + ch]! / sum[k]!);
    return d / 3;
  };
  // a pixel unlike the background and nearer the subject's colours than the background's (read once)
  const verdict = new Uint8Array(n); // 0: not read yet, 1: the subject's, 2: the background's
  const unlike = (i: number) => {
    if (!verdict[i]) {
      sums(i);
      const b = apart(i, 0);
      verdict[i] = b >= UNLIKE && b < Infinity && apart(i, 4) < b ? 1 : 2;
    }
    return verdict[i] === 1;
  };
  // grow from the thin parts through unlike pixels within the reach (8-connected)
  const order = new Int32Array(n), grown = new Uint8Array(n), steps = new Uint16Array(n);
  let head = 0, tail = 0;
  for (let i = 0; i < n; i++) if (seed[i]) order[tail++] = i;
  while (head < tail) {
    const p = order[head++]!, x = p % W, y = (p / W) | 0;
    if (steps[p]! >= reach) continue;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const X = x + dx, Y = y + dy;
      if ((!dx && !dy) || X < 0 || Y < 0 || X >= W || Y >= H) continue;
      const q = Y * W + X;
      if (grown[q] || core[q] || !unlike(q)) continue;
      grown[q] = 1; steps[q] = steps[p]! + 1; order[tail++] = q;
    }
  }
  return grown;
}
