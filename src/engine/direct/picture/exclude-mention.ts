/**
 * Applies one excluded vocabulary mention ("move:pan_left", "generic:zoom", "effect:rain",
 * "look:noir", "flag:blur") to the exclusions. Shared by negative_prompt and the prompt's own
 * negations ("no rain").
 *
 * @example
 *   excludeMention('generic:zoom', ex, 'negative_prompt');   // ex.moves gets push_in, pull_out, dolly_zoom
 */
import type { CameraMove, EffectType } from '../../plan.js';
import { GENERIC_MOVE_TABLE } from './camera/moves.js';
import type { Exclusions } from './exclusions.js';
import { splitId } from './vocabulary.js';

export function excludeMention(id: string, exclusions: Exclusions, source: 'negative_prompt' | 'the prompt'): void {
  const { kind, name } = splitId(id);
  const by = (key: string) => { if (!exclusions.sources.has(key)) exclusions.sources.set(key, source); };
  switch (kind) {
    case 'move':
      exclusions.moves.add(name as CameraMove);
      by(name);
      if (name === 'handheld') exclusions.noShake = true;
      if (name === 'rack_focus') exclusions.noBlur = true;
      break;
    case 'generic': {
      const generic = GENERIC_MOVE_TABLE.find((g) => g.id === name)!;
      for (const move of generic.family) { exclusions.moves.add(move); by(move); }
      if (name === 'motion') exclusions.forceStatic = true;
      if (name === 'shake') exclusions.noShake = true;
      break;
    }
    case 'effect':
      exclusions.effects.add(name as EffectType);
      by(name);
      break;
    case 'look':
      exclusions.looks.add(name);
      break;
    case 'flag':
      if (name === 'flicker') {
        exclusions.noFlicker = true;
        for (const e of ['candle_flicker', 'neon_flicker'] as const) { exclusions.effects.add(e); by(e); }
      } else if (name === 'flash') {
        exclusions.effects.add('lightning');
        by('lightning');
      } else if (name === 'blur') {
        exclusions.noBlur = true;
        exclusions.moves.add('rack_focus');
        by('rack_focus');
      }
      break;
  }
}
