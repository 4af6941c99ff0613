/**
 * Where a displacing effect (drifting clouds, water shimmer, foliage sway) must leave the picture
 * still: a band around each of the picture's long straight edges. Sky and foliage have no long
 * straight edges of their own (water's lie level: edgesHeldIn holds only its steeper ones), so
 * one inside their mask is something else — a building the
 * sky detector took for sky on a grey day, a mast, a railing — and a displacement would ripple it
 * (clouds bent a tower's edge by 5 px). The band is wide enough to hold a slim structure between
 * two edges whole (a tower, a pole), and feathered so a sway fades out rather than stops.
 * Computed on the displacement grid (a node every `cell` canvas px), which is all that reads it.
 *
 * @example const held = heldEdges(segments, 1920, gw, gh, 8) // 0…1 per grid node, 1 on and around every straight edge
 */
import type { PixelSegment } from '../../setup/straighten.js';
import type { MaskRegion } from '../../types.js';
import { forEachInBand } from '../../setup/segment-band.js';

export function heldEdges(segments: readonly PixelSegment[], outputWidth: number, gw: number, gh: number, cell: number): Float32Array {
  const out = new Float32Array(gw * gh);
  // held fully within `core` px of the edge, fading out over the next `feather` px (≈ 2 % and 1 % of the width), in grid units
  const core = Math.max(3, outputWidth / 48) / cell, feather = Math.max(2, outputWidth / 96) / cell, reach = core + feather;
  for (const p of segments) {
    const s = { x0: p.x0 / cell, y0: p.y0 / cell, x1: p.x1 / cell, y1: p.y1 / cell };
    const length = Math.hypot(s.x1 - s.x0, s.y1 - s.y0);
    forEachInBand(s, reach, reach, reach, gw, gh, (i, along, across) => {
      // distance to the segment (its ends rounded)
      const beyond = along < 0 ? -along : along > length ? along - length : 0;
      const d = Math.sqrt(beyond * beyond + across * across);
      if (d >= reach) return;
      const v = Math.min(1, (reach - d) / feather);
      if (v > out[i]!) out[i] = v;
    });
  }
  return out;
}

/**
 * The straight edges a displacing effect in `region` must hold still: all of them, but in water
 * only the steeper ones (more than 30° from level) — water's own long edges lie level (ripples,
 * wave crests, the shoreline) and must shimmer; a post or a mast in it must not.
 */
export function edgesHeldIn(region: MaskRegion, segments: readonly PixelSegment[]): readonly PixelSegment[] {
  if (region !== 'water') return segments;
  return segments.filter((s) => Math.abs(s.y1 - s.y0) > Math.abs(s.x1 - s.x0) * Math.tan(Math.PI / 6));
}
