/**
 * last_image is decoded like `image` (same decoding and size, aspect and format rules: every
 * refusal of the analysis comes from the decoding), and its refusals name last_image: the image
 * catalogue's messages, renamed. Only its picture is used, so nothing else is analysed.
 *
 * @example const end = await analyzeEndImage(bytes); // InputError "last_image: … too small …"
 */
import { decodeImage, type DecodedImage } from './decode.js';
import { InputError, isInputError } from '../errors.js';

export const END_IMAGE_FIELD = 'last_image';

/** an `image` refusal as the same refusal of another image field */
export function renameImageError(error: unknown, field: string): unknown {
  if (!isInputError(error) || error.field !== 'image') return error;
  return new InputError(error.code, error.message.replace(/^image:/, `${field}:`), field);
}

export async function analyzeEndImage(bytes: Buffer): Promise<DecodedImage> {
  try {
    return await decodeImage(bytes);
  } catch (error) {
    throw renameImageError(error, END_IMAGE_FIELD);
  }
}
