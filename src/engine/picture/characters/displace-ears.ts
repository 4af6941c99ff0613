/**
 * An animal's ears turning about their bases: each ear — the region from a little under its base
 * to a little past its tip, as wide as its base and a bit more — turns rigidly by the track's
 * angle about the middle of its base, the turn fading out under the base (the head stays) and
 * beside the ear (the background a little way off stays), so the mesh bends smoothly and nothing
 * tears. The image-left and image-right ears turn in mirror (both out, then both in).
 *
 * @example
 *   displaceEars(field, rig.features.ears!, rig.tracks.ears[frame]!)
 */
import type { GridField } from './displace.js';
import { smoothstep } from './shape.js';
import type { FaceFeatures } from './types.js';

/** An ear's length, the half-width of its turning region, and how far from its base that region reaches (canvas px). */
function earReach(ear: NonNullable<FaceFeatures['ears']>[number]): { L: number; half: number; reach: number } {
  const L = Math.hypot(ear.tip[0] - ear.base[0], ear.tip[1] - ear.base[1]);
  const half = 1.4 * Math.max(ear.width / 2, 0.35 * L);
  return { L, half, reach: 1.5 * L + half };
}

/** The canvas box the ears' turns can touch. */
export function earsBox(ears: NonNullable<FaceFeatures['ears']>): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ear of ears) {
    const { reach } = earReach(ear), [bx, by] = ear.base;
    box[0] = Math.min(box[0], bx - reach); box[1] = Math.min(box[1], by - reach);
    box[2] = Math.max(box[2], bx + reach); box[3] = Math.max(box[3], by + reach);
  }
  return box;
}

export function displaceEars(field: GridField, ears: NonNullable<FaceFeatures['ears']>, angle: number): void {
  if (!angle) return;
  const { cell, gridWidth: gw, gridHeight: gh, dx: DX, dy: DY } = field;
  const mid = ears.reduce((s, e) => s + e.base[0], 0) / ears.length;
  for (const ear of ears) {
    const [bx, by] = ear.base, [tx, ty] = ear.tip;
    const { L, half, reach } = earReach(ear);
    if (L < 2) continue;
    const ax = (tx - bx) / L, ay = (ty - by) / L;
    // the ear on the picture's left turns one way, on its right the other (one ear alone: by its side of the head)
    const side = ears.length === 2 ? (ear.base[0] < mid ? -1 : 1) : (tx < bx ? -1 : 1);
    for (let j = Math.max(0, Math.floor((by - reach) / cell)); j <= Math.min(gh - 1, Math.ceil((by + reach) / cell)); j++) {
      for (let i = Math.max(0, Math.floor((bx - reach) / cell)); i <= Math.min(gw - 1, Math.ceil((bx + reach) / cell)); i++) {
        const x = i * cell, y = j * cell;
        const px = x - bx, py = y - by;
        const along = (px * ax + py * ay) / L, across = Math.abs(px * -ay + py * ax) / half;
        const w = smoothstep(-0.35, 0.15, along) * (1 - smoothstep(1.2, 1.6, along)) * (1 - smoothstep(0.7, 1.1, across));
        if (w <= 0) continue;
        // backward: the output pixel samples where the ear was before turning by φ
        const phi = side * angle * w, c = Math.cos(-phi), s = Math.sin(-phi);
        DX[j * gw + i]! += bx + c * px - s * py - x;
        DY[j * gw + i]! += by + s * px + c * py - y;
      }
    }
  }
}
