/**
 * Music, only when asked ("music", "soundtrack", "epic score", "lo-fi beat", "piano"): the mood
 * from the prompt's words (calm, epic, upbeat, tense, sad, romantic), the style named or the
 * mood's own, the tempo named ("90 bpm") or the mood's, and a key that suits the mood.
 *
 * @example
 *   planMusic('epic score') // → { mood: 'epic', style: 'orchestral', bpm: 96, key: 'D minor', gain_db: -16 }
 */
import type { Music } from '../../plan.js';
import { findMentions, mentionedIds, normalizeText } from '../lexicon.js';
import { MOOD_WORDS, MOODS, MUSIC_WORDS, STYLE_WORDS } from './vocabulary.js';

export function planMusic(text: string, removed: Set<string>): Music | null {
  if (removed.has('music')) return null;
  if (!findMentions(text, MUSIC_WORDS).some((m) => !m.negated)) return null;
  const mood = findMentions(text, MOOD_WORDS).find((m) => !m.negated)?.id ?? 'calm';
  const preset = MOODS[mood]!;
  const styles = mentionedIds(text, STYLE_WORDS);
  const style = styles.has('lofi') ? 'lofi' : styles.has('piano') ? 'piano' : styles.has('orchestral') ? 'orchestral' : styles.has('electronic') ? 'electronic' : styles.has('pads') ? 'pads' : preset.style;
  const bpmMatch = /\b(\d{2,3})\s*bpm\b/.exec(normalizeText(text));
  const bpm = bpmMatch ? Math.max(40, Math.min(200, parseInt(bpmMatch[1]!, 10))) : style === 'lofi' ? 80 : preset.bpm;
  return { mood, style, bpm, key: preset.key, gain_db: -16 };
}
