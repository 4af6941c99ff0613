/**
 * Falling flat shapes (leaves, petals): tumbling ellipses that sway and spin on their way down.
 *
 * @example fallingShapes({ palette: [[190, 90, 30]], size: [5, 11], speed: [0.06, 0.14], base: 40 })
 */
import type { EffectRenderer } from '../types.js';
import type { EffectType } from '../../../plan.js';
import { ellipse } from './draw.js';
import { mod, regionWeight, scaledCount, seedParticles, visibleCount } from './particles.js';

export interface FallingShapeStyle {
  type: EffectType;
  palette: Array<[number, number, number]>;
  /** semi-major axis range at 1080p, px */
  size: [number, number];
  /** fall speed range, frame heights per second */
  speed: [number, number];
  /** particle count at intensity 1, 1080p */
  base: number;
  /** minor/major axis ratio */
  aspect: number;
}

export function fallingShapes(style: FallingShapeStyle): EffectRenderer {
  return {
    type: style.type,
    naturalRegion: null,
    surfaceOnly: true,
    create(env, effect, rng, region) {
      const { width: W, height: H } = env.setup;
      const s = H / 1080;
      const wind = typeof effect.params.wind === 'number' ? effect.params.wind : 0.2;
      const items = seedParticles(scaledCount(style.base * (0.3 + 0.7 * effect.intensity), W, H), () => {
        const c = style.palette[rng.int(style.palette.length)]!;
        const shade = rng.range(0.8, 1.1);
        return {
          x: rng.next(), y: rng.next(), a: rng.range(style.size[0], style.size[1]) * s + 1.5,
          speed: rng.range(style.speed[0], style.speed[1]) * H, sway: rng.range(0.02, 0.05) * W, sf: rng.range(0.2, 0.5),
          sp: rng.next() * 6.283, spin: rng.range(-2, 2), rot: rng.next() * 6.283, flip: rng.range(0.8, 2),
          c: [Math.min(255, c[0] * shade), Math.min(255, c[1] * shade), Math.min(255, c[2] * shade)] as const,
        };
      });
      return {
        overlay(f, amount) {
          const n = visibleCount(items.length, amount);
          for (let i = 0; i < n; i++) {
            const p = items[i]!;
            const span = H + 4 * p.a;
            const y = mod(p.y * span + p.speed * f.t, span) - 2 * p.a;
            const x = mod(p.x * W + wind * p.speed * f.t + p.sway * Math.sin(6.283 * p.sf * f.t + p.sp), W + 4 * p.a) - 2 * p.a;
            const w = regionWeight(f, region, x, y, env.fieldCell, env.fieldWidth, env.fieldHeight);
            if (w <= 0.02) continue;
            // tumbling: the visible width breathes as the shape flips
            const b = p.a * style.aspect * (0.35 + 0.65 * Math.abs(Math.cos(p.flip * f.t + p.sp)));
            ellipse(f.surface, x, y, p.a, b, p.rot + p.spin * f.t, p.c[0], p.c[1], p.c[2], 0.92 * w * Math.min(1, 0.3 + amount));
          }
        },
      };
    },
  };
}
