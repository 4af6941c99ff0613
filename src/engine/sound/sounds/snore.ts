/**
 * Someone snoring: slow breaths every 3–4.5 s, each breath in a snore — the soft palate fluttering
 * ~25–40 times a second in the air drawn through it, a low rattling voice — then a softer breath
 * out and a pause.
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { pinkNoise } from '../dsp/noise.js';
import { formants } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const snore: SoundDef = {
  id: 'snore', family: 'effect', kind: 'event', sustained: true, length: 8,
  description: 'someone snoring',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const period = rng.range(3, 4.5), flutter = rng.range(25, 40);
    for (let t = rng.range(0, 0.3); t * sampleRate < frames; t += period * rng.range(0.95, 1.05)) {
      const inN = Math.round(rng.range(1, 1.4) * sampleRate), outN = Math.round(rng.range(1.1, 1.4) * sampleRate);
      // in: breath noise gated by the palate's flutter, through the throat's low resonances
      const air = pinkNoise(inN, rng);
      let p = 0;
      for (let i = 0; i < inN; i++) {
        p += (flutter * (1 + 0.1 * Math.sin((Math.PI * i) / inN))) / sampleRate;
        const gate = Math.max(0, Math.sin(2 * Math.PI * p)) ** 3;
        air[i]! *= (0.15 + gate) * Math.sin((Math.PI * i) / inN);
      }
      const snoring = formants(air, [{ f: 450, bw: 200, gain: 1 }, { f: 1100, bw: 300, gain: 0.4 }], sampleRate);
      const at = Math.round(t * sampleRate);
      addAt(out, snoring, at, 1);
      // out: a soft hushed breath
      const breath = biquad(pinkNoise(outN, rng), 'bandpass', 1400, 0.8, sampleRate);
      for (let i = 0; i < outN; i++) breath[i]! *= Math.sin((Math.PI * i) / outN) * 0.12;
      addAt(out, breath, at + inN + Math.round(0.15 * sampleRate), 1);
    }
    return normalizePeak(out, 0.5);
  },
};
