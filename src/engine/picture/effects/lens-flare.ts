/**
 * lens_flare: the dominant light blooms and throws a chain of coloured ghosts through the frame
 * centre, with a faint anamorphic streak; it follows the light as the camera moves and fades as
 * the light leaves the frame.
 */
import type { EffectRenderer } from './types.js';
import { dot, streak } from './shared/draw.js';
import { lightOnScreen } from './shared/light-source.js';

const GHOSTS: Array<[number, number, [number, number, number], number]> = [
  // position along source→centre→beyond, radius (frame heights), colour, opacity
  [0.45, 0.018, [255, 210, 150], 0.22],
  [0.8, 0.05, [140, 200, 255], 0.1],
  [1.25, 0.03, [190, 255, 190], 0.13],
  [1.55, 0.08, [255, 170, 200], 0.07],
  [1.9, 0.024, [200, 190, 255], 0.16],
];

export const lensFlare: EffectRenderer = {
  type: 'lens_flare',
  naturalRegion: null,
  create(env) {
    const sun = env.setup.sun;
    const [lr, lg, lb] = sun?.color ?? [255, 236, 205];
    return {
      overlay(f, amount) {
        const { width: W, height: H } = f;
        const src = lightOnScreen(f, sun) ?? { x: W * 0.78, y: H * 0.18 };
        const inside = Math.max(0, 1 - Math.max(0, -src.x, src.x - W, -src.y, src.y - H) / (0.15 * W));
        // a real source breathes a little (air, heat shimmer), so the flare is never frozen
        const a = amount * inside * (0.9 + 0.1 * Math.sin(6.283 * 0.7 * f.t));
        if (a <= 0.01) return;
        const cx = W / 2, cy = H / 2;
        dot(f.frame8, W, H, src.x, src.y, H * 0.1, lr, lg, lb, 0.5 * a, true);
        dot(f.frame8, W, H, src.x, src.y, H * 0.025, 255, 255, 255, 0.8 * a, true);
        streak(f.frame8, W, H, src.x - W * 0.25, src.y, src.x + W * 0.25, src.y, 190, 210, 255, 0.12 * a, true);
        for (const [u, rad, c, op] of GHOSTS) {
          dot(f.frame8, W, H, src.x + (cx - src.x) * u, src.y + (cy - src.y) * u, rad * H, c[0], c[1], c[2], op * a, true);
        }
      },
    };
  },
};
