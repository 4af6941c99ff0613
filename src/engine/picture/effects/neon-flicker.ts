/**
 * neon_flicker: lit signs (lights mask) buzz and, now and then, stutter off for a frame or three.
 * The stutters are seeded instants, so the sound director could time a buzz to them.
 */
import type { EffectRenderer } from './types.js';
import { gain } from './shared/field-ops.js';
import { spill } from './shared/spill.js';

export const neonFlicker: EffectRenderer = {
  type: 'neon_flicker',
  naturalRegion: 'lights',
  create(env, effect, rng, region) {
    const n = env.fieldWidth * env.fieldHeight;
    const soft = new Float32Array(n), tmp = new Float32Array(n);
    const drops: Array<[number, number]> = [];
    for (let t = effect.start + rng.range(0.3, 1.2); t < effect.end + 1; t += rng.range(0.6, 2.2)) {
      drops.push([t, rng.range(1, 3.5) / env.setup.fps]);
    }
    return {
      light(field, f, amount) {
        let off = 0;
        for (const [t0, len] of drops) if (f.t >= t0 && f.t < t0 + len) off = 1;
        const level = 1 - 0.7 * off + 0.05 * Math.sin(6.283 * 11.3 * f.t);
        const m = f.low.mask(region ?? 'lights');
        spill(m, field.width, field.height, field.width / 50, soft, tmp);
        for (let k = 0; k < n; k++) {
          const w = Math.min(1, m[k]! + soft[k]!);
          if (w <= 0.001) continue;
          const g = 1 + (level - 1) * amount * w;
          gain(field, k, g, g, g);
        }
      },
    };
  },
};
