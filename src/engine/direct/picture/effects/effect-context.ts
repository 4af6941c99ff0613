/** What an effect's parameter builder knows: the picture, the clip, the clause that asked, the seed. */
import type { Scene } from '../../../scene.js';
import type { Random } from '../../../util/random.js';

export interface EffectContext {
  scene: Scene;
  duration: number;
  /** the chosen intensity 0…1 */
  intensity: number;
  /** the whole prompt (lowercase, quotes blanked) and the clause that named the effect */
  text: string;
  clause: string;
  /** wind read from the prompt: strength 0…1 and the direction it blows toward (-1 left … 1 right) */
  wind: { strength: number; toward: number };
  rng: Random;
}
