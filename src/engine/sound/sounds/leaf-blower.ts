/**
 * A leaf blower: a high-revving two-stroke (100–135 firings a second, a nasal buzz) driving a fan
 * whose air jet roars out of the tube — most of the sound is the jet's broad hiss — with the
 * throttle squeezed in surges every second or two.
 */
import { biquad, sweptFilter } from '../dsp/biquad.js';
import { fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { whiteNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const leafBlower: SoundDef = {
  id: 'leaf_blower', family: 'effect', kind: 'event', sustained: true, length: 4,
  description: 'a leaf blower roaring',
  render(frames, { rng, sampleRate }) {
    const idle = rng.range(100, 115), full = rng.range(120, 135), surge = rng.range(1, 2);
    const throttleAt = (t: number) => Math.min(1, t / 0.4) * (0.55 + 0.45 * Math.max(0, Math.sin((2 * Math.PI * t) / surge)));
    const jet = sweptFilter(whiteNoise(frames, rng), 'bandpass', (i) => 1500 + 2500 * throttleAt(i / sampleRate), 0.5, sampleRate);
    const out = new Float32Array(frames);
    let p = 0;
    for (let i = 0; i < frames; i++) {
      const th = throttleAt(i / sampleRate);
      p += (idle + (full - idle) * th) / sampleRate;
      const q = p % 1;
      out[i] = (q < 0.15 ? 1 - q / 0.15 : -0.18) * 0.35 + jet[i]! * (0.4 + 1.4 * th);
    }
    biquad(out, 'peaking', 900, 1.5, sampleRate, 5);
    biquad(out, 'highpass', 70, 0.7, sampleRate);
    fadeEdges(out, 0.05 * sampleRate, 0.3 * sampleRate);
    return normalizePeak(out, 0.5);
  },
};
