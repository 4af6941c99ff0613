/**
 * The effect table: one renderer per EFFECT_TYPES entry (src/engine/plan.ts). Adding an effect is
 * adding one file and one row here; the Record type makes a missing row a compile error.
 *
 * @example EFFECT_RENDERERS.rain.create(env, effect, rng, null).overlay?.(frameEnv, 0.6)
 */
import type { EffectType } from '../../plan.js';
import type { EffectRenderer } from './types.js';
import { rain } from './rain.js';
import { snow } from './snow.js';
import { fog } from './fog.js';
import { smoke } from './smoke.js';
import { steam } from './steam.js';
import { dust } from './dust.js';
import { embers } from './embers.js';
import { fireGlow } from './fire-glow.js';
import { candleFlicker } from './candle-flicker.js';
import { neonFlicker } from './neon-flicker.js';
import { lightning } from './lightning.js';
import { fallingLeaves } from './falling-leaves.js';
import { petals } from './petals.js';
import { lightRays } from './light-rays.js';
import { lensFlare } from './lens-flare.js';
import { clouds } from './clouds.js';
import { waterShimmer } from './water-shimmer.js';
import { foliageSway } from './foliage-sway.js';
import { stars } from './stars.js';
import { lightsOut } from './lights-out.js';

export const EFFECT_RENDERERS: Record<EffectType, EffectRenderer> = {
  rain, snow, fog, smoke, steam, dust, embers,
  fire_glow: fireGlow, candle_flicker: candleFlicker, neon_flicker: neonFlicker, lightning,
  falling_leaves: fallingLeaves, petals, light_rays: lightRays, lens_flare: lensFlare, clouds,
  water_shimmer: waterShimmer, foliage_sway: foliageSway, stars, lights_out: lightsOut,
};
