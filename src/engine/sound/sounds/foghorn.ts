/**
 * A foghorn across the water: one long, low blast (~2.5 s) of a diaphone, a deep reedy tone
 * (~100–170 Hz, strong harmonics) that starts with a grunt and ends with a falling groan, and
 * the water's long echo after it.
 */
import { biquad } from '../dsp/biquad.js';
import { normalizePeak } from '../dsp/buffer.js';
import type { SoundDef } from './types.js';

export const foghorn: SoundDef = {
  id: 'foghorn', family: 'effect', kind: 'event', length: 3.5,
  description: 'a foghorn blowing',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const f = rng.range(100, 170), len = Math.min(frames, Math.round(rng.range(2.2, 2.7) * sampleRate));
    let phase = 0;
    for (let i = 0; i < len; i++) {
      const x = i / len;
      // the groan: the pitch sags as the air runs out
      phase += (f * (x > 0.85 ? 1 - 0.25 * ((x - 0.85) / 0.15) : 1)) / sampleRate;
      const p = phase % 1;
      out[i] = (p < 0.35 ? 1 : -0.55) * Math.min(1, x / 0.05, (1 - x) / 0.12);
    }
    biquad(out, 'lowpass', 900, 0.9, sampleRate);
    // the echo off the water and the far shore
    for (const [delay, gain] of [[0.33, 0.3], [0.71, 0.18]] as const) {
      const d = Math.round(delay * sampleRate);
      for (let i = frames - 1; i >= d; i--) out[i]! += out[i - d]! * gain;
    }
    return normalizePeak(out, 0.5);
  },
};
