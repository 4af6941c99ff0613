// AssemblyScript. The 2.5D warp into a packed RGBA frame: every output pixel is sampled backwards
// from the canvas at the lattice's interpolated position, bilinearly with 1/128-px precision, two
// channels at a time per 32-bit word (SWAR: the R/B lanes and the G/A lanes of a pixel are
// interpolated together in i32 arithmetic). Depth of field blends two pre-blurred copies of the
// canvas by |nearness − focus| × aperture.
import { latShift, latStep, latW, latH, rowSpans, spanSX, spanDX, spanSY, spanDY, nearnessAt } from './lattice';
import { MASK127, ROUND, clampFix, clampPos4, pairWeights4, quadX, quadY, tapIndex4 } from './bilinear';

const M: i32 = 0x00ff00ff;

/** Bilinear sample of a packed RGBA canvas at (X, Y) in 1/128 px, already clamped into it. */
@inline function sample(src: usize, cw: i32, ch: i32, X: i32, Y: i32): i32 {
  const ix = X >> 7, iy = Y >> 7, fx = X & 127, fy = Y & 127;
  const i0 = iy * cw + ix;
  const i1 = ix + 1 < cw ? i0 + 1 : i0;
  const i2 = iy + 1 < ch ? i0 + cw : i0;
  const i3 = i2 + (i1 - i0);
  const p00 = load<i32>(src + (<usize>i0 << 2)), p01 = load<i32>(src + (<usize>i1 << 2));
  const p10 = load<i32>(src + (<usize>i2 << 2)), p11 = load<i32>(src + (<usize>i3 << 2));
  const gx = 128 - fx, gy = 128 - fy;
  const trb = (((p00 & M) * gx + (p01 & M) * fx) >> 7) & M;
  const tg = ((((p00 >> 8) & M) * gx + ((p01 >> 8) & M) * fx) >> 7) & M;
  const brb = (((p10 & M) * gx + (p11 & M) * fx) >> 7) & M;
  const bg = ((((p10 >> 8) & M) * gx + ((p11 >> 8) & M) * fx) >> 7) & M;
  return (((trb * gy + brb * fy) >> 7) & M) | ((((tg * gy + bg * fy) >> 7) & M) << 8);
}

/** Mix two packed pixels: w in 0…128 is the weight of b. */
@inline function mix(a: i32, b: i32, w: i32): i32 {
  const v = 128 - w;
  const rb = (((a & M) * v + (b & M) * w) >> 7) & M;
  const g = ((((a >> 8) & M) * v + ((b >> 8) & M) * w) >> 7) & M;
  return rb | (g << 8);
}


/**
 * One RGBA pixel (i32x4, channels 0…255) from its 2×2 taps at `a` (row stride `rs` bytes): the
 * rows blended first (i16, × 128), then the columns by an i16 dot product; `wx` holds the i16
 * pair (128 − fx, fx) in every lane, `fy` the row weight.
 */
@inline function pixel4(a: usize, rs: usize, wx: v128, fy: i32): v128 {
  const taps = v128.load64_lane(a + rs, v128.load64_zero(a), 1); // p00 p01 | p10 p11
  const rows = i16x8.add(i16x8.mul(i16x8.extend_low_i8x16_u(taps), i16x8.splat(<i16>(128 - fy))), i16x8.mul(i16x8.extend_high_i8x16_u(taps), i16x8.splat(<i16>fy)));
  // (r0 r1 g0 g1 b0 b1 a0 a1): each channel's left and right neighbours side by side
  const pairs = v128.shuffle<i16>(rows, rows, 0, 4, 1, 5, 2, 6, 3, 7);
  return i32x4.shr_s(i32x4.add(i32x4.dot_i16x8_s(pairs, wx), ROUND), 14);
}

/** Warps the canvas into `dst` (W × H packed RGBA) through the current lattice. */
export function warpRgba(canvas: usize, cw: i32, ch: i32, dst: usize, w: i32, h: i32): void {
  const maxX = (cw - 1) << 7, maxY = (ch - 1) << 7;
  const maxX4 = i32x4.splat(maxX), maxY4 = i32x4.splat(maxY);
  const rs = <usize>cw << 2;
  const shift = latShift, mask = (1 << shift) - 1;
  const quads = shift >= 1 ? w >> 2 : 0;
  for (let y = 0; y < h; y++) {
    rowSpans(<f64>y, false);
    const base = dst + (<usize>(y * w) << 2);
    // four pixels at a time: positions, taps and weights in SIMD, one 16-byte store
    for (let q = 0; q < quads; q++) {
      const xi = clampPos4(quadX(q, shift), maxX4), yi = clampPos4(quadY(q, shift), maxY4);
      const fy = v128.and(yi, MASK127);
      const at = i32x4.shl(tapIndex4(xi, yi, cw), 2);
      const wx = pairWeights4(v128.and(xi, MASK127));
      const p0 = pixel4(canvas + <usize>i32x4.extract_lane(at, 0), rs, v128.shuffle<i32>(wx, wx, 0, 0, 0, 0), i32x4.extract_lane(fy, 0));
      const p1 = pixel4(canvas + <usize>i32x4.extract_lane(at, 1), rs, v128.shuffle<i32>(wx, wx, 1, 1, 1, 1), i32x4.extract_lane(fy, 1));
      const p2 = pixel4(canvas + <usize>i32x4.extract_lane(at, 2), rs, v128.shuffle<i32>(wx, wx, 2, 2, 2, 2), i32x4.extract_lane(fy, 2));
      const p3 = pixel4(canvas + <usize>i32x4.extract_lane(at, 3), rs, v128.shuffle<i32>(wx, wx, 3, 3, 3, 3), i32x4.extract_lane(fy, 3));
      v128.store(base + (<usize>q << 4), i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_s(p0, p1), i16x8.narrow_i32x4_s(p2, p3)));
    }
    for (let x = quads << 2; x < w; x++) {
      const i = x >> shift, m = x & mask;
      const X = clampFix(spanSX(i) + m * spanDX(i), maxX), Y = clampFix(spanSY(i) + m * spanDY(i), maxY);
      store<i32>(base + (<usize>x << 2), sample(canvas, cw, ch, X, Y));
    }
  }
}

/**
 * The warp with depth of field: blur radius r = |n − focus| × blurPerDefocus (px) picks and mixes
 * the sharp canvas, level 1 (σ = s1) and level 2 (σ = s2).
 */
export function warpRgbaDof(canvas: usize, level1: usize, level2: usize, s1: f64, s2: f64, cw: i32, ch: i32, dst: usize, w: i32, h: i32, focus: f64, blurPerDefocus: f64): void {
  const maxX = (cw - 1) << 7, maxY = (ch - 1) << 7;
  const shift = latShift, mask = (1 << shift) - 1, step = latStep, lw = latW;
  const twoLevels = level2 != level1;
  for (let y = 0; y < h; y++) {
    rowSpans(<f64>y, false);
    let j = y / step;
    if (j > latH - 2) j = latH - 2;
    const wy = <f64>(y - j * step) / <f64>step;
    const base = dst + (<usize>(y * w) << 2);
    for (let x = 0; x < w; x++) {
      const i = x >> shift, m = x & mask;
      const Xi = clampFix(spanSX(i) + m * spanDX(i), maxX);
      const Yi = clampFix(spanSY(i) + m * spanDY(i), maxY);
      const a = j * lw + i, u = <f64>m / <f64>step;
      const na = <f64>nearnessAt(a), nb = <f64>nearnessAt(a + 1);
      const n0 = na + (<f64>nearnessAt(a + lw) - na) * wy, n1 = nb + (<f64>nearnessAt(a + lw + 1) - nb) * wy;
      const r = Math.abs(n0 + (n1 - n0) * u - focus) * blurPerDefocus;
      let p: i32;
      if (r < 0.3) p = sample(canvas, cw, ch, Xi, Yi);
      else if (r < s1) p = mix(sample(canvas, cw, ch, Xi, Yi), sample(level1, cw, ch, Xi, Yi), <i32>((r / s1) * 128));
      else if (r < s2 && twoLevels) p = mix(sample(level1, cw, ch, Xi, Yi), sample(level2, cw, ch, Xi, Yi), <i32>(((r - s1) / (s2 - s1)) * 128));
      else p = sample(level2, cw, ch, Xi, Yi);
      store<i32>(base + (<usize>x << 2), p);
    }
  }
}

/** Motion blur: adds a warped sub-frame into the accumulators (16-bit lanes hold up to 8 × 255). */
export function accumulate(src: usize, accRB: usize, accG: usize, count: i32): void {
  for (let i = 0; i < count; i++) {
    const o = <usize>i << 2;
    const v = load<i32>(src + o);
    store<i32>(accRB + o, load<i32>(accRB + o) + (v & M));
    store<i32>(accG + o, load<i32>(accG + o) + ((v >> 8) & M));
  }
}

/** Motion blur: the accumulators' mean (over `n` sub-frames) as packed opaque RGBA. */
export function resolveAccumulated(accRB: usize, accG: usize, dst: usize, count: i32, n: i32): void {
  const inv = 1.0 / <f64>n;
  for (let i = 0; i < count; i++) {
    const o = <usize>i << 2;
    const rb = load<i32>(accRB + o), g = load<i32>(accG + o);
    const r = <i32>(<f64>(rb & 0xffff) * inv + 0.5), b = <i32>(<f64>(<u32>rb >>> 16) * inv + 0.5), gg = <i32>(<f64>(g & 0xffff) * inv + 0.5);
    store<i32>(dst + o, r | (gg << 8) | (b << 16) | 0xff000000);
  }
}
