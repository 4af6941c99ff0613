/** A cow's moo: a long low voiced call (~120 Hz, rising a little then sagging) through a closed-to-open "mm-ooo" mouth. */
import { normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const cowMoo: SoundDef = {
  id: 'cow_moo', family: 'effect', kind: 'event', animalVoice: true, length: 2,
  description: 'a cow mooing',
  render(frames, { rng, sampleRate }) {
    const len = Math.min(frames, Math.round(rng.range(1.3, 1.7) * sampleRate));
    const base = rng.range(105, 135);
    const x = (i: number) => i / len;
    const src = pulseTrain(len, (i) => base * (1 + 0.25 * Math.sin(Math.PI * Math.min(1, x(i) * 1.5)) - 0.1 * x(i)), sampleRate, () => rng.next(), 0.08);
    const out = formants(src, [
      { f: (i) => 250 + 350 * Math.min(1, x(i) * 3), bw: 90, gain: 1 },
      { f: (i) => 700 + 300 * Math.min(1, x(i) * 3), bw: 120, gain: 0.4 },
      { f: 2300, bw: 250, gain: 0.1 },
    ], sampleRate);
    const res = new Float32Array(frames);
    for (let i = 0; i < len; i++) res[i] = out[i]! * Math.min(1, i / (0.15 * sampleRate), (len - i) / (0.3 * sampleRate));
    return normalizePeak(res, 0.5);
  },
};
