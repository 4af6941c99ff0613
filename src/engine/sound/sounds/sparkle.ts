/** Sparkle: a magical shimmer, a cascade of high bell-like blips rising in pitch. */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { struckTone } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const sparkle: SoundDef = {
  id: 'sparkle', family: 'effect', kind: 'event', length: 1.5,
  description: 'a magical sparkle or shimmer',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const count = 18;
    for (let k = 0; k < count; k++) {
      const t = (k / count) * 0.8 + rng.range(0, 0.05);
      const f = 2000 * Math.pow(2, (k / count) * 1.5) * rng.range(0.97, 1.03);
      addAt(out, struckTone(f, [1, 2.01], [1, 0.3], 0.12, sampleRate, 0.5), Math.round(t * sampleRate), rng.range(0.4, 1));
    }
    return normalizePeak(out, 0.5);
  },
};
