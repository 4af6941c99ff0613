/**
 * How much of each edge of the picture the subject's body runs out of: the share of a thin strip
 * along the edge that the layered scene's subject matte covers (more than half opaque). A body cut
 * by the bottom of a portrait, a helmet cut by its side: nothing in the picture continues them, so
 * a move must not reveal beyond that edge (edge-objects.ts weighs the other distinct things there).
 *
 * @example edgeSubject(scene) // → { left: 0.07, right: 0.12, top: 0.02, bottom: 0.76 } (a portrait)
 */
import type { Scene } from '../../scene.js';
import type { Reveal } from './camera/reveal.js';
// the strip along each edge, as a fraction of the picture's width (sides) or height: the one edge-objects.ts weighs
import { EDGE_STRIP } from './edge-objects.js';


export function edgeSubject(scene: Scene): Reveal {
  const matte = scene.layers?.matte;
  const { width: w, height: h } = scene.maps;
  if (!matte || matte.length !== w * h) return { left: 0, right: 0, top: 0, bottom: 0 };
  const sx = Math.max(1, Math.round(EDGE_STRIP * w)), sy = Math.max(1, Math.round(EDGE_STRIP * h));
  const share = (x0: number, y0: number, x1: number, y1: number) => {
    let n = 0, total = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) { if (matte[y * w + x]! > 0.5) n++; total++; }
    return total ? n / total : 0;
  };
  return { left: share(0, 0, sx, h), right: share(w - sx, 0, w, h), top: share(0, 0, w, sy), bottom: share(0, h - sy, w, h) };
}
