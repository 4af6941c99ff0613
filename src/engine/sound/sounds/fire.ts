/** Fire: a low roar of burning air and random crackles and pops. */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizeRms } from '../dsp/buffer.js';
import { noiseBurst, poissonOnsets } from '../dsp/burst.js';
import { brownNoise, wander } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const fire: SoundDef = {
  id: 'fire', family: 'ambience', kind: 'bed', length: 0, loudness: -24,
  description: 'a crackling fire',
  render(frames, { rng, sampleRate, intensity }) {
    const out = brownNoise(frames, rng);
    biquad(out, 'lowpass', 500, 0.7, sampleRate);
    const flicker = wander(frames, rng, 0.25, sampleRate);
    for (let i = 0; i < frames; i++) out[i]! *= 0.4 + 0.6 * flicker[i]!;
    for (const at of poissonOnsets(frames, 6 + 20 * intensity, rng, sampleRate)) {
      const pop = noiseBurst(0.02, 'highpass', rng.range(1500, 4000), 0.8, rng.range(0.001, 0.004), rng, sampleRate);
      addAt(out, pop, at, rng.range(0.3, 1.6));
    }
    return normalizeRms(out, 0.1);
  },
};
