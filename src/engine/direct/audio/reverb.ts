/**
 * The space the sound is in: named in the prompt (cave, hall, room, outdoors) or read from the
 * picture (indoor → room, outdoor → outdoor, space or underwater → none).
 *
 * @example
 *   planReverb('echoing cathedral', scene) // → 'hall'
 */
import type { Scene } from '../../scene.js';
import { findMentions } from '../lexicon.js';
import { SPACE_WORDS } from './vocabulary.js';

export function planReverb(text: string, scene: Scene, beds: string[]): string {
  // the most specific space wins ("inside a cave" is a cave)
  const named = new Set(findMentions(text, SPACE_WORDS).filter((m) => !m.negated).map((m) => m.id));
  for (const space of ['cave', 'hall', 'room', 'outdoor']) if (named.has(space)) return space;
  if (beds.includes('underwater') || scene.tags.includes('space')) return 'none';
  if (scene.tags.includes('indoor')) return 'room';
  return 'outdoor';
}
