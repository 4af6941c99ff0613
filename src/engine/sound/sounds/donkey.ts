/**
 * A donkey braying: "hee-haw" three or four times — the "hee" a high, squeaky call drawn in
 * (~700–1000 Hz, breathy), the "haw" a loud low voice pushed out (~180–260 Hz), alternating
 * about three times in two seconds.
 */
import { addAt, fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const donkey: SoundDef = {
  id: 'donkey', family: 'effect', kind: 'event', animalVoice: true, length: 2.6,
  description: 'a donkey braying',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const hee = rng.range(700, 1000), haw = rng.range(180, 260), cycles = 3 + rng.int(2);
    let t = 0.03;
    for (let k = 0; k < cycles; k++) {
      const a = Math.round(t * sampleRate), na = Math.round(rng.range(0.25, 0.32) * sampleRate);
      const b = a + na, nb = Math.round(rng.range(0.3, 0.4) * sampleRate);
      if (b + nb >= frames) break;
      const up = formants(pulseTrain(na, () => hee, sampleRate, () => rng.next(), 0.5), [{ f: 1600, bw: 400, gain: 1 }, { f: 3000, bw: 600, gain: 0.4 }], sampleRate);
      const down = formants(pulseTrain(nb, (i) => haw * (1 - 0.1 * (i / nb)), sampleRate, () => rng.next(), 0.2), [{ f: 700, bw: 200, gain: 1 }, { f: 1200, bw: 300, gain: 0.7 }, { f: 2500, bw: 400, gain: 0.2 }], sampleRate);
      addAt(out, fadeEdges(up, 0.03 * sampleRate, 0.03 * sampleRate), a, 0.5);
      addAt(out, fadeEdges(down, 0.02 * sampleRate, 0.06 * sampleRate), b, 1);
      t += (na + nb) / sampleRate + rng.range(0.02, 0.06);
    }
    return normalizePeak(out, 0.5);
  },
};
