/** Crowd / café murmur: many indistinct voices, formant-band noise with syllable-rate modulation, plus a cup clink now and then. */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizeRms } from '../dsp/buffer.js';
import { poissonOnsets, struckTone } from '../dsp/burst.js';
import { pinkNoise, wander } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const crowdMurmur: SoundDef = {
  id: 'crowd_murmur', family: 'ambience', kind: 'bed', people: true, length: 0, loudness: -21,
  description: 'the murmur of a crowd or a busy café',
  render(frames, { rng, sampleRate, params }) {
    const out = new Float32Array(frames);
    for (const formant of [500, 1100, 2400]) {
      const band = pinkNoise(frames, rng);
      biquad(band, 'bandpass', formant, 2, sampleRate);
      const syllables = wander(frames, rng, 0.09, sampleRate);
      for (let i = 0; i < frames; i++) out[i]! += band[i]! * (0.3 + syllables[i]!);
    }
    if (params.variant === 'cafe') {
      for (const at of poissonOnsets(frames, 0.6, rng, sampleRate)) addAt(out, struckTone(rng.range(2500, 4000), [1, 2.3, 3.9], [1, 0.5, 0.3], 0.08, sampleRate), at, 0.02);
    }
    return normalizeRms(out, 0.1);
  },
};
