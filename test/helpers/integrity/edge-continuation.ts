/**
 * Whether an outpainted margin continues what crosses the picture's edge: a line that stops at the
 * edge with a block of another tone beside it (fruits.jpg's lemon rind, a butterfly leaf's stripes
 * broken into patches) though the step right at the edge is smoothed away (edge-seam.ts reads it
 * as fine). Per window along the edge, the edge row is compared with the row DEPTH px out in the
 * margin and with the row DEPTH px in, each at its best shift along the edge (up to DEPTH: a
 * slanted line moves along as it goes): a margin that continues the picture differs from the edge
 * about as much as the picture's own row inside does; one where the edge's structure stops
 * differs several times more. The worst window is the figure (one broken line is the defect).
 *
 * @example edgeContinuation(rgb, cw, ch, { side: 'right', at: mx + w - 1, from: my, to: my + h }).worst // ≤ EDGE_CONTINUATION_LIMIT
 */
import type { EdgeLine } from './edge-seam.js';

/** the most a window's margin row may differ from the edge, in the picture's own row's difference */
export const EDGE_CONTINUATION_LIMIT = 4;
/** px: how far out (and in) the compared rows lie, and how far along they may shift */
const DEPTH = 8;
/** px along the edge a window spans (windows overlap by half) */
const SPAN = 48;
/** grey levels: the least reference difference (a flat picture's rows barely differ) */
const FLOOR = 2;

export interface EdgeContinuation {
  /** the largest ratio over the windows (margin row's difference / picture row's) */
  worst: number;
  /** where along the edge the worst window starts */
  at: number;
  /** the median ratio over the windows */
  median: number;
}

/** The continuation figure of an RGB image (W×H, 3 bytes a pixel) along one edge of the picture in it. */
export function edgeContinuation(rgb: Uint8Array, W: number, H: number, line: EdgeLine): EdgeContinuation {
  const vertical = line.side === 'left' || line.side === 'right';
  const inward = line.side === 'top' || line.side === 'left' ? 1 : -1;
  const get = (row: number, k: number, c: number) => rgb[(vertical ? k * W + row : row * W + k) * 3 + c]!;
  /** mean |difference| (per channel) of row a over [k0, k1) and row b at its best shift */
  const apart = (a: number, b: number, k0: number, k1: number): number => {
    let best = Infinity;
    for (let s = -DEPTH; s <= DEPTH; s++) {
      let sum = 0, n = 0;
      for (let k = k0; k < k1; k++) {
        const j = k + s;
        if (j < line.from || j >= line.to) continue;
        for (let c = 0; c < 3; c++) sum += Math.abs(get(a, k, c) - get(b, j, c));
        n++;
      }
      if (n) best = Math.min(best, sum / (3 * n));
    }
    return best;
  };
  const ratios: Array<{ r: number; k: number }> = [];
  for (let k = line.from + DEPTH; k + SPAN <= line.to - DEPTH; k += SPAN / 2) {
    const out = apart(line.at, line.at - inward * DEPTH, k, k + SPAN), inside = apart(line.at, line.at + inward * DEPTH, k, k + SPAN);
    ratios.push({ r: out / Math.max(FLOOR, inside), k });
  }
  if (!ratios.length) return { worst: 0, at: line.from, median: 0 };
  const worst = ratios.reduce((a, b) => (b.r > a.r ? b : a));
  const sorted = ratios.map((x) => x.r).sort((a, b) => a - b);
  return { worst: worst.r, at: worst.k, median: sorted[sorted.length >> 1]! };
}
