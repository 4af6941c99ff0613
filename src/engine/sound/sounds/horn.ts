/**
 * A car horn: two beeps of a dual-tone horn — two brassy tones a major third or so apart
 * (~420 and ~520 Hz, each rich in harmonics from the vibrating diaphragm), sounding together.
 */
import { biquad } from '../dsp/biquad.js';
import { normalizePeak } from '../dsp/buffer.js';
import type { SoundDef } from './types.js';

export const horn: SoundDef = {
  id: 'horn', family: 'effect', kind: 'event', length: 1.2,
  description: 'a car horn honking twice',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const low = rng.range(390, 450), high = low * rng.range(1.22, 1.28);
    const beeps: Array<[number, number]> = [[0, rng.range(0.18, 0.25)], [rng.range(0.35, 0.42), rng.range(0.45, 0.6)]];
    let a = 0, b = 0;
    for (let i = 0; i < frames; i++) {
      const t = i / sampleRate;
      a += (2 * Math.PI * low) / sampleRate; b += (2 * Math.PI * high) / sampleRate;
      const on = beeps.reduce((g, [s, len]) => Math.max(g, t < s || t > s + len ? 0 : Math.min(1, (t - s) / 0.008, (s + len - t) / 0.02)), 0);
      out[i] = on * (Math.tanh(3 * Math.sin(a)) + Math.tanh(3 * Math.sin(b)));
    }
    biquad(out, 'peaking', 2000, 1, sampleRate, 4); // the horn's bell
    biquad(out, 'lowpass', 5000, 0.7, sampleRate);
    return normalizePeak(out, 0.5);
  },
};
