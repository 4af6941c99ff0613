/**
 * Whole-picture judgements that steer the depth blend and the tags: is this outer space (black,
 * scattered point sources in every quadrant, no sky), and is it a street (sky in a gap between
 * tall structures on both sides, over a ground that is neither sky, water nor foliage).
 *
 * @example
 *   looksLikeSpace(stats, lights, skyFraction) // → true for a Hubble deep field
 */
import type { LightSource, SceneStats } from '../scene.js';
import type { AnalysisRaster } from './analysis-raster.js';

export function looksLikeSpace(stats: SceneStats, lights: LightSource[], skyFraction: number): boolean {
  if (stats.medianLuma > 0.1 || skyFraction > 0.03 || lights.length < 12) return false;
  const quadrants = [0, 0, 0, 0];
  for (const l of lights) quadrants[(l.x < 0.5 ? 0 : 1) + (l.y < 0.5 ? 0 : 2)]!++;
  return quadrants.every((q) => q >= 2);
}

export interface StreetEvidence {
  street: boolean;
  /** mean sky in the side strips over mean sky in the centre strip, top half */
  flank: number;
  /** horizontal over vertical gradient energy in the non-sky top two thirds (vertical edges) */
  verticality: number;
}

export function looksLikeStreet(raster: AnalysisRaster, sky: Float32Array, foliage: Float32Array, water: Float32Array, horizon: number | null): StreetEvidence {
  const { width: w, height: h, gx, gy } = raster;
  let side = 0;
  let sideN = 0;
  let centre = 0;
  let centreN = 0;
  let ex = 0;
  let ey = 0;
  let skyAll = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const s = sky[i]!;
      skyAll += s;
      const xn = x / w;
      if (y < h / 2) {
        if (xn < 0.15 || xn > 0.85) {
          side += s;
          sideN++;
        } else if (xn > 0.3 && xn < 0.7) {
          centre += s;
          centreN++;
        }
      }
      if (y < (h * 2) / 3 && s < 0.5) {
        ex += Math.abs(gx[i]!);
        ey += Math.abs(gy[i]!);
      }
    }
  }
  let ground = 0;
  let groundN = 0;
  for (let i = Math.floor((h * 2) / 3) * w; i < w * h; i++) {
    ground += foliage[i]! + water[i]! + sky[i]!;
    groundN++;
  }
  const skyFraction = skyAll / (w * h);
  const flank = centre > 0 ? side / sideN / (centre / centreN) : 1;
  const verticality = ex / (ey + 1e-6);
  const street =
    skyFraction > 0.03 && skyFraction < 0.45 && horizon !== null && horizon > 0.3 &&
    flank < 0.6 && verticality > 0.9 && ground / groundN < 0.3;
  return { street, flank, verticality };
}
