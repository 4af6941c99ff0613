/**
 * What the director must leave out: gathered from negative_prompt and from the prompt's own
 * negations ("no rain", "no camera movement"). Camera, effects, grade and image-implied extras
 * all consult it.
 */
import type { CameraMove, EffectType } from '../../plan.js';

export interface Exclusions {
  moves: Set<CameraMove>;
  effects: Set<EffectType>;
  looks: Set<string>;
  /** no handheld shake at all */
  noShake: boolean;
  /** no shutter blur and no depth-of-field blur */
  noBlur: boolean;
  /** light effects keep a steady level (no flicker) */
  noFlicker: boolean;
  /** the camera must not move */
  forceStatic: boolean;
  /** who excluded a move or effect, for notes: 'negative_prompt' or 'the prompt' */
  sources: Map<string, string>;
}

export function emptyExclusions(): Exclusions {
  return { moves: new Set(), effects: new Set(), looks: new Set(), noShake: false, noBlur: false, noFlicker: false, forceStatic: false, sources: new Map() };
}
