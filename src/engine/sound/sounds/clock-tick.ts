/** Clock tick: a mechanical tick-tock, one a second, alternating pitch. */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, struckTone } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const clockTick: SoundDef = {
  id: 'clock_tick', family: 'effect', kind: 'event', sustained: true, length: 4,
  description: 'a ticking clock',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    for (let k = 0; k * sampleRate < frames; k++) {
      const at = Math.round(k * sampleRate);
      addAt(out, struckTone(k % 2 ? 2600 : 3200, [1, 1.7], [1, 0.5], 0.008, sampleRate), at, 1);
      addAt(out, noiseBurst(0.01, 'highpass', 3000, 0.7, 0.002, rng, sampleRate), at, 0.6);
    }
    return normalizePeak(out, 0.5);
  },
};
