/**
 * Notes for actions in the prompt the picture cannot perform ("dancing", "explodes"), one per
 * action, using the word the prompt used. Camera and effect phrases are blanked first so
 * "running water" or "fly over" never count; negated actions ("not walking") are fine as they are.
 *
 * @example
 *   noteUnsupportedActions('a woman dancing in the rain', mentions, notes);
 *   // notes: ["'dancing' is not supported yet: no body animation"]
 */
import { findMentions, normalizeText, type Mention } from '../lexicon.js';
import { UNSUPPORTED_ACTIONS } from './unsupported-actions.js';

export function noteUnsupportedActions(text: string, vocabulary: readonly Mention[], notes: string[]): void {
  let blanked = normalizeText(text);
  for (const m of vocabulary) blanked = blanked.slice(0, m.index) + ' '.repeat(m.length) + blanked.slice(m.index + m.length);
  const seen = new Set<string>();
  for (const m of findMentions(blanked, UNSUPPORTED_ACTIONS)) {
    if (m.negated || seen.has(m.id)) continue;
    seen.add(m.id);
    const word = blanked.slice(m.index, m.index + m.length);
    const reason = UNSUPPORTED_ACTIONS.find((a) => a.id === m.id)!.reason;
    notes.push(`'${word}' is not supported yet: ${reason}`);
  }
}
