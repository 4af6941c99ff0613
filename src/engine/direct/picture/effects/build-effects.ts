/**
 * The plan's effects: the asked ones (minus exclusions; skipped with a note when the picture
 * lacks the region they need), then the image-implied ones. Every effect runs the whole clip and
 * fades in (fade_in > 0) so frame 0 stays the untouched input; lightning carries its flash times,
 * lights_out its one instant.
 *
 * @example
 *   buildEffects(requests, implied, { scene, duration: 5, cfgScale: 0.5, … }, notes);
 */
import type { Effect, EffectType } from '../../../plan.js';
import type { Scene } from '../../../scene.js';
import { createRandom, deriveSeed } from '../../../util/random.js';
import { clauseText } from '../clauses.js';
import type { Exclusions } from '../exclusions.js';
import { hasRegion } from '../scene-measures.js';
import type { EffectRequest } from './choose-effects.js';
import { EFFECT_TABLE } from './table.js';
import { lightningTimes } from './lightning-times.js';
import { readWind } from './wind.js';
import type { AskedAt } from '../../order-steps.js';

export interface EffectSetting {
  scene: Scene;
  duration: number;
  cfgScale: number;
  seed: number;
  /** the prompt, quotes blanked */
  text: string;
  exclusions: Exclusions;
  /** where each timed event was asked for (order-steps.ts): a lights-out instant is recorded */
  askedAt?: AskedAt;
}

const REGION_WORD = { sky: 'sky', water: 'water', foliage: 'foliage (trees, grass, plants)', lights: 'light sources' } as const;
const round = (v: number) => Math.round(v * 1000) / 1000;

export function buildEffects(asked: readonly EffectRequest[], implied: ReadonlyArray<{ type: EffectType; intensity: number }>, setting: EffectSetting, notes: string[]): Effect[] {
  const { scene, duration, exclusions } = setting;
  const wind = readWind(setting.text, createRandom(deriveSeed(setting.seed, 'wind')));
  const effects: Effect[] = [];
  const make = (type: EffectType, intensity: number, clause: string, asked?: EffectRequest) => {
    const entry = EFFECT_TABLE.find((e) => e.type === type)!;
    const rng = createRandom(deriveSeed(setting.seed, `effect:${type}`));
    const params = entry.params({ scene, duration, intensity, text: setting.text, clause, wind, rng });
    if (exclusions.noFlicker && typeof params.flicker === 'number') params.flicker = 0;
    effects.push({
      type, intensity: round(Math.min(1, Math.max(0.05, intensity))), start: 0, end: duration,
      fade_in: round(Math.min(entry.fadeIn, duration / 3)),
      region: typeof entry.region === 'function' ? entry.region(scene) : entry.region,
      events: type === 'lightning' ? lightningTimes(rng, duration, intensity) : type === 'lights_out' ? [round(Math.min(Math.max(0.6, duration - 0.5), 1))] : [],
      params,
    });
    // an instant the prompt asks for ("he snaps his fingers and the lights go out") is ordered with the other steps
    if (asked && type === 'lights_out') setting.askedAt?.set(effects[effects.length - 1]!, { at: asked.index, words: `'${asked.phrase}'` });
  };

  for (const request of asked) {
    const entry = EFFECT_TABLE.find((e) => e.type === request.type)!;
    // what an excluded effect would have brought along goes with it (its note says why), and a
    // companion the user excluded just stays out (the phrase that brought it is still honoured)
    if (request.by && (exclusions.effects.has(request.by) || exclusions.effects.has(request.type))) continue;
    if (exclusions.effects.has(request.type)) {
      const by = exclusions.sources.get(request.type) ?? 'negative_prompt';
      notes.push(`effect: '${request.phrase}' left out: ${by} excludes ${request.type.replace(/_/g, ' ')}`);
      continue;
    }
    const needs = typeof entry.needs === 'function' ? entry.needs(scene) : entry.needs;
    if (needs && !hasRegion(scene, needs)) {
      if (!request.soft) notes.push(`effect: '${request.phrase}' skipped: no ${REGION_WORD[needs]} found in the picture`);
      continue;
    }
    // cfg_scale: literal prompts get a little more of what they ask (0.8× … 1.2×)
    make(request.type, request.intensity * (0.8 + 0.4 * setting.cfgScale), clauseText(setting.text, request.index), request);
  }
  for (const extra of implied) {
    if (exclusions.effects.has(extra.type) || effects.some((e) => e.type === extra.type)) continue;
    make(extra.type, extra.intensity, '');
  }
  return effects;
}
