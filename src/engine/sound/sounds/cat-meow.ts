/**
 * A cat's meow: "mi-aaow" — a voiced call whose pitch rises and falls (~500 → 700 → 450 Hz, the
 * peak kept under ~780 Hz: a domestic cat's meow sits at 400–800 Hz)
 * while the mouth opens and closes, so the formants glide from an /i/ through /a/ to /u/.
 */
import { normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const catMeow: SoundDef = {
  id: 'cat_meow', family: 'effect', kind: 'event', animalVoice: true, length: 1,
  description: 'a cat meowing',
  render(frames, { rng, sampleRate }) {
    const len = Math.min(frames, Math.round(rng.range(0.6, 0.85) * sampleRate));
    const base = rng.range(460, 560);
    const x = (i: number) => i / len;
    const f0 = (i: number) => base * (1 + 0.38 * Math.sin(Math.PI * Math.min(1, x(i) * 1.3)) - 0.15 * x(i));
    const src = pulseTrain(len, f0, sampleRate, () => rng.next(), 0.05);
    const glide = (a: number, b: number, c: number) => (i: number) => { const t = x(i); return t < 0.4 ? a + (b - a) * (t / 0.4) : b + (c - b) * ((t - 0.4) / 0.6); };
    const voice = formants(src, [
      { f: glide(400, 1000, 550), bw: 150, gain: 1 },
      { f: glide(2600, 1600, 1000), bw: 200, gain: 0.5 },
      { f: 3500, bw: 300, gain: 0.2 },
    ], sampleRate);
    const out = new Float32Array(frames);
    for (let i = 0; i < len; i++) out[i] = voice[i]! * Math.min(1, i / (0.04 * sampleRate), (len - i) / (0.12 * sampleRate));
    return normalizePeak(out, 0.5);
  },
};
