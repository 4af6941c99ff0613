/**
 * A monkey chattering: a quick run of five to nine "ooh-ah" calls (~0.1–0.2 s each, 4–6 a second)
 * climbing in pitch (from ~500 Hz to ~1.3 kHz) and loudness into screeches, each call opening
 * from "oo" to "ah".
 */
import { addAt, fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const monkey: SoundDef = {
  id: 'monkey', family: 'effect', kind: 'event', animalVoice: true, length: 2,
  description: 'a monkey chattering and screeching',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const calls = 5 + rng.int(5), low = rng.range(450, 600), high = low * rng.range(2, 2.6);
    let t = 0.03;
    for (let k = 0; k < calls; k++) {
      const x = k / (calls - 1), at = Math.round(t * sampleRate);
      const n = Math.min(frames - at, Math.round(rng.range(0.1, 0.2) * sampleRate));
      if (n <= 0) break;
      const f = low + (high - low) * x;
      const src = pulseTrain(n, (i) => f * (0.85 + 0.3 * Math.sin((Math.PI / 2) * (i / n))), sampleRate, () => rng.next(), 0.2 + 0.3 * x);
      const call = formants(src, [{ f: (i) => 400 + 600 * (i / n), bw: 200, gain: 1 }, { f: (i) => 900 + 500 * (i / n), bw: 300, gain: 0.6 }, { f: 2800, bw: 500, gain: 0.3 }], sampleRate);
      addAt(out, fadeEdges(call, 0.01 * sampleRate, 0.04 * sampleRate), at, 0.5 + 0.5 * x);
      t += n / sampleRate + rng.range(0.04, 0.09);
    }
    return normalizePeak(out, 0.5);
  },
};
