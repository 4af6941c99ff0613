/**
 * Storage keys a prediction's input holds beyond its image: last_image's stored copy (its key rides
 * in the input, as `last_image_key`). Deleted with the prediction's other files.
 *
 * @example lastImageKeys(prediction) // → ['inputs/…/….jpg'] or []
 */
import type { Prediction } from './types.js';

export function lastImageKeys(p: Pick<Prediction, 'input'>): string[] {
  return typeof p.input.last_image_key === 'string' ? [p.input.last_image_key] : [];
}
