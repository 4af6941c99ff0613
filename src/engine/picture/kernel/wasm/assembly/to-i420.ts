// AssemblyScript. Packed RGBA → I420 (yuv420p planar), BT.601 limited range (the matrix ffmpeg's
// swscale uses by default for rgb24 → yuv420p), with the frame's grade: each channel's curve is
// linear with a clamp (exposure, contrast and warmth: c' = clamp(α·c + β, 0, 255)), chroma the
// 2×2 mean of the graded colour scaled by the saturation, the vignette (vx, vy: f32 gains, or 0)
// scales luma around black and chroma around grey. Four pixels of two rows at a time, in f32x4.
// grade: f32 × 7 = αR, αG, αB, βR, βG, βB, saturation.

const YR: f32 = 65.481 / 255, YG: f32 = 128.553 / 255, YB: f32 = 24.966 / 255;
const UR: f32 = -37.797 / 255, UG: f32 = -74.203 / 255, UB: f32 = 112 / 255;
const VR: f32 = 112 / 255, VG: f32 = -93.786 / 255, VB: f32 = -18.214 / 255;
const BYTE = i32x4.splat(255);
const Z = f32x4.splat(0);
const FULL = f32x4.splat(255);

@inline function channel(p: v128, shift: i32, a: v128, b: v128): v128 {
  const c = f32x4.convert_i32x4_s(v128.and(i32x4.shr_u(p, shift), BYTE));
  return f32x4.min(f32x4.max(f32x4.add(f32x4.mul(c, a), b), Z), FULL);
}

@inline function luma(r: v128, g: v128, b: v128): v128 {
  return f32x4.add(f32x4.add(f32x4.mul(r, f32x4.splat(YR)), f32x4.mul(g, f32x4.splat(YG))), f32x4.mul(b, f32x4.splat(YB)));
}

@inline function bytes(v: v128): v128 {
  const i = i32x4.trunc_sat_f32x4_s(v);
  return i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_s(i, i), i16x8.splat(0));
}

/** Sum of adjacent lanes: (v0 + v1, v2 + v3, …) in lanes 0 and 1. */
@inline function pairSums(v: v128): v128 {
  return f32x4.add(v128.shuffle<f32>(v, v, 0, 2, 0, 2), v128.shuffle<f32>(v, v, 1, 3, 1, 3));
}

export function toI420(px: usize, w: i32, h: i32, grade: usize, vx: usize, vy: usize, out: usize): void {
  const cw = w >> 1, ch = h >> 1;
  const uBase = out + <usize>(w * h), vBase = uBase + <usize>(cw * ch);
  const aR = f32x4.splat(load<f32>(grade)), aG = f32x4.splat(load<f32>(grade, 4)), aB = f32x4.splat(load<f32>(grade, 8));
  const bR = f32x4.splat(load<f32>(grade, 12)), bG = f32x4.splat(load<f32>(grade, 16)), bB = f32x4.splat(load<f32>(grade, 20));
  const sat = load<f32>(grade, 24) * 0.25; // × ¼: chroma from the sum of four pixels
  const Y16 = f32x4.splat(16), GREY = f32x4.splat(128.5);
  for (let cy = 0; cy < ch; cy++) {
    const y0 = cy * 2;
    const fy0: f32 = vx != 0 ? load<f32>(vy + (<usize>y0 << 2)) : 1, fy1: f32 = vx != 0 ? load<f32>(vy + (<usize>(y0 + 1) << 2)) : 1;
    const r0 = px + (<usize>(y0 * w) << 2), r1 = r0 + (<usize>w << 2);
    const o0 = out + <usize>(y0 * w), o1 = o0 + <usize>w;
    const co = <usize>(cy * cw);
    for (let x = 0; x < w; x += 4) {
      const p0 = v128.load(r0 + (<usize>x << 2)), p1 = v128.load(r1 + (<usize>x << 2));
      const R0 = channel(p0, 0, aR, bR), G0 = channel(p0, 8, aG, bG), B0 = channel(p0, 16, aB, bB);
      const R1 = channel(p1, 0, aR, bR), G1 = channel(p1, 8, aG, bG), B1 = channel(p1, 16, aB, bB);
      let Ya = f32x4.add(luma(R0, G0, B0), Y16), Yb = f32x4.add(luma(R1, G1, B1), Y16);
      let U = pairSums(f32x4.add(f32x4.add(f32x4.mul(f32x4.add(R0, R1), f32x4.splat(UR)), f32x4.mul(f32x4.add(G0, G1), f32x4.splat(UG))), f32x4.mul(f32x4.add(B0, B1), f32x4.splat(UB))));
      let V = pairSums(f32x4.add(f32x4.add(f32x4.mul(f32x4.add(R0, R1), f32x4.splat(VR)), f32x4.mul(f32x4.add(G0, G1), f32x4.splat(VG))), f32x4.mul(f32x4.add(B0, B1), f32x4.splat(VB))));
      U = f32x4.mul(U, f32x4.splat(sat)); V = f32x4.mul(V, f32x4.splat(sat));
      if (vx != 0) {
        const gx = v128.load(vx + (<usize>x << 2));
        Ya = f32x4.add(f32x4.mul(f32x4.sub(Ya, Y16), f32x4.mul(gx, f32x4.splat(fy0))), Y16);
        Yb = f32x4.add(f32x4.mul(f32x4.sub(Yb, Y16), f32x4.mul(gx, f32x4.splat(fy1))), Y16);
        const gc = f32x4.mul(v128.shuffle<f32>(gx, gx, 0, 2, 0, 2), f32x4.splat(fy0));
        U = f32x4.mul(U, gc); V = f32x4.mul(V, gc);
      }
      const half = f32x4.splat(0.5);
      const ya = bytes(f32x4.add(Ya, half)), yb = bytes(f32x4.add(Yb, half));
      const u = bytes(f32x4.add(U, GREY)), v = bytes(f32x4.add(V, GREY));
      const c = co + <usize>(x >> 1);
      if (x + 4 <= w) {
        v128.store32_lane(o0 + <usize>x, ya, 0); v128.store32_lane(o1 + <usize>x, yb, 0);
        v128.store16_lane(uBase + c, u, 0); v128.store16_lane(vBase + c, v, 0);
      } else {
        // the last two pixels of a row whose width is 2 mod 4
        v128.store16_lane(o0 + <usize>x, ya, 0); v128.store16_lane(o1 + <usize>x, yb, 0);
        v128.store8_lane(uBase + c, u, 0); v128.store8_lane(vBase + c, v, 0);
      }
    }
  }
}
