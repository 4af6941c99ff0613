/**
 * The storage keys a prediction holds: its inputs (the image, and last_image's stored copy, whose
 * key rides in the input as `last_image_key`) and its outputs (the clip and its poster). Deleting,
 * cancelling and retention all delete by these lists.
 *
 * @example
 *   inputKeys(prediction) // → ['inputs/…/….jpg', 'inputs/…/….png']
 *   blobKeys(prediction)  // → the inputs, 'outputs/…/….mp4', 'outputs/…/….jpg'
 */
import type { Prediction } from './types.js';

export function lastImageKeys(p: Pick<Prediction, 'input'>): string[] {
  return typeof p.input.last_image_key === 'string' ? [p.input.last_image_key] : [];
}

export function inputKeys(p: Pick<Prediction, 'imageKey' | 'input'>): string[] {
  return [p.imageKey, ...lastImageKeys(p)];
}

export function blobKeys(p: Pick<Prediction, 'imageKey' | 'input' | 'outputKeys' | 'posterKey'>): string[] {
  return [...inputKeys(p), ...p.outputKeys, ...(p.posterKey ? [p.posterKey] : [])];
}
