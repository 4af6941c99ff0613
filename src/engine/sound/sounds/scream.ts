/**
 * A scream: a loud, strained voice high in its range (~550–900 Hz) — rough from irregular
 * vocal folds (jitter and a subharmonic) — through a wide-open /a/, rising and held, then
 * breaking off.
 */
import { normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const scream: SoundDef = {
  id: 'scream', family: 'effect', kind: 'event', length: 1.5,
  description: 'a person screaming',
  render(frames, { rng, sampleRate }) {
    const len = Math.min(frames, Math.round(rng.range(1, 1.3) * sampleRate));
    const base = rng.range(550, 750);
    const src = pulseTrain(len, (i) => base * (1 + 0.25 * Math.min(1, (i / len) * 4)) * (1 + 0.03 * Math.sin((2 * Math.PI * 5.5 * i) / sampleRate)), sampleRate, () => rng.next(), 0.35);
    // the roughness: every other period a little weaker (a subharmonic)
    for (let i = 0; i < len; i++) src[i]! *= 1 - 0.12 * (Math.floor((i * base) / sampleRate) % 2);
    const voice = formants(src, [{ f: 1000, bw: 200, gain: 1 }, { f: 1600, bw: 250, gain: 0.8 }, { f: 3000, bw: 350, gain: 0.45 }], sampleRate);
    const out = new Float32Array(frames);
    for (let i = 0; i < len; i++) out[i] = voice[i]! * Math.min(1, i / (0.05 * sampleRate), (len - i) / (0.06 * sampleRate));
    return normalizePeak(out, 0.5);
  },
};
