/**
 * The parts of a face's warps (displace.ts) that do not change over the clip, per cell of the
 * face's region: the turn's fall-off from the face's middle, the brows' weights across and along,
 * each mouth corner's smile fall-off, and across the mouth the lip line and the opening's profile.
 * They follow from the features and the grid's cells alone, so they are worked out on the first
 * frame that needs them and kept with the cells (as cell-weights.ts keeps those); each frame then
 * multiplies them by its tracks in the same order as before, so the same bytes — without a square
 * root, four smoothsteps and the lip's curve per cell and frame.
 *
 * @example
 *   const terms = faceTerms(f, cells, faceMeasures(f));
 *   ddx -= turn * terms.turn[c]!;
 */
import type { CellWeights } from './cell-weights.js';
import type { FaceFeatures } from './types.js';
import { lipLine, mouthProfile, smoothstep } from './shape.js';

export interface FaceTerms {
  /** the turn's weight (1 in the face's middle, 0 at its outline) */
  turn: Float64Array;
  /** the brows' lift: its weight across (x) and along (y) the face */
  browX: Float64Array; browY: Float64Array;
  /** per cell and mouth corner (left, right): (1 − d²)², d the distance over the smile's reach; −1 beyond it */
  smile: Float64Array;
  /** 1 where the mouth opens over the cell's column (the mouth's width and 2 px more each side) */
  mouth: Uint8Array;
  /** there: the lip line's y and the opening's profile across the mouth */
  line: Float64Array; profile: Float64Array;
}

/** The face's measures the terms read (displace.ts faceMeasures). */
export interface FaceMeasures { eyeTop: number; browSpan: number; bcx: number; bhw: number; smileR: number }

const kept = new WeakMap<CellWeights, FaceTerms>();

/** The terms of the face `f` over `cells` (its region's, from cellWeights), worked out once and kept. */
export function faceTerms(f: FaceFeatures, cells: CellWeights, measures: FaceMeasures): FaceTerms {
  let terms = kept.get(cells);
  if (!terms) {
    terms = compute(f, cells, measures);
    kept.set(cells, terms);
  }
  return terms;
}

function compute(f: FaceFeatures, cells: CellWeights, { eyeTop, browSpan, bcx, bhw, smileR }: FaceMeasures): FaceTerms {
  const n = cells.length, m = f.mouth;
  const terms: FaceTerms = {
    turn: new Float64Array(n), browX: new Float64Array(n), browY: new Float64Array(n), smile: new Float64Array(2 * n),
    mouth: new Uint8Array(n), line: new Float64Array(n), profile: new Float64Array(n),
  };
  const corners = [[m.x0, m.ly], [m.x1, m.ry]] as const;
  for (let c = 0; c < n; c++) {
    const x = cells.x[c]!, y = cells.y[c]!;
    const fu = (x - f.cx) / (0.5 * f.fw), fv = (y - f.cy) / (0.55 * f.fh);
    terms.turn[c] = 1 - smoothstep(0.2, 0.95, Math.sqrt(fu * fu + fv * fv));
    terms.browX[c] = 1 - smoothstep(0.8, 1.2, Math.abs(x - bcx) / bhw);
    terms.browY[c] = y > eyeTop ? 0 : y > f.brow.y ? smoothstep(eyeTop, f.brow.y, y) : 1 - smoothstep(f.brow.y, f.brow.y - 2 * browSpan, y);
    for (let q = 0; q < 2; q++) {
      const cx = corners[q]![0], cy = corners[q]![1];
      const d2 = ((x - cx) ** 2 + (y - cy) ** 2) / (smileR * smileR);
      terms.smile[2 * c + q] = d2 >= 1 ? -1 : (1 - d2) * (1 - d2);
    }
    if (x > m.x0 - 2 && x < m.x1 + 2) {
      terms.mouth[c] = 1;
      terms.line[c] = lipLine(m, x);
      terms.profile[c] = mouthProfile(m, x);
    }
  }
  return terms;
}
