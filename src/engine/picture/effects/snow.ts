/**
 * snow: soft flakes drifting down with a gentle sideways sway; near flakes are bigger and faster.
 * params: wind (−1 … 1, default 0.05); behind (nearness 0…1: the snow falls behind everything
 * nearer — "outside the window" — see shared/behind.ts).
 */
import type { EffectRenderer } from './types.js';
import { dot } from './shared/draw.js';
import { behindOf, behindSurface } from './shared/behind.js';
import { mod, regionWeight, scaledCount, seedParticles, visibleCount } from './shared/particles.js';

export const snow: EffectRenderer = {
  type: 'snow',
  naturalRegion: null,
  surfaceOnly: true,
  masks: ['subject'],
  create(env, effect, rng, region) {
    const { width: W, height: H } = env.setup;
    const s = H / 1080;
    const wind = typeof effect.params.wind === 'number' ? effect.params.wind : 0.05;
    const flakes = seedParticles(scaledCount(150 + 650 * effect.intensity, W, H), () => {
      const z = rng.next();
      return {
        x: rng.next(), y: rng.next(), z, r: (0.9 + 2.6 * z * z) * s + 0.4, speed: (0.05 + 0.13 * z) * H,
        swayA: (0.004 + 0.01 * z) * W, swayF: rng.range(0.2, 0.7), phase: rng.next() * 6.283, alpha: 0.45 + 0.45 * z,
      };
    });
    const behind = behindOf(effect.params), scratch = new Float32Array(env.fieldWidth * env.fieldHeight);
    return {
      overlay(f, amount) {
        const surface = behindSurface(f, behind, env, scratch) ?? f.surface;
        const n = visibleCount(flakes.length, amount);
        for (let i = 0; i < n; i++) {
          const p = flakes[i]!;
          const y = mod(p.y * (H + 20) + p.speed * f.t, H + 20) - 10;
          const x = mod(p.x * W + wind * p.speed * f.t + p.swayA * Math.sin(6.283 * p.swayF * f.t + p.phase), W + 20) - 10;
          const w = regionWeight(f, region, x, y, env.fieldCell, env.fieldWidth, env.fieldHeight);
          if (w > 0.02) dot(surface, x, y, p.r, 250, 252, 255, p.alpha * w * Math.min(1, 0.3 + amount), false);
        }
      },
    };
  },
};
