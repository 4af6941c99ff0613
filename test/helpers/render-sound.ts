/**
 * One row of the sound table rendered on its own, as the mixer would: `seconds` of mono at 48 kHz,
 * intensity 0.5, the given params (none by default), randomness from `seed`.
 */
import { SOUNDS } from '../../src/engine/sound/sounds/table.js';
import { createRandom } from '../../src/engine/util/random.js';

export const SOUND_RATE = 48000;

export const renderSound = (id: string, seconds: number, seed: number, params: Record<string, number | string | boolean> = {}): Float32Array =>
  SOUNDS.get(id)!.render(Math.round(seconds * SOUND_RATE), { rng: createRandom(seed), sampleRate: SOUND_RATE, intensity: 0.5, params });
