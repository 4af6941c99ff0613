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
    const gw = env.gridWidth, gh = env.gridHeight;
    // the billow is three noise cycles across the frame: evaluated every COARSE cells and
    // interpolated, it is the same to the eye at a sixty-fourth of the noise calls
    const COARSE = 8;
    const cw = Math.ceil((gw - 1) / COARSE) + 1, ch = Math.ceil((gh - 1) / COARSE) + 1;
    const coarseX = new Float32Array(cw * ch), coarseY = new Float32Array(cw * ch);
    const scale = 3 / gw;
    return {
      displace(field, f, amount) {
        // distance travelled so far: the integral of the eased-in speed, approximated by amount × t
        const shift = -dir * speed * f.t * Math.min(1, amount / Math.max(effect.intensity, 1e-3));
        const billow = 0.004 * env.setup.width * amount;
        for (let b = 0; b < ch; b++) for (let a = 0; a < cw; a++) {
          const i = a * COARSE, j = b * COARSE;
          coarseX[b * cw + a] = noise.noise3(i * scale, j * scale, f.t * 0.2);
          coarseY[b * cw + a] = noise.noise3(i * scale + 9, j * scale, f.t * 0.2);
        }
        for (let j = 0; j < gh; j++) {
          const v = j / COARSE, b = Math.min(ch - 2, Math.floor(v)), fy = v - b;
          for (let i = 0; i < gw; i++) {
            const k = j * gw + i, m = mask[k]!;
            if (m <= 0) continue;
            const u = i / COARSE, a = Math.min(cw - 2, Math.floor(u)), fx = u - a;
            const c = b * cw + a;
            const nx = (coarseX[c]! * (1 - fx) + coarseX[c + 1]! * fx) * (1 - fy) + (coarseX[c + cw]! * (1 - fx) + coarseX[c + cw + 1]! * fx) * fy;
            const ny = (coarseY[c]! * (1 - fx) + coarseY[c + 1]! * fx) * (1 - fy) + (coarseY[c + cw]! * (1 - fx) + coarseY[c + cw + 1]! * fx) * fy;
            field.dx[k]! += m * (shift + billow * nx);
            field.dy[k]! += m * billow * 0.5 * ny;
          }
        }
      },
    };
  },
};
