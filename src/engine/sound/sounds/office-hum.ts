/** Office hum: air conditioning (band noise) and the mains hum of lights and machines. */
import { biquad } from '../dsp/biquad.js';
import { normalizeRms } from '../dsp/buffer.js';
import { pinkNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const officeHum: SoundDef = {
  id: 'office_hum', family: 'ambience', kind: 'bed', length: 0, loudness: -28,
  description: 'air conditioning and the hum of an office',
  render(frames, { rng, sampleRate }) {
    const out = pinkNoise(frames, rng);
    biquad(out, 'bandpass', 350, 0.6, sampleRate);
    const w = (2 * Math.PI * 60) / sampleRate;
    for (let i = 0; i < frames; i++) out[i]! += (Math.sin(w * i) * 0.05 + Math.sin(2 * w * i) * 0.03 + Math.sin(3 * w * i) * 0.015);
    return normalizeRms(out, 0.1);
  },
};
