// AssemblyScript. The grade in YUV (see ../../yuv-grade.ts for its tables): exposure and contrast
// through a luma table, saturation and warmth on chroma about grey, the vignette (separable gains)
// scaling luma about black and chroma about grey. The YUV warp grades as it samples; gradeI420
// grades a frame already in I420 (the layered YUV path composites its layers first, then grades).
import { load4, store4 } from './bilinear';

/** The chroma grade of one sample: saturation and warmth about grey, the vignette gain f. */
@inline export function gradeChroma(c: i32, sat: f64, warm: f64, f: f64): i32 {
  const v = 128 + (<f64>(c - 128) * sat + warm) * f + 0.5;
  return <i32>(v < 0 ? 0 : v > 255 ? 255 : v);
}

/** The same for four samples (i32x4 in, f32x4 gains). */
@inline export function gradeChroma4(c: v128, sat: v128, warm: v128, f: v128): v128 {
  const g = f32x4.splat(128);
  const v = f32x4.add(f32x4.add(g, f32x4.mul(f32x4.add(f32x4.mul(f32x4.sub(f32x4.convert_i32x4_s(c), g), sat), warm), f)), f32x4.splat(0.5));
  return i32x4.trunc_sat_f32x4_s(f32x4.min(f32x4.max(v, f32x4.splat(0)), f32x4.splat(255)));
}

/** A luma code under the vignette: row gain fy, column gain gx. */
@inline export function vignetteLuma(code: u8, fy: f32, gx: f32): u8 {
  const v = <f32>(<i32>code - 16);
  return <u8>(<i32>(16.5 + v * fy * gx));
}

/**
 * Grades rows [y0, y1) of the I420 frame `out` (W × H, even) in place, as warpYuv grades its
 * samples: ylut (256 bytes, or 0 for the identity), vx, vy (f32 vignette gains per column and
 * row, padded by 16 bytes, or 0), sat, warmU, warmV.
 */
export function gradeI420(out: usize, w: i32, h: i32, y0: i32, y1: i32, ylut: usize, vx: usize, vy: usize, sat: f64, warmU: f64, warmV: f64): void {
  if (ylut != 0 || vx != 0) {
    for (let y = y0; y < y1; y++) {
      const base = out + <usize>(y * w);
      if (ylut != 0) for (let x = 0; x < w; x++) store<u8>(base + <usize>x, load<u8>(ylut + <usize>load<u8>(base + <usize>x)));
      if (vx == 0) continue;
      const fy = load<f32>(vy + (<usize>y << 2));
      for (let x = 0; x < w; x++) store<u8>(base + <usize>x, vignetteLuma(load<u8>(base + <usize>x), fy, load<f32>(vx + (<usize>x << 2))));
    }
  }
  if (sat == 1 && warmU == 0 && warmV == 0 && vx == 0) return;
  const cwOut = w >> 1, chOut = h >> 1, cquads = cwOut >> 2;
  const uBase = out + <usize>(w * h), vBase = uBase + <usize>(cwOut * chOut);
  const sat4 = f32x4.splat(<f32>sat), warmU4 = f32x4.splat(<f32>warmU), warmV4 = f32x4.splat(<f32>warmV);
  const cy1 = y1 >> 1 < chOut ? y1 >> 1 : chOut;
  for (let cy = y0 >> 1; cy < cy1; cy++) {
    const o = <usize>(cy * cwOut);
    const fy: f64 = vx != 0 ? <f64>load<f32>(vy + (<usize>(2 * cy) << 2)) : 1;
    for (let q = 0; q < cquads; q++) {
      const at = o + (<usize>q << 2);
      let f = f32x4.splat(<f32>fy);
      if (vx != 0) {
        // the vignette at output x = 2m: every other column gain
        const a = v128.load(vx + (<usize>(q << 3) << 2)), b = v128.load(vx + (<usize>(q << 3) << 2), 16);
        f = f32x4.mul(f, v128.shuffle<f32>(a, b, 0, 2, 4, 6));
      }
      store4(uBase + at, gradeChroma4(load4(uBase + at), sat4, warmU4, f));
      store4(vBase + at, gradeChroma4(load4(vBase + at), sat4, warmV4, f));
    }
    for (let x = cquads << 2; x < cwOut; x++) {
      const f: f64 = vx != 0 ? fy * <f64>load<f32>(vx + (<usize>(2 * x) << 2)) : 1;
      store<u8>(uBase + o + <usize>x, <u8>gradeChroma(<i32>load<u8>(uBase + o + <usize>x), sat, warmU, f));
      store<u8>(vBase + o + <usize>x, <u8>gradeChroma(<i32>load<u8>(vBase + o + <usize>x), sat, warmV, f));
    }
  }
}
