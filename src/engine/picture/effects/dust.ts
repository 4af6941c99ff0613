/**
 * dust: lit motes floating in the air, drifting slowly on smooth random paths and glinting as
 * they turn. params: none.
 */
import type { EffectRenderer } from './types.js';
import { dot } from './shared/draw.js';
import { mod, regionWeight, scaledCount, seedParticles, visibleCount } from './shared/particles.js';

export const dust: EffectRenderer = {
  type: 'dust',
  naturalRegion: null,
  create(env, effect, rng, region) {
    const { width: W, height: H } = env.setup;
    const s = H / 1080;
    const motes = seedParticles(scaledCount(100 + 400 * effect.intensity, W, H), () => {
      const z = rng.next();
      return {
        x: rng.next() * W, y: rng.next() * H, r: (0.7 + 1.6 * z) * s + 0.3,
        ax: rng.range(0.01, 0.03) * W, ay: rng.range(0.01, 0.025) * H, fx: rng.range(0.05, 0.15), fy: rng.range(0.04, 0.12),
        px: rng.next() * 6.283, py: rng.next() * 6.283, vx: rng.range(-0.01, 0.01) * W, vy: rng.range(-0.004, 0.012) * H,
        glint: rng.range(0.4, 1.3), gp: rng.next() * 6.283, alpha: 0.25 + 0.45 * z,
      };
    });
    return {
      overlay(f, amount) {
        const n = visibleCount(motes.length, amount);
        for (let i = 0; i < n; i++) {
          const m = motes[i]!;
          const x = mod(m.x + m.vx * f.t + m.ax * Math.sin(6.283 * m.fx * f.t + m.px), W);
          const y = mod(m.y + m.vy * f.t + m.ay * Math.sin(6.283 * m.fy * f.t + m.py), H);
          const w = regionWeight(f, region, x, y, env.fieldCell, env.fieldWidth, env.fieldHeight);
          const g = 0.55 + 0.45 * Math.sin(6.283 * m.glint * f.t + m.gp);
          if (w > 0.02) dot(f.frame8, W, H, x, y, m.r, 255, 238, 205, m.alpha * g * w * Math.min(1, 0.3 + amount), true);
        }
      },
    };
  },
};
