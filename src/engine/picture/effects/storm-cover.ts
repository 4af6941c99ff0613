/**
 * A storm's cloud cover over the sky (the clouds effect's `cover` param): the sky greys and darkens
 * under billowing slate cloud, and the light over the rest of the scene dims a little, as under an
 * overcast sky.
 *
 * The light field is coarse (a lattice cell is several pixels), so a sky edge — a tower, a roof,
 * a bird — falls inside its cells, and the sky mask itself stops a little short of it. Cells wholly
 * in the sky are hazed on the light field; along the sky's edge (from a cell inside the mask to
 * REACH cells beyond it) each pixel is hazed in the overlay stage as far as its own colour is a
 * sky's, so the edge keeps no band of the clear sky around what stands in front of it, and what
 * stands there is not greyed.
 *
 * @example const cover = stormCover(env, effect, seed, 'sky', +1, 0.8); // { light, overlay }
 */
import type { Effect } from '../../plan.js';
import type { MaskRegion } from '../types.js';
import type { EffectEnv, EffectInstance, FrameEnv, LightField } from './types.js';
import { createNoise } from './shared/noise.js';
import { gain, haze } from './shared/field-ops.js';

/** Storm cloud: a slate grey, the sky's own light turned down (thick cloud darker), a little cool. */
const STORM_TINT = [0.97, 1, 1.08] as const;

/** The grey a storm turns a sky pixel of this luma (0…255) toward, under cloud this thick (0…1). */
const stormGrey = (luma: number, thick: number) => Math.min(200, luma * (0.62 - 0.22 * thick) + 8);

/**
 * How far (lattice cells) beyond the sky mask a sky-coloured pixel is still hazed: the mask stops a
 * few analysis pixels short of what stands in front of the sky (its edges read as texture), about
 * two cells at any output size (a cell is 1/240 of the width, an analysis pixel 1/512).
 */
const REACH = 5;

/** How much of a storm's haze reaches a sky pixel: thicker cloud covers more. */
const coverOpacity = (thick: number) => 0.7 + 0.25 * thick;

/** 0…1: how much a pixel's colour is a sky's (blue, or a bright cool grey) — colour alone, for the sky's edge. */
export function skyColoured(r: number, g: number, b: number): number {
  const max = Math.max(r, g, b), min = Math.min(r, g, b);
  const sat = max > 0 ? (max - min) / max : 0, luma = 0.299 * r + 0.587 * g + 0.114 * b;
  if (b < r - 8 || luma < 12) return 0;
  // blue: clearly more blue than red, not a dark blue-black
  const blue = Math.min(1, Math.max(0, (b - r) / 30)) * Math.min(1, Math.max(0, (sat - 0.08) / 0.1)) * Math.min(1, luma / 40);
  // overcast or hazy: bright, nearly grey, not warm
  const grey = luma > 115 && sat < 0.22 ? Math.min(1, (0.22 - sat) / 0.1) * Math.min(1, (luma - 115) / 40) : 0;
  return Math.max(blue, grey);
}

export function stormCover(env: EffectEnv, effect: Effect, seed: number, region: MaskRegion | null, dir: number, cover: number): Required<Pick<EffectInstance, 'light' | 'overlay'>> {
  const noise = createNoise(seed);
  const lw = env.fieldWidth, lh = env.fieldHeight, cell = env.fieldCell, ln = lw * lh;
  const lscale = 2.5 / lw;
  // this frame's lattice: the sky shrunk and grown by a cell, the cloud's thickness, the haze strength
  const inner = new Float32Array(ln), outer = new Float32Array(ln), thickness = new Float32Array(ln);
  let strength = 0, edge = false;
  const line = new Float32Array(ln);
  /** `out` = the min or max of `m` over a (2r+1)² square of lattice points (separable). */
  const spread = (m: Float32Array, out: Float32Array, pick: (a: number, b: number) => number, r: number) => {
    for (let j = 0; j < lh; j++) for (let i = 0; i < lw; i++) {
      let v = m[j * lw + i]!;
      for (let a = Math.max(0, i - r); a <= Math.min(lw - 1, i + r); a++) v = pick(v, m[j * lw + a]!);
      line[j * lw + i] = v;
    }
    for (let j = 0; j < lh; j++) for (let i = 0; i < lw; i++) {
      let v = line[j * lw + i]!;
      for (let b = Math.max(0, j - r); b <= Math.min(lh - 1, j + r); b++) v = pick(v, line[b * lw + i]!);
      out[j * lw + i] = v;
    }
  };

  return {
    light(field: LightField, f: FrameEnv, amount: number) {
      strength = Math.min(1, amount / Math.max(effect.intensity, 1e-3)) * cover;
      const sky = f.low.mask(region ?? 'sky'), lum = f.low.luma();
      const drift = -dir * f.t * 0.03;
      edge = false;
      spread(sky, inner, Math.min, 1);
      spread(sky, outer, Math.max, REACH);
      for (let j = 0; j < lh; j++) for (let i = 0; i < lw; i++) {
        const k = j * lw + i, lo = inner[k]!, hi = outer[k]!;
        if (hi - lo > 0.01) edge = true;
        // the scene under the storm: a little less light everywhere
        gain(field, k, 1 - 0.16 * strength, 1 - 0.15 * strength, 1 - 0.13 * strength);
        if (hi <= 0.01) { thickness[k] = 0; continue; }
        const n = noise.fbm3(i * lscale + drift, j * lscale * 1.8, f.t * 0.05, 4); // about −0.6 … 0.6
        const thick = Math.min(1, Math.max(0, 0.5 + 0.9 * n));
        thickness[k] = thick;
        if (lo <= 0.01) continue;
        // toward grey at the sky's own brightness, turned down: greyer and darker, whatever the sky
        const grey = stormGrey(lum[k]! * 255, thick);
        haze(field, k, lo * strength * coverOpacity(thick), grey * STORM_TINT[0], grey * STORM_TINT[1], grey * STORM_TINT[2]);
      }
    },
    overlay(f: FrameEnv) {
      if (!edge || strength <= 0) return;
      const px = f.frame8, W = f.width, H = f.height;
      // lattice point i sits at output x = (i + ½)·cell − ½ (as the light field's composite)
      for (let j = 0; j + 1 < lh; j++) for (let i = 0; i + 1 < lw; i++) {
        const k = j * lw + i;
        const gap = (q: number) => outer[q]! - inner[q]!;
        if (gap(k) <= 0.01 && gap(k + 1) <= 0.01 && gap(k + lw) <= 0.01 && gap(k + lw + 1) <= 0.01) continue;
        const x0 = Math.max(0, Math.ceil((i + 0.5) * cell - 0.5)), x1 = Math.min(W, Math.ceil((i + 1.5) * cell - 0.5));
        const y0 = Math.max(0, Math.ceil((j + 0.5) * cell - 0.5)), y1 = Math.min(H, Math.ceil((j + 1.5) * cell - 0.5));
        for (let y = y0; y < y1; y++) {
          const v = (y + 0.5) / cell - 0.5 - j;
          for (let x = x0; x < x1; x++) {
            const u = (x + 0.5) / cell - 0.5 - i;
            const at = (arr: Float32Array) => (arr[k]! * (1 - u) + arr[k + 1]! * u) * (1 - v) + (arr[k + lw]! * (1 - u) + arr[k + lw + 1]! * u) * v;
            const lo = at(inner), hi = at(outer);
            if (hi - lo <= 0.01) continue;
            const o = (y * W + x) * 4;
            const r = px[o]!, g = px[o + 1]!, b = px[o + 2]!;
            const thick = at(thickness), opacity = strength * coverOpacity(thick);
            // the haze this pixel should have, beyond what the light field gave it (hazes compose)
            const applied = lo * opacity, target = (lo + (hi - lo) * skyColoured(r, g, b)) * opacity;
            if (target <= applied + 1e-3) continue;
            const a = 1 - (1 - target) / (1 - applied);
            const grey = stormGrey(0.299 * r + 0.587 * g + 0.114 * b, thick);
            px[o] = Math.round(r + (grey * STORM_TINT[0] - r) * a);
            px[o + 1] = Math.round(g + (grey * STORM_TINT[1] - g) * a);
            px[o + 2] = Math.round(Math.min(255, b + (grey * STORM_TINT[2] - b) * a));
          }
        }
      }
    },
  };
}
