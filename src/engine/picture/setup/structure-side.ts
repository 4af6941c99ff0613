/**
 * Where a thin straight structure lies beside the one edge of it that was found: a grass stalk
 * whose other side the line finder missed (blurred, or broken in pieces), a pole seen against a
 * busy background on one side. Across the edge, the picture's colour profile — averaged along the
 * part of the edge asked about — steps at the edge itself (offset 0) and, on the structure's side,
 * steps again at its other edge within `thin` px; beyond the edge on the other side it runs on.
 * The side whose second step is the stronger, and at least half as strong as the edge's own, is
 * the structure's.
 *
 * @example structureSide(picture, 640, 400, edge, 10, 60, 120) // → [-1, 7]: the stalk lies 0…6 px to the edge's left-hand normal
 */
import type { PixelSegment } from './straighten.js';

/** a second edge at least this share of the found edge's step makes a side the structure's */
const SECOND_EDGE = 0.5;

/**
 * The offsets across the segment (px along its normal (−ty, tx), widened by 1 px) that the
 * structure covers, read over `from`…`to` px along it (RGBA picture, W×H); null when neither
 * side shows a second edge within `thin` px.
 */
export function structureSide(picture: Uint8Array, W: number, H: number, s: PixelSegment, thin: number, from: number, to: number): [number, number] | null {
  const length = Math.hypot(s.x1 - s.x0, s.y1 - s.y0);
  const tx = (s.x1 - s.x0) / length, ty = (s.y1 - s.y0) / length, nx = -ty, ny = tx;
  const reach = Math.ceil(thin) + 1, size = 2 * reach + 1;
  // the mean colour at every whole offset across, over the part of the edge in the picture
  const sums = new Float64Array(size * 3), counts = new Uint32Array(size);
  for (let a = Math.max(0, from); a <= Math.min(length, to); a += 2) {
    for (let o = -reach; o <= reach; o++) {
      const x = Math.round(s.x0 + a * tx + o * nx), y = Math.round(s.y0 + a * ty + o * ny);
      if (x < 0 || y < 0 || x >= W || y >= H) continue;
      const k = o + reach, p = (y * W + x) * 4;
      for (let c = 0; c < 3; c++) sums[k * 3 + c]! += picture[p + c]!;
      counts[k]!++;
    }
  }
  if (counts.some((n) => n === 0)) return null;
  const colour = (o: number, c: number) => sums[(o + reach) * 3 + c]! / counts[o + reach]!;
  /** the step in colour (summed over the channels) from offset o − 1 to o + 1 */
  const step = (o: number) => Math.abs(colour(o + 1, 0) - colour(o - 1, 0)) + Math.abs(colour(o + 1, 1) - colour(o - 1, 1)) + Math.abs(colour(o + 1, 2) - colour(o - 1, 2));
  const own = step(0);
  if (!(own > 0)) return null;
  /** the strongest second step on one side (sign ±1): its offset and strength */
  const second = (sign: number) => {
    let best = { at: 0, strength: 0 };
    for (let o = 2; o < reach; o++) { const v = step(sign * o); if (v > best.strength) best = { at: o, strength: v }; }
    return best;
  };
  const plus = second(1), minus = second(-1);
  const side = plus.strength >= minus.strength ? { sign: 1, ...plus } : { sign: -1, ...minus };
  if (side.strength < SECOND_EDGE * own) return null;
  return side.sign > 0 ? [-1, side.at + 1] : [-side.at - 1, 1];
}
