// AssemblyScript (compiled to build/picture-kernels.wasm by `npm run build:kernels`).
//
// The warp lattice: exact source positions (canvas px × 32768, f64) and nearness (f32), solved
// every `step` output pixels for one pose, with the fixed-point depth iteration (near edges sliding
// over far ones take the nearness of what is seen there) and the effects' source displacement.
// Kernels interpolate it linearly between lattice points, one output row at a time (rowSpans).
// The arrays live in the caller's memory; latticeInit says where.

let LX: usize = 0;
let LY: usize = 0;
let LN: usize = 0;
let SPANS: usize = 0;
// the row spans the kernels read: SPANS, or (an output row on a lattice row) that row's point spans
let ROW: usize = 0;
// per lattice point (but the last column): its span to the right for luma rows, (SX + 128, DX, SY + 128, DY)
let PSPANS: usize = 0;
// per span: the row pair's span difference (bottom − top, as f32x4) that rowSpans blends by; the
// output rows between two lattice rows share it (spanDiffsRow: the pair it holds, −1 none; for
// spans [spanDiffsFrom, spanDiffsTo))
let SPANDIFFS: usize = 0;
let spanDiffsRow: i32 = -1, spanDiffsFrom: i32 = 0, spanDiffsTo: i32 = 0;
export let latW: i32 = 0;
export let latH: i32 = 0;
export let latStep: i32 = 1;
export let latShift: i32 = 0;
export let latAffine: bool = false;

/**
 * Where the lattice lives: X, Y (f64 × lw·lh), N (f32 × lw·lh), point spans (16 bytes × lw·lh),
 * row spans and span differences (16 bytes × lw each).
 */
export function latticeInit(x: usize, y: usize, n: usize, pointSpans: usize, spans: usize, spanDiffs: usize, lw: i32, lh: i32, shift: i32): void {
  LX = x; LY = y; LN = n; PSPANS = pointSpans; SPANS = spans; ROW = spans; SPANDIFFS = spanDiffs; spanDiffsRow = -1;
  latW = lw; latH = lh; latShift = shift; latStep = 1 << shift;
}

/** Address of span i's (SX, DX, SY, DY). */
@inline export function spansAt(i: i32): usize { return ROW + (<usize>i << 4); }
@inline export function spanSX(i: i32): i32 { return load<i32>(ROW + (<usize>i << 4)); }
@inline export function spanDX(i: i32): i32 { return load<i32>(ROW + (<usize>i << 4), 4); }
@inline export function spanSY(i: i32): i32 { return load<i32>(ROW + (<usize>i << 4), 8); }
@inline export function spanDY(i: i32): i32 { return load<i32>(ROW + (<usize>i << 4), 12); }
@inline export function nearnessAt(k: i32): f32 { return load<f32>(LN + (<usize>k << 2)); }

@inline function depthAt(depth: usize, cw: i32, maxX: f64, maxY: f64, x: f64, y: f64): f64 {
  const cx = x < 0 ? 0 : x > maxX ? maxX : x;
  const cy = y < 0 ? 0 : y > maxY ? maxY : y;
  // clamped to ≥ 0, so truncating x + ½ rounds to the nearest pixel
  return <f64>load<u8>(depth + <usize>(<i32>(cy + 0.5) * cw + <i32>(cx + 0.5))) * (1.0 / 255.0);
}

// the displacement grid's cells that may be non-zero (the box of the last scan: cells bx0…bx1, by0…by1)
let dispX0: i32 = 0, dispY0: i32 = 0, dispX1: i32 = -1, dispY1: i32 = -1;

/**
 * Finds the box of non-zero cells of a displacement grid (whole groups of four columns): lattice
 * points outside it skip the lookup, which would add exactly 0 (face warps touch a few cells).
 */
function scanDisplacement(dispX: usize, dispY: usize, gw: i32, gh: i32): void {
  dispX0 = gw; dispY0 = gh; dispX1 = -1; dispY1 = -1;
  const zero = f32x4.splat(0), quads = gw >> 2;
  for (let j = 0; j < gh; j++) {
    const row = <usize>(j * gw) << 2;
    let first = -1, last = -1;
    for (let q = 0; q < quads; q++) {
      const o = row + (<usize>q << 4);
      if (v128.any_true(v128.or(f32x4.ne(v128.load(dispX + o), zero), f32x4.ne(v128.load(dispY + o), zero)))) { if (first < 0) first = q << 2; last = (q << 2) + 3; }
    }
    for (let i = quads << 2; i < gw; i++) {
      const o = row + (<usize>i << 2);
      if (load<f32>(dispX + o) != 0 || load<f32>(dispY + o) != 0) { if (first < 0) first = i; last = i; }
    }
    if (first < 0) continue;
    if (j < dispY0) dispY0 = j;
    dispY1 = j;
    if (first < dispX0) dispX0 = first;
    if (last > dispX1) dispX1 = last;
  }
}

/**
 * The largest |dx| and |dy| of a displacement grid (f32, gw × gh) per square of 2^squareShift
 * cells a side (≥ 4), into outX, outY (f32, ⌈gw / side⌉ a row); returns 0 when every cell is 0.
 */
export function gridPeaks(dispX: usize, dispY: usize, gw: i32, gh: i32, squareShift: i32, outX: usize, outY: usize): i32 {
  const side = 1 << squareShift, sw = (gw + side - 1) >> squareShift, sh = (gh + side - 1) >> squareShift;
  memory.fill(outX, 0, <usize>(sw * sh) << 2);
  memory.fill(outY, 0, <usize>(sw * sh) << 2);
  const quads = gw >> 2;
  let any = 0;
  for (let j = 0; j < gh; j++) {
    const row = <usize>(j * gw) << 2, square = <usize>((j >> squareShift) * sw);
    for (let q = 0; q < quads; q++) {
      const o = row + (<usize>q << 4);
      const vx = f32x4.abs(v128.load(dispX + o)), vy = f32x4.abs(v128.load(dispY + o));
      if (!v128.any_true(v128.or(vx, vy))) continue;
      // a quad lies in one square (side ≥ 4)
      const at = (square + <usize>((q << 2) >> squareShift)) << 2;
      const mx = max(max(f32x4.extract_lane(vx, 0), f32x4.extract_lane(vx, 1)), max(f32x4.extract_lane(vx, 2), f32x4.extract_lane(vx, 3)));
      const my = max(max(f32x4.extract_lane(vy, 0), f32x4.extract_lane(vy, 1)), max(f32x4.extract_lane(vy, 2), f32x4.extract_lane(vy, 3)));
      if (mx > load<f32>(outX + at)) store<f32>(outX + at, mx);
      if (my > load<f32>(outY + at)) store<f32>(outY + at, my);
      any = 1;
    }
    for (let i = quads << 2; i < gw; i++) {
      const o = row + (<usize>i << 2), at = (square + <usize>(i >> squareShift)) << 2;
      const ax = abs(load<f32>(dispX + o)), ay = abs(load<f32>(dispY + o));
      if (ax > load<f32>(outX + at)) store<f32>(outX + at, ax);
      if (ay > load<f32>(outY + at)) store<f32>(outY + at, ay);
      if (ax != 0 || ay != 0) any = 1;
    }
  }
  return any;
}

/** depthAt for two positions (f64x2 lanes), the same arithmetic lane by lane. */
@inline function depthAt2(depth: usize, cw: i32, maxX: v128, maxY: v128, x: v128, y: v128): v128 {
  const half = f64x2.splat(0.5), zero = f64x2.splat(0);
  const cx = i32x4.trunc_sat_f64x2_s_zero(f64x2.add(f64x2.pmin(f64x2.pmax(x, zero), maxX), half));
  const cy = i32x4.trunc_sat_f64x2_s_zero(f64x2.add(f64x2.pmin(f64x2.pmax(y, zero), maxY), half));
  const at = i32x4.add(i32x4.mul(cy, i32x4.splat(cw)), cx);
  const n = f64x2.replace_lane(f64x2.splat(<f64>load<u8>(depth + <usize>i32x4.extract_lane(at, 0))), 1, <f64>load<u8>(depth + <usize>i32x4.extract_lane(at, 1)));
  return f64x2.mul(n, f64x2.splat(1.0 / 255.0));
}

/** Two f32 grid values (at byte offsets a, b from p, plus `o`) as f64x2. */
@inline function cell2(p: usize, a: usize, b: usize, o: usize): v128 {
  return f64x2.replace_lane(f64x2.splat(<f64>load<f32>(p + a + o)), 1, <f64>load<f32>(p + b + o));
}

/** The displacement grid's bilinear value at two (clamped) grid positions. */
@inline function displacement2(grid: usize, k0: usize, k1: usize, row: usize, fx: v128, fy: v128): v128 {
  const one = f64x2.splat(1), gx = f64x2.sub(one, fx), gy = f64x2.sub(one, fy);
  const top = f64x2.add(f64x2.mul(cell2(grid, k0, k1, 0), gx), f64x2.mul(cell2(grid, k0, k1, 4), fx));
  const bot = f64x2.add(f64x2.mul(cell2(grid, k0, k1, row), gx), f64x2.mul(cell2(grid, k0, k1, row + 4), fx));
  return f64x2.add(f64x2.mul(top, gy), f64x2.mul(bot, fy));
}

/**
 * Lattice points i and i + 1 of row j at once (f64x2): the scalar loop's arithmetic lane by lane
 * (IEEE operations are exact per lane; clamps as pmin/pmax give the same values), so the same bits.
 */
@inline function solvePair(
  i: i32, j: i32, dy: f64, depth: usize, cw: i32, w: i32, maxX: f64, maxY: f64,
  ax: f64, ay: f64, bx: f64, by: f64, offX: f64, offY: f64, truckPx: f64, pedestalPx: f64, dolly: f64, parallax: bool, needDepth: bool,
  dispX: usize, dispY: usize, dcell: f64, gw: i32, gmaxX: f64, gmaxY: f64, lo: f64, hiX: f64, hiY: f64,
): void {
  const step = latStep;
  const dx = f64x2.replace_lane(f64x2.splat(<f64>(i * step) + 0.5 - <f64>w / 2), 1, <f64>((i + 1) * step) + 0.5 - <f64>w / 2);
  const dy2 = f64x2.splat(dy);
  const qx = f64x2.add(f64x2.mul(f64x2.splat(ax), dx), f64x2.mul(f64x2.splat(bx), dy2));
  const qy = f64x2.add(f64x2.mul(f64x2.splat(ay), dx), f64x2.mul(f64x2.splat(by), dy2));
  let sx = f64x2.add(qx, f64x2.splat(offX)), sy = f64x2.add(qy, f64x2.splat(offY)), n = f64x2.splat(0);
  const mX = f64x2.splat(maxX), mY = f64x2.splat(maxY);
  if (parallax) {
    const dl = f64x2.splat(dolly);
    const gx = f64x2.sub(f64x2.splat(truckPx), f64x2.mul(dl, qx)), gy = f64x2.sub(f64x2.splat(pedestalPx), f64x2.mul(dl, qy));
    const half = f64x2.splat(0.5);
    n = depthAt2(depth, cw, mX, mY, f64x2.add(sx, f64x2.mul(half, gx)), f64x2.add(sy, f64x2.mul(half, gy)));
    n = depthAt2(depth, cw, mX, mY, f64x2.add(sx, f64x2.mul(n, gx)), f64x2.add(sy, f64x2.mul(n, gy)));
    n = depthAt2(depth, cw, mX, mY, f64x2.add(sx, f64x2.mul(n, gx)), f64x2.add(sy, f64x2.mul(n, gy)));
    sx = f64x2.add(sx, f64x2.mul(n, gx)); sy = f64x2.add(sy, f64x2.mul(n, gy));
  } else if (needDepth) n = depthAt2(depth, cw, mX, mY, sx, sy);
  if (dispX != 0) {
    const zero = f64x2.splat(0), cell = f64x2.splat(dcell);
    const gxp = f64x2.pmin(f64x2.pmax(f64x2.div(sx, cell), zero), f64x2.splat(gmaxX));
    const gyp = f64x2.pmin(f64x2.pmax(f64x2.div(sy, cell), zero), f64x2.splat(gmaxY));
    const gi = i32x4.trunc_sat_f64x2_s_zero(gxp), gj = i32x4.trunc_sat_f64x2_s_zero(gyp);
    const gi0 = i32x4.extract_lane(gi, 0), gi1 = i32x4.extract_lane(gi, 1), gj0 = i32x4.extract_lane(gj, 0), gj1 = i32x4.extract_lane(gj, 1);
    const in0 = gi0 + 1 >= dispX0 && gi0 <= dispX1 && gj0 + 1 >= dispY0 && gj0 <= dispY1;
    const in1 = gi1 + 1 >= dispX0 && gi1 <= dispX1 && gj1 + 1 >= dispY0 && gj1 <= dispY1;
    // a point outside the box of non-zero cells would add exactly 0: computing it anyway changes nothing
    if (in0 || in1) {
      const fx = f64x2.sub(gxp, f64x2.convert_low_i32x4_s(gi)), fy = f64x2.sub(gyp, f64x2.convert_low_i32x4_s(gj));
      const k0 = <usize>(gj0 * gw + gi0) << 2, k1 = <usize>(gj1 * gw + gi1) << 2, row = <usize>gw << 2;
      sx = f64x2.add(sx, displacement2(dispX, k0, k1, row, fx, fy));
      sy = f64x2.add(sy, displacement2(dispY, k0, k1, row, fx, fy));
    }
  }
  const k = <usize>(j * latW + i), S = f64x2.splat(32768);
  v128.store(LX + (k << 3), f64x2.mul(f64x2.pmin(f64x2.pmax(sx, f64x2.splat(lo)), f64x2.splat(hiX)), S));
  v128.store(LY + (k << 3), f64x2.mul(f64x2.pmin(f64x2.pmax(sy, f64x2.splat(lo)), f64x2.splat(hiY)), S));
  v128.store64_lane(LN + (k << 2), f32x4.demote_f64x2_zero(n), 0);
}

/**
 * Whether cell pair k (cells 2k, 2k + 1: a chroma quad of a 4-px lattice reads both) is asked for
 * in `cells` (a byte a cell, latW a row; cell (i, j) lies between points i, i + 1 of rows j, j + 1)
 * next to lattice row j, in cell row j − 1 or j. The mask's last column is no cell and stays 0.
 */
@inline function cellPair(cells: usize, k: i32, j: i32): bool {
  if (k < 0 || (k << 1) > latW - 2) return false;
  const at = cells + (<usize>k << 1);
  const above = j > 0 ? load<u16>(at + <usize>((j - 1) * latW)) : <u16>0;
  const below = j < latH - 1 ? load<u16>(at + <usize>(j * latW)) : <u16>0;
  return (above | below) != 0;
}

/**
 * Solves the lattice for one pose. (ax bx; ay by): the lens (zoom, roll); off: the canvas position
 * of the output centre; truck/pedestal/dolly: the parallax terms of camera/geometry.ts. dispX/dispY:
 * a displacement grid (f32, gw × gh, `dcell` canvas px a cell) or 0. Only lattice rows [j0, j1)
 * are solved (a pass that reads a few output rows needs only theirs), and with `cells` (a byte a
 * lattice cell, latW a row; 0: all) only the corners of the cell pairs it asks for (a layer's
 * pass that reads only those cells); the others keep what they held.
 */
export function buildLattice(
  depth: usize, cw: i32, ch: i32, w: i32, h: i32,
  ax: f64, ay: f64, bx: f64, by: f64, offX: f64, offY: f64,
  truckPx: f64, pedestalPx: f64, dolly: f64, needDepth: i32,
  dispX: usize, dispY: usize, dcell: f64, gw: i32, gh: i32, j0: i32, j1: i32, cells: usize,
): void {
  const lw = latW, lh = latH, step = latStep;
  const maxX = <f64>(cw - 1), maxY = <f64>(ch - 1);
  const parallax = truckPx != 0 || pedestalPx != 0 || dolly != 0;
  latAffine = !parallax && dispX == 0 && needDepth == 0;
  const lo = <f64>(-4 * step), hiX = maxX + <f64>(4 * step), hiY = maxY + <f64>(4 * step);
  const gmaxX = <f64>gw - 1.001, gmaxY = <f64>gh - 1.001;
  if (dispX != 0) scanDisplacement(dispX, dispY, gw, gh);
  spanDiffsRow = -1;
  const pairs = lw >> 1;
  for (let j = j0 > 0 ? j0 : 0; j < (j1 < lh ? j1 : lh); j++) {
    const dy = <f64>(j * step) + 0.5 - <f64>h / 2;
    for (let p = 0; p < pairs; p++) {
      // points 2p and 2p + 1 are corners of cells 2p − 1 … 2p + 1: of cell pairs p − 1 and p
      if (cells != 0 && !cellPair(cells, p - 1, j) && !cellPair(cells, p, j)) continue;
      solvePair(p << 1, j, dy, depth, cw, w, maxX, maxY, ax, ay, bx, by, offX, offY, truckPx, pedestalPx, dolly, parallax, needDepth != 0, dispX, dispY, dcell, gw, gmaxX, gmaxY, lo, hiX, hiY);
    }
    for (let i = pairs << 1; i < lw; i++) {
      if (cells != 0 && !cellPair(cells, (i - 1) >> 1, j) && !cellPair(cells, i >> 1, j)) continue;
      const dx = <f64>(i * step) + 0.5 - <f64>w / 2;
      const qx = ax * dx + bx * dy, qy = ay * dx + by * dy;
      let sx = qx + offX, sy = qy + offY, n: f64 = 0;
      if (parallax) {
        const gx = truckPx - dolly * qx, gy = pedestalPx - dolly * qy;
        n = depthAt(depth, cw, maxX, maxY, sx + 0.5 * gx, sy + 0.5 * gy);
        n = depthAt(depth, cw, maxX, maxY, sx + n * gx, sy + n * gy);
        n = depthAt(depth, cw, maxX, maxY, sx + n * gx, sy + n * gy);
        sx += n * gx; sy += n * gy;
      } else if (needDepth) n = depthAt(depth, cw, maxX, maxY, sx, sy);
      if (dispX != 0) {
        let gxp = sx / dcell, gyp = sy / dcell;
        gxp = gxp < 0 ? 0 : gxp > gmaxX ? gmaxX : gxp;
        gyp = gyp < 0 ? 0 : gyp > gmaxY ? gmaxY : gyp;
        const gi = <i32>gxp, gj = <i32>gyp, fx = gxp - <f64>gi, fy = gyp - <f64>gj;
        const k = <usize>(gj * gw + gi) << 2, k2 = k + (<usize>gw << 2);
        if (gi + 1 >= dispX0 && gi <= dispX1 && gj + 1 >= dispY0 && gj <= dispY1) {
          sx += (<f64>load<f32>(dispX + k) * (1 - fx) + <f64>load<f32>(dispX + k, 4) * fx) * (1 - fy) + (<f64>load<f32>(dispX + k2) * (1 - fx) + <f64>load<f32>(dispX + k2, 4) * fx) * fy;
          sy += (<f64>load<f32>(dispY + k) * (1 - fx) + <f64>load<f32>(dispY + k, 4) * fx) * (1 - fy) + (<f64>load<f32>(dispY + k2) * (1 - fx) + <f64>load<f32>(dispY + k2, 4) * fx) * fy;
        }
      }
      const k = <usize>(j * lw + i);
      // not clamped to the canvas (the last column lies beyond the frame, and clamping it would
      // bend the interpolation of the pixels before it); kernels clamp each pixel
      store<f64>(LX + (k << 3), (sx < lo ? lo : sx > hiX ? hiX : sx) * 32768);
      store<f64>(LY + (k << 3), (sy < lo ? lo : sy > hiY ? hiY : sy) * 32768);
      store<f32>(LN + (k << 2), <f32>n);
    }
    // this row's spans: start (+ 128, the kernels' rounding to 1/128 px) and per-pixel step
    const inv = 1 / <f64>step;
    for (let i = 0; i < lw - 1; i++) {
      if (cells != 0 && !cellPair(cells, i >> 1, j)) continue;
      const k = <usize>(j * lw + i);
      const x0 = load<f64>(LX + (k << 3)), x1 = load<f64>(LX + (k << 3), 8), y0 = load<f64>(LY + (k << 3)), y1 = load<f64>(LY + (k << 3), 8);
      v128.store(PSPANS + (k << 4), i32x4(<i32>(x0 + 128), <i32>((x1 - x0) * inv), <i32>(y0 + 128), <i32>((y1 - y0) * inv)));
    }
  }
}

const CHROMA_SCALE = i32x4(1, 2, 1, 2);
const EVEN = i32x4(-1, 0, -1, 0);

/**
 * Prepares output row `y` as spans: sample x lies in span i = x >> shift at
 * X = SX[i] + (x & mask)·DX[i], Y likewise (1/32768 px, rounding folded in): the spans of the two
 * lattice rows around y, blended. `chroma`: the row of chroma samples at output x = 2m + ½ (two
 * luma pixels a sample, shift − 1), for output row y = 2·cy + ½.
 */
export function rowSpans(y: f64, chroma: bool): void {
  rowSpansIn(y, chroma, 0, latW - 1);
}

/** rowSpans for spans [i0, i1) only (a pass that draws nothing in the others); the others keep what they held. */
export function rowSpansIn(y: f64, chroma: bool, i0: i32, i1: i32): void {
  const step = <f64>latStep;
  let j = <i32>(y / step);
  if (j > latH - 2) j = latH - 2;
  const w = <f32>((y - <f64>j * step) / step);
  const top = PSPANS + (<usize>(j * latW) << 4);
  // on the lattice row itself the blend adds exactly 0: its point spans are the row's
  if (w == 0 && !chroma) { ROW = top; return; }
  ROW = SPANS;
  const wy = f32x4.splat(w);
  if (j != spanDiffsRow || i0 < spanDiffsFrom || i1 > spanDiffsTo) {
    const bot = top + (<usize>latW << 4);
    for (let i = <usize>i0; i < <usize>i1; i++) {
      const o = i << 4;
      v128.store(SPANDIFFS + o, f32x4.convert_i32x4_s(i32x4.sub(v128.load(bot + o), v128.load(top + o))));
    }
    spanDiffsRow = j; spanDiffsFrom = i0; spanDiffsTo = i1;
  }
  for (let i = <usize>i0; i < <usize>i1; i++) {
    const o = i << 4;
    const t = v128.load(top + o);
    let s = i32x4.add(t, i32x4.trunc_sat_f32x4_s(f32x4.mul(v128.load(SPANDIFFS + o), wy)));
    // chroma: start half a pixel on (x = ½), step two pixels
    if (chroma) s = i32x4.add(i32x4.mul(s, CHROMA_SCALE), v128.and(i32x4.shr_s(v128.shuffle<i32>(s, s, 1, 1, 3, 3), 1), EVEN));
    v128.store(SPANS + o, s);
  }
}

// the row rowStart chose: its two lattice rows' point spans and the blend between them
let rowTop: usize = 0, rowBot: usize = 0, rowWy: f32 = 0;

/**
 * Chooses output row `y` for spanOf, which then gives any one of its spans as rowSpans would
 * have: for a pass that skips most of a row (the background under an opaque subject).
 */
export function rowStart(y: f64): void {
  const lw = latW, step = <f64>latStep;
  let j = <i32>(y / step);
  if (j > latH - 2) j = latH - 2;
  rowWy = <f32>((y - <f64>j * step) / step);
  rowTop = PSPANS + (<usize>(j * lw) << 4);
  rowBot = rowTop + (<usize>lw << 4);
}

/** Span i of the row rowStart chose, (SX, DX, SY, DY): rowSpans' arithmetic for one span. */
@inline export function spanOf(i: i32, chroma: bool): v128 {
  const o = <usize>i << 4;
  const t = v128.load(rowTop + o);
  let s = i32x4.add(t, i32x4.trunc_sat_f32x4_s(f32x4.mul(f32x4.convert_i32x4_s(i32x4.sub(v128.load(rowBot + o), t)), f32x4.splat(rowWy))));
  if (chroma) s = i32x4.add(i32x4.mul(s, CHROMA_SCALE), v128.and(i32x4.shr_s(v128.shuffle<i32>(s, s, 1, 1, 3, 3), 1), EVEN));
  return s;
}

/** Whether the last lattice built is affine (a row is one linear span). */
export function latticeIsAffine(): i32 {
  return latAffine ? 1 : 0;
}
