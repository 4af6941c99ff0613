/**
 * Applies a Framing to the picture: the crop, then the outpainted bands (through the picture
 * setup's outpainting), as PNG bytes the engine analyses like any input. A small result is scaled
 * up so its short side keeps the input rules' 300 px.
 *
 * @example
 *   const bytes = await applyFraming(scene.image, framing, seed); const reframed = await analyzeImage(bytes);
 */
import sharp from 'sharp';
import type { RgbImage } from '../scene.js';
import { outpaint } from '../picture/setup/outpaint.js';
import type { Framing } from './plan-framing.js';

const MIN_SIDE = 320;

export async function applyFraming(image: RgbImage, framing: Framing, seed: number): Promise<Buffer> {
  const { crop, outpaint: band } = framing;
  const rgba = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .extract({ left: crop.x, top: crop.y, width: crop.w, height: crop.h })
    .ensureAlpha().raw().toBuffer();
  const canvas = band.x || band.y ? (await outpaint(new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.length), crop.w, crop.h, band.x, band.y, seed)).canvas : rgba;
  const width = crop.w + 2 * band.x, height = crop.h + 2 * band.y;
  const grow = Math.max(1, MIN_SIDE / Math.min(width, height));
  let out = sharp(canvas, { raw: { width, height, channels: 4 } }).removeAlpha();
  if (grow > 1) out = out.resize(Math.round(width * grow), Math.round(height * grow), { kernel: 'lanczos3' });
  return out.png({ compressionLevel: 1 }).toBuffer();
}
