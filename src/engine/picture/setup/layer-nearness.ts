/**
 * Each layer's nearness at the output size (the layered scene with parallax, layers.ts): behind
 * the subject the surroundings' continued inwards, the subject's own continued outwards, both
 * smoothed and kept affine along the picture's straight edges. It needs nothing but the Scene's
 * maps and matte, so it runs on the helper thread (helper/tasks.ts) while the main thread
 * completes the matte and synthesises the background.
 *
 * @example const { back, front } = await layerNearness({ maps, nearness, matte, width: 1920, height: 1080, fit: 'fill', segments: [] })
 */
import type { SceneMaps } from '../../scene.js';
import { boxBlur } from '../../analyze/filters.js';
import { dilate } from '../../analyze/dilate.js';
import type { PictureFit } from './fit.js';
import { mapToOutput } from './maps.js';
import { straightenNearness, type PixelSegment } from './straighten.js';
import { invertMask } from './synthesize.js';
import { joinSmoothCrossings } from './smooth-crossings.js';
import { depthJumps } from '../../analyze/layers/depth-bands.js';

export interface LayerNearnessInput {
  /** the analysis raster's size */
  maps: Pick<SceneMaps, 'width' | 'height'>;
  /** the nearness the camera warps by (maps.ts warpNearness) and the subject matte, on that raster */
  nearness: Float32Array;
  matte: Float32Array;
  /** the output size and how the picture is fitted to it */
  width: number;
  height: number;
  fit: PictureFit;
  /** the picture's straight edges in output px */
  segments: readonly PixelSegment[];
  /** the matte is a cut of the depth (analysis' matteSource 'depth'): where it crosses no jump, the layers join (./smooth-crossings.ts) */
  depthCut?: boolean;
}

/** Each `unset` pixel takes the value of the nearest set pixel (breadth-first, 4-connected). */
function continueFrom(values: Float32Array, set: Uint8Array, w: number, h: number): Float32Array {
  const out = Float32Array.from(values), done = Uint8Array.from(set), queue = new Int32Array(w * h);
  let head = 0, tail = 0;
  for (let i = 0; i < w * h; i++) if (set[i]) queue[tail++] = i;
  // neighbours in the order left, right, up, down (no array a pixel: this runs on every unset one)
  const visit = (i: number, j: number) => { if (!done[j]) { done[j] = 1; out[j] = out[i]!; queue[tail++] = j; } };
  while (head < tail) {
    const i = queue[head++]!, x = i % w;
    if (x > 0) visit(i, i - 1);
    if (x < w - 1) visit(i, i + 1);
    if (i >= w) visit(i, i - w);
    if (i + w < w * h) visit(i, i + w);
  }
  return out;
}

/**
 * Each 4-connected part of `mask` gets the least-squares plane n = a + b·x + c·y through its
 * nearness; pixels outside keep their value (continueFrom replaces them afterwards).
 */
export function planeFit(depth: Float32Array, mask: Uint8Array, w: number, h: number): Float32Array {
  const out = Float32Array.from(depth), label = new Int32Array(w * h).fill(-1), queue = new Int32Array(w * h);
  let parts = 0;
  for (let s = 0; s < w * h; s++) {
    if (!mask[s] || label[s]! >= 0) continue;
    let head = 0, tail = 0;
    queue[tail++] = s; label[s] = parts;
    const visit = (j: number) => { if (mask[j] && label[j]! < 0) { label[j] = parts; queue[tail++] = j; } };
    while (head < tail) {
      const i = queue[head++]!, x = i % w;
      if (x > 0) visit(i - 1);
      if (x < w - 1) visit(i + 1);
      if (i >= w) visit(i - w);
      if (i + w < w * h) visit(i + w);
    }
    // normal equations of the plane over this part (coordinates centred for conditioning)
    let sx = 0, sy = 0, sn = 0;
    for (let k = 0; k < tail; k++) { const i = queue[k]!; sx += i % w; sy += (i / w) | 0; sn += depth[i]!; }
    const mx = sx / tail, my = sy / tail, mn = sn / tail;
    let xx = 0, xy = 0, yy = 0, xn = 0, yn = 0;
    for (let k = 0; k < tail; k++) {
      const i = queue[k]!, x = (i % w) - mx, y = ((i / w) | 0) - my, n = depth[i]! - mn;
      xx += x * x; xy += x * y; yy += y * y; xn += x * n; yn += y * n;
    }
    const det = xx * yy - xy * xy;
    const b = Math.abs(det) > 1e-9 ? (xn * yy - yn * xy) / det : 0, c = Math.abs(det) > 1e-9 ? (yn * xx - xn * xy) / det : 0;
    for (let k = 0; k < tail; k++) { const i = queue[k]!; out[i] = Math.min(1, Math.max(0, mn + b * ((i % w) - mx) + c * (((i / w) | 0) - my))); }
    parts++;
  }
  return out;
}

/**
 * Each layer's nearness at the output size: behind the subject the surroundings' continued inwards
 * and smoothed; the subject's own continued outwards.
 */
export async function layerNearness(input: LayerNearnessInput): Promise<{ back: Uint8Array; front: Uint8Array }> {
  const { maps: m, nearness, matte, width: W, height: H, fit, segments } = input;
  const n = m.width * m.height;
  const behind = new Uint8Array(n), inside = new Uint8Array(n);
  for (let i = 0; i < n; i++) { behind[i] = matte[i]! < 0.02 ? 1 : 0; inside[i] = matte[i]! >= 0.5 ? 1 : 0; }
  const grownHole = dilate(invertMask(behind), m.width, m.height, 1);
  // each layer is one smooth sheet (depth texture would make it wobble as it moves): both layers'
  // nearness blurred over ~2 % of the raster's width (the subject's too: unblurred, its planes'
  // hard steps flatten its parallax against the background under a crane)
  const r = Math.max(2, Math.round(m.width / 64));
  const smooth = (map: Float32Array, radius: number) => boxBlur(boxBlur(map, m.width, m.height, radius), m.width, m.height, radius);
  const backMap = smooth(continueFrom(nearness, invertMask(grownHole), m.width, m.height), r);
  // the subject's nearness: a plane fitted to each of its parts (a rocket, a tower, a person moves
  // as a rigid sheet, so its straight edges stay straight under truck and pedestal moves)
  const frontMap = smooth(continueFrom(planeFit(nearness, inside, m.width, m.height), inside, m.width, m.height), r);
  if (input.depthCut) joinSmoothCrossings({ back: backMap, front: frontMap, seen: smooth(nearness, r), matte, jumps: depthJumps(nearness, m.width, m.height), width: m.width, height: m.height, reach: 2 * r });
  const soften = W * 0.006;
  const [backSmooth, frontSmooth] = await Promise.all([mapToOutput(backMap, m, W, H, fit, soften), mapToOutput(frontMap, m, W, H, fit, soften)]);
  return { back: straightenNearness(backSmooth, W, H, segments), front: straightenNearness(frontSmooth, W, H, segments) };
}
