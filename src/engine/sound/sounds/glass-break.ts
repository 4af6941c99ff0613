/**
 * Glass breaking: the crack of the impact, then shards falling and tinkling — many short,
 * high, inharmonic rings (~2–8 kHz) scattered over a second, thinning out.
 */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, struckTone } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const glassBreak: SoundDef = {
  id: 'glass_break', family: 'effect', kind: 'event', length: 1.5,
  description: 'glass breaking',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    addAt(out, noiseBurst(0.12, 'highpass', 1500, 0.7, 0.02, rng, sampleRate), 0, 1);
    addAt(out, struckTone(rng.range(2500, 3500), [1, 1.6, 2.3, 3.1], [1, 0.7, 0.5, 0.3], 0.15, sampleRate, 0.5), 0, 0.6);
    const shards = 30 + rng.int(20);
    for (let k = 0; k < shards; k++) {
      // most shards land early; fewer and fewer later
      const t = 0.05 + (rng.next() ** 2) * Math.max(0.1, frames / sampleRate - 0.3);
      const ring = struckTone(rng.range(2000, 8000), [1, rng.range(1.4, 1.9), rng.range(2.2, 3)], [1, 0.5, 0.3], rng.range(0.02, 0.08), sampleRate, 0.25);
      addAt(out, ring, Math.round(t * sampleRate), rng.range(0.1, 0.5));
    }
    return normalizePeak(out, 0.5);
  },
};
