/**
 * stars: the small bright points of the sky twinkle: each one's brightness swings on its own
 * seeded rhythm (the setup finds them: local luminance peaks inside the sky mask).
 */
import type { EffectRenderer } from './types.js';

export const stars: EffectRenderer = {
  type: 'stars',
  naturalRegion: 'sky',
  create(env, effect, rng) {
    const list = env.setup.stars;
    const count = list.length / 3;
    const tw = Array.from({ length: count }, () => ({ f: rng.range(0.6, 2.8), p: rng.next() * 6.283, f2: rng.range(3, 7) }));
    const { width: W, height: H, marginX, marginY } = env.setup;
    const rad = Math.max(1, H / 540);
    void effect;
    return {
      overlay(f, amount) {
        const px = f.frame8;
        for (let s = 0; s < count; s++) {
          const q = tw[s]!;
          const [x, y] = f.geometry.forward(list[s * 3]! - marginX - W / 2 + 0.5, list[s * 3 + 1]! - marginY - H / 2 + 0.5, 0);
          const swing = 0.7 * Math.sin(6.283 * q.f * f.t + q.p) + 0.3 * Math.sin(6.283 * q.f2 * f.t + q.p * 2);
          const g = 1 + amount * 0.85 * swing;
          const x0 = Math.max(0, Math.floor(x - rad)), x1 = Math.min(W - 1, Math.ceil(x + rad));
          const y0 = Math.max(0, Math.floor(y - rad)), y1 = Math.min(H - 1, Math.ceil(y + rad));
          for (let yy = y0; yy <= y1; yy++) for (let xx = x0; xx <= x1; xx++) {
            const d = Math.hypot(xx - x, yy - y) / (rad + 0.5);
            if (d >= 1) continue;
            const k = 1 + (g - 1) * (1 - d);
            const o = (yy * W + xx) * 4;
            for (let c = 0; c < 3; c++) { const v = px[o + c]! * k + 0.5; px[o + c] = v > 255 ? 255 : v; }
          }
        }
      },
    };
  },
};
