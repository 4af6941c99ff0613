/**
 * Laughter: "ha-ha-ha-ha", a run of breathy voiced syllables at ~5 a second — an aspirated "h"
 * into an open /a/ — each a little lower and softer than the last, ending on an in-breath.
 */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst } from '../dsp/burst.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const laughter: SoundDef = {
  id: 'laughter', family: 'effect', kind: 'event', people: true, length: 2,
  description: 'a person laughing: ha-ha-ha',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const base = rng.range(180, 260);
    const rate = rng.range(4.5, 5.8);
    const count = Math.max(3, Math.floor((frames / sampleRate - 0.5) * rate));
    for (let k = 0; k < count; k++) {
      const len = Math.round((0.6 / rate) * sampleRate);
      const f = base * (1.15 - 0.3 * (k / count));
      const src = pulseTrain(len, (i) => f * (1 + 0.08 * (1 - i / len)), sampleRate, () => rng.next(), 0.6);
      const syl = formants(src, [{ f: 800, bw: 130, gain: 1 }, { f: 1250, bw: 150, gain: 0.6 }, { f: 2600, bw: 250, gain: 0.25 }], sampleRate);
      for (let i = 0; i < len; i++) syl[i]! *= Math.sin(Math.PI * (i / len)) ** 0.6;
      addAt(out, syl, Math.round((k / rate + rng.range(-0.01, 0.01) + 0.02) * sampleRate), 1 - 0.4 * (k / count));
    }
    addAt(out, noiseBurst(0.35, 'bandpass', 1500, 1, 0.15, rng, sampleRate), Math.round((count / rate + 0.1) * sampleRate), 0.25);
    return normalizePeak(out, 0.5);
  },
};
