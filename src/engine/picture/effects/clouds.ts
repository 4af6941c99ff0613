/**
 * clouds: the sky drifts sideways, slowly, and billows a little; the warp is confined to the sky
 * mask (soft edge), so the horizon and everything below stay put.
 * params: direction (+1 right, −1 left; default +1), speed (fraction of the width per second, default 0.012).
 */
import type { EffectRenderer } from './types.js';
import { createNoise } from './shared/noise.js';

export const clouds: EffectRenderer = {
  type: 'clouds',
  naturalRegion: 'sky',
  displaces: true,
  create(env, effect, rng, region) {
    const mask = env.gridMask(region ?? 'sky');
    const noise = createNoise(rng.int(2 ** 31));
    const dir = typeof effect.params.direction === 'number' && effect.params.direction < 0 ? -1 : 1;
    const speed = (typeof effect.params.speed === 'number' ? effect.params.speed : 0.012) * env.setup.width * (0.5 + effect.intensity);
    const scale = 3 / env.gridWidth;
    return {
      displace(field, f, amount) {
        // distance travelled so far: the integral of the eased-in speed, approximated by amount × t
        const shift = -dir * speed * f.t * Math.min(1, amount / Math.max(effect.intensity, 1e-3));
        const billow = 0.004 * env.setup.width * amount;
        for (let k = 0; k < mask.length; k++) {
          const m = mask[k]!;
          if (m <= 0) continue;
          const i = k % env.gridWidth, j = (k / env.gridWidth) | 0;
          field.dx[k]! += m * (shift + billow * noise.noise3(i * scale, j * scale, f.t * 0.2));
          field.dy[k]! += m * billow * 0.5 * noise.noise3(i * scale + 9, j * scale, f.t * 0.2);
        }
      },
    };
  },
};
