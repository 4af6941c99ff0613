/**
 * A sneeze: "ah… ah… choo!" — two catching, rising voiced in-breaths, then the explosive burst
 * of air through the nose and mouth (bright noise, over in a quarter second).
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst } from '../dsp/burst.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const sneeze: SoundDef = {
  id: 'sneeze', family: 'effect', kind: 'event', length: 1.2,
  description: 'a person sneezing',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const base = rng.range(180, 260);
    for (const [at, len, lift] of [[0.02, 0.2, 1], [0.32, 0.25, 1.2]] as const) {
      const n = Math.round(len * sampleRate);
      const ah = formants(pulseTrain(n, (i) => base * lift * (1 + 0.15 * (i / n)), sampleRate, () => rng.next(), 0.8), [{ f: 800, bw: 200, gain: 1 }, { f: 1300, bw: 250, gain: 0.5 }], sampleRate);
      for (let i = 0; i < n; i++) ah[i]! *= Math.sin(Math.PI * (i / n)) * (i / n);
      addAt(out, ah, Math.round(at * sampleRate), 0.25);
    }
    const choo = noiseBurst(0.3, 'highpass', 1500, 0.6, 0.07, rng, sampleRate);
    biquad(choo, 'lowpass', 6000, 0.7, sampleRate); // (a mouth and nose, not a white-noise generator)
    addAt(out, choo, Math.round(0.62 * sampleRate), 1);
    return normalizePeak(out, 0.5);
  },
};
