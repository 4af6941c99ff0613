/**
 * Particles placed in the scene: an effect "outside the window" / "behind the glass" is hidden by
 * everything nearer than its depth. `params.behind` (0…1 nearness, set by the director) is that
 * depth: a particle pixel shows where the frame's nearness is below it and fades out over a
 * narrow band above it, and never over the subject (people first: the subject mask). Without
 * `behind` the effect is in front of everything, as before.
 *
 * Works on the light-field lattice's nearness and subject mask for this frame's camera (LowMaps),
 * so it follows the layers whatever the move; a wrapped Surface scales each pixel's opacity, so
 * a streak or a flake crossing an occluder's edge is cut at that edge.
 *
 * @example const surface = behindSurface(f, 0.35, env) ?? f.surface; streak(surface, …)
 */
import type { EffectEnv, FrameEnv } from '../types.js';
import type { Surface } from './surface.js';

/** Half-width of the nearness band over which particles fade behind an occluder. */
const BAND = 0.04;

/** The `behind` nearness of an effect's params, or null when it is not placed behind anything. */
export function behindOf(params: Record<string, unknown>): number | null {
  const v = params.behind;
  return typeof v === 'number' && v > 0 && v < 1 ? v : null;
}

/** Visibility 0…1 per lattice cell for this frame: far enough and not the subject. */
export function visibilityLattice(f: FrameEnv, behind: number, out: Float32Array): Float32Array {
  const depth = f.low.depth, subject = f.low.mask('subject');
  for (let k = 0; k < out.length; k++) {
    const t = Math.min(1, Math.max(0, (depth[k]! - (behind - BAND)) / (2 * BAND)));
    const hidden = t * t * (3 - 2 * t);
    out[k] = (1 - hidden) * (1 - subject[k]!);
  }
  return out;
}

/**
 * The frame's surface seen through the occluders, or null when `behind` is null. Call once per
 * frame (it reads this frame's maps).
 */
export function behindSurface(f: FrameEnv, behind: number | null, env: Pick<EffectEnv, 'fieldCell' | 'fieldWidth' | 'fieldHeight'>, scratch: Float32Array): Surface | null {
  if (behind === null) return null;
  const vis = visibilityLattice(f, behind, scratch);
  const { fieldCell: cell, fieldWidth: lw, fieldHeight: lh } = env;
  const inner = f.surface, inv = 1 / cell;
  return {
    width: inner.width,
    height: inner.height,
    put(x, y, r, g, b, a, additive) {
      // bilinear between lattice cell centres
      const u = Math.min(lw - 1, Math.max(0, (x + 0.5) * inv - 0.5)), v = Math.min(lh - 1, Math.max(0, (y + 0.5) * inv - 0.5));
      const i = Math.min(lw - 2, Math.floor(u)), j = Math.min(lh - 2, Math.floor(v));
      const fu = u - i, fv = v - j, k = j * lw + i;
      const w = (vis[k]! * (1 - fu) + vis[k + 1]! * fu) * (1 - fv) + (vis[k + lw]! * (1 - fu) + vis[k + lw + 1]! * fu) * fv;
      if (w > 0.01) inner.put(x, y, r, g, b, a * w, additive);
    },
  };
}
