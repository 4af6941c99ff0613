/**
 * lightning: at each of effect.events, a branching bolt in the sky (a thin white-hot channel with
 * forks and a blue-violet glow: shared/bolt.ts) and the flash it throws over the scene,
 * brightening the sky most — a main strike and a re-strike, gone in about 0.3 s (some 6 frames).
 * Without events, two seeded instants in its window. A picture without sky gets the flash alone
 * (lightning out of frame). params: bolt (default true; false: the flash alone), color ('#rrggbb'
 * of the glow). Where the sky meets what stands in it, the light stage lights each pixel as sky as
 * far as its colour is a sky's (kernel/sky-edge.ts).
 */
import type { EffectRenderer } from './types.js';
import { add, gain } from './shared/field-ops.js';
import { dot } from './shared/draw.js';
import { makeBolt, type Bolt } from './shared/bolt.js';
import { parseColor } from './shared/color.js';

/** The flash's strength d seconds after a strike: the strike, then a re-strike at 0.11 s. */
function flashEnvelope(d: number): number {
  if (d < 0) return 0;
  return Math.exp(-d / 0.07) + (d >= 0.11 ? 0.7 * Math.exp(-(d - 0.11) / 0.1) : 0);
}

/** The bolt's own brightness: on for the strike, out, back for the re-strike. */
function boltEnvelope(d: number): number {
  if (d < 0) return 0;
  const strike = d < 0.06 ? 1 : Math.exp(-(d - 0.06) / 0.025);
  const restrike = d >= 0.11 ? 0.85 * (d < 0.16 ? 1 : Math.exp(-(d - 0.16) / 0.04)) : 0;
  return Math.min(1, strike + restrike);
}

export const lightning: EffectRenderer = {
  type: 'lightning',
  naturalRegion: null,
  masks: ['sky'],
  create(env, effect, rng, region) {
    const events = effect.events.length ? effect.events : [rng.range(0.3, 0.5), rng.range(0.65, 0.9)].map((u) => effect.start + u * (effect.end - effect.start));
    const { width: W, height: H, canvasWidth: CW, marginX, marginY } = env.setup;
    const skyBuf = env.setup.masks.sky ? new Uint8Array(env.setup.masks.sky) : null;
    const skyAt = (x: number, y: number) => {
      if (!skyBuf) return 0;
      const cx = Math.round(x) + marginX, cy = Math.round(y) + marginY;
      if (cx < 0 || cx >= CW || cy < 0) return 1; // above the canvas: sky goes on
      return (skyBuf[cy * CW + cx] ?? 0) / 255;
    };
    const hasSky = skyBuf !== null && skyBuf.some((v) => v > 127);
    const bolts: Bolt[] = effect.params.bolt !== false && hasSky ? events.map(() => makeBolt(rng, skyAt, W, H)) : [];
    const [gr, gg, gb] = parseColor(effect.params.color, [170, 180, 255]);
    const s = Math.max(0.45, H / 1080);
    const flashAt = (t: number) => Math.min(1.2, events.reduce((e, te) => e + flashEnvelope(t - te), 0));
    return {
      light(field, f, amount) {
        const e = flashAt(f.t) * Math.min(1, amount * 1.5);
        if (e < 0.005) return;
        const sky = f.low.mask('sky');
        const m = region ? f.low.mask(region) : null;
        for (let k = 0; k < field.width * field.height; k++) {
          const w = (0.3 + 0.7 * sky[k]!) * (m ? m[k]! : 1) * e;
          gain(field, k, 1 + 0.6 * w, 1 + 0.62 * w, 1 + 0.7 * w);
          add(field, k, 95 * w, 100 * w, 118 * w);
        }
      },
      ...(bolts.length ? {
        overlay(f, amount) {
          events.forEach((te, n) => {
            const b = boltEnvelope(f.t - te) * Math.min(1, amount * 1.5);
            if (b < 0.03) return;
            for (const path of bolts[n]!.paths) {
              const p = path.points, a = b * path.weight;
              // the glow around the channel, then the white-hot core on top
              for (let i = 0; i + 3 < p.length; i += 2) {
                const len = Math.hypot(p[i + 2]! - p[i]!, p[i + 3]! - p[i + 1]!), steps = Math.max(1, Math.ceil(len / (3 * s)));
                for (let k = 0; k < steps; k++) {
                  const u = k / steps;
                  dot(f.surface, p[i]! + (p[i + 2]! - p[i]!) * u, p[i + 1]! + (p[i + 3]! - p[i + 1]!) * u, 7 * s * path.weight + 1, gr, gg, gb, 0.09 * a, true);
                }
              }
              // the core: a pixel or two wide (wider on the main channel at large sizes)
              const core = Math.max(0.6, (path.weight >= 1 ? 1.3 : 0.8) * s);
              for (let i = 0; i + 3 < p.length; i += 2) {
                const len = Math.hypot(p[i + 2]! - p[i]!, p[i + 3]! - p[i + 1]!), steps = Math.max(1, Math.ceil(len * 2));
                for (let k = 0; k < steps; k++) dot(f.surface, p[i]! + (p[i + 2]! - p[i]!) * k / steps, p[i + 1]! + (p[i + 3]! - p[i + 1]!) * k / steps, core, 252, 252, 255, Math.min(1, a), false);
              }
            }
          });
        },
      } : {}),
    };
  },
};
