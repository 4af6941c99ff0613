/**
 * The director limits a move that would reveal more beyond the picture than synthesis can
 * honestly invent, and says so in a note, rather than show garbage (issue #11). Beyond each edge
 * it allows up to 12 % of the frame when the edge is texture (grass, sky, a wall), less the more
 * of the edge is objects (a ball, a logo, a person cut by the edge: synthesis continues texture
 * and never copies an object, so it cannot continue those), down to 2 % for an edge that is
 * mostly objects. A path that reveals more is scaled down as a whole (found by bisection) until
 * every side is within its allowance.
 *
 * @example
 *   const camera = limitReveal(camera, scene, { width: 1920, height: 1080 }, notes);
 *   // notes: ["camera: pull out limited to 40 % of its amplitude: the frame's bottom edge has a distinct object that cannot be continued beyond the picture"]
 */
import type { Camera } from '../../../plan.js';
import type { Scene } from '../../../scene.js';
import { looksBeyond } from '../../../picture/camera/looks-beyond.js';
import { edgeObjects } from '../edge-objects.js';
import { depthPercentile } from '../scene-measures.js';
import { revealBeyond, scaledKeys, SIDES, type Reveal } from './reveal.js';

/** the most revealed beyond an edge of texture, and beyond an edge that is mostly objects */
export const MAX_REVEAL = 0.12, MIN_REVEAL = 0.02;
/** object share of an edge's strip up to which it counts as texture, and from which as all objects */
const TEXTURE_EDGE = 0.35, OBJECT_EDGE = 0.75;
/** how far past its allowance a path may go before it is limited (to that) */
const SLACK = 1.05;

/** How much may be revealed beyond an edge whose strip is `objects` (0…1) objects. */
export function allowedReveal(objects: number): number {
  const t = Math.min(1, Math.max(0, (objects - TEXTURE_EDGE) / (OBJECT_EDGE - TEXTURE_EDGE)));
  return MAX_REVEAL + (MIN_REVEAL - MAX_REVEAL) * t;
}

export function limitReveal(camera: Camera, scene: Scene, frame: { width: number; height: number }, notes: string[]): Camera {
  const { width, height } = frame;
  const nMin = depthPercentile(scene, 0.01), nMax = depthPercentile(scene, 0.99);
  // most moves never look beyond the picture (the renderer keeps them inside): nothing to weigh
  if (!looksBeyond(camera.keys)) return camera;
  const reveal = (k: number) => revealBeyond(k === 1 ? camera.keys : scaledKeys(camera.keys, k), width, height, nMin, nMax);
  const planned = reveal(1);
  if (SIDES.every((s) => planned[s] <= MIN_REVEAL)) return camera;
  const objects = edgeObjects(scene);
  const allowed = Object.fromEntries(SIDES.map((s) => [s, allowedReveal(objects[s])])) as Reveal;
  // a path just past its allowance is left as planned (a limit to 97 % says nothing)
  const within = (r: Reveal) => SIDES.every((s) => r[s] <= allowed[s] * SLACK + 1e-4);
  if (within(planned)) return camera;
  let lo = 0, hi = 1;
  for (let i = 0; i < 14; i++) { const mid = (lo + hi) / 2; if (within(reveal(mid))) lo = mid; else hi = mid; }
  // the side that binds: the most over its allowance as planned
  const side = [...SIDES].sort((a, b) => planned[b] / allowed[b] - planned[a] / allowed[a])[0]!;
  const moves = camera.moves.map((m) => m.replace(/_/g, ' ')).join(' + ');
  const why = objects[side] > TEXTURE_EDGE
    ? `the frame's ${side} edge has a distinct object that cannot be continued beyond the picture`
    : `it would reveal ${Math.round(planned[side] * 100)} % beyond the frame's ${side} edge, more than can be invented (${Math.round(allowed[side] * 100)} %)`;
  notes.push(`camera: ${moves} limited to ${Math.round(lo * 100)} % of its amplitude: ${why}`);
  return { ...camera, keys: scaledKeys(camera.keys, lo) };
}
