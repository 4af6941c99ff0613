/**
 * The arm rig: a person's gesturing arm from the body pose (shoulder, elbow, wrist in canvas px)
 * and its warps, a puppet deformation of the picture around the limb. The forearm (with the hand
 * beyond the wrist) turns about the elbow; the whole arm turns about the shoulder; a shrug lifts
 * both shoulders. Each warp moves a soft capsule around its bone rigidly and fades to nothing a
 * little beyond it, so the limb moves as one piece and the body around it bends rather than
 * tears. With a subject matte the warps move the subject layer alone and what the arm uncovers is
 * the background synthesised behind it (acting-parts.ts, setup/reveal-fill.ts); without one, the
 * picture around the limb bends with it.
 *
 * @example
 *   const arm = armFeatures(scene.pose, map, 'wave'); displaceArm(field, arm, 0.3, 0);
 */
import type { BodyPose } from '../../scene.js';
import type { GridField } from './displace.js';
import { smoothstep } from './shape.js';
import { cellWeights } from './cell-weights.js';

type P = [number, number];
export interface ArmFeatures {
  shoulder: P; elbow: P; wrist: P;
  /** the other shoulder (for a shrug) */
  otherShoulder: P;
  /** +1 when raising the forearm (or the whole arm, `raiseUpper`) means turning it clockwise on screen, else -1 */
  raise: number;
  raiseUpper: number;
}

/** The arm to gesture with: the one whose wrist is highest (raised hands wave), shoulder, elbow and wrist seen; null when neither is. */
export function gesturingSide(pose: BodyPose | null | undefined): 'left' | 'right' | null {
  return gesturingArm(pose)?.side ?? null;
}

function gesturingArm(pose: BodyPose | null | undefined) {
  if (!pose) return null;
  const k = (name: string) => pose.keypoints.find((p) => p.name === name && p.score >= 0.3);
  const arms = (['left', 'right'] as const).map((side) => {
    const s = k(`${side}_shoulder`), e = k(`${side}_elbow`), w = k(`${side}_wrist`), o = k(`${side === 'left' ? 'right' : 'left'}_shoulder`);
    return s && e && w ? { side, s, e, w, o } : null;
  }).filter((a) => a !== null);
  return arms.length ? arms.reduce((best, x) => (x.w.y < best.w.y ? x : best)) : null;
}

/** The gesturing arm's features (gesturingSide's arm) in canvas px. */
export function armFeatures(pose: BodyPose | null | undefined, map: (x: number, y: number) => P): ArmFeatures | null {
  const a = gesturingArm(pose);
  if (!a) return null;
  const shoulder = map(a.s.x, a.s.y), elbow = map(a.e.x, a.e.y), wrist = map(a.w.x, a.w.y);
  const otherShoulder = a.o ? map(a.o.x, a.o.y) : [2 * elbow[0] - shoulder[0], shoulder[1]] as P;
  // turning the forearm towards up (0, −1): the sign of its cross product with up, −fx
  const fx = wrist[0] - elbow[0], ux = elbow[0] - shoulder[0];
  return { shoulder, elbow, wrist, otherShoulder, raise: fx > 0 ? -1 : 1, raiseUpper: ux > 0 ? -1 : 1 };
}

/** Rigid turn by `angle` (radians, + clockwise on screen) of a capsule around a→b (the hand beyond b), about a. */
function turnCapsule(field: GridField, a: P, b: P, angle: number, reach: number): void {
  if (!angle) return;
  const { cell, gridWidth: gw, gridHeight: gh, dx: DX, dy: DY } = field;
  const vx = b[0] - a[0], vy = b[1] - a[1], len = Math.max(4, Math.hypot(vx, vy));
  const ux = vx / len, uy = vy / len;
  const radius = 0.45 * len, far = len * (1 + reach);
  const cos = Math.cos(-angle), sin = Math.sin(-angle);
  // a wide soft edge keeps the warp from folding (a fold smears copies of the limb beside it)
  const pad = far + 2.6 * radius;
  // which cells the capsule moves and how much does not change over the clip, only the angle
  const cells = cellWeights(a, `${cell} ${gw} ${gh} ${b[0]} ${b[1]} ${reach}`, (add) => {
    for (let j = Math.max(0, Math.floor((a[1] - pad) / cell)); j <= Math.min(gh - 1, Math.ceil((a[1] + pad) / cell)); j++) {
      const y = j * cell;
      for (let i = Math.max(0, Math.floor((a[0] - pad) / cell)); i <= Math.min(gw - 1, Math.ceil((a[0] + pad) / cell)); i++) {
        const x = i * cell;
        // where along the bone (0 at the pivot) and how far from it
        const px = x - a[0], py = y - a[1];
        const along = px * ux + py * uy, across = Math.abs(-px * uy + py * ux);
        const wAlong = smoothstep(-0.05 * len, 0.3 * len, along) * (1 - smoothstep(far, far + 2 * radius, along));
        const wAcross = 1 - smoothstep(0.8 * radius, 2.6 * radius, across);
        const w = wAlong * wAcross;
        if (w > 0) add(j * gw + i, x, y, w);
      }
    }
  });
  for (let c = 0; c < cells.length; c++) {
    const k = cells.k[c]!, x = cells.x[c]!, y = cells.y[c]!, w = cells.w[c]!;
    const px = x - a[0], py = y - a[1];
    // backward: an output pixel samples the source turned back by the angle
    const sx = a[0] + cos * px - sin * py, sy = a[1] + sin * px + cos * py;
    DX[k]! += (sx - x) * w;
    DY[k]! += (sy - y) * w;
  }
}

/** Lift of a shoulder region by `lift` px (a shrug), fading over a disc around it. */
function liftShoulder(field: GridField, c: P, radius: number, lift: number): void {
  const { cell, gridWidth: gw, gridHeight: gh, dy: DY } = field;
  for (let j = Math.max(0, Math.floor((c[1] - radius) / cell)); j <= Math.min(gh - 1, Math.ceil((c[1] + radius) / cell)); j++) {
    for (let i = Math.max(0, Math.floor((c[0] - radius) / cell)); i <= Math.min(gw - 1, Math.ceil((c[0] + radius) / cell)); i++) {
      const r = Math.hypot(i * cell - c[0], j * cell - c[1]) / radius;
      if (r < 1) DY[j * gw + i]! += lift * (1 - smoothstep(0.35, 1, r));
    }
  }
}

/** The arm's warps of one frame: forearm and whole-arm turns (radians), shoulders lifted (px). */
export function displaceArm(field: GridField, arm: ArmFeatures, forearm: number, upper: number, shrug: number): void {
  turnCapsule(field, arm.elbow, arm.wrist, forearm, 0.55);
  turnCapsule(field, arm.shoulder, arm.elbow, upper, 1.4);
  if (shrug) {
    const width = Math.hypot(arm.shoulder[0] - arm.otherShoulder[0], arm.shoulder[1] - arm.otherShoulder[1]);
    for (const s of [arm.shoulder, arm.otherShoulder]) liftShoulder(field, s, 0.45 * width, shrug);
  }
}

/** The canvas box the arm's warps can touch. */
export function armBox(arm: ArmFeatures): [number, number, number, number] {
  const pts = [arm.shoulder, arm.elbow, arm.wrist, arm.otherShoulder];
  const len = Math.hypot(arm.wrist[0] - arm.elbow[0], arm.wrist[1] - arm.elbow[1]) + Math.hypot(arm.elbow[0] - arm.shoulder[0], arm.elbow[1] - arm.shoulder[1]);
  const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
  return [Math.min(...xs) - len, Math.min(...ys) - len, Math.max(...xs) + len, Math.max(...ys) + len];
}
