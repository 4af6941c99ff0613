/**
 * Heavy breathing, heard close: in-breaths and out-breaths of turbulent air through the mouth and
 * throat (noise through an open vowel's formants), the in-breath higher and thinner, the out-breath
 * longer and lower, a breath every ~1.5–2.5 s (params.rate: breaths per second).
 */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { formants } from '../dsp/resonator.js';
import { num, type SoundDef } from './types.js';
import type { Random } from '../../util/random.js';

/** One breath of `seconds`: noise through formants, swelling and fading. */
function breath(seconds: number, formantsHz: readonly [number, number, number], rng: Random, sampleRate: number): Float32Array {
  const n = Math.round(seconds * sampleRate);
  const src = new Float32Array(n);
  for (let i = 0; i < n; i++) src[i] = rng.next() * 2 - 1;
  const out = formants(src, [{ f: formantsHz[0], bw: 250, gain: 1 }, { f: formantsHz[1], bw: 300, gain: 0.7 }, { f: formantsHz[2], bw: 400, gain: 0.4 }], sampleRate);
  for (let i = 0; i < n; i++) { const x = i / n; out[i]! *= Math.sin(Math.PI * Math.min(1, x * 1.6)) ** 0.8 * (x < 0.62 ? 1 : Math.max(0, 1 - (x - 0.62) / 0.38)); }
  return out;
}

export const breathing: SoundDef = {
  id: 'breathing', family: 'effect', kind: 'event', sustained: true, length: 4,
  description: 'heavy breathing, close',
  render(frames, { rng, sampleRate, params }) {
    const out = new Float32Array(frames);
    const period = 1 / num(params, 'rate', rng.range(0.45, 0.6));
    for (let t = rng.range(0, 0.2); t * sampleRate < frames; t += period * rng.range(0.93, 1.07)) {
      addAt(out, breath(period * 0.38, [900, 1500, 2700], rng, sampleRate), Math.round(t * sampleRate), 0.6);
      addAt(out, breath(period * 0.5, [650, 1150, 2500], rng, sampleRate), Math.round((t + period * 0.42) * sampleRate), 1);
    }
    return normalizePeak(out, 0.5);
  },
};
