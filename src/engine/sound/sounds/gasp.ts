/** A gasp: a sudden sharp in-breath — unvoiced turbulence through a rising "ah" shape, quick to start, quick to stop. */
import { normalizePeak } from '../dsp/buffer.js';
import { whiteNoise } from '../dsp/noise.js';
import { formants } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const gasp: SoundDef = {
  id: 'gasp', family: 'effect', kind: 'event', length: 0.6,
  description: 'a person gasping',
  render(frames, { rng, sampleRate }) {
    const len = Math.min(frames, Math.round(rng.range(0.3, 0.4) * sampleRate));
    const x = (i: number) => i / len;
    const out = formants(whiteNoise(len, rng), [{ f: (i) => 600 + 400 * x(i), bw: 250, gain: 1 }, { f: (i) => 1400 + 500 * x(i), bw: 300, gain: 0.7 }, { f: 2800, bw: 500, gain: 0.4 }], sampleRate);
    const res = new Float32Array(frames);
    for (let i = 0; i < len; i++) res[i] = out[i]! * Math.min(1, x(i) / 0.1) * Math.min(1, (1 - x(i)) / 0.25);
    return normalizePeak(res, 0.5);
  },
};
