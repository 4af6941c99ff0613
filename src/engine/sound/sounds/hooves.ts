/**
 * Hooves galloping: a gallop's beat of three footfalls and a pause per stride (~1.6–2 strides a
 * second), each a dull thud on turf with a little clatter; params.gait 'trot' beats two.
 */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, sineSweep } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const hooves: SoundDef = {
  id: 'hooves', family: 'effect', kind: 'event', sustained: true, length: 3,
  description: 'hooves galloping',
  render(frames, { rng, sampleRate, params }) {
    const out = new Float32Array(frames);
    const stride = 1 / rng.range(1.6, 2);
    const beats = params.gait === 'trot' ? [0, 0.5] : [0, 0.14, 0.28];
    for (let t = rng.range(0, 0.1); t * sampleRate < frames; t += stride) {
      for (const b of beats) {
        const at = Math.round((t + b * stride * (params.gait === 'trot' ? 1 : 1.6) + rng.range(-0.008, 0.008)) * sampleRate);
        const level = rng.range(0.7, 1);
        addAt(out, sineSweep(rng.range(90, 120), 50, 0.12, 0.03, sampleRate), at, level);
        addAt(out, noiseBurst(0.04, 'bandpass', rng.range(800, 1500), 1, 0.008, rng, sampleRate), at, level * 0.5);
      }
    }
    return normalizePeak(out, 0.5);
  },
};
