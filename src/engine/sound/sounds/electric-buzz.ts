/** Electric buzz: a neon sign's 120 Hz buzz, rich in harmonics, with small flickering dropouts. */
import { biquad } from '../dsp/biquad.js';
import { normalizeRms } from '../dsp/buffer.js';
import { wander } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const electricBuzz: SoundDef = {
  id: 'electric_buzz', family: 'ambience', kind: 'bed', length: 0, loudness: -30,
  description: 'the buzz of a neon sign',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const flicker = wander(frames, rng, 0.08, sampleRate);
    let phase = 0;
    for (let i = 0; i < frames; i++) {
      phase += 120 / sampleRate;
      const saw = 2 * (phase % 1) - 1;
      out[i] = saw * (flicker[i]! > 0.15 ? 1 : 0.2);
    }
    biquad(out, 'lowpass', 3000, 0.7, sampleRate);
    return normalizeRms(out, 0.1);
  },
};
