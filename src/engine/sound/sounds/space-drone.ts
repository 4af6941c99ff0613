/** Space drone: slowly beating low sines and a filtered breath of noise: the hum of the void. */
import { biquad } from '../dsp/biquad.js';
import { normalizeRms } from '../dsp/buffer.js';
import { pinkNoise, wander } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const spaceDrone: SoundDef = {
  id: 'space_drone', family: 'ambience', kind: 'bed', length: 0, loudness: -24,
  description: 'a deep, slowly evolving space drone',
  render(frames, { rng, sampleRate }) {
    const out = pinkNoise(frames, rng);
    biquad(out, 'bandpass', 400, 3, sampleRate);
    const breath = wander(frames, rng, 2, sampleRate);
    const freqs = [55, 55.4, 82.4, 110.3, 164.8];
    for (let i = 0; i < frames; i++) {
      let s = 0;
      for (let k = 0; k < freqs.length; k++) s += Math.sin((2 * Math.PI * freqs[k]! * i) / sampleRate) / (k + 1);
      out[i] = s * 0.3 + out[i]! * (0.3 + breath[i]!);
    }
    return normalizeRms(out, 0.1);
  },
};
