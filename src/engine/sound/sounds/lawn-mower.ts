/**
 * A lawn mower: a small four-stroke single-cylinder engine governed at ~2800–3400 rpm fires
 * 23–28 times a second through a muffler (a throaty, low drone), the blade swishing at twice that
 * and the grass it cuts hissing; the engine labours a little (slower, louder) in thick grass.
 */
import { biquad } from '../dsp/biquad.js';
import { fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { pinkNoise, wander } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const lawnMower: SoundDef = {
  id: 'lawn_mower', family: 'effect', kind: 'event', sustained: true, length: 5,
  description: 'a lawn mower running',
  render(frames, { rng, sampleRate }) {
    const firing = rng.range(23, 28);
    const labour = wander(frames, rng, rng.range(0.8, 1.5), sampleRate);
    const grass = biquad(pinkNoise(frames, rng), 'bandpass', 3500, 0.7, sampleRate);
    const out = new Float32Array(frames);
    let p = 0;
    for (let i = 0; i < frames; i++) {
      const l = labour[i]!;
      p += (firing * (1 - 0.08 * l)) / sampleRate;
      const q = p % 1;
      // one firing: a sharp pressure pulse that rings out in the muffler (~10× the firing rate); the blade at twice the rate
      const pulse = Math.exp(-q * 7) * Math.sin(2 * Math.PI * q * 10);
      out[i] = pulse * (0.8 + 0.3 * l) + 0.15 * Math.sin(4 * Math.PI * p) + grass[i]! * 0.12 * (0.5 + l);
    }
    biquad(out, 'lowpass', 2500, 0.7, sampleRate);
    biquad(out, 'highpass', 40, 0.7, sampleRate);
    fadeEdges(out, 0.1 * sampleRate, 0.3 * sampleRate);
    return normalizePeak(out, 0.5);
  },
};
