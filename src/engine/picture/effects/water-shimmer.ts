/**
 * water_shimmer: ripples travelling across the water: a small displacement of the water's own
 * pixels (confined to the water mask), rows sliding back and forth with a noisy phase.
 */
import type { EffectRenderer } from './types.js';
import { createNoise } from './shared/noise.js';

export const waterShimmer: EffectRenderer = {
  type: 'water_shimmer',
  naturalRegion: 'water',
  displaces: true,
  finelyDisplaces: true,
  create(env, effect, rng, region) {
    const mask = env.gridMask(region ?? 'water');
    const noise = createNoise(rng.int(2 ** 31));
    const cell = env.gridCell, gw = env.gridWidth;
    const W = env.setup.width;
    const lambda = Math.max(6, W * 0.012); // ripple wavelength, px
    void effect;
    return {
      displace(field, f, amount) {
        const A = amount * Math.max(1.2, W * 0.0022);
        for (let k = 0; k < mask.length; k++) {
          const m = mask[k]!;
          if (m <= 0) continue;
          const x = (k % gw) * cell, y = ((k / gw) | 0) * cell;
          const ph = noise.noise3(x / (lambda * 6), y / (lambda * 2), f.t * 0.3) * 4;
          field.dx[k]! += m * A * Math.sin((6.283 * y) / lambda - 5.5 * f.t + ph);
          field.dy[k]! += m * A * 0.45 * Math.sin((6.283 * x) / (lambda * 2.3) + 3.1 * f.t + ph * 0.7);
        }
      },
    };
  },
};
