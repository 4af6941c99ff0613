/**
 * The plan's grade as per-channel lookup tables (exposure, contrast, warmth act per channel on
 * 8-bit values), plus the separable vignette profile. Saturation acts on chroma in to-i420.ts.
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

export function gradeLuts(grade: FrameGrade): GradeLuts {
  const identity = grade.exposure === 0 && grade.contrast === 1 && grade.warmth === 0;
  const gain = Math.pow(2, grade.exposure);
  const make = (tint: number) => {
    const lut = new Float32Array(256);
    for (let v = 0; v < 256; v++) {
      let x = (v / 255) * gain * tint;
      x = (x - 0.45) * grade.contrast + 0.45;
      lut[v] = x <= 0 ? 0 : x >= 1 ? 255 : x * 255;
    }
    return lut;
  };
  return { identity, r: make(1 + 0.12 * grade.warmth), g: make(1 + 0.02 * grade.warmth), b: make(1 - 0.14 * grade.warmth) };
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
