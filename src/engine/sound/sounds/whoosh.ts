/** Whoosh: air rushing past, a band of noise sweeping up then down under a swell (whip pans, cuts). */
import { sweptFilter } from '../dsp/biquad.js';
import { normalizePeak } from '../dsp/buffer.js';
import { pinkNoise } from '../dsp/noise.js';
import { num, type SoundDef } from './types.js';

export const whoosh: SoundDef = {
  id: 'whoosh', family: 'effect', kind: 'event', length: 0.7,
  description: 'a whoosh of air (whip pans, cuts, fast motion)',
  render(frames, { rng, sampleRate, params }) {
    const n = Math.min(frames, Math.round(num(params, 'length', 0.7) * sampleRate));
    const out = pinkNoise(n, rng);
    const env = (i: number) => { const t = i / n; return Math.pow(Math.sin(Math.PI * Math.pow(t, 0.7)), 2); };
    sweptFilter(out, 'bandpass', (i) => 300 + 2500 * env(i), 1.5, sampleRate);
    for (let i = 0; i < n; i++) out[i]! *= env(i);
    const result = new Float32Array(frames);
    result.set(out);
    return normalizePeak(result, 0.5);
  },
};
