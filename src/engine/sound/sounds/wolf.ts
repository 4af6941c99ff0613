/**
 * A wolf howling in the distance: a long voiced call (~2.5 s) that slides up from ~300 Hz to a
 * held note near 450–550 Hz, with a slow vibrato, and falls away at its end; nearly a pure tone
 * (a howl's energy sits in its fundamental), with an "oo" to "ah" to "oo" of the muzzle.
 */
import { biquad } from '../dsp/biquad.js';
import { normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const wolf: SoundDef = {
  id: 'wolf', family: 'effect', kind: 'event', animalVoice: true, length: 3,
  description: 'a wolf howling',
  render(frames, { rng, sampleRate }) {
    const len = Math.min(frames, Math.round(rng.range(2.3, 2.7) * sampleRate));
    const held = rng.range(450, 550), vib = rng.range(4.5, 6);
    const f0 = (i: number) => {
      const x = i / len;
      const contour = x < 0.25 ? 0.62 + 0.38 * Math.sin((Math.PI / 2) * (x / 0.25)) : x < 0.8 ? 1 : 1 - 0.25 * ((x - 0.8) / 0.2);
      return held * contour * (1 + 0.012 * Math.sin((2 * Math.PI * vib * i) / sampleRate));
    };
    const src = pulseTrain(len, f0, sampleRate, () => rng.next(), 0.02);
    // a pulse train through a narrow resonance on the fundamental's region: a howl is near-sinusoidal
    biquad(src, 'lowpass', 700, 0.7, sampleRate);
    const voice = formants(src, [{ f: (i) => 500 + 250 * Math.sin(Math.PI * (i / len)), bw: 180, gain: 1 }, { f: 1100, bw: 250, gain: 0.15 }], sampleRate);
    const out = new Float32Array(frames);
    for (let i = 0; i < len; i++) out[i] = voice[i]! * Math.min(1, i / (0.15 * sampleRate), (len - i) / (0.4 * sampleRate));
    // far off: a long open-air tail
    for (let i = 0; i < frames; i++) { const j = i - Math.round(0.09 * sampleRate); if (j >= 0) out[i]! += out[j]! * 0.25; }
    return normalizePeak(out, 0.5);
  },
};
