/**
 * The warp lattice as JavaScript sees it: exact source positions (canvas px × 32768) and nearness,
 * solved every `step` output pixels for one pose by the kernel (wasm/assembly/lattice.ts), with the
 * fixed-point depth iteration (near edges sliding over far ones take the nearness of what is seen
 * there) and the effects' source displacement. The nearness map comes from analysis at ≤ 512 px
 * and is smooth at output scale, so a 4-px lattice loses nothing visible and costs a fraction of
 * per-pixel solving; for plain zoom/pan/roll the interpolation is exact. Passes that follow the
 * warp's source positions in JavaScript (the open-mouth fill) read it through rowSpans.
 *
 * @example const { step, lw, lh } = latticeShape(1920, 1080)
 */

/** Source displacement (canvas px) on a coarse grid over the canvas, for clouds, shimmer, sway and faces. */
export interface DisplaceField {
  cell: number;
  gridWidth: number;
  gridHeight: number;
  dx: Float32Array;
  dy: Float32Array;
  /** false when every cell is zero this frame (skip the lookups) */
  active: boolean;
}

/**
 * Lattice spacing and size for an output size: 2 px below 960 px wide, 4 px from there, 8 px from
 * 1280 px when nothing displaces the source finely (`fine`: eyelids, lips, ears and other small
 * parts that act, and ripples, whose displacement changes over a cell or two of a grid of
 * ~W/480 px). Nearness is smooth at that scale (softened over ~0.6 % of the width).
 */
export function latticeShape(width: number, height: number, fine: boolean): { shift: number; step: number; lw: number; lh: number } {
  const shift = width >= 1280 && !fine ? 3 : width >= 960 ? 2 : 1, step = 1 << shift;
  return { shift, step, lw: Math.ceil((width - 1) / step) + 2, lh: Math.ceil((height - 1) / step) + 2 };
}

export interface Lattice {
  w: number; h: number; step: number; shift: number; lw: number; lh: number;
  X: Float64Array; Y: Float64Array; N: Float32Array;
  /** per-row span scratch for rowSpans (JavaScript's own; the kernel keeps its own) */
  SX: Int32Array; DX: Int32Array; SY: Int32Array; DY: Int32Array;
  /** true when the map is affine (no parallax or displacement): a whole row is one linear span */
  affine: boolean;
  /** for affine lattices, the row's start and per-sample step, filled by rowSpans */
  row: { x: number; dx: number; y: number; dy: number };
}

/**
 * Fills the span scratch for output row `y` (or a chroma row: `x0` the first sample's output x,
 * `stride` output px between samples): a kernel then reads, for sample x, span i = x >> shift,
 * position SX[i] + (x & mask) · DX[i] — one long loop per row instead of tiny per-span loops,
 * which V8 runs several times slower.
 */
export function rowSpans(l: Lattice, y: number, x0: number, stride: number): void {
  const { step, lw, X: LX, Y: LY, SX, DX, SY, DY } = l;
  const j = Math.min(l.lh - 2, (y / step) | 0), wy = (y - j * step) / step;
  const r0 = j * lw, r1 = r0 + lw;
  const k = stride / step, off = x0 / step;
  if (l.affine) {
    // one exact linear span for the row (a long loop with an increment is the fastest kernel)
    const e = lw - 1, span = e * step;
    const xs = LX[r0]! + (LX[r1]! - LX[r0]!) * wy, xe = LX[r0 + e]! + (LX[r1 + e]! - LX[r0 + e]!) * wy;
    const ys = LY[r0]! + (LY[r1]! - LY[r0]!) * wy, ye = LY[r0 + e]! + (LY[r1 + e]! - LY[r0 + e]!) * wy;
    l.row.x = xs + ((xe - xs) * x0) / span; l.row.dx = ((xe - xs) * stride) / span;
    l.row.y = ys + ((ye - ys) * x0) / span; l.row.dy = ((ye - ys) * stride) / span;
    return;
  }
  for (let i = 0; i < lw - 1; i++) {
    const a0 = r0 + i, a1 = r1 + i;
    const xs = LX[a0]! + (LX[a1]! - LX[a0]!) * wy, xe = LX[a0 + 1]! + (LX[a1 + 1]! - LX[a0 + 1]!) * wy;
    const ys = LY[a0]! + (LY[a1]! - LY[a0]!) * wy, ye = LY[a0 + 1]! + (LY[a1 + 1]! - LY[a0 + 1]!) * wy;
    SX[i] = (xs + (xe - xs) * off) | 0; DX[i] = ((xe - xs) * k) | 0;
    SY[i] = (ys + (ye - ys) * off) | 0; DY[i] = ((ye - ys) * k) | 0;
  }
}
