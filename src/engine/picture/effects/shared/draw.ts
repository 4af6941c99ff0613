/**
 * Anti-aliased drawing on an RGBA frame for particles: soft dots, streaks and rotated ellipses.
 * `alpha` blends toward the colour; `additive` adds light instead (sparks, flares, motes).
 *
 * @example dot(frame8, w, h, 100.3, 50.7, 2, 255, 255, 255, 0.6, false)
 */

function put(f: Uint8Array, i: number, r: number, g: number, b: number, a: number, additive: boolean): void {
  if (additive) {
    const R = f[i]! + r * a, G = f[i + 1]! + g * a, B = f[i + 2]! + b * a;
    f[i] = R > 255 ? 255 : R; f[i + 1] = G > 255 ? 255 : G; f[i + 2] = B > 255 ? 255 : B;
  } else {
    f[i] = f[i]! + (r - f[i]!) * a + 0.5;
    f[i + 1] = f[i + 1]! + (g - f[i + 1]!) * a + 0.5;
    f[i + 2] = f[i + 2]! + (b - f[i + 2]!) * a + 0.5;
  }
}

/** A soft round dot of the given radius (px) centred at (x, y). */
export function dot(f: Uint8Array, w: number, h: number, x: number, y: number, radius: number, r: number, g: number, b: number, alpha: number, additive: boolean): void {
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
      put(f, (py * w + px) * 4, r, g, b, alpha * fall * fall, additive);
    }
  }
}

/** A thin anti-aliased line from (x0, y0) to (x1, y1), fading in from the tail. */
export function streak(f: Uint8Array, w: number, h: number, x0: number, y0: number, x1: number, y1: number, r: number, g: number, b: number, alpha: number, additive: boolean): void {
  const len = Math.hypot(x1 - x0, y1 - y0);
  const steps = Math.max(1, Math.ceil(len));
  for (let s = 0; s <= steps; s++) {
    const u = s / steps;
    const x = x0 + (x1 - x0) * u, y = y0 + (y1 - y0) * u;
    const ix = Math.floor(x), iy = Math.floor(y);
    if (ix < 0 || iy < 0 || ix >= w - 1 || iy >= h - 1) continue;
    const fx = x - ix, fy = y - iy;
    const a = alpha * (0.35 + 0.65 * u);
    const i = (iy * w + ix) * 4;
    put(f, i, r, g, b, a * (1 - fx) * (1 - fy), additive);
    put(f, i + 4, r, g, b, a * fx * (1 - fy), additive);
    put(f, i + w * 4, r, g, b, a * (1 - fx) * fy, additive);
    put(f, i + w * 4 + 4, r, g, b, a * fx * fy, additive);
  }
}

/** A filled ellipse (semi-axes a, b px) rotated by `angle` radians, edges anti-aliased. */
export function ellipse(f: Uint8Array, w: number, h: number, x: number, y: number, a: number, b: number, angle: number, r: number, g: number, bl: number, alpha: number): void {
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
      put(f, (py * w + px) * 4, r, g, bl, alpha * (edge > 1 ? 1 : edge), false);
    }
  }
}
