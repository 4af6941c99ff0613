/** Applause: many hands, each clap a short band of noise, dense and uneven, swelling then fading. */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, poissonOnsets } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const applause: SoundDef = {
  id: 'applause', family: 'effect', kind: 'event', length: 4,
  description: 'an audience applauding',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const claps = Array.from({ length: 6 }, () => noiseBurst(0.03, 'bandpass', rng.range(900, 2500), 1.2, 0.007, rng, sampleRate));
    for (const at of poissonOnsets(frames, 90, rng, sampleRate)) {
      const t = at / frames;
      addAt(out, claps[rng.int(claps.length)]!, at, rng.range(0.4, 1) * Math.min(1, t * 8) * Math.min(1, (1 - t) * 4));
    }
    return normalizePeak(out, 0.5);
  },
};
