/**
 * Where an action row moves a performer, in output pixels of a W × H static-camera clip, and the
 * background's stillness away from every performer: the regions the action tests measure in
 * (actions.test.ts, arms.test.ts, animal-blink/ears/tail tests) and `npm run bench -- acting`
 * measures photos nobody tuned in.
 *
 * @example
 *   const r = performerRegions('animal', scene, plan, 320, 240);   // { where, local, core, jaw, others }
 *   backgroundPeak(frames, 320, 240, r.others)                    // largest 8×8 tile change outside them
 */
import type { ShotPlan } from '../../src/engine/plan.js';
import type { Box, Scene } from '../../src/engine/scene.js';
import { EYE_EXTENT, subjectFeatures } from '../../src/engine/picture/characters/subject-features.js';
import { blockPeak, changeSeries, type Region } from './local-motion.js';

type PlanSubject = NonNullable<ShotPlan['shots'][number]['subjects']>[number];

export interface PerformerRegions {
  /** the head and round it: every face or head row moves it */
  where: Region;
  /** where the motion is compared with idle life's */
  local: Region;
  /** the face or head core (a turn's or nod's shift) */
  core: Region;
  /** the mouth line down to the chin (a chew, a yawn, a call) */
  jaw: Region;
  /** every performer's region: the background is outside them all */
  others: Region[];
}

/** A normalised box in output px, grown by `grow` of its size (twice that downwards: the neck). */
function grown(box: Box, grow: number, W: number, H: number): Region {
  const x0 = Math.max(0, box.x - grow * box.w), x1 = Math.min(1, box.x + box.w * (1 + grow));
  const y0 = Math.max(0, box.y - grow * box.h), y1 = Math.min(1, box.y + box.h * (1 + 2 * grow));
  return { x: x0 * W, y: y0 * H, w: (x1 - x0) * W, h: (y1 - y0) * H };
}

/**
 * The performer's regions: a person's face box (`face`, an index into scene.faces) grown to take
 * the head; else the plan's first subject's head where the subject rig puts it.
 */
export function performerRegions(scene: Scene, plan: ShotPlan, W: number, H: number, face?: number): PerformerRegions {
  if (face !== undefined) {
    const box = scene.faces[face]!.box;
    return { where: grown(box, 0.6, W, H), local: grown(box, 0.6, W, H), core: grown(box, 0, W, H), jaw: grown(box, 0.6, W, H), others: scene.faces.map((f) => grown(f.box, 0.8, W, H)) };
  }
  // an animal's head core: where the subject rig puts its head (round its found eyes, else in
  // its box, where a tall box, an animal seen whole, carries it in its top part: subject-features.ts)
  const { box, eyes } = plan.shots[0]!.subjects![0]!;
  const head = subjectFeatures(box, scene.image.width, scene.image.height, W, H, 0, 0, W, H, eyes)!;
  const core: Region = { x: head.cx - 0.45 * head.fw, y: head.cy - 0.5 * head.fh, w: 0.9 * head.fw, h: head.fh };
  // its region: the head and round it, within its box (every row moves the head: breathing and
  // swaying too; the breathing body below would drown a head's turn in a tall box's mean)
  const all = grown(box, 0, W, H), x0 = Math.max(all.x, head.cx - head.fw), y0 = Math.max(all.y, head.cy - head.fh);
  const where: Region = { x: x0, y: y0, w: Math.min(all.x + all.w, head.cx + head.fw) - x0, h: Math.min(all.y + all.h, head.cy + head.fh) - y0 };
  // and its jaw, where a chew or a yawn moves it: the rig's mouth line down to its chin
  const m = head.mouth, jaw: Region = { x: m.x0 - 0.1 * head.fw, y: m.ly - 0.1 * head.fh, w: m.x1 - m.x0 + 0.2 * head.fw, h: m.chin - m.ly + 0.2 * head.fh };
  // the local motion compared with idle life's: on the head alone where its eyes place it (a head
  // found small in a large region: the region's breathing round it is idle life's, not the action's)
  return { where, local: eyes?.length ? core : where, core, jaw, others: [grown(box, 0.05, W, H)] };
}

/**
 * The largest 8×8 tile change from frame 0 (every other frame) anywhere outside every performer's
 * region — and, given `keep` (background-motion.ts's backgroundMask), only where the tile's centre
 * is clear of the subject's matte (a close-up's animal runs past its detector box).
 */
export function backgroundPeak(frames: readonly Uint8Array[], W: number, H: number, others: readonly Region[], keep?: Uint8Array): number {
  let best = 0;
  for (let y = 0; y + 8 <= H; y += 8) {
    for (let x = 0; x + 8 <= W; x += 8) {
      if (others.some((o) => x + 8 > o.x && x < o.x + o.w && y + 8 > o.y && y < o.y + o.h)) continue;
      if (keep && !keep[(y + 4) * W + x + 4]) continue;
      for (let i = 1; i < frames.length; i += 2) best = Math.max(best, blockPeak(frames[0]!, frames[i]!, W, { x, y, w: 8, h: 8 }));
    }
  }
  return best;
}

/** The gesturing side's shoulder–elbow–wrist box (the higher wrist's arm, of those the pose finds) grown by half its size; undefined with no whole arm. */
export function armRegion(scene: Scene, W: number, H: number): Region | undefined {
  const k = (n: string) => scene.pose?.keypoints.find((p) => p.name === n);
  const sides = ['left', 'right'].filter((s) => ['shoulder', 'elbow', 'wrist'].every((j) => (k(`${s}_${j}`)?.score ?? 0) >= 0.3));
  if (!sides.length) return undefined;
  const side = sides.reduce((a, b) => (k(`${b}_wrist`)!.y < k(`${a}_wrist`)!.y ? b : a));
  const pts = ['shoulder', 'elbow', 'wrist'].map((j) => k(`${side}_${j}`)!);
  const x0 = Math.min(...pts.map((p) => p.x)), x1 = Math.max(...pts.map((p) => p.x)), y0 = Math.min(...pts.map((p) => p.y)), y1 = Math.max(...pts.map((p) => p.y));
  const gx = 0.5 * (x1 - x0), gy = 0.5 * (y1 - y0) + 0.05;
  return { x: Math.max(0, x0 - gx) * W, y: Math.max(0, y0 - gy) * H, w: (Math.min(1, x1 + gx) - Math.max(0, x0 - gx)) * W, h: (Math.min(1, y1 + gy) - Math.max(0, y0 - gy)) * H };
}

/** Each found eye's box with the fur its lid is drawn from (up to its room: never past the outline above it), and a grid cell's spill. */
export function animalEyeRegions(subject: PlanSubject, W: number, H: number): Region[] {
  return (subject.eyes ?? []).map((e) => {
    const r = EYE_EXTENT * e.r * W, room = Math.max(0.3 * r, Math.min(3 * r, 0.9 * (e.room ?? 3) * H));
    return { x: e.x * W - 1.2 * r - 2, y: e.y * H - r - room - 2, w: 2.4 * r + 4, h: 2 * r + room + 4 };
  });
}

/** Each found ear: tip and base, and half the ear's length around them. */
export function earRegions(subject: PlanSubject, W: number, H: number): Region[] {
  return (subject.ears ?? []).map((e) => {
    const L = Math.hypot((e.tip.x - e.base.x) * W, (e.tip.y - e.base.y) * H);
    const x0 = Math.min(e.tip.x, e.base.x) * W - 0.6 * L, y0 = Math.min(e.tip.y, e.base.y) * H - 0.6 * L;
    return { x: x0, y: y0, w: Math.abs(e.tip.x - e.base.x) * W + 1.2 * L, h: Math.abs(e.tip.y - e.base.y) * H + 1.2 * L };
  });
}

/** The found tail's outer half, where its swing is largest; undefined with no tail. */
export function tailRegion(subject: PlanSubject, W: number, H: number): Region | undefined {
  const tail = subject.tail;
  if (!tail) return undefined;
  const mid = { x: (tail.base.x + tail.tip.x) / 2, y: (tail.base.y + tail.tip.y) / 2 };
  return { x: Math.min(mid.x, tail.tip.x) * W - 12, y: Math.min(mid.y, tail.tip.y) * H - 8, w: Math.abs(tail.tip.x - mid.x) * W + 24, h: Math.abs(tail.tip.y - mid.y) * H + 16 };
}

/** Rows that swing back and forth (a nod, a shake, a chew, a sob's catch): their path, frame to frame, is what exceeds idle life's. */
const SWINGING = new Set(['nod', 'shake_head', 'chew', 'cry']);
/** Rows that move the jaw: measured in the jaw region. */
const MOUTH = new Set(['chew', 'yawn', 'call']);

/**
 * A face or head row's motion against the same shot with no action (same seed, so the same idle
 * life): `extra`, the largest 8×8 tile difference from the idle clip frame by frame in the
 * performer's region (it finds an eye or a lip); `motion` and `idle`, the local change from frame 0
 * while the action lasts (frames `from`…`to`), with and without it — its peak, or for a swinging
 * row its path (a nod returns to rest between swings while idle life drifts slowly away).
 */
export function actionMotion(row: string, frames: readonly Uint8Array[], idle: readonly Uint8Array[], W: number, H: number, regions: PerformerRegions, from: number, to: number): { extra: number; motion: number; idle: number } {
  const extra = Math.max(...frames.map((f, i) => blockPeak(idle[i]!, f, W, regions.where)));
  const region = MOUTH.has(row) ? regions.jaw : regions.local;
  const measure = (s: number[]) => (SWINGING.has(row) ? s.slice(1).reduce((t, v, i) => t + Math.abs(v - s[i]!), 0) : Math.max(...s));
  return { extra, motion: measure(changeSeries(frames, W, H, region).slice(from, to)), idle: measure(changeSeries(idle, W, H, region).slice(from, to)) };
}
