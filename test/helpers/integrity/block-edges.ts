/**
 * Block edges in a synthesised fill: a fill copied block by block from a small raster shows, on a
 * smooth background (a sky, a plain wall), the blocks' edges — short straight steps, vertical or
 * horizontal, between two otherwise smooth stretches. A pixel is on such an edge when the step
 * across it (over 2 px, so a step the warp or the codec spread over two pixels counts) is at
 * least BLOCK_STEP grey levels and BLOCK_RATIO times the steps beside it on both sides, with the
 * same sign on the rows (or columns) above and below it too: a straight run of at least three.
 * Texture (grain, foliage) has steps beside its steps, so it does not count; a soft gradient has
 * no step; an object's outline is left out by the caller's zone.
 *
 * @example const { share } = blockEdges(luma, W, H, zone) // share of zone pixels on block edges
 */

/** the least step (grey levels, across 2 px) that counts */
export const BLOCK_STEP = 4;
/** the step must be this many times the steps beside it */
export const BLOCK_RATIO = 2.5;

export interface BlockEdges {
  /** zone pixels on a block edge */
  count: number;
  /** their share of the zone */
  share: number;
}

/** Block-edge pixels in `zone` (W×H, 1 = measured) of a grey picture. */
export function blockEdges(grey: Float32Array, W: number, H: number, zone: Uint8Array): BlockEdges {
  // the signed step at (x, y) along (dx, dy) if it is a lone step, else 0
  const lone = (x: number, y: number, dx: number, dy: number): number => {
    if (x - 2 * dx < 0 || y - 2 * dy < 0 || x + 4 * dx >= W || y + 4 * dy >= H) return 0;
    const at = (k: number) => grey[(y + k * dy) * W + x + k * dx]!;
    const step = at(2) - at(0), before = Math.abs(at(0) - at(-2)), after = Math.abs(at(4) - at(2));
    return Math.abs(step) >= BLOCK_STEP && Math.abs(step) >= BLOCK_RATIO * Math.max(before, after) ? Math.sign(step) : 0;
  };
  let count = 0, n = 0;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    if (!zone[y * W + x]) continue;
    n++;
    // a vertical edge: lone horizontal steps of one sign on three rows; a horizontal edge likewise
    const v = lone(x, y, 1, 0), h = lone(x, y, 0, 1);
    if ((v && y > 0 && y < H - 1 && lone(x, y - 1, 1, 0) === v && lone(x, y + 1, 1, 0) === v)
      || (h && x > 0 && x < W - 1 && lone(x - 1, y, 0, 1) === h && lone(x + 1, y, 0, 1) === h)) count++;
  }
  return { count, share: n ? count / n : 0 };
}
