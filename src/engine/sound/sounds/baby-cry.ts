/**
 * A baby crying: "waa … waa", long tense cries on a high voice (~400–550 Hz, a small throat's
 * formants), each swelling, wavering and falling at its end, with a gulped in-breath between.
 */
import { addAt, fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst } from '../dsp/burst.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const babyCry: SoundDef = {
  id: 'baby_cry', family: 'effect', kind: 'event', length: 3,
  description: 'a baby crying',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const base = rng.range(400, 520);
    let t = 0.02;
    while ((t + 0.6) * sampleRate < frames) {
      const len = Math.round(rng.range(0.7, 1) * sampleRate);
      const f0 = (i: number) => { const x = i / len; return base * (x < 0.15 ? 0.9 + 0.7 * x : x > 0.8 ? 1 - 0.9 * (x - 0.8) : 1) * (1 + 0.02 * Math.sin((2 * Math.PI * 9 * i) / sampleRate)); };
      const cry = formants(pulseTrain(len, f0, sampleRate, () => rng.next(), 0.2), [{ f: 1100, bw: 250, gain: 1 }, { f: 2100, bw: 300, gain: 0.7 }, { f: 3900, bw: 400, gain: 0.3 }], sampleRate);
      fadeEdges(cry, 0.06 * sampleRate, 0.1 * sampleRate);
      addAt(out, cry, Math.round(t * sampleRate), 1);
      t += len / sampleRate + 0.05;
      addAt(out, noiseBurst(0.15, 'bandpass', 1800, 1.5, 0.05, rng, sampleRate), Math.round(t * sampleRate), 0.2); // the gulp
      t += rng.range(0.25, 0.4);
    }
    return normalizePeak(out, 0.5);
  },
};
