/**
 * lights_out: at effect.events[0] the room's lights go out — a stutter or two just before (the
 * power failing), then within about 0.15 s the scene falls to what daylight or moonlight still
 * gives it: what the lamps lit loses their share of its light (params.lamp_share: 0.8 indoors or at
 * night, little outdoors by day), the sky or a window (sky mask) keeps most of its own, and with
 * params.lamps (at dusk or night, where the lights mask is lamps, not white things) the picture's
 * light sources go dark themselves. What is left is a little cooler (night light).
 * `amount` is how dark: the plan's intensity (0.85 by default). Without an event, a seeded instant
 * a third into its window.
 */
import type { EffectRenderer } from './types.js';
import { gain } from './shared/field-ops.js';

/** How far the lights are out t seconds after the instant, with the stutters before it. */
function outAt(d: number, stutters: ReadonlyArray<readonly [number, number]>): number {
  if (d >= 0) return Math.min(1, d / 0.15);
  for (const [from, len] of stutters) if (d >= from && d < from + len) return 0.7;
  return 0;
}

export const lightsOut: EffectRenderer = {
  type: 'lights_out',
  naturalRegion: null,
  masks: ['sky', 'lights'],
  create(_env, effect, rng, region) {
    const share = typeof effect.params.lamp_share === 'number' ? Math.min(1, Math.max(0, effect.params.lamp_share)) : 0.8;
    const ownLamps = effect.params.lamps === true;
    const at = effect.events[0] ?? effect.start + rng.range(0.3, 0.4) * (effect.end - effect.start);
    // one or two dips of a frame or two in the last third of a second (seeded)
    const stutters: Array<[number, number]> = [[-rng.range(0.25, 0.32), rng.range(0.04, 0.07)]];
    if (rng.next() < 0.6) stutters.push([-rng.range(0.12, 0.16), rng.range(0.03, 0.05)]);
    return {
      light(field, f, amount) {
        const dark = outAt(f.t - at, stutters) * Math.min(1, amount);
        if (dark <= 0) return;
        const sky = f.low.mask('sky'), lamps = ownLamps ? f.low.mask('lights') : null;
        const m = region ? f.low.mask(region) : null;
        for (let k = 0; k < field.width * field.height; k++) {
          const w = dark * (m ? m[k]! : 1);
          // what stays lit: daylight through the sky or a window, little of what the lamps lit, none of the lamps
          const keep = (1 - w * share * (1 - 0.7 * sky[k]!)) * (lamps ? 1 - 0.9 * w * lamps[k]! : 1);
          const cool = w * share;
          gain(field, k, keep * (1 - 0.12 * cool), keep * (1 - 0.04 * cool), keep * (1 + 0.1 * cool));
        }
      },
    };
  },
};
