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
  // blur at 1/8 scale: cheap, and the fill should be very soft anyway
  const f = 8;
  const sw = Math.max(8, Math.round(cw / f)), sh = Math.max(8, Math.round(ch / f));
  // (two pipelines: sharp applies only the last resize of a pipeline)
  const small = await sharp(mirrored, { raw: { width: cw, height: ch, channels: 4 } })
    .resize(sw, sh, { kernel: 'linear', fit: 'fill' })
    .blur(Math.max(0.6, margin / f / 2.5))
    .raw().toBuffer();
  const blurred = await sharp(small, { raw: { width: sw, height: sh, channels: 4 } })
    .resize(cw, ch, { kernel: 'linear', fit: 'fill' })
    .raw().toBuffer();
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
      for (let c = 0; c < 3; c++) {
        const v = mirrored[o + c]! * (1 - w) + blurred[o + c]! * w + noise + 0.5;
        mirrored[o + c] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
  }
  return mirrored;
}
