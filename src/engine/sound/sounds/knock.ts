/** Knock: three knuckle raps on a wooden door (a hollow resonance under a short tap). */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, struckTone } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const knock: SoundDef = {
  id: 'knock', family: 'effect', kind: 'event', length: 0.9,
  description: 'knocking on a door',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    for (let k = 0; k < 3; k++) {
      const at = Math.round(k * 0.22 * sampleRate);
      addAt(out, struckTone(rng.range(190, 230), [1, 2.1, 3.4], [1, 0.4, 0.2], 0.03, sampleRate), at, 1);
      addAt(out, noiseBurst(0.02, 'bandpass', 1500, 1, 0.004, rng, sampleRate), at, 0.5);
    }
    return normalizePeak(out, 0.5);
  },
};
