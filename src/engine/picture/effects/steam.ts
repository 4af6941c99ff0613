/**
 * steam: pale wisps rising from a source (a cup, a pot, a vent) in a plume that sways, widens and
 * thins as it climbs, drawn in front of the scene. params: source_x, source_y (normalised point it
 * rises from; default the top centre of its region's box, else the frame's centre), spread (the
 * plume's half-width at its base, fraction of the width, default 0.12), speed (rise, frame heights
 * per second, default 0.06), color ('#rrggbb', default near white).
 */
import type { EffectRenderer } from './types.js';
import { haze } from './shared/field-ops.js';
import { createNoise } from './shared/noise.js';
import { parseColor } from './shared/color.js';

/** How high the plume reaches above its source, in frame heights. */
const RISE = 0.55;

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

export const steam: EffectRenderer = {
  type: 'steam',
  naturalRegion: 'subject',
  create(env, effect, rng) {
    const noise = createNoise(rng.int(2 ** 31));
    const lw = env.fieldWidth, lh = env.fieldHeight;
    const sx = num(effect.params.source_x, 0.5), sy = num(effect.params.source_y, 0.5);
    const spread = Math.max(0.03, num(effect.params.spread, 0.12)), speed = num(effect.params.speed, 0.06);
    const [r, g, b] = parseColor(effect.params.color, [240, 240, 242]);
    const aspect = env.setup.width / env.setup.height;
    return {
      light(field, f, amount) {
        for (let j = 0; j < lh; j++) {
          const v = (j + 0.5) / lh, up = sy - v; // frame heights above the source
          if (up < -0.04 || up > RISE) continue;
          const rise = Math.max(0, up) / RISE;
          // fades in just above the source and out toward the top
          const base = Math.min(1, (up + 0.04) / 0.08), top = Math.pow(1 - rise, 1.3);
          const width = spread * (0.6 + 1.6 * rise);
          const sway = 0.05 * rise * noise.noise3(up * 3 - f.t * speed * 8, f.t * 0.3, 7.1);
          for (let i = 0; i < lw; i++) {
            const u = (i + 0.5) / lw, across = (u - sx - sway) / width;
            if (across > 2.5 || across < -2.5) continue;
            const envelope = Math.exp(-across * across) * base * top;
            // wisps carried upward with the rising air
            const wisp = noise.fbm3(u * aspect * 9, (v + f.t * speed * 2.2) * 7, f.t * 0.4, 3);
            const a = amount * 3.2 * envelope * Math.max(0, 0.4 + 1.3 * wisp);
            haze(field, j * lw + i, a > 0.8 ? 0.8 : a, r, g, b);
          }
        }
      },
    };
  },
};
