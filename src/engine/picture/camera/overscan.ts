/**
 * Overscan: the smallest extra zoom (≥ 1) that keeps every sample of a frame inside the picture
 * (or inside the outpainted canvas, when the plan reveals beyond the frame).
 *
 * s(n) is linear in 1/k for the border pixels, so each border point and depth extreme gives a
 * closed-form bound; the answer is the largest. Depth enters only at its extremes, because s is
 * linear in n.
 *
 * @example overscanZoom(pose, 1920, 1080, 959.5, 539.5, 0, 1) // → 1 for the identity pose
 */
import type { Pose } from '../types.js';
import { poseGeometry } from './geometry.js';

const EDGE_POINTS = 12;

function bound(a: number, b: number, limit: number): number {
  // need −limit ≤ a/k + b ≤ limit with k ≥ 1
  if (a > 1e-9) return limit - b > 1e-6 ? a / (limit - b) : 4;
  if (a < -1e-9) return limit + b > 1e-6 ? -a / (limit + b) : 4;
  return Math.abs(b) <= limit ? 1 : 4;
}

export function overscanZoom(pose: Pose, width: number, height: number, limitX: number, limitY: number, nMin: number, nMax: number): number {
  const geo = poseGeometry({ ...pose, zoom: pose.zoom }, width, height);
  const points: Array<[number, number]> = [];
  for (let i = 0; i <= EDGE_POINTS; i++) {
    const fx = (i / EDGE_POINTS) * (width - 1), fy = (i / EDGE_POINTS) * (height - 1);
    points.push([fx, 0], [fx, height - 1], [0, fy], [width - 1, fy]);
  }
  let k = 1;
  for (const n of [nMin, nMax]) {
    const o = geo.backward(width / 2 - 0.5, height / 2 - 0.5, n); // the centre: pure offset part
    for (const [x, y] of points) {
      const [sx, sy] = geo.backward(x, y, n);
      // s = a/k + b where b is the offset (the centre's position) and a the lens part
      k = Math.max(k, bound(sx - o[0], o[0], limitX), bound(sy - o[1], o[1], limitY));
    }
  }
  return Math.min(k, 4);
}
