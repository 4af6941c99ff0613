/**
 * An animal's tail swinging about its base: over the band from its base to a little past its tip
 * (as wide as the tail and a margin), each point turns about the base by an angle that grows
 * along the tail — nothing at the base, all of it at the tip — so the tail bends like a tail
 * rather than pivoting like a stick, and the band's edges fade the turn out so nothing tears.
 *
 * @example
 *   displaceTail(field, rig.features.tail!, rig.tracks.tail[frame]!)
 */
import type { GridField } from './displace.js';
import { smoothstep } from './shape.js';
import type { FaceFeatures } from './types.js';

/** The band the swing can move (canvas px): its length, half-width and the box around the base it stays in. */
function band(tail: NonNullable<FaceFeatures['tail']>): { L: number; half: number; box: [number, number, number, number] } {
  const [bx, by] = tail.base, [tx, ty] = tail.tip;
  const L = Math.hypot(tx - bx, ty - by);
  // the band's half-width: wide enough for a curved tail that strays off its chord, and for the
  // tip's sideways travel (a narrower band folds the warp and cuts the tip off)
  const half = Math.max(tail.width, 0.4 * L);
  const reach = 1.6 * L + 1.4 * half;
  return { L, half, box: [bx - reach, by - reach, bx + reach, by + reach] };
}

/** The canvas box a tail's swing can touch (for the rows the renderer re-warps). */
export function tailBox(tail: NonNullable<FaceFeatures['tail']>): [number, number, number, number] {
  return band(tail).box;
}

export function displaceTail(field: GridField, tail: NonNullable<FaceFeatures['tail']>, angle: number): void {
  if (!angle) return;
  const { cell, gridWidth: gw, gridHeight: gh, dx: DX, dy: DY } = field;
  const [bx, by] = tail.base, [tx, ty] = tail.tip;
  const { L, half, box } = band(tail);
  if (L < 2) return;
  const ax = (tx - bx) / L, ay = (ty - by) / L;
  for (let j = Math.max(0, Math.floor(box[1] / cell)); j <= Math.min(gh - 1, Math.ceil(box[3] / cell)); j++) {
    for (let i = Math.max(0, Math.floor(box[0] / cell)); i <= Math.min(gw - 1, Math.ceil(box[2] / cell)); i++) {
      const x = i * cell, y = j * cell, px = x - bx, py = y - by;
      const along = (px * ax + py * ay) / L, across = Math.abs(px * -ay + py * ax) / half;
      // the bend: none at the base, growing to the tip; faded past the tip and at the band's sides
      const w = smoothstep(0, 1, along) * (1 - smoothstep(1.15, 1.6, along)) * (1 - smoothstep(0.8, 1.4, across));
      if (w <= 0) continue;
      // backward: the output pixel samples where the tail was before turning by φ
      const phi = angle * w, c = Math.cos(-phi), s = Math.sin(-phi);
      DX[j * gw + i]! += bx + c * px - s * py - x;
      DY[j * gw + i]! += by + s * px + c * py - y;
    }
  }
}
