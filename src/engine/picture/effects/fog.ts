/**
 * fog: drifting, noise-modulated haze, denser with distance (far = low nearness), on the coarse
 * light field. params: color ('#rrggbb', default a cool light grey), wind (−1 … 1, drift).
 */
import type { EffectRenderer } from './types.js';
import { haze } from './shared/field-ops.js';
import { createNoise } from './shared/noise.js';
import { parseColor } from './shared/color.js';

export const fog: EffectRenderer = {
  type: 'fog',
  naturalRegion: null,
  create(env, effect, rng, region) {
    const noise = createNoise(rng.int(2 ** 31));
    const [r, g, b] = parseColor(effect.params.color, [206, 212, 218]);
    const wind = typeof effect.params.wind === 'number' ? effect.params.wind : 0.3;
    const scale = 3.2 / env.fieldWidth;
    return {
      light(field, f, amount) {
        const m = region ? f.low.mask(region) : null;
        const depth = f.low.depth;
        const drift = f.t * 0.06 * (0.3 + Math.abs(wind)) * Math.sign(wind || 1);
        for (let j = 0; j < field.height; j++) for (let i = 0; i < field.width; i++) {
          const k = j * field.width + i;
          const far = 1 - depth[k]!;
          const n = noise.fbm3(i * scale - drift, j * scale * 1.6, f.t * 0.08, 3);
          let a = amount * 0.78 * (0.22 + 0.78 * far) * (0.62 + 0.55 * n);
          if (m) a *= m[k]!;
          haze(field, k, a < 0 ? 0 : a > 0.92 ? 0.92 : a, r, g, b);
        }
      },
    };
  },
};
