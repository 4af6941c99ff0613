/**
 * smoke: slow, billowing grey haze rising and drifting, heavier low in the frame (or in its
 * region). params: color ('#rrggbb', default a warm dark grey).
 */
import type { EffectRenderer } from './types.js';
import { haze } from './shared/field-ops.js';
import { createNoise } from './shared/noise.js';
import { parseColor } from './shared/color.js';

export const smoke: EffectRenderer = {
  type: 'smoke',
  naturalRegion: null,
  create(env, effect, rng, region) {
    const noise = createNoise(rng.int(2 ** 31));
    const [r, g, b] = parseColor(effect.params.color, [118, 112, 106]);
    const scale = 4 / env.fieldWidth;
    return {
      light(field, f, amount) {
        const m = region ? f.low.mask(region) : null;
        for (let j = 0; j < field.height; j++) {
          const low = 0.45 + 0.55 * (j / field.height);
          for (let i = 0; i < field.width; i++) {
            const k = j * field.width + i;
            const n = noise.fbm3(i * scale + f.t * 0.03, j * scale + f.t * 0.12, f.t * 0.1, 3);
            let a = amount * 0.7 * (m ? m[k]! : low) * (n * 1.4 + 0.25);
            a = a < 0 ? 0 : a > 0.85 ? 0.85 : a;
            haze(field, k, a, r, g, b);
          }
        }
      },
    };
  },
};
