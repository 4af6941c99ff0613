/**
 * Outpainting for reveals beyond the frame (pull-outs, zoom < 1, drifting sky): the picture is
 * mirrored across its edges, then blended, with distance from the edge, toward a heavily blurred
 * fill of that mirror and re-grained with noise matched to the picture's own fine texture — so
 * the border reads as out-of-focus continuation rather than an obvious reflection or a smear.
 *
 * @example const canvas = await outpaint(rgba, 1920, 1080, 240, 135, seed)
 */
import sharp from 'sharp';
import { createRandom } from '../../util/random.js';
import { mirrorExtend } from './mirror.js';

/** Mean absolute Laplacian of the luma on a sparse grid: how much grain/texture the picture has. */
function textureLevel(rgba: Uint8Array, width: number, height: number): number {
  let sum = 0, n = 0;
  const l = (x: number, y: number) => { const o = (y * width + x) * 4; return 0.3 * rgba[o]! + 0.59 * rgba[o + 1]! + 0.11 * rgba[o + 2]!; };
  for (let y = 1; y < height - 1; y += 3) for (let x = 1; x < width - 1; x += 3) {
    sum += Math.abs(4 * l(x, y) - l(x - 1, y) - l(x + 1, y) - l(x, y - 1) - l(x, y + 1)) / 4;
    n++;
  }
  return n ? sum / n : 0;
}

export async function outpaint(rgba: Uint8Array, width: number, height: number, mx: number, my: number, seed: number): Promise<Uint8Array> {
  const cw = width + 2 * mx, ch = height + 2 * my;
  const mirrored = mirrorExtend(rgba, width, height, 4, mx, my);
  if (mx === 0 && my === 0) return mirrored;
  const margin = Math.max(mx, my);
  // the fill is the mirrored picture blurred at 1/8 scale (cheap, and it should be very soft
  // anyway): the picture is shrunk first and mirrored small, and the margin pixels sample it
  // bilinearly, so no full-size copy is ever resized
  const f = 8;
  const pw = Math.max(4, Math.round(width / f)), ph = Math.max(4, Math.round(height / f));
  const smx = Math.ceil(mx / f) + 2, smy = Math.ceil(my / f) + 2;
  const sw = pw + 2 * smx, sh = ph + 2 * smy;
  const shrunk = await sharp(rgba, { raw: { width, height, channels: 4 } }).resize(pw, ph, { kernel: 'linear', fit: 'fill' }).raw().toBuffer();
  const blurredBuf = await sharp(mirrorExtend(shrunk, pw, ph, 4, smx, smy), { raw: { width: sw, height: sh, channels: 4 } })
    .blur(Math.max(0.6, margin / f / 2.5))
    .raw().toBuffer();
  const blurred = new Uint8Array(blurredBuf.buffer, blurredBuf.byteOffset, blurredBuf.length);
  // canvas pixel → position in the small mirrored raster (pixel centres line up)
  const scaleX = pw / width, scaleY = ph / height;
  const fill = new Float32Array(3);
  const sample = (x: number, y: number) => {
    const fx = Math.min(sw - 1.001, Math.max(0, (x - mx + 0.5) * scaleX - 0.5 + smx));
    const fy = Math.min(sh - 1.001, Math.max(0, (y - my + 0.5) * scaleY - 0.5 + smy));
    const x0 = fx | 0, y0 = fy | 0, ax = fx - x0, ay = fy - y0;
    const o00 = (y0 * sw + x0) * 4, o10 = o00 + 4, o01 = o00 + sw * 4, o11 = o01 + 4;
    for (let c = 0; c < 3; c++) {
      const top = blurred[o00 + c]! + (blurred[o10 + c]! - blurred[o00 + c]!) * ax;
      const bottom = blurred[o01 + c]! + (blurred[o11 + c]! - blurred[o01 + c]!) * ax;
      fill[c] = top + (bottom - top) * ay;
    }
  };
  const grain = textureLevel(rgba, width, height) * 2.5;
  const rng = createRandom(seed);
  for (let y = 0; y < ch; y++) {
    const dy = y < my ? my - y : y >= my + height ? y - (my + height - 1) : 0;
    for (let x = 0; x < cw; x++) {
      const dx = x < mx ? mx - x : x >= mx + width ? x - (mx + width - 1) : 0;
      if (dx === 0 && dy === 0) { x = mx + width - 1; continue; } // inside the picture: skip to its right edge
      const d = Math.max(dx, dy) / Math.max(4, margin * 0.5);
      const w = d >= 1 ? 0.85 : 0.85 * d * d * (3 - 2 * d);
      const noise = (rng.next() + rng.next() - 1) * grain * w;
      const o = (y * cw + x) * 4;
      sample(x, y);
      for (let c = 0; c < 3; c++) {
        const v = mirrored[o + c]! * (1 - w) + fill[c]! * w + noise + 0.5;
        mirrored[o + c] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
  }
  return mirrored;
}
