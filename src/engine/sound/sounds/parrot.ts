/**
 * A parrot squawking: two or three loud, raucous screeches, each ~0.25–0.4 s of a harsh, noisy
 * voice (~700–1000 Hz, heavily jittered) that rises then breaks, through a bright open bill's
 * formants (~2 and ~3.5 kHz) — shriller and longer than a crow's caw.
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const parrot: SoundDef = {
  id: 'parrot', family: 'effect', kind: 'event', animalVoice: true, length: 1.8,
  description: 'a parrot squawking',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const calls = 2 + rng.int(2), f = rng.range(700, 1000);
    let t = 0.04;
    for (let k = 0; k < calls; k++) {
      const at = Math.round(t * sampleRate), n = Math.min(frames - at, Math.round(rng.range(0.25, 0.4) * sampleRate));
      if (n <= 0) break;
      // rising through its first third, then breaking downwards
      const src = pulseTrain(n, (i) => f * (1 + 0.25 * Math.min(1, (3 * i) / n) - 0.35 * Math.max(0, i / n - 0.6)), sampleRate, () => rng.next(), 0.8);
      // the screech: the voice breaks up ~120 times a second
      for (let i = 0; i < n; i++) src[i]! *= 0.5 + 0.5 * Math.abs(Math.sin((2 * Math.PI * 120 * i) / sampleRate + rng.next()));
      const squawk = formants(src, [{ f: 2000, bw: 600, gain: 1 }, { f: 3500, bw: 800, gain: 0.7 }, { f: 5200, bw: 1000, gain: 0.3 }], sampleRate);
      // the shrill: the screech is its resonances, its fundamental thin
      biquad(squawk, 'highpass', 1200, 0.7, sampleRate);
      addAt(out, fadeEdges(squawk, 0.015 * sampleRate, 0.06 * sampleRate), at, rng.range(0.8, 1));
      t += n / sampleRate + rng.range(0.15, 0.3);
    }
    return normalizePeak(out, 0.5);
  },
};
