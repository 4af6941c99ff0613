/**
 * The part of the margin a displaced sample can reach, when the camera itself keeps to the picture
 * and the margin is there for displacing effects only: each effect moves samples only inside its
 * region (the sky, for clouds) and no farther than its reach each way (a drift samples upwind
 * only), so only the margin beside where those regions meet the picture's edge, within that
 * reach, is ever read. The rest need not be synthesised (outpaint.ts fills it with the nearest
 * edge pixel's colour, for the blurred copies that read across the edge).
 *
 * @example const seen = reachableMargin([sky], { left: 90, right: 3, up: 3, down: 3 }, 1920, 1080, 84, 38, 10)
 */
import type { SampleReach } from '../effects/types.js';

/**
 * 1 on the canvas' margin pixels ((W + 2·mx) × (H + 2·my)) some sample can reach: a picture pixel
 * in any of `regions` (W×H, non-zero = in; null = the whole picture) moved by up to `reach`, give or
 * take `band` px (the displacement grid's interpolation, the sampling kernel); null when that is
 * the whole margin (nothing to save).
 */
export function reachableMargin(regions: readonly (Uint8Array | null)[], reach: SampleReach, W: number, H: number, mx: number, my: number, band: number): Uint8Array | null {
  const cw = W + 2 * mx, ch = H + 2 * my;
  const all = regions.some((r) => !r);
  let inRegion = regions.length === 1 ? regions[0]! : null;
  if (!all && !inRegion) {
    inRegion = new Uint8Array(W * H);
    for (const r of regions) for (let i = 0; i < inRegion.length; i++) if (r![i]! > 0) inRegion[i] = 1;
  }
  // a margin pixel p is read from a sample q when p − q lies within the reach: q.x ∈ [p.x − right, p.x + left], …
  const left = Math.ceil(reach.left + band), right = Math.ceil(reach.right + band), up = Math.ceil(reach.up + band), down = Math.ceil(reach.down + band);
  // so a pixel of the top margin is read only from the picture's first `up` rows, one of the left
  // margin only from its first `left` columns, …: the regions counted over those strips
  const top = regionCount(inRegion, W, 0, 0, W, Math.min(H, up)), bottom = regionCount(inRegion, W, 0, Math.max(0, H - down), W, H);
  const leftSide = regionCount(inRegion, W, 0, 0, Math.min(W, left), H), rightSide = regionCount(inRegion, W, Math.max(0, W - right), 0, W, H);
  const out = new Uint8Array(cw * ch);
  let unread = 0;
  for (let y = 0; y < ch; y++) {
    const inside = y >= my && y < my + H, py = y - my;
    const y0 = Math.max(0, py - down), y1 = Math.min(H - 1, py + up);
    for (let x = 0; x < cw; x++) {
      if (inside && x === mx) x = mx + W; // the picture's own row
      if (x >= cw) break;
      const px = x - mx, x0 = Math.max(0, px - right), x1 = Math.min(W - 1, px + left);
      const strip = py < 0 ? top : py >= H ? bottom : px < 0 ? leftSide : rightSide;
      if (y0 <= y1 && x0 <= x1 && strip(x0, y0, x1, y1) > 0) out[y * cw + x] = 1;
      else unread++;
    }
  }
  return unread ? out : null;
}

/**
 * The count of region pixels (`inRegion` W wide, non-zero = in; null = every pixel) in any box
 * (inclusive picture coordinates) within the strip [sx0, sx1) × [sy0, sy1): a summed-area table of the strip.
 */
function regionCount(inRegion: Uint8Array | null, W: number, sx0: number, sy0: number, sx1: number, sy1: number): (x0: number, y0: number, x1: number, y1: number) => number {
  const w = Math.max(0, sx1 - sx0), h = Math.max(0, sy1 - sy0), s = w + 1, sum = new Int32Array(s * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0, i = (sy0 + y) * W + sx0, o = (y + 1) * s + 1; x < w; x++, i++, o++) {
      if (!inRegion || inRegion[i]! > 0) row++;
      sum[o] = sum[o - s]! + row;
    }
  }
  return (x0, y0, x1, y1) => {
    const a = x0 - sx0, b = y0 - sy0, c = x1 - sx0 + 1, d = y1 - sy0 + 1;
    return sum[d * s + c]! - sum[b * s + c]! - sum[d * s + a]! + sum[b * s + a]!;
  };
}
