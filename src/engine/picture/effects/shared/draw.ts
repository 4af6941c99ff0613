/**
 * Anti-aliased drawing for particles: soft dots, streaks, rotated ellipses and out-of-focus discs,
 * on a Surface — the frame being built, RGBA or already I420 (surface.ts). `alpha` blends toward
 * the colour; `additive` adds light instead (sparks, flares, motes).
 *
 * @example dot(f.surface, 100.3, 50.7, 2, 255, 255, 255, 0.6, false)
 */
import type { Surface } from './surface.js';

/** A soft round dot of the given radius (px) centred at (x, y). */
export function dot(f: Surface, x: number, y: number, radius: number, r: number, g: number, b: number, alpha: number, additive: boolean): void {
  const { width: w, height: h } = f;
  const R = radius + 1;
  const x0 = Math.max(0, Math.floor(x - R)), x1 = Math.min(w - 1, Math.ceil(x + R));
  const y0 = Math.max(0, Math.floor(y - R)), y1 = Math.min(h - 1, Math.ceil(y + R));
  const inv = 1 / (R * R);
  for (let py = y0; py <= y1; py++) {
    const dy = py - y;
    for (let px = x0; px <= x1; px++) {
      const dx = px - x;
      const d = (dx * dx + dy * dy) * inv;
      if (d >= 1) continue;
      const fall = 1 - d;
      f.put(px, py, r, g, b, alpha * fall * fall, additive);
    }
  }
}

/** A thin anti-aliased line from (x0, y0) to (x1, y1), fading in from the tail. */
export function streak(f: Surface, x0: number, y0: number, x1: number, y1: number, r: number, g: number, b: number, alpha: number, additive: boolean): void {
  const { width: w, height: h } = f;
  const len = Math.hypot(x1 - x0, y1 - y0);
  const steps = Math.max(1, Math.ceil(len));
  for (let s = 0; s <= steps; s++) {
    const u = s / steps;
    const x = x0 + (x1 - x0) * u, y = y0 + (y1 - y0) * u;
    const ix = Math.floor(x), iy = Math.floor(y);
    if (ix < 0 || iy < 0 || ix >= w - 1 || iy >= h - 1) continue;
    const fx = x - ix, fy = y - iy;
    const a = alpha * (0.35 + 0.65 * u);
    f.put(ix, iy, r, g, b, a * (1 - fx) * (1 - fy), additive);
    f.put(ix + 1, iy, r, g, b, a * fx * (1 - fy), additive);
    f.put(ix, iy + 1, r, g, b, a * (1 - fx) * fy, additive);
    f.put(ix + 1, iy + 1, r, g, b, a * fx * fy, additive);
  }
}

/** A filled ellipse (semi-axes a, b px) rotated by `angle` radians, edges anti-aliased. */
export function ellipse(f: Surface, x: number, y: number, a: number, b: number, angle: number, r: number, g: number, bl: number, alpha: number): void {
  const { width: w, height: h } = f;
  const R = Math.max(a, b) + 1;
  const c = Math.cos(angle), s = Math.sin(angle);
  const x0 = Math.max(0, Math.floor(x - R)), x1 = Math.min(w - 1, Math.ceil(x + R));
  const y0 = Math.max(0, Math.floor(y - R)), y1 = Math.min(h - 1, Math.ceil(y + R));
  const ia = 1 / Math.max(a, 0.3), ib = 1 / Math.max(b, 0.3);
  for (let py = y0; py <= y1; py++) {
    for (let px = x0; px <= x1; px++) {
      const dx = px - x, dy = py - y;
      const u = (c * dx + s * dy) * ia, v = (-s * dx + c * dy) * ib;
      const d = Math.sqrt(u * u + v * v);
      // 1 inside, ramping to 0 across about one pixel at the rim
      const edge = (1 - d) * Math.min(a, b) + 0.5;
      if (edge <= 0) continue;
      f.put(px, py, r, g, bl, alpha * (edge > 1 ? 1 : edge), false);
    }
  }
}

/** How `disc` shapes an out-of-focus highlight. */
export interface DiscStyle {
  /** aperture blades: 0 for a round disc, else a regular polygon with this many sides */
  sides?: number;
  angle?: number;
  /** 0 flat, 1 a bright rim and a dim middle (as defocused highlights and flare rings look) */
  rim?: number;
  /** edge softness, px */
  soft?: number;
}

/** An out-of-focus highlight (bokeh, a flare ghost): additive light, flat inside, soft-edged. */
export function disc(f: Surface, x: number, y: number, radius: number, r: number, g: number, b: number, alpha: number, style: DiscStyle = {}): void {
  const { width: w, height: h } = f;
  const { sides = 0, angle = 0, rim = 0, soft = Math.max(1, radius * 0.15) } = style;
  const R = radius + soft;
  const x0 = Math.max(0, Math.floor(x - R)), x1 = Math.min(w - 1, Math.ceil(x + R));
  const y0 = Math.max(0, Math.floor(y - R)), y1 = Math.min(h - 1, Math.ceil(y + R));
  const seg = sides ? (2 * Math.PI) / sides : 0, inner = sides ? Math.cos(Math.PI / sides) : 1;
  for (let py = y0; py <= y1; py++) {
    for (let px = x0; px <= x1; px++) {
      const dx = px - x, dy = py - y;
      let dist = Math.sqrt(dx * dx + dy * dy);
      if (dist > R) continue;
      if (seg) {
        // a polygon's radius at this angle, vertices at `radius`
        const a = ((((Math.atan2(dy, dx) - angle) % seg) + seg) % seg) - seg / 2;
        dist *= Math.cos(a) / inner;
      }
      const cover = (radius - dist) / soft + 0.5;
      if (cover <= 0) continue;
      const d = Math.min(1, dist / radius), d2 = d * d;
      const shade = 1 - rim + rim * (0.35 + 1.3 * d2 * d2);
      f.put(px, py, r, g, b, alpha * shade * (cover > 1 ? 1 : cover), true);
    }
  }
}
