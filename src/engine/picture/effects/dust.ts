/**
 * dust: motes floating in the air, lit by the scene. Fine specks at several depths drift on slow
 * wandering paths (nearer ones larger and quicker) and catch the light in brief glints as they
 * tumble — brighter where the picture is lit; a few drift close past the lens as soft
 * out-of-focus discs. params: none (color '#rrggbb' tints the light).
 */
import type { EffectRenderer } from './types.js';
import { disc, dot } from './shared/draw.js';
import { parseColor } from './shared/color.js';
import { mod, regionWeight, scaledCount, seedParticles, visibleCount } from './shared/particles.js';
import type { Random } from '../../util/random.js';

/** A mote's seeded path: a slow drift plus two wanders (air currents, then Brownian jitter). */
function path(rng: Random, W: number, H: number, speed: number) {
  return {
    x: rng.next() * W, y: rng.next() * H,
    vx: (rng.next() < 0.5 ? -1 : 1) * rng.range(0.3, 1) * speed * W, vy: rng.range(-0.4, 1) * speed * H,
    ax: rng.range(0.01, 0.03) * W, ay: rng.range(0.01, 0.025) * H, fx: rng.range(0.05, 0.15), fy: rng.range(0.04, 0.12),
    jx: rng.range(0.001, 0.003) * W, jy: rng.range(0.001, 0.003) * W, fj: rng.range(0.3, 0.7),
    px: rng.next() * 6.283, py: rng.next() * 6.283,
    glint: rng.range(0.3, 1.1), gp: rng.next() * 6.283,
  };
}

function at(p: ReturnType<typeof path>, t: number, W: number, H: number, pad: number): [number, number] {
  const x = p.x + p.vx * t + p.ax * Math.sin(6.283 * p.fx * t + p.px) + p.jx * Math.sin(6.283 * p.fj * t + p.py * 3);
  const y = p.y + p.vy * t + p.ay * Math.sin(6.283 * p.fy * t + p.py) + p.jy * Math.cos(6.283 * p.fj * 1.3 * t + p.px * 3);
  return [mod(x + pad, W + 2 * pad) - pad, mod(y + pad, H + 2 * pad) - pad];
}

/** How lit the air is at (x, y): the picture's light there, relative to the frame's. */
function lightAt(luma: Float32Array, mean: number, cell: number, lw: number, lh: number, x: number, y: number): number {
  const i = Math.min(lw - 1, Math.max(0, Math.floor(x / cell))), j = Math.min(lh - 1, Math.max(0, Math.floor(y / cell)));
  return Math.min(1.4, 0.6 + 0.4 * luma[j * lw + i]! / mean);
}

export const dust: EffectRenderer = {
  type: 'dust',
  naturalRegion: null,
  surfaceOnly: true,
  create(env, effect, rng, region) {
    const { width: W, height: H } = env.setup;
    const s = H / 720;
    const [cr, cg, cb] = parseColor(effect.params.color, [255, 240, 214]);
    const motes = seedParticles(scaledCount(300 + 700 * effect.intensity, W, H), () => {
      const z = rng.next() ** 1.5;
      return { ...path(rng, W, H, 0.004 + 0.01 * z), r: (1 + 1.6 * z) * s, alpha: 0.5 + 0.5 * z };
    });
    // close to the lens: big, faint, quick, never in focus
    const near = seedParticles(Math.max(3, Math.round(scaledCount(10 + 20 * effect.intensity, W, H) * 0.6)), () => ({
      ...path(rng, W, H, 0.05), r: rng.range(0.014, 0.034) * H, alpha: rng.range(0.09, 0.17), sides: rng.next() < 0.5 ? 0 : 6,
    }));
    const lw = env.fieldWidth, lh = env.fieldHeight, cell = env.fieldCell;
    return {
      overlay(f, amount) {
        const luma = f.low.luma();
        let mean = 0;
        for (let k = 0; k < luma.length; k++) mean += luma[k]!;
        mean = Math.max(0.08, mean / luma.length);
        const fade = Math.min(1, 0.3 + amount);
        const n = visibleCount(motes.length, amount);
        for (let i = 0; i < n; i++) {
          const m = motes[i]!;
          const [x, y] = at(m, f.t, W, H, 4);
          const w = regionWeight(f, region, x, y, cell, lw, lh);
          if (w <= 0.02) continue;
          // a glint: the mote's facet turning to the light, a short bright peak over a dim base
          const g = 0.55 + 1.5 * Math.max(0, Math.sin(6.283 * m.glint * f.t + m.gp)) ** 6;
          const a = m.alpha * g * w * fade * lightAt(luma, mean, cell, lw, lh, x, y);
          dot(f.surface, x, y, m.r, cr, cg, cb, Math.min(1, a), true);
        }
        for (let i = 0; i < Math.round(near.length * Math.min(1, 0.3 + amount)); i++) {
          const m = near[i]!;
          const [x, y] = at(m, f.t, W, H, m.r);
          const w = regionWeight(f, region, x, y, cell, lw, lh);
          if (w <= 0.02) continue;
          const g = 0.7 + 0.3 * Math.sin(6.283 * m.glint * f.t + m.gp);
          const a = m.alpha * g * w * fade * lightAt(luma, mean, cell, lw, lh, x, y);
          disc(f.surface, x, y, m.r, cr, cg, cb, a, { sides: m.sides, angle: m.gp, rim: 0.35, soft: m.r * 0.25 });
        }
      },
    };
  },
};
