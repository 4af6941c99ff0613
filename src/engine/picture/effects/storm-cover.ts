/**
 * A storm's cloud cover over the sky (the clouds effect's `cover` param): the sky greys and darkens
 * under billowing slate cloud, and the light over the rest of the scene dims a little, as under an
 * overcast sky.
 *
 * Where the sky meets what stands in front of it (a tower, a roof, a bird), the light stage hazes
 * each pixel as far as its own colour is a sky's (kernel/sky-edge.ts), so the edge keeps no band of
 * the clear sky around it, and what stands there is not greyed.
 *
 * @example const cover = stormCover(env, effect, seed, 'sky', +1, 0.8); // { light, overlay }
 */
import type { Effect } from '../../plan.js';
import type { MaskRegion } from '../types.js';
import type { EffectEnv, EffectInstance, FrameEnv, LightField } from './types.js';
import { createNoise } from './shared/noise.js';
import { gain, haze } from './shared/field-ops.js';

/** Storm cloud: a slate grey, the sky's own light turned down (thick cloud darker), a little cool. */
const STORM_TINT = [0.97, 1, 1.08] as const;

/** The grey a storm turns a sky pixel of this luma (0…255) toward, under cloud this thick (0…1). */
const stormGrey = (luma: number, thick: number) => Math.min(200, luma * (0.62 - 0.22 * thick) + 8);

/** How much of a storm's haze reaches a sky pixel: thicker cloud covers more. */
const coverOpacity = (thick: number) => 0.7 + 0.25 * thick;

export function stormCover(env: EffectEnv, effect: Effect, seed: number, region: MaskRegion | null, dir: number, cover: number): Required<Pick<EffectInstance, 'light'>> {
  const noise = createNoise(seed);
  const lw = env.fieldWidth, lh = env.fieldHeight;
  const lscale = 2.5 / lw;
  // the cloud's thickness per lattice point, kept for the frame: the light stage may run twice
  // (at the sky's edge: kernel/sky-edge.ts), the second time over a few more points
  const thickness = new Float32Array(lw * lh), known = new Uint8Array(lw * lh);
  let frame = -1;
  return {
    light(field: LightField, f: FrameEnv, amount: number) {
      const strength = Math.min(1, amount / Math.max(effect.intensity, 1e-3)) * cover;
      const sky = f.low.mask(region ?? 'sky'), lum = f.low.luma();
      const drift = -dir * f.t * 0.03;
      if (f.index !== frame) { known.fill(0); frame = f.index; }
      for (let j = 0; j < lh; j++) for (let i = 0; i < lw; i++) {
        const k = j * lw + i, s = sky[k]!;
        // the scene under the storm: a little less light everywhere
        gain(field, k, 1 - 0.16 * strength, 1 - 0.15 * strength, 1 - 0.13 * strength);
        if (s <= 0.01) continue;
        if (!known[k]) {
          const n = noise.fbm3(i * lscale + drift, j * lscale * 1.8, f.t * 0.05, 4); // about −0.6 … 0.6
          thickness[k] = Math.min(1, Math.max(0, 0.5 + 0.9 * n));
          known[k] = 1;
        }
        const thick = thickness[k]!;
        // toward grey at the sky's own brightness, turned down: greyer and darker, whatever the sky
        const grey = stormGrey(lum[k]! * 255, thick);
        haze(field, k, s * strength * coverOpacity(thick), grey * STORM_TINT[0], grey * STORM_TINT[1], grey * STORM_TINT[2]);
      }
    },
  };
}
