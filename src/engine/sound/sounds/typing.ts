/** Typing: keys clicking at a typist's uneven pace, now and then the heavier space bar. */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, poissonOnsets } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const typing: SoundDef = {
  id: 'typing', family: 'effect', kind: 'event', sustained: true, length: 3,
  description: 'typing on a keyboard',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    for (const at of poissonOnsets(frames, 8, rng, sampleRate)) {
      const space = rng.next() < 0.15;
      addAt(out, noiseBurst(0.025, 'bandpass', space ? 900 : rng.range(2000, 4000), 1.2, space ? 0.008 : 0.004, rng, sampleRate), at, space ? 1 : rng.range(0.5, 0.9));
    }
    return normalizePeak(out, 0.5);
  },
};
