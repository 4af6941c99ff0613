/**
 * How much of a subject rig's body warp each canvas pixel takes, from the subject matte: 1 on the
 * subject and a short soft rim around it (so its outline moves with it), 0 on the background. A
 * subject rig without one moves everything in an ellipse over its box — background included.
 * Sampled on a coarse lattice (every `step` canvas px) over the body box and a margin, as plain
 * typed data so the rig crosses to the render workers; `bodyWeightAt` reads it bilinearly.
 *
 * The matte is blurred by the rim's width and doubled: the weight is 1 up to the matte's edge
 * (blur ≥ 0.5) and falls to 0 a rim's width outside it.
 *
 * @example
 *   features.bodyWeight = bodyWeight(scene.layers.matte, scene.maps, scene.image, canvas, features.body);
 *   const w = bodyWeightAt(features.bodyWeight, x, y); // 0…1
 */
import { boxBlur } from '../../analyze/filters.js';
import { fitMap } from '../setup/fit.js';

export interface BodyWeight {
  /** canvas px of lattice node (0, 0), node spacing, lattice size */
  x0: number; y0: number; step: number; width: number; height: number;
  data: Float32Array;
}

interface Canvas { width: number; height: number; marginX: number; marginY: number }

export function bodyWeight(
  matte: Float32Array, maps: { width: number; height: number }, image: { width: number; height: number },
  canvas: Canvas, body: readonly [number, number, number, number],
): BodyWeight | null {
  const [bx0, by0, bx1, by1] = body;
  const size = Math.max(bx1 - bx0, by1 - by0);
  // the lattice: ~64 nodes across the body; the rim 4 % of its size (at least one node)
  const step = Math.max(1, size / 64), rim = Math.max(1, Math.round((0.04 * size) / step));
  const margin = (rim + 1) * step;
  const x0 = bx0 - margin, y0 = by0 - margin;
  const width = Math.ceil((bx1 - bx0 + 2 * margin) / step) + 1, height = Math.ceil((by1 - by0 + 2 * margin) / step) + 1;
  // canvas px → normalised output → normalised image (fitMap is affine: invert it from two points)
  const to = fitMap(image.width, image.height, canvas.width, canvas.height);
  const [u0, v0] = to(0, 0), [u1, v1] = to(1, 1);
  const sampled = new Float32Array(width * height);
  let any = 0;
  for (let j = 0; j < height; j++) {
    const v = (y0 + j * step - canvas.marginY + 0.5) / canvas.height;
    const my = ((v - v0) / (v1 - v0)) * maps.height - 0.5;
    for (let i = 0; i < width; i++) {
      const u = (x0 + i * step - canvas.marginX + 0.5) / canvas.width;
      const mx = ((u - u0) / (u1 - u0)) * maps.width - 0.5;
      const a = sample(matte, maps.width, maps.height, mx, my);
      sampled[j * width + i] = a;
      any += a;
    }
  }
  if (any < 1) return null;
  const data = boxBlur(sampled, width, height, rim);
  for (let k = 0; k < data.length; k++) data[k] = Math.min(1, 2 * data[k]!);
  return { x0, y0, step, width, height, data };
}

/** The weight at canvas px (x, y): bilinear on the lattice, 0 off it. */
export function bodyWeightAt(b: BodyWeight, x: number, y: number): number {
  const fx = (x - b.x0) / b.step, fy = (y - b.y0) / b.step;
  if (fx < 0 || fy < 0 || fx > b.width - 1 || fy > b.height - 1) return 0;
  const i = Math.min(b.width - 2, Math.floor(fx)), j = Math.min(b.height - 2, Math.floor(fy));
  const tx = fx - i, ty = fy - j, k = j * b.width + i, d = b.data;
  const top = d[k]! + (d[k + 1]! - d[k]!) * tx, bottom = d[k + b.width]! + (d[k + b.width + 1]! - d[k + b.width]!) * tx;
  return top + (bottom - top) * ty;
}

/** Bilinear sample of a w×h map at (x, y) in its pixel coordinates, 0 outside. */
function sample(map: Float32Array, w: number, h: number, x: number, y: number): number {
  if (x < -0.5 || y < -0.5 || x > w - 0.5 || y > h - 0.5) return 0;
  const cx = Math.min(w - 1, Math.max(0, x)), cy = Math.min(h - 1, Math.max(0, y));
  const i = Math.min(w - 2, Math.floor(cx)), j = Math.min(h - 2, Math.floor(cy));
  const tx = cx - i, ty = cy - j, k = j * w + i;
  const top = map[k]! + (map[k + 1]! - map[k]!) * tx, bottom = map[k + w]! + (map[k + w + 1]! - map[k + w]!) * tx;
  return top + (bottom - top) * ty;
}
