/**
 * The colour of the inside of an open mouth at one point of the gap, so an opening mouth shows a
 * mouth and not a hole: dark in its depth, warmer towards the lips and the corners, a tongue
 * rising from the bottom in the middle and — when the input showed no teeth (a closed mouth) — a
 * shaded row of upper teeth hanging from the upper lip. A mouth whose teeth already show keeps
 * its own (they stay above the gap), so no teeth are painted there.
 *
 * @example
 *   innerMouth(0.1, 0, 12, true) // → [r, g, b] of an upper tooth near the lip
 */

/** u: 0 at the upper lip … 1 at the lower lip; v: -1 left corner … 1 right corner; gap in px. */
export function innerMouth(u: number, v: number, gap: number, teeth: boolean): [number, number, number] {
  const edge = Math.max(Math.abs(v), 1 - Math.min(1, 4 * Math.min(u, 1 - u)));
  // the depth: near-black red in the middle, the lips' warm shadow at the rim
  let r = 34 + 46 * edge * edge, g = 12 + 16 * edge * edge, b = 15 + 16 * edge * edge;
  // the tongue: a rounded mound from the lower lip, lit on its top
  const tongueTop = 0.62 + 0.3 * v * v;
  if (gap > 3 && u > tongueTop) {
    const k = Math.min(1, (u - tongueTop) / 0.12);
    const lit = 1 - 0.5 * Math.min(1, (u - tongueTop) / 0.35);
    r += (150 * lit - r) * k; g += (62 * lit - g) * k; b += (68 * lit - b) * k;
  }
  // the upper teeth: a band under the upper lip, brightest in the middle, with faint gaps
  const teethBottom = 0.2 + 0.1 * (1 - v * v);
  if (teeth && gap > 4 && u < teethBottom && Math.abs(v) < 0.72) {
    const k = Math.min(1, (teethBottom - u) / 0.06) * (1 - Math.max(0, (Math.abs(v) - 0.5) / 0.22));
    const shade = (0.62 + 0.3 * (1 - v * v)) * (0.9 + 0.1 * Math.cos(Math.PI * 7 * v));
    r += (232 * shade - r) * k; g += (222 * shade - g) * k; b += (206 * shade - b) * k;
  }
  return [r, g, b];
}
