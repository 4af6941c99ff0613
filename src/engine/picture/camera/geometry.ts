/**
 * The 2.5D camera model, shared by the warp kernel, the overscan solver and overlays.
 *
 * Backward map, for an output pixel at d = (x + ½ − W/2, y + ½ − H/2):
 *   q    = Rot(roll) · d / zoom                         (lens: zoom and roll about the centre)
 *   s(n) = q · (1 − dolly·n) + (pan·W + truck·n·W, −tilt·H − pedestal·n·H)
 * where s is the source position relative to the picture centre (px) and n the nearness there.
 * So content at nearness n slides left by truck·n, down by pedestal·n and scales by 1/(1 − dolly·n),
 * exactly the conventions of plan.ts.
 *
 * @example const g = poseGeometry(pose, 1920, 1080); const [sx, sy] = g.backward(960, 540, 0.5);
 */
import type { Pose } from '../types.js';

export interface PoseGeometry {
  /** q = (ax·dx + bx·dy, ay·dx + by·dy) */
  ax: number; bx: number; ay: number; by: number;
  panPx: number; tiltPx: number; truckPx: number; pedestalPx: number; dolly: number;
  /** source position (px from picture centre) of output pixel (x, y) for content at nearness n */
  backward(x: number, y: number, n: number): [number, number];
  /** output pixel position of source point s (px from picture centre) at nearness n */
  forward(sx: number, sy: number, n: number): [number, number];
}

export function poseGeometry(pose: Pose, width: number, height: number): PoseGeometry {
  const r = (pose.roll * Math.PI) / 180;
  const c = Math.cos(r) / pose.zoom, s = Math.sin(r) / pose.zoom;
  const g = {
    ax: c, bx: -s, ay: s, by: c,
    panPx: pose.pan * width, tiltPx: -pose.tilt * height,
    truckPx: pose.truck * width, pedestalPx: -pose.pedestal * height, dolly: pose.dolly,
    backward(x: number, y: number, n: number): [number, number] {
      const dx = x + 0.5 - width / 2, dy = y + 0.5 - height / 2;
      const qx = c * dx - s * dy, qy = s * dx + c * dy;
      const k = 1 - pose.dolly * n;
      return [qx * k + g.panPx + n * g.truckPx, qy * k + g.tiltPx + n * g.pedestalPx];
    },
    forward(sx: number, sy: number, n: number): [number, number] {
      const k = 1 - pose.dolly * n;
      const qx = (sx - g.panPx - n * g.truckPx) / k, qy = (sy - g.tiltPx - n * g.pedestalPx) / k;
      // inverse of [[c, -s], [s, c]] is [[c, s], [-s, c]] / (c² + s²)
      const det = c * c + s * s;
      return [(c * qx + s * qy) / det + width / 2 - 0.5, (-s * qx + c * qy) / det + height / 2 - 0.5];
    },
  };
  return g;
}
