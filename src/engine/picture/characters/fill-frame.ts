/**
 * The open-mouth fill (its shaded colours from inner-mouth.ts) applied to a finished frame, in either of the renderer's frame layouts:
 * I420 (the camera-only fast path) or RGBA words (the general path, before grading).
 *
 * @example fillMouthsI420(out, rigs, i, lattice, geometry, layout)
 */
import type { PoseGeometry } from '../camera/geometry.js';
import type { Lattice } from '../kernel/lattice.js';
import { rgbToYuv } from '../kernel/bt601.js';
import { mouthFill, type FillLayout } from './mouth-fill.js';
import type { CharacterRig } from './types.js';

export function fillMouthsI420(out: Uint8Array, rigs: readonly CharacterRig[], frame: number, lat: Lattice, geo: PoseGeometry, layout: FillLayout): void {
  const { width: W, height: H } = layout;
  const uBase = W * H, vBase = uBase + (W >> 1) * (H >> 1), cw = W >> 1;
  mouthFill(rigs, frame, lat, geo, layout, (x, y, a, r, g, b) => {
    const [Yc, Uc, Vc] = rgbToYuv(r, g, b);
    const k = y * W + x;
    out[k] = out[k]! + (Yc - out[k]!) * a + 0.5;
    if ((x & 1) === 0 && (y & 1) === 0 && x < W - 1 && y < H - 1) {
      const c = (y >> 1) * cw + (x >> 1);
      out[uBase + c] = out[uBase + c]! + (Uc - out[uBase + c]!) * a + 0.5;
      out[vBase + c] = out[vBase + c]! + (Vc - out[vBase + c]!) * a + 0.5;
    }
  });
}

export function fillMouthsRgba(frame32: Int32Array, rigs: readonly CharacterRig[], frame: number, lat: Lattice, geo: PoseGeometry, layout: FillLayout): void {
  const W = layout.width;
  mouthFill(rigs, frame, lat, geo, layout, (x, y, a, R, G, B) => {
    const k = y * W + x, p = frame32[k]!;
    const r = p & 255, g = (p >> 8) & 255, b = (p >> 16) & 255;
    const nr = (r + (R - r) * a + 0.5) | 0, ng = (g + (G - g) * a + 0.5) | 0, nb = (b + (B - b) * a + 0.5) | 0;
    frame32[k] = nr | (ng << 8) | (nb << 16) | -16777216;
  });
}
