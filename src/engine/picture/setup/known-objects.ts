/**
 * Where the analysis knows a person or an animal to stand: the people segmentation's silhouettes,
 * the subject matte when it is people's, the faces' heads and the animal detector's boxes, as one
 * soft mask (0…1) on the maps' raster. (A matte found from depth alone may be a building the edge
 * cuts, whose wall the margin must continue; a lone object in it is found by the synthesis' own
 * distinctiveness test.) Outpainting never copies from here (outpaint.ts): beyond the frame, texture and
 * structure continue, a second person or half a dog does not. (The synthesis' own distinctiveness
 * test finds lone objects; a crowd's people look alike, so only the analysis can tell them apart.)
 *
 * @example
 *   const objects = await mapToOutput(knownObjects(scene), scene.maps, W, H, fit);
 */
import type { Box, Scene } from '../../scene.js';

/** a face box grown by this share of its size each side: the hair, the ears and the chin */
const HEAD_MARGIN = 0.35;

export function knownObjects(scene: Scene): Float32Array {
  const m = scene.maps, out = Float32Array.from(m.people);
  const matte = scene.layers?.matteSource === 'depth' ? null : scene.layers?.matte;
  if (matte) for (let i = 0; i < out.length; i++) if (matte[i]! > out[i]!) out[i] = matte[i]!;
  const mark = (b: Box, grow: number) => {
    const x0 = Math.max(0, Math.floor((b.x - grow * b.w) * m.width)), x1 = Math.min(m.width, Math.ceil((b.x + b.w * (1 + grow)) * m.width));
    const y0 = Math.max(0, Math.floor((b.y - grow * b.h) * m.height)), y1 = Math.min(m.height, Math.ceil((b.y + b.h * (1 + grow)) * m.height));
    for (let y = y0; y < y1; y++) out.fill(1, y * m.width + x0, y * m.width + Math.max(x0, x1));
  };
  for (const f of scene.faces) mark(f.box, HEAD_MARGIN);
  for (const a of scene.animals ?? []) mark(a.box, 0);
  return out;
}
