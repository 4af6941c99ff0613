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
// per lattice point (but the last column): its span to the right for luma rows, (SX + 128, DX, SY + 128, DY)
let PSPANS: usize = 0;
export let latW: i32 = 0;
export let latH: i32 = 0;
export let latStep: i32 = 1;
export let latShift: i32 = 0;
export let latAffine: bool = false;

/** Where the lattice lives: X, Y (f64 × lw·lh), N (f32 × lw·lh), point spans (16 bytes × lw·lh), row spans (16 bytes × lw). */
export function latticeInit(x: usize, y: usize, n: usize, pointSpans: usize, spans: usize, lw: i32, lh: i32, shift: i32): void {
  LX = x; LY = y; LN = n; PSPANS = pointSpans; SPANS = spans;
  latW = lw; latH = lh; latShift = shift; latStep = 1 << shift;
}

/** Address of span i's (SX, DX, SY, DY). */
@inline export function spansAt(i: i32): usize { return SPANS + (<usize>i << 4); }
@inline export function spanSX(i: i32): i32 { return load<i32>(SPANS + (<usize>i << 4)); }
@inline export function spanDX(i: i32): i32 { return load<i32>(SPANS + (<usize>i << 4), 4); }
@inline export function spanSY(i: i32): i32 { return load<i32>(SPANS + (<usize>i << 4), 8); }
@inline export function spanDY(i: i32): i32 { return load<i32>(SPANS + (<usize>i << 4), 12); }
@inline export function nearnessAt(k: i32): f32 { return load<f32>(LN + (<usize>k << 2)); }

@inline function depthAt(depth: usize, cw: i32, maxX: f64, maxY: f64, x: f64, y: f64): f64 {
  const cx = x < 0 ? 0 : x > maxX ? maxX : x;
  const cy = y < 0 ? 0 : y > maxY ? maxY : y;
  // clamped to ≥ 0, so truncating x + ½ rounds to the nearest pixel
  return <f64>load<u8>(depth + <usize>(<i32>(cy + 0.5) * cw + <i32>(cx + 0.5))) * (1.0 / 255.0);
}

/**
 * Solves the lattice for one pose. (ax bx; ay by): the lens (zoom, roll); off: the canvas position
 * of the output centre; truck/pedestal/dolly: the parallax terms of camera/geometry.ts. dispX/dispY:
 * a displacement grid (f32, gw × gh, `dcell` canvas px a cell) or 0.
 */
export function buildLattice(
  depth: usize, cw: i32, ch: i32, w: i32, h: i32,
  ax: f64, ay: f64, bx: f64, by: f64, offX: f64, offY: f64,
  truckPx: f64, pedestalPx: f64, dolly: f64, needDepth: i32,
  dispX: usize, dispY: usize, dcell: f64, gw: i32, gh: i32,
): void {
  const lw = latW, lh = latH, step = latStep;
  const maxX = <f64>(cw - 1), maxY = <f64>(ch - 1);
  const parallax = truckPx != 0 || pedestalPx != 0 || dolly != 0;
  latAffine = !parallax && dispX == 0 && needDepth == 0;
  const lo = <f64>(-4 * step), hiX = maxX + <f64>(4 * step), hiY = maxY + <f64>(4 * step);
  const gmaxX = <f64>gw - 1.001, gmaxY = <f64>gh - 1.001;
  for (let j = 0; j < lh; j++) {
    const dy = <f64>(j * step) + 0.5 - <f64>h / 2;
    for (let i = 0; i < lw; i++) {
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
        sx += (<f64>load<f32>(dispX + k) * (1 - fx) + <f64>load<f32>(dispX + k, 4) * fx) * (1 - fy) + (<f64>load<f32>(dispX + k2) * (1 - fx) + <f64>load<f32>(dispX + k2, 4) * fx) * fy;
        sy += (<f64>load<f32>(dispY + k) * (1 - fx) + <f64>load<f32>(dispY + k, 4) * fx) * (1 - fy) + (<f64>load<f32>(dispY + k2) * (1 - fx) + <f64>load<f32>(dispY + k2, 4) * fx) * fy;
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
  const lw = latW, step = <f64>latStep;
  let j = <i32>(y / step);
  if (j > latH - 2) j = latH - 2;
  const wy = f32x4.splat(<f32>((y - <f64>j * step) / step));
  const top = PSPANS + (<usize>(j * lw) << 4), bot = top + (<usize>lw << 4);
  for (let i: usize = 0; i < <usize>(lw - 1); i++) {
    const o = i << 4;
    const t = v128.load(top + o);
    let s = i32x4.add(t, i32x4.trunc_sat_f32x4_s(f32x4.mul(f32x4.convert_i32x4_s(i32x4.sub(v128.load(bot + o), t)), wy)));
    // chroma: start half a pixel on (x = ½), step two pixels
    if (chroma) s = i32x4.add(i32x4.mul(s, CHROMA_SCALE), v128.and(i32x4.shr_s(v128.shuffle<i32>(s, s, 1, 1, 3, 3), 1), EVEN));
    v128.store(SPANS + o, s);
  }
}

/** Whether the last lattice built is affine (a row is one linear span). */
export function latticeIsAffine(): i32 {
  return latAffine ? 1 : 0;
}
