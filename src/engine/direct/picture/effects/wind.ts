/**
 * Wind read from the prompt, for rain and snow angles, cloud drift and foliage sway.
 *
 * @example
 *   readWind('heavy rain, strong wind blowing from the left', rng);  // { strength: 0.9, toward: 1 }
 */
import type { Random } from '../../../util/random.js';
import { findMentions } from '../../lexicon.js';
import { intensityNear } from '../modifiers.js';

const WIND = [{ id: 'wind', phrases: ['wind', 'windy', 'breeze', 'breezy', 'gust', 'gusty', 'gale', 'blowing', 'windswept'] }] as const;

export function readWind(text: string, rng: Random): { strength: number; toward: number } {
  const mention = findMentions(text, WIND).find((m) => !m.negated);
  let toward = rng.next() < 0.5 ? -1 : 1;
  if (/from the (left|west)|(to|toward|towards) the (right|east)|rightward/.test(text)) toward = 1;
  else if (/from the (right|east)|(to|toward|towards) the (left|west)|leftward/.test(text)) toward = -1;
  if (!mention) return { strength: 0.15, toward };
  const near = intensityNear(text, mention.index, [{ start: mention.index, end: mention.index + mention.length }]);
  const base = /gale|gust|windswept/.test(mention.phrase) ? 0.8 : mention.phrase.startsWith('breez') ? 0.35 : 0.55;
  return { strength: near ?? base, toward };
}
