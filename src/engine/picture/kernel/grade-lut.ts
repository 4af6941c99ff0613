/**
 * The plan's grade as per-channel lookup tables (exposure, contrast, warmth act per channel on
 * 8-bit values), plus the separable vignette profile. Saturation acts on chroma (yuv-grade.ts).
 *
 * @example gradeLuts({ exposure: 0.3, contrast: 1.1, saturation: 1, warmth: 0.2, vignette: 0 })
 */
import type { FrameGrade } from '../types.js';

export interface GradeLuts {
  identity: boolean;
  r: Float32Array;
  g: Float32Array;
  b: Float32Array;
}

/**
 * Each channel's curve is linear with a clamp: lut[v] = clamp(slope·v + offset, 0, 255), slopes
 * (R, G, B) from exposure, warmth and contrast, one offset from the contrast pivot (0.45).
 */
export function gradeCurves(grade: FrameGrade): { slopes: [number, number, number]; offset: number } {
  const gain = Math.pow(2, grade.exposure) * grade.contrast;
  const tints = [1 + 0.12 * grade.warmth, 1 + 0.02 * grade.warmth, 1 - 0.14 * grade.warmth] as const;
  return { slopes: [gain * tints[0], gain * tints[1], gain * tints[2]], offset: 0.45 * (1 - grade.contrast) * 255 };
}

export function gradeLuts(grade: FrameGrade): GradeLuts {
  const identity = grade.exposure === 0 && grade.contrast === 1 && grade.warmth === 0;
  const { slopes, offset } = gradeCurves(grade);
  const make = (slope: number) => {
    const lut = new Float32Array(256);
    for (let v = 0; v < 256; v++) {
      const x = v * slope + offset;
      lut[v] = x <= 0 ? 0 : x >= 255 ? 255 : x;
    }
    return lut;
  };
  return { identity, r: make(slopes[0]), g: make(slopes[1]), b: make(slopes[2]) };
}

/** Vignette gain along one axis of `size` pixels; the 2-D vignette is the product of two. */
export function vignetteProfile(size: number, strength: number): Float32Array {
  const out = new Float32Array(size);
  const a = strength * 0.38;
  for (let i = 0; i < size; i++) {
    const u = ((i + 0.5) / size) * 2 - 1;
    const u2 = u * u;
    out[i] = 1 - a * (0.35 * u2 + 0.65 * u2 * u2);
  }
  return out;
}
