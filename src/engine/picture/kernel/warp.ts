/**
 * The 2.5D warp: every output pixel is sampled backwards from the canvas (camera/geometry.ts),
 * bilinearly with 1/128-px precision, two channels at a time per 32-bit word (SWAR: the R/B lanes
 * and the G/A lanes of a packed RGBA pixel are interpolated together in int32 arithmetic).
 *
 * Depth parallax resolves the nearness at the source by fixed-point iteration, so a near edge
 * sliding over a far background takes the nearness of what is actually seen there (no tearing);
 * it is solved on a 4-px lattice and interpolated (see warpGeneral). Depth of field blends precomputed blurred
 * copies of the canvas by |n − focus| × aperture. The common case (no parallax, displacement or
 * depth of field) has its own tight loop.
 *
 * @example warp(frame32, warpContext, spec.poses[0], null)
 */
import type { Pose } from '../types.js';
import { poseGeometry } from '../camera/geometry.js';
import { buildLattice, rowSpans } from './lattice.js';

export interface WarpContext {
  width: number;
  height: number;
  canvasWidth: number;
  canvasHeight: number;
  marginX: number;
  marginY: number;
  /** packed RGBA (byte order R, G, B, A) */
  canvas: Int32Array;
  depth: Uint8Array;
  dofLevels: Int32Array[];
  dofSigma: number[];
}

/** Source displacement (canvas px) on a coarse grid over the canvas, for clouds, shimmer and sway. */
export interface DisplaceField {
  cell: number;
  gridWidth: number;
  gridHeight: number;
  dx: Float32Array;
  dy: Float32Array;
  /** false when every cell is zero this frame (skip the lookups) */
  active: boolean;
}

const M = 0x00ff00ff;

/** Bilinear sample of a packed RGBA canvas at fixed-point position (X, Y in 1/128 px, in range). */
export function sample(src: Int32Array, cw: number, ch: number, X: number, Y: number): number {
  const ix = X >> 7, iy = Y >> 7, fx = X & 127, fy = Y & 127;
  const i0 = iy * cw + ix;
  const i1 = ix + 1 < cw ? i0 + 1 : i0;
  const i2 = iy + 1 < ch ? i0 + cw : i0;
  const i3 = i2 + (i1 - i0);
  const p00 = src[i0]!, p01 = src[i1]!, p10 = src[i2]!, p11 = src[i3]!;
  const gx = 128 - fx, gy = 128 - fy;
  const trb = (((p00 & M) * gx + (p01 & M) * fx) >> 7) & M;
  const tg = ((((p00 >> 8) & M) * gx + ((p01 >> 8) & M) * fx) >> 7) & M;
  const brb = (((p10 & M) * gx + (p11 & M) * fx) >> 7) & M;
  const bg = ((((p10 >> 8) & M) * gx + ((p11 >> 8) & M) * fx) >> 7) & M;
  return (((trb * gy + brb * fy) >> 7) & M) | ((((tg * gy + bg * fy) >> 7) & M) << 8);
}

/** Mix two packed pixels: w in 0…128 is the weight of b. */
export function mix(a: number, b: number, w: number): number {
  const v = 128 - w;
  const rb = (((a & M) * v + (b & M) * w) >> 7) & M;
  const g = ((((a >> 8) & M) * v + ((b >> 8) & M) * w) >> 7) & M;
  return rb | (g << 8);
}

export function warp(dst: Int32Array, ctx: WarpContext, pose: Pose, field: DisplaceField | null): void {
  const geo = poseGeometry(pose, ctx.width, ctx.height);
  const parallax = geo.truckPx !== 0 || geo.pedestalPx !== 0 || geo.dolly !== 0;
  const dofOn = pose.aperture > 0 && ctx.dofLevels.length > 0;
  const disp = field !== null && field.active ? field : null;
  if (!parallax && !dofOn && disp === null) {
    if (geo.bx === 0 && geo.ay === 0) warpSeparable(dst, ctx, geo.ax, geo.by, geo.panPx, geo.tiltPx);
    else warpFlat(dst, ctx, geo.ax, geo.ay, geo.bx, geo.by, geo.panPx, geo.tiltPx);
  } else warpGeneral(dst, ctx, pose, geo, parallax, dofOn, disp);
}

/** Per-axis sample positions: index of the left/top tap (always < size − 1) and weight 0…128. */
function axisTaps(count: number, scale: number, offset: number, size: number, idx: Int32Array, frac: Int32Array): void {
  for (let i = 0; i < count; i++) {
    let s = (i + 0.5 - count / 2) * scale + offset;
    s = s < 0 ? 0 : s > size - 1 ? size - 1 : s;
    let X = (s * 128 + 0.5) | 0;
    let k = X >> 7;
    if (k >= size - 1) { k = size - 2; X = (k << 7) + 128; }
    idx[i] = k; frac[i] = X - (k << 7);
  }
}

let tapCache: { w: number; h: number; cx: Int32Array; fx: Int32Array; cy: Int32Array; fy: Int32Array } | null = null;

/** Zoom and pan without roll: every column shares its x taps, every row its y taps. */
function warpSeparable(dst: Int32Array, ctx: WarpContext, sxScale: number, syScale: number, panPx: number, tiltPx: number): void {
  const { width: W, height: H, canvasWidth: CW, canvas } = ctx;
  if (!tapCache || tapCache.w !== W || tapCache.h !== H) {
    tapCache = { w: W, h: H, cx: new Int32Array(W), fx: new Int32Array(W), cy: new Int32Array(H), fy: new Int32Array(H) };
  }
  const { cx, fx, cy, fy } = tapCache;
  axisTaps(W, sxScale, W / 2 - 0.5 + ctx.marginX + panPx, CW, cx, fx);
  axisTaps(H, syScale, H / 2 - 0.5 + ctx.marginY + tiltPx, ctx.canvasHeight, cy, fy);
  for (let y = 0; y < H; y++) {
    const row = cy[y]! * CW, wy = fy[y]!, vy = 128 - wy;
    let o = y * W;
    for (let x = 0; x < W; x++, o++) {
      const i0 = row + cx[x]!, wx = fx[x]!, vx = 128 - wx;
      const p00 = canvas[i0]!, p01 = canvas[i0 + 1]!, p10 = canvas[i0 + CW]!, p11 = canvas[i0 + CW + 1]!;
      const trb = (((p00 & M) * vx + (p01 & M) * wx) >> 7) & M;
      const tg = ((((p00 >> 8) & M) * vx + ((p01 >> 8) & M) * wx) >> 7) & M;
      const brb = (((p10 & M) * vx + (p11 & M) * wx) >> 7) & M;
      const bg = ((((p10 >> 8) & M) * vx + ((p11 >> 8) & M) * wx) >> 7) & M;
      dst[o] = (((trb * vy + brb * wy) >> 7) & M) | ((((tg * vy + bg * wy) >> 7) & M) << 8);
    }
  }
}

function warpFlat(dst: Int32Array, ctx: WarpContext, ax: number, ay: number, bx: number, by: number, panPx: number, tiltPx: number): void {
  const { width: W, height: H, canvasWidth: CW, canvasHeight: CH, canvas } = ctx;
  const offX = W / 2 - 0.5 + ctx.marginX + panPx, offY = H / 2 - 0.5 + ctx.marginY + tiltPx;
  const maxX = CW - 1, maxY = CH - 1;
  const dx0 = 0.5 - W / 2;
  for (let y = 0; y < H; y++) {
    const dy = y + 0.5 - H / 2;
    let sx = ax * dx0 + bx * dy + offX, sy = ay * dx0 + by * dy + offY;
    const end = (y + 1) * W;
    for (let o = y * W; o < end; o++, sx += ax, sy += ay) {
      const cx = sx < 0 ? 0 : sx > maxX ? maxX : sx, cy = sy < 0 ? 0 : sy > maxY ? maxY : sy;
      dst[o] = sample(canvas, CW, CH, (cx * 128 + 0.5) | 0, (cy * 128 + 0.5) | 0);
    }
  }
}

/**
 * Parallax, displacement and depth of field: the exact source position (with the fixed-point
 * depth iteration) is solved on a lattice every few output pixels (lattice.ts), then
 * interpolated linearly in between in fixed point.
 */
function warpGeneral(dst: Int32Array, ctx: WarpContext, pose: Pose, geo: ReturnType<typeof poseGeometry>, parallax: boolean, dofOn: boolean, disp: DisplaceField | null): void {
  const { width: W, height: H, canvasWidth: CW, canvasHeight: CH, canvas } = ctx;
  const lat = buildLattice(ctx, geo, parallax || dofOn, disp);
  const { shift, SX, DX, SY, DY, lw, N: LN, step } = lat;
  const mask = (1 << shift) - 1;
  const blurPerDefocus = pose.aperture * 0.01 * W;
  const s1 = ctx.dofSigma[0] ?? 1, s2 = ctx.dofSigma[1] ?? s1;
  const L1 = ctx.dofLevels[0] ?? canvas, L2 = ctx.dofLevels[1] ?? L1;
  const focus = pose.focus;
  const maxX = (CW - 1) << 7, maxY = (CH - 1) << 7;
  for (let y = 0; y < H; y++) {
    rowSpans(lat, y, 0, 1);
    const base = y * W;
    if (!dofOn && lat.affine) {
      let X = lat.row.x, Y = lat.row.y;
      const dX = lat.row.dx, dY = lat.row.dy;
      for (let x = 0; x < W; x++, X += dX, Y += dY) {
        let Xi = (X + 128) >> 8, Yi = (Y + 128) >> 8;
        Xi = Xi < 0 ? 0 : Xi > maxX ? maxX : Xi; Yi = Yi < 0 ? 0 : Yi > maxY ? maxY : Yi;
        dst[base + x] = sample(canvas, CW, CH, Xi, Yi);
      }
    } else if (!dofOn) {
      for (let x = 0; x < W; x++) {
        const i = x >> shift, m = x & mask;
        let Xi = (SX[i]! + m * DX[i]! + 128) >> 8, Yi = (SY[i]! + m * DY[i]! + 128) >> 8;
        Xi = Xi < 0 ? 0 : Xi > maxX ? maxX : Xi; Yi = Yi < 0 ? 0 : Yi > maxY ? maxY : Yi;
        dst[base + x] = sample(canvas, CW, CH, Xi, Yi);
      }
    } else {
      const j = Math.min(lat.lh - 2, (y / step) | 0), wy = (y - j * step) / step;
      for (let x = 0; x < W; x++) {
        const i = x >> shift, m = x & mask;
        let Xi = (SX[i]! + m * DX[i]! + 128) >> 8, Yi = (SY[i]! + m * DY[i]! + 128) >> 8;
        Xi = Xi < 0 ? 0 : Xi > maxX ? maxX : Xi; Yi = Yi < 0 ? 0 : Yi > maxY ? maxY : Yi;
        const a = j * lw + i, u = m / step;
        const n0 = LN[a]! + (LN[a + lw]! - LN[a]!) * wy, n1 = LN[a + 1]! + (LN[a + lw + 1]! - LN[a + 1]!) * wy;
        const r = Math.abs(n0 + (n1 - n0) * u - focus) * blurPerDefocus;
        if (r < 0.3) dst[base + x] = sample(canvas, CW, CH, Xi, Yi);
        else if (r < s1) dst[base + x] = mix(sample(canvas, CW, CH, Xi, Yi), sample(L1, CW, CH, Xi, Yi), ((r / s1) * 128) | 0);
        else if (r < s2 && L2 !== L1) dst[base + x] = mix(sample(L1, CW, CH, Xi, Yi), sample(L2, CW, CH, Xi, Yi), (((r - s1) / (s2 - s1)) * 128) | 0);
        else dst[base + x] = sample(L2, CW, CH, Xi, Yi);
      }
    }
  }
}
