/**
 * A sound word inside the longer name of a sound the table lacks is that sound's, not its own row's:
 * "radio chatter" is no café's chatter, "train horn" no car's horn. The missing sound is noted
 * (characters/unheard-sounds.ts); the shorter row is not planned in its place.
 */
import { findMentions, type Mention } from '../lexicon.js';
import { MISSING_SOUND_WORDS } from './vocabulary.js';

export function insideMissingSound(text: string): (m: Mention<string>) => boolean {
  const missing = findMentions(text, MISSING_SOUND_WORDS).filter((x) => !x.negated);
  return (m) => missing.some((x) => x.length > m.length && x.index <= m.index && x.index + x.length >= m.index + m.length);
}
