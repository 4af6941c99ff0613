/** Stream: a babbling brook, bright water noise with fast random modulation and small bubbles. */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizeRms } from '../dsp/buffer.js';
import { poissonOnsets, sineSweep } from '../dsp/burst.js';
import { pinkNoise, wander } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const stream: SoundDef = {
  id: 'stream', family: 'ambience', kind: 'bed', length: 0, loudness: -22,
  description: 'a babbling brook',
  render(frames, { rng, sampleRate }) {
    const out = pinkNoise(frames, rng);
    biquad(out, 'bandpass', 1800, 0.5, sampleRate);
    const babble = wander(frames, rng, 0.06, sampleRate);
    for (let i = 0; i < frames; i++) out[i]! *= 0.4 + babble[i]!;
    for (const at of poissonOnsets(frames, 25, rng, sampleRate)) {
      const f = rng.range(600, 2200);
      addAt(out, sineSweep(f, f * 1.6, 0.04, 0.012, sampleRate), at, 0.08);
    }
    return normalizeRms(out, 0.1);
  },
};
