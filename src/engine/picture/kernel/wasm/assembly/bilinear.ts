// AssemblyScript. Bilinear sampling of an 8-bit plane at four positions at once (WebAssembly
// SIMD): positions in 1/32768 px with the rounding offset folded in (see lattice.ts rowSpans),
// clamped into the plane, taps gathered two bytes at a time, blended with i16 dot products.
// Same integer maths as the scalar bilinear8 (1/128-px weights, one rounding at the end).

import { spansAt, spanSX, spanDX, spanSY, spanDY } from './lattice';

export const ZERO = i32x4.splat(0);
export const W128 = i32x4.splat(128);
export const MASK127 = i32x4.splat(127);
/** ½ of the 1/16384 weights two bilinear stages multiply to */
export const ROUND = i32x4.splat(8192);
const IOTA = i32x4(0, 1, 2, 3);
const ODD = i32x4(0, -1, 0, -1);

/** A scalar position (1/32768 px, rounding folded in) to 1/128 px, clamped into [0, max]. */
@inline export function clampFix(v: i32, max: i32): i32 {
  v >>= 8;
  return v < 0 ? 0 : v > max ? max : v;
}

/** Four positions (1/32768 px) to 1/128 px, clamped into [0, max]. */
@inline export function clampPos4(P: v128, max: v128): v128 {
  return i32x4.min_s(i32x4.max_s(i32x4.shr_s(P, 8), ZERO), max);
}

/** The top-left tap's index of four clamped positions (1/128 px) in a plane of row stride `cw`. */
@inline export function tapIndex4(xi: v128, yi: v128, cw: i32): v128 {
  return i32x4.add(i32x4.mul(i32x4.shr_s(yi, 7), i32x4.splat(cw)), i32x4.shr_s(xi, 7));
}

/** Per lane the i16 pair (128 − f, f): a horizontal blend as one dot product. */
@inline export function pairWeights4(f: v128): v128 {
  return v128.or(i32x4.sub(W128, f), i32x4.shl(f, 16));
}

/** Four bilinear samples (i32x4, 0…255) of plane `p` (row stride `cw`) at X, Y (i32x4). */
@inline export function bilinear4(p: usize, cw: i32, X: v128, Y: v128, maxX: v128, maxY: v128): v128 {
  const xi = clampPos4(X, maxX), yi = clampPos4(Y, maxY);
  return blend4(p, cw, tapIndex4(xi, yi, cw), v128.and(xi, MASK127), v128.and(yi, MASK127));
}

/** The blend of bilinear4, for precomputed tap indices and weights (shared by U and V). */
@inline export function blend4(p: usize, cw: i32, idx: v128, fx: v128, fy: v128): v128 {
  const a0 = p + <usize>i32x4.extract_lane(idx, 0), a1 = p + <usize>i32x4.extract_lane(idx, 1);
  const a2 = p + <usize>i32x4.extract_lane(idx, 2), a3 = p + <usize>i32x4.extract_lane(idx, 3);
  const r = <usize>cw;
  let t = v128.load16_lane(a0, ZERO, 0);
  t = v128.load16_lane(a1, t, 1); t = v128.load16_lane(a2, t, 2); t = v128.load16_lane(a3, t, 3);
  let b = v128.load16_lane(a0 + r, ZERO, 0);
  b = v128.load16_lane(a1 + r, b, 1); b = v128.load16_lane(a2 + r, b, 2); b = v128.load16_lane(a3 + r, b, 3);
  // per pixel the i16 pair (128 − fx, fx) against the taps (left, right): one dot product a row
  const w = pairWeights4(fx);
  const top = i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_u(t), w);
  const bot = i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_u(b), w);
  return i32x4.shr_s(i32x4.add(i32x4.add(i32x4.mul(top, i32x4.sub(W128, fy)), i32x4.mul(bot, fy)), ROUND), 14);
}

/** Positions of 4 samples of one 4-sample span: start + k·step. */
@inline export function spanPositions(start: i32, step: i32): v128 {
  return i32x4.add(i32x4.splat(start), i32x4.mul(i32x4.splat(step), IOTA));
}

/** X (lanes 0, 1) and Y of 4 samples from two consecutive 2-sample spans i, i + 1. */
@inline export function pairPositionsX(i: i32): v128 {
  const a = v128.load(spansAt(i)), b = v128.load(spansAt(i + 1));
  return i32x4.add(v128.shuffle<i32>(a, b, 0, 0, 4, 4), v128.and(v128.shuffle<i32>(a, b, 1, 1, 5, 5), ODD));
}

@inline export function pairPositionsY(i: i32): v128 {
  const a = v128.load(spansAt(i)), b = v128.load(spansAt(i + 1));
  return i32x4.add(v128.shuffle<i32>(a, b, 2, 2, 6, 6), v128.and(v128.shuffle<i32>(a, b, 3, 3, 7, 7), ODD));
}

/** X (lanes 0, 1) and Y of 4 samples from two consecutive 2-sample spans given as (SX, DX, SY, DY). */
@inline export function pairOfX(a: v128, b: v128): v128 {
  return i32x4.add(v128.shuffle<i32>(a, b, 0, 0, 4, 4), v128.and(v128.shuffle<i32>(a, b, 1, 1, 5, 5), ODD));
}

@inline export function pairOfY(a: v128, b: v128): v128 {
  return i32x4.add(v128.shuffle<i32>(a, b, 2, 2, 6, 6), v128.and(v128.shuffle<i32>(a, b, 3, 3, 7, 7), ODD));
}

/**
 * X (or Y) of samples 4q … 4q + 3 of the current row, whose spans hold 2^shift samples
 * (shift ≥ 1): one span split in groups of four, or two spans of two.
 */
@inline export function quadX(q: i32, shift: i32): v128 {
  if (shift == 1) return pairPositionsX(q << 1);
  const s = (q << 2) >> shift, g = (q << 2) & ((1 << shift) - 1);
  return spanPositions(spanSX(s) + g * spanDX(s), spanDX(s));
}

@inline export function quadY(q: i32, shift: i32): v128 {
  if (shift == 1) return pairPositionsY(q << 1);
  const s = (q << 2) >> shift, g = (q << 2) & ((1 << shift) - 1);
  return spanPositions(spanSY(s) + g * spanDY(s), spanDY(s));
}

/** Bilinear sample of an 8-bit plane at (X, Y) in 1/128 px, already clamped (the scalar bilinear4). */
@inline export function bilinear8(p: usize, cw: i32, X: i32, Y: i32): i32 {
  const ix = X >> 7, iy = Y >> 7, fx = X & 127, fy = Y & 127;
  const i = p + <usize>(iy * cw + ix);
  const a = <i32>load<u8>(i), b = <i32>load<u8>(i, 1), c = <i32>load<u8>(i + <usize>cw), d = <i32>load<u8>(i + <usize>cw, 1);
  const top = (a << 7) + (b - a) * fx, bot = (c << 7) + (d - c) * fx;
  return ((top << 7) + (bot - top) * fy + 8192) >> 14;
}

/** Four i32 lanes (0…255) as four bytes at `at`. */
@inline export function store4(at: usize, v: v128): void {
  v128.store32_lane(at, i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_s(v, v), v), 0);
}

/** Four bytes at `at` as i32 lanes. */
@inline export function load4(at: usize): v128 {
  return i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(at)));
}
