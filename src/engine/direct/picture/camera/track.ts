/**
 * A camera track: one move's path as keys over normalised time u (0 = first frame, 1 = last), and
 * how several tracks are summed into the plan's CameraKeys.
 *
 * Poses compose the way the renderer applies them: lens zoom multiplies, every other offset adds.
 * When all tracks share the same key times and easings their keys are kept as they are; otherwise
 * the sum is sampled 8 times a second with linear segments, which the renderer follows closely.
 *
 * @example
 *   const push: Track = { keys: [{ u: 0, pose: {} , ease: 'ease_in_out' }, { u: 1, pose: { zoom: 1.1 } }] };
 *   composeKeys([push], 5, 0.8);   // [{ t: 0, zoom: 1, … }, { t: 5, zoom: 1.1, … }]
 */
import type { CameraKey, Easing } from '../../../plan.js';

export type Pose = Omit<CameraKey, 't' | 'ease'>;

export interface TrackKey {
  /** normalised time 0…1 */
  u: number;
  pose: Partial<Pose>;
  /** easing from this key to the next (default ease_in_out) */
  ease?: Easing;
}

export interface Track {
  keys: TrackKey[];
}

const ADDITIVE = ['pan', 'tilt', 'roll', 'truck', 'pedestal', 'dolly', 'aperture'] as const;

export function identityPose(focus: number): Pose {
  return { zoom: 1, pan: 0, tilt: 0, roll: 0, truck: 0, pedestal: 0, dolly: 0, focus, aperture: 0 };
}

/** The easing curves, the same as the renderer's (src/engine/picture/camera/easing.ts): cubic in/out, quintic in-out. */
export function ease(kind: Easing, x: number): number {
  const v = x < 0 ? 0 : x > 1 ? 1 : x;
  switch (kind) {
    case 'linear': return v;
    case 'ease_in': return v * v * v;
    case 'ease_out': return 1 - (1 - v) * (1 - v) * (1 - v);
    case 'ease_in_out': return v * v * v * (v * (v * 6 - 15) + 10);
  }
}

/** One field of a track at time u (missing fields hold their neutral value). */
function field(track: Track, name: keyof Pose, u: number, neutral: number): number | undefined {
  const keys = track.keys;
  const has = keys.some((k) => k.pose[name] !== undefined);
  if (!has) return undefined;
  const value = (k: TrackKey) => k.pose[name] ?? neutral;
  if (u <= keys[0]!.u) return value(keys[0]!);
  for (let i = 0; i < keys.length - 1; i++) {
    const a = keys[i]!, b = keys[i + 1]!;
    if (u <= b.u) {
      const f = b.u > a.u ? ease(a.ease ?? 'ease_in_out', (u - a.u) / (b.u - a.u)) : 1;
      return value(a) + (value(b) - value(a)) * f;
    }
  }
  return value(keys[keys.length - 1]!);
}

/** The summed pose of several tracks at time u. */
export function poseAt(tracks: readonly Track[], u: number, focus: number): Pose {
  const pose = identityPose(focus);
  for (const track of tracks) {
    const zoom = field(track, 'zoom', u, 1);
    if (zoom !== undefined) pose.zoom *= zoom;
    for (const name of ADDITIVE) {
      const v = field(track, name, u, 0);
      if (v !== undefined) pose[name] += v;
    }
    const f = field(track, 'focus', u, focus);
    if (f !== undefined) pose.focus = f;
  }
  return pose;
}

const round = (v: number) => Math.round(v * 1e5) / 1e5;

function toKey(t: number, pose: Pose, easing: Easing): CameraKey {
  return {
    t: round(t), zoom: round(pose.zoom), pan: round(pose.pan), tilt: round(pose.tilt), roll: round(pose.roll),
    truck: round(pose.truck), pedestal: round(pose.pedestal), dolly: round(pose.dolly),
    focus: round(Math.min(1, Math.max(0, pose.focus))), aperture: round(Math.max(0, pose.aperture)), ease: easing,
  };
}

/**
 * The plan's keys for the sum of tracks over a clip of `duration` seconds. Always starts with the
 * identity pose at t = 0 (frame 0 is the untouched input) and ends at t = duration.
 */
export function composeKeys(tracks: readonly Track[], duration: number, focus: number): CameraKey[] {
  const shared = sharedSchedule(tracks);
  const schedule: Array<{ u: number; ease: Easing }> = shared ?? denseSchedule(tracks, duration);
  const keys = schedule.map(({ u, ease: e }) => toKey(u * duration, poseAt(tracks, u, focus), e));
  keys[0] = toKey(0, identityPose(focus), keys[0]?.ease ?? 'ease_in_out');
  return keys;
}

/** Key times and easings when every track uses the same ones (or there is at most one moving track). */
function sharedSchedule(tracks: readonly Track[]): Array<{ u: number; ease: Easing }> | null {
  const withKeys = tracks.filter((t) => t.keys.length > 0);
  if (withKeys.length === 0) return [{ u: 0, ease: 'ease_in_out' }, { u: 1, ease: 'ease_in_out' }];
  const first = withKeys[0]!.keys;
  const same = withKeys.every((t) => t.keys.length === first.length
    && t.keys.every((k, i) => k.u === first[i]!.u && (k.ease ?? 'ease_in_out') === (first[i]!.ease ?? 'ease_in_out')));
  if (!same) return null;
  const schedule = first.map((k) => ({ u: k.u, ease: k.ease ?? 'ease_in_out' as Easing }));
  if (schedule[0]!.u > 0) schedule.unshift({ u: 0, ease: 'linear' });
  if (schedule[schedule.length - 1]!.u < 1) schedule.push({ u: 1, ease: 'linear' });
  return schedule;
}

/** 8 samples a second plus every track's own key times, linear in between. */
function denseSchedule(tracks: readonly Track[], duration: number): Array<{ u: number; ease: Easing }> {
  const us = new Set<number>([0, 1]);
  const steps = Math.max(2, Math.round(duration * 8));
  for (let i = 1; i < steps; i++) us.add(i / steps);
  for (const t of tracks) for (const k of t.keys) us.add(Math.min(1, Math.max(0, k.u)));
  return [...us].sort((a, b) => a - b).map((u) => ({ u, ease: 'linear' as Easing }));
}
