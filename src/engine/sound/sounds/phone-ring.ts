/**
 * A telephone ringing: the classic ring cadence — two seconds of ring, then four of quiet (here
 * shortened to fit a clip: ~1.2 s on, ~1.8 s off) — each ring a bell struck ~20 times a second,
 * two small bells (~1 kHz and its neighbour) beating against each other.
 */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { struckTone } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const phoneRing: SoundDef = {
  id: 'phone_ring', family: 'effect', kind: 'event', length: 3,
  description: 'a telephone ringing',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const f = rng.range(950, 1150), strike = rng.range(18, 22);
    const bellA = struckTone(f, [1, 2.4, 3.9], [1, 0.4, 0.2], 0.06, sampleRate, 0.1);
    const bellB = struckTone(f * 1.06, [1, 2.4, 3.9], [1, 0.4, 0.2], 0.06, sampleRate, 0.1);
    for (let ring = 0; ring * 3 * sampleRate < frames; ring++) {
      // the clapper swings between the two bells
      for (let k = 0; k < 1.2 * strike; k++) {
        const at = Math.round((ring * 3 + k / strike) * sampleRate);
        addAt(out, k % 2 ? bellB : bellA, at, 1);
      }
    }
    return normalizePeak(out, 0.5);
  },
};
