/**
 * clouds: the sky drifts sideways, slowly, and billows a little; the warp is confined to the sky
 * mask (soft edge), so the horizon and everything below stay put.
 * params: direction (+1 right, −1 left; default +1), speed (fraction of the width per second, default
 * 0.012), cover (0…1, default 0: a storm's cloud cover — the sky greys and darkens under billowing
 * dark cloud, and the light over the rest of the scene dims a little, as under an overcast sky).
 */
import type { EffectRenderer } from './types.js';
import { createNoise } from './shared/noise.js';
import { gain, haze } from './shared/field-ops.js';

/** Storm cloud: a blue-slate grey, darker where the cloud is thick. */
const STORM_LIGHT = [112, 116, 124] as const, STORM_DARK = [58, 61, 68] as const;

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
    // the sky's cells and where each sits on the coarse grid, found once
    const sky: number[] = [];
    for (let k = 0; k < mask.length; k++) if (mask[k]! > 0) sky.push(k);
    const cells = Int32Array.from(sky), corner = new Int32Array(cells.length);
    const fxs = new Float32Array(cells.length), fys = new Float32Array(cells.length);
    cells.forEach((k, s) => {
      const u = (k % gw) / COARSE, v = Math.floor(k / gw) / COARSE;
      const a = Math.min(cw - 2, Math.floor(u)), b = Math.min(ch - 2, Math.floor(v));
      corner[s] = b * cw + a; fxs[s] = u - a; fys[s] = v - b;
    });
    const cover = typeof effect.params.cover === 'number' ? Math.min(1, Math.max(0, effect.params.cover)) : 0;
    const coverNoise = createNoise(rng.int(2 ** 31));
    const lscale = 2.5 / env.fieldWidth;
    return {
      // only a storm lights the frame: plain drifting clouds stay a displacement (and the fast path)
      ...(cover > 0 ? {
        light(field, f, amount) {
          const fade = Math.min(1, amount / Math.max(effect.intensity, 1e-3)) * cover;
          const sky = f.low.mask(region ?? 'sky');
          const drift = -dir * f.t * 0.03;
          for (let j = 0; j < field.height; j++) for (let i = 0; i < field.width; i++) {
            const k = j * field.width + i;
            const m = sky[k]!;
            // the scene under the storm: a little less light everywhere
            gain(field, k, 1 - 0.16 * fade, 1 - 0.15 * fade, 1 - 0.13 * fade);
            if (m <= 0.01) continue;
            const n = coverNoise.fbm3(i * lscale + drift, j * lscale * 1.8, f.t * 0.05, 4); // about −0.6 … 0.6
            const thick = Math.min(1, Math.max(0, 0.5 + 0.9 * n));
            const a = m * fade * (0.62 + 0.3 * thick);
            haze(field, k, a, STORM_LIGHT[0] + (STORM_DARK[0] - STORM_LIGHT[0]) * thick, STORM_LIGHT[1] + (STORM_DARK[1] - STORM_LIGHT[1]) * thick, STORM_LIGHT[2] + (STORM_DARK[2] - STORM_LIGHT[2]) * thick);
          }
        },
      } : {}),
      displace(field, f, amount) {
        // distance travelled so far: the integral of the eased-in speed, approximated by amount × t
        const shift = -dir * speed * f.t * Math.min(1, amount / Math.max(effect.intensity, 1e-3));
        const billow = 0.004 * env.setup.width * amount;
        for (let b = 0; b < ch; b++) for (let a = 0; a < cw; a++) {
          const i = a * COARSE, j = b * COARSE;
          coarseX[b * cw + a] = noise.noise3(i * scale, j * scale, f.t * 0.2);
          coarseY[b * cw + a] = noise.noise3(i * scale + 9, j * scale, f.t * 0.2);
        }
        for (let s = 0; s < cells.length; s++) {
          const k = cells[s]!, c = corner[s]!, fx = fxs[s]!, fy = fys[s]!, m = mask[k]!;
          const nx = (coarseX[c]! * (1 - fx) + coarseX[c + 1]! * fx) * (1 - fy) + (coarseX[c + cw]! * (1 - fx) + coarseX[c + cw + 1]! * fx) * fy;
          const ny = (coarseY[c]! * (1 - fx) + coarseY[c + 1]! * fx) * (1 - fy) + (coarseY[c + cw]! * (1 - fx) + coarseY[c + cw + 1]! * fx) * fy;
          field.dx[k]! += m * (shift + billow * nx);
          field.dy[k]! += m * billow * 0.5 * ny;
        }
      },
    };
  },
};
