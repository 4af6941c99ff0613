/**
 * The camera path: the plan's keys interpolated at time t with each segment's easing.
 * Zoom interpolates in log space (equal ratios per second feel like constant speed).
 *
 * @example poseAt(shot.camera, 2.5).zoom // → 1.08 halfway through a 1 → 1.17 push-in
 */
import type { Camera, CameraKey } from '../../plan.js';
import type { Pose } from '../types.js';
import { ease } from './easing.js';

const FIELDS = ['pan', 'tilt', 'roll', 'truck', 'pedestal', 'dolly', 'focus', 'aperture'] as const;

function keyPose(k: CameraKey): Pose {
  return { zoom: k.zoom, pan: k.pan, tilt: k.tilt, roll: k.roll, truck: k.truck, pedestal: k.pedestal, dolly: k.dolly, focus: k.focus, aperture: k.aperture };
}

export function poseAt(camera: Camera, t: number): Pose {
  const keys = [...camera.keys].sort((a, b) => a.t - b.t);
  const first = keys[0]!;
  if (keys.length === 1 || t <= first.t) return keyPose(first);
  for (let i = 0; i < keys.length - 1; i++) {
    const a = keys[i]!, b = keys[i + 1]!;
    if (t > b.t) continue;
    const span = b.t - a.t;
    const u = span > 0 ? ease(a.ease ?? camera.easing, (t - a.t) / span) : 1;
    const pose = keyPose(a);
    pose.zoom = Math.exp(Math.log(a.zoom) + (Math.log(b.zoom) - Math.log(a.zoom)) * u);
    for (const f of FIELDS) pose[f] = a[f] + (b[f] - a[f]) * u;
    return pose;
  }
  return keyPose(keys[keys.length - 1]!);
}
