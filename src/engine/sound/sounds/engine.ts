/** Engine: an idling then revving combustion engine (a pulse train at the firing rate through a body resonance). */
import { biquad } from '../dsp/biquad.js';
import { normalizePeak } from '../dsp/buffer.js';
import { whiteNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const engine: SoundDef = {
  id: 'engine', family: 'effect', kind: 'event', sustained: true, length: 3,
  description: 'an engine idling and revving',
  render(frames, { rng, sampleRate }) {
    const out = whiteNoise(frames, rng);
    let phase = 0;
    for (let i = 0; i < frames; i++) {
      const t = i / frames;
      const rev = t < 0.3 ? 0 : Math.sin(Math.PI * Math.min(1, (t - 0.3) / 0.6)); // rev up and back
      phase += (30 + 60 * rev) / sampleRate;
      const p = phase % 1;
      out[i] = (p < 0.15 ? 1 - p / 0.15 : 0) * (1 + 0.3 * out[i]!);
    }
    biquad(out, 'lowpass', 900, 1.5, sampleRate);
    biquad(out, 'highpass', 30, 0.7, sampleRate);
    for (let i = 0; i < Math.min(frames, 4800); i++) out[i]! *= i / 4800;
    return normalizePeak(out, 0.5);
  },
};
