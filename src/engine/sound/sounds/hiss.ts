/**
 * A hiss — a cat's or a snake's, or steam's: air forced through a narrow gap, bright noise
 * (~3–7 kHz) that bursts out with a spit and tails off over most of a second.
 */
import { biquad } from '../dsp/biquad.js';
import { normalizePeak } from '../dsp/buffer.js';
import type { SoundDef } from './types.js';

export const hiss: SoundDef = {
  id: 'hiss', family: 'effect', kind: 'event', length: 1.2,
  description: 'a hiss (a cat, a snake, steam)',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const len = Math.min(frames, Math.round(rng.range(0.6, 0.9) * sampleRate));
    for (let i = 0; i < len; i++) {
      const x = i / len;
      // the spit: a harder first 60 ms
      out[i] = (rng.next() * 2 - 1) * Math.min(1, i / (0.01 * sampleRate)) * (x < 0.08 ? 1.3 : 1) * (1 - x) ** 0.8;
    }
    biquad(out, 'bandpass', rng.range(4000, 5200), 0.9, sampleRate);
    biquad(out, 'highpass', 2200, 0.7, sampleRate);
    return normalizePeak(out, 0.5);
  },
};
