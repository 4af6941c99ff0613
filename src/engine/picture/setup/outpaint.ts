/**
 * Outpainting for reveals beyond the frame (pull-outs, zoom < 1, dolly zoom, displacing effects):
 * the margin around the picture is synthesised patch by patch (./synthesize.ts), outwards from
 * the edge, from the picture's own texture near that edge — so a wall continues as wall and sky as
 * sky, never as a mirror image or a blur. The synthesis runs on a small copy (so its cost does not
 * grow with the output size) and full-resolution pixels are copied through its source map, which
 * the depth and the region masks then follow too (`extendRaster`), so every raster agrees.
 *
 * @example
 *   const { canvas, from } = outpaint(rgba, 1920, 1080, 240, 135, seed);
 *   const depth = extendRaster(depth1080, 1920, 1080, 1, 240, 135, from);
 */
import { applySourceMap, synthesize } from './synthesize.js';

/** Box-averages a W×H raster (`channels` bytes a pixel) to w×h; pixel x covers [x·W/w, (x+1)·W/w). */
export function boxDown(src: Uint8Array, W: number, H: number, channels: number, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h * channels);
  const acc = new Float64Array(channels);
  for (let y = 0; y < h; y++) {
    const Y0 = Math.floor((y * H) / h), Y1 = Math.max(Y0 + 1, Math.floor(((y + 1) * H) / h));
    for (let x = 0; x < w; x++) {
      const X0 = Math.floor((x * W) / w), X1 = Math.max(X0 + 1, Math.floor(((x + 1) * W) / w));
      acc.fill(0);
      for (let Y = Y0; Y < Y1; Y++) for (let X = X0; X < X1; X++) {
        const o = (Y * W + X) * channels;
        for (let c = 0; c < channels; c++) acc[c] = acc[c]! + src[o + c]!;
      }
      const n = (Y1 - Y0) * (X1 - X0), o = (y * w + x) * channels;
      for (let c = 0; c < channels; c++) out[o + c] = Math.round(acc[c]! / n);
    }
  }
  return out;
}

/** Marks small pixels whose full-resolution footprint touches `mask` (W×H, non-zero = set). */
export function footprintAny(mask: Uint8Array, W: number, H: number, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const Y0 = Math.floor((y * H) / h), Y1 = Math.max(Y0 + 1, Math.floor(((y + 1) * H) / h));
    for (let x = 0; x < w; x++) {
      const X0 = Math.floor((x * W) / w), X1 = Math.max(X0 + 1, Math.floor(((x + 1) * W) / w));
      let any = 0;
      for (let Y = Y0; Y < Y1 && !any; Y++) for (let X = X0; X < X1; X++) if (mask[Y * W + X]) { any = 1; break; }
      out[y * w + x] = any;
    }
  }
  return out;
}

/** How much smaller the synthesis raster is: about 320 px wide, and at most ~40 k pixels to invent. */
export function synthesisScale(W: number, holePixels: number): number {
  return Math.max(1, Math.round(W / 320), Math.ceil(Math.sqrt(holePixels / 40000)));
}

/** `exclude` (width×height, 1 = never copy from here): e.g. the subject, so no copy of it lands in the margin. */
export function outpaint(rgba: Uint8Array, width: number, height: number, mx: number, my: number, seed: number, exclude?: Uint8Array): { canvas: Uint8Array; from: Int32Array } {
  const cw = width + 2 * mx, ch = height + 2 * my;
  const canvas = new Uint8Array(cw * ch * 4);
  const hole = new Uint8Array(cw * ch).fill(1);
  for (let y = 0; y < height; y++) {
    canvas.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), ((y + my) * cw + mx) * 4);
    hole.fill(0, (y + my) * cw + mx, (y + my) * cw + mx + width);
  }
  if (mx === 0 && my === 0) return { canvas, from: new Int32Array(cw * ch).fill(-1) };
  const source = new Uint8Array(cw * ch);
  for (let i = 0; i < source.length; i++) source[i] = hole[i] ? 0 : 1;
  if (exclude) for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (exclude[y * width + x]) source[(y + my) * cw + x + mx] = 0;
  const f = synthesisScale(width, cw * ch - width * height);
  const w = Math.max(8, Math.round(cw / f)), h = Math.max(8, Math.round(ch / f));
  const small = boxDown(canvas, cw, ch, 4, w, h);
  const sHole = footprintAny(hole, cw, ch, w, h);
  const sSource = footprintAny(Uint8Array.from(source, (v) => 1 - v), cw, ch, w, h);
  for (let i = 0; i < sSource.length; i++) sSource[i] = sHole[i] || sSource[i] ? 0 : 1;
  const map = synthesize(small, 4, w, h, sHole, sSource, { seed });
  const from = applySourceMap(canvas, 4, cw, ch, hole, source, map);
  for (let i = 0; i < cw * ch; i++) if (hole[i]) canvas[i * 4 + 3] = 255;
  return { canvas, from };
}

/**
 * A picture-sized raster (W×H, `channels` bytes a pixel) on the outpainted canvas: the picture in
 * the middle, each margin pixel copied from where the outpainting took its colour (`from`, canvas
 * indices), so depth and masks continue exactly as the pixels do.
 */
export function extendRaster(src: Uint8Array, width: number, height: number, channels: number, mx: number, my: number, from: Int32Array): Uint8Array {
  const cw = width + 2 * mx, ch = height + 2 * my;
  const out = new Uint8Array(cw * ch * channels);
  const rowBytes = width * channels;
  for (let y = 0; y < height; y++) out.set(src.subarray(y * rowBytes, (y + 1) * rowBytes), ((y + my) * cw + mx) * channels);
  if (!mx && !my) return out;
  for (let i = 0; i < cw * ch; i++) {
    const x = i % cw, y = (i / cw) | 0;
    if (x >= mx && x < mx + width && y >= my && y < my + height) { i += width - 1; continue; }
    let s = from[i]!;
    if (s < 0) s = (Math.min(ch - 1 - my, Math.max(my, y))) * cw + Math.min(cw - 1 - mx, Math.max(mx, x)); // clamp to the picture
    const sx = (s % cw) - mx, sy = ((s / cw) | 0) - my;
    const so = (sy * width + sx) * channels, o = i * channels;
    for (let c = 0; c < channels; c++) out[o + c] = src[so + c]!;
  }
  return out;
}
