/**
 * A DirectInput with sensible defaults for director tests: an empty prompt, cfg 0.5, 5 s, seed 1,
 * a small frame, sound on, no voices. Override any field.
 *
 * @example
 *   const input = makeInput({ prompt: 'slow push in', cfgScale: 0.8 });
 */
import type { DirectInput } from '../../src/engine/direct/input.js';

export function makeInput(overrides: Partial<DirectInput> = {}): DirectInput {
  return {
    prompt: '', negativePrompt: '', cfgScale: 0.5, duration: 5, seed: 1,
    width: 320, height: 180, sound: true, voices: [],
    ...overrides,
  };
}
