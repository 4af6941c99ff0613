/**
 * A cat purring: a low buzz of glottal pulses ~25 a second (the larynx's muscles twitching), on
 * the out-breath and, a little softer, the in-breath, with a breath's pause between (Remmers &
 * Gautier: purring is continuous through both phases of breathing, at 20–30 Hz).
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst } from '../dsp/burst.js';
import { resonate } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const purr: SoundDef = {
  id: 'purr', family: 'effect', kind: 'event', sustained: true, animalVoice: true, length: 3,
  description: 'a cat purring',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const rate = rng.range(23, 28);
    const breath = rng.range(0.8, 1.1); // one phase of breathing, s
    for (let t = rng.range(0, 0.02); t * sampleRate < frames; t += (1 / rate) * (1 + (rng.next() - 0.5) * 0.06)) {
      const p = (t / breath) % 2;
      const within = p % 1;
      // a short pause where the breath turns; the in-breath a little softer
      if (within > 0.9) continue;
      const level = (p < 1 ? 1 : 0.7) * Math.sin((Math.PI * within) / 0.9) ** 0.3;
      addAt(out, noiseBurst(0.03, 'lowpass', 500, 0.7, 0.007, rng, sampleRate), Math.round(t * sampleRate), level);
    }
    const body = resonate(out, 180, 120, sampleRate);
    for (let i = 0; i < frames; i++) out[i] = out[i]! * 0.3 + body[i]! * 4;
    biquad(out, 'lowpass', 900, 0.7, sampleRate);
    return normalizePeak(out, 0.5);
  },
};
