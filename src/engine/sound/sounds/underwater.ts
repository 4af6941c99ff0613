/** Underwater: muffled, pressured low rumble with bubbles rising (sines gliding up). */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizeRms } from '../dsp/buffer.js';
import { poissonOnsets, sineSweep } from '../dsp/burst.js';
import { brownNoise, wander } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const underwater: SoundDef = {
  id: 'underwater', family: 'ambience', kind: 'bed', length: 0, loudness: -22,
  description: 'muffled underwater rumble with bubbles',
  render(frames, { rng, sampleRate }) {
    const out = brownNoise(frames, rng);
    biquad(out, 'lowpass', 350, 0.9, sampleRate);
    const swell = wander(frames, rng, 1.5, sampleRate);
    for (let i = 0; i < frames; i++) out[i]! *= 0.5 + swell[i]!;
    for (const at of poissonOnsets(frames, 4, rng, sampleRate)) {
      const f = rng.range(250, 700);
      addAt(out, sineSweep(f, f * 2.2, 0.08, 0.03, sampleRate), at, 0.25);
    }
    return normalizeRms(out, 0.1);
  },
};
