/**
 * Per-frame specs for a whole clip: the camera pose (eased keys + shake + smoothed overscan),
 * the motion-blur sub-poses, each effect's amount and the grade, all computed once up front so
 * workers can render any frame independently and out of order.
 *
 * @example const specs = frameSpecs(plan, { limitX: 959.5, limitY: 539.5, nMin: 0, nMax: 1 });
 */
import { frameCount, type Effect, type Grade, type Shot, type ShotPlan } from '../../plan.js';
import { deriveSeed } from '../../util/random.js';
import type { FrameGrade, FrameSpec, Pose } from '../types.js';
import { poseGeometry } from './geometry.js';
import { overscanZoom } from './overscan.js';
import { poseAt } from './path.js';
import { createShake } from './shake.js';

export interface Bounds {
  /** largest |source offset| from the picture centre a sample may have, px */
  limitX: number;
  limitY: number;
  /** nearness range of the depth map */
  nMin: number;
  nMax: number;
}

const smooth = (x: number) => (x <= 0 ? 0 : x >= 1 ? 1 : x * x * (3 - 2 * x));

/** 0 → 1 ramp over `fade` seconds from `start`; 0 at `start` itself so frame 0 is untouched. */
export function fadeIn(t: number, start: number, fade: number): number {
  if (t <= start) return 0;
  return fade > 0 ? smooth((t - start) / fade) : 1;
}

/** An effect's amount at time t: intensity × fade-in, fading out over 0.4 s at its end. */
export function effectAmount(effect: Effect, t: number): number {
  if (t < effect.start || t > effect.end + 0.4) return 0;
  const out = t > effect.end ? 1 - smooth((t - effect.end) / 0.4) : 1;
  return effect.intensity * fadeIn(t, effect.start, effect.fade_in) * out;
}

function gradeAt(grade: Grade, t: number, start: number): FrameGrade {
  const a = fadeIn(t, start, grade.fade_in);
  return {
    exposure: grade.exposure * a,
    contrast: 1 + (grade.contrast - 1) * a,
    saturation: 1 + (grade.saturation - 1) * a,
    warmth: grade.warmth * a,
    vignette: grade.vignette * a,
  };
}

function shotAt(plan: ShotPlan, t: number): Shot {
  let found = plan.shots[0]!;
  for (const shot of plan.shots) if (t >= shot.start) found = shot;
  return found;
}

/** Max-filter then blur, never below the raw curve: overscan that eases in and out smoothly. */
function smoothOverscan(raw: number[]): number[] {
  const r = 6;
  const maxed = raw.map((_, i) => Math.max(...raw.slice(Math.max(0, i - r), i + r + 1)));
  let out = maxed;
  for (let pass = 0; pass < 2; pass++) {
    out = out.map((_, i) => {
      const win = out.slice(Math.max(0, i - r), i + r + 1);
      return win.reduce((a, b) => a + b, 0) / win.length;
    });
  }
  // near frame 0 lean on the raw curve (which starts at 1 for an identity first pose)
  return out.map((v, i) => {
    const w = Math.min(1, i / r);
    return raw[i]! + w * (Math.max(v, raw[i]!) - raw[i]!);
  });
}

/** [first, end) frame ranges of each shot, in order */
function segmentsByShot(plan: ShotPlan, times: number[]): Array<[number, number]> {
  const segments: Array<[number, number]> = [];
  let from = 0;
  for (let i = 1; i <= times.length; i++) {
    if (i === times.length || shotAt(plan, times[i]!) !== shotAt(plan, times[from]!)) {
      segments.push([from, i]);
      from = i;
    }
  }
  return segments;
}

export function frameSpecs(plan: ShotPlan, bounds: Bounds): FrameSpec[] {
  const count = frameCount(plan);
  const shake = createShake(deriveSeed(plan.seed, 'shake'));
  const { width, height } = plan;
  const effects = plan.shots.flatMap((s) => s.effects);

  const poseOf = (t: number): Pose => {
    const shot = shotAt(plan, t);
    const pose = poseAt(shot.camera, t);
    const s = shake(t, shot.camera.shake.amplitude, shot.camera.shake.frequency);
    pose.pan += s.pan; pose.tilt += s.tilt; pose.roll += s.roll;
    // depth of field eases in like everything else, so frame 0 is the sharp input
    pose.aperture *= smooth(t / 0.5);
    return pose;
  };
  const need = (p: Pose) => overscanZoom(p, width, height, bounds.limitX, bounds.limitY, bounds.nMin, bounds.nMax);

  const frames: Array<{ t: number; poses: Pose[]; need: number }> = [];
  for (let i = 0; i < count; i++) {
    const t = i / plan.fps;
    const centre = poseOf(t);
    const poses = [centre];
    const blur = shotAt(plan, t).camera.motion_blur;
    if (blur > 0 && i > 0) {
      // how far the picture moves during the shutter decides how many sub-frames to average
      const shutter = blur / plan.fps;
      // the shutter stays inside the shot: no frame blends two framings across a cut
      const shot = shotAt(plan, t);
      const inShot = (u: number) => Math.min(Math.max(u, shot.start), shot.end - 1e-6);
      const a = poseOf(inShot(Math.max(0, t - shutter / 2))), b = poseOf(inShot(t + shutter / 2));
      const ga = poseGeometry(a, width, height), gb = poseGeometry(b, width, height);
      let travel = 0;
      for (const [x, y] of [[0, 0], [width - 1, height - 1], [width / 2, height / 2]] as const) {
        const pa = ga.backward(x, y, 0.5), pb = gb.backward(x, y, 0.5);
        travel = Math.max(travel, Math.hypot(pa[0] - pb[0], pa[1] - pb[1]));
      }
      const n = Math.min(8, Math.ceil(travel / 2.5));
      if (n > 1) {
        poses.length = 0;
        for (let j = 0; j < n; j++) poses.push(poseOf(inShot(Math.max(0, t + shutter * ((j + 0.5) / n - 0.5)))));
      }
    }
    frames.push({ t, poses, need: Math.max(...poses.map(need)) });
  }
  // a cut starts a new framing: the overscan is smoothed within each shot, never across a cut
  const k = segmentsByShot(plan, frames.map((f) => f.t)).flatMap(([from, to]) => smoothOverscan(frames.slice(from, to).map((f) => f.need)));

  return frames.map((f, index) => {
    const shot = shotAt(plan, f.t);
    return {
      index,
      t: f.t,
      poses: f.poses.map((p) => ({ ...p, zoom: p.zoom * k[index]! })),
      amounts: effects.map((e) => effectAmount(e, f.t)),
      grade: gradeAt(shot.grade, f.t, shot.start),
    };
  });
}
