/**
 * light_rays: god rays streaming from the dominant light (a lamp, the sun, the bright sky):
 * the frame's highlights smeared radially away from the source on the coarse lattice, added as
 * warm light, shimmering slowly. params: color ('#rrggbb').
 */
import type { EffectRenderer } from './types.js';
import { add } from './shared/field-ops.js';
import { lightOnScreen } from './shared/light-source.js';
import { createNoise } from './shared/noise.js';
import { parseColor } from './shared/color.js';

const STEPS = 20;

export const lightRays: EffectRenderer = {
  type: 'light_rays',
  naturalRegion: null,
  masks: ['sky'],
  create(env, effect, rng, region) {
    const lw = env.fieldWidth, lh = env.fieldHeight;
    const bright = new Float32Array(lw * lh);
    const noise = createNoise(rng.int(2 ** 31));
    const [r, g, b] = parseColor(effect.params.color, [255, 234, 196]);
    return {
      light(field, f, amount) {
        const src = lightOnScreen(f, env.setup.sun) ?? { x: f.width * 0.7, y: -f.height * 0.1 };
        const cx = (src.x + 0.5) / field.cell - 0.5, cy = (src.y + 0.5) / field.cell - 0.5;
        const luma = f.low.luma();
        const m = region ? f.low.mask(region) : null;
        let peak = 0;
        for (let k = 0; k < lw * lh; k++) peak = Math.max(peak, luma[k]!);
        const thr = Math.max(0.35, peak * 0.72);
        for (let k = 0; k < lw * lh; k++) {
          const v = (luma[k]! - thr) / (1 - thr + 1e-3);
          bright[k] = v > 0 ? v * (m ? m[k]! : 1) : 0;
        }
        for (let j = 0; j < lh; j++) for (let i = 0; i < lw; i++) {
          let sum = 0, wsum = 0, w = 1;
          for (let s = 0; s < STEPS; s++) {
            const u = (s / STEPS) * 0.9;
            const x = Math.round(i + (cx - i) * u), y = Math.round(j + (cy - j) * u);
            if (x >= 0 && y >= 0 && x < lw && y < lh) sum += bright[y * lw + x]! * w;
            wsum += w; w *= 0.93;
          }
          const ang = Math.atan2(j - cy, i - cx);
          const shimmer = 0.55 + 0.45 * noise.noise3(ang * 7, f.t * 0.25, 0.5);
          const ray = (sum / wsum) * shimmer * amount * 1.6;
          if (ray > 0.002) add(field, j * lw + i, r * ray, g * ray, b * ray);
        }
      },
    };
  },
};
