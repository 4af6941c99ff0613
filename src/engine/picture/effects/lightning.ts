/**
 * lightning: a white flash (a main strike and a re-strike) at each of effect.events, brightening
 * the sky most, decaying over about 0.3 s. Without events, two seeded instants in its window.
 */
import type { EffectRenderer } from './types.js';
import { add, gain } from './shared/field-ops.js';

export const lightning: EffectRenderer = {
  type: 'lightning',
  naturalRegion: null,
  masks: ['sky'],
  create(env, effect, rng, region) {
    const events = effect.events.length ? effect.events : [rng.range(0.3, 0.5), rng.range(0.65, 0.9)].map((u) => effect.start + u * (effect.end - effect.start));
    const flashAt = (t: number) => {
      let e = 0;
      for (const te of events) {
        if (t < te) continue;
        const d = t - te;
        e += Math.exp(-d / 0.07) + (d >= 0.11 ? 0.7 * Math.exp(-(d - 0.11) / 0.1) : 0);
      }
      return Math.min(1.2, e);
    };
    return {
      light(field, f, amount) {
        const e = flashAt(f.t) * Math.min(1, amount * 1.5);
        if (e < 0.005) return;
        const sky = f.low.mask('sky');
        const m = region ? f.low.mask(region) : null;
        for (let k = 0; k < field.width * field.height; k++) {
          const w = (0.3 + 0.7 * sky[k]!) * (m ? m[k]! : 1) * e;
          gain(field, k, 1 + 0.6 * w, 1 + 0.62 * w, 1 + 0.7 * w);
          add(field, k, 95 * w, 100 * w, 118 * w);
        }
      },
    };
  },
};
