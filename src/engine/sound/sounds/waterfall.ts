/** Waterfall: dense, steady roar of falling water with a low thunder underneath. */
import { biquad } from '../dsp/biquad.js';
import { normalizeRms } from '../dsp/buffer.js';
import { brownNoise, pinkNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const waterfall: SoundDef = {
  id: 'waterfall', family: 'ambience', kind: 'bed', length: 0, loudness: -17,
  description: 'the steady roar of a waterfall',
  render(frames, { rng, sampleRate }) {
    const out = pinkNoise(frames, rng);
    biquad(out, 'lowpass', 4000, 0.7, sampleRate);
    const low = brownNoise(frames, rng);
    biquad(low, 'lowpass', 200, 0.7, sampleRate);
    normalizeRms(out, 0.1);
    normalizeRms(low, 0.04); // the thunder under the roar, well below it
    for (let i = 0; i < frames; i++) out[i]! += low[i]!;
    return normalizeRms(out, 0.1);
  },
};
