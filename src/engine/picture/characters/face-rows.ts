/**
 * The output rows the faces can touch this frame: every rig's face-and-neck region pushed through
 * the camera, padded. With the camera holding still, the renderer re-warps only these rows over a
 * copy of the resting frame, so a talking head on a locked-off shot costs a band, not a frame.
 *
 * @example faceRows(rigs, geometry, layout) // → [30, 170]
 */
import type { PoseGeometry } from '../camera/geometry.js';
import { armBox } from './arm.js';
import { tailBox } from './displace-tail.js';
import type { FillLayout } from './mouth-fill.js';
import type { CharacterRig } from './types.js';

export function faceRows(rigs: readonly CharacterRig[], geo: PoseGeometry, layout: FillLayout): [number, number] {
  let y0 = Infinity, y1 = -Infinity;
  for (const { features: f } of rigs) {
    // a subject's breathing body reaches beyond its head
    let [rx0, ry0, rx1, ry1] = f.body ? [Math.min(f.roi[0], f.body[0]), Math.min(f.roi[1], f.body[1]), Math.max(f.roi[2], f.body[2]), Math.max(f.roi[3], f.body[3])] : f.roi;
    // a gesturing arm reaches beyond both
    if (f.arm) { const b = armBox(f.arm); rx0 = Math.min(rx0, b[0]); ry0 = Math.min(ry0, b[1]); rx1 = Math.max(rx1, b[2]); ry1 = Math.max(ry1, b[3]); }
    // and so does a swinging tail
    if (f.tail) { const b = tailBox(f.tail); rx0 = Math.min(rx0, b[0]); ry0 = Math.min(ry0, b[1]); rx1 = Math.max(rx1, b[2]); ry1 = Math.max(ry1, b[3]); }
    const [a, b] = boxRows([rx0, ry0, rx1, ry1], geo, layout);
    y0 = Math.min(y0, a); y1 = Math.max(y1, b);
  }
  return [y0, y1];
}

/** The output rows a canvas box can reach through the camera at any nearness, padded. */
export function boxRows(box: readonly [number, number, number, number], geo: PoseGeometry, layout: Pick<FillLayout, 'width' | 'height' | 'marginX' | 'marginY'>): [number, number] {
  const { width: W, height: H } = layout;
  const cx0 = W / 2 - 0.5 + layout.marginX, cy0 = H / 2 - 0.5 + layout.marginY;
  const [rx0, ry0, rx1, ry1] = box;
  let y0 = Infinity, y1 = -Infinity;
  for (const n of [0, 0.5, 1]) {
    for (const [sx, sy] of [[rx0, ry0], [rx1, ry0], [rx0, ry1], [rx1, ry1]] as const) {
      const [, oy] = geo.forward(sx - cx0, sy - cy0, n);
      y0 = Math.min(y0, oy); y1 = Math.max(y1, oy);
    }
  }
  // the warp lattice interpolates over up to 4 px; a little more for safety
  return [Math.max(0, Math.floor(y0) - 8), Math.min(H, Math.ceil(y1) + 9)];
}
