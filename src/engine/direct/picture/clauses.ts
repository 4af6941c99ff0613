/**
 * Clauses of a prompt: the stretch of text a modifier word belongs to. "slow push-in with a slight
 * pan right" has two clauses, so "slow" goes with the push-in and "slight" with the pan.
 *
 * @example
 *   clauseAt('slow push in, heavy rain', 20);   // { start: 13, end: 24 }  ("heavy rain")
 */
import { normalizeText } from '../lexicon.js';

const BREAK = /[,.;:!?\n()]|\b(?:with|and|then|while|as|plus|but)\b/g;

export interface Span {
  start: number;
  end: number;
}

/** The clause around a character offset of the (normalised) text. */
export function clauseAt(text: string, index: number): Span {
  const normalized = normalizeText(text);
  let start = 0, end = normalized.length;
  for (const m of normalized.matchAll(BREAK)) {
    const at = m.index ?? 0;
    if (at + m[0].length <= index) start = at + m[0].length;
    else if (at > index) { end = at; break; }
  }
  return { start, end };
}

/** The clause's text, lowercased. */
export function clauseText(text: string, index: number): string {
  const { start, end } = clauseAt(text, index);
  return normalizeText(text).slice(start, end).trim();
}
