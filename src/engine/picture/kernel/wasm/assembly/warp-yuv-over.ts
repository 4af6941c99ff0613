// AssemblyScript. Layer compositing on the YUV path: a layer's Y, U, V and alpha planes (straight
// alpha: the subject matte; planes as warp-yuv.ts reads them) warped through the current lattice
// and laid over the I420 frame, which already holds the layers behind it — ungraded (the caller
// grades the composite, gradeI420). The blend is the RGBA `over` kernel's, per plane: BT.601 is
// affine, so blending Y, U, V equals converting the blended colour, up to rounding. Chroma takes
// the alpha at its own sample position. Only the layer's box of non-zero alpha is sampled: samples
// whose taps all lie outside it, or whose alpha is 0, leave the frame as it is.
import { latShift, rowSpans, spanSX, spanDX, spanSY, spanDY } from './lattice';
import { MASK127, bilinear8, blend4, clampFix, clampPos4, load4, quadX, quadY, store4, tapIndex4 } from './bilinear';

/** d + (s − d)·a over four lanes (the `over` kernel's weights: a 0…255 → 0…256). */
@inline function over4(s: v128, d: v128, a: v128): v128 {
  const w = i32x4.add(a, i32x4.shr_s(a, 7));
  return i32x4.add(d, i32x4.shr_s(i32x4.mul(i32x4.sub(s, d), w), 8));
}

@inline function over1(s: i32, d: i32, a: i32): u8 {
  return <u8>(d + (((s - d) * (a + (a >> 7))) >> 8));
}

/**
 * Composites rows [y0, y1) of the layer into the I420 frame `out` (W × H, even). box: the canvas
 * pixels bx0…bx1, by0…by1 (inclusive) outside which the layer's alpha is 0.
 */
export function warpYuvOver(
  yp: usize, up: usize, vp: usize, ap: usize, cw: i32, ch: i32, out: usize, w: i32, h: i32, y0: i32, y1: i32,
  bx0: i32, by0: i32, bx1: i32, by1: i32,
): void {
  const maxX = (cw - 1) << 7, maxY = (ch - 1) << 7;
  const maxX4 = i32x4.splat(maxX), maxY4 = i32x4.splat(maxY);
  // a clamped sample (1/128 px) has a tap in the box when lo ≤ X < hi
  const loX = (bx0 - 1) << 7, hiX = (bx1 + 1) << 7, loY = (by0 - 1) << 7, hiY = (by1 + 1) << 7;
  const loX4 = i32x4.splat(loX - 1), hiX4 = i32x4.splat(hiX), loY4 = i32x4.splat(loY - 1), hiY4 = i32x4.splat(hiY);
  const shift = latShift, mask = (1 << shift) - 1;
  const quads = w >> 2;
  for (let y = y0; y < y1; y++) {
    rowSpans(<f64>y, false);
    const base = out + <usize>(y * w);
    for (let q = 0; q < quads; q++) {
      const xi = clampPos4(quadX(q, shift), maxX4), yi = clampPos4(quadY(q, shift), maxY4);
      const inside = v128.and(v128.and(i32x4.gt_s(xi, loX4), i32x4.lt_s(xi, hiX4)), v128.and(i32x4.gt_s(yi, loY4), i32x4.lt_s(yi, hiY4)));
      if (!v128.any_true(inside)) continue;
      const fx = v128.and(xi, MASK127), fy = v128.and(yi, MASK127), idx = tapIndex4(xi, yi, cw);
      const a = blend4(ap, cw, idx, fx, fy);
      if (!v128.any_true(a)) continue;
      const o = base + (<usize>q << 2);
      store4(o, over4(blend4(yp, cw, idx, fx, fy), load4(o), a));
    }
    for (let x = quads << 2; x < w; x++) {
      const i = x >> shift, m = x & mask;
      const X = clampFix(spanSX(i) + m * spanDX(i), maxX), Y = clampFix(spanSY(i) + m * spanDY(i), maxY);
      if (X < loX || X >= hiX || Y < loY || Y >= hiY) continue;
      const a = bilinear8(ap, cw, X, Y);
      if (a == 0) continue;
      const o = base + <usize>x;
      store<u8>(o, over1(bilinear8(yp, cw, X, Y), <i32>load<u8>(o), a));
    }
  }

  // chroma: sample m of a row sits at output x = 2m + 0.5, y = 2·cy + 0.5 (as in warpYuv)
  const cwOut = w >> 1, chOut = h >> 1;
  const uBase = out + <usize>(w * h), vBase = uBase + <usize>(cwOut * chOut);
  const cshift = shift - 1, cmask = (1 << cshift) - 1;
  const cquads = cshift >= 1 ? cwOut >> 2 : 0;
  const cy1 = y1 >> 1 < chOut ? y1 >> 1 : chOut;
  for (let cy = y0 >> 1; cy < cy1; cy++) {
    rowSpans(<f64>(2 * cy) + 0.5, true);
    const o = <usize>(cy * cwOut);
    for (let q = 0; q < cquads; q++) {
      const xi = clampPos4(quadX(q, cshift), maxX4), yi = clampPos4(quadY(q, cshift), maxY4);
      const inside = v128.and(v128.and(i32x4.gt_s(xi, loX4), i32x4.lt_s(xi, hiX4)), v128.and(i32x4.gt_s(yi, loY4), i32x4.lt_s(yi, hiY4)));
      if (!v128.any_true(inside)) continue;
      const fx = v128.and(xi, MASK127), fy = v128.and(yi, MASK127), idx = tapIndex4(xi, yi, cw);
      const a = blend4(ap, cw, idx, fx, fy);
      if (!v128.any_true(a)) continue;
      const ou = uBase + o + (<usize>q << 2), ov = vBase + o + (<usize>q << 2);
      store4(ou, over4(blend4(up, cw, idx, fx, fy), load4(ou), a));
      store4(ov, over4(blend4(vp, cw, idx, fx, fy), load4(ov), a));
    }
    for (let x = cquads << 2; x < cwOut; x++) {
      const i = x >> cshift, m = x & cmask;
      const X = clampFix(spanSX(i) + m * spanDX(i), maxX), Y = clampFix(spanSY(i) + m * spanDY(i), maxY);
      if (X < loX || X >= hiX || Y < loY || Y >= hiY) continue;
      const a = bilinear8(ap, cw, X, Y);
      if (a == 0) continue;
      const ou = uBase + o + <usize>x, ov = vBase + o + <usize>x;
      store<u8>(ou, over1(bilinear8(up, cw, X, Y), <i32>load<u8>(ou), a));
      store<u8>(ov, over1(bilinear8(vp, cw, X, Y), <i32>load<u8>(ov), a));
    }
  }
}
