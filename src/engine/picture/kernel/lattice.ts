/**
 * The warp lattice: exact source positions (canvas px × 32768) and nearness, solved every `step`
 * output pixels for one pose, with the fixed-point depth iteration (so near edges sliding over far
 * ones take the nearness of what is seen there) and the effects' source displacement. Kernels
 * interpolate it linearly between lattice points. The nearness map comes from analysis at
 * ≤ 512 px and is smooth at output scale, so a 4-px lattice loses nothing visible and costs a
 * fraction of per-pixel solving; for plain zoom/pan/roll the interpolation is exact.
 *
 * @example const lat = buildLattice(ctx, poseGeometry(pose, w, h), true, null)
 */
import type { PoseGeometry } from '../camera/geometry.js';
import type { DisplaceField, WarpContext } from './warp.js';

export interface Lattice {
  w: number; h: number; step: number; shift: number; lw: number; lh: number;
  X: Float64Array; Y: Float64Array; N: Float32Array;
  /** per-row span scratch: start and per-pixel delta of X, Y (1/32768 px) for each lattice column */
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

let cached: Lattice | null = null;

/** The lattice the last warp on this thread used (for passes that follow its source positions). */
export function lastLattice(): Lattice | null {
  return cached;
}

export function buildLattice(ctx: WarpContext, geo: PoseGeometry, needDepth: boolean, disp: DisplaceField | null): Lattice {
  const { width: W, height: H, canvasWidth: CW, canvasHeight: CH, depth } = ctx;
  const shift = W >= 960 ? 2 : 1, step = 1 << shift;
  if (!cached || cached.w !== W || cached.h !== H || cached.step !== step) {
    const lw = Math.ceil((W - 1) / step) + 2, lh = Math.ceil((H - 1) / step) + 2;
    cached = {
      w: W, h: H, step, shift, lw, lh, X: new Float64Array(lw * lh), Y: new Float64Array(lw * lh), N: new Float32Array(lw * lh),
      SX: new Int32Array(lw), DX: new Int32Array(lw), SY: new Int32Array(lw), DY: new Int32Array(lw),
      affine: true, row: { x: 0, dx: 0, y: 0, dy: 0 },
    };
  }
  const { lw, lh, X: LX, Y: LY, N: LN } = cached;
  const offX = W / 2 - 0.5 + ctx.marginX + geo.panPx, offY = H / 2 - 0.5 + ctx.marginY + geo.tiltPx;
  const maxX = CW - 1, maxY = CH - 1;
  const { ax, ay, bx, by, truckPx, pedestalPx, dolly } = geo;
  const parallax = truckPx !== 0 || pedestalPx !== 0 || dolly !== 0;
  cached.affine = !parallax && disp === null && !needDepth;
  const inv255 = 1 / 255;
  const nearAt = (x: number, y: number) => depth[Math.round(y < 0 ? 0 : y > maxY ? maxY : y) * CW + Math.round(x < 0 ? 0 : x > maxX ? maxX : x)]! * inv255;

  for (let j = 0; j < lh; j++) {
    const dy = j * step + 0.5 - H / 2;
    for (let i = 0; i < lw; i++) {
      const dx = i * step + 0.5 - W / 2;
      const qx = ax * dx + bx * dy, qy = ay * dx + by * dy;
      let sx = qx + offX, sy = qy + offY, n = 0;
      if (parallax) {
        const gx = truckPx - dolly * qx, gy = pedestalPx - dolly * qy;
        n = nearAt(sx + 0.5 * gx, sy + 0.5 * gy);
        for (let it = 0; it < 2; it++) n = nearAt(sx + n * gx, sy + n * gy);
        sx += n * gx; sy += n * gy;
      } else if (needDepth) n = nearAt(sx, sy);
      if (disp !== null) {
        const c = disp.cell, gw = disp.gridWidth, gh = disp.gridHeight;
        let gxp = sx / c, gyp = sy / c;
        gxp = gxp < 0 ? 0 : gxp > gw - 1.001 ? gw - 1.001 : gxp;
        gyp = gyp < 0 ? 0 : gyp > gh - 1.001 ? gh - 1.001 : gyp;
        const gi = gxp | 0, gj = gyp | 0, fx = gxp - gi, fy = gyp - gj;
        const k = gj * gw + gi, k2 = k + gw, DX = disp.dx, DY = disp.dy;
        sx += (DX[k]! * (1 - fx) + DX[k + 1]! * fx) * (1 - fy) + (DX[k2]! * (1 - fx) + DX[k2 + 1]! * fx) * fy;
        sy += (DY[k]! * (1 - fx) + DY[k + 1]! * fx) * (1 - fy) + (DY[k2]! * (1 - fx) + DY[k2 + 1]! * fx) * fy;
      }
      const k = j * lw + i;
      // not clamped here (the lattice's last column lies beyond the frame, and clamping it would
      // bend the interpolation of the pixels before it); kernels clamp each pixel
      LX[k] = (sx < -4 * step ? -4 * step : sx > maxX + 4 * step ? maxX + 4 * step : sx) * 32768;
      LY[k] = (sy < -4 * step ? -4 * step : sy > maxY + 4 * step ? maxY + 4 * step : sy) * 32768;
      LN[k] = n;
    }
  }
  return cached;
}
