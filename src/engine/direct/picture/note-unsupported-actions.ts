/**
 * Notes for actions in the prompt the picture cannot perform ("dancing", "explodes"), one per
 * action, using the word the prompt used. Words inside a camera or effect phrase ("running water",
 * "fly over") never count; negated actions ("not walking") are fine as they are.
 *
 * @example
 *   noteUnsupportedActions('a woman dancing in the rain', mentions, notes);
 *   // notes: ["'dancing' is not supported yet: no body animation"]
 */
import { findMentions, normalizeText, type Mention } from '../lexicon.js';
import { UNSUPPORTED_ACTIONS } from './unsupported-actions.js';

export function noteUnsupportedActions(text: string, vocabulary: readonly Mention[], notes: string[]): void {
  const normalized = normalizeText(text);
  const seen = new Set<string>();
  for (const m of findMentions(normalized, UNSUPPORTED_ACTIONS)) {
    if (m.negated || seen.has(m.id)) continue;
    // inside a move's or an effect's phrase ("running water", "fly over") the words are theirs; a
    // flag of the very same words ("slow motion") only keeps them from being read as another move
    const end = m.index + m.length;
    if (vocabulary.some((v) => v.index < end && v.index + v.length > m.index && !(v.index === m.index && v.length === m.length))) continue;
    seen.add(m.id);
    const word = normalized.slice(m.index, end);
    const reason = UNSUPPORTED_ACTIONS.find((a) => a.id === m.id)!.reason;
    notes.push(`'${word}' is not supported yet: ${reason}`);
  }
}
