/** Explosion: a deep boom (falling sine), a broadband blast and a long debris tail. */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, sineSweep } from '../dsp/burst.js';
import { brownNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const explosion: SoundDef = {
  id: 'explosion', family: 'effect', kind: 'event', length: 3,
  description: 'an explosion: boom, blast and debris',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    addAt(out, sineSweep(90, 30, 2, 0.5, sampleRate), 0, 1);
    addAt(out, noiseBurst(1.2, 'lowpass', 3000, 0.7, 0.18, rng, sampleRate), 0, 0.9);
    const tail = brownNoise(frames, rng);
    biquad(tail, 'lowpass', 300, 0.7, sampleRate);
    for (let i = 0; i < frames; i++) out[i]! += tail[i]! * Math.exp(-i / (1 * sampleRate)) * 1.5;
    return normalizePeak(out, 0.5);
  },
};
