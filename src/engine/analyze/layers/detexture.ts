/**
 * The depth estimate without the picture's texture: the cue blend is snapped to the luma's edges
 * (analyze/depth.ts), which also imprints a surface's texture — wood grain, brick courses, leaf
 * veins — as small ripples of nearness, and a ripple along a straight edge bends it under a move.
 * A guided filter guided by the depth itself smooths what varies less than ~TEXTURE within its
 * window and keeps the depth's real steps (occluding edges, the sky's border).
 *
 * @example const nearness = detexture(depth, 512, 341)
 */
import { guidedFilter } from '../filters.js';

/** ripples of about this much nearness are texture, not shape */
const TEXTURE = 0.04;

export function detexture(depth: Float32Array, w: number, h: number): Float32Array {
  return guidedFilter(depth, depth, w, h, Math.max(2, Math.round(Math.max(w, h) / 64)), TEXTURE * TEXTURE);
}
