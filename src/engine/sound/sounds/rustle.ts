/**
 * Leaves rustling: gusts of a breeze set many dry leaves brushing and ticking against each
 * other — crackly, bright noise made of tiny clicks that thicken and thin as the air moves.
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizeRms } from '../dsp/buffer.js';
import { noiseBurst, poissonOnsets } from '../dsp/burst.js';
import { wander } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const rustle: SoundDef = {
  id: 'rustle', family: 'ambience', kind: 'bed', length: 0, loudness: -26,
  description: 'leaves rustling in a breeze',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const gust = wander(frames, rng, 0.9, sampleRate);
    // the clicks of leaf on leaf, far more of them as a gust passes
    for (const p of poissonOnsets(frames, 260, rng, sampleRate)) {
      if (rng.next() > 0.05 + 0.95 * gust[p]! ** 2) continue;
      addAt(out, noiseBurst(0.006, 'bandpass', rng.range(2000, 6000), 1.2, 0.0015, rng, sampleRate), p, rng.range(0.1, 0.5));
    }
    // the soft wash under them
    const wash = new Float32Array(frames);
    for (let i = 0; i < frames; i++) wash[i] = (rng.next() * 2 - 1) * (0.02 + 0.12 * gust[i]! ** 2);
    biquad(wash, 'bandpass', 2500, 0.6, sampleRate);
    addAt(out, wash, 0, 1);
    return normalizeRms(out, 0.1);
  },
};
