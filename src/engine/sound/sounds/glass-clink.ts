/** Glass clink: two glasses touching, bright inharmonic ringing partials that die quickly. */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { struckTone } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const glassClink: SoundDef = {
  id: 'glass_clink', family: 'effect', kind: 'event', length: 1,
  description: 'glasses clinking',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    addAt(out, struckTone(rng.range(2000, 2600), [1, 2.32, 4.25, 6.63], [1, 0.7, 0.4, 0.25], 0.25, sampleRate, 1), 0, 1);
    addAt(out, struckTone(rng.range(2700, 3300), [1, 2.32, 4.25], [1, 0.6, 0.3], 0.2, sampleRate, 0.8), Math.round(0.12 * sampleRate), 0.5);
    return normalizePeak(out, 0.5);
  },
};
