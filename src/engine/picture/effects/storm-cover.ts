/**
 * A storm's cloud cover over the sky (the clouds effect's `cover` param): the sky greys and darkens
 * under billowing slate cloud, and the light over the rest of the scene dims a little, as under an
 * overcast sky.
 *
 * Cells wholly in the sky are hazed on the light field; along the sky's edge each pixel is hazed in
 * the overlay stage as far as its own colour is a sky's (shared/sky-edge.ts), so the edge keeps no
 * band of the clear sky around what stands in front of it, and what stands there is not greyed.
 *
 * @example const cover = stormCover(env, effect, seed, 'sky', +1, 0.8); // { light, overlay }
 */
import type { Effect } from '../../plan.js';
import type { MaskRegion } from '../types.js';
import type { EffectEnv, EffectInstance, FrameEnv, LightField } from './types.js';
import { createNoise } from './shared/noise.js';
import { gain, haze } from './shared/field-ops.js';
import { skyColoured, skyEdge } from './shared/sky-edge.js';

/** Storm cloud: a slate grey, the sky's own light turned down (thick cloud darker), a little cool. */
const STORM_TINT = [0.97, 1, 1.08] as const;

/** The grey a storm turns a sky pixel of this luma (0…255) toward, under cloud this thick (0…1). */
const stormGrey = (luma: number, thick: number) => Math.min(200, luma * (0.62 - 0.22 * thick) + 8);

/** How much of a storm's haze reaches a sky pixel: thicker cloud covers more. */
const coverOpacity = (thick: number) => 0.7 + 0.25 * thick;

export function stormCover(env: EffectEnv, effect: Effect, seed: number, region: MaskRegion | null, dir: number, cover: number): Required<Pick<EffectInstance, 'light' | 'overlay'>> {
  const noise = createNoise(seed);
  const lw = env.fieldWidth, lh = env.fieldHeight, ln = lw * lh;
  const lscale = 2.5 / lw;
  // this frame's lattice: the sky's edge, the cloud's thickness, the haze strength
  const edge = skyEdge(env), { inner, outer } = edge;
  const thickness = new Float32Array(ln);
  let strength = 0, hasEdge = false;

  return {
    light(field: LightField, f: FrameEnv, amount: number) {
      strength = Math.min(1, amount / Math.max(effect.intensity, 1e-3)) * cover;
      const sky = f.low.mask(region ?? 'sky'), lum = f.low.luma();
      const drift = -dir * f.t * 0.03;
      hasEdge = edge.update(sky);
      for (let j = 0; j < lh; j++) for (let i = 0; i < lw; i++) {
        const k = j * lw + i, lo = inner[k]!, hi = outer[k]!;
        // the scene under the storm: a little less light everywhere
        gain(field, k, 1 - 0.16 * strength, 1 - 0.15 * strength, 1 - 0.13 * strength);
        if (hi <= 0.01) { thickness[k] = 0; continue; }
        const n = noise.fbm3(i * lscale + drift, j * lscale * 1.8, f.t * 0.05, 4); // about −0.6 … 0.6
        const thick = Math.min(1, Math.max(0, 0.5 + 0.9 * n));
        thickness[k] = thick;
        if (lo <= 0.01) continue;
        // toward grey at the sky's own brightness, turned down: greyer and darker, whatever the sky
        const grey = stormGrey(lum[k]! * 255, thick);
        haze(field, k, lo * strength * coverOpacity(thick), grey * STORM_TINT[0], grey * STORM_TINT[1], grey * STORM_TINT[2]);
      }
    },
    overlay(f: FrameEnv) {
      if (!hasEdge || strength <= 0) return;
      const px = f.frame8;
      edge.eachEdgePixel(f, (o, lo, hi, at) => {
        const r = px[o]!, g = px[o + 1]!, b = px[o + 2]!;
        const thick = at(thickness), opacity = strength * coverOpacity(thick);
        // the haze this pixel should have, beyond what the light field gave it (hazes compose)
        const applied = lo * opacity, target = (lo + (hi - lo) * skyColoured(r, g, b)) * opacity;
        if (target <= applied + 1e-3) return;
        const a = 1 - (1 - target) / (1 - applied);
        const grey = stormGrey(0.299 * r + 0.587 * g + 0.114 * b, thick);
        px[o] = Math.round(r + (grey * STORM_TINT[0] - r) * a);
        px[o + 1] = Math.round(g + (grey * STORM_TINT[1] - g) * a);
        px[o + 2] = Math.round(Math.min(255, b + (grey * STORM_TINT[2] - b) * a));
      });
    },
  };
}
