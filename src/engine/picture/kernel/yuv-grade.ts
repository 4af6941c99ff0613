/**
 * The tables the kernels grade with (wasm/assembly): for the fast path that warps straight into
 * I420 (warp-yuv.ts), the canvas as Y, U, V planes (integer BT.601 in 1/65536 units) and the
 * grade in YUV — exposure and contrast through a luma table, saturation and warmth on chroma, the
 * vignette as separable gains; for the RGBA path (to-i420.ts), the per-channel curves. Both round
 * the same BT.601 matrix, so at the identity pose the paths agree to a code (frame 0 is still the
 * input).
 *
 * @example canvasPlanes(canvas, cw, ch, planes); const g = yuvGrade(frameGrade, w, h); const r = rgbGrade(frameGrade, w, h)
 */
import type { FrameGrade } from '../types.js';
import { gradeCurves, gradeLuts, vignetteProfile } from './grade-lut.js';

import { YR, YG, YB, UR, UG, UB, VR, VG, VB } from './bt601.js';

export interface YuvPlanes {
  /** canvas-resolution planes (chroma not subsampled), each cw·ch + cw + 2 bytes */
  y: Uint8Array;
  u: Uint8Array;
  v: Uint8Array;
}

/** Bytes of one plane: one padding row (a copy of the last) so bilinear taps never leave it. */
export function planeBytes(cw: number, ch: number): number {
  return cw * ch + cw + 2;
}

/** Y, U, V of every canvas pixel into `planes`. */
export function canvasPlanes(canvas: Int32Array, cw: number, ch: number, planes: YuvPlanes): void {
  const count = cw * ch, size = planeBytes(cw, ch);
  const { y, u, v } = planes;
  const t = new Int32Array(256 * 9);
  for (let k = 0; k < 256; k++) {
    t[k] = Math.round(YR * k * 65536); t[256 + k] = Math.round(YG * k * 65536); t[512 + k] = Math.round(YB * k * 65536 + 16 * 65536 + 32768);
    t[768 + k] = Math.round(UR * k * 65536); t[1024 + k] = Math.round(UG * k * 65536); t[1280 + k] = Math.round(UB * k * 65536 + 128.5 * 65536);
    t[1536 + k] = Math.round(VR * k * 65536); t[1792 + k] = Math.round(VG * k * 65536); t[2048 + k] = Math.round(VB * k * 65536 + 128.5 * 65536);
  }
  for (let i = 0; i < count; i++) {
    const p = canvas[i]!;
    const r = p & 255, g = (p >> 8) & 255, b = (p >> 16) & 255;
    y[i] = (t[r]! + t[256 + g]! + t[512 + b]!) >> 16;
    u[i] = (t[768 + r]! + t[1024 + g]! + t[1280 + b]!) >> 16;
    v[i] = (t[1536 + r]! + t[1792 + g]! + t[2048 + b]!) >> 16;
  }
  for (const p of [y, u, v]) { p.copyWithin(count, count - cw, count); p[size - 2] = p[count - 1]!; p[size - 1] = p[count - 1]!; }
}

export interface YuvGrade {
  /** graded luma of each luma code */
  ylut: Uint8Array;
  saturation: number;
  warmU: number;
  warmV: number;
  /** vignette gains per column and row, or null */
  vx: Float32Array | null;
  vy: Float32Array | null;
}

export function yuvGrade(grade: FrameGrade, width: number, height: number): YuvGrade {
  const luts = gradeLuts({ ...grade, warmth: 0 });
  const ylut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) {
    const g = Math.max(0, Math.min(255, ((v - 16) * 255) / 219));
    const k = Math.min(254, Math.floor(g)), f = g - k;
    const gg = luts.g[k]! + (luts.g[k + 1]! - luts.g[k]!) * f;
    ylut[v] = luts.identity ? v : Math.round(16 + (gg * 219) / 255);
  }
  const vig = grade.vignette > 0;
  return {
    ylut, saturation: grade.saturation, warmU: -7 * grade.warmth, warmV: 8 * grade.warmth,
    vx: vig ? vignetteProfile(width, grade.vignette) : null, vy: vig ? vignetteProfile(height, grade.vignette) : null,
  };
}

export interface RgbGrade {
  /** slopes R, G, B, offsets R, G, B, saturation: the layout the toI420 kernel reads */
  params: Float32Array;
  vx: Float32Array | null;
  vy: Float32Array | null;
}

/** The RGBA → I420 kernel's grade: the per-channel curves, the saturation and the vignette. */
export function rgbGrade(grade: FrameGrade, width: number, height: number): RgbGrade {
  const { slopes, offset } = gradeCurves(grade);
  const vig = grade.vignette > 0;
  return {
    params: Float32Array.of(...slopes, offset, offset, offset, grade.saturation),
    vx: vig ? vignetteProfile(width, grade.vignette) : null, vy: vig ? vignetteProfile(height, grade.vignette) : null,
  };
}
