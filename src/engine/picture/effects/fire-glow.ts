/**
 * fire_glow: the warm, flickering light of a fire off-frame or in the picture: a warm gain that
 * breathes at 4–9 Hz, strongest low in the frame (or in its region), with a slow spatial wander.
 */
import type { EffectRenderer } from './types.js';
import { add, gain } from './shared/field-ops.js';
import { flicker } from './shared/flicker.js';
import { createNoise } from './shared/noise.js';

export const fireGlow: EffectRenderer = {
  type: 'fire_glow',
  naturalRegion: null,
  create(env, effect, rng, region) {
    const f1 = flicker(rng, 5.5);
    const noise = createNoise(rng.int(2 ** 31));
    const scale = 2.5 / env.fieldWidth;
    void effect;
    return {
      light(field, f, amount) {
        const m = region ? f.low.mask(region) : null;
        const base = f1(f.t);
        for (let j = 0; j < field.height; j++) {
          const low = 0.3 + 0.7 * (j / field.height);
          for (let i = 0; i < field.width; i++) {
            const k = j * field.width + i;
            const w = (m ? m[k]! : low) * (0.8 + 0.35 * noise.noise3(i * scale, j * scale, f.t * 1.5));
            const a = amount * w * (0.12 + 0.22 * base);
            gain(field, k, 1 + a * 1.1, 1 + a * 0.55, 1 - a * 0.15);
            add(field, k, 26 * a, 10 * a, 0);
          }
        }
      },
    };
  },
};
