/**
 * How far a straight line of the picture bends under a camera pose, in the renderer's own camera
 * model (picture/camera/geometry.ts): each point of the line goes where its nearness sends it, and
 * the sagitta is the largest distance of the moved points from the chord through the moved ends.
 * Geometry only (no pixels), so a test can tell the depth's part in a bow from everything else.
 *
 * @example lineSagitta({ x0: 10, y0: 20, x1: 200, y1: 40 }, nearnessAt, pose, 320, 200) // px
 */
import { poseGeometry } from '../../src/engine/picture/camera/geometry.js';
import type { Pose } from '../../src/engine/picture/types.js';

export interface PixelLine { x0: number; y0: number; x1: number; y1: number }

/** Bilinear sample of a w×h map at picture px (x, y), clamped to the map. */
export function bilinear(map: ArrayLike<number>, w: number, h: number, x: number, y: number): number {
  const cx = Math.min(w - 1, Math.max(0, x)), cy = Math.min(h - 1, Math.max(0, y));
  const x0 = Math.min(w - 2, Math.floor(cx)), y0 = Math.min(h - 2, Math.floor(cy)), fx = cx - x0, fy = cy - y0, i = y0 * w + x0;
  return (map[i]! * (1 - fx) + map[i + 1]! * fx) * (1 - fy) + (map[i + w]! * (1 - fx) + map[i + w + 1]! * fx) * fy;
}

export function lineSagitta(line: PixelLine, nearnessAt: (x: number, y: number) => number, pose: Pose, width: number, height: number): number {
  const g = poseGeometry(pose, width, height);
  const length = Math.hypot(line.x1 - line.x0, line.y1 - line.y0), steps = Math.max(2, Math.ceil(length / 2));
  const moved: Array<[number, number]> = [];
  for (let k = 0; k <= steps; k++) {
    const x = line.x0 + ((line.x1 - line.x0) * k) / steps, y = line.y0 + ((line.y1 - line.y0) * k) / steps;
    moved.push(g.forward(x + 0.5 - width / 2, y + 0.5 - height / 2, nearnessAt(x, y)));
  }
  const [ax, ay] = moved[0]!, [bx, by] = moved[moved.length - 1]!;
  const chord = Math.hypot(bx - ax, by - ay);
  return Math.max(...moved.map(([x, y]) => Math.abs((x - ax) * (by - ay) - (y - ay) * (bx - ax)) / chord));
}

/** A still pose with these moves (the rest at rest). */
export function poseOf(moves: Partial<Pose>): Pose {
  return { zoom: 1, pan: 0, tilt: 0, roll: 0, truck: 0, pedestal: 0, dolly: 0, focus: 0.5, aperture: 0, ...moves };
}
