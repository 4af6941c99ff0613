/**
 * Visits the pixels of a band around a straight segment — within `reach` px across it and from
 * `before` px before its start to `after` px past its end along it — row by row, each row clipped
 * to the band (the band's pixels only, not its bounding box: a long diagonal segment costs its
 * band's area).
 *
 * @example forEachInBand(s, 8, 4, 4, w, h, (i, along, across) => { … })
 */
import type { PixelSegment } from './straighten.js';

export function forEachInBand(
  s: PixelSegment, reach: number, before: number, after: number, w: number, h: number,
  visit: (index: number, along: number, across: number) => void,
): void {
  const length = Math.hypot(s.x1 - s.x0, s.y1 - s.y0);
  if (length < 1e-6) return;
  const tx = (s.x1 - s.x0) / length, ty = (s.y1 - s.y0) / length;
  const lo = -before, hi = length + after;
  const ya = Math.max(0, Math.floor(Math.min(s.y0 + lo * ty, s.y0 + hi * ty) - reach)), yb = Math.min(h - 1, Math.ceil(Math.max(s.y0 + lo * ty, s.y0 + hi * ty) + reach));
  for (let y = ya; y <= yb; y++) {
    const dy = y - s.y0;
    const span = bandRow(s.x0, tx, ty, lo, hi, reach, dy, w);
    if (!span) continue;
    for (let x = span[0]; x <= span[1]; x++) {
      const dx = x - s.x0;
      visit(y * w + x, dx * tx + dy * ty, -dx * ty + dy * tx);
    }
  }
}

/**
 * The pixels [xa, xb] of the row `dy` below a segment's start that lie in its band: along =
 * dx·tx + dy·ty ∈ [lo, hi] and across = −dx·ty + dy·tx ∈ [−reach, reach] are linear in dx along a
 * row, so each bounds dx; null when the row misses the band.
 */
export function bandRow(x0: number, tx: number, ty: number, lo: number, hi: number, reach: number, dy: number, w: number): [number, number] | null {
  let xa = 0, xb = w - 1;
  if (Math.abs(tx) > 1e-9) { const p = x0 + (lo - dy * ty) / tx, q = x0 + (hi - dy * ty) / tx; xa = Math.max(xa, Math.ceil(Math.min(p, q))); xb = Math.min(xb, Math.floor(Math.max(p, q))); }
  else if (dy * ty < lo || dy * ty > hi) return null;
  if (Math.abs(ty) > 1e-9) { const p = x0 + (dy * tx - reach) / ty, q = x0 + (dy * tx + reach) / ty; xa = Math.max(xa, Math.ceil(Math.min(p, q))); xb = Math.min(xb, Math.floor(Math.max(p, q))); }
  else if (Math.abs(dy * tx) > reach) return null;
  return [xa, xb];
}
