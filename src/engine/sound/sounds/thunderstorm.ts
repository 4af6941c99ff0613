/** Thunderstorm: heavy rain with distant rolling rumbles every few seconds. */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizeRms } from '../dsp/buffer.js';
import { brownNoise } from '../dsp/noise.js';
import { rain } from './rain.js';
import type { SoundDef } from './types.js';

export const thunderstorm: SoundDef = {
  id: 'thunderstorm', family: 'ambience', kind: 'bed', length: 0, loudness: -15,
  description: 'heavy rain with distant rolling thunder',
  render(frames, ctx) {
    const out = rain.render(frames, { ...ctx, intensity: Math.max(0.7, ctx.intensity) });
    const { rng, sampleRate } = ctx;
    const span = Math.round(3 * sampleRate);
    for (let at = Math.round(rng.range(0.2, 1.5) * sampleRate); at < frames; at += Math.round(rng.range(2.5, 5) * sampleRate)) {
      const rumble = brownNoise(span, rng);
      biquad(rumble, 'lowpass', 180, 0.7, sampleRate);
      for (let i = 0; i < span; i++) { const t = i / span; rumble[i]! *= Math.sin(Math.PI * Math.sqrt(t)) * (1 - t); }
      addAt(out, rumble, at, 0.8);
    }
    return normalizeRms(out, 0.1);
  },
};
