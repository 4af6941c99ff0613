/** A sigh: a long breathy out-breath, "haaah", through an open vowel, barely voiced, its pitch and level falling. */
import { normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const sigh: SoundDef = {
  id: 'sigh', family: 'effect', kind: 'event', length: 1.5,
  description: 'a person sighing',
  render(frames, { rng, sampleRate }) {
    const len = Math.min(frames, Math.round(1.3 * sampleRate));
    const f = rng.range(150, 220);
    const src = pulseTrain(len, (i) => f * (1 - 0.25 * (i / len)), sampleRate, () => rng.next(), 2.5);
    const out = formants(src, [{ f: 750, bw: 200, gain: 1 }, { f: 1200, bw: 220, gain: 0.6 }, { f: 2500, bw: 300, gain: 0.3 }], sampleRate);
    const res = new Float32Array(frames);
    for (let i = 0; i < len; i++) { const x = i / len; res[i] = out[i]! * Math.min(1, x / 0.12) * (1 - x) ** 1.5; }
    return normalizePeak(res, 0.5);
  },
};
