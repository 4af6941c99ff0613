/**
 * A circular saw or an angle grinder: a spin-up to a high, steady scream (the blade's
 * teeth or the disc passing 1.8–3.2 thousand times a second, with the motor's harmonic below),
 * that drops in pitch by 10–20 % and turns harsh, with sawdust hiss, while it cuts; then free-runs.
 */
import { biquad } from '../dsp/biquad.js';
import { fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { whiteNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const powerSaw: SoundDef = {
  id: 'power_saw', family: 'effect', kind: 'event', length: 3.5,
  description: 'a circular saw or grinder cutting',
  render(frames, { rng, sampleRate }) {
    const tooth = rng.range(1800, 3200), drop = rng.range(0.1, 0.2);
    const runUp = 0.35, cutFrom = rng.range(0.7, 0.9), cutFor = rng.range(1.2, 1.8);
    const dust = biquad(whiteNoise(frames, rng), 'highpass', 3000, 0.7, sampleRate);
    const out = new Float32Array(frames);
    let p = 0;
    for (let i = 0; i < frames; i++) {
      const t = i / sampleRate;
      const spin = t < runUp ? 0.3 + 0.7 * (t / runUp) : 1;
      const cut = t < cutFrom ? 0 : t < cutFrom + 0.12 ? (t - cutFrom) / 0.12 : t < cutFrom + cutFor ? 1 : Math.max(0, 1 - (t - cutFrom - cutFor) / 0.15);
      p += (tooth * spin * (1 - drop * cut)) / sampleRate;
      const scream = Math.sin(2 * Math.PI * p) + 0.4 * Math.sin(2 * Math.PI * p / 6) + 0.3 * cut * Math.sin(4 * Math.PI * p);
      out[i] = scream * (0.35 + 0.3 * cut) + dust[i]! * cut * 0.4;
    }
    fadeEdges(out, 0.01 * sampleRate, 0.4 * sampleRate);
    return normalizePeak(out, 0.5);
  },
};
