/**
 * A jackhammer breaking concrete: a pneumatic piston hammering 20–28 blows a second, each blow a
 * sharp steel-on-steel strike over the crunch of the concrete, with the exhaust air's hiss; it runs
 * in bursts of 1–2.5 s while the operator leans on it, with short pauses between.
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, struckTone } from '../dsp/burst.js';
import { pinkNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const jackhammer: SoundDef = {
  id: 'jackhammer', family: 'effect', kind: 'event', sustained: true, length: 4,
  description: 'a jackhammer breaking concrete',
  render(frames, { rng, sampleRate }) {
    const rate = rng.range(20, 28), ring = rng.range(900, 1400);
    const out = new Float32Array(frames);
    const exhaust = biquad(pinkNoise(frames, rng), 'highpass', 2000, 0.7, sampleRate);
    const on = new Float32Array(frames);
    for (let t = rng.range(0.05, 0.2); t * sampleRate < frames;) {
      const burst = rng.range(1, 2.5);
      const a = Math.round(t * sampleRate), b = Math.min(frames, Math.round((t + burst) * sampleRate));
      on.fill(1, a, b);
      // the blows: a steady rate with a little jitter; the steel rings, the concrete crunches
      for (let s = t; s < t + burst && s * sampleRate < frames; s += (1 + rng.range(-0.04, 0.04)) / rate) {
        const at = Math.round(s * sampleRate);
        addAt(out, struckTone(ring * rng.range(0.97, 1.03), [1, 2.3, 3.9], [1, 0.6, 0.4], 0.012, sampleRate), at, 0.7);
        addAt(out, noiseBurst(0.03, 'bandpass', 600, 0.7, 0.008, rng, sampleRate), at, 0.9);
      }
      t += burst + rng.range(0.3, 0.7);
    }
    for (let i = 0; i < frames; i++) out[i]! += exhaust[i]! * on[i]! * 0.25;
    fadeEdges(out, 0.003 * sampleRate, 0.05 * sampleRate);
    return normalizePeak(out, 0.5);
  },
};
