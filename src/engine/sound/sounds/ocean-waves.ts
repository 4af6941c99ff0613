/** Ocean waves: surf that swells and breaks on a 5–8 s cycle, brighter at the crest. */
import { sweptFilter } from '../dsp/biquad.js';
import { normalizeRms } from '../dsp/buffer.js';
import { pinkNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const oceanWaves: SoundDef = {
  id: 'ocean_waves', family: 'ambience', kind: 'bed', length: 0, loudness: -18,
  description: 'surf breaking on a shore, one wave every few seconds',
  render(frames, { rng, sampleRate }) {
    const out = pinkNoise(frames, rng);
    const period = rng.range(4.5, 7) * sampleRate;
    const phase0 = rng.next();
    const swell = new Float32Array(frames);
    for (let i = 0; i < frames; i++) {
      const p = (i / period + phase0) % 1;
      // a quick rise to the break, then a long hissing retreat
      swell[i] = p < 0.3 ? Math.pow(p / 0.3, 2) : Math.exp(-(p - 0.3) * 4);
    }
    sweptFilter(out, 'lowpass', (i) => 600 + 4000 * swell[i]!, 0.8, sampleRate);
    for (let i = 0; i < frames; i++) out[i]! *= 0.25 + swell[i]!;
    return normalizeRms(out, 0.1);
  },
};
