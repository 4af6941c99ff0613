/**
 * How far a camera path looks beyond the picture, per side, as a fraction of the frame's width
 * (left, right) or height (top, bottom): what a pull-out or a dolly zoom makes the renderer
 * outpaint. Measured the renderer's way (picture/camera/geometry.ts): every key pose maps the
 * frame's corners and edge midpoints back into the picture at the nearest and the farthest
 * nearness, and whatever lands outside the picture was revealed.
 *
 * @example
 *   revealBeyond(camera.keys, 1920, 1080, 0.1, 0.9) // → { left: 0.05, right: 0.05, top: 0.06, bottom: 0.06 }
 */
import type { CameraKey } from '../../../plan.js';
import { poseGeometry } from '../../../picture/camera/geometry.js';

export type Side = 'left' | 'right' | 'top' | 'bottom';
export type Reveal = Record<Side, number>;

export const SIDES: readonly Side[] = ['left', 'right', 'top', 'bottom'];

export function revealBeyond(keys: readonly CameraKey[], width: number, height: number, nMin: number, nMax: number): Reveal {
  const out: Reveal = { left: 0, right: 0, top: 0, bottom: 0 };
  for (const key of keys) {
    const r = keyReveal(key, width, height, nMin, nMax);
    for (const side of SIDES) out[side] = Math.max(out[side], r[side]);
  }
  return out;
}

/**
 * How far one pose looks beyond each edge, signed: negative when the frame stays that far inside
 * the picture (the identity pose reads ≈ 0 on every side). Linear in pan and tilt: panning by p
 * (fraction of the width) takes p from the left side's figure and adds it to the right's.
 */
export function keyReveal(key: CameraKey, width: number, height: number, nMin: number, nMax: number): Reveal {
  const out: Reveal = { left: -Infinity, right: -Infinity, top: -Infinity, bottom: -Infinity };
  const g = poseGeometry(key, width, height);
  for (const n of [nMin, nMax]) for (const [x, y] of POINTS(width, height)) {
    const [sx, sy] = g.backward(x, y, n);
    out.left = Math.max(out.left, (-sx - width / 2) / width);
    out.right = Math.max(out.right, (sx - width / 2) / width);
    out.top = Math.max(out.top, (-sy - height / 2) / height);
    out.bottom = Math.max(out.bottom, (sy - height / 2) / height);
  }
  return out;
}

/** the frame's corners and edge midpoints: where a pose looks farthest out */
const POINTS = (width: number, height: number) => [[0, 0], [width - 1, 0], [0, height - 1], [width - 1, height - 1], [width / 2, 0], [width / 2, height - 1], [0, height / 2], [width - 1, height / 2]] as const;

/** The keys with every move scaled by k (0 = the first pose held, 1 = as planned). */
export function scaledKeys(keys: readonly CameraKey[], k: number): CameraKey[] {
  const first = keys[0]!;
  const mix = (a: number, b: number) => a + (b - a) * k;
  return keys.map((key) => ({
    ...key,
    zoom: mix(first.zoom, key.zoom), pan: mix(first.pan, key.pan), tilt: mix(first.tilt, key.tilt), roll: mix(first.roll, key.roll),
    truck: mix(first.truck, key.truck), pedestal: mix(first.pedestal, key.pedestal), dolly: mix(first.dolly, key.dolly),
  }));
}
