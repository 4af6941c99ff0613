/**
 * Particle helpers: a seeded set of particles whose state is a pure function of time (so any
 * frame renders alone and motion is continuous), the share drawn at a given amount, and the
 * region weight at a screen position.
 *
 * @example const ps = seedParticles(rng, 500, () => ({ x: rng.next(), y: rng.next(), z: rng.next() }));
 */
import type { Random } from '../../../util/random.js';
import type { MaskRegion } from '../../types.js';
import type { FrameEnv } from '../types.js';

/** Count scaled to the frame area, relative to 1080p. */
export function scaledCount(base: number, width: number, height: number): number {
  // a little denser than the area ratio on small frames, so previews still read as rain or snow
  return Math.max(12, Math.round(base * Math.pow((width * height) / (1920 * 1080), 0.6)));
}

export function seedParticles<T>(count: number, make: (i: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

/** How many of the particles show at this amount (a stable prefix, so they don't pop around). */
export function visibleCount(total: number, amount: number): number {
  return Math.round(total * Math.min(1, 0.25 + 0.75 * amount));
}

/** 1 when there is no region, else the region's mask (output space) at (x, y) px. */
export function regionWeight(env: FrameEnv, region: MaskRegion | null, x: number, y: number, cell: number, lw: number, lh: number): number {
  if (!region) return 1;
  const m = env.low.mask(region);
  const i = Math.min(lw - 1, Math.max(0, Math.floor(x / cell))), j = Math.min(lh - 1, Math.max(0, Math.floor(y / cell)));
  return m[j * lw + i]!;
}

export const mod = (a: number, n: number) => ((a % n) + n) % n;

export type { Random };
