/**
 * The fast path for clips without effects, depth of field or motion blur: the warp samples
 * precomputed Y, U and V planes of the canvas and writes the I420 frame directly — luma at full
 * resolution, chroma only at the quarter of positions I420 keeps — with no RGBA frame and no
 * separate conversion pass. The grade is applied in YUV: exposure and contrast through a luma
 * table, saturation and warmth on chroma, the vignette on both.
 *
 * At the identity pose it reproduces the RGB path exactly (frame 0 is still the input).
 *
 * @example warpI420(out, ctx, planes, geometry, frameGrade)
 */
import type { PoseGeometry } from '../camera/geometry.js';
import type { FrameGrade } from '../types.js';
import { gradeLuts, vignetteProfile } from './grade-lut.js';
import { buildLattice, rowSpans, type Lattice } from './lattice.js';
import type { DisplaceField, WarpContext } from './warp.js';

export interface YuvPlanes {
  /** canvas-resolution planes (chroma not subsampled), BT.601 limited range */
  y: Uint8Array;
  u: Uint8Array;
  v: Uint8Array;
}

/**
 * Y, U, V of every canvas pixel, with the same integer maths as to-i420.ts; one padding row
 * (a copy of the last) so bilinear taps never leave the arrays.
 */
export function canvasPlanes(canvas: Int32Array, cw: number, ch: number): YuvPlanes {
  const count = cw * ch, size = count + cw + 2;
  const y = new Uint8Array(size), u = new Uint8Array(size), v = new Uint8Array(size);
  const t = new Int32Array(256 * 9);
  for (let k = 0; k < 256; k++) {
    t[k] = Math.round((65.481 / 255) * k * 65536); t[256 + k] = Math.round((128.553 / 255) * k * 65536); t[512 + k] = Math.round((24.966 / 255) * k * 65536 + 16 * 65536 + 32768);
    t[768 + k] = Math.round((-37.797 / 255) * k * 65536); t[1024 + k] = Math.round((-74.203 / 255) * k * 65536); t[1280 + k] = Math.round((112 / 255) * k * 65536 + 128.5 * 65536);
    t[1536 + k] = Math.round((112 / 255) * k * 65536); t[1792 + k] = Math.round((-93.786 / 255) * k * 65536); t[2048 + k] = Math.round((-18.214 / 255) * k * 65536 + 128.5 * 65536);
  }
  for (let i = 0; i < count; i++) {
    const p = canvas[i]!;
    const r = p & 255, g = (p >> 8) & 255, b = (p >> 16) & 255;
    y[i] = (t[r]! + t[256 + g]! + t[512 + b]!) >> 16;
    u[i] = (t[768 + r]! + t[1024 + g]! + t[1280 + b]!) >> 16;
    v[i] = (t[1536 + r]! + t[1792 + g]! + t[2048 + b]!) >> 16;
  }
  for (const p of [y, u, v]) { p.copyWithin(count, count - cw, count); p[size - 2] = p[count - 1]!; p[size - 1] = p[count - 1]!; }
  return { y, u, v };
}

/** Graded luma at a lattice position (1/32768 px), clamped into the canvas. */
function lumaAt(Yp: Uint8Array, ylut: Uint8Array, CW: number, X: number, Y: number, maxX: number, maxY: number): number {
  let xi = (X + 128) >> 8, yi = (Y + 128) >> 8;
  xi = xi < 0 ? 0 : xi > maxX ? maxX : xi; yi = yi < 0 ? 0 : yi > maxY ? maxY : yi;
  const ix = xi >> 7, iy = yi >> 7, fx = xi & 127, fy = yi & 127;
  const k = iy * CW + ix;
  const a = Yp[k]!, b = Yp[k + 1]!, c = Yp[k + CW]!, d = Yp[k + CW + 1]!;
  const top = (a << 7) + (b - a) * fx, bot = (c << 7) + (d - c) * fx;
  return ylut[((top << 7) + (bot - top) * fy + 8192) >> 14]!;
}

function bilinear8(p: Uint8Array, cw: number, X: number, Y: number): number {
  const ix = X >> 7, iy = Y >> 7, fx = X & 127, fy = Y & 127;
  const i = iy * cw + ix;
  const a = p[i]!, b = p[i + 1]!, c = p[i + cw]!, d = p[i + cw + 1]!;
  const top = (a << 7) + (b - a) * fx, bot = (c << 7) + (d - c) * fx;
  return ((top << 7) + (bot - top) * fy + 8192) >> 14;
}

/** `disp`: source displacement (face warps); `rows`: only output rows [from, to) are written (the rest of `out` is kept). */
export function warpI420(out: Uint8Array, ctx: WarpContext, planes: YuvPlanes, geo: PoseGeometry, grade: FrameGrade, disp: DisplaceField | null = null, rows: [number, number] | null = null): Uint8Array {
  const { width: W, height: H, canvasWidth: CW } = ctx;
  const lat = buildLattice(ctx, geo, false, disp);

  // grade in YUV
  const luts = gradeLuts({ ...grade, warmth: 0 });
  const ylut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) {
    const g = Math.max(0, Math.min(255, ((v - 16) * 255) / 219));
    const k = Math.min(254, Math.floor(g)), f = g - k;
    const gg = luts.g[k]! + (luts.g[k + 1]! - luts.g[k]!) * f;
    ylut[v] = luts.identity ? v : Math.round(16 + (gg * 219) / 255);
  }
  const sat = grade.saturation;
  const warmU = -7 * grade.warmth, warmV = 8 * grade.warmth;
  const plainChroma = sat === 1 && grade.warmth === 0;
  const vig = grade.vignette > 0;
  const vx = vig ? vignetteProfile(W, grade.vignette) : null, vy = vig ? vignetteProfile(H, grade.vignette) : null;
  const Yp = planes.y, Up = planes.u, Vp = planes.v;

  const maxX = (CW - 1) << 7, maxY = (ctx.canvasHeight - 1) << 7;
  const y0 = rows ? Math.max(0, rows[0] & ~1) : 0, y1 = rows ? Math.min(H, (rows[1] + 1) & ~1) : H;
  lumaPlane(out, lat, Yp, ylut, W, y0, y1, CW, maxX, maxY, vx, vy);
  chromaPlanes(out, lat, Up, Vp, W, H, y0 >> 1, y1 >> 1, CW, maxX, maxY, vx, vy, sat, warmU, warmV, plainChroma);
  return out;
}

function lumaPlane(out: Uint8Array, lat: Lattice, Yp: Uint8Array, ylut: Uint8Array, W: number, y0: number, y1: number, CW: number, maxX: number, maxY: number, vx: Float32Array | null, vy: Float32Array | null): void {
  const { shift, SX, DX, SY, DY } = lat;
  const mask = (1 << shift) - 1;
  for (let y = y0; y < y1; y++) {
    rowSpans(lat, y, 0, 1);
    const base = y * W;
    if (lat.affine) {
      let X = lat.row.x, Y = lat.row.y;
      const dX = lat.row.dx, dY = lat.row.dy;
      for (let x = 0; x < W; x++, X += dX, Y += dY) {
        let xi = (X + 128) >> 8, yi = (Y + 128) >> 8;
        xi = xi < 0 ? 0 : xi > maxX ? maxX : xi; yi = yi < 0 ? 0 : yi > maxY ? maxY : yi;
        const ix = xi >> 7, iy = yi >> 7, fx = xi & 127, fy = yi & 127;
        const k = iy * CW + ix;
        const a = Yp[k]!, b = Yp[k + 1]!, c = Yp[k + CW]!, d = Yp[k + CW + 1]!;
        const top = (a << 7) + (b - a) * fx, bot = (c << 7) + (d - c) * fx;
        out[base + x] = ylut[((top << 7) + (bot - top) * fy + 8192) >> 14]!;
      }
    } else if (shift === 2) {
      // 4-px spans, unrolled: per-span setup once, four samples with increments
      const spans = W >> 2;
      for (let i = 0; i < spans; i++) {
        let X = SX[i]!, Y = SY[i]!;
        const dX = DX[i]!, dY = DY[i]!, o = base + (i << 2);
        out[o] = lumaAt(Yp, ylut, CW, X, Y, maxX, maxY); X += dX; Y += dY;
        out[o + 1] = lumaAt(Yp, ylut, CW, X, Y, maxX, maxY); X += dX; Y += dY;
        out[o + 2] = lumaAt(Yp, ylut, CW, X, Y, maxX, maxY); X += dX; Y += dY;
        out[o + 3] = lumaAt(Yp, ylut, CW, X, Y, maxX, maxY);
      }
      for (let x = spans << 2; x < W; x++) {
        const i = x >> 2, m = x & 3;
        out[base + x] = lumaAt(Yp, ylut, CW, SX[i]! + m * DX[i]!, SY[i]! + m * DY[i]!, maxX, maxY);
      }
    } else for (let x = 0; x < W; x++) {
      const i = x >> shift, m = x & mask;
      let X = (SX[i]! + m * DX[i]! + 128) >> 8, Y = (SY[i]! + m * DY[i]! + 128) >> 8;
      X = X < 0 ? 0 : X > maxX ? maxX : X; Y = Y < 0 ? 0 : Y > maxY ? maxY : Y;
      const ix = X >> 7, iy = Y >> 7, fx = X & 127, fy = Y & 127;
      const k = iy * CW + ix;
      const a = Yp[k]!, b = Yp[k + 1]!, c = Yp[k + CW]!, d = Yp[k + CW + 1]!;
      const top = (a << 7) + (b - a) * fx, bot = (c << 7) + (d - c) * fx;
      out[base + x] = ylut[((top << 7) + (bot - top) * fy + 8192) >> 14]!;
    }
    if (vx && vy) {
      const fy = vy[y]!;
      for (let x = 0; x < W; x++) out[base + x] = 16.5 + (out[base + x]! - 16) * fy * vx[x]!;
    }
  }

}

function chromaPlanes(out: Uint8Array, lat: Lattice, Up: Uint8Array, Vp: Uint8Array, W: number, H: number, cy0: number, cy1: number, CW: number, maxX: number, maxY: number, vx: Float32Array | null, vy: Float32Array | null, sat: number, warmU: number, warmV: number, plainChroma: boolean): void {
  const { shift, SX, DX, SY, DY } = lat;
  // chroma: sample m of a row sits at output x = 2m + 0.5, y = 2·cy + 0.5
  const cw = W >> 1, ch = H >> 1, uBase = W * H, vBase = uBase + cw * ch;
  const cshift = shift - 1, cmask = (1 << cshift) - 1;
  for (let cy = cy0; cy < Math.min(ch, cy1); cy++) {
    rowSpans(lat, 2 * cy + 0.5, 0.5, 2);
    const o = cy * cw;
    const fy = vy ? vy[2 * cy]! : 1;
    const affine = lat.affine, ax = lat.row.x, adx = lat.row.dx, ay = lat.row.y, ady = lat.row.dy;
    for (let x = 0; x < cw; x++) {
      const i = x >> cshift, m = x & cmask;
      let X = affine ? (ax + x * adx + 128) >> 8 : (SX[i]! + m * DX[i]! + 128) >> 8;
      let Y = affine ? (ay + x * ady + 128) >> 8 : (SY[i]! + m * DY[i]! + 128) >> 8;
      X = X < 0 ? 0 : X > maxX ? maxX : X; Y = Y < 0 ? 0 : Y > maxY ? maxY : Y;
      let u = bilinear8(Up, CW, X, Y), v = bilinear8(Vp, CW, X, Y);
      if (!plainChroma || vy) {
        const f = vy ? fy * vx![2 * x]! : 1;
        u = 128 + ((u - 128) * sat + warmU) * f + 0.5; v = 128 + ((v - 128) * sat + warmV) * f + 0.5;
        u = u < 0 ? 0 : u > 255 ? 255 : u; v = v < 0 ? 0 : v > 255 ? 255 : v;
      }
      out[uBase + o + x] = u; out[vBase + o + x] = v;
    }
  }
}
