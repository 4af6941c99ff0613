/**
 * stars: the bright points of the sky twinkle (the setup finds them: local luminance peaks inside
 * the sky mask). Each scintillates on its own seeded rhythm — a slow swell, a quick shimmer and
 * now and then a brief sparkle — so its core dims and flares, a small halo of its own colour
 * breathes with it, and the brightest throw four thin spikes at their sparkle.
 */
import type { EffectRenderer } from './types.js';
import { dot, streak } from './shared/draw.js';

export const stars: EffectRenderer = {
  type: 'stars',
  naturalRegion: 'sky',
  create(env, effect, rng) {
    const list = env.setup.stars;
    const count = list.length / 3;
    const { width: W, height: H, marginX, marginY, canvasWidth: CW } = env.setup;
    const canvas = new Uint8Array(env.setup.canvas);
    const s = H / 720;
    const hz = typeof effect.params.twinkle_hz === 'number' ? effect.params.twinkle_hz : 1.5;
    // spikes only on the brightest few (the list is sorted brightest first)
    const spiky = Math.round(Math.min(count, 6 + count * 0.04));
    const tw = Array.from({ length: count }, (_, i) => {
      const o = (Math.round(list[i * 3 + 1]!) * CW + Math.round(list[i * 3]!)) * 4;
      const peak = Math.max(1, canvas[o]!, canvas[o + 1]!, canvas[o + 2]!);
      // the halo takes the star's hue, lifted toward white
      const tint = [0, 1, 2].map((c) => 110 + 145 * (canvas[o + c]! / peak)) as [number, number, number];
      return {
        tint, b: list[i * 3 + 2]!,
        f1: hz * rng.range(0.3, 0.8), f2: hz * rng.range(1.5, 3.5), f3: hz * rng.range(4, 7),
        p1: rng.next() * 6.283, p2: rng.next() * 6.283, p3: rng.next() * 6.283,
        fs: rng.range(0.25, 0.7), ps: rng.next() * 6.283,
      };
    });
    const core = Math.max(1, 1.4 * s);
    return {
      overlay(f, amount) {
        const px = f.frame8;
        for (let i = 0; i < count; i++) {
          const q = tw[i]!;
          const [x, y] = f.geometry.forward(list[i * 3]! - marginX - W / 2 + 0.5, list[i * 3 + 1]! - marginY - H / 2 + 0.5, 0);
          if (x < -20 || y < -20 || x > W + 20 || y > H + 20) continue;
          const t = f.t;
          const swing = 0.5 * Math.sin(6.283 * q.f1 * t + q.p1) + 0.3 * Math.sin(6.283 * q.f2 * t + q.p2) + 0.2 * Math.sin(6.283 * q.f3 * t + q.p3);
          const sp = Math.max(0, Math.sin(6.283 * q.fs * t + q.ps)) ** 12;
          // core: dims and brightens the star's own pixels
          const g = 1 + amount * (0.9 * swing + 0.6 * sp);
          const x0 = Math.max(0, Math.floor(x - core)), x1 = Math.min(W - 1, Math.ceil(x + core));
          const y0 = Math.max(0, Math.floor(y - core)), y1 = Math.min(H - 1, Math.ceil(y + core));
          for (let yy = y0; yy <= y1; yy++) for (let xx = x0; xx <= x1; xx++) {
            const d = Math.hypot(xx - x, yy - y) / (core + 0.5);
            if (d >= 1) continue;
            const k = 1 + (g - 1) * (1 - d);
            const o = (yy * W + xx) * 4;
            for (let c = 0; c < 3; c++) { const v = px[o + c]! * k + 0.5; px[o + c] = v > 255 ? 255 : v < 0 ? 0 : v; }
          }
          // halo: scattered light that swells with the star
          const glow = amount * q.b * Math.max(0, 0.45 + 0.55 * swing + sp);
          if (glow > 0.01) dot(f.surface, x, y, (2.2 + 3 * q.b) * s, q.tint[0], q.tint[1], q.tint[2], 0.55 * glow, true);
          if (i < spiky && sp > 0.03) {
            const len = (7 + 16 * q.b) * s * sp * Math.min(1, amount * 2);
            for (const [ux, uy] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
              streak(f.surface, x + ux * len, y + uy * len, x + ux * core, y + uy * core, q.tint[0], q.tint[1], q.tint[2], 0.8 * sp * amount, true);
            }
          }
        }
      },
    };
  },
};
