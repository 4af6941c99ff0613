/**
 * The end image (last_image) as the clip's last frame: resized (lanczos, like the first picture)
 * with a centred cover crop to the output size, in BT.601 limited-range I420 — the form the
 * renderer hands the encoder.
 *
 * @example const end = await endPictureI420(endScene.image, plan.width, plan.height);
 */
import sharp from 'sharp';
import { rgbToYuv } from '../kernel/bt601.js';
import type { RgbImage } from '../../scene.js';

export async function endPictureI420(image: RgbImage, width: number, height: number): Promise<Uint8Array> {
  const rgb = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize(width, height, { kernel: 'lanczos3', fit: 'cover' }).raw().toBuffer();
  const out = new Uint8Array((width * height * 3) / 2);
  const cw = width >> 1, u = width * height, v = u + cw * (height >> 1);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    const i = (y * width + x) * 3;
    out[y * width + x] = Math.round(rgbToYuv(rgb[i]!, rgb[i + 1]!, rgb[i + 2]!)[0]);
  }
  for (let y = 0; y < height >> 1; y++) for (let x = 0; x < cw; x++) {
    let r = 0, g = 0, b = 0;
    for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
      const i = ((2 * y + dy) * width + 2 * x + dx) * 3;
      r += rgb[i]!, g += rgb[i + 1]!, b += rgb[i + 2]!;
    }
    const [, cu, cv] = rgbToYuv(r / 4, g / 4, b / 4);
    out[u + y * cw + x] = Math.round(cu), out[v + y * cw + x] = Math.round(cv);
  }
  return out;
}
