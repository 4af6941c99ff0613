/**
 * The director limits a move that would reveal more beyond the picture than synthesis can
 * honestly invent, and says so in a note, rather than show garbage (issue #11). Beyond each edge
 * it allows up to 12 % of the frame when the edge is texture (grass, sky, a wall), less the more
 * of the edge is objects (a ball, a logo cut by the edge: synthesis continues texture and never
 * copies an object, so it cannot continue those), down to 2 % for an edge that is mostly objects,
 * down to 5 % for one whose regions mostly cannot be continued (edge-regions.ts: too small near
 * the edge, or so busy that the edge crosses region after region — a margin pixel copies only its
 * own region),
 * and nothing beyond an edge that cuts the subject's body (edge-subject.ts). First the path is
 * re-aimed so that the reveal goes where the picture continues (reframe-reveal.ts: a portrait is
 * pulled back toward the top and the sides, its bottom edge kept); only what no framing fits is
 * scaled down as a whole (found by bisection) until every side is within its allowance — where
 * no framing keeps clear of a cut subject (cut on both sides), 2 % beyond it, as beyond objects.
 * Either way the plan's notes say so (reveal-notes.ts): a move limited, or only re-aimed.
 * A travelling camera (a dramatic crane, truck or orbit) looks beyond the picture only past the
 * overscan budget's zoom (picture/camera/overscan-budget.ts): what it leaves in view is weighed
 * alike, and the move is only scaled, never re-aimed (a re-aimed crane would be a tilt).
 *
 * @example
 *   const camera = limitReveal(camera, scene, { width: 1920, height: 1080 }, notes);
 *   // notes: ["camera: pull out limited to 40 % of its amplitude: the frame's bottom edge has a distinct object that cannot be continued beyond the picture"]
 */
import type { Camera, CameraKey } from '../../../plan.js';
import type { Scene } from '../../../scene.js';
import { looksBeyond } from '../../../picture/camera/looks-beyond.js';
import { atBudgetZoom, travels } from '../../../picture/camera/overscan-budget.js';
import { edgeObjects } from '../edge-objects.js';
import { edgeContinuation } from '../edge-regions.js';
import { edgeSubject } from '../edge-subject.js';
import { limitedNote, reaimedNote, type EdgeReason } from './reveal-notes.js';
import { reframeReveal } from './reframe-reveal.js';
import { depthPercentile } from '../scene-measures.js';
import { revealBeyond, scaledKeys, SIDES, type Reveal, type Side } from './reveal.js';

/** the most revealed beyond an edge of texture, and beyond an edge that is mostly objects */
export const MAX_REVEAL = 0.12, MIN_REVEAL = 0.02;
/** object share of an edge's strip up to which it counts as texture, and from which as all objects */
const TEXTURE_EDGE = 0.35, OBJECT_EDGE = 0.75;
/** how far past its allowance a path may go before it is limited (to that) */
const SLACK = 1.05;
/** a limit to this share of the amplitude or more is not noticed (the plan does not call it one) */
const UNNOTICED = 0.95;

/** share of an edge's strip the subject may cover with the edge still continued as if it did not, and from which nothing is */
const SUBJECT_FREE = 0.05, SUBJECT_CUT = 0.25;

/**
 * share of an edge whose regions can be continued (edge-regions.ts) from which it counts as
 * texture, and up to which it counts as objects (it cannot be continued without inventing)
 */
const CONTINUED = 0.85, BROKEN = 0.4;
/**
 * the most revealed beyond an edge whose regions cannot be continued: a sliver, each pixel of it
 * still copied from its own region near the edge, where a wide band would show the regions'
 * pieces (unlike objects, nothing is copied that should not be)
 */
const BROKEN_REVEAL = 0.05;

const ramp = (v: number, from: number, to: number) => Math.min(1, Math.max(0, (v - from) / (to - from)));

/** How far (0…1) an edge counts as objects: by its objects, or by how little of it can be continued. */
function objectness(objects: number, continued: number): { objects: number; continuation: number } {
  return { objects: ramp(objects, TEXTURE_EDGE, OBJECT_EDGE), continuation: ramp(continued, CONTINUED, BROKEN) };
}

/**
 * How much may be revealed beyond an edge whose strip is `objects` (0…1) objects and `subject`
 * (0…1) the subject's body, cut by the edge, and of which `continued` (0…1) can be continued.
 */
export function allowedReveal(objects: number, subject = 0, continued = 1): number {
  const o = objectness(objects, continued);
  const cut = ramp(subject, SUBJECT_FREE, SUBJECT_CUT);
  return Math.min(MAX_REVEAL + (MIN_REVEAL - MAX_REVEAL) * o.objects, MAX_REVEAL + (BROKEN_REVEAL - MAX_REVEAL) * o.continuation) * (1 - cut);
}

export function limitReveal(camera: Camera, scene: Scene, frame: { width: number; height: number }, notes: string[]): Camera {
  const { width, height } = frame;
  const nMin = depthPercentile(scene, 0.01), nMax = depthPercentile(scene, 0.99);
  // most moves never look beyond the picture (the renderer keeps them inside): nothing to weigh;
  // a travelling camera looks beyond it only past the overscan budget's zoom (overscan-budget.ts)
  const beyond = looksBeyond(camera.keys), travelling = !beyond && travels(camera.keys);
  if (!beyond && !travelling) return camera;
  const objects = edgeObjects(scene), subject = edgeSubject(scene), continued = edgeContinuation(scene);
  const allowed = Object.fromEntries(SIDES.map((s) => [s, allowedReveal(objects[s], subject[s], continued[s])])) as Reveal;
  // (a travel is not re-aimed — that would turn a crane into a tilt — only scaled; what it reveals
  // is what the budget's zoom leaves in view)
  const scaled = (k: number) => (k === 1 ? [...camera.keys] : scaledKeys(camera.keys, k));
  const aimed = (k: number) => (travelling ? scaled(k) : reframeReveal(scaled(k), allowed, width, height, nMin, nMax));
  const reveal = (k: number) => revealBeyond(travelling ? atBudgetZoom(aimed(k)) : aimed(k), width, height, nMin, nMax);
  const planned = reveal(1);
  // a path just past its allowance is left as planned (a limit to 97 % says nothing); an edge that
  // cuts the subject is kept out of the reveal whenever a framing can (reframe-reveal.ts), but where
  // none can (a portrait cut on both sides) it is granted what an edge of objects is, so that the
  // pull-out asked for still shows
  const within = (r: Reveal) => SIDES.every((s) => r[s] <= Math.max(allowed[s], MIN_REVEAL) * SLACK + 1e-4);
  const moves = camera.moves.map((m) => m.replace(/_/g, ' ')).join(' + ');
  /** why an edge allows less than texture would */
  const reason = (side: Side, planned = 0): EdgeReason => {
    const o = objectness(objects[side], continued[side]);
    if (subject[side] > SUBJECT_FREE && allowed[side] < MIN_REVEAL * 0.999) return { kind: 'subject', side };
    if (o.continuation > o.objects) return { kind: 'continuation', side };
    if (objects[side] > TEXTURE_EDGE) return { kind: 'object', side };
    return { kind: 'amount', side, planned, allowed: allowed[side] };
  };
  const reaimed = (keys: CameraKey[]) => {
    const away = reaimedAway(camera.keys, keys, width, height, nMin, nMax);
    // (what the path as asked reveals beyond the edge it is re-aimed away from, for the note)
    if (away) notes.push(reaimedNote(moves, away.toward, reason(away.from, revealBeyond(camera.keys, width, height, nMin, nMax)[away.from])));
    return { ...camera, keys };
  };
  if (within(planned)) return reaimed(aimed(1));
  let lo = 0, hi = 1;
  for (let i = 0; i < 14; i++) { const mid = (lo + hi) / 2; if (within(reveal(mid))) lo = mid; else hi = mid; }
  // a move limited by a few percent looks as planned: only its re-aiming is worth a note
  if (lo >= UNNOTICED) return reaimed(aimed(lo));
  // the side that binds: the most over its allowance as planned
  const over = (s: Side) => planned[s] / Math.max(allowed[s], MIN_REVEAL);
  const side = [...SIDES].sort((a, b) => over(b) - over(a))[0]!;
  notes.push(limitedNote(moves, lo, reason(side, planned[side])));
  return { ...camera, keys: aimed(lo) };
}

/** re-aiming that moves less than this (a fraction of the frame) goes without a note */
const REAIMED = 0.01;

/**
 * The edge a re-aimed path reveals less beyond than planned (the most), and the edges it reveals
 * more beyond instead; null when re-aiming moved the reveal by less than REAIMED.
 */
function reaimedAway(planned: readonly CameraKey[], aimed: readonly CameraKey[], width: number, height: number, nMin: number, nMax: number): { from: Side; toward: Side[] } | null {
  const before = revealBeyond(planned, width, height, nMin, nMax), after = revealBeyond(aimed, width, height, nMin, nMax);
  const change = (s: Side) => after[s] - before[s];
  const from = [...SIDES].sort((a, b) => change(a) - change(b))[0]!;
  if (-change(from) < REAIMED) return null;
  const toward = SIDES.filter((s) => change(s) >= REAIMED);
  return { from, toward: toward.length ? toward : [[...SIDES].sort((a, b) => change(b) - change(a))[0]!] };
}
