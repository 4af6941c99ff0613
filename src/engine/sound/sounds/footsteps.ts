/** Footsteps: a heel thump and a gritty scuff per step, walking pace, over params.length seconds. */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, sineSweep } from '../dsp/burst.js';
import { num, type SoundDef } from './types.js';

export const footsteps: SoundDef = {
  id: 'footsteps', family: 'effect', kind: 'event', length: 3,
  description: 'footsteps at a walking pace',
  render(frames, { rng, sampleRate, params }) {
    const out = new Float32Array(frames);
    const interval = num(params, 'interval', 0.55);
    for (let t = 0; t < num(params, 'length', 3) && t * sampleRate < frames; t += interval * rng.range(0.93, 1.07)) {
      const at = Math.round(t * sampleRate);
      addAt(out, sineSweep(120, 60, 0.08, 0.02, sampleRate), at, 0.8);
      addAt(out, noiseBurst(0.06, 'bandpass', rng.range(1500, 3000), 0.8, 0.015, rng, sampleRate), at + Math.round(0.01 * sampleRate), 0.6);
    }
    return normalizePeak(out, 0.5);
  },
};
