/**
 * The parts of a subject an action moves away from where they were — the gesturing arm and hand
 * (the body pose), a turning or nodding head (the face landmarks) — so the render lays the subject
 * over a background synthesised behind it (setup/layers.ts) and moves only the subject
 * (kernel/renderer.ts). Over these parts the subject matte is completed (`completeMatte`): a hole
 * in it there (a hand the segmentation missed) would leave that piece of the input in place as
 * the rest moves — a hand that stops waving, a copy of it left behind.
 *
 * @example
 *   const parts = actingParts(plan, scene, 1920, 1080); if (parts) completeMatte(alpha, 1920, 1080, parts);
 */
import type { ShotPlan } from '../../plan.js';
import type { Scene } from '../../scene.js';
import { completeLimbs, HAND_REACH } from '../../analyze/subjects/limbs.js';
import { fitMap } from '../setup/fit.js';
import { armBox, armFeatures, type ArmFeatures } from './arm.js';
import { faceFeatures } from './features.js';
import { subjectFeatures } from './subject-features.js';
import { addLimbFringe } from './limb-fringe.js';
import { roundClosing } from './round-closing.js';

/** how far past the arm's matte its fringe is looked for, a share of the body's scale (shoulder width) */
const FRINGE = 0.06;

/** The gestures the arm rig performs. */
export const ARM_ACTIONS: ReadonlySet<string> = new Set(['wave', 'raise_hand', 'point', 'shrug']);
/** The actions that move a head away from where it was (not the face's interior alone: a smile, a blink). */
export const HEAD_MOVES: ReadonlySet<string> = new Set(['nod', 'shake_head', 'turn_left', 'turn_right', 'turn_head', 'look_up', 'look_down', 'look_around', 'tilt_head']);

export interface ActingParts {
  /** gesturing arms (output px) and the body's scale (shoulder width, px) */
  arms: Array<ArmFeatures & { scale: number }>;
  /**
   * moving heads: ellipses over the face (output px); `landmarks`: placed by a face's landmarks, so
   * the matte may be completed over it (an animal's head, guessed from its box, is not)
   */
  heads: Array<{ cx: number; cy: number; rx: number; ry: number; landmarks: boolean }>;
}

/** The parts the plan's actions move away, in output px (W × H, no margin); null when none does. */
export function actingParts(plan: ShotPlan, scene: Scene, W: number, H: number): ActingParts | null {
  const parts: ActingParts = { arms: [], heads: [] };
  let acts = false;
  const map = fitMap(scene.image.width, scene.image.height, W, H);
  const toOut = (x: number, y: number): [number, number] => { const [u, v] = map(x, y); return [u * W - 0.5, v * H - 0.5]; };
  for (const c of plan.shots.flatMap((s) => s.characters)) {
    if (!c.actions.some((a) => HEAD_MOVES.has(a.type))) continue;
    acts = true;
    const face = scene.faces[c.face];
    const f = face && faceFeatures(face, scene.image.width, scene.image.height, W, H, 0, 0, W, H);
    if (!f) continue;
    parts.heads.push({ cx: f.cx, cy: f.cy, rx: 0.5 * f.fw, ry: 0.55 * f.fh, landmarks: true });
  }
  for (const s of plan.shots.flatMap((sh) => sh.subjects ?? [])) {
    if (!s.actions.some((a) => HEAD_MOVES.has(a.type))) continue;
    // a subject's head (an animal's) has no landmarks: the rig's guess from its box, its matte alone says what moves
    acts = true;
    const f = subjectFeatures(s.box, scene.image.width, scene.image.height, W, H, 0, 0, W, H);
    if (!f) continue;
    parts.heads.push({ cx: f.cx, cy: f.cy, rx: 0.5 * f.fw, ry: 0.5 * f.fh, landmarks: false });
  }
  const gestures = plan.shots.flatMap((sh) => [...sh.characters, ...(sh.subjects ?? [])]).some((p) => p.actions.some((a) => ARM_ACTIONS.has(a.type)));
  const arm = gestures ? armFeatures(scene.pose, toOut) : null;
  if (arm) {
    acts = true;
    const fore = Math.hypot(arm.wrist[0] - arm.elbow[0], arm.wrist[1] - arm.elbow[1]);
    const upper = Math.hypot(arm.elbow[0] - arm.shoulder[0], arm.elbow[1] - arm.shoulder[1]);
    const shoulders = Math.hypot(arm.shoulder[0] - arm.otherShoulder[0], arm.shoulder[1] - arm.otherShoulder[1]);
    const scale = Math.max(shoulders, 0.8 * Math.max(fore, upper));
    parts.arms.push({ ...arm, scale });
  }
  return acts ? parts : null;
}

type P = [number, number];

/** The box (output px) the acting parts can uncover anything in: each arm's reach (armBox), each head's face-and-neck region. */
export function actingBox(parts: ActingParts): [number, number, number, number] | null {
  const boxes = [
    ...parts.arms.map((a) => armBox(a)),
    ...parts.heads.map((h): [number, number, number, number] => [h.cx - 2 * h.rx, h.cy - 2.5 * h.ry, h.cx + 2 * h.rx, h.cy + 2.5 * h.ry]),
  ];
  if (!boxes.length) return null;
  return [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
}

/** Soft 0…1 coverage of a capsule a→b of radius r at (x, y), a 1.5 px edge. */
function capsule(x: number, y: number, a: readonly number[], b: readonly number[], r: number): number {
  const vx = b[0]! - a[0]!, vy = b[1]! - a[1]!, l2 = Math.max(1e-6, vx * vx + vy * vy);
  const t = Math.min(1, Math.max(0, ((x - a[0]!) * vx + (y - a[1]!) * vy) / l2));
  const d = Math.hypot(x - a[0]! - t * vx, y - a[1]! - t * vy);
  return Math.min(1, Math.max(0, (r - d) / 1.5 + 0.5));
}

/**
 * The subject matte (W × H, 0…255) completed over the acting parts, so the arm and hand move whole:
 * along the gesturing arm and past its wrist, the pixels whose colour is the limb's rather than
 * the background's round it (the analysis' own limb rule, analyze/subjects/limbs.ts, again at the
 * output size on the picture `rgba`); a core as wide as a thin limb along the forearm and upper
 * arm and a small disc over the hand whatever their colour; around the arm the matte closed (gaps
 * narrower than ~¼ of a limb's width filled); over a moving head its face ellipse. Only ever adds.
 */
export function completeMatte(alpha: Uint8Array, W: number, H: number, parts: ActingParts, rgba?: Uint8Array): void {
  for (const h of parts.heads) {
    if (!h.landmarks) continue;
    for (let y = Math.max(0, Math.floor(h.cy - h.ry - 2)); y <= Math.min(H - 1, Math.ceil(h.cy + h.ry + 2)); y++) {
      for (let x = Math.max(0, Math.floor(h.cx - h.rx - 2)); x <= Math.min(W - 1, Math.ceil(h.cx + h.rx + 2)); x++) {
        const r = Math.hypot((x - h.cx) / h.rx, (y - h.cy) / h.ry);
        const v = Math.round(255 * Math.min(1, Math.max(0, (1 - r) * 8)));
        const i = y * W + x;
        if (v > alpha[i]!) alpha[i] = v;
      }
    }
  }
  for (const arm of parts.arms) {
    completeArm(alpha, W, H, arm, rgba);
    if (rgba) addArmFringe(alpha, W, H, arm, rgba);
  }
}

/** Past the completed arm's edge, its fringe (./limb-fringe.ts): within the completion's reach of the bones and the hand. */
function addArmFringe(alpha: Uint8Array, W: number, H: number, arm: ArmFeatures & { scale: number }, rgba: Uint8Array): void {
  const fx = arm.wrist[0] - arm.elbow[0], fy = arm.wrist[1] - arm.elbow[1], fl = Math.max(1, Math.hypot(fx, fy));
  const hand: P = [arm.wrist[0] + (fx / fl) * 0.06 * arm.scale, arm.wrist[1] + (fy / fl) * 0.06 * arm.scale];
  const reach = 0.4 * arm.scale;
  const xs = [arm.shoulder[0], arm.elbow[0], hand[0]], ys = [arm.shoulder[1], arm.elbow[1], hand[1]];
  const box = [Math.min(...xs) - reach, Math.min(...ys) - reach, Math.max(...xs) + reach, Math.max(...ys) + reach] as const;
  addLimbFringe(alpha, rgba, W, H, box, FRINGE * arm.scale,
    (x, y) => Math.max(capsule(x, y, arm.shoulder, arm.elbow, reach), capsule(x, y, arm.elbow, hand, reach)) > 0);
}

/**
 * One arm's completion, on a work raster of the arm's box at about 640 px a picture's width (the
 * matte is soft and the limb rule statistical: finer costs more and adds nothing), laid back
 * bilinearly.
 */
function completeArm(alpha: Uint8Array, W: number, H: number, arm: ArmFeatures & { scale: number }, rgba?: Uint8Array): void {
  const st = Math.max(1, Math.round(W / 640)), c = (st - 1) / 2;
  const fx = arm.wrist[0] - arm.elbow[0], fy = arm.wrist[1] - arm.elbow[1], fl = Math.max(1, Math.hypot(fx, fy));
  const reachOut = 0.4 * arm.scale;
  const handOut: P = [arm.wrist[0] + (fx / fl) * 0.06 * arm.scale, arm.wrist[1] + (fy / fl) * 0.06 * arm.scale];
  // the box the completion touches (output px), and its work raster: as far round the wrist as the
  // limb rule looks for the hand (and its closing past that), else the hand it finds is cut square
  // at the box's edge
  const handReach = (HAND_REACH + 0.1) * arm.scale;
  const reaches: Array<[P, number]> = [[arm.shoulder, reachOut], [arm.elbow, reachOut], [handOut, reachOut], [arm.wrist, handReach]];
  const x0 = Math.max(0, Math.floor(Math.min(...reaches.map(([p, r]) => p[0] - r)))), x1 = Math.min(W - 1, Math.ceil(Math.max(...reaches.map(([p, r]) => p[0] + r))));
  const y0 = Math.max(0, Math.floor(Math.min(...reaches.map(([p, r]) => p[1] - r)))), y1 = Math.min(H - 1, Math.ceil(Math.max(...reaches.map(([p, r]) => p[1] + r))));
  const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
  if (bw < 2 || bh < 2) return;
  const sw = Math.ceil(bw / st), sh = Math.ceil(bh / st), n = sw * sh;
  const at = (i: number, j: number) => Math.min(y1, y0 + j * st + (st >> 1)) * W + Math.min(x1, x0 + i * st + (st >> 1));
  const matte = new Float32Array(n);
  for (let j = 0; j < sh; j++) for (let i = 0; i < sw; i++) matte[j * sw + i] = alpha[at(i, j)]! / 255;
  // output px → work px
  const toWork = (p: readonly number[]): P => [(p[0]! - x0 - c) / st, (p[1]! - y0 - c) / st];
  const shoulder = toWork(arm.shoulder), elbow = toWork(arm.elbow), wrist = toWork(arm.wrist), hand = toWork(handOut);
  const s = arm.scale / st;
  if (rgba) {
    // the analysis' limb rule, for this arm alone (its joints and the other shoulder, for the body's scale)
    const r = new Float32Array(n), g = new Float32Array(n), b = new Float32Array(n);
    for (let k = 0; k < n; k++) { const o = at(k % sw, (k / sw) | 0) * 4; r[k] = rgba[o]! / 255; g[k] = rgba[o + 1]! / 255; b[k] = rgba[o + 2]! / 255; }
    const kp = (name: string, p: P) => ({ name, x: (p[0] + 0.5) / sw, y: (p[1] + 0.5) / sh, score: 1 });
    const pose = { keypoints: [kp('left_shoulder', shoulder), kp('left_elbow', elbow), kp('left_wrist', wrist), kp('right_shoulder', toWork(arm.otherShoulder))] };
    completeLimbs(matte, pose, { r, g, b }, sw, sh);
  }
  // closing (dilate, then erode) of the matte within reach of the arm's bones, with a round
  // element and a feathered edge (./round-closing.ts): a square one, laid back from the work
  // raster, left the hand's outline in square steps that dragged the background's corners along
  const gap = Math.max(1, Math.round(0.05 * s)), reach = 0.4 * s, core = Math.max(1, 0.06 * s), handR = Math.max(1.5, 0.08 * s);
  const closed = roundClosing(matte, sw, sh, gap);
  for (let j = 0; j < sh; j++) for (let i = 0; i < sw; i++) {
    const k = j * sw + i;
    const near = Math.max(capsule(i, j, shoulder, elbow, reach), capsule(i, j, elbow, hand, reach));
    const v = Math.max(near * closed[k]!, capsule(i, j, shoulder, elbow, core), capsule(i, j, elbow, wrist, core), capsule(i, j, hand, hand, handR));
    matte[k] = Math.max(matte[k]!, v);
  }
  // back to output px: bilinear over the work raster, only ever adding
  for (let y = y0; y <= y1; y++) {
    const v = Math.min(sh - 1, Math.max(0, (y - y0 - c) / st)), j = Math.min(sh - 2, Math.floor(v)), ty = sh > 1 ? v - j : 0;
    for (let x = x0; x <= x1; x++) {
      const u = Math.min(sw - 1, Math.max(0, (x - x0 - c) / st)), i = Math.min(sw - 2, Math.floor(u)), tx = sw > 1 ? u - i : 0;
      const k = Math.max(0, j) * sw + Math.max(0, i);
      const top = matte[k]! + ((matte[k + 1] ?? matte[k]!) - matte[k]!) * tx;
      const bottom = (matte[k + sw] ?? matte[k]!) + ((matte[k + sw + 1] ?? matte[k]!) - (matte[k + sw] ?? matte[k]!)) * tx;
      const a = Math.round(255 * (top + (bottom - top) * ty)), o = y * W + x;
      if (a > alpha[o]!) alpha[o] = a;
    }
  }
}
