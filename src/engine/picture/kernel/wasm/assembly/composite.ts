// AssemblyScript. Applies the coarse light field to the full-resolution RGBA frame:
// out = pixel × mul + add per channel, the six field channels (f32 planes of lw × lh, in the order
// mulR mulG mulB addR addG addB) interpolated bilinearly — a lattice row is blended once per output
// row into `row` (6 × lw f32), then stepped linearly along it. Lattice point i sits at output
// x = (i + ½)·cell − ½; pixels beyond the first and last points take the edge value.

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
      const c0 = load<f32>(row + o0), c1 = load<f32>(row + o1);
      const c2 = load<f32>(row + rowPlane + o0), c3 = load<f32>(row + rowPlane + o1);
      const c4 = load<f32>(row + 2 * rowPlane + o0), c5 = load<f32>(row + 2 * rowPlane + o1);
      const c6 = load<f32>(row + 3 * rowPlane + o0), c7 = load<f32>(row + 3 * rowPlane + o1);
      const c8 = load<f32>(row + 4 * rowPlane + o0), c9 = load<f32>(row + 4 * rowPlane + o1);
      const ca = load<f32>(row + 5 * rowPlane + o0), cb = load<f32>(row + 5 * rowPlane + o1);
      let mr = c0 + (c1 - c0) * u0, mg = c2 + (c3 - c2) * u0, mb = c4 + (c5 - c4) * u0;
      let ar = c6 + (c7 - c6) * u0 + 0.5, ag = c8 + (c9 - c8) * u0 + 0.5, ab = ca + (cb - ca) * u0 + 0.5;
      const dmr = (c1 - c0) * span, dmg = (c3 - c2) * span, dmb = (c5 - c4) * span;
      const dar = (c7 - c6) * span, dag = (c9 - c8) * span, dab = (cb - ca) * span;
      for (; x < xEnd; x++) {
        const p = base + (<usize>x << 2);
        const v = load<i32>(p);
        let r = <f32>(v & 255) * mr + ar, gg = <f32>((v >> 8) & 255) * mg + ag, b = <f32>((v >> 16) & 255) * mb + ab;
        r = r < 0 ? 0 : r > 255 ? 255 : r; gg = gg < 0 ? 0 : gg > 255 ? 255 : gg; b = b < 0 ? 0 : b > 255 ? 255 : b;
        store<i32>(p, <i32>r | (<i32>gg << 8) | (<i32>b << 16) | 0xff000000);
        mr += dmr; mg += dmg; mb += dmb; ar += dar; ag += dag; ab += dab;
      }
    }
  }
}
