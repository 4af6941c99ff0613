/**
 * Swords clashing: two to four strikes, each the ring of a long steel blade — a free bar's
 * inharmonic modes (1 : 2.76 : 5.40 : 8.93) from 1.2–2.4 kHz up, ringing for half a second or
 * more — over the sharp crack of the impact, and between some strikes the scrape of edge along
 * edge (a noise band sweeping up).
 */
import { sweptFilter } from '../dsp/biquad.js';
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, struckTone } from '../dsp/burst.js';
import { whiteNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const swordClash: SoundDef = {
  id: 'sword_clash', family: 'effect', kind: 'event', length: 2.5,
  description: 'swords clashing',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const seconds = frames / sampleRate;
    const strikes = Math.max(1, Math.min(2 + rng.int(3), Math.floor(seconds / 0.45)));
    let t = 0.02;
    for (let k = 0; k < strikes; k++) {
      const at = Math.round(t * sampleRate), f = rng.range(1200, 2400);
      addAt(out, struckTone(f, [1, 2.76, 5.4, 8.93], [1, 0.7, 0.45, 0.25], rng.range(0.25, 0.4), sampleRate, 0.9), at, 1);
      addAt(out, noiseBurst(0.02, 'highpass', 2500, 0.7, 0.003, rng, sampleRate), at, 0.8);
      const gap = rng.range(0.4, 0.7);
      // a scrape after some strikes: the blades slide along each other
      if (rng.next() < 0.5 && k < strikes - 1) {
        const len = Math.round(gap * 0.5 * sampleRate), from = rng.range(2500, 3500);
        const scrape = sweptFilter(whiteNoise(len, rng), 'bandpass', (i) => from * (1 + i / len), 6, sampleRate);
        for (let i = 0; i < len; i++) scrape[i]! *= Math.sin((Math.PI * i) / len);
        addAt(out, scrape, at + Math.round(0.12 * sampleRate), 0.5);
      }
      t += gap;
    }
    return normalizePeak(out, 0.5);
  },
};
