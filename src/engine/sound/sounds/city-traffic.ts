/** City traffic: a low urban rumble with cars swelling past (a filter sweep and a level swell each). */
import { biquad, sweptFilter } from '../dsp/biquad.js';
import { addAt, normalizeRms } from '../dsp/buffer.js';
import { brownNoise, pinkNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const cityTraffic: SoundDef = {
  id: 'city_traffic', family: 'ambience', kind: 'bed', length: 0, loudness: -20,
  description: 'distant city traffic with cars passing',
  render(frames, { rng, sampleRate, intensity }) {
    const out = normalizeRms(biquad(brownNoise(frames, rng), 'lowpass', 400, 0.7, sampleRate), 0.03);
    const passLen = Math.round(2.2 * sampleRate);
    let at = -Math.round(rng.range(0, 2) * sampleRate);
    while (at < frames) {
      const car = pinkNoise(passLen, rng);
      sweptFilter(car, 'lowpass', (i) => 300 + 1800 * Math.sin((Math.PI * i) / passLen), 0.9, sampleRate);
      for (let i = 0; i < passLen; i++) { const s = Math.sin((Math.PI * i) / passLen); car[i]! *= s * s * s; }
      addAt(out, car, at, rng.range(0.1, 0.25));
      at += Math.round(rng.range(0.7, 2.2) / (0.5 + intensity) * sampleRate);
    }
    return normalizeRms(out, 0.1);
  },
};
