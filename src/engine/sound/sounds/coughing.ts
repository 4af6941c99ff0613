/**
 * A person coughing: two or three coughs, each a sharp burst as the glottis opens under pressure
 * (broadband turbulence, a little voiced at its start) through the throat's open vowel,
 * decaying fast, the later ones weaker.
 */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';
import type { Random } from '../../util/random.js';

function cough(seconds: number, rng: Random, sampleRate: number): Float32Array {
  const n = Math.round(seconds * sampleRate);
  const f = rng.range(140, 220);
  const src = pulseTrain(n, () => f, sampleRate, () => rng.next(), 2.2);
  const out = formants(src, [{ f: 600, bw: 250, gain: 1 }, { f: 1200, bw: 300, gain: 0.7 }, { f: 2500, bw: 400, gain: 0.4 }], sampleRate);
  const attack = 0.006 * sampleRate;
  for (let i = 0; i < n; i++) out[i]! *= Math.min(1, i / attack) * Math.exp(-i / (0.07 * sampleRate));
  return out;
}

export const coughing: SoundDef = {
  id: 'coughing', family: 'effect', kind: 'event', length: 1.5,
  description: 'a person coughing',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const count = 2 + rng.int(2);
    let t = 0.02;
    for (let k = 0; k < count; k++) {
      addAt(out, cough(0.3, rng, sampleRate), Math.round(t * sampleRate), 1 - 0.25 * k);
      t += rng.range(0.3, 0.42);
    }
    return normalizePeak(out, 0.5);
  },
};
