/**
 * Validates an image's bytes against the input rules and decodes it to full-resolution RGB:
 * JPEG/PNG/WebP only, ≤ 10 MB, ≤ 40 megapixels declared (checked from the header before any
 * pixel is decoded: decompression bombs), not truncated, EXIF orientation applied, each side
 * ≥ 300 px and aspect within 1:2.5 … 2.5:1 after orientation, alpha flattened onto black.
 *
 * @example
 *   const { format, image } = await decodeImage(await readFile('cat.png'));
 *   image.data.length === image.width * image.height * 3 // → true
 */
import sharp, { type Metadata, type Sharp } from 'sharp';
import { inputError } from '../errors.js';
import type { RgbImage, Scene } from '../scene.js';
import { analysisSize } from './analysis-raster.js';
import { MAX_IMAGE_BYTES } from './load-source.js';

export const MAX_PIXELS = 40_000_000;
export const MIN_SIDE = 300;
export const MAX_ASPECT = 2.5;

export interface DecodedImage {
  format: Scene['format'];
  image: RgbImage;
  /**
   * The same picture at the analysis raster's size (long side ≤ 512), decoded alongside the full
   * image by libvips when JPEG shrink-on-load makes that nearly free; otherwise null (the raster
   * is then area-averaged from the full image).
   */
  small: RgbImage | null;
}

/** The format from the file's magic bytes (never its name or declared type). */
export function sniffFormat(bytes: Uint8Array): Scene['format'] | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

export async function decodeImage(bytes: Buffer): Promise<DecodedImage> {
  if (bytes.length === 0) throw inputError('IMAGE_EMPTY');
  if (bytes.length > MAX_IMAGE_BYTES) throw inputError('IMAGE_TOO_LARGE_BYTES', { bytes: bytes.length });
  const format = sniffFormat(bytes);
  if (!format) throw inputError('IMAGE_NOT_AN_IMAGE');

  // Header only: no pixels are decoded here.
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw inputError('IMAGE_CORRUPT', { detail: detailOf(error) });
  }
  const declaredW = meta.width ?? 0;
  const declaredH = meta.height ?? 0;
  if (!(declaredW > 0 && declaredH > 0)) throw inputError('IMAGE_CORRUPT', { detail: 'no image dimensions in the header' });
  if (declaredW * declaredH > MAX_PIXELS) throw inputError('IMAGE_TOO_MANY_PIXELS', { width: declaredW, height: declaredH });

  // EXIF orientations 5–8 turn the picture a quarter: the rules apply to what a viewer sees.
  const swapped = (meta.orientation ?? 1) >= 5;
  const width = swapped ? declaredH : declaredW;
  const height = swapped ? declaredW : declaredH;
  if (width < MIN_SIDE || height < MIN_SIDE) throw inputError('IMAGE_TOO_SMALL', { width, height });
  if (Math.max(width / height, height / width) > MAX_ASPECT) throw inputError('IMAGE_ASPECT', { width, height });

  try {
    // failOn 'truncated': sharp otherwise paints a truncated JPEG/PNG's missing rows grey and succeeds.
    const pipeline = () => {
      let p = sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_PIXELS });
      // only the steps this file needs: each costs a pass over the pixels
      if ((meta.orientation ?? 1) !== 1) p = p.rotate();
      if (meta.hasAlpha) p = p.flatten({ background: { r: 0, g: 0, b: 0 } }).removeAlpha();
      if (meta.channels !== 3 || meta.space !== 'srgb' || meta.depth !== 'uchar') p = p.toColourspace('srgb');
      return p;
    };
    const size = analysisSize(width, height);
    const [full, small] = await Promise.all([
      rgb(pipeline()),
      // worth a second pipeline only when the decoder can shrink on load (JPEG, by 2× or more)
      format === 'jpeg' && size.width * 2 <= width ? rgb(pipeline().resize(size.width, size.height, { fit: 'fill' })) : null,
    ]);
    return { format, image: full, small };
  } catch (error) {
    throw inputError('IMAGE_CORRUPT', { detail: detailOf(error) });
  }
}

async function rgb(pipeline: Sharp): Promise<RgbImage> {
  const { data, info } = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  if (info.channels !== 3 || data.length !== info.width * info.height * 3) {
    throw new Error(`unexpected decoded layout ${info.width}×${info.height}×${info.channels}`);
  }
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

function detailOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.replace(/^Input buffer (has )?/i, '').slice(0, 160);
}
