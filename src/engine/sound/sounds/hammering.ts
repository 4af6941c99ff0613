/**
 * Hammering a nail: a blow every 0.35–0.6 s, each a dull knock of the wood (a few hundred Hz)
 * under the bright ring of the struck nail; as the nail goes in its free length shortens, so its
 * ring climbs, and the last blows land on the wood itself, duller and louder.
 */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, struckTone } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const hammering: SoundDef = {
  id: 'hammering', family: 'effect', kind: 'event', length: 3,
  description: 'a hammer driving a nail',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const interval = rng.range(0.35, 0.6), wood = rng.range(220, 420), nail = rng.range(2200, 3200);
    const blows = Math.max(3, Math.floor((frames / sampleRate - 0.3) / interval));
    for (let k = 0; k < blows; k++) {
      const at = Math.round((0.05 + k * interval * rng.range(0.94, 1.06)) * sampleRate);
      const home = k / Math.max(1, blows - 1);
      addAt(out, struckTone(wood, [1, 1.7, 2.6], [1, 0.5, 0.3], 0.03, sampleRate), at, 0.7 + 0.3 * home);
      addAt(out, noiseBurst(0.02, 'bandpass', 1500, 0.8, 0.004, rng, sampleRate), at, 0.8);
      // the nail's ring: higher as it shortens, gone once it is flush
      if (home < 0.85) addAt(out, struckTone(nail * (1 + 0.5 * home), [1, 2.9, 5.1], [1, 0.4, 0.2], 0.09, sampleRate), at, 0.6 * (1 - home));
    }
    return normalizePeak(out, 0.5);
  },
};
