/**
 * Packed RGBA → I420 (yuv420p planar), BT.601 limited range — the matrix ffmpeg's swscale uses by
 * default for rgb24 → yuv420p — with the frame's grade folded into the lookup tables, chroma
 * from the 2×2 average, saturation on chroma and the vignette as a separable gain.
 * Integer arithmetic throughout (tables in 1/65536 units), one 32-bit read per pixel.
 *
 * @example const i420 = toI420(frame32, 1920, 1080, frameGrade, out)
 */
import type { FrameGrade } from '../types.js';
import { gradeLuts, vignetteProfile } from './grade-lut.js';

// BT.601 limited range
const YR = 65.481 / 255, YG = 128.553 / 255, YB = 24.966 / 255;
const UR = -37.797 / 255, UG = -74.203 / 255, UB = 112 / 255;
const VR = 112 / 255, VG = -93.786 / 255, VB = -18.214 / 255;

export function toI420(px: Int32Array, width: number, height: number, grade: FrameGrade, out: Uint8Array): Uint8Array {
  const luts = gradeLuts(grade);
  const yr = new Int32Array(256), yg = new Int32Array(256), yb = new Int32Array(256);
  const sat = grade.saturation;
  for (let v = 0; v < 256; v++) {
    const r = luts.r[v]!, g = luts.g[v]!, b = luts.b[v]!;
    yr[v] = Math.round(YR * r * 65536); yg[v] = Math.round(YG * g * 65536); yb[v] = Math.round(YB * b * 65536 + 16 * 65536 + 32768);
  }
  const cw = width >> 1, ch = height >> 1;
  const uBase = width * height, vBase = uBase + cw * ch;

  // chroma from the 2×2 sums (SWAR: R and B lanes summed together), through 1024-entry tables
  // that fold in the grade at the block's mean level and the saturation
  const cr = new Int32Array(1024 * 6);
  for (let v = 0; v < 1024; v++) {
    const k = Math.min(255, v >> 2), f = (v & 3) / 4, k1 = Math.min(255, k + 1);
    const r = luts.r[k]! + (luts.r[k1]! - luts.r[k]!) * f, g = luts.g[k]! + (luts.g[k1]! - luts.g[k]!) * f, b = luts.b[k]! + (luts.b[k1]! - luts.b[k]!) * f;
    cr[v] = Math.round(UR * r * sat * 65536); cr[1024 + v] = Math.round(UG * g * sat * 65536); cr[2048 + v] = Math.round(UB * b * sat * 65536);
    cr[3072 + v] = Math.round(VR * r * sat * 65536); cr[4096 + v] = Math.round(VG * g * sat * 65536); cr[5120 + v] = Math.round(VB * b * sat * 65536);
  }
  const M = 0x00ff00ff;
  const vigX = grade.vignette > 0 ? vignetteProfile(width, grade.vignette) : null;
  const vigY = grade.vignette > 0 ? vignetteProfile(height, grade.vignette) : null;
  for (let cy = 0; cy < ch; cy++) {
    const r0 = cy * 2 * width, r1 = r0 + width;
    let o = cy * cw;
    const fy = vigY ? vigY[cy * 2]! : 1;
    for (let cx = 0; cx < cw; cx++, o++) {
      const a = r0 + cx * 2, b = r1 + cx * 2;
      const p0 = px[a]!, p1 = px[a + 1]!, p2 = px[b]!, p3 = px[b + 1]!;
      const rb = (p0 & M) + (p1 & M) + (p2 & M) + (p3 & M);
      const g4 = ((p0 >> 8) & 255) + ((p1 >> 8) & 255) + ((p2 >> 8) & 255) + ((p3 >> 8) & 255);
      const R4 = rb & 0xffff, B4 = rb >>> 16;
      if (!vigX) {
        out[a] = (yr[p0 & 255]! + yg[(p0 >> 8) & 255]! + yb[(p0 >> 16) & 255]!) >> 16;
        out[a + 1] = (yr[p1 & 255]! + yg[(p1 >> 8) & 255]! + yb[(p1 >> 16) & 255]!) >> 16;
        out[b] = (yr[p2 & 255]! + yg[(p2 >> 8) & 255]! + yb[(p2 >> 16) & 255]!) >> 16;
        out[b + 1] = (yr[p3 & 255]! + yg[(p3 >> 8) & 255]! + yb[(p3 >> 16) & 255]!) >> 16;
      }
      let U = cr[R4]! + cr[1024 + g4]! + cr[2048 + B4]!;
      let V = cr[3072 + R4]! + cr[4096 + g4]! + cr[5120 + B4]!;
      if (vigX) { const f = fy * vigX[cx * 2]!; U = U * f; V = V * f; }
      let u = (U + 8421376) >> 16, w = (V + 8421376) >> 16; // + 128.5 × 65536
      u = u < 0 ? 0 : u > 255 ? 255 : u; w = w < 0 ? 0 : w > 255 ? 255 : w;
      out[uBase + o] = u; out[vBase + o] = w;
    }
  }
  if (grade.vignette > 0) {
    const vx = vignetteProfile(width, grade.vignette), vy = vignetteProfile(height, grade.vignette);
    const gx = new Int32Array(width);
    for (let y = 0; y < height; y++) {
      const fy = vy[y]!;
      for (let x = 0; x < width; x++) gx[x] = Math.round(vx[x]! * fy * 256);
      for (let x = 0, o = y * width; x < width; x++, o++) {
        const p = px[o]!;
        const Y = (yr[p & 255]! + yg[(p >> 8) & 255]! + yb[(p >> 16) & 255]!) >> 8; // ×256
        out[o] = ((Y - 4096) * gx[x]! + 1048576 + 32768) >> 16;
      }
    }
  }

  return out;
}
