/** Wind: noise through a resonant band that wanders with the gusts, loudness following them. */
import { sweptFilter, biquad } from '../dsp/biquad.js';
import { normalizeRms } from '../dsp/buffer.js';
import { pinkNoise, wander } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const wind: SoundDef = {
  id: 'wind', family: 'ambience', kind: 'bed', length: 0, loudness: -22,
  description: 'wind with slow gusts',
  render(frames, { rng, sampleRate, intensity }) {
    const out = pinkNoise(frames, rng);
    const gust = wander(frames, rng, 1.3, sampleRate);
    sweptFilter(out, 'bandpass', (i) => 250 + 700 * gust[i]! * (0.5 + intensity), 1.2, sampleRate);
    biquad(out, 'lowpass', 2500, 0.7, sampleRate);
    for (let i = 0; i < frames; i++) out[i]! *= 0.35 + gust[i]!;
    return normalizeRms(out, 0.1);
  },
};
