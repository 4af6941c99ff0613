/** Splash: something hits water, a low plunge, a bright burst of spray and droplets falling back. */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, poissonOnsets, sineSweep } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const splash: SoundDef = {
  id: 'splash', family: 'effect', kind: 'event', length: 1.2,
  description: 'a splash into water',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    addAt(out, sineSweep(200, 500, 0.15, 0.05, sampleRate), 0, 0.6);
    addAt(out, noiseBurst(0.5, 'bandpass', 1500, 0.6, 0.12, rng, sampleRate), 0, 1);
    for (const at of poissonOnsets(Math.round(frames * 0.8), 30, rng, sampleRate)) {
      const f = rng.range(800, 2500);
      addAt(out, sineSweep(f, f * 1.8, 0.03, 0.01, sampleRate), at + Math.round(0.15 * sampleRate), 0.2);
    }
    return normalizePeak(out, 0.5);
  },
};
