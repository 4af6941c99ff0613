// AssemblyScript. The fast path for frames without effects, depth of field or motion blur: the
// warp samples precomputed Y, U and V planes of the canvas (chroma not subsampled, one padding
// row) and writes the I420 frame directly — luma at full resolution, chroma only at the quarter
// of positions I420 keeps. The grade is applied in YUV: exposure and contrast through a luma
// table, saturation and warmth on chroma, the vignette (separable gains) on both.
import { latShift, rowSpans, spanSX, spanDX, spanSY, spanDY } from './lattice';
import { bilinear4, blend4, pairPositionsX, pairPositionsY, spanPositions } from './bilinear';

const ZERO16 = i16x8.splat(0);

@inline function clampFix(v: i32, max: i32): i32 {
  return v < 0 ? 0 : v > max ? max : v;
}

/** Bilinear sample of an 8-bit plane at (X, Y) in 1/128 px, already clamped. */
@inline function bilinear8(p: usize, cw: i32, X: i32, Y: i32): i32 {
  const ix = X >> 7, iy = Y >> 7, fx = X & 127, fy = Y & 127;
  const i = p + <usize>(iy * cw + ix);
  const a = <i32>load<u8>(i), b = <i32>load<u8>(i, 1), c = <i32>load<u8>(i + <usize>cw), d = <i32>load<u8>(i + <usize>cw, 1);
  const top = (a << 7) + (b - a) * fx, bot = (c << 7) + (d - c) * fx;
  return ((top << 7) + (bot - top) * fy + 8192) >> 14;
}

/**
 * Writes output rows [y0, y1) of the I420 frame `out` (W × H, even). ylut: 256 bytes; vx, vy: f32
 * vignette gains per column and row, or 0; sat, warmU, warmV: the chroma grade.
 */
export function warpYuv(
  yp: usize, up: usize, vp: usize, cw: i32, ch: i32, out: usize, w: i32, h: i32, y0: i32, y1: i32,
  ylut: usize, vx: usize, vy: usize, sat: f64, warmU: f64, warmV: f64,
): void {
  const maxX = (cw - 1) << 7, maxY = (ch - 1) << 7;
  const shift = latShift, spans = (w + (1 << shift) - 1) >> shift;
  const maxX4 = i32x4.splat(maxX), maxY4 = i32x4.splat(maxY);
  for (let y = y0; y < y1; y++) {
    rowSpans(<f64>y, 0, 1);
    const base = out + <usize>(y * w);
    // 4-px spans (outputs from 960 px wide): four samples at once
    const full = shift == 2 ? w >> 2 : 0;
    for (let i = 0; i < full; i++) {
      const v = bilinear4(yp, cw, spanPositions(spanSX(i), spanDX(i)), spanPositions(spanSY(i), spanDY(i)), maxX4, maxY4);
      const o = base + (<usize>i << 2);
      store<u8>(o, load<u8>(ylut + <usize>i32x4.extract_lane(v, 0)));
      store<u8>(o, load<u8>(ylut + <usize>i32x4.extract_lane(v, 1)), 1);
      store<u8>(o, load<u8>(ylut + <usize>i32x4.extract_lane(v, 2)), 2);
      store<u8>(o, load<u8>(ylut + <usize>i32x4.extract_lane(v, 3)), 3);
    }
    for (let i = full; i < spans; i++) {
      let X = spanSX(i), Y = spanSY(i);
      const dX = spanDX(i), dY = spanDY(i);
      const x1 = min((i + 1) << shift, w);
      for (let x = i << shift; x < x1; x++, X += dX, Y += dY) {
        store<u8>(base + <usize>x, load<u8>(ylut + <usize>bilinear8(yp, cw, clampFix(X >> 8, maxX), clampFix(Y >> 8, maxY))));
      }
    }
    if (vx != 0) {
      const fy = load<f32>(vy + (<usize>y << 2));
      for (let x = 0; x < w; x++) {
        const v = <f32>(<i32>load<u8>(base + <usize>x) - 16);
        store<u8>(base + <usize>x, <u8>(<i32>(16.5 + v * fy * load<f32>(vx + (<usize>x << 2)))));
      }
    }
  }

  // chroma: sample m of a row sits at output x = 2m + 0.5, y = 2·cy + 0.5
  const cwOut = w >> 1, chOut = h >> 1;
  const uBase = out + <usize>(w * h), vBase = uBase + <usize>(cwOut * chOut);
  const cshift = shift - 1, cspans = (cwOut + (1 << cshift) - 1) >> cshift;
  const plain = sat == 1 && warmU == 0 && warmV == 0 && vx == 0;
  const cy1 = y1 >> 1 < chOut ? y1 >> 1 : chOut;
  for (let cy = y0 >> 1; cy < cy1; cy++) {
    rowSpans(<f64>(2 * cy) + 0.5, 0.5, 2);
    const o = <usize>(cy * cwOut);
    const fy: f64 = vx != 0 ? <f64>load<f32>(vy + (<usize>(2 * cy) << 2)) : 1;
    // pairs of 2-sample spans: four chroma samples at once, the same taps for U and V
    const quads = shift == 2 && plain ? cwOut >> 2 : 0;
    for (let q = 0; q < quads; q++) {
      const X4 = pairPositionsX(q << 1), Y4 = pairPositionsY(q << 1);
      const xi = i32x4.min_s(i32x4.max_s(i32x4.shr_s(X4, 8), i32x4.splat(0)), maxX4);
      const yi = i32x4.min_s(i32x4.max_s(i32x4.shr_s(Y4, 8), i32x4.splat(0)), maxY4);
      const fx = v128.and(xi, i32x4.splat(127)), fy = v128.and(yi, i32x4.splat(127));
      const idx = i32x4.add(i32x4.mul(i32x4.shr_s(yi, 7), i32x4.splat(cw)), i32x4.shr_s(xi, 7));
      const u4 = blend4(up, cw, idx, fx, fy), v4 = blend4(vp, cw, idx, fx, fy);
      // 0…255 already: narrow to bytes and store four at once
      const u8s = i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_s(u4, u4), ZERO16);
      const v8s = i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_s(v4, v4), ZERO16);
      v128.store32_lane(uBase + o + (<usize>q << 2), u8s, 0);
      v128.store32_lane(vBase + o + (<usize>q << 2), v8s, 0);
    }
    for (let i = quads << 1; i < cspans; i++) {
     let SX = spanSX(i), SY = spanSY(i);
     const dX = spanDX(i), dY = spanDY(i);
     const x1 = min((i + 1) << cshift, cwOut);
     for (let x = i << cshift; x < x1; x++, SX += dX, SY += dY) {
      const X = clampFix(SX >> 8, maxX), Y = clampFix(SY >> 8, maxY);
      let u = bilinear8(up, cw, X, Y), v = bilinear8(vp, cw, X, Y);
      if (!plain) {
        const f: f64 = vx != 0 ? fy * <f64>load<f32>(vx + (<usize>(2 * x) << 2)) : 1;
        let uf = 128 + (<f64>(u - 128) * sat + warmU) * f + 0.5, vf = 128 + (<f64>(v - 128) * sat + warmV) * f + 0.5;
        uf = uf < 0 ? 0 : uf > 255 ? 255 : uf; vf = vf < 0 ? 0 : vf > 255 ? 255 : vf;
        u = <i32>uf; v = <i32>vf;
      }
      store<u8>(uBase + o + <usize>x, <u8>u);
      store<u8>(vBase + o + <usize>x, <u8>v);
     }
    }
  }
}
