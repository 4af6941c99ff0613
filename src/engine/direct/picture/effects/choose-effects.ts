/**
 * Which effects the prompt asks for, in prompt order, each with its intensity: a phrase's own
 * intensity ("drizzle" is light), else an intensity word in its clause ("heavy rain", "thick
 * fog"), else the effect's default. Phrases that imply others bring them too ("thunderstorm").
 *
 * @example
 *   chooseEffects('light rain and thick fog', mentions);
 *   // → [{ type: 'rain', intensity: 0.3, … }, { type: 'fog', intensity: 0.9, … }]
 */
import type { EffectType } from '../../../plan.js';
import type { Mention } from '../../lexicon.js';
import type { Span } from '../clauses.js';
import { intensityNear } from '../modifiers.js';
import { splitId } from '../vocabulary.js';
import { EFFECT_TABLE } from './table.js';

export interface EffectRequest {
  type: EffectType;
  intensity: number;
  phrase: string;
  index: number;
  /** asked only by a soft phrase ("breeze"): skipped silently when its region is missing */
  soft: boolean;
  /** brought along by another effect's phrase (a storm's cloud cover): excluded with it */
  by?: EffectType;
}

export function chooseEffects(text: string, mentions: readonly Mention[]): EffectRequest[] {
  const spans: Span[] = mentions.map((m) => ({ start: m.index, end: m.index + m.length }));
  const requests: EffectRequest[] = [];
  const add = (request: EffectRequest) => {
    const existing = requests.find((r) => r.type === request.type);
    if (!existing) requests.push(request);
    else if (existing.soft && !request.soft) Object.assign(existing, request);
  };
  for (const m of mentions) {
    const { kind, name } = splitId(m.id);
    if (kind !== 'effect' || m.negated) continue;
    const entry = EFFECT_TABLE.find((e) => e.type === name)!;
    const intensity = entry.phraseIntensity?.[m.phrase] ?? intensityNear(text, m.index, spans) ?? entry.intensity;
    const soft = (entry.softPhrases ?? []).includes(m.phrase);
    add({ type: entry.type, intensity, phrase: m.phrase, index: m.index, soft });
    // what a phrase brings along is soft: a storm's cloud cover is left out silently where there is no sky
    for (const implied of entry.implies?.[m.phrase] ?? []) {
      add({ type: implied, intensity: EFFECT_TABLE.find((e) => e.type === implied)!.intensity, phrase: m.phrase, index: m.index, soft: true, by: entry.type });
    }
  }
  return requests;
}
