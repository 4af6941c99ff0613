/**
 * steam: pale wisps rising from its region (default the subject: a cup, a pot, a vent), confined
 * to a plume above it that widens and fades as it climbs.
 */
import type { EffectRenderer } from './types.js';
import { haze } from './shared/field-ops.js';
import { createNoise } from './shared/noise.js';

export const steam: EffectRenderer = {
  type: 'steam',
  naturalRegion: 'subject',
  create(env, effect, rng, region) {
    const noise = createNoise(rng.int(2 ** 31));
    const lw = env.fieldWidth, lh = env.fieldHeight;
    const plume = new Float32Array(lw * lh);
    const scale = 6 / lw;
    void effect;
    return {
      light(field, f, amount) {
        const m = f.low.mask(region ?? 'subject');
        // the plume: the region's top carried upward, decaying and spreading with height
        const decay = Math.pow(0.02, 1 / (lh * 0.45));
        for (let i = 0; i < lw; i++) {
          let v = 0;
          for (let j = lh - 1; j >= 0; j--) {
            const k = j * lw + i;
            v = Math.max(m[k]! * 0.35, v * decay);
            plume[k] = v;
          }
        }
        for (let j = 0; j < lh; j++) for (let i = 0; i < lw; i++) {
          const k = j * lw + i;
          const p = (plume[k]! + (i > 0 ? plume[k - 1]! : 0) + (i < lw - 1 ? plume[k + 1]! : 0)) / 3;
          if (p <= 0.004) continue;
          const wisp = noise.fbm3(i * scale * 1.6, j * scale + f.t * 0.9, f.t * 0.35, 3);
          const a = amount * 1.6 * p * Math.max(0, wisp + 0.15);
          haze(field, k, a > 0.8 ? 0.8 : a, 236, 238, 240);
        }
      },
    };
  },
};
