/**
 * A duck quacking: three to five nasal "quacks" ~0.3 s apart, each ~0.2 s of a buzzy voice
 * (~180–280 Hz) falling at its end, through a nasal, bright set of resonances (~1 and ~2.5 kHz).
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const duck: SoundDef = {
  id: 'duck', family: 'effect', kind: 'event', animalVoice: true, length: 1.6,
  description: 'a duck quacking',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const quacks = 3 + rng.int(3), f = rng.range(180, 280);
    let t = 0.03;
    for (let k = 0; k < quacks; k++) {
      const at = Math.round(t * sampleRate), n = Math.min(frames - at, Math.round(rng.range(0.15, 0.22) * sampleRate));
      if (n <= 0) break;
      const src = pulseTrain(n, (i) => f * (1.04 - 0.1 * (i / n) ** 2), sampleRate, () => rng.next(), 0.15);
      const q = formants(src, [{ f: 1000, bw: 200, gain: 1 }, { f: 2500, bw: 300, gain: 0.8 }, { f: 3600, bw: 500, gain: 0.3 }], sampleRate);
      // the nasal twang: a quack's body is its resonances, its low fundamental thin
      biquad(q, 'highpass', 800, 0.7, sampleRate);
      biquad(q, 'highpass', 800, 0.7, sampleRate);
      addAt(out, fadeEdges(q, 0.01 * sampleRate, 0.05 * sampleRate), at, rng.range(0.7, 1));
      t += n / sampleRate + rng.range(0.1, 0.16);
    }
    return normalizePeak(out, 0.5);
  },
};
