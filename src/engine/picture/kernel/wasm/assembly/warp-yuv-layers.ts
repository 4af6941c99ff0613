// AssemblyScript. The layered scene on the YUV path, front to back: each layer's Y, U, V planes
// (as warp-yuv.ts reads them) warped through its own lattice into the I420 frame, ungraded (the
// caller grades the composite, gradeI420). The subject first (warpYuvFront): its colour where its
// matte (straight alpha, a fourth plane) is not 0, and that alpha per output sample in `alpha`
// (W × H for luma, then W/2 × H/2 for chroma, which takes the alpha at its own sample position).
// Then the background under it (warpYuvUnder), sampled only where the subject is not opaque, with
// the RGBA `over` kernel's blend per plane (BT.601 is affine, so blending Y, U, V equals converting
// the blended colour, up to rounding). A map of the subject's square tiles (0: its alpha is 0
// there, 2: it is 255, 1: mixed; each tile's pixels and the taps right of and below them) spares
// sampling the alpha wherever a tile says what it is.
import { latH, latShift, latW, rowSpans, rowSpansIn, rowStart, spanOf, spanSX, spanDX, spanSY, spanDY } from './lattice';
import { MASK127, bilinear8, blend4, clampFix, clampPos4, load4, pairOfX, pairOfY, quadX, quadY, spanPositions, store4, tapIndex4 } from './bilinear';
import { over1, over4 } from './over';

const OPAQUE4 = i32x4.splat(255);
/**
 * The tile classes of four clamped positions (1/128 px; tiles 2^(tpos − 7) px a side, tw a row),
 * combined: 0 all empty, 2 all opaque, else 1.
 */
@inline export function tileClass4(tiles: usize, tw: i32, tpos: i32, xi: v128, yi: v128): i32 {
  const t = i32x4.add(i32x4.mul(i32x4.shr_s(yi, tpos), i32x4.splat(tw)), i32x4.shr_s(xi, tpos));
  const c0 = <i32>load<u8>(tiles + <usize>i32x4.extract_lane(t, 0)), c1 = <i32>load<u8>(tiles + <usize>i32x4.extract_lane(t, 1));
  const c2 = <i32>load<u8>(tiles + <usize>i32x4.extract_lane(t, 2)), c3 = <i32>load<u8>(tiles + <usize>i32x4.extract_lane(t, 3));
  return (c0 | c1 | c2 | c3) == 0 ? 0 : (c0 & c1 & c2 & c3) == 2 ? 2 : 1;
}

/** The row of lattice cells output row y (or a chroma row at y + ½) reads (rowSpans' j). */
@inline export function cellRow(cells: usize, y: i32): usize {
  const j = y >> latShift;
  return cells + <usize>((j < latH - 2 ? j : latH - 2) * latW);
}

// the spans [spansFrom, spansTo) a cell row (at spansRow) asks for: its first to last cell marked, widened to whole cell pairs
let spansRow: usize = 0, spansFrom: i32 = 0, spansTo: i32 = 0;

/** Sets spansFrom, spansTo for the cell row at `crow` (0: every span). */
function spanRange(crow: usize): void {
  const n = latW - 1;
  if (crow == 0) { spansFrom = 0; spansTo = n; return; }
  if (crow == spansRow) return;
  let a = 0, b = n;
  while (a < n && load<u8>(crow + <usize>a) == 0) a++;
  while (b > a && load<u8>(crow + <usize>(b - 1)) == 0) b--;
  spansRow = crow;
  if (a == b) { spansFrom = spansTo = 0; return; }
  spansFrom = a & ~1; spansTo = b + 1 < n ? (b + 1) & ~1 : n;
}

/**
 * The front layer, rows [y0, y1), into the I420 frame `out` (W × H, even) and its alpha into
 * `alpha`; `tiles`: its tile map (tiles 2^tileShift px a side, tw a row). Where the alpha is 0
 * the frame keeps what it held (the background's pass overwrites it). `cells` (a byte a lattice
 * cell, latW a row; 0: all; lattices of 4 px or more): the cells the layer can reach, whose
 * corners alone the lattice holds; elsewhere the alpha is 0 without sampling.
 */
export function warpYuvFront(
  yp: usize, up: usize, vp: usize, ap: usize, tiles: usize, tw: i32, tileShift: i32, cw: i32, ch: i32, out: usize, alpha: usize, w: i32, h: i32, y0: i32, y1: i32,
  cells: usize,
): void {
  const tpos = tileShift + 7;
  const maxX = (cw - 1) << 7, maxY = (ch - 1) << 7;
  const maxX4 = i32x4.splat(maxX), maxY4 = i32x4.splat(maxY);
  const shift = latShift, mask = (1 << shift) - 1;
  const quads = w >> 2;
  spansRow = 0;
  for (let y = y0; y < y1; y++) {
    const base = out + <usize>(y * w), abase = alpha + <usize>(y * w);
    const crow = cells != 0 ? cellRow(cells, y) : 0;
    // the quads of the spans the row's cells ask for; the alpha is 0 beyond them
    spanRange(crow);
    if (spansFrom >= spansTo) { memory.fill(abase, 0, <usize>w); continue; }
    rowSpansIn(<f64>y, false, spansFrom, spansTo);
    const qa = (spansFrom << shift) >> 2, qb = min(quads, ((spansTo << shift) + 3) >> 2);
    memory.fill(abase, 0, <usize>(qa << 2));
    memory.fill(abase + (<usize>qb << 2), 0, <usize>((quads - qb) << 2));
    for (let q = qa; q < qb; q++) {
      const ao = abase + (<usize>q << 2);
      if (crow != 0 && load<u8>(crow + <usize>((q << 2) >> shift)) == 0) { store<i32>(ao, 0); continue; }
      const xi = clampPos4(quadX(q, shift), maxX4), yi = clampPos4(quadY(q, shift), maxY4);
      const c = tileClass4(tiles, tw, tpos, xi, yi);
      if (c == 0) { store<i32>(ao, 0); continue; }
      const fx = v128.and(xi, MASK127), fy = v128.and(yi, MASK127), idx = tapIndex4(xi, yi, cw);
      const a = c == 2 ? OPAQUE4 : blend4(ap, cw, idx, fx, fy);
      store4(ao, a);
      if (v128.any_true(a)) store4(base + (<usize>q << 2), blend4(yp, cw, idx, fx, fy));
    }
    for (let x = quads << 2; x < w; x++) {
      const i = x >> shift, m = x & mask;
      if (crow != 0 && load<u8>(crow + <usize>i) == 0) { store<u8>(abase + <usize>x, 0); continue; }
      const X = clampFix(spanSX(i) + m * spanDX(i), maxX), Y = clampFix(spanSY(i) + m * spanDY(i), maxY);
      const a = bilinear8(ap, cw, X, Y);
      store<u8>(abase + <usize>x, <u8>a);
      if (a != 0) store<u8>(base + <usize>x, <u8>bilinear8(yp, cw, X, Y));
    }
  }

  // chroma: sample m of a row sits at output x = 2m + 0.5, y = 2·cy + 0.5 (as in warpYuv)
  const cwOut = w >> 1, chOut = h >> 1;
  const uBase = out + <usize>(w * h), vBase = uBase + <usize>(cwOut * chOut), aBase = alpha + <usize>(w * h);
  const cshift = shift - 1, cmask = (1 << cshift) - 1;
  const cquads = cshift >= 1 ? cwOut >> 2 : 0;
  const cy1 = y1 >> 1 < chOut ? y1 >> 1 : chOut;
  for (let cy = y0 >> 1; cy < cy1; cy++) {
    const o = <usize>(cy * cwOut);
    const crow = cells != 0 ? cellRow(cells, 2 * cy) : 0;
    spanRange(crow);
    if (spansFrom >= spansTo) { memory.fill(aBase + o, 0, <usize>cwOut); continue; }
    rowSpansIn(<f64>(2 * cy) + 0.5, true, spansFrom, spansTo);
    const qa = cquads > 0 ? (spansFrom << cshift) >> 2 : 0, qb = min(cquads, ((spansTo << cshift) + 3) >> 2);
    memory.fill(aBase + o, 0, <usize>(qa << 2));
    memory.fill(aBase + o + (<usize>qb << 2), 0, <usize>((cquads - qb) << 2));
    for (let q = qa; q < qb; q++) {
      const c = o + (<usize>q << 2);
      // the quad's samples lie in cells (4q) >> cshift … (4q + 3) >> cshift
      if (crow != 0 && (load<u8>(crow + <usize>((q << 2) >> cshift)) | load<u8>(crow + <usize>(((q << 2) + 3) >> cshift))) == 0) { store<i32>(aBase + c, 0); continue; }
      const xi = clampPos4(quadX(q, cshift), maxX4), yi = clampPos4(quadY(q, cshift), maxY4);
      const t = tileClass4(tiles, tw, tpos, xi, yi);
      if (t == 0) { store<i32>(aBase + c, 0); continue; }
      const fx = v128.and(xi, MASK127), fy = v128.and(yi, MASK127), idx = tapIndex4(xi, yi, cw);
      const a = t == 2 ? OPAQUE4 : blend4(ap, cw, idx, fx, fy);
      store4(aBase + c, a);
      if (!v128.any_true(a)) continue;
      store4(uBase + c, blend4(up, cw, idx, fx, fy));
      store4(vBase + c, blend4(vp, cw, idx, fx, fy));
    }
    for (let x = cquads << 2; x < cwOut; x++) {
      const c = o + <usize>x;
      const i = x >> cshift, m = x & cmask;
      if (crow != 0 && load<u8>(crow + <usize>i) == 0) { store<u8>(aBase + c, 0); continue; }
      const X = clampFix(spanSX(i) + m * spanDX(i), maxX), Y = clampFix(spanSY(i) + m * spanDY(i), maxY);
      const a = bilinear8(ap, cw, X, Y);
      store<u8>(aBase + c, <u8>a);
      if (a == 0) continue;
      store<u8>(uBase + c, <u8>bilinear8(up, cw, X, Y));
      store<u8>(vBase + c, <u8>bilinear8(vp, cw, X, Y));
    }
  }
}

/**
 * The layer behind, rows [y0, y1), under what `out` holds: each sample blended with the front
 * layer's by that layer's `alpha` (warpYuvFront's), skipped where the front is opaque. A row's
 * spans are solved only for the samples it draws (spanOf), except on the 2-px lattice (rowSpans).
 */
export function warpYuvUnder(yp: usize, up: usize, vp: usize, cw: i32, ch: i32, out: usize, alpha: usize, w: i32, h: i32, y0: i32, y1: i32): void {
  const maxX = (cw - 1) << 7, maxY = (ch - 1) << 7;
  const maxX4 = i32x4.splat(maxX), maxY4 = i32x4.splat(maxY);
  const shift = latShift, mask = (1 << shift) - 1;
  const lazy = shift >= 2;
  const quads = w >> 2;
  for (let y = y0; y < y1; y++) {
    if (lazy) rowStart(<f64>y); else rowSpans(<f64>y, false);
    const base = out + <usize>(y * w), abase = alpha + <usize>(y * w);
    for (let q = 0; q < quads; q++) {
      const a = load4(abase + (<usize>q << 2));
      if (i32x4.all_true(i32x4.eq(a, OPAQUE4))) continue;
      const o = base + (<usize>q << 2);
      let X: v128, Y: v128;
      if (lazy) {
        const sp = spanOf((q << 2) >> shift, false), g = (q << 2) & mask;
        const dx = i32x4.extract_lane(sp, 1), dy = i32x4.extract_lane(sp, 3);
        X = spanPositions(i32x4.extract_lane(sp, 0) + g * dx, dx); Y = spanPositions(i32x4.extract_lane(sp, 2) + g * dy, dy);
      } else { X = quadX(q, shift); Y = quadY(q, shift); }
      const xi = clampPos4(X, maxX4), yi = clampPos4(Y, maxY4);
      const b = blend4(yp, cw, tapIndex4(xi, yi, cw), v128.and(xi, MASK127), v128.and(yi, MASK127));
      store4(o, v128.any_true(a) ? over4(load4(o), b, a) : b);
    }
    for (let x = quads << 2; x < w; x++) {
      const a = <i32>load<u8>(abase + <usize>x);
      if (a == 255) continue;
      const i = x >> shift, m = x & mask;
      let X: i32, Y: i32;
      if (lazy) { const sp = spanOf(i, false); X = i32x4.extract_lane(sp, 0) + m * i32x4.extract_lane(sp, 1); Y = i32x4.extract_lane(sp, 2) + m * i32x4.extract_lane(sp, 3); }
      else { X = spanSX(i) + m * spanDX(i); Y = spanSY(i) + m * spanDY(i); }
      const o = base + <usize>x;
      store<u8>(o, over1(<i32>load<u8>(o), bilinear8(yp, cw, clampFix(X, maxX), clampFix(Y, maxY)), a));
    }
  }

  const cwOut = w >> 1, chOut = h >> 1;
  const uBase = out + <usize>(w * h), vBase = uBase + <usize>(cwOut * chOut), aBase = alpha + <usize>(w * h);
  const cshift = shift - 1, cmask = (1 << cshift) - 1;
  const cquads = cshift >= 1 ? cwOut >> 2 : 0;
  const cy1 = y1 >> 1 < chOut ? y1 >> 1 : chOut;
  for (let cy = y0 >> 1; cy < cy1; cy++) {
    if (lazy) rowStart(<f64>(2 * cy) + 0.5); else rowSpans(<f64>(2 * cy) + 0.5, true);
    const o = <usize>(cy * cwOut);
    for (let q = 0; q < cquads; q++) {
      const c = o + (<usize>q << 2);
      const a = load4(aBase + c);
      if (i32x4.all_true(i32x4.eq(a, OPAQUE4))) continue;
      let X: v128, Y: v128;
      if (!lazy) { X = quadX(q, cshift); Y = quadY(q, cshift); }
      else if (cshift == 1) {
        const s0 = spanOf(q << 1, true), s1 = spanOf((q << 1) + 1, true);
        X = pairOfX(s0, s1); Y = pairOfY(s0, s1);
      } else {
        const sp = spanOf((q << 2) >> cshift, true), g = (q << 2) & cmask;
        const dx = i32x4.extract_lane(sp, 1), dy = i32x4.extract_lane(sp, 3);
        X = spanPositions(i32x4.extract_lane(sp, 0) + g * dx, dx); Y = spanPositions(i32x4.extract_lane(sp, 2) + g * dy, dy);
      }
      const xi = clampPos4(X, maxX4), yi = clampPos4(Y, maxY4);
      const fx = v128.and(xi, MASK127), fy = v128.and(yi, MASK127), idx = tapIndex4(xi, yi, cw);
      const bu = blend4(up, cw, idx, fx, fy), bv = blend4(vp, cw, idx, fx, fy);
      const any = v128.any_true(a);
      store4(uBase + c, any ? over4(load4(uBase + c), bu, a) : bu);
      store4(vBase + c, any ? over4(load4(vBase + c), bv, a) : bv);
    }
    for (let x = cquads << 2; x < cwOut; x++) {
      const c = o + <usize>x;
      const a = <i32>load<u8>(aBase + c);
      if (a == 255) continue;
      const i = x >> cshift, m = x & cmask;
      let X: i32, Y: i32;
      if (lazy) { const sp = spanOf(i, true); X = i32x4.extract_lane(sp, 0) + m * i32x4.extract_lane(sp, 1); Y = i32x4.extract_lane(sp, 2) + m * i32x4.extract_lane(sp, 3); }
      else { X = spanSX(i) + m * spanDX(i); Y = spanSY(i) + m * spanDY(i); }
      const Xc = clampFix(X, maxX), Yc = clampFix(Y, maxY);
      store<u8>(uBase + c, over1(<i32>load<u8>(uBase + c), bilinear8(up, cw, Xc, Yc), a));
      store<u8>(vBase + c, over1(<i32>load<u8>(vBase + c), bilinear8(vp, cw, Xc, Yc), a));
    }
  }
}

const OPAQUE16 = i8x16.splat(-1);

/** Marks, in the cell row at `crow`, the cells of 16 samples from `x` (a sample per 2^shift of a cell) where `alpha` is not 255. */
@inline function markOpen16(crow: usize, at: usize, x: i32, shift: i32): void {
  const open = i8x16.bitmask(i8x16.ne(v128.load(at), OPAQUE16));
  if (open == 0) return;
  // a quad of samples reads cells (x + 4k) >> shift … (x + 4k + 3) >> shift
  for (let k = 0; k < 4; k++) if ((open >> (k << 2)) & 15) {
    store<u8>(crow + <usize>((x + (k << 2)) >> shift), 1);
    store<u8>(crow + <usize>((x + (k << 2) + 3) >> shift), 1);
  }
}

/**
 * The lattice cells (a byte each, latW a row, cleared first) the layer behind must be sampled in:
 * those where the front layer's alpha (warpYuvFront's, luma then chroma) is not 255 in output rows
 * [y0, y1). warpYuvUnder then reads the lattice only at those cells' corners. Lattices of 4 px or
 * more (a quad of luma samples lies in one cell).
 */
export function openCells(alpha: usize, w: i32, h: i32, y0: i32, y1: i32, cells: usize): void {
  memory.fill(cells, 0, <usize>(latW * latH));
  const shift = latShift, groups = w >> 4;
  for (let y = y0; y < y1; y++) {
    const crow = cellRow(cells, y), abase = alpha + <usize>(y * w);
    for (let g = 0; g < groups; g++) markOpen16(crow, abase + (<usize>g << 4), g << 4, shift);
    for (let x = groups << 4; x < w; x++) if (load<u8>(abase + <usize>x) != 255) store<u8>(crow + <usize>(x >> shift), 1);
  }
  const cwOut = w >> 1, chOut = h >> 1, cshift = shift - 1, cgroups = cwOut >> 4;
  const aBase = alpha + <usize>(w * h);
  const cy1 = y1 >> 1 < chOut ? y1 >> 1 : chOut;
  for (let cy = y0 >> 1; cy < cy1; cy++) {
    const crow = cellRow(cells, 2 * cy), abase = aBase + <usize>(cy * cwOut);
    for (let g = 0; g < cgroups; g++) markOpen16(crow, abase + (<usize>g << 4), g << 4, cshift);
    for (let x = cgroups << 4; x < cwOut; x++) if (load<u8>(abase + <usize>x) != 255) store<u8>(crow + <usize>(x >> cshift), 1);
  }
}
