/**
 * The subject matte taken to the real end of its thin parts. A depth matte, made on a raster a few
 * times coarser than the output, stops short where the subject is only a few pixels wide: the top
 * of a mast with its cap, a spire's tip. What it leaves out stays in the background layer and no
 * longer moves with the subject — under a crane the mast's cap floats above the mast, a second
 * copy of the spire's tip stands beside it. Here, from the thin parts of the matte only (what an
 * opening of THIN_RADIUS removes: a wide body's rim, with the birds or branches beside it, is left
 * alone), the matte grows into the pixels connected to it, within REACH, whose colour is unlike
 * the background round that part of the subject (the mean colour of a ring beyond REACH) and
 * nearer the subject's own there (a sky of two tones, haze beside blue, is still background).
 *
 * @example extendThinTips(matte, picture, 1920, 1080) // matte: 0…255 at the output size, in place
 */
import { dilate } from '../../analyze/dilate.js';
import { boxBlur } from '../../analyze/filters.js';

/** parts of the matte narrower than 2·r + 1 (r: this share of the width, at least 2 px) are thin */
const THIN_RADIUS = 1 / 160;
/** how far beyond the matte a thin part may continue (share of the width, at least 6 px) */
const REACH = 1 / 100;
/** mean absolute difference per channel (grey levels) from the background that makes a pixel the subject's */
const UNLIKE = 24;

export function extendThinTips(matte: Uint8Array, picture: Uint8Array, W: number, H: number): void {
  const n = W * H, r = Math.max(2, Math.round(W * THIN_RADIUS)), reach = Math.max(6, Math.round(W * REACH));
  const core = new Uint8Array(n), outside = new Uint8Array(n);
  for (let i = 0; i < n; i++) { core[i] = matte[i]! >= 128 ? 1 : 0; outside[i] = 1 - core[i]!; }
  // opening: erode (dilate the outside), then dilate back; what it removes is thin
  const eroded = dilate(outside, W, H, r);
  for (let i = 0; i < n; i++) eroded[i] = eroded[i] ? 0 : 1;
  const opened = dilate(eroded, W, H, r);
  const seeds: number[] = [];
  for (let i = 0; i < n; i++) if (core[i] && !opened[i]) seeds.push(i);
  if (!seeds.length) return;
  // the background round the subject (a ring beyond the reach) and the subject itself, each
  // averaged over twice the reach about every pixel
  const near = dilate(core, W, H, reach), far = dilate(core, W, H, 2 * reach);
  const ring = new Float32Array(n), body = new Float32Array(n);
  const ringSums = [new Float32Array(n), new Float32Array(n), new Float32Array(n)], bodySums = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
  for (let i = 0; i < n; i++) {
    if (core[i]) { body[i] = 1; for (let c = 0; c < 3; c++) bodySums[c]![i] = picture[i * 4 + c]!; }
    else if (far[i] && !near[i]) { ring[i] = 1; for (let c = 0; c < 3; c++) ringSums[c]![i] = picture[i * 4 + c]!; }
  }
  const mean = (count: Float32Array, sums: Float32Array[]) => ({ count: boxBlur(count, W, H, 2 * reach), sums: sums.map((v) => boxBlur(v, W, H, 2 * reach)) });
  const background = mean(ring, ringSums), subject = mean(body, bodySums);
  const apart = (i: number, m: ReturnType<typeof mean>) => {
    const k = m.count[i]!;
    if (k <= 0) return Infinity;
    let d = 0;
    for (let c = 0; c < 3; c++) d += Math.abs(picture[i * 4 + c]! - m.sums[c]![i]! / k);
    return d / 3;
  };
  // a pixel unlike the background and nearer the subject's colours than the background's
  const unlike = (i: number) => {
    const b = apart(i, background);
    return b >= UNLIKE && b < Infinity && apart(i, subject) < b;
  };
  // grow from the thin parts through unlike pixels within the reach (8-connected)
  const order = new Int32Array(n), grown = new Uint8Array(n);
  order.set(seeds);
  let head = 0, tail = seeds.length;
  while (head < tail) {
    const p = order[head++]!, x = p % W, y = (p / W) | 0;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const X = x + dx, Y = y + dy;
      if ((!dx && !dy) || X < 0 || Y < 0 || X >= W || Y >= H) continue;
      const q = Y * W + X;
      if (grown[q] || core[q] || !near[q] || !unlike(q)) continue;
      grown[q] = 1; order[tail++] = q;
    }
  }
  for (let i = 0; i < n; i++) if (grown[i]) matte[i] = 255;
}
