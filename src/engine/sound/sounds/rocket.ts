/**
 * A rocket launch: ignition, then the exhaust's roar — broadband turbulent noise heavy in the lows
 * with the crackle of shock cells (sparse sharp impulses) — swelling and holding.
 */
import { biquad } from '../dsp/biquad.js';
import { normalizePeak } from '../dsp/buffer.js';
import { brownNoise, pinkNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const rocket: SoundDef = {
  id: 'rocket', family: 'effect', kind: 'event', sustained: true, length: 5,
  description: 'a rocket launch: a deep turbulent roar with crackle',
  render(frames, { rng, sampleRate }) {
    const rumble = brownNoise(frames, rng);
    const hiss = biquad(pinkNoise(frames, rng), 'lowpass', 2500, 0.7, sampleRate);
    const out = new Float32Array(frames);
    for (let i = 0; i < frames; i++) {
      const t = i / sampleRate;
      const swell = Math.min(1, t / 1.2) ** 1.5;
      const crackle = rng.next() < 0.004 * swell ? (rng.next() * 2 - 1) * 3 : 0;
      out[i] = (rumble[i]! * 2.5 + hiss[i]! * 0.6 + crackle) * swell;
    }
    biquad(out, 'lowpass', 3000, 0.7, sampleRate);
    return normalizePeak(out, 0.5);
  },
};
