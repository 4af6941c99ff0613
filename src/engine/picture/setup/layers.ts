/**
 * The layered scene at the output size (DESIGN.md §1): from the Scene's subject matte, a
 * background layer — the picture with everything the subject hides synthesised patch by patch
 * (./synthesize.ts) over a band as wide as the plan's largest parallax, with a nearness that
 * continues the surroundings' behind the subject — and a subject layer — the picture with the
 * soft matte as its alpha, with a nearness that continues the subject's own beyond its edge, so
 * that each warps as one smooth sheet and nothing folds over itself. Only pixels outside the
 * (dilated) matte are ever copied into the background: never a piece of the subject.
 *
 * @example const l = buildLayers({ scene, picture, width: 1920, height: 1080, fit, parallax: 60, seed })
 */
import type { Scene } from '../../scene.js';
import { boxBlur } from '../../analyze/filters.js';
import { mapToOutput, warpNearness } from './maps.js';
import type { PictureFit } from './fit.js';
import { footprintAny, shrink, synthesisScale } from './outpaint.js';
import { straightenNearness, type PixelSegment } from './straighten.js';
import { straightMatte } from './straight-matte.js';
import { applySourceMap, invertMask, synthesize } from './synthesize.js';
import { completeMatte, type ActingParts } from '../characters/acting-parts.js';
import { refineReveal } from './reveal-fill.js';

export interface PictureLayers {
  /** W×H RGBA: the picture with the hidden part synthesised */
  back: Uint8Array;
  /** null with no parallax: the picture's own nearness serves */
  backDepth: Uint8Array | null;
  /** W×H RGBA: the picture, alpha = the subject matte */
  front: Uint8Array;
  frontDepth: Uint8Array | null;
  /** W×H: 1 where the background was synthesised (the matte, dilated) */
  hole: Uint8Array;
}

export interface LayerInput {
  scene: Scene;
  /** the picture at the output size, RGBA */
  picture: Uint8Array;
  width: number;
  height: number;
  fit: PictureFit;
  /** the largest relative shift (output px) between the subject and what is behind it over the clip */
  parallax: number;
  seed: number;
  /** the picture's straight edges in output px: each layer's nearness is kept affine along them */
  segments?: readonly PixelSegment[];
  /** the parts an action moves away (an arm, a head): the matte is completed over them */
  acting?: ActingParts | null;
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

/** Max filter of a 0/1 mask over a (2r+1)² square (separable). */
function dilate(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const tmp = new Uint8Array(w * h), out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    let last = -1e9;
    for (let x = 0; x < w; x++) if (mask[y * w + x]) last = x; else if (x - last <= r) tmp[y * w + x] = 1;
    last = 1e9;
    for (let x = w - 1; x >= 0; x--) { if (mask[y * w + x]) { last = x; tmp[y * w + x] = 1; } else if (last - x <= r) tmp[y * w + x] = 1; }
  }
  for (let x = 0; x < w; x++) {
    let last = -1e9;
    for (let y = 0; y < h; y++) if (tmp[y * w + x]) { last = y; out[y * w + x] = 1; } else if (y - last <= r) out[y * w + x] = 1;
    last = 1e9;
    for (let y = h - 1; y >= 0; y--) if (tmp[y * w + x]) last = y; else if (last - y <= r) out[y * w + x] = 1;
  }
  return out;
}

/**
 * Each layer's nearness at the output size: behind the subject the surroundings' continued inwards
 * and smoothed; the subject's own continued outwards.
 */
async function layerNearness(scene: Scene, matte: Float32Array, W: number, H: number, fit: PictureFit, segments: readonly PixelSegment[]): Promise<{ back: Uint8Array; front: Uint8Array }> {
  const m = scene.maps, n = m.width * m.height, nearness = warpNearness(scene);
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
  const soften = W * 0.006;
  const [backSmooth, frontSmooth] = await Promise.all([mapToOutput(backMap, m, W, H, fit, soften), mapToOutput(frontMap, m, W, H, fit, soften)]);
  return { back: straightenNearness(backSmooth, W, H, segments), front: straightenNearness(frontSmooth, W, H, segments) };
}

export async function buildLayers(input: LayerInput): Promise<PictureLayers | null> {
  const { scene, picture, width: W, height: H, fit, parallax, seed, segments = [], acting } = input;
  const matte = scene.layers?.matte;
  if (!matte) return null;
  const m = scene.maps;
  // with no parallax (an action alone uncovers the background) nearness never moves a layer: the
  // picture's own serves both (null), and the layers' own are not built
  const [depths, matteRaw] = await Promise.all([parallax > 0 ? layerNearness(scene, matte, W, H, fit, segments) : null, mapToOutput(matte, m, W, H, fit)]);
  const backDepth = depths?.back ?? null, frontDepth = depths?.front ?? null;
  // the matte agrees with the straight edges: thin structures kept whole, even along its straight sides
  const matteOut = straightMatte(matteRaw, W, H, segments);
  if (acting) completeMatte(matteOut, W, H, acting, picture);

  // the hole: the matte with its soft edge and a little more (no halo of the subject stays behind)
  const core = new Uint8Array(W * H);
  for (let i = 0; i < core.length; i++) core[i] = matteOut[i]! > 5 ? 1 : 0;
  const hole = dilate(core, W, H, Math.max(2, Math.round(W / 320)));
  let holePixels = 0;
  for (let i = 0; i < hole.length; i++) holePixels += hole[i]!;
  if (holePixels === 0 || holePixels > W * H * 0.7) return null;

  const f = synthesisScale(W, holePixels);
  const w = Math.max(8, Math.round(W / f)), h = Math.max(8, Math.round(H / f));
  const small = await shrink(picture, W, H, w, h);
  const sHole = footprintAny(hole, W, H, w, h);
  const sSource = invertMask(sHole);
  const map = synthesize(small, 4, w, h, sHole, sSource, { seed, band: Math.ceil(parallax / f) + 4, objectsAsSources: true });
  const back = picture.slice();
  applySourceMap(back, 4, W, H, hole, invertMask(hole), map);
  // where an action uncovers it in place (a wave, a turn of the head), it is seen whole: finer there
  if (acting) await refineReveal(back, W, H, hole, acting, seed + 1);

  const front = picture.slice();
  for (let i = 0; i < W * H; i++) front[i * 4 + 3] = matteOut[i]!;
  return { back, backDepth, front, frontDepth, hole };
}
