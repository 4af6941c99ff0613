// AssemblyScript. What lies under a subject that acts in place (a wave, a turn of the head) on the
// YUV path: after warpYuvFront has laid the moved subject and its alpha a′ into the frame, each
// sample not opaque takes, through the unmoved lattice, the input picture I — and the synthesised
// background S only where the subject covered it in the input (its alpha a there) and no longer
// does: out = a′·F′ + (1 − a′)·I + min(1 − a′, 3·max(0, a − a′))·(S − I). Wherever the subject has
// not moved (a′ = a) that is the input itself, soft edge and all; where the hand left, S — its
// soft edge too (×3: a rim pixel a third the hand's is all S, so no light outline of it stays).
// The subject's tile map (warp-yuv-layers.ts) spares sampling a and S where its input alpha is 0.
import { latShift, rowSpans, spanSX, spanDX, spanSY, spanDY } from './lattice';
import { MASK127, ZERO, bilinear8, blend4, clampFix, clampPos4, load4, quadX, quadY, store4, tapIndex4 } from './bilinear';
import { over1, over4 } from './over';
import { tileClass4 } from './warp-yuv-layers';

const OPAQUE4 = i32x4.splat(255);

/** How much of the background under the input's subject (alpha a) the moved subject (a′) uncovers, 0…255 − a′. */
@inline function uncovered4(a: v128, moved: v128): v128 {
  const d = i32x4.max_s(i32x4.sub(a, moved), ZERO);
  return i32x4.min_s(i32x4.add(d, i32x4.shl(d, 1)), i32x4.sub(OPAQUE4, moved));
}

@inline function uncovered1(a: i32, moved: i32): i32 {
  const d = max(0, a - moved);
  return min(3 * d, 255 - moved);
}

/** The four samples' composite: `o` (the moved subject) over the input `i` by a′, plus d·(s − i). */
@inline function reveal4(o: v128, i: v128, s: v128, a: v128, d: v128): v128 {
  const wd = i32x4.add(d, i32x4.shr_s(d, 7));
  const v = i32x4.add(over4(o, i, a), i32x4.shr_s(i32x4.mul(i32x4.sub(s, i), wd), 8));
  return i32x4.min_s(i32x4.max_s(v, ZERO), OPAQUE4);
}

@inline function reveal1(o: i32, i: i32, s: i32, a: i32, d: i32): u8 {
  const v = <i32>over1(o, i, a) + (((s - i) * (d + (d >> 7))) >> 8);
  return <u8>(v < 0 ? 0 : v > 255 ? 255 : v);
}

/** One plane's quad: the input's and the background's samples at the same taps. */
@inline function quad(p: usize, sp: usize, cw: i32, idx: v128, fx: v128, fy: v128, o: usize, a: v128, d: v128, anyD: bool): void {
  const i = blend4(p, cw, idx, fx, fy);
  const s = anyD ? blend4(sp, cw, idx, fx, fy) : i;
  store4(o, reveal4(load4(o), i, s, a, d));
}

/**
 * Rows [y0, y1) of the I420 frame `out` under the moved subject (its alpha per sample in `alpha`,
 * warpYuvFront's), through the current (unmoved) lattice: the input's planes yp, up, vp, the
 * synthesised background's sy, su, sv and the subject's input alpha ap with its tile map.
 */
export function warpYuvReveal(
  yp: usize, up: usize, vp: usize, sy: usize, su: usize, sv: usize, ap: usize, tiles: usize, tw: i32, tileShift: i32,
  cw: i32, ch: i32, out: usize, alpha: usize, w: i32, h: i32, y0: i32, y1: i32,
): void {
  const tpos = tileShift + 7;
  const maxX = (cw - 1) << 7, maxY = (ch - 1) << 7;
  const maxX4 = i32x4.splat(maxX), maxY4 = i32x4.splat(maxY);
  const shift = latShift, mask = (1 << shift) - 1;
  const quads = w >> 2;
  for (let y = y0; y < y1; y++) {
    rowSpans(<f64>y, false);
    const base = out + <usize>(y * w), abase = alpha + <usize>(y * w);
    for (let q = 0; q < quads; q++) {
      const a = load4(abase + (<usize>q << 2));
      if (i32x4.all_true(i32x4.eq(a, OPAQUE4))) continue;
      const xi = clampPos4(quadX(q, shift), maxX4), yi = clampPos4(quadY(q, shift), maxY4);
      const fx = v128.and(xi, MASK127), fy = v128.and(yi, MASK127), idx = tapIndex4(xi, yi, cw);
      const c = tileClass4(tiles, tw, tpos, xi, yi);
      const d = c == 0 ? ZERO : uncovered4(c == 2 ? OPAQUE4 : blend4(ap, cw, idx, fx, fy), a);
      quad(yp, sy, cw, idx, fx, fy, base + (<usize>q << 2), a, d, v128.any_true(d));
    }
    for (let x = quads << 2; x < w; x++) {
      const a = <i32>load<u8>(abase + <usize>x);
      if (a == 255) continue;
      const i = x >> shift, m = x & mask;
      const X = clampFix(spanSX(i) + m * spanDX(i), maxX), Y = clampFix(spanSY(i) + m * spanDY(i), maxY);
      const d = uncovered1(bilinear8(ap, cw, X, Y), a);
      const o = base + <usize>x, iv = bilinear8(yp, cw, X, Y);
      store<u8>(o, reveal1(<i32>load<u8>(o), iv, d ? bilinear8(sy, cw, X, Y) : iv, a, d));
    }
  }

  // chroma: sample m of a row sits at output x = 2m + 0.5, y = 2·cy + 0.5 (as in warpYuv)
  const cwOut = w >> 1, chOut = h >> 1;
  const uBase = out + <usize>(w * h), vBase = uBase + <usize>(cwOut * chOut), aBase = alpha + <usize>(w * h);
  const cshift = shift - 1, cmask = (1 << cshift) - 1;
  const cquads = cshift >= 1 ? cwOut >> 2 : 0;
  const cy1 = y1 >> 1 < chOut ? y1 >> 1 : chOut;
  for (let cy = y0 >> 1; cy < cy1; cy++) {
    rowSpans(<f64>(2 * cy) + 0.5, true);
    const o = <usize>(cy * cwOut);
    for (let q = 0; q < cquads; q++) {
      const c = o + (<usize>q << 2);
      const a = load4(aBase + c);
      if (i32x4.all_true(i32x4.eq(a, OPAQUE4))) continue;
      const xi = clampPos4(quadX(q, cshift), maxX4), yi = clampPos4(quadY(q, cshift), maxY4);
      const fx = v128.and(xi, MASK127), fy = v128.and(yi, MASK127), idx = tapIndex4(xi, yi, cw);
      const t = tileClass4(tiles, tw, tpos, xi, yi);
      const d = t == 0 ? ZERO : uncovered4(t == 2 ? OPAQUE4 : blend4(ap, cw, idx, fx, fy), a);
      const anyD = v128.any_true(d);
      quad(up, su, cw, idx, fx, fy, uBase + c, a, d, anyD);
      quad(vp, sv, cw, idx, fx, fy, vBase + c, a, d, anyD);
    }
    for (let x = cquads << 2; x < cwOut; x++) {
      const c = o + <usize>x;
      const a = <i32>load<u8>(aBase + c);
      if (a == 255) continue;
      const i = x >> cshift, m = x & cmask;
      const X = clampFix(spanSX(i) + m * spanDX(i), maxX), Y = clampFix(spanSY(i) + m * spanDY(i), maxY);
      const d = uncovered1(bilinear8(ap, cw, X, Y), a);
      const iu = bilinear8(up, cw, X, Y), iv = bilinear8(vp, cw, X, Y);
      store<u8>(uBase + c, reveal1(<i32>load<u8>(uBase + c), iu, d ? bilinear8(su, cw, X, Y) : iu, a, d));
      store<u8>(vBase + c, reveal1(<i32>load<u8>(vBase + c), iv, d ? bilinear8(sv, cw, X, Y) : iv, a, d));
    }
  }
}
