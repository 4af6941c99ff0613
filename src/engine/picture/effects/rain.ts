/**
 * rain: falling streaks in three depth layers (near drops are longer, faster, brighter), slanted
 * by the wind. params: wind (−1 … 1, default 0.15; + blows to the right); behind (nearness 0…1:
 * the rain falls behind everything nearer — "outside the window" — see shared/behind.ts).
 */
import type { EffectRenderer } from './types.js';
import { streak } from './shared/draw.js';
import { behindOf, behindSurface } from './shared/behind.js';
import { mod, regionWeight, scaledCount, seedParticles, visibleCount } from './shared/particles.js';

export const rain: EffectRenderer = {
  type: 'rain',
  naturalRegion: null,
  surfaceOnly: true,
  masks: ['subject'],
  create(env, effect, rng, region) {
    const { width: W, height: H, fps } = env.setup;
    const wind = typeof effect.params.wind === 'number' ? effect.params.wind : 0.15;
    const drops = seedParticles(scaledCount(200 + 1100 * effect.intensity, W, H), () => {
      const z = rng.next();
      const speed = (1.3 + 1.6 * z) * H; // px per second
      return { x: rng.next(), y: rng.next(), z, speed, len: Math.max(3, speed / fps * (0.45 + 0.4 * z)), alpha: 0.2 + 0.35 * z, wide: z > 0.7, tint: rng.range(-12, 12) };
    });
    const behind = behindOf(effect.params), scratch = new Float32Array(env.fieldWidth * env.fieldHeight);
    return {
      overlay(f, amount) {
        const surface = behindSurface(f, behind, env, scratch) ?? f.surface;
        const n = visibleCount(drops.length, amount);
        for (let i = 0; i < n; i++) {
          const d = drops[i]!;
          const span = H + d.len;
          const y = mod(d.y * span + d.speed * f.t, span) - d.len * 0.5;
          const x = mod(d.x * W + wind * d.speed * f.t, W + 40) - 20;
          const w = regionWeight(f, region, x, y, env.fieldCell, env.fieldWidth, env.fieldHeight);
          if (w <= 0.02) continue;
          const c = 205 + d.tint;
          const a = d.alpha * w * Math.min(1, 0.4 + amount);
          streak(surface, x - wind * d.len, y - d.len, x, y, c, c + 5, c + 15, a, false);
          // near drops are wider than a pixel
          if (d.wide && W > 640) streak(surface, x + 1 - wind * d.len, y - d.len, x + 1, y, c, c + 5, c + 15, a * 0.6, false);
        }
      },
    };
  },
};
