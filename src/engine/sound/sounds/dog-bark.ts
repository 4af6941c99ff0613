/**
 * A dog barking: "woof! woof!" — each bark a short voiced burst (f0 jumping up to ~500 Hz then
 * falling, harsh with noise) through an open-mouth vowel's formants, ~0.15 s long, repeated at a
 * steady ~0.4 s: the periodicity is the bark.
 */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import { num, type SoundDef } from './types.js';

export const dogBark: SoundDef = {
  id: 'dog_bark', family: 'effect', kind: 'event', animalVoice: true, length: 1.6,
  description: 'a dog barking a few times',
  render(frames, { rng, sampleRate, params }) {
    const out = new Float32Array(frames);
    const size = rng.range(0.8, 1.2); // bigger dogs bark lower
    const interval = rng.range(0.36, 0.44);
    const barks = Math.max(1, Math.round(num(params, 'count', Math.floor((frames / sampleRate) / interval))));
    for (let b = 0; b < barks; b++) {
      const len = Math.round(rng.range(0.13, 0.18) * sampleRate);
      const peak = (rng.range(420, 560) / size);
      const f0 = (i: number) => { const x = i / len; return peak * (x < 0.15 ? 0.7 + 2 * x : 1 - 0.45 * (x - 0.15)); };
      const src = pulseTrain(len, f0, sampleRate, () => rng.next(), 0.5);
      const bark = formants(src, [{ f: 900 / size, bw: 250, gain: 1 }, { f: 1700 / size, bw: 300, gain: 0.6 }, { f: 2800, bw: 400, gain: 0.3 }], sampleRate);
      for (let i = 0; i < len; i++) bark[i]! *= Math.min(1, i / (0.008 * sampleRate)) * Math.exp(-i / (0.07 * sampleRate));
      addAt(out, bark, Math.round(b * interval * sampleRate), rng.range(0.85, 1));
    }
    return normalizePeak(out, 0.5);
  },
};
