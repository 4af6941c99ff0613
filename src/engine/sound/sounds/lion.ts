/**
 * A big cat's roar: a deep, rough voice (~130–180 Hz falling to ~90, square vocal folds make it
 * loud and noisy) through a long throat's low formants, swelling fast and rolling away over two
 * seconds, then a few grunts.
 */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const lion: SoundDef = {
  id: 'lion', family: 'effect', kind: 'event', animalVoice: true, length: 3,
  description: 'a lion or tiger roaring',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const f = rng.range(130, 180);
    const call = (seconds: number, fall: number) => {
      const n = Math.round(seconds * sampleRate);
      const v = formants(pulseTrain(n, (i) => f * (1 - fall * (i / n)), sampleRate, () => rng.next(), 0.9), [{ f: 450, bw: 200, gain: 1 }, { f: 950, bw: 250, gain: 0.7 }, { f: 1900, bw: 350, gain: 0.3 }], sampleRate);
      for (let i = 0; i < n; i++) { const x = i / n; v[i]! *= Math.min(1, x / 0.12) * (1 - x) ** 1.2; }
      return v;
    };
    addAt(out, call(Math.min(1.8, frames / sampleRate - 0.1), 0.45), Math.round(0.02 * sampleRate), 1);
    for (let k = 0, t = 1.95; k < 3 && (t + 0.3) * sampleRate < frames; k++, t += rng.range(0.3, 0.4)) addAt(out, call(0.22, 0.2), Math.round(t * sampleRate), 0.5 - 0.1 * k);
    return normalizePeak(out, 0.5);
  },
};
