/** Camera shutter: the mirror slap and the shutter curtain, two sharp clicks 60 ms apart. */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const cameraShutter: SoundDef = {
  id: 'camera_shutter', family: 'effect', kind: 'event', length: 0.3,
  description: 'a camera shutter click',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    addAt(out, noiseBurst(0.04, 'bandpass', 3500, 1, 0.005, rng, sampleRate), 0, 1);
    addAt(out, noiseBurst(0.05, 'bandpass', 2200, 1, 0.008, rng, sampleRate), Math.round(0.06 * sampleRate), 0.8);
    return normalizePeak(out, 0.5);
  },
};
