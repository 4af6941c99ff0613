/**
 * A sheep's (or goat's) bleat: "baa-aa", a voiced call (~250–400 Hz) shaking with a strong,
 * quick tremolo (~7 Hz) from the throat, through an open /a/ that closes toward /e/.
 */
import { normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const sheep: SoundDef = {
  id: 'sheep', family: 'effect', kind: 'event', animalVoice: true, length: 1.5,
  description: 'a sheep or goat bleating',
  render(frames, { rng, sampleRate }) {
    const len = Math.min(frames, Math.round(rng.range(0.8, 1.1) * sampleRate));
    const base = rng.range(260, 380), trem = rng.range(6, 8);
    const wob = (i: number) => Math.sin((2 * Math.PI * trem * i) / sampleRate);
    const src = pulseTrain(len, (i) => base * (1 - 0.1 * (i / len)) * (1 + 0.06 * wob(i)), sampleRate, () => rng.next(), 0.15);
    const voice = formants(src, [{ f: (i) => 800 - 250 * (i / len), bw: 150, gain: 1 }, { f: (i) => 1300 + 500 * (i / len), bw: 200, gain: 0.6 }, { f: 2700, bw: 300, gain: 0.25 }], sampleRate);
    const out = new Float32Array(frames);
    for (let i = 0; i < len; i++) out[i] = voice[i]! * (0.65 + 0.35 * wob(i)) * Math.min(1, i / (0.04 * sampleRate), (len - i) / (0.12 * sampleRate));
    return normalizePeak(out, 0.5);
  },
};
