/**
 * A gunshot outdoors: the muzzle's sharp crack (a broadband burst over in milliseconds), the
 * low boom of the blast behind it, and its echoes off buildings and hills for a second after.
 */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, sineSweep } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const gunshot: SoundDef = {
  id: 'gunshot', family: 'effect', kind: 'event', length: 2,
  description: 'a gunshot and its echoes',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const shot = new Float32Array(Math.round(0.5 * sampleRate));
    addAt(shot, noiseBurst(0.05, 'highpass', 1000, 0.7, 0.004, rng, sampleRate), 0, 1);
    addAt(shot, sineSweep(120, 40, 0.4, 0.08, sampleRate), 0, 0.8);
    addAt(shot, noiseBurst(0.4, 'lowpass', 700, 0.7, 0.06, rng, sampleRate), 0, 0.5);
    addAt(out, shot, 0, 1);
    // echoes: later ones softer and duller
    for (let k = 0, t = rng.range(0.25, 0.4); k < 4 && t * sampleRate < frames; k++, t += rng.range(0.2, 0.45)) {
      addAt(out, noiseBurst(0.4, 'lowpass', 900 - 150 * k, 0.7, 0.08, rng, sampleRate), Math.round(t * sampleRate), 0.22 / (1 + k));
    }
    return normalizePeak(out, 0.5);
  },
};
