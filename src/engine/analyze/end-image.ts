/**
 * last_image is analysed like `image` (same decoding and size, aspect and format rules), and its
 * refusals name last_image: the image catalogue's messages, renamed.
 *
 * @example const end = await analyzeEndImage(bytes); // InputError "last_image: … too small …"
 */
import { analyzeImage } from './index.js';
import { InputError, isInputError } from '../errors.js';
import type { Scene } from '../scene.js';

export const END_IMAGE_FIELD = 'last_image';

/** an `image` refusal as the same refusal of another image field */
export function renameImageError(error: unknown, field: string): unknown {
  if (!isInputError(error) || error.field !== 'image') return error;
  return new InputError(error.code, error.message.replace(/^image:/, `${field}:`), field);
}

export async function analyzeEndImage(bytes: Buffer): Promise<Scene> {
  try {
    return await analyzeImage(bytes);
  } catch (error) {
    throw renameImageError(error, END_IMAGE_FIELD);
  }
}
