/**
 * Where a displacing effect (drifting clouds, water shimmer, foliage sway) must leave the picture
 * still: a band around each of the picture's long straight edges. Sky, water and foliage have no
 * long straight edges of their own, so one inside their mask is something else — a building the
 * sky detector took for sky on a grey day, a mast, a railing — and a displacement would ripple it
 * (clouds bent a tower's edge by 5 px). The band is wide enough to hold a slim structure between
 * two edges whole (a tower, a pole), and feathered so a sway fades out rather than stops.
 *
 * @example const held = heldEdges(segments, 1920, 1080) // 0…255, 255 on and around every straight edge
 */
import type { PixelSegment } from './straighten.js';
import { forEachInBand } from './segment-band.js';

export function heldEdges(segments: readonly PixelSegment[], width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  // held fully within `core` px of the edge, fading out over the next `feather` px (≈ 2 % and 1 % of the width)
  const core = Math.max(3, width / 48), feather = Math.max(2, width / 96), reach = core + feather;
  for (const s of segments) {
    const length = Math.hypot(s.x1 - s.x0, s.y1 - s.y0);
    forEachInBand(s, reach, reach, reach, width, height, (i, along, across) => {
      // distance to the segment (its ends rounded)
      const beyond = along < 0 ? -along : along > length ? along - length : 0;
      const d = Math.hypot(beyond, across);
      if (d >= reach) return;
      const v = Math.round(255 * Math.min(1, (reach - d) / feather));
      if (v > out[i]!) out[i] = v;
    });
  }
  return out;
}
