/**
 * foliage_sway: leaves and branches move gently in the breeze: a slow, spatially coherent
 * displacement confined to the foliage mask. params: wind (0 … 1, default 0.5).
 */
import type { EffectRenderer } from './types.js';
import { createNoise } from './shared/noise.js';

export const foliageSway: EffectRenderer = {
  type: 'foliage_sway',
  naturalRegion: 'foliage',
  // not finelyDisplaces: the sway is coherent over hundreds of pixels (only the mask's edge is
  // sharp), so the coarser lattice gives the same picture (within a grey level or two at edges)
  displaces: true,
  create(env, effect, rng, region) {
    const mask = env.gridMask(region ?? 'foliage');
    const noise = createNoise(rng.int(2 ** 31));
    const gw = env.gridWidth;
    const wind = typeof effect.params.wind === 'number' ? effect.params.wind : 0.5;
    const scale = 5 / gw;
    // the cells that sway and each one's phase, which does not change over the clip: worked out once
    // (into typed arrays: pushing a grid's worth onto plain arrays cost each render worker ~0.1 s)
    let count = 0;
    for (let k = 0; k < mask.length; k++) if (mask[k]! > 0) count++;
    const cells = new Int32Array(count), weights = new Float32Array(count), phases = new Float64Array(count);
    for (let k = 0, c = 0; k < mask.length; k++) {
      const m = mask[k]!;
      if (m <= 0) continue;
      const i = k % gw, j = (k / gw) | 0;
      cells[c] = k; weights[c] = m; phases[c] = noise.noise3(i * scale, j * scale, 0.5) * 6;
      c++;
    }
    return {
      displace(field, f, amount) {
        const A = amount * env.setup.width * 0.004 * (0.5 + wind);
        for (let c = 0; c < cells.length; c++) {
          const k = cells[c]!, m = weights[c]!, ph = phases[c]!;
          const gust = Math.sin(6.283 * 0.3 * f.t + ph) + 0.45 * Math.sin(6.283 * 0.83 * f.t + ph * 1.7);
          field.dx[k]! += m * A * gust;
          field.dy[k]! += m * A * 0.3 * Math.sin(6.283 * 0.55 * f.t + ph * 1.3);
        }
      },
    };
  },
};
