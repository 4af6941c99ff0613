/**
 * What particles are drawn on: the frame being built, either packed RGBA (frames with light
 * effects or depth of field) or already I420 (every other frame, which then skips the RGBA warp
 * and conversion). `put` blends one pixel toward a colour, or adds light; on I420 the luma takes
 * the blend at full resolution and the 2×2 chroma sample a quarter of it, so a dot covering the
 * block moves the chroma as the RGBA path's 2×2 mean would.
 *
 * @example const s = rgbaSurface(frame8, w, h); s.put(10, 20, 255, 255, 255, 0.5, false)
 */
import { YR, YG, YB, UR, UG, UB, VR, VG, VB } from '../../kernel/bt601.js';

export interface Surface {
  width: number;
  height: number;
  /** pixel (x, y), in range: blend toward (r, g, b) by a, or add (r, g, b) × a of light */
  put(x: number, y: number, r: number, g: number, b: number, a: number, additive: boolean): void;
}

export function rgbaSurface(f: Uint8Array, width: number, height: number): Surface {
  return {
    width, height,
    put(x, y, r, g, b, a, additive) {
      const i = (y * width + x) * 4;
      if (additive) {
        const R = f[i]! + r * a, G = f[i + 1]! + g * a, B = f[i + 2]! + b * a;
        f[i] = R > 255 ? 255 : R; f[i + 1] = G > 255 ? 255 : G; f[i + 2] = B > 255 ? 255 : B;
      } else {
        f[i] = f[i]! + (r - f[i]!) * a + 0.5;
        f[i + 1] = f[i + 1]! + (g - f[i + 1]!) * a + 0.5;
        f[i + 2] = f[i + 2]! + (b - f[i + 2]!) * a + 0.5;
      }
    },
  };
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

export function i420Surface(f: Uint8Array, width: number, height: number): Surface {
  const uBase = width * height, cw = width >> 1, vBase = uBase + cw * (height >> 1);
  // a particle puts one colour many times: convert it once
  let lr = -1, lg = -1, lb = -1, dY = 0, dU = 0, dV = 0;
  return {
    width, height,
    put(x, y, r, g, b, a, additive) {
      const k = y * width + x;
      const c = (y >> 1) * cw + (x >> 1);
      if (r !== lr || g !== lg || b !== lb) {
        lr = r; lg = g; lb = b;
        dY = YR * r + YG * g + YB * b; dU = UR * r + UG * g + UB * b; dV = VR * r + VG * g + VB * b;
      }
      if (additive) {
        f[k] = clamp(f[k]! + dY * a + 0.5);
        f[uBase + c] = clamp(f[uBase + c]! + dU * a * 0.25 + 0.5);
        f[vBase + c] = clamp(f[vBase + c]! + dV * a * 0.25 + 0.5);
      } else {
        f[k] = f[k]! + (16 + dY - f[k]!) * a + 0.5;
        f[uBase + c] = f[uBase + c]! + (128 + dU - f[uBase + c]!) * a * 0.25 + 0.5;
        f[vBase + c] = f[vBase + c]! + (128 + dV - f[vBase + c]!) * a * 0.25 + 0.5;
      }
    },
  };
}
