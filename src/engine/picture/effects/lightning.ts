/**
 * lightning: at each of effect.events, a branching bolt in the sky (a thin white-hot channel with
 * forks and a blue-violet glow: shared/bolt.ts) and the flash it throws over the scene,
 * brightening the sky most — a main strike and a re-strike, gone in about 0.3 s (some 6 frames).
 * Without events, two seeded instants in its window. A picture without sky gets the flash alone
 * (lightning out of frame). params: bolt (default true; false: the flash alone), color ('#rrggbb'
 * of the glow). The flash lights the sky most; along the sky's edge (a bird, a dome) each pixel is
 * lit as far as its own colour is a sky's (shared/sky-edge.ts), so no unlit ring is left round them.
 */
import type { EffectRenderer } from './types.js';
import { add, gain } from './shared/field-ops.js';
import { dot } from './shared/draw.js';
import { makeBolt, type Bolt } from './shared/bolt.js';
import { parseColor } from './shared/color.js';
import { skyColoured, skyEdge } from './shared/sky-edge.js';

/**
 * The flash at sky weight s (0…1: the rest of the scene gets 0.3 of the sky's) and strength e (the
 * envelope × a region mask other than the sky's; confined to the sky, s is the region too):
 * out = p·(1 + GAIN·w) + LIFT·w.
 */
const flashWeight = (s: number, e: number, skyOnly: boolean) => (0.3 + 0.7 * s) * (skyOnly ? s : 1) * e;
const GAIN = [0.6, 0.62, 0.7] as const;
const LIFT = [95, 100, 118] as const;
const flash = (v: number, c: 0 | 1 | 2, w: number) => Math.min(255, Math.round(v * (1 + GAIN[c] * w) + LIFT[c] * w));
const unflash = (v: number, c: 0 | 1 | 2, w: number) => Math.max(0, (v - LIFT[c] * w) / (1 + GAIN[c] * w));

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
    // per lattice point this frame: the flash's strength (envelope × region) and the weight the
    // light field gave (sampled as the field is, so the edge's top-up meets it seamlessly); the sky's edge
    const edge = skyEdge(env), ln = env.fieldWidth * env.fieldHeight;
    const strength = new Float32Array(ln), given = new Float32Array(ln);
    const skyOnly = region === 'sky';
    let topUp = false;
    return {
      light(field, f, amount) {
        const e = flashAt(f.t) * Math.min(1, amount * 1.5);
        topUp = false;
        if (e < 0.005) return;
        const m = region && !skyOnly ? f.low.mask(region) : null;
        topUp = edge.update(f.low.mask('sky'));
        for (let k = 0; k < field.width * field.height; k++) {
          strength[k] = (m ? m[k]! : 1) * e;
          const w = (given[k] = flashWeight(edge.inner[k]!, strength[k]!, skyOnly));
          gain(field, k, 1 + GAIN[0] * w, 1 + GAIN[1] * w, 1 + GAIN[2] * w);
          add(field, k, LIFT[0] * w, LIFT[1] * w, LIFT[2] * w);
        }
      },
      overlay(f, amount) {
        // the sky's edge: each pixel lit as sky as far as its colour is a sky's, beyond what the field gave it
        if (topUp) {
          const px = f.frame8;
          edge.eachEdgePixel(f, (o, lo, hi, at) => {
            const had = at(given);
            // the pixel as it was before the flash: its own colour says how much it is sky
            const r = unflash(px[o]!, 0, had), g = unflash(px[o + 1]!, 1, had), b = unflash(px[o + 2]!, 2, had);
            const wanted = flashWeight(lo + (hi - lo) * skyColoured(r, g, b), at(strength), skyOnly);
            if (wanted <= had + 1e-3) return;
            px[o] = flash(r, 0, wanted);
            px[o + 1] = flash(g, 1, wanted);
            px[o + 2] = flash(b, 2, wanted);
          });
        }
        if (bolts.length) {
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
        }
      },
    };
  },
};
