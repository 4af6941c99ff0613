/**
 * Modifier words: speed words for camera moves and intensity words for effects, each a small
 * table. A modifier applies to the vocabulary mention in its own clause (see clauses.ts).
 *
 * @example
 *   speedNear('slow push in with a slight pan right', 28);  // { id: 'subtle', factor: 0.45 } (for the pan)
 */
import type { Camera } from '../../plan.js';
import { findMentions, type LexiconEntry } from '../lexicon.js';
import { clauseAt, type Span } from './clauses.js';

export type Speed = Camera['speed'];

export interface SpeedEntry extends LexiconEntry<Speed | 'ignore'> {
  /** magnitude multiplier of a move asked for with this word */
  factor: number;
}

export const SPEED_TABLE: readonly SpeedEntry[] = [
  { id: 'subtle', phrases: ['subtle', 'subtly', 'slight', 'slightly', 'barely', 'tiny', 'minimal', 'very slow', 'very slowly', 'imperceptible'], factor: 0.45 },
  { id: 'slow', phrases: ['slow', 'slowly', 'gentle', 'gently', 'soft', 'softly', 'smooth', 'smoothly', 'leisurely', 'calm'], factor: 0.7 },
  { id: 'normal', phrases: ['steady', 'steadily', 'moderate'], factor: 1 },
  { id: 'fast', phrases: ['fast', 'quick', 'quickly', 'rapid', 'rapidly', 'swift', 'swiftly', 'speedy', 'brisk'], factor: 1.6 },
  { id: 'dramatic', phrases: ['dramatic', 'dramatically', 'dynamic', 'dynamically', 'aggressive', 'aggressively', 'very fast', 'sweeping'], factor: 2.1 },
  // not about the camera's pace
  { id: 'ignore', phrases: ['slow motion', 'slowmo', 'slo mo', 'fast forward', 'time lapse', 'timelapse'], factor: 1 },
];

/** The speed word nearest to a mention in its clause, or null. */
export function speedNear(text: string, index: number): { id: Speed; factor: number } | null {
  const { start, end } = clauseAt(text, index);
  let best: { id: Speed; factor: number; distance: number } | null = null;
  for (const m of findMentions(text, SPEED_TABLE)) {
    if (m.index < start || m.index >= end || m.id === 'ignore') continue;
    const distance = Math.abs(m.index - index);
    if (!best || distance < best.distance) {
      const entry = SPEED_TABLE.find((e) => e.id === m.id)!;
      best = { id: m.id, factor: entry.factor, distance };
    }
  }
  return best && { id: best.id, factor: best.factor };
}

export interface IntensityEntry extends LexiconEntry<'light' | 'medium' | 'heavy'> {
  /** the effect intensity this word asks for, 0…1 */
  intensity: number;
}

export const INTENSITY_TABLE: readonly IntensityEntry[] = [
  { id: 'light', phrases: ['light', 'lightly', 'slight', 'slightly', 'subtle', 'gentle', 'soft', 'thin', 'faint', 'little', 'some', 'a bit of', 'wisps of', 'wispy', 'sparse', 'occasional', 'hint of', 'fine', 'gently', 'softly', 'a few', 'scattered', 'delicate', 'delicately'], intensity: 0.3 },
  { id: 'medium', phrases: ['moderate', 'steady'], intensity: 0.55 },
  { id: 'heavy', phrases: ['heavy', 'heavily', 'thick', 'dense', 'strong', 'intense', 'torrential', 'pouring', 'lots of', 'raging', 'massive', 'blinding', 'driving', 'violent', 'huge', 'very', 'extreme', 'relentless', 'relentlessly', 'furious', 'furiously', 'thickly', 'densely'], intensity: 0.9 },
];

/**
 * The intensity word nearest before or after a mention in its clause, or null. Words inside
 * `exclude` spans (other vocabulary, e.g. the "light" of "neon light" or "light rays") don't count.
 */
export function intensityNear(text: string, index: number, exclude: readonly Span[] = []): number | null {
  const { start, end } = clauseAt(text, index);
  let best: { intensity: number; distance: number } | null = null;
  for (const m of findMentions(text, INTENSITY_TABLE)) {
    if (m.index < start || m.index >= end) continue;
    if (exclude.some((s) => m.index < s.end && m.index + m.length > s.start)) continue;
    const distance = Math.abs(m.index - index);
    if (!best || distance < best.distance) best = { intensity: INTENSITY_TABLE.find((e) => e.id === m.id)!.intensity, distance };
  }
  return best?.intensity ?? null;
}
