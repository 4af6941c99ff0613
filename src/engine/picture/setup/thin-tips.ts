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
  const thinParts: number[] = [];
  for (let y = cy0; y <= cy1; y++) for (let x = cx0; x <= cx1; x++) {
    if (!thin(x, y)) continue;
    thinParts.push(y * W + x);
    if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
  }
  if (x1 < 0) return;
  // the rest works on a window round the thin parts: the growth's reach, the ring beyond it and its averaging
  const m = 5 * reach;
  const win = { x0: Math.max(0, x0 - m), y0: Math.max(0, y0 - m), w: 0, h: 0 };
  win.w = Math.min(W - 1, x1 + m) - win.x0 + 1; win.h = Math.min(H - 1, y1 + m) - win.y0 + 1;
  const seeds = thinParts.map((i) => (((i / W) | 0) - win.y0) * win.w + (i % W) - win.x0);
  const grown = growTips(core, picture, W, win, seeds, reach);
  for (const p of grown) matte[((p / win.w) | 0) * W + win.y0 * W + (p % win.w) + win.x0] = 255;
}

/**
 * The pixels the thin parts (`seeds`) of the subject (`core`, W wide) grow into, within a window
 * of the picture; seeds and the pixels grown are indices on the window.
 */
function growTips(core: Uint8Array, picture: Uint8Array, W: number, win: { x0: number; y0: number; w: number; h: number }, seeds: number[], reach: number): number[] {
  const { x0, y0, w, h } = win, n = w * h;
  const at = (p: number) => ((p / w) | 0) * W + y0 * W + (p % w) + x0;
  // the background round the subject and the subject itself, each averaged over about twice the
  // reach round every pixel: summed on cells of half the reach, each cell when first asked for
  const c = Math.max(1, Math.round(reach / 2)), cw = Math.ceil(w / c), chh = Math.ceil(h / c);
  // per cell, 8 sums: background count, r, g, b; subject count, r, g, b (whole numbers: exact in any order)
  const cells = new Float64Array(cw * chh * 8), summed = new Uint8Array(cw * chh);
  const cellSums = (cx: number, cy: number): number => {
    const o = (cy * cw + cx) * 8;
    if (summed[cy * cw + cx]) return o;
    summed[cy * cw + cx] = 1;
    for (let y = cy * c; y < Math.min(h, (cy + 1) * c); y++) for (let x = cx * c; x < Math.min(w, (cx + 1) * c); x++) {
      const i = (y + y0) * W + x + x0, k = o + (core[i] ? 4 : 0);
      cells[k]!++;
      for (let ch = 0; ch < 3; ch++) cells[k + 1 + ch]! += picture[i * 4 + ch]!;
    }
    return o;
  };
  const span = Math.max(1, Math.round((2 * reach) / c));
  // per cell, the 8 sums over the cells within `span` of it (each cell's once)
  const near = new Float64Array(cw * chh * 8), gathered = new Uint8Array(cw * chh);
  /** the offset of the 8 sums round window pixel p */
  const sums = (p: number): number => {
    const cx = ((p % w) / c) | 0, cy = ((p / w) / c) | 0, o = (cy * cw + cx) * 8;
    if (gathered[cy * cw + cx]) return o;
    gathered[cy * cw + cx] = 1;
    for (let j = Math.max(0, cy - span); j <= Math.min(chh - 1, cy + span); j++) {
      for (let i = Math.max(0, cx - span); i <= Math.min(cw - 1, cx + span); i++) {
        const q = cellSums(i, j);
        for (let k = 0; k < 8; k++) near[o + k]! += cells[q + k]!;
      }
    }
    return o;
  };
  const apart = (i: number, o: number) => {
    if (near[o]! <= 0) return Infinity;
    let d = 0;
    for (let ch = 0; ch < 3; ch++) d += Math.abs(picture[i * 4 + ch]! - near[o + 1 + ch]! / near[o]!);
    return d / 3;
  };
  // a pixel unlike the background and nearer the subject's colours than the background's (read once)
  const verdict = new Uint8Array(n); // 0: not read yet, 1: the subject's, 2: the background's
  const unlike = (p: number) => {
    if (!verdict[p]) {
      const o = sums(p), i = at(p);
      const b = apart(i, o);
      verdict[p] = b >= UNLIKE && b < Infinity && apart(i, o + 4) < b ? 1 : 2;
    }
    return verdict[p] === 1;
  };
  // grow from the thin parts through unlike pixels within the reach (8-connected)
  const order = seeds.slice(), grown = new Uint8Array(n), steps = new Uint16Array(n), added: number[] = [];
  for (let head = 0; head < order.length; head++) {
    const p = order[head]!, x = p % w, y = (p / w) | 0;
    if (steps[p]! >= reach) continue;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const X = x + dx, Y = y + dy;
      if ((!dx && !dy) || X < 0 || Y < 0 || X >= w || Y >= h) continue;
      const q = Y * w + X;
      if (grown[q] || core[at(q)] || !unlike(q)) continue;
      grown[q] = 1; steps[q] = steps[p]! + 1; order.push(q); added.push(q);
    }
  }
  return added;
}
