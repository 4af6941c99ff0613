/**
 * Effects the picture suggests on its own, added when cfg_scale lets the image lead:
 *
 * | picture (tag and mask both present)  | effect          |
 * |--------------------------------------|-----------------|
 * | water                                | water_shimmer   |
 * | foliage                              | foliage_sway    |
 * | a daytime sky (not `space`)          | clouds          |
 * | a night sky (tag night, or dark sky) | stars           |
 *
 * cfg ≤ 0.35: every suggestion whose region covers ≥ 3 % of the frame; 0.35 < cfg ≤ 0.6: only
 * regions covering ≥ 12 %; cfg > 0.6: none (the prompt leads: only what it asks for). Intensity
 * is subtle and falls as cfg rises (base × (1 − 0.6·cfg)).
 *
 * @example
 *   impliedEffects(makeScene({ water: true }), 0.2);   // [{ type: 'water_shimmer', intensity: 0.35 }]
 */
import type { EffectType } from '../../../plan.js';
import type { Scene } from '../../../scene.js';
import { regionCoverage } from '../scene-measures.js';

export function impliedEffects(scene: Scene, cfgScale: number): Array<{ type: EffectType; intensity: number }> {
  if (cfgScale > 0.6) return [];
  const minCoverage = cfgScale <= 0.35 ? 0.03 : 0.12;
  const scale = 1 - 0.6 * cfgScale;
  const night = (scene.tags as string[]).includes('night') || (scene.stats.meanLuma < 0.15 && !(scene.tags as string[]).includes('day'));
  const out: Array<{ type: EffectType; intensity: number }> = [];
  // both the analyzer's tag and the mask must agree: a suggestion is a judgement, not a mask artefact
  const offer = (type: EffectType, region: 'water' | 'foliage' | 'sky', base: number) => {
    if ((scene.tags as string[]).includes(region) && regionCoverage(scene, region) >= minCoverage) {
      out.push({ type, intensity: Math.round(base * scale * 1000) / 1000 });
    }
  };
  offer('water_shimmer', 'water', 0.4);
  offer('foliage_sway', 'foliage', 0.35);
  if (!(scene.tags as string[]).includes('space')) offer(night ? 'stars' : 'clouds', 'sky', night ? 0.45 : 0.35);
  return out;
}
