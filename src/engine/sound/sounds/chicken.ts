/**
 * A hen clucking: four to six short clucks (~70 ms, a ~300–450 Hz voice) a few a second, then the
 * long squawk of "ba-gawk", rising to ~1.7× as the beak opens.
 */
import { addAt, fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const chicken: SoundDef = {
  id: 'chicken', family: 'effect', kind: 'event', animalVoice: true, length: 2.2,
  description: 'a hen clucking',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const f = rng.range(300, 450), clucks = 4 + rng.int(3);
    const bank = [{ f: 1000, bw: 300, gain: 1 }, { f: 2400, bw: 400, gain: 0.5 }];
    let t = 0.03;
    for (let k = 0; k < clucks; k++) {
      const n = Math.round(rng.range(0.06, 0.09) * sampleRate), at = Math.round(t * sampleRate);
      if (at + n >= frames) break;
      const c = formants(pulseTrain(n, () => f, sampleRate, () => rng.next(), 0.3), bank, sampleRate);
      addAt(out, fadeEdges(c, 0.005 * sampleRate, 0.03 * sampleRate), at, rng.range(0.6, 0.9));
      t += rng.range(0.17, 0.24);
    }
    const at = Math.round((t + 0.05) * sampleRate), n = Math.min(frames - at, Math.round(rng.range(0.35, 0.45) * sampleRate));
    if (n > 0) {
      const squawk = formants(pulseTrain(n, (i) => f * (1 + 0.7 * Math.min(1, (3 * i) / n)), sampleRate, () => rng.next(), 0.35), bank, sampleRate);
      addAt(out, fadeEdges(squawk, 0.02 * sampleRate, 0.1 * sampleRate), at, 1);
    }
    return normalizePeak(out, 0.5);
  },
};
