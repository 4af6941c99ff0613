/**
 * An animal's parts, read from the picture when the director needs them (a prompt names an
 * animal, or the detector found one): inside its region (region.ts: the detector's box, else the
 * salient one) its silhouette from colour (silhouette.ts), its eyes — by their catchlights
 * (catchlight-eyes.ts) inside a detector's box, else as dark round blobs (eyes.ts) — the ears
 * above them (ears.ts) and a tail away from them (tail.ts). Computed once per Scene and region
 * (a few tens of milliseconds on the analysis raster) and kept beside it.
 *
 * @example
 *   const parts = animalParts(scene, 'dog');
 *   parts.eyes // → { eyes: [{ x, y, r }, …], confidence } or null, with parts.eyesReason saying why not
 */
import type { Box, Scene } from '../../scene.js';
import { downsampleRgb, halve } from '../resample.js';
import { animalEars, type AnimalEar } from './ears.js';
import { animalEyes, type AnimalEye, type AnimalEyes } from './eyes.js';
import { catchlightEyes, catchlights } from './catchlight-eyes.js';
import { rimmedEye } from './rimmed-eye.js';
import { furAround } from './fur.js';
import { furBody, type AnimalBody } from './body.js';
import { animalRegion } from './region.js';
import { animalSilhouette, type Silhouette } from './silhouette.js';
import { animalTail, type AnimalTail } from './tail.js';
import { outlineHead, type OutlineHead } from './outline-head.js';
import type { HeadAt } from './head-window.js';

export type { AnimalEye, AnimalEyes } from './eyes.js';
export type { AnimalEar } from './ears.js';
export type { AnimalTail } from './tail.js';
export type { OutlineHead } from './outline-head.js';
export type { AnimalBody } from './body.js';

export interface AnimalParts {
  silhouette: Silhouette | null;
  /** the eyes, when found with enough confidence to animate them */
  eyes: AnimalEyes | null;
  /** the finder's best guess whatever its confidence (for the debug sheets and the bench) */
  candidate: AnimalEyes | null;
  /** why the eyes are not animated (when `eyes` is null) */
  eyesReason: string | null;
  /** the ears standing up from the outline above the found eyes (none: `earsReason` says why) */
  ears: AnimalEar[];
  earsReason: string | null;
  /** the tail standing out of the outline away from the head (none: `tailReason` says why) */
  tail: AnimalTail | null;
  tailReason: string | null;
  /** the head found from the outline where no eyes were (the raised end of an animal seen side-on) */
  head: OutlineHead | null;
  /**
   * its body from the fur connected to its eyes, where its region is the salient one (no detector
   * box) and the fur bounds it with confidence (body.ts); null: its region is the body
   */
  body: AnimalBody | null;
  /** why the head cannot be placed for a head action (null: its eyes were found, or its outline shows where the head is, or carries it high) */
  headReason: string | null;
}

/** An outline this much wider than tall (in pixels) is an animal seen side-on: its head is at one end, not in its upper middle. */
const SIDE_ON = 1.5;

/** eyes found less surely than this are not animated: a lid drawn over fur would show */
export const MIN_EYE_CONFIDENCE = 0.6;

/** The lowest an animal's eyes sit in its region, as a fraction of its height (the found ones: 0.12–0.46). */
const LOWEST_EYES = 0.5;

/**
 * The fur a lid can be made of: how far the animal goes straight up from the eye's top before its
 * outline — or before the colour leaves the fur the eye sits in (a colour silhouette that took the
 * background too, as it does where the animal fills its salient region, has no outline there) —
 * normalised to the picture's height. A lid drawn from further up would pull the background into
 * the head.
 */
function roomAbove(s: Silhouette, rgb: Uint8Array, eye: AnimalEye, aspect: number): number {
  const x = Math.min(s.width - 1, Math.max(0, Math.round(eye.x * s.width)));
  const top = Math.round((eye.y - eye.r * aspect) * s.height);
  const inFur = furAround(s, rgb, eye, aspect);
  // gaps up to 3 % of the raster's height are fur the colours missed (a dark rim, a stripe)
  const allowed = Math.max(2, Math.round(0.03 * s.height));
  let y = top, last = top, gap = 0;
  for (; y >= 0; y--) {
    const i = y * s.width + x;
    if (s.mask[i] && inFur(i)) { last = y; gap = 0; } else if (++gap > allowed) break;
  }
  return Math.max(0, (top - last) / s.height);
}

/** Where to look for eyes: the silhouette's and the salient box, each grown by 40 % (a head the colours or the saliency cut off). */
function searchRegion(silhouette: Silhouette | null, subject: Box): Box {
  const grow = (b: Box) => [b.x - 0.4 * b.w, b.y - 0.4 * b.h, b.x + 1.4 * b.w, b.y + 1.4 * b.h];
  const a = grow(subject), b = silhouette ? grow(silhouette.box) : a;
  const x0 = Math.max(0, Math.min(a[0]!, b[0]!)), y0 = Math.max(0, Math.min(a[1]!, b[1]!));
  const x1 = Math.min(1, Math.max(a[2]!, b[2]!)), y1 = Math.min(1, Math.max(a[3]!, b[3]!));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** An outline fills at most this share of its box when it has legs, a neck and a tail (a blob or a box fills more). */
const OUTLINE_FILL = 0.8;

/**
 * An outline much wider than tall that the frame does not cut on both sides, with the legs and
 * neck that leave its box partly empty (a cheetah walking past).
 */
function sideOn(s: Silhouette, aspect: number): boolean {
  const b = s.box;
  if (!(b.w * aspect > SIDE_ON * b.h && b.w < 0.95)) return false;
  let on = 0;
  for (let i = 0; i < s.mask.length; i++) on += s.mask[i]!;
  return on < OUTLINE_FILL * b.w * b.h * s.width * s.height;
}

/** A point lies in a box grown by `margin` of its size on each side. */
const inside = (p: { x: number; y: number }, b: Box, margin: number) =>
  p.x >= b.x - margin * b.w && p.x <= b.x + (1 + margin) * b.w && p.y >= b.y - margin * b.h && p.y <= b.y + (1 + margin) * b.h;

/** Where the head is for the ears and the tail: the eyes' middle, scaled by their spacing (one eye: five of its radii), else the outline's head, scaled by half its width. */
function headAt(eyes: AnimalEyes | null, head: OutlineHead | null): HeadAt | null {
  if (eyes) {
    const e = eyes.eyes;
    return { x: e.reduce((s, p) => s + p.x, 0) / e.length, y: e.reduce((s, p) => s + p.y, 0) / e.length, scale: e.length === 2 ? Math.abs(e[1]!.x - e[0]!.x) : 5 * e[0]!.r };
  }
  return head && { x: head.x, y: head.y, scale: head.size / 2 };
}

const cache = new WeakMap<Scene, Map<string, AnimalParts>>();

/** The parts of the animal the prompt calls `word` (its region: region.ts). */
export function animalParts(scene: Scene, word?: string): AnimalParts {
  const { box: region, detected, bird } = animalRegion(scene, word);
  const key = JSON.stringify([region, bird]);
  const known = cache.get(scene) ?? new Map<string, AnimalParts>();
  cache.set(scene, known);
  let parts = known.get(key);
  if (parts) return parts;
  // the silhouette at half the analysis raster (long side ≤ 256): its outline is what matters
  const half = Math.max(scene.maps.width, scene.maps.height) > 256;
  const w = half ? scene.maps.width >> 1 : scene.maps.width, h = half ? scene.maps.height >> 1 : scene.maps.height;
  const rgb = downsampleRgb(scene.image.data, scene.image.width, scene.image.height, w, h);
  const saliency = half ? halve(scene.maps.saliency, scene.maps.width, scene.maps.height).data : scene.maps.saliency;
  const silhouette = animalSilhouette(rgb, w, h, region, saliency, detected);
  // in a detector's box, a pair of catchlights (eyes in fur as dark as they are); else, or without
  // a sure pair, dark round blobs
  const lit = detected ? catchlightEyes(scene.image, region, silhouette) : null;
  const blobs = () => {
    const b = animalEyes(scene.image, searchRegion(silhouette, region), silhouette, { width: w, height: h, data: saliency });
    // a detector's box holds the animal's head: blobs outside it are another thing's
    return b && detected && !b.eyes.every((e) => inside(e, region, 0.1)) ? null : b;
  };
  const found = lit && lit.eyes.length === 2 && lit.confidence >= MIN_EYE_CONFIDENCE ? lit : blobs();
  // an animal's eyes sit in the upper half of where it is: a pair lower down is spots on its body
  // (a cheetah's haunch), and lids closing there would smear its coat
  const isLow = (e: AnimalEyes) => e.eyes.reduce((sum, eye) => sum + (eye.y - region.y) / region.h, 0) / e.eyes.length > LOWEST_EYES;
  const low = !!found && isLow(found);
  // without a sure pair: one eye whose whole shape is an eye's, clearly above every other glint
  const rimmed = () => { const e = rimmedEye(scene.image, catchlights(scene.image, searchRegion(silhouette, region))); return e && !isLow(e) ? e : null; };
  const sure = (found && !low && found.confidence >= MIN_EYE_CONFIDENCE ? found : null) ?? rimmed();
  if (sure && silhouette) for (const eye of sure.eyes) eye.room = roomAbove(silhouette, rgb, eye, scene.image.width / scene.image.height);
  // without eyes, the head where the outline shows it: the end that rises above the back
  const aspect = scene.image.width / scene.image.height;
  const head = !sure && silhouette ? outlineHead(silhouette, aspect) : null;
  // ears are looked for only above a head found (its eyes, or its outline's): without it there is no "above"
  const at = headAt(sure, head);
  // (a bird has none that stand out: a crest or the beak's ridge is not one)
  // (round a head its outline placed, only at the picture's own resolution: see animalEars)
  const ears = at && silhouette && !bird ? animalEars(scene.image, sure ? silhouette : null, rgb, at) : [];
  // and a tail only away from its eyes: from a head the outline shows, the outline's other thin
  // parts are as often legs or a person's limbs (a footballer's kicking leg) as a tail (the note
  // says so: its head was found, its eyes were not)
  const tail = !silhouette ? { tail: null, reason: 'its outline was not found' }
    : !sure && head ? { tail: null, reason: 'its eyes were not found, and a tail is looked for only away from its eyes (from the head its outline shows, the outline\'s other thin parts are as often legs as a tail)' }
    : animalTail(silhouette, sure && at);
  // a salient region may take in the surroundings: the body is the fur connected to the eyes
  const body = !detected && sure && silhouette ? furBody(silhouette, rgb, sure.eyes, aspect, region) : null;
  parts = {
    silhouette, eyes: sure, body, candidate: found,
    eyesReason: sure ? null : low ? 'the dark round spots found lie low on its body, not on a head' : found ? `its eyes were not found clearly enough in the picture (confidence ${found.confidence.toFixed(2)})` : 'no dark, round eyes were found on it in the picture',
    ears,
    earsReason: ears.length ? null : bird ? 'a bird has no ears that stand out of its head' : !at ? 'its head was not found (no eyes were found with confidence, nor a head in its outline)' : !silhouette ? 'its outline was not found' : 'no ear stands out of its outline above its head',
    tail: tail.tail, tailReason: tail.reason,
    head,
    headReason: !sure && !head && silhouette && sideOn(silhouette, aspect) ? 'no eyes were found on it and it is seen side-on, and neither end of its outline rises clearly above its back, so its head is not placed' : null,
  };
  known.set(key, parts);
  return parts;
}
