/**
 * An animal's growl: a low, rough, sustained voiced rumble (~90–130 Hz) — its roughness the
 * irregular pulsing of a tense throat (amplitude modulated ~25–35 Hz) — through a closed-mouth
 * "rr" and rising a little in menace before it fades.
 */
import { normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const growl: SoundDef = {
  id: 'growl', family: 'effect', kind: 'event', animalVoice: true, length: 1.8,
  description: 'an animal growling',
  render(frames, { rng, sampleRate }) {
    const len = Math.min(frames, Math.round(rng.range(1.4, 1.7) * sampleRate));
    const f = rng.range(90, 130), rough = rng.range(25, 35);
    const src = pulseTrain(len, (i) => f * (1 + 0.08 * Math.sin(Math.PI * (i / len))), sampleRate, () => rng.next(), 0.35);
    const voice = formants(src, [{ f: 350, bw: 150, gain: 1 }, { f: 900, bw: 250, gain: 0.5 }, { f: 2000, bw: 400, gain: 0.15 }], sampleRate);
    const out = new Float32Array(frames);
    let phase = 0;
    for (let i = 0; i < len; i++) {
      phase += (rough * (1 + (rng.next() - 0.5) * 0.3)) / sampleRate;
      const x = i / len;
      out[i] = voice[i]! * (0.55 + 0.45 * Math.sin(2 * Math.PI * phase)) * Math.min(1, x / 0.1, (1 - x) / 0.15);
    }
    return normalizePeak(out, 0.5);
  },
};
