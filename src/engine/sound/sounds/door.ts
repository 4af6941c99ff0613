/** Door slam: a heavy low thump, the crack of the latch and a short rattle of the frame. */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, sineSweep } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const door: SoundDef = {
  id: 'door', family: 'effect', kind: 'event', length: 0.8,
  description: 'a door slamming shut',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    addAt(out, sineSweep(110, 55, 0.5, 0.09, sampleRate), 0, 1);
    addAt(out, noiseBurst(0.1, 'bandpass', 1200, 0.7, 0.015, rng, sampleRate), 0, 0.8);
    for (let k = 1; k < 5; k++) addAt(out, noiseBurst(0.03, 'bandpass', 2500, 2, 0.006, rng, sampleRate), Math.round((0.05 + 0.035 * k) * sampleRate), 0.3 / k);
    return normalizePeak(out, 0.5);
  },
};
