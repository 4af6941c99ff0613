/**
 * Where a pull-out or a dolly zoom widens the frame is a choice of pivot, and a cinematographer
 * makes it: a portrait whose body runs out of the bottom edge is pulled back toward the top and
 * the sides, where the wall or the sky continues, keeping the bottom edge where it is. So the path
 * is re-aimed, key by key, on each axis: the reveal beyond the two opposite edges is shared in
 * proportion to what each edge allows (limit-reveal.ts: texture allows much, objects little, a cut
 * subject nothing) — fully when one edge allows nothing, not at all when both allow alike (the
 * plan's own pivot, the subject, is kept) — and then moved just enough that neither edge goes
 * past its allowance, when the two allowances together cover the reveal. What is left over is the
 * limiter's to scale down.
 *
 * Re-aiming is exact: a pose panned by p (a fraction of the width) looks p less beyond the left
 * edge and p more beyond the right, at every nearness (picture/camera/geometry.ts); tilt alike.
 *
 * @example
 *   reframeReveal(keys, { left: 0.1, right: 0.1, top: 0.11, bottom: 0 }, 640, 640, 0.1, 0.9)
 *   // → the same keys, tilted up so that nothing shows below the bottom edge
 */
import type { CameraKey } from '../../../plan.js';
import { keyReveal, type Reveal } from './reveal.js';

export function reframeReveal(keys: readonly CameraKey[], allowed: Reveal, width: number, height: number, nMin: number, nMax: number): CameraKey[] {
  // figures relative to the picture's own edge pixels (the still frame reads 0 on every side)
  const ex = 0.5 / width, ey = 0.5 / height;
  return keys.map((key) => {
    const r = keyReveal(key, width, height, nMin, nMax);
    // panning right moves reveal from the left edge to the right; tilting up from the bottom to the top
    const pan = shift(r.left + ex, r.right + ex, allowed.left, allowed.right);
    const tilt = shift(r.bottom + ey, r.top + ey, allowed.bottom, allowed.top);
    return pan || tilt ? { ...key, pan: key.pan + pan, tilt: key.tilt + tilt } : key;
  });
}

/**
 * How much reveal to move from edge `lo` to the opposite edge `hi` (fractions of the frame), given
 * what each allows: 0 when the axis reveals nothing.
 */
export function shift(lo: number, hi: number, allowLo: number, allowHi: number): number {
  if (lo <= 0 && hi <= 0) return 0;
  const sum = allowLo + allowHi;
  // the split in proportion to the allowances, and how strongly it is preferred to the plan's
  const balanced = sum > 0 ? (lo * allowHi - hi * allowLo) / sum : (lo - hi) / 2;
  const preference = sum > 0 ? Math.abs(allowLo - allowHi) / Math.max(allowLo, allowHi) : 1;
  let d = balanced * preference;
  if (lo + hi > sum) return balanced; // no framing fits: the fairest split, for the limiter to scale
  if (lo - d > allowLo) d = lo - allowLo;
  else if (hi + d > allowHi) d = allowHi - hi;
  return d;
}
