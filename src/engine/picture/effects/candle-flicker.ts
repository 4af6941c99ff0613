/**
 * candle_flicker: the picture's light sources (lights mask) and the light they spill breathe
 * unevenly, as candle flames do.
 */
import type { EffectRenderer } from './types.js';
import { gain } from './shared/field-ops.js';
import { flicker } from './shared/flicker.js';
import { spill } from './shared/spill.js';

export const candleFlicker: EffectRenderer = {
  type: 'candle_flicker',
  naturalRegion: 'lights',
  create(env, effect, rng, region) {
    const f1 = flicker(rng, 4.2);
    const n = env.fieldWidth * env.fieldHeight;
    const soft = new Float32Array(n), tmp = new Float32Array(n);
    void effect;
    return {
      light(field, f, amount) {
        const m = f.low.mask(region ?? 'lights');
        spill(m, field.width, field.height, field.width / 40, soft, tmp);
        const v = f1(f.t);
        for (let k = 0; k < n; k++) {
          const w = Math.min(1, m[k]! + 1.5 * soft[k]!);
          if (w <= 0.001) continue;
          const g = 1 + amount * 0.32 * v * w;
          gain(field, k, g, g * (1 - 0.02 * v), g * (1 - 0.05 * v));
        }
      },
    };
  },
};
