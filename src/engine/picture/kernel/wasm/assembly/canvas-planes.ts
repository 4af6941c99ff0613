// AssemblyScript. The canvas (packed RGBA) → full-resolution Y, U and V planes (chroma not
// subsampled: the YUV warp samples it like luma), BT.601 limited range in 16.16 fixed point, four
// pixels at a time. The same matrix as to-i420.ts; rounded to the nearest code.

const ONE: f64 = 65536;
const CYR = <i32>Math.round((65.481 / 255) * ONE), CYG = <i32>Math.round((128.553 / 255) * ONE), CYB = <i32>Math.round((24.966 / 255) * ONE);
const CUR = <i32>Math.round((-37.797 / 255) * ONE), CUG = <i32>Math.round((-74.203 / 255) * ONE), CUB = <i32>Math.round((112 / 255) * ONE);
const CVR = <i32>Math.round((112 / 255) * ONE), CVG = <i32>Math.round((-93.786 / 255) * ONE), CVB = <i32>Math.round((-18.214 / 255) * ONE);
// the offsets (16 for luma, 128 for chroma) with the half that makes the shift round
const OFF_Y: i32 = 16 * 65536 + 32768, OFF_C: i32 = 128 * 65536 + 32768;

@inline function mix(r: v128, g: v128, b: v128, cr: i32, cg: i32, cb: i32, off: i32): v128 {
  const s = i32x4.add(i32x4.add(i32x4.mul(r, i32x4.splat(cr)), i32x4.mul(g, i32x4.splat(cg))), i32x4.add(i32x4.mul(b, i32x4.splat(cb)), i32x4.splat(off)));
  return i32x4.shr_s(s, 16);
}

/** Four i32 lanes (each 0…255) as four bytes. */
@inline function pack(v: v128): i32 {
  const w = i16x8.narrow_i32x4_s(v, v);
  return i32x4.extract_lane(i8x16.narrow_i16x8_u(w, w), 0);
}

@inline function scalar(p: i32, cr: i32, cg: i32, cb: i32, off: i32): u8 {
  return <u8>((cr * (p & 255) + cg * ((p >> 8) & 255) + cb * ((p >> 16) & 255) + off) >> 16);
}

export function canvasPlanes(px: usize, n: i32, yp: usize, up: usize, vp: usize): void {
  const BYTE = i32x4.splat(255);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const p = v128.load(px + (<usize>i << 2));
    const r = v128.and(p, BYTE), g = v128.and(i32x4.shr_u(p, 8), BYTE), b = v128.and(i32x4.shr_u(p, 16), BYTE);
    store<i32>(yp + <usize>i, pack(mix(r, g, b, CYR, CYG, CYB, OFF_Y)));
    store<i32>(up + <usize>i, pack(mix(r, g, b, CUR, CUG, CUB, OFF_C)));
    store<i32>(vp + <usize>i, pack(mix(r, g, b, CVR, CVG, CVB, OFF_C)));
  }
  for (; i < n; i++) {
    const p = load<i32>(px + (<usize>i << 2));
    store<u8>(yp + <usize>i, scalar(p, CYR, CYG, CYB, OFF_Y));
    store<u8>(up + <usize>i, scalar(p, CUR, CUG, CUB, OFF_C));
    store<u8>(vp + <usize>i, scalar(p, CVR, CVG, CVB, OFF_C));
  }
}

/** The canvas's alpha (a layer's matte) as a plane beside its Y, U and V. */
export function alphaPlane(px: usize, n: i32, ap: usize): void {
  for (let i = 0; i < n; i++) store<u8>(ap + <usize>i, load<u8>(px + (<usize>i << 2), 3));
}
