/**
 * A face's warp over its region's cells for one frame (displace.ts): each motion — the head's
 * rigid move, a lean, a turn, the brows, a smile, an open mouth — is its own loop, adding into the
 * cell's sums in the same order as one loop over all of them did (so the same bytes). Why apart:
 * a render worker compiles a hot loop while it runs (on-stack replacement), and one loop over every
 * motion was compiled before the motions that come later in the clip had ever run; each new motion
 * threw that code away and compiled the whole loop again (a dozen times a clip, ~1–2 s of the
 * workers' CPU on the first acting clip). A motion's own loop is compiled once it runs.
 *
 * @example warpFace(DX, DY, f, cells, terms, measures, motion)
 */
import type { CellWeights } from './cell-weights.js';
import type { FaceTerms } from './face-terms.js';
import { smoothstep } from './shape.js';
import type { FaceFeatures } from './types.js';

/** The face's motion this frame (canvas px and radians; 0: at rest). */
export interface FaceMotion {
  hx: number; hy: number; rot: number; lean: number; turn: number; brows: number; smile: number; open: number;
}

/** The face's measures its warps read (displace.ts's faceMeasures). */
export interface WarpMeasures { mw: number; drop: number; seam: number; browSpan: number; jawEnd: number }

let sumX = new Float64Array(0), sumY = new Float64Array(0);

/** Adds the face's warp at each of its cells to the displacement grid (DX, DY). */
export function warpFace(DX: Float32Array, DY: Float32Array, f: FaceFeatures, cells: CellWeights, terms: FaceTerms, measures: WarpMeasures, m: FaceMotion): void {
  const n = cells.length;
  if (sumX.length < n) { sumX = new Float64Array(n); sumY = new Float64Array(n); }
  const ddx = sumX.subarray(0, n), ddy = sumY.subarray(0, n);
  ddx.fill(0); ddy.fill(0);
  if (m.hx || m.hy || m.rot) headMove(ddx, ddy, f, cells, m.hx, m.hy, m.rot);
  if (m.lean) leanIn(ddx, ddy, f, cells, m.lean);
  // the face's interior slides while its outline stays: a small turn of the head
  if (m.turn) for (let c = 0; c < n; c++) ddx[c]! -= m.turn * terms.turn[c]!;
  if (m.brows && measures.browSpan > 0) for (let c = 0; c < n; c++) ddy[c]! += m.brows * terms.browX[c]! * terms.browY[c]!;
  if (m.smile) smileCorners(ddx, ddy, terms, m.smile, measures.mw);
  if (m.open) openMouth(ddy, cells, terms, m.open, measures);
  for (let c = 0; c < n; c++) {
    const k = cells.k[c]!;
    DX[k]! += ddx[c]!; DY[k]! += ddy[c]!;
  }
}

/** head: rigid motion about the neck pivot, by each cell's weight */
function headMove(ddx: Float64Array, ddy: Float64Array, f: FaceFeatures, cells: CellWeights, hx: number, hy: number, rot: number): void {
  const cos = Math.cos(-rot), sin = Math.sin(-rot);
  for (let c = 0; c < cells.length; c++) {
    const x = cells.x[c]!, y = cells.y[c]!, wh = cells.w[c]!;
    if (!(wh > 0)) continue;
    const px = x - f.pivotX - hx, py = y - f.pivotY - hy;
    ddx[c]! += (f.pivotX + cos * px - sin * py - x) * wh;
    ddy[c]! += (f.pivotY + sin * px + cos * py - y) * wh;
  }
}

/** leaning in: the head grows about the neck (an output pixel samples nearer the pivot) */
function leanIn(ddx: Float64Array, ddy: Float64Array, f: FaceFeatures, cells: CellWeights, lean: number): void {
  for (let c = 0; c < cells.length; c++) {
    const x = cells.x[c]!, y = cells.y[c]!, wh = cells.w[c]!;
    if (!(wh > 0)) continue;
    ddx[c]! -= (x - f.pivotX) * (lean / (1 + lean)) * wh;
    ddy[c]! -= (y - f.pivotY) * (lean / (1 + lean)) * wh;
  }
}

/** each corner (left, right) within its reach: a real smile draws it out and up by about a tenth of the mouth's width */
function smileCorners(ddx: Float64Array, ddy: Float64Array, terms: FaceTerms, smile: number, mw: number): void {
  for (let c = 0; c < ddx.length; c++) {
    for (let q = 0, side = 1; q < 2; q++, side = -1) {
      const fall = terms.smile[2 * c + q]!;
      if (fall < 0) continue;
      const g = fall * smile;
      ddx[c]! += side * 0.08 * mw * g;
      ddy[c]! += 0.1 * mw * g;
    }
  }
}

/** an open mouth: the lower lip and jaw drop below the lip line, the seam stretching into the gap */
function openMouth(ddy: Float64Array, cells: CellWeights, terms: FaceTerms, open: number, { drop, seam, jawEnd }: WarpMeasures): void {
  for (let c = 0; c < ddy.length; c++) {
    if (!terms.mouth[c]) continue;
    const y = cells.y[c]!, line = terms.line[c]!, gap = open * drop * terms.profile[c]!;
    if (gap > 0 && y >= line) {
      const band = line + gap + seam;
      ddy[c]! -= y <= band ? ((y - line) * gap) / (gap + seam) : gap * (1 - smoothstep(band, jawEnd + gap, y));
    }
  }
}
