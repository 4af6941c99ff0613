// AssemblyScript. Applies the coarse light field to the full-resolution RGBA frame:
// out = pixel × mul + add per channel, the six field channels (f32 planes of lw × lh, in the order
// mulR mulG mulB addR addG addB) interpolated bilinearly — a lattice row is blended once per output
// row into `row` (6 × lw f32), then stepped linearly along it. Lattice point i sits at output
// x = (i + ½)·cell − ½; pixels beyond the first and last points take the edge value. Each pixel's
// four channels are one f32x4 (alpha comes out 255).

const HALF = f32x4(0.5, 0.5, 0.5, 0);

export function composite(px: usize, w: i32, h: i32, field: usize, lw: i32, lh: i32, cell: i32, row: usize): void {
  const plane = <usize>(lw * lh) << 2, rowPlane = <usize>lw << 2;
  const first = <i32>Math.max(0, Math.ceil(<f64>(cell - 1) / 2));
  const invCell: f32 = 1 / <f32>cell;
  for (let y = 0; y < h; y++) {
    let g = (<f64>y + 0.5) / <f64>cell - 0.5;
    g = g < 0 ? 0 : g > <f64>(lh - 1) ? <f64>(lh - 1) : g;
    let j = <i32>Math.floor(g);
    if (j > lh - 2) j = lh - 2 > 0 ? lh - 2 : 0;
    const wy: f32 = lh > 1 ? <f32>(g - <f64>j) : 0;
    const j1 = lh > 1 ? j + 1 : j;
    for (let c: usize = 0; c < 6; c++) {
      const a = field + c * plane + (<usize>(j * lw) << 2), b = field + c * plane + (<usize>(j1 * lw) << 2), r = row + c * rowPlane;
      for (let i: usize = 0; i < <usize>lw; i++) {
        const va = load<f32>(a + (i << 2));
        store<f32>(r + (i << 2), va + (load<f32>(b + (i << 2)) - va) * wy);
      }
    }
    const base = px + (<usize>(y * w) << 2);
    let x = 0;
    for (let i = -1; i < lw && x < w; i++) {
      const i0 = i < 0 ? 0 : i, i1 = i + 1 < lw ? i + 1 : lw - 1;
      let xEnd = w;
      if (i + 1 < lw) {
        const e = i < 0 ? first : <i32>Math.floor((<f64>i + 1.5) * <f64>cell - 0.5) + 1;
        xEnd = e < w ? e : w;
      }
      const span: f32 = i0 == i1 || i < 0 ? 0 : invCell;
      const u0: f32 = span == 0 ? 0 : (<f32>x - (<f32>i0 + 0.5) * <f32>cell + 0.5) * span;
      const o0 = <usize>i0 << 2, o1 = <usize>i1 << 2;
      // (mulR, mulG, mulB, 1) and (addR, addG, addB, 255) at this pixel, stepped along the span
      const m0 = f32x4(load<f32>(row + o0), load<f32>(row + rowPlane + o0), load<f32>(row + 2 * rowPlane + o0), 1);
      const m1 = f32x4(load<f32>(row + o1), load<f32>(row + rowPlane + o1), load<f32>(row + 2 * rowPlane + o1), 1);
      const a0 = f32x4(load<f32>(row + 3 * rowPlane + o0), load<f32>(row + 4 * rowPlane + o0), load<f32>(row + 5 * rowPlane + o0), 255);
      const a1 = f32x4(load<f32>(row + 3 * rowPlane + o1), load<f32>(row + 4 * rowPlane + o1), load<f32>(row + 5 * rowPlane + o1), 255);
      const dm = f32x4.mul(f32x4.sub(m1, m0), f32x4.splat(span)), da = f32x4.mul(f32x4.sub(a1, a0), f32x4.splat(span));
      let mul = f32x4.add(m0, f32x4.mul(f32x4.sub(m1, m0), f32x4.splat(u0)));
      let add = f32x4.add(f32x4.add(a0, f32x4.mul(f32x4.sub(a1, a0), f32x4.splat(u0))), HALF);
      for (; x < xEnd; x++) {
        const p = base + (<usize>x << 2);
        const c = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(p)));
        const v = i32x4.trunc_sat_f32x4_s(f32x4.add(f32x4.mul(f32x4.convert_i32x4_s(c), mul), add));
        // saturating narrows clamp to 0…255
        v128.store32_lane(p, i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_s(v, v), v), 0);
        mul = f32x4.add(mul, dm); add = f32x4.add(add, da);
      }
    }
  }
}
