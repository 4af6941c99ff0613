/**
 * One eye found by its whole shape, for an animal seen in profile where no detector box holds it
 * and no pair of eyes stands out (a squirrel among leaves, whose salient region is most of the
 * frame): around a catchlight, a disc dark all over (the pupil and iris) whose edge rises to a
 * lighter rim in nearly every direction (the eye-ring, the lighter fur round it). Bark, foliage
 * gaps and fur hold catchlight-like glints too, but their dark around is lighter somewhere or
 * opens onto more darkness on some side. An eye is accepted only when one such disc is clearly the
 * most eye-like of them all; otherwise nothing (the plan then notes that no eye was found).
 *
 * @example
 *   rimmedEye(scene.image, catchlights(scene.image, region)) // → { eyes: [{ x, y, r }], confidence: 0.7 } or null
 */
import type { RgbImage } from '../../scene.js';
import type { Catchlight } from './catchlight-eyes.js';
import type { AnimalEyes } from './eyes.js';

const DIRECTIONS = 16;
/** the rim rises at least this much (luma 0…1) in all but two directions */
const MIN_RISE = 0.25;
/** nothing inside the disc is lighter than this (luma 0…1): a pupil and iris, not shaded fur */
const MAX_DISC = 0.3;
/** the most eye-like disc must be this many times more so than the next: one eye, not a texture of them */
const MARGIN = 1.6;

export interface EyeDisc {
  /** the disc's centre and radius, picture px */
  x: number; y: number; r: number;
  /** the rim's rise at its third weakest direction, and the disc's lightest luma */
  rise: number; disc: number;
  /** how eye-like: rise × darkness of the disc */
  score: number;
}

/** The dark disc round a catchlight and its rim: per direction, the strongest outward luma rise between the spot's radius and six times it. */
export function eyeDisc(image: RgbImage, c: Catchlight): EyeDisc {
  const { width: W, height: H, data } = image;
  const luma = (x: number, y: number) => {
    const X = Math.min(W - 1, Math.max(0, Math.round(x))), Y = Math.min(H - 1, Math.max(0, Math.round(y)));
    const k = 3 * (Y * W + X);
    return (0.299 * data[k]! + 0.587 * data[k + 1]! + 0.114 * data[k + 2]!) / 255;
  };
  const half = Math.max(1, c.r / 2), step = Math.max(0.5, c.r / 4);
  const rises: number[] = [];
  let ex = 0, ey = 0, disc = 0;
  const edges: Array<[number, number]> = [];
  for (let d = 0; d < DIRECTIONS; d++) {
    const a = (2 * Math.PI * d) / DIRECTIONS, u = Math.cos(a), v = Math.sin(a);
    let rise = 0, at = c.r;
    for (let t = c.r; t <= 6 * c.r; t += step) {
      const s = luma(c.x + (t + half) * u, c.y + (t + half) * v) - luma(c.x + (t - half) * u, c.y + (t - half) * v);
      if (s > rise) { rise = s; at = t; }
    }
    rises.push(rise);
    edges.push([c.x + at * u, c.y + at * v]);
    ex += c.x + at * u; ey += c.y + at * v;
    // inside the edge, away from the catchlight
    disc = Math.max(disc, luma(c.x + 0.7 * at * u, c.y + 0.7 * at * v));
  }
  ex /= DIRECTIONS; ey /= DIRECTIONS;
  const r = edges.reduce((s, [x, y]) => s + Math.hypot(x - ex, y - ey), 0) / DIRECTIONS;
  const rise = rises.sort((p, q) => p - q)[2]!;
  return { x: ex, y: ey, r, rise, disc, score: rise * (1 - disc) };
}

export function rimmedEye(image: RgbImage, spots: readonly Catchlight[]): AnimalEyes | null {
  const discs = spots.map((c) => eyeDisc(image, c)).sort((p, q) => q.score - p.score);
  const best = discs[0];
  if (!best || best.rise < MIN_RISE || best.disc > MAX_DISC) return null;
  // the same eye seen from two catchlights (or two scales) is one disc
  const next = discs.find((d) => Math.hypot(d.x - best.x, d.y - best.y) > best.r);
  const margin = next ? best.score / Math.max(1e-6, next.score) : Infinity;
  if (margin < MARGIN) return null;
  const confidence = Math.min(0.9, 0.6 + 0.3 * (margin - MARGIN));
  return { eyes: [{ x: best.x / image.width, y: best.y / image.height, r: best.r / image.width }], confidence: Math.round(confidence * 1000) / 1000 };
}
