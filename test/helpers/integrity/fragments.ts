/**
 * Fragments: pieces of a later frame that are nowhere near their place in frame 0. A camera move
 * shifts the picture by at most `reach` px, so every small block of a later frame should be found
 * in frame 0 within that reach (shifted, and a little warped: the match is on a block a few px
 * across, so smooth warps pass). A layer torn at a depth edge shows what no such block of frame 0
 * has: the synthesised fill through the tear, a white sliver inside a dark tree, a tree's top left
 * behind its trunk. Each block (BLOCK px, on a grid BLOCK/2 apart) takes the least mean absolute
 * difference (grey levels) to any block of frame 0 within the reach; a fragment is a block whose
 * least difference is at least FRAGMENT_LEVELS. A revealed background (a true occlusion) counts
 * too: the measure suits scenes, drawn or chosen, where nothing should be revealed.
 *
 * @example const { share, worst } = fragments(g0, g1, 16) // share of blocks that are fragments
 */
import type { Gray } from './gray.js';

/** block side (px) */
export const BLOCK = 6;
/** a block no nearer than this (mean absolute grey difference) to frame 0 within the reach is a fragment */
export const FRAGMENT_LEVELS = 14;

export interface FragmentFigure {
  /** blocks measured */
  blocks: number;
  /** blocks that are fragments */
  count: number;
  share: number;
  /** the worst block: its top-left corner and its least difference */
  worst: { x: number; y: number; levels: number };
  /** every fragment's top-left corner */
  at: Array<[number, number]>;
}

/**
 * The fragments of `later` against `frame0` (same size) for shifts up to `reach` px round
 * `shift` (the camera's overall move, content moved by it: 0 by default). `zone` (optional, W×H,
 * 1 = measured) limits the blocks measured (their top-left corner); blocks within the search's
 * reach of the border are left out (what lies beyond frame 0 is no fragment of it).
 */
export function fragments(frame0: Gray, later: Gray, reach: number, zone?: Uint8Array, shift: readonly [number, number] = [0, 0]): FragmentFigure {
  const { width: W, height: H } = frame0, a = later.data, b = frame0.data, step = BLOCK / 2;
  // the block in `later` at p matches frame 0 at p − shift + d, |d| ≤ reach: the border kept clear of both
  const sx = Math.round(shift[0]), sy = Math.round(shift[1]), m = reach + Math.max(Math.abs(sx), Math.abs(sy));
  return matchBlocks(a, b, W, H, m, -sx - reach, -sx + reach, -sy - reach, -sy + reach, step, zone);
}

/** Each block (top-left `margin` px and more from the border) against frame 0 shifted by (dx0…dx1, dy0…dy1). */
function matchBlocks(a: Float32Array, b: Float32Array, W: number, H: number, margin: number, dx0: number, dx1: number, dy0: number, dy1: number, step: number, zone?: Uint8Array): FragmentFigure {
  const gx = Math.floor((W - 2 * margin - BLOCK) / step) + 1, gy = Math.floor((H - 2 * margin - BLOCK) / step) + 1;
  if (gx <= 0 || gy <= 0) return { blocks: 0, count: 0, share: 0, worst: { x: 0, y: 0, levels: 0 }, at: [] };
  const best = new Float32Array(gx * gy).fill(Infinity);
  // only the rows of the blocks measured
  let j0 = 0, j1 = gy - 1;
  if (zone) {
    const rowMeasured = (j: number) => { for (let i = 0; i < gx; i++) if (zone[(margin + j * step) * W + margin + i * step]) return true; return false; };
    while (j0 < gy && !rowMeasured(j0)) j0++;
    while (j1 >= j0 && !rowMeasured(j1)) j1--;
  }
  const yFrom = margin + j0 * step, yTo = Math.min(H - margin, margin + j1 * step + BLOCK);
  // per shift: the absolute difference image, summed over the blocks by an integral image
  const sums = new Float64Array((W + 1) * (H + 1));
  for (let dy = dy0; dy <= dy1; dy++) for (let dx = dx0; dx <= dx1; dx++) {
    for (let y = yFrom; y < yTo; y++) {
      let row = 0;
      for (let x = margin; x < W - margin; x++) {
        row += Math.abs(a[y * W + x]! - b[(y + dy) * W + x + dx]!);
        sums[(y + 1) * (W + 1) + x + 1] = sums[y * (W + 1) + x + 1]! + row;
      }
    }
    for (let j = j0; j <= j1; j++) for (let i = 0; i < gx; i++) {
      const x0 = margin + i * step, y0 = margin + j * step, x1 = x0 + BLOCK, y1 = y0 + BLOCK;
      // the integral starts at column `margin` and row `yFrom` (zeros before them): a block's sum is its box of it
      const s = sums[y1 * (W + 1) + x1]! - sums[y0 * (W + 1) + x1]! - sums[y1 * (W + 1) + x0]! + sums[y0 * (W + 1) + x0]!;
      const k = j * gx + i;
      if (s < best[k]!) best[k] = s;
    }
  }
  const worst = { x: 0, y: 0, levels: 0 }, at: Array<[number, number]> = [];
  let blocks = 0;
  for (let j = 0; j < gy; j++) for (let i = 0; i < gx; i++) {
    const x = margin + i * step, y = margin + j * step;
    if (zone && !zone[y * W + x]) continue;
    blocks++;
    const levels = best[j * gx + i]! / (BLOCK * BLOCK);
    if (levels > worst.levels) Object.assign(worst, { x, y, levels });
    if (levels >= FRAGMENT_LEVELS) at.push([x, y]);
  }
  return { blocks, count: at.length, share: blocks ? at.length / blocks : 0, worst, at };
}
