/** A stadium crowd's roar: hundreds of voices on long open vowels, dense enough to merge, over a low wash, rising and falling in slow waves. */
import { biquad } from '../dsp/biquad.js';
import { normalizeRms } from '../dsp/buffer.js';
import { crowdVoices, VOWELS } from '../dsp/crowd-voices.js';
import { pinkNoise, wander } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const crowdRoar: SoundDef = {
  id: 'crowd_roar', family: 'ambience', kind: 'bed', people: true, length: 0, loudness: -16,
  description: 'a stadium crowd roaring',
  render(frames, { rng, sampleRate }) {
    const waves = wander(frames, rng, 3, sampleRate);
    const out = crowdVoices(frames, sampleRate, rng, { rate: 45, f0: [130, 320], length: [0.6, 1.4], rise: 0.1, vowels: [VOWELS.a, VOWELS.o, VOWELS.ae], breath: 0.5 });
    const wash = biquad(pinkNoise(frames, rng), 'bandpass', 700, 0.5, sampleRate);
    for (let i = 0; i < frames; i++) out[i] = (out[i]! + wash[i]! * 0.25) * (0.75 + 0.25 * waves[i]!);
    return normalizeRms(out, 0.1);
  },
};
