/**
 * Where a depth matte's cut crosses a smooth surface, both layers move as one. A depth matte is a
 * threshold on a smooth estimate: part of its outline lies on depth jumps (an occluding edge: the
 * layers slide apart there and uncover the synthesised background, as they should), but part of it
 * crosses a surface whose nearness runs on without a jump — a row of cypresses whose tops the cut
 * leaves behind, a plinth it halves, a lawn running away. Each layer warped by its own nearness
 * (the subject's a plane, the background's continued from round it) tears such a surface at the
 * cut: the cypresses' tops stay with the building while their trunks move, the synthesised
 * background shows through the gap and through the matte's soft edge as white fragments. Along the
 * smooth part of the outline, both layers take the nearness the picture has there, feathered back
 * to each layer's own over `reach`: the surface bends, it does not tear; and there the background
 * layer keeps the picture (keptAtCrossings), not its fill, so the matte's soft edge blends the
 * subject with what really lies beside it. A jump is the one that splits the depth into bands
 * (analyze/layers/depth-bands.ts' JUMP, over its SPAN).
 *
 * @example joinSmoothCrossings({ back, front, seen, matte, jumps, width: 128, height: 96, reach: 4 }) // back, front changed in place
 */
import { boxBlur } from '../../analyze/filters.js';
import { dilate } from '../../analyze/dilate.js';
import { depthJumps, JUMP } from '../../analyze/layers/depth-bands.js';
import type { SceneMaps } from '../../scene.js';
import type { PictureFit } from './fit.js';
import { mapToOutput } from './maps.js';

export interface SmoothCrossingInput {
  /** each layer's nearness on the analysis raster (0…1), changed in place */
  back: Float32Array;
  front: Float32Array;
  /** the nearness the picture has (smoothed as the layers' are) */
  seen: Float32Array;
  /** the subject matte (0…1) */
  matte: Float32Array;
  /** depth-bands.ts' depthJumps of the nearness */
  jumps: Float32Array;
  width: number;
  height: number;
  /** how far (raster px) from the crossing the layers share the picture's nearness before each feathers back to its own */
  reach: number;
}

/**
 * 1 on the matte's outline (the subject's side of it) where no depth jump lies within two pixels;
 * the count of such pixels.
 */
export function smoothCrossings(matte: Float32Array, jumps: Float32Array, w: number, h: number): { crossing: Uint8Array; count: number } {
  const inside = (i: number) => matte[i]! >= 0.5;
  const jump = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) jump[i] = jumps[i]! >= JUMP ? 1 : 0;
  // depthJumps reads forward (x + SPAN, y + SPAN): a jump's mark may sit two pixels before the outline
  const nearJump = dilate(jump, w, h, 2);
  const crossing = new Uint8Array(w * h);
  let count = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    if (!inside(i) || nearJump[i]) continue;
    const edge = (x > 0 && !inside(i - 1)) || (x < w - 1 && !inside(i + 1)) || (y > 0 && !inside(i - w)) || (y < h - 1 && !inside(i + w));
    if (edge) { crossing[i] = 1; count++; }
  }
  return { crossing, count };
}

export function joinSmoothCrossings(input: SmoothCrossingInput): void {
  const { back, front, seen, matte, jumps, width: w, height: h } = input;
  const { crossing, count } = smoothCrossings(matte, jumps, w, h);
  if (!count) return;
  const reach = Math.max(1, Math.round(input.reach));
  // 1 within `reach` of a crossing, falling to 0 over the next `reach`
  const band = dilate(crossing, w, h, reach), weight = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) weight[i] = band[i]!;
  const k = boxBlur(weight, w, h, reach);
  for (let i = 0; i < w * h; i++) {
    const t = Math.min(1, k[i]! * 2);
    if (t <= 0) continue;
    back[i] = back[i]! + t * (seen[i]! - back[i]!);
    front[i] = front[i]! + t * (seen[i]! - front[i]!);
  }
}

/** how far (analysis px) either side of a smooth crossing the background layer keeps the picture: the matte's soft edge and the hole's ring past it */
const KEEP = 2;

/**
 * W×H at the output size: 1 where the background layer keeps the picture instead of its
 * synthesised fill — on either side of a smooth crossing, where the layers move as one (the
 * matte's soft edge blends the subject with what lies right under it, and the hole's ring past the
 * matte shows as itself). Null when the cut crosses no smooth surface.
 */
export async function keptAtCrossings(matte: Float32Array, nearness: Float32Array, maps: Pick<SceneMaps, 'width' | 'height'>, W: number, H: number, fit: PictureFit): Promise<Uint8Array | null> {
  const { width: w, height: h } = maps;
  const { crossing, count } = smoothCrossings(matte, depthJumps(nearness, w, h), w, h);
  if (!count) return null;
  const zone = dilate(crossing, w, h, KEEP), values = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) values[i] = zone[i]!;
  const out = await mapToOutput(values, maps, W, H, fit);
  for (let i = 0; i < out.length; i++) out[i] = out[i]! >= 128 ? 1 : 0;
  return out;
}
