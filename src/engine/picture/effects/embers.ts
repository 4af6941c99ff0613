/**
 * embers: glowing sparks rising from below on the warm updraft, swaying, flickering and fading
 * as they climb. params: none.
 */
import type { EffectRenderer } from './types.js';
import { dot } from './shared/draw.js';
import { mod, regionWeight, scaledCount, seedParticles, visibleCount } from './shared/particles.js';

export const embers: EffectRenderer = {
  type: 'embers',
  naturalRegion: null,
  surfaceOnly: true,
  create(env, effect, rng, region) {
    const { width: W, height: H } = env.setup;
    const s = H / 1080;
    const sparks = seedParticles(scaledCount(80 + 380 * effect.intensity, W, H), () => ({
      x: rng.next() * W, y: rng.next(), r: rng.range(0.8, 2) * s + 0.3, speed: rng.range(0.08, 0.28) * H,
      sway: rng.range(0.005, 0.02) * W, sf: rng.range(0.4, 1.2), sp: rng.next() * 6.283, fl: rng.range(5, 11), fp: rng.next() * 6.283,
      g: rng.range(90, 170),
    }));
    return {
      overlay(f, amount) {
        const n = visibleCount(sparks.length, amount);
        const span = H * 1.15;
        for (let i = 0; i < n; i++) {
          const p = sparks[i]!;
          const climb = mod(p.y * span + p.speed * f.t, span);
          const y = H + 5 - climb;
          const x = p.x + p.sway * Math.sin(6.283 * p.sf * f.t + p.sp);
          const life = 1 - climb / span;
          const w = regionWeight(f, region, x, y, env.fieldCell, env.fieldWidth, env.fieldHeight);
          const flick = 0.65 + 0.35 * Math.sin(6.283 * p.fl * f.t + p.fp);
          if (w > 0.02) dot(f.surface, x, y, p.r, 255, p.g, 40, 0.9 * life * flick * w * Math.min(1, 0.3 + amount), true);
        }
      },
    };
  },
};
