/**
 * The tables the kernels grade with (wasm/assembly): for the fast path that warps straight into
 * I420 (warp-yuv.ts), the canvas as Y, U, V planes (converted by canvas-planes.ts, integer BT.601
 * in 1/65536 units; padded here) and the grade in YUV — exposure and contrast through a luma
 * table, saturation and warmth on chroma, the vignette as separable gains; for the RGBA path (to-i420.ts), the per-channel curves. Both round
 * the same BT.601 matrix, so at the identity pose the paths agree to a code (frame 0 is still the
 * input).
 *
 * @example padPlane(cw, ch, plane); const g = yuvGrade(frameGrade, w, h); const r = rgbGrade(frameGrade, w, h)
 */
import type { FrameGrade } from '../types.js';
import { gradeCurves, gradeLuts, vignetteProfile } from './grade-lut.js';

/** Bytes of one canvas-resolution plane (Y, U, V not subsampled, or a layer's alpha): one padding row (a copy of the last) so bilinear taps never leave it. */
export function planeBytes(cw: number, ch: number): number {
  return cw * ch + cw + 2;
}

/**
 * Fills a plane's padding (a copy of the last row, then two bytes of its last pixel) once the
 * kernel (wasm/assembly/canvas-planes.ts) has converted the canvas into the planes.
 */
export function padPlane(cw: number, ch: number, p: Uint8Array): void {
  const count = cw * ch, size = planeBytes(cw, ch);
  p.copyWithin(count, count - cw, count); p[size - 2] = p[count - 1]!; p[size - 1] = p[count - 1]!;
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
