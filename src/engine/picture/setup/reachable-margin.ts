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
  // the regions' pixels counted over every rectangle from the picture's corner (a summed-area table, (W+1)×(H+1))
  const all = regions.some((r) => !r), union = new Uint8Array(W * H);
  for (const r of regions) if (r && !all) for (let i = 0; i < union.length; i++) if (r[i]! > 0) union[i] = 1;
  const sum = new Int32Array((W + 1) * (H + 1));
  for (let y = 0; y < H; y++) {
    let row = 0;
    for (let x = 0; x < W; x++) {
      if (all || union[y * W + x]) row++;
      sum[(y + 1) * (W + 1) + x + 1] = sum[y * (W + 1) + x + 1]! + row;
    }
  }
  const count = (x0: number, y0: number, x1: number, y1: number): number => {
    // (inclusive picture coordinates, clamped to it)
    x0 = Math.max(0, x0); y0 = Math.max(0, y0); x1 = Math.min(W - 1, x1); y1 = Math.min(H - 1, y1);
    if (x0 > x1 || y0 > y1) return 0;
    const s = W + 1;
    return sum[(y1 + 1) * s + x1 + 1]! - sum[y0 * s + x1 + 1]! - sum[(y1 + 1) * s + x0]! + sum[y0 * s + x0]!;
  };
  // a margin pixel p is read from a sample s when p − s lies within the reach: s.x ∈ [p.x − right, p.x + left], …
  const left = Math.ceil(reach.left + band), right = Math.ceil(reach.right + band), up = Math.ceil(reach.up + band), down = Math.ceil(reach.down + band);
  const out = new Uint8Array(cw * ch);
  let unread = 0;
  for (let y = 0; y < ch; y++) {
    const inside = y >= my && y < my + H;
    for (let x = 0; x < cw; x++) {
      if (inside && x >= mx && x < mx + W) continue;
      const px = x - mx, py = y - my;
      if (count(px - right, py - down, px + left, py + up) > 0) out[y * cw + x] = 1;
      else unread++;
    }
  }
  return unread ? out : null;
}
