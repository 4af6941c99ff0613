/**
 * What a person's hands hold (a ball, a cup, a phone, a camera), so the person's matte takes it
 * in and the rigs know it is there. The segmentation model, looking at the whole person, leaves
 * most held things out; the limb rule (limbs.ts) then takes at most a fragment of one as the hand
 * — which rode with the hand while the rest stayed: a torn object.
 *
 * Per seen hand (wrist and elbow), a second look: the same model on a square round the hand (a
 * hand's reach each side), where the hand and what it holds fill its view and it draws the held
 * thing as part of the person, as it was trained to (a selfie's phone, a mug). What it adds there
 * joins the person's matte when it is held — touching the hand's matte, within reach of the hand
 * (a blob that runs to the square's edge is the crowd or a wall it half believes, not a held thing)
 * and more than a speck. Then the hand's blob — the matte connected to the hand, the body (torso,
 * head, both arms up to the wrists) taken away — says what the hand holds and how far past the
 * wrist it reaches: farther than a bare hand (HAND_SPAN), the arm rig, which turns a capsule round
 * the forearm and hand, would bend or cut it, so no gesture moves that hand (heldByHand); a blob
 * that runs on out of reach is not separable from the scene (`bounded: false`), nor moved.
 *
 * The second look costs one run of the model per seen hand: 80–190 ms of CPU for both hands (the
 * rest ~5 ms), on basketball1 and the footballer on a busy 2-core machine.
 *
 * @example const held = await heldObjects(image, people, scene.pose, w, h) // people now includes the held things
 */
import type { BodyPose, Box, HeldObject, RgbImage } from '../../scene.js';
import { boxBlur } from '../filters.js';
import { bodyScale, segmentDistance } from './limbs.js';
import { segmentPeople } from './person-segmentation.js';

/** a wrist or elbow counts when scored at least this (a wrist is seen less surely than a shoulder: as handsMeet) */
const SEEN = 0.2;
/** how far round the hand a held thing may reach, in body scales (a basketball held up: ~0.7) */
const HOLD_REACH = 0.9;
/** where the hand is: past the wrist along the forearm, in body scales */
const HAND = 0.12;
/** the least area the second look adds for a held thing, in body scales squared (less: a fringe, a speck) */
const MIN_AREA = 0.03;
/** how far the second look's soft values are kept round its sure part, in body scales */
const RIM = 0.12;
/** a second look whose blob has at least this share past the reach runs on (the crowd, a wall): not held */
const RUNS_ON = 0.05;
/** the body's parts taken away from the hand's blob: limb half-widths, torso margin and head radius, in body scales */
const LIMB = 0.22, TORSO = 0.15, HEAD = 0.55;

/**
 * how far past the wrist a bare hand reaches, in body scales (a hand is about half a shoulder
 * width long: the footballer's open hands 0.45); a blob reaching farther holds something (a
 * basketball held up 0.62, a camera on its tripod 0.67)
 */
const HAND_SPAN = 0.55;

type Point = { x: number; y: number };
type Side = 'left' | 'right';

/** A look at the people in a box of the picture (normalised), kept where it lies on the anchor: a soft matte at w × h, or null. */
export type SecondLook = (image: RgbImage, box: Box, anchor: readonly [number, number], w: number, h: number) => Promise<Float32Array | null>;

const modelLook: SecondLook = (image, box, anchor, w, h) => segmentPeople(image, { box, anchors: [[anchor[0], anchor[1]]] }, w, h);

/** The held things of the main person; the bounded ones are added to `people` (in place). `look`: the segmentation model (a stand-in in tests). */
export async function heldObjects(image: RgbImage, people: Float32Array, pose: BodyPose | null | undefined, w: number, h: number, look: SecondLook = modelLook): Promise<HeldObject[]> {
  if (!pose) return [];
  const at = (name: string, min = 0.3): Point | null => {
    const k = pose.keypoints.find((p) => p.name === name);
    return k && k.score >= min ? { x: k.x * w - 0.5, y: k.y * h - 0.5 } : null;
  };
  const scale = bodyScale(at);
  if (!scale) return [];
  const hands = (['left', 'right'] as const).flatMap((side) => {
    const wrist = at(`${side}_wrist`, SEEN), elbow = at(`${side}_elbow`, SEEN);
    if (!wrist || !elbow) return [];
    const len = Math.hypot(wrist.x - elbow.x, wrist.y - elbow.y) || 1;
    return [{ side, wrist, elbow, hand: { x: wrist.x + ((wrist.x - elbow.x) / len) * HAND * scale, y: wrist.y + ((wrist.y - elbow.y) / len) * HAND * scale } }];
  });
  // the second look at each hand: what it adds, kept when held
  for (const { hand } of hands) {
    const reach = HOLD_REACH * scale;
    const box = { x: (hand.x + 0.5 - reach) / w, y: (hand.y + 0.5 - reach) / h, w: (2 * reach) / w, h: (2 * reach) / h };
    const seen = await look(image, box, [(hand.x + 0.5) / w, (hand.y + 0.5) / h], w, h).catch(() => null);
    if (seen) addHeldLook(people, seen, hand, reach, scale, w, h);
  }
  // each hand's blob, the body taken away; a blob both hands reach is one thing held by both
  const body = bodyMask(at, scale, w, h);
  const things: Array<{ sides: Side[]; pixels: Uint8Array; bounded: boolean; reach: HeldObject['reach'] }> = [];
  for (const { side, wrist, hand } of hands) {
    const blob = handBlob(people, body, hand, HOLD_REACH * scale, w, h);
    if (!blob) continue;
    const reach = { side, span: span(blob.pixels, w, wrist, scale) };
    const same = things.find((t) => overlaps(t.pixels, blob.pixels));
    if (same) { same.sides.push(side); same.reach.push(reach); same.bounded &&= blob.bounded; }
    else things.push({ sides: [side], pixels: blob.pixels, bounded: blob.bounded, reach: [reach] });
  }
  return things.map((t) => ({ hands: t.sides, box: boxOf(t.pixels, w, h), bounded: t.bounded, reach: t.reach }));
}

/**
 * What the hand on `side` holds that it cannot move without tearing: a thing reaching farther than
 * a hand does, or one that runs on into the scene; null when it holds nothing or only what moves
 * with it as the hand does.
 */
export function heldByHand(held: readonly HeldObject[] | undefined, side: Side): HeldObject | null {
  return held?.find((t) => t.reach.some((r) => r.side === side && (r.span > HAND_SPAN || !t.bounded))) ?? null;
}

/**
 * The second look's part that is held, added to `people`: its pixels the person's matte lacks,
 * within reach of the hand, connected to the matte's pixels near the hand; all of it only when it
 * ends within reach and is more than a speck.
 */
function addHeldLook(people: Float32Array, look: Float32Array, hand: Point, reach: number, scale: number, w: number, h: number): void {
  const n = w * h, added = new Uint8Array(n), queue: number[] = [];
  // seeds: new pixels beside the person's matte near the hand
  const near = 0.35 * scale;
  for (let y = Math.max(0, Math.floor(hand.y - near)); y <= Math.min(h - 1, Math.ceil(hand.y + near)); y++) {
    for (let x = Math.max(0, Math.floor(hand.x - near)); x <= Math.min(w - 1, Math.ceil(hand.x + near)); x++) {
      const i = y * w + x;
      if (look[i]! < 0.5 || people[i]! >= 0.5) continue;
      const touches = (x > 0 && people[i - 1]! >= 0.5) || (x < w - 1 && people[i + 1]! >= 0.5) || (y > 0 && people[i - w]! >= 0.5) || (y < h - 1 && people[i + w]! >= 0.5);
      if (touches) { added[i] = 1; queue.push(i); }
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head]!, x = i % w;
    for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w]) {
      if (j < 0 || j >= n || added[j] || look[j]! < 0.5 || people[j]! >= 0.5) continue;
      added[j] = 1; queue.push(j);
    }
  }
  if (queue.length < MIN_AREA * scale * scale) return;
  let beyond = 0;
  for (const i of queue) if (Math.hypot((i % w) - hand.x, ((i / w) | 0) - hand.y) > 0.95 * reach) beyond++;
  if (beyond > RUNS_ON * queue.length) return;
  // solid where the model is sure, and its soft values a rim round that (a motion-blurred ball's
  // trailing half, seen through): the thing's pale streaks go with it, not left as its ghost
  const ramp = boxBlur(Float32Array.from(added), w, h, Math.max(2, Math.round(RIM * scale)));
  for (let i = 0; i < n; i++) {
    if (!ramp[i]) continue;
    const v = added[i] ? 1 : Math.min(look[i]!, 2 * ramp[i]!);
    if (v > people[i]!) people[i] = v;
  }
}

/** The body the hands' blobs leave out: the torso (shoulders and hips, with a margin), the head, both arms' bones up to the wrists. */
function bodyMask(at: (name: string, min?: number) => Point | null, scale: number, w: number, h: number): Uint8Array {
  const mask = new Uint8Array(w * h);
  const capsule = (a: Point | null, b: Point | null, r: number) => {
    if (!a || !b) return;
    for (let y = Math.max(0, Math.floor(Math.min(a.y, b.y) - r)); y <= Math.min(h - 1, Math.ceil(Math.max(a.y, b.y) + r)); y++) {
      for (let x = Math.max(0, Math.floor(Math.min(a.x, b.x) - r)); x <= Math.min(w - 1, Math.ceil(Math.max(a.x, b.x) + r)); x++) if (segmentDistance(x, y, a, b) <= r) mask[y * w + x] = 1;
    }
  };
  for (const side of ['left', 'right']) {
    capsule(at(`${side}_shoulder`), at(`${side}_elbow`, SEEN), LIMB * scale);
    capsule(at(`${side}_elbow`, SEEN), at(`${side}_wrist`, SEEN), LIMB * scale);
  }
  // the torso: its four edges and its diagonals as fat capsules (a quad filled well enough for a mask)
  const ls = at('left_shoulder'), rs = at('right_shoulder'), lh = at('left_hip'), rh = at('right_hip');
  for (const [a, b] of [[ls, rs], [ls, lh], [rs, rh], [lh, rh], [ls, rh], [rs, lh]] as const) capsule(a, b, TORSO * scale);
  const nose = at('nose');
  capsule(nose, nose, HEAD * scale);
  return mask;
}

/** The matte connected to the hand outside the body, within the reach and a margin; null when the hand has no matte. */
function handBlob(people: Float32Array, body: Uint8Array, hand: Point, reach: number, w: number, h: number): { pixels: Uint8Array; bounded: boolean } | null {
  const n = w * h, pixels = new Uint8Array(n), queue: number[] = [];
  const outer = 1.3 * reach, seed = 0.15 * reach;
  for (let y = Math.max(0, Math.floor(hand.y - seed)); y <= Math.min(h - 1, Math.ceil(hand.y + seed)); y++) {
    for (let x = Math.max(0, Math.floor(hand.x - seed)); x <= Math.min(w - 1, Math.ceil(hand.x + seed)); x++) {
      const i = y * w + x;
      if (people[i]! >= 0.5 && !body[i]) { pixels[i] = 1; queue.push(i); }
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head]!, x = i % w;
    for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w]) {
      if (j < 0 || j >= n || pixels[j] || body[j] || people[j]! < 0.5) continue;
      if (Math.hypot((j % w) - hand.x, ((j / w) | 0) - hand.y) > outer) continue;
      pixels[j] = 1; queue.push(j);
    }
  }
  if (!queue.length) return null;
  let beyond = 0;
  for (const i of queue) if (Math.hypot((i % w) - hand.x, ((i / w) | 0) - hand.y) > reach) beyond++;
  return { pixels, bounded: beyond < RUNS_ON * queue.length };
}

function overlaps(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] && b[i]) return true;
  return false;
}

function boxOf(pixels: Uint8Array, w: number, h: number): Box {
  let x0 = w, y0 = h, x1 = 0, y1 = 0;
  for (let i = 0; i < pixels.length; i++) if (pixels[i]) { const x = i % w, y = (i / w) | 0; x0 = Math.min(x0, x); x1 = Math.max(x1, x + 1); y0 = Math.min(y0, y); y1 = Math.max(y1, y + 1); }
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return { x: r(x0 / w), y: r(y0 / h), w: r(Math.max(0, x1 - x0) / w), h: r(Math.max(0, y1 - y0) / h) };
}

/** How far the blob reaches from the wrist (its farthest pixel), in body scales. */
function span(pixels: Uint8Array, w: number, wrist: Point, scale: number): number {
  let far = 0;
  for (let i = 0; i < pixels.length; i++) if (pixels[i]) far = Math.max(far, Math.hypot((i % w) - wrist.x, ((i / w) | 0) - wrist.y));
  return Math.round((far / scale) * 100) / 100;
}
