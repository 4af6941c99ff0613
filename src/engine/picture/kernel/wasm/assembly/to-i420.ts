// AssemblyScript. Packed RGBA → I420 (yuv420p planar), BT.601 limited range (the matrix ffmpeg's
// swscale uses by default for rgb24 → yuv420p), with the frame's grade folded into lookup tables
// the caller builds: yTab = 3 × 256 i32 (R, G, B contributions to luma in 1/65536, offset folded
// into B), cTab = 6 × 1024 i32 (U then V contributions of 2×2 channel sums, saturation folded in).
// Chroma is the 2×2 average; the vignette (vx, vy: f32 gains, or 0) scales luma around black and
// chroma around grey.

const M: i32 = 0x00ff00ff;

@inline function tab(t: usize, i: i32): i32 {
  return load<i32>(t + (<usize>i << 2));
}

export function toI420(px: usize, w: i32, h: i32, yTab: usize, cTab: usize, vx: usize, vy: usize, out: usize): void {
  const cw = w >> 1, ch = h >> 1;
  const uBase = out + <usize>(w * h), vBase = uBase + <usize>(cw * ch);
  const yr = yTab, yg = yTab + 1024, yb = yTab + 2048;
  for (let cy = 0; cy < ch; cy++) {
    const fy: f32 = vx != 0 ? load<f32>(vy + (<usize>(cy * 2) << 2)) : 1;
    for (let cx = 0; cx < cw; cx++) {
      const a = cy * 2 * w + cx * 2, b = a + w;
      const p0 = load<i32>(px + (<usize>a << 2)), p1 = load<i32>(px + (<usize>a << 2), 4);
      const p2 = load<i32>(px + (<usize>b << 2)), p3 = load<i32>(px + (<usize>b << 2), 4);
      const rb = (p0 & M) + (p1 & M) + (p2 & M) + (p3 & M);
      const g4 = ((p0 >> 8) & 255) + ((p1 >> 8) & 255) + ((p2 >> 8) & 255) + ((p3 >> 8) & 255);
      const R4 = rb & 0xffff, B4 = <i32>(<u32>rb >>> 16);
      if (vx == 0) {
        store<u8>(out + <usize>a, <u8>((tab(yr, p0 & 255) + tab(yg, (p0 >> 8) & 255) + tab(yb, (p0 >> 16) & 255)) >> 16));
        store<u8>(out + <usize>a, <u8>((tab(yr, p1 & 255) + tab(yg, (p1 >> 8) & 255) + tab(yb, (p1 >> 16) & 255)) >> 16), 1);
        store<u8>(out + <usize>b, <u8>((tab(yr, p2 & 255) + tab(yg, (p2 >> 8) & 255) + tab(yb, (p2 >> 16) & 255)) >> 16));
        store<u8>(out + <usize>b, <u8>((tab(yr, p3 & 255) + tab(yg, (p3 >> 8) & 255) + tab(yb, (p3 >> 16) & 255)) >> 16), 1);
      }
      let U = tab(cTab, R4) + tab(cTab, 1024 + g4) + tab(cTab, 2048 + B4);
      let V = tab(cTab, 3072 + R4) + tab(cTab, 4096 + g4) + tab(cTab, 5120 + B4);
      if (vx != 0) {
        const f = fy * load<f32>(vx + (<usize>(cx * 2) << 2));
        U = <i32>(<f32>U * f); V = <i32>(<f32>V * f);
      }
      let u = (U + 8421376) >> 16, v = (V + 8421376) >> 16; // + 128.5 × 65536
      u = u < 0 ? 0 : u > 255 ? 255 : u; v = v < 0 ? 0 : v > 255 ? 255 : v;
      const o = <usize>(cy * cw + cx);
      store<u8>(uBase + o, <u8>u);
      store<u8>(vBase + o, <u8>v);
    }
  }
  if (vx != 0) {
    for (let y = 0; y < h; y++) {
      const fy = load<f32>(vy + (<usize>y << 2));
      for (let x = 0; x < w; x++) {
        const o = <usize>(y * w + x);
        const p = load<i32>(px + (o << 2));
        const Y = (tab(yr, p & 255) + tab(yg, (p >> 8) & 255) + tab(yb, (p >> 16) & 255)) >> 8; // ×256
        const gain = <i32>Math.round(<f64>(load<f32>(vx + (<usize>x << 2)) * fy) * 256);
        store<u8>(out + o, <u8>(((Y - 4096) * gain + 1048576 + 32768) >> 16));
      }
    }
  }
}
