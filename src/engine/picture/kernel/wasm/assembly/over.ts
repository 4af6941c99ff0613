// AssemblyScript. Layer compositing: a warped layer (straight alpha: the subject matte carried
// through the warp) laid over what the layers behind it warped to. One blend for every path:
// d + (s − d)·w with w = a + a/128 (alpha 0…255 → 0…256, so 255 is exactly the layer).

/** One channel (or plane sample): s over d by alpha a. */
@inline export function over1(s: i32, d: i32, a: i32): u8 {
  return <u8>(d + (((s - d) * (a + (a >> 7))) >> 8));
}

/** The same for four i32 lanes. */
@inline export function over4(s: v128, d: v128, a: v128): v128 {
  const w = i32x4.add(a, i32x4.shr_s(a, 7));
  return i32x4.add(d, i32x4.shr_s(i32x4.mul(i32x4.sub(s, d), w), 8));
}

/** dst = src over dst for `count` packed RGBA pixels; the result is opaque. */
export function over(src: usize, dst: usize, count: i32): void {
  for (let i = 0; i < count; i++) {
    const o = <usize>i << 2;
    const s = load<i32>(src + o);
    const a = (s >>> 24) & 255;
    if (a == 0) continue;
    if (a == 255) { store<i32>(dst + o, s); continue; }
    const d = load<i32>(dst + o);
    const r = <i32>over1(s & 255, d & 255, a);
    const g = <i32>over1((s >> 8) & 255, (d >> 8) & 255, a);
    const b = <i32>over1((s >> 16) & 255, (d >> 16) & 255, a);
    store<i32>(dst + o, r | (g << 8) | (b << 16) | 0xff000000);
  }
}
