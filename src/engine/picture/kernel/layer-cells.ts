/**
 * Which lattice cells the subject layer's pass can draw in, for a frame with parallax: the layered
 * warp (frame-kernels.ts warpYuv) solves the subject's lattice and samples its layer only there,
 * and the background's only where the subject turned out not opaque (the kernel's openCells). A
 * cell is left out only when no position the warp can give it lands on a subject tile that is not
 * empty, so the frames are the same bytes as solving every cell.
 *
 * The bound: the lattice maps output d to s(n) = q·(1 − dolly·n) + (pan + truck·n, tilt + pedestal·n)
 * (camera/geometry.ts), q linear in d, n ∈ [0, 1] whatever the nearness; for a fixed n that is affine
 * in d, and for a fixed d linear in n, so over a block of cells every position lies in the box of
 * its four corners' positions at n = 0 and n = 1. A displacement grid then moves a position by at
 * most the largest value among the grid cells its bilinear lookup reads there (`GridPeaks`).
 *
 * @example const reach = subjectReach(tiles, tw, th, 8); reach.mark(cells, geo, shape, setup, peaks);
 */
import type { PoseGeometry } from '../camera/geometry.js';

/** Cells are judged in square blocks this many cells a side (even: a chroma quad reads a cell pair). */
const BLOCK = 4;
/** px added around a block's box: the lattice's fixed-point rounding and the spans' truncation */
const PAD = 2;

export interface CellLayout {
  /** output size, canvas size and the output's offset in the canvas */
  width: number; height: number; canvasWidth: number; canvasHeight: number; marginX: number; marginY: number;
}

/** A displacement grid's largest |dx|, |dy| per square of its cells (the kernel's gridPeaks). */
export interface GridPeaks {
  x: Float32Array; y: Float32Array;
  /** squares a row, grid cells a square's side, canvas px a grid cell, the grid's size in cells */
  width: number; side: number; cell: number; gridWidth: number; gridHeight: number;
}

export interface SubjectReach {
  /**
   * Sets to 1 the cells (a byte each, lw a row; the last column and row are no cells) whose
   * positions can land on the subject, and to 0 the others, for the pose `geo` and the peaks of
   * the grid the subject's lattice follows (null: none, or all 0). With `rows` (output rows
   * [y0, y1): the pass reads only these), only the blocks of the cell rows they read are judged; the
   * cells of other rows stay 0, as the kernel's openCells leaves them (a band of a frame need not
   * pay for the whole lattice).
   */
  mark(cells: Uint8Array, geo: PoseGeometry, shape: { step: number; lw: number; lh: number }, layout: CellLayout, peaks: GridPeaks | null, rows?: readonly [number, number]): void;
}

/** The grid cell a lookup at canvas px v reads first: its position clamped into the grid (n cells), as the kernel does. */
function gridCell(v: number, cell: number, n: number): number {
  return Math.min(n - 2, Math.max(0, Math.floor(v / cell)));
}

/**
 * The subject's reach test over its tile map (tiles `tile` canvas px a side, tw × th; 0 where its
 * alpha is 0 over the tile and the taps right of and below it).
 */
export function subjectReach(tiles: Uint8Array, tw: number, th: number, tile: number): SubjectReach {
  // summed-area table of the tiles that are not empty
  const sw = tw + 1, sat = new Int32Array(sw * (th + 1));
  for (let y = 0; y < th; y++) for (let x = 0; x < tw; x++) {
    sat[(y + 1) * sw + x + 1] = (tiles[y * tw + x] ? 1 : 0) + sat[y * sw + x + 1]! + sat[(y + 1) * sw + x]! - sat[y * sw + x]!;
  }
  // per block corner (every BLOCK-th lattice point): its canvas position at n = 0 and at n = 1
  let corners = new Float64Array(0);

  return {
    mark(cells, geo, { step, lw, lh }, layout, peaks, rows) {
      cells.fill(0);
      const CW = layout.canvasWidth, CH = layout.canvasHeight;
      const bw = Math.ceil((lw - 1) / BLOCK) + 1, bh = Math.ceil((lh - 1) / BLOCK) + 1;
      if (corners.length !== bw * bh * 4) corners = new Float64Array(bw * bh * 4);
      const offX = layout.width / 2 - 0.5 + layout.marginX + geo.panPx, offY = layout.height / 2 - 0.5 + layout.marginY + geo.tiltPx;
      const k1 = 1 - geo.dolly;
      // the block rows [b0, b1) holding the cell rows the output rows read (a row more each side:
      // the lattice rows at a band's edges are corners of the cells beyond it too)
      const b0 = rows ? Math.max(0, Math.floor((Math.floor(rows[0] / step) - 1) / BLOCK)) : 0;
      const b1 = rows ? Math.min(bh - 1, Math.floor((Math.floor((rows[1] - 1) / step) + 1) / BLOCK) + 1) : bh - 1;
      for (let b = b0; b <= b1; b++) {
        const dy = Math.min(b * BLOCK, lh - 1) * step + 0.5 - layout.height / 2;
        for (let a = 0; a < bw; a++) {
          const dx = Math.min(a * BLOCK, lw - 1) * step + 0.5 - layout.width / 2;
          const qx = geo.ax * dx + geo.bx * dy, qy = geo.ay * dx + geo.by * dy, o = (b * bw + a) * 4;
          corners[o] = qx + offX; corners[o + 1] = qy + offY;
          corners[o + 2] = qx * k1 + geo.truckPx + offX; corners[o + 3] = qy * k1 + geo.pedestalPx + offY;
        }
      }
      for (let b = b0; b < b1; b++) {
        const j0 = b * BLOCK, j1 = Math.min(j0 + BLOCK, lh - 1);
        for (let a = 0; a < bw - 1; a++) {
          let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
          // the block's four corners, each at n = 0 and n = 1
          for (let c = 0; c < 8; c++) {
            const o = ((b + (c >> 2)) * bw + a + ((c >> 1) & 1)) * 4 + (c & 1) * 2;
            const x = corners[o]!, y = corners[o + 1]!;
            if (x < x0) x0 = x;
            if (x > x1) x1 = x;
            if (y < y0) y0 = y;
            if (y > y1) y1 = y;
          }
          if (peaks) {
            // the grid cells the lookups read (the kernel's first cell and the one right of and below it), by square
            const { cell, side, gridWidth: gw, gridHeight: gh } = peaks;
            const sx0 = (gridCell(x0, cell, gw) / side) | 0, sx1 = ((gridCell(x1, cell, gw) + 1) / side) | 0;
            const sy0 = (gridCell(y0, cell, gh) / side) | 0, sy1 = ((gridCell(y1, cell, gh) + 1) / side) | 0;
            let mx = 0, my = 0;
            for (let sy = sy0; sy <= sy1; sy++) for (let sx = sx0, k = sy * peaks.width + sx0; sx <= sx1; sx++, k++) {
              if (peaks.x[k]! > mx) mx = peaks.x[k]!;
              if (peaks.y[k]! > my) my = peaks.y[k]!;
            }
            x0 -= mx; x1 += mx; y0 -= my; y1 += my;
          }
          // the tiles the box covers (the kernels clamp each position into the canvas): any not empty?
          const tx0 = Math.floor(Math.min(CW - 1, Math.max(0, x0 - PAD)) / tile), tx1 = Math.floor(Math.min(CW - 1, Math.max(0, x1 + PAD)) / tile);
          const ty0 = Math.floor(Math.min(CH - 1, Math.max(0, y0 - PAD)) / tile), ty1 = Math.floor(Math.min(CH - 1, Math.max(0, y1 + PAD)) / tile);
          if (sat[(ty1 + 1) * sw + tx1 + 1]! - sat[ty0 * sw + tx1 + 1]! - sat[(ty1 + 1) * sw + tx0]! + sat[ty0 * sw + tx0]! === 0) continue;
          const i0 = a * BLOCK, i1 = Math.min(i0 + BLOCK, lw - 1);
          for (let j = j0; j < j1; j++) for (let i = j * lw + i0, e = j * lw + i1; i < e; i++) cells[i] = 1;
        }
      }
    },
  };
}
