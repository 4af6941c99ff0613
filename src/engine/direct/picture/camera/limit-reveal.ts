/**
 * The director limits a move that would reveal more beyond the picture than synthesis can
 * honestly invent, and says so in a note, rather than show garbage (issue #11). Beyond each edge
 * it allows up to 12 % of the frame when the edge is texture (grass, sky, a wall), less the more
 * of the edge is objects (a ball, a logo cut by the edge: synthesis continues texture and never
 * copies an object, so it cannot continue those), down to 2 % for an edge that is mostly objects,
 * and nothing beyond an edge that cuts the subject's body (edge-subject.ts). First the path is
 * re-aimed so that the reveal goes where the picture continues (reframe-reveal.ts: a portrait is
 * pulled back toward the top and the sides, its bottom edge kept); only what no framing fits is
 * scaled down as a whole (found by bisection) until every side is within its allowance — where
 * no framing keeps clear of a cut subject (cut on both sides), 2 % beyond it, as beyond objects.
 *
 * @example
 *   const camera = limitReveal(camera, scene, { width: 1920, height: 1080 }, notes);
 *   // notes: ["camera: pull out limited to 40 % of its amplitude: the frame's bottom edge has a distinct object that cannot be continued beyond the picture"]
 */
import type { Camera } from '../../../plan.js';
import type { Scene } from '../../../scene.js';
import { looksBeyond } from '../../../picture/camera/looks-beyond.js';
import { edgeObjects } from '../edge-objects.js';
import { edgeSubject } from '../edge-subject.js';
import { reframeReveal } from './reframe-reveal.js';
import { depthPercentile } from '../scene-measures.js';
import { revealBeyond, scaledKeys, SIDES, type Reveal } from './reveal.js';

/** the most revealed beyond an edge of texture, and beyond an edge that is mostly objects */
export const MAX_REVEAL = 0.12, MIN_REVEAL = 0.02;
/** object share of an edge's strip up to which it counts as texture, and from which as all objects */
const TEXTURE_EDGE = 0.35, OBJECT_EDGE = 0.75;
/** how far past its allowance a path may go before it is limited (to that) */
const SLACK = 1.05;

/** share of an edge's strip the subject may cover with the edge still continued as if it did not, and from which nothing is */
const SUBJECT_FREE = 0.05, SUBJECT_CUT = 0.25;

/**
 * How much may be revealed beyond an edge whose strip is `objects` (0…1) objects and `subject`
 * (0…1) the subject's body, cut by the edge.
 */
export function allowedReveal(objects: number, subject = 0): number {
  const t = Math.min(1, Math.max(0, (objects - TEXTURE_EDGE) / (OBJECT_EDGE - TEXTURE_EDGE)));
  const cut = Math.min(1, Math.max(0, (subject - SUBJECT_FREE) / (SUBJECT_CUT - SUBJECT_FREE)));
  return (MAX_REVEAL + (MIN_REVEAL - MAX_REVEAL) * t) * (1 - cut);
}

export function limitReveal(camera: Camera, scene: Scene, frame: { width: number; height: number }, notes: string[]): Camera {
  const { width, height } = frame;
  const nMin = depthPercentile(scene, 0.01), nMax = depthPercentile(scene, 0.99);
  // most moves never look beyond the picture (the renderer keeps them inside): nothing to weigh
  if (!looksBeyond(camera.keys)) return camera;
  const objects = edgeObjects(scene), subject = edgeSubject(scene);
  const allowed = Object.fromEntries(SIDES.map((s) => [s, allowedReveal(objects[s], subject[s])])) as Reveal;
  const aimed = (k: number) => reframeReveal(k === 1 ? camera.keys : scaledKeys(camera.keys, k), allowed, width, height, nMin, nMax);
  const reveal = (k: number) => revealBeyond(aimed(k), width, height, nMin, nMax);
  const planned = reveal(1);
  // a path just past its allowance is left as planned (a limit to 97 % says nothing); an edge that
  // cuts the subject is kept out of the reveal whenever a framing can (reframe-reveal.ts), but where
  // none can (a portrait cut on both sides) it is granted what an edge of objects is, so that the
  // pull-out asked for still shows
  const within = (r: Reveal) => SIDES.every((s) => r[s] <= Math.max(allowed[s], MIN_REVEAL) * SLACK + 1e-4);
  if (within(planned)) return { ...camera, keys: aimed(1) };
  let lo = 0, hi = 1;
  for (let i = 0; i < 14; i++) { const mid = (lo + hi) / 2; if (within(reveal(mid))) lo = mid; else hi = mid; }
  // the side that binds: the most over its allowance as planned
  const over = (s: (typeof SIDES)[number]) => planned[s] / Math.max(allowed[s], MIN_REVEAL);
  const side = [...SIDES].sort((a, b) => over(b) - over(a))[0]!;
  const moves = camera.moves.map((m) => m.replace(/_/g, ' ')).join(' + ');
  const why = subject[side] > SUBJECT_FREE && allowed[side] < MIN_REVEAL * 0.999
    ? `the frame's ${side} edge cuts the subject, which cannot be continued beyond the picture`
    : objects[side] > TEXTURE_EDGE
    ? `the frame's ${side} edge has a distinct object that cannot be continued beyond the picture`
    : `it would reveal ${Math.round(planned[side] * 100)} % beyond the frame's ${side} edge, more than can be invented (${Math.round(allowed[side] * 100)} %)`;
  notes.push(`camera: ${moves} limited to ${Math.round(lo * 100)} % of its amplitude: ${why}`);
  return { ...camera, keys: aimed(lo) };
}
