/**
 * lens_flare: the dominant light blooms (a hot core in a wide soft veil), throws a fine starburst
 * and a chain of aperture-shaped ghosts along the axis through the frame centre — small and warm
 * near the source, larger, cooler and fainter beyond it, and a wide faint ring — with a long
 * anamorphic streak when asked for (a faint one otherwise). The source shimmers, so the bloom,
 * the rays and the ghosts breathe with it even on a locked-off shot; the flare follows the light
 * as the camera moves and fades as the light leaves the frame. params: color, anamorphic.
 */
import type { EffectRenderer } from './types.js';
import { disc, streak } from './shared/draw.js';
import { lightOnScreen } from './shared/light-source.js';
import { parseColor } from './shared/color.js';
import { flicker } from './shared/flicker.js';

type RGB = [number, number, number];
const GHOSTS: Array<{ u: number; r: number; c: RGB; a: number; rim: number }> = [
  // position along source→centre→beyond, radius (frame heights), colour, opacity, rim
  { u: 0.3, r: 0.014, c: [255, 200, 140], a: 0.2, rim: 0 },
  { u: 0.55, r: 0.035, c: [255, 175, 90], a: 0.12, rim: 0.3 },
  { u: 0.82, r: 0.02, c: [170, 255, 180], a: 0.16, rim: 0 },
  { u: 1.12, r: 0.065, c: [120, 190, 255], a: 0.075, rim: 0.5 },
  { u: 1.32, r: 0.026, c: [210, 170, 255], a: 0.15, rim: 0 },
  { u: 1.65, r: 0.11, c: [255, 150, 200], a: 0.05, rim: 0.7 },
  { u: 2.05, r: 0.042, c: [130, 170, 255], a: 0.1, rim: 0.2 },
];

/** Additive glow with a soft (1 + (d/r)²)⁻² falloff, cut off at `reach` × r. */
function bloom(f: Uint8Array, W: number, H: number, x: number, y: number, r: number, reach: number, c: RGB, alpha: number): void {
  const R = r * reach;
  const x0 = Math.max(0, Math.floor(x - R)), x1 = Math.min(W - 1, Math.ceil(x + R));
  const y0 = Math.max(0, Math.floor(y - R)), y1 = Math.min(H - 1, Math.ceil(y + R));
  const ir2 = 1 / (r * r), cut = 1 / (1 + reach * reach) ** 2;
  for (let py = y0; py <= y1; py++) for (let px = x0; px <= x1; px++) {
    const q = 1 / (1 + ((px - x) ** 2 + (py - y) ** 2) * ir2);
    const v = (q * q - cut) * alpha;
    if (v <= 0.002) continue;
    const o = (py * W + px) * 4;
    for (let k = 0; k < 3; k++) { const s = f[o + k]! + c[k]! * v; f[o + k] = s > 255 ? 255 : s; }
  }
}

export const lensFlare: EffectRenderer = {
  type: 'lens_flare',
  naturalRegion: null,
  create(env, effect, rng) {
    const sun = env.setup.sun;
    const light = parseColor(effect.params.color, sun?.color ?? [255, 236, 205]);
    // the flare's colour: the light's, lifted toward white (a flare is brighter than its hue)
    const tint = light.map((v) => 90 + 0.65 * v) as RGB;
    const anamorphic = effect.params.anamorphic === true;
    const shimmer = flicker(rng, 1.3);
    const rays = Array.from({ length: 10 }, (_, i) => ({
      angle: (i / 10) * 6.283 + rng.range(-0.15, 0.15), len: rng.range(0.08, 0.2), hz: rng.range(1, 3), p: rng.next() * 6.283,
    }));
    return {
      overlay(f, amount) {
        const { width: W, height: H } = f;
        const px = f.frame8;
        const src = lightOnScreen(f, sun) ?? { x: W * 0.78, y: H * 0.18 };
        const inside = Math.max(0, 1 - Math.max(0, -src.x, src.x - W, -src.y, src.y - H) / (0.15 * W));
        const breath = 1 + 0.18 * shimmer(f.t);
        const a = Math.min(1, amount * 1.6) * inside * breath;
        if (a <= 0.01) return;
        const cx = W / 2, cy = H / 2;
        bloom(px, W, H, src.x, src.y, H * 0.06, 6, tint, 0.65 * a);
        bloom(px, W, H, src.x, src.y, H * 0.012, 4, [255, 255, 255], 0.9 * a);
        for (const r of rays) {
          const len = r.len * H * (0.75 + 0.25 * Math.sin(6.283 * r.hz * f.t + r.p)) * (0.6 + 0.4 * a);
          streak(f.surface, src.x + Math.cos(r.angle) * len, src.y + Math.sin(r.angle) * len, src.x, src.y, tint[0], tint[1], tint[2], 0.35 * a, true);
        }
        const span = W * (anamorphic ? 0.45 : 0.2);
        for (const side of [-1, 1]) streak(f.surface, src.x + side * span, src.y, src.x, src.y, 150, 190, 255, (anamorphic ? 0.5 : 0.16) * a, true);
        for (const g of GHOSTS) {
          const gx = src.x + (cx - src.x) * g.u, gy = src.y + (cy - src.y) * g.u;
          disc(f.surface, gx, gy, g.r * H, g.c[0], g.c[1], g.c[2], g.a * a, { sides: 6, angle: 0.3, rim: g.rim, soft: Math.max(1.5, g.r * H * 0.18) });
        }
        // a wide faint ring ghost, centred opposite the source
        disc(f.surface, cx + (cx - src.x) * 0.4, cy + (cy - src.y) * 0.4, H * 0.16, 200, 220, 255, 0.035 * a, { rim: 1, soft: H * 0.02 });
      },
    };
  },
};
