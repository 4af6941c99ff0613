/**
 * fire_glow: the warm, flickering light of a fire. The source is the region (the picture's lights)
 * or, without one, a fire just below the frame; its light spills onto nearby surfaces, warming
 * them (a gain, so lit things catch it and black stays black) and a little of the air around the
 * flames (an added glow). The fire breathes unevenly — a slow swell under a quick flicker — and
 * the light wanders across the surfaces as the flames shift. params: color, flicker_hz, flicker.
 */
import type { EffectRenderer } from './types.js';
import { add, gain } from './shared/field-ops.js';
import { flicker } from './shared/flicker.js';
import { createNoise } from './shared/noise.js';
import { parseColor } from './shared/color.js';
import { spill } from './shared/spill.js';

export const fireGlow: EffectRenderer = {
  type: 'fire_glow',
  naturalRegion: null,
  create(env, effect, rng, region) {
    const num = (v: unknown, d: number) => (typeof v === 'number' ? v : d);
    const hz = num(effect.params.flicker_hz, 7), depth = Math.min(1, Math.max(0, num(effect.params.flicker, 0.35)));
    const [r, g, b] = parseColor(effect.params.color, [255, 138, 58]);
    const fast = flicker(rng, hz), slow = flicker(rng, hz / 6);
    const noise = createNoise(rng.int(2 ** 31));
    const lw = env.fieldWidth, lh = env.fieldHeight, n = lw * lh;
    const near = new Float32Array(n), far = new Float32Array(n), tmp = new Float32Array(n);
    const scale = 4 / lw;
    // without a region the fire is below the frame: its light rises from the bottom edge
    const below = new Float32Array(n);
    for (let j = 0; j < lh; j++) below.fill(0.8 * Math.pow(j / (lh - 1), 2.2), j * lw, (j + 1) * lw);
    return {
      light(field, f, amount) {
        let src = below;
        if (region) {
          // light falls off from the sources: a tight pool near them and a wide, dim reach
          const m = f.low.mask(region);
          spill(m, lw, lh, lw / 40, near, tmp);
          spill(spill(m, lw, lh, lw / 12, far, tmp), lw, lh, lw / 12, far, tmp); // four box passes: no square-ish rings
          let pn = 1e-6, pf = 1e-6;
          for (let k = 0; k < n; k++) { pn = Math.max(pn, near[k]!); pf = Math.max(pf, far[k]!); }
          for (let k = 0; k < n; k++) tmp[k] = Math.min(1, 0.2 * m[k]! + 0.65 * near[k]! / pn + 0.5 * far[k]! / pf);
          src = tmp;
        }
        const t = f.t;
        const breath = 1 + depth * (0.65 * fast(t) + 0.45 * slow(t));
        for (let j = 0; j < lh; j++) for (let i = 0; i < lw; i++) {
          const k = j * lw + i;
          const w0 = src[k]!;
          if (w0 < 0.004) continue;
          // flames shift: the light's strength wanders across the surfaces, quicker than it drifts
          const wander = 1 + depth * 0.9 * noise.noise3(i * scale, j * scale, t * hz * 0.3);
          const a = amount * w0 * Math.max(0, breath * wander);
          gain(field, k, 1 + a * 0.75 * (r / 255), 1 + a * 0.75 * (g / 255), 1 + a * 0.75 * (b / 255));
          add(field, k, 0.1 * a * r, 0.1 * a * g, 0.1 * a * b);
        }
      },
    };
  },
};
