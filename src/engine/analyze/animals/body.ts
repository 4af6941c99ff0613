/**
 * An animal's body where its region is far larger than it (no detector box: the salient region
 * took in the leaves or the grass round it): the fur connected to its found eyes. The colour of
 * the fur round an eye (fur.ts) is grown out from the eye through neighbouring pixels of that
 * colour, small gaps closed (a dark stripe, a shadow) and holes filled. The body is trusted only
 * where it is clearly an animal's and clearly not the region: it reaches well beyond the head,
 * takes well under the whole region, and does not reach across the frame (from one edge to the
 * opposite one: that is the surroundings).
 * Breathing and idle sway move this body, not the surroundings (picture/characters/build-rigs.ts).
 *
 * @example
 *   const body = furBody(silhouette, rgb, eyes, width / height, region);
 *   body?.box // → { x: 0.25, y: 0.22, w: 0.44, h: 0.6 }; body.mask: 1 on the animal
 */
import type { Box } from '../../scene.js';
import { components } from '../layers/components.js';
import { close, fillEnclosed } from '../layers/refine-matte.js';
import type { AnimalEye } from './eyes.js';
import { furAround } from './fur.js';
import type { Silhouette } from './silhouette.js';

export interface AnimalBody {
  /** 1 on the animal, at the silhouette's raster */
  mask: Float32Array;
  width: number; height: number;
  /** its bounding box, normalised */
  box: Box;
}

/** The body is at most this share of its region (more: the colour took in the surroundings too). */
const MOST_OF_REGION = 0.6;
/** … and at least this many times the head's area (less: only the head was found). */
const LEAST_HEADS = 2;

/** An animal's body reaches at most this many head lengths from its eyes (a cat's, tail aside, about three). */
const REACH_HEADS = 3;

/**
 * An animal's head size (normalised to the picture's width) from its found eyes: about 2.6 eye
 * spacings across for a pair (ears included), twelve eye radii for one eye (a profile).
 */
export function headSize(eyes: ReadonlyArray<{ x: number; r: number }>): number {
  return eyes.length >= 2 ? 2.6 * Math.abs(eyes[1]!.x - eyes[0]!.x) : 12 * eyes[0]!.r;
}

export function furBody(s: Silhouette, rgb: Uint8Array, eyes: readonly AnimalEye[], aspect: number, region: Box): AnimalBody | null {
  const { width: w, height: h } = s, n = w * h;
  const fur = new Uint8Array(n);
  for (const eye of eyes) {
    const inFur = furAround(s, rgb, eye, aspect);
    for (let i = 0; i < n; i++) if (!fur[i] && inFur(i)) fur[i] = 1;
  }
  // the eyes themselves and the fur right round them (the seed): the dark of an eye is not fur
  const seeded = new Uint8Array(n);
  for (const eye of eyes) {
    const cx = eye.x * w, cy = eye.y * h, r = Math.max(1, 3 * eye.r * w), ry = Math.max(1, 3 * eye.r * aspect * h);
    for (let y = Math.max(0, Math.floor(cy - ry)); y <= Math.min(h - 1, Math.ceil(cy + ry)); y++) {
      for (let x = Math.max(0, Math.floor(cx - r)); x <= Math.min(w - 1, Math.ceil(cx + r)); x++) {
        if (((x - cx) / r) ** 2 + ((y - cy) / ry) ** 2 <= 1) { fur[y * w + x] = 1; seeded[y * w + x] = 1; }
      }
    }
  }
  // nothing further from the eyes than an animal's body reaches (what lies beyond is what it sits on)
  const head = headSize(eyes), reach = REACH_HEADS * head;
  const ex = eyes.reduce((t, e) => t + e.x, 0) / eyes.length, ey = eyes.reduce((t, e) => t + e.y, 0) / eyes.length;
  for (let i = 0; i < n; i++) if (Math.hypot((i % w) / w - ex, (((i / w) | 0) / h - ey) / aspect) > reach) fur[i] = 0;
  // gaps of about 1 % of the raster are fur the colour test missed
  const closed = close(fur, w, h, Math.max(1, Math.round(0.01 * Math.max(w, h))));
  const part = components(closed, w, h).find((c) => c.some((i) => seeded[i]));
  if (!part) return null;
  const mask = new Uint8Array(n);
  for (const i of part) mask[i] = 1;
  const body = fillEnclosed(mask, w, h);
  let x0 = w, y0 = h, x1 = -1, y1 = -1, area = 0;
  for (let i = 0; i < n; i++) {
    if (!body[i]) continue;
    const x = i % w, y = (i / w) | 0;
    area++; x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  }
  const across = (x0 === 0 && x1 === w - 1) || (y0 === 0 && y1 === h - 1);
  if (area > MOST_OF_REGION * region.w * region.h * n || area < LEAST_HEADS * (Math.PI / 4) * head * head * w * w || across) return null;
  return { mask: Float32Array.from(body), width: w, height: h, box: { x: x0 / w, y: y0 / h, w: (x1 + 1 - x0) / w, h: (y1 + 1 - y0) / h } };
}
