// AssemblyScript. The fast path for frames without effects, depth of field or motion blur: the
// warp samples precomputed Y, U and V planes of the canvas (chroma not subsampled, one padding
// row) and writes the I420 frame directly — luma at full resolution, chroma only at the quarter
// of positions I420 keeps. The grade is applied in YUV: exposure and contrast through a luma
// table, saturation and warmth on chroma, the vignette (separable gains) on both. Four samples at
// a time (SIMD), a scalar tail for rows whose length is not a multiple of four. (The layered scene
// has its own passes, warp-yuv-layers.ts, and is graded afterwards: yuv-grade.ts.)
import { latShift, rowSpans, spanSX, spanDX, spanSY, spanDY } from './lattice';
import { MASK127, bilinear8, blend4, bilinear4, clampFix, clampPos4, quadX, quadY, store4, tapIndex4 } from './bilinear';
import { gradeChroma, gradeChroma4, vignetteLuma } from './yuv-grade';

/**
 * Writes output rows [y0, y1) of the I420 frame `out` (W × H, even). ylut: 256 bytes, or 0 for
 * the identity; vx, vy: f32
 * vignette gains per column and row (padded by 16 bytes), or 0; sat, warmU, warmV: the chroma grade.
 */
export function warpYuv(
  yp: usize, up: usize, vp: usize, cw: i32, ch: i32, out: usize, w: i32, h: i32, y0: i32, y1: i32,
  ylut: usize, vx: usize, vy: usize, sat: f64, warmU: f64, warmV: f64,
): void {
  const maxX = (cw - 1) << 7, maxY = (ch - 1) << 7;
  const maxX4 = i32x4.splat(maxX), maxY4 = i32x4.splat(maxY);
  const shift = latShift, mask = (1 << shift) - 1;
  const quads = w >> 2;
  for (let y = y0; y < y1; y++) {
    rowSpans(<f64>y, false);
    const base = out + <usize>(y * w);
    for (let q = 0; q < quads; q++) {
      const v = bilinear4(yp, cw, quadX(q, shift), quadY(q, shift), maxX4, maxY4);
      const o = base + (<usize>q << 2);
      if (ylut == 0) { store4(o, v); continue; }
      store<u8>(o, load<u8>(ylut + <usize>i32x4.extract_lane(v, 0)));
      store<u8>(o, load<u8>(ylut + <usize>i32x4.extract_lane(v, 1)), 1);
      store<u8>(o, load<u8>(ylut + <usize>i32x4.extract_lane(v, 2)), 2);
      store<u8>(o, load<u8>(ylut + <usize>i32x4.extract_lane(v, 3)), 3);
    }
    for (let x = quads << 2; x < w; x++) {
      const i = x >> shift, m = x & mask;
      const X = clampFix(spanSX(i) + m * spanDX(i), maxX), Y = clampFix(spanSY(i) + m * spanDY(i), maxY);
      const v = bilinear8(yp, cw, X, Y);
      store<u8>(base + <usize>x, ylut == 0 ? <u8>v : load<u8>(ylut + <usize>v));
    }
    if (vx != 0) {
      const fy = load<f32>(vy + (<usize>y << 2));
      for (let x = 0; x < w; x++) {
        store<u8>(base + <usize>x, vignetteLuma(load<u8>(base + <usize>x), fy, load<f32>(vx + (<usize>x << 2))));
      }
    }
  }

  // chroma: sample m of a row sits at output x = 2m + 0.5, y = 2·cy + 0.5; U and V share taps
  const cwOut = w >> 1, chOut = h >> 1;
  const uBase = out + <usize>(w * h), vBase = uBase + <usize>(cwOut * chOut);
  const cshift = shift - 1, cmask = (1 << cshift) - 1;
  const plain = sat == 1 && warmU == 0 && warmV == 0 && vx == 0;
  const sat4 = f32x4.splat(<f32>sat), warmU4 = f32x4.splat(<f32>warmU), warmV4 = f32x4.splat(<f32>warmV);
  const cquads = cshift >= 1 ? cwOut >> 2 : 0;
  const cy1 = y1 >> 1 < chOut ? y1 >> 1 : chOut;
  for (let cy = y0 >> 1; cy < cy1; cy++) {
    rowSpans(<f64>(2 * cy) + 0.5, true);
    const o = <usize>(cy * cwOut);
    const fy: f64 = vx != 0 ? <f64>load<f32>(vy + (<usize>(2 * cy) << 2)) : 1;
    for (let q = 0; q < cquads; q++) {
      const xi = clampPos4(quadX(q, cshift), maxX4), yi = clampPos4(quadY(q, cshift), maxY4);
      const fx = v128.and(xi, MASK127), fyv = v128.and(yi, MASK127);
      const idx = tapIndex4(xi, yi, cw);
      let u4 = blend4(up, cw, idx, fx, fyv), v4 = blend4(vp, cw, idx, fx, fyv);
      if (!plain) {
        let f = f32x4.splat(<f32>fy);
        if (vx != 0) {
          // the vignette at output x = 2m: every other column gain
          const a = v128.load(vx + (<usize>(q << 3) << 2)), b = v128.load(vx + (<usize>(q << 3) << 2), 16);
          f = f32x4.mul(f, v128.shuffle<f32>(a, b, 0, 2, 4, 6));
        }
        u4 = gradeChroma4(u4, sat4, warmU4, f); v4 = gradeChroma4(v4, sat4, warmV4, f);
      }
      store4(uBase + o + (<usize>q << 2), u4);
      store4(vBase + o + (<usize>q << 2), v4);
    }
    for (let x = cquads << 2; x < cwOut; x++) {
      const i = x >> cshift, m = x & cmask;
      const X = clampFix(spanSX(i) + m * spanDX(i), maxX), Y = clampFix(spanSY(i) + m * spanDY(i), maxY);
      let u = bilinear8(up, cw, X, Y), v = bilinear8(vp, cw, X, Y);
      if (!plain) {
        const f: f64 = vx != 0 ? fy * <f64>load<f32>(vx + (<usize>(2 * x) << 2)) : 1;
        u = gradeChroma(u, sat, warmU, f); v = gradeChroma(v, sat, warmV, f);
      }
      store<u8>(uBase + o + <usize>x, <u8>u);
      store<u8>(vBase + o + <usize>x, <u8>v);
    }
  }
}
