/**
 * Operations on the light field (effects/types.ts): each composes onto what earlier effects did,
 * since (p·m1 + a1)·m2 + a2 = p·(m1·m2) + (a1·m2 + a2).
 *
 * @example haze(field, i, 0.4, 200, 205, 210) // 40 % grey-white fog at lattice point i
 */
import type { LightField } from '../types.js';

/** Blend toward a colour (0…255) with opacity a. */
export function haze(f: LightField, i: number, a: number, r: number, g: number, b: number): void {
  if (a <= 0) return;
  const k = 1 - a;
  f.mulR[i]! *= k; f.mulG[i]! *= k; f.mulB[i]! *= k;
  f.addR[i] = f.addR[i]! * k + a * r; f.addG[i] = f.addG[i]! * k + a * g; f.addB[i] = f.addB[i]! * k + a * b;
  f.touched = true;
}

/** Multiply by per-channel gains. */
export function gain(f: LightField, i: number, r: number, g: number, b: number): void {
  f.mulR[i]! *= r; f.mulG[i]! *= g; f.mulB[i]! *= b;
  f.addR[i]! *= r; f.addG[i]! *= g; f.addB[i]! *= b;
  f.touched = true;
}

/** Add light (0…255 units). */
export function add(f: LightField, i: number, r: number, g: number, b: number): void {
  f.addR[i]! += r; f.addG[i]! += g; f.addB[i]! += b;
  f.touched = true;
}
