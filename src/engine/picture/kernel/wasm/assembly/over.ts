// AssemblyScript. Layer compositing: a warped layer (packed RGBA, straight alpha: the subject
// matte carried through the warp) laid over the frame warped from the layers behind it.

/** dst = src over dst for `count` packed RGBA pixels; the result is opaque. */
export function over(src: usize, dst: usize, count: i32): void {
  for (let i = 0; i < count; i++) {
    const o = <usize>i << 2;
    const s = load<i32>(src + o);
    const a = (s >>> 24) & 255;
    if (a == 0) continue;
    if (a == 255) { store<i32>(dst + o, s); continue; }
    const d = load<i32>(dst + o);
    const w = a + (a >> 7); // 0…256
    const r = (d & 255) + ((((s & 255) - (d & 255)) * w) >> 8);
    const g = ((d >> 8) & 255) + (((((s >> 8) & 255) - ((d >> 8) & 255)) * w) >> 8);
    const b = ((d >> 16) & 255) + (((((s >> 16) & 255) - ((d >> 16) & 255)) * w) >> 8);
    store<i32>(dst + o, r | (g << 8) | (b << 16) | 0xff000000);
  }
}
