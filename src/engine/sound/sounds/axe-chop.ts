/**
 * An axe chopping wood: a chop every 0.9–1.6 s (the swing), each the blade's hard bite — a short
 * crack — into the dull, low knock of the log (a few hundred Hz ringing briefly), and now and then
 * the split: a dry crackle as the wood gives way.
 */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, struckTone } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const axeChop: SoundDef = {
  id: 'axe_chop', family: 'effect', kind: 'event', sustained: true, length: 4,
  description: 'an axe chopping wood',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const swing = rng.range(0.9, 1.6), log = rng.range(140, 260);
    for (let t = 0.05; (t + 0.3) * sampleRate < frames; t += swing * rng.range(0.93, 1.07)) {
      const at = Math.round(t * sampleRate);
      addAt(out, noiseBurst(0.03, 'bandpass', 2500, 0.8, 0.005, rng, sampleRate), at, 0.7);
      addAt(out, struckTone(log * rng.range(0.95, 1.05), [1, 1.9, 3.1], [1, 0.5, 0.25], 0.05, sampleRate), at, 1);
      addAt(out, noiseBurst(0.12, 'lowpass', 900, 0.7, 0.03, rng, sampleRate), at, 0.6);
      // the split: a dry crackle of small cracks as the wood gives way
      if (rng.next() < 0.4) {
        for (let c = 0; c < 6; c++) addAt(out, noiseBurst(0.01, 'highpass', 1500, 0.7, 0.002, rng, sampleRate), at + Math.round((0.05 + rng.next() * 0.15) * sampleRate), 0.3);
      }
    }
    return normalizePeak(out, 0.5);
  },
};
