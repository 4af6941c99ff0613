/**
 * Applause: a number of people clapping, each at their own rate (3–5 claps a second), with their
 * own hands' cupped resonance (a clap is a burst of air through the cavity between the palms:
 * a band of noise at 0.8–2.5 kHz), swelling in, holding and thinning out as people stop.
 */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const applause: SoundDef = {
  id: 'applause', family: 'effect', kind: 'event', people: true, sustained: true, length: 4,
  description: 'an audience applauding',
  render(frames, { rng, sampleRate, intensity }) {
    const out = new Float32Array(frames);
    const seconds = frames / sampleRate;
    const people = Math.round(8 + 40 * intensity);
    for (let p = 0; p < people; p++) {
      const rate = rng.range(3, 5), cavity = rng.range(800, 2500), q = rng.range(1.5, 4), level = rng.range(0.4, 1);
      const start = rng.range(0, 0.4), stop = seconds - rng.range(0, Math.min(1.2, seconds * 0.3));
      const clap = noiseBurst(0.03, 'bandpass', cavity, q, 0.006, rng, sampleRate);
      for (let t = start; t < stop; t += (1 / rate) * rng.range(0.94, 1.06)) addAt(out, clap, Math.round(t * sampleRate), level * rng.range(0.7, 1));
    }
    return normalizePeak(out, 0.5);
  },
};
