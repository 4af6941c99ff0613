/**
 * Local motion in rendered I420 frames, for character tests: how much a region changes from
 * frame 0 (mean absolute luma difference), how its content shifts (phase correlation), and how
 * many times a series swings (local maxima above a floor). Also locks a plan's camera so what
 * moves is the subject alone.
 *
 * @example
 *   const change = changeSeries(frames, 192, 192, { x: 60, y: 40, w: 70, h: 80 }); // [0, 0.4, 1.3, …]
 */
import type { ShotPlan } from '../../src/engine/plan.js';
import { correlateSpectra, spectrum, type Region, type Shift } from './motion.js';

export type { Region } from './motion.js';

/** The Y plane of an I420 frame as floats. */
export function lumaPlane(frame: Uint8Array, width: number, height: number): Float32Array {
  return Float32Array.from(frame.subarray(0, width * height));
}

/** Mean |b − a| of luma over a region. */
export function regionChange(a: Uint8Array, b: Uint8Array, width: number, region: Region): number {
  let s = 0, n = 0;
  for (let y = Math.max(0, Math.floor(region.y)); y < Math.floor(region.y + region.h); y++) {
    for (let x = Math.max(0, Math.floor(region.x)); x < Math.floor(region.x + region.w); x++) { s += Math.abs(b[y * width + x]! - a[y * width + x]!); n++; }
  }
  return n ? s / n : 0;
}

/** The largest mean |b − a| of any `block`×`block` tile of the region: a small part that moves (an eye, a lip). */
export function blockPeak(a: Uint8Array, b: Uint8Array, width: number, region: Region, block = 8): number {
  let best = 0;
  for (let by = Math.floor(region.y); by + block <= Math.floor(region.y + region.h); by += block / 2) {
    for (let bx = Math.floor(region.x); bx + block <= Math.floor(region.x + region.w); bx += block / 2) {
      best = Math.max(best, regionChange(a, b, width, { x: bx, y: by, w: block, h: block }));
    }
  }
  return best;
}

/** Each frame's change from frame 0 in the region. */
export function changeSeries(frames: readonly Uint8Array[], width: number, _height: number, region: Region): number[] {
  return frames.map((f) => regionChange(frames[0]!, f, width, region));
}

/** Each frame's content shift from frame 0 in the region (every `step`-th frame). */
export function shiftSeries(frames: readonly Uint8Array[], width: number, height: number, region: Region, step = 2): Array<Shift & { frame: number }> {
  // frame 0's spectrum once, for every frame it is correlated with
  const a = spectrum(lumaPlane(frames[0]!, width, height), width, height, region, 64);
  const out: Array<Shift & { frame: number }> = [];
  for (let i = 0; i < frames.length; i += step) out.push({ frame: i, ...correlateSpectra(a, spectrum(lumaPlane(frames[i]!, width, height), width, height, region, 64)) });
  return out;
}

/** Local maxima of a series that rise above `floor` and fall back below `floor / 2` between them. */
export function swings(series: readonly number[], floor: number): number {
  let count = 0, armed = true;
  for (const v of series) {
    if (armed && v > floor) { count++; armed = false; }
    else if (!armed && v < floor / 2) armed = true;
  }
  return count;
}

/** The plan with its camera held still and no scene effects: only the characters move. */
export function lockCamera(plan: ShotPlan): ShotPlan {
  for (const shot of plan.shots) {
    shot.camera.keys = shot.camera.keys.map((k) => ({ ...k, zoom: 1, pan: 0, tilt: 0, roll: 0, truck: 0, pedestal: 0, dolly: 0 }));
    shot.camera.moves = ['static'];
    shot.camera.shake = { amplitude: 0, frequency: 0 };
    shot.camera.motion_blur = 0;
    shot.effects = [];
  }
  return plan;
}
