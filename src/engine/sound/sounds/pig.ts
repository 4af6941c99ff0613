/**
 * A pig oinking: two to four short nasal grunts (~0.15–0.3 s) of a low rough voice (~100–160 Hz),
 * rising a little then dropping, through a snout's nasal resonances.
 */
import { addAt, fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const pig: SoundDef = {
  id: 'pig', family: 'effect', kind: 'event', animalVoice: true, length: 1.5,
  description: 'a pig oinking',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const grunts = 2 + rng.int(3), f = rng.range(100, 160);
    let t = 0.03;
    for (let k = 0; k < grunts; k++) {
      const at = Math.round(t * sampleRate), n = Math.min(frames - at, Math.round(rng.range(0.15, 0.3) * sampleRate));
      if (n <= 0) break;
      const src = pulseTrain(n, (i) => f * (1 + 0.2 * Math.sin(Math.PI * (i / n))), sampleRate, () => rng.next(), 0.3);
      const g = formants(src, [{ f: 450, bw: 150, gain: 1 }, { f: 1400, bw: 250, gain: 0.6 }, { f: 2600, bw: 400, gain: 0.2 }], sampleRate);
      addAt(out, fadeEdges(g, 0.015 * sampleRate, 0.06 * sampleRate), at, rng.range(0.7, 1));
      t += n / sampleRate + rng.range(0.12, 0.25);
    }
    return normalizePeak(out, 0.5);
  },
};
