/**
 * What the user does not want to hear: everything the negative prompt names (negated or not), and
 * what the prompt itself negates ("no music", "without wind").
 *
 * @example
 *   removals('rain, no music', 'talking, wind') // → Set { 'music', 'dialogue', 'wind' }
 */
import { findMentions, type LexiconEntry } from '../lexicon.js';
import { AMBIENCE_WORDS, EFFECT_WORDS, REMOVAL_WORDS } from './vocabulary.js';

const ALL: readonly LexiconEntry[] = [...REMOVAL_WORDS, ...AMBIENCE_WORDS, ...EFFECT_WORDS];

export function removals(prompt: string, negativePrompt: string): Set<string> {
  const out = new Set<string>();
  for (const m of findMentions(negativePrompt, ALL)) out.add(m.id);
  for (const m of findMentions(prompt, ALL)) if (m.negated) out.add(m.id);
  return out;
}
