// AssemblyScript. The fast path for frames without effects, depth of field or motion blur: the
// warp samples precomputed Y, U and V planes of the canvas (chroma not subsampled, one padding
// row) and writes the I420 frame directly — luma at full resolution, chroma only at the quarter
// of positions I420 keeps. The grade is applied in YUV: exposure and contrast through a luma
// table, saturation and warmth on chroma, the vignette (separable gains) on both. Four samples at
// a time (SIMD), a scalar tail for rows whose length is not a multiple of four.
import { latShift, rowSpans, spanSX, spanDX, spanSY, spanDY } from './lattice';
import { MASK127, blend4, bilinear4, clampFix, clampPos4, quadX, quadY, tapIndex4 } from './bilinear';

/** Bilinear sample of an 8-bit plane at (X, Y) in 1/128 px, already clamped. */
@inline function bilinear8(p: usize, cw: i32, X: i32, Y: i32): i32 {
  const ix = X >> 7, iy = Y >> 7, fx = X & 127, fy = Y & 127;
  const i = p + <usize>(iy * cw + ix);
  const a = <i32>load<u8>(i), b = <i32>load<u8>(i, 1), c = <i32>load<u8>(i + <usize>cw), d = <i32>load<u8>(i + <usize>cw, 1);
  const top = (a << 7) + (b - a) * fx, bot = (c << 7) + (d - c) * fx;
  return ((top << 7) + (bot - top) * fy + 8192) >> 14;
}

/** The chroma grade of one sample: saturation and warmth about grey, the vignette gain f. */
@inline function gradeChroma(c: i32, sat: f64, warm: f64, f: f64): i32 {
  const v = 128 + (<f64>(c - 128) * sat + warm) * f + 0.5;
  return <i32>(v < 0 ? 0 : v > 255 ? 255 : v);
}

/** The same for four samples (i32x4 in, f32x4 gains). */
@inline function gradeChroma4(c: v128, sat: v128, warm: v128, f: v128): v128 {
  const g = f32x4.splat(128);
  const v = f32x4.add(f32x4.add(g, f32x4.mul(f32x4.add(f32x4.mul(f32x4.sub(f32x4.convert_i32x4_s(c), g), sat), warm), f)), f32x4.splat(0.5));
  return i32x4.trunc_sat_f32x4_s(f32x4.min(f32x4.max(v, f32x4.splat(0)), f32x4.splat(255)));
}

/** Four i32 lanes (0…255) as four bytes at `at`. */
@inline function store4(at: usize, v: v128): void {
  v128.store32_lane(at, i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_s(v, v), v), 0);
}

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
        const v = <f32>(<i32>load<u8>(base + <usize>x) - 16);
        store<u8>(base + <usize>x, <u8>(<i32>(16.5 + v * fy * load<f32>(vx + (<usize>x << 2)))));
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
