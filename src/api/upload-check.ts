/**
 * An upload must be an image of the kinds a prediction accepts (JPEG, PNG, WebP), judged from its
 * bytes — the magic numbers, then sharp reading its header as a second opinion — never from its
 * name or declared content type. Anything else is deleted and refused with a 400.
 *
 * @example
 *   await checkUploadIsImage(ctx, 'uploads/<id>/photo.png'); // throws 400 UPLOAD_NOT_IMAGE for HTML, SVG, …
 */
import sharp from 'sharp';
import { sniffFormat } from '../engine/analyze/decode.js';
import type { ServiceContext } from './context.js';
import { apiError } from './errors.js';

export async function checkUploadIsImage(ctx: ServiceContext, key: string): Promise<void> {
  const bytes = await ctx.storage.get(key);
  const format = sniffFormat(bytes);
  let confirmed = false;
  if (format) {
    try {
      const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
      confirmed = meta.format === format;
    } catch {
      confirmed = false;
    }
  }
  if (!confirmed) {
    await ctx.storage.delete(key);
    throw apiError('UPLOAD_NOT_IMAGE');
  }
}
