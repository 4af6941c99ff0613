/** Rain: a hiss of pink noise (the wash) plus thousands of small bright drop ticks. */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizeRms } from '../dsp/buffer.js';
import { noiseBurst, poissonOnsets } from '../dsp/burst.js';
import { pinkNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const rain: SoundDef = {
  id: 'rain', family: 'ambience', kind: 'bed', length: 0, loudness: -20,
  description: 'steady rain: hiss and drops, heavier with intensity',
  render(frames, { rng, sampleRate, intensity }) {
    const out = pinkNoise(frames, rng);
    biquad(out, 'highpass', 500, 0.7, sampleRate);
    biquad(out, 'lowpass', 9000, 0.7, sampleRate);
    const drop = noiseBurst(0.01, 'bandpass', 3500, 1.5, 0.002, rng, sampleRate);
    for (const at of poissonOnsets(frames, 150 + 500 * intensity, rng, sampleRate)) addAt(out, drop, at, 0.3 + rng.next() * 0.8);
    return normalizeRms(out, 0.1);
  },
};
