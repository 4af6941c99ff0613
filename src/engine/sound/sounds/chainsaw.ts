/**
 * A chainsaw: a two-stroke engine idling at ~40 firings a second that revs to ~130–170 for each
 * cut and drops back, a buzzy, nasal snarl (sharp firing pulses through a small exhaust's
 * resonance), with the chain's hiss and bite only while it cuts.
 */
import { biquad } from '../dsp/biquad.js';
import { fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { pinkNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const chainsaw: SoundDef = {
  id: 'chainsaw', family: 'effect', kind: 'event', sustained: true, length: 4,
  description: 'a chainsaw idling and revving',
  render(frames, { rng, sampleRate }) {
    const idle = rng.range(36, 45), top = rng.range(130, 170);
    // revs: up over 0.3 s, held 0.8–1.5 s, back over 0.4 s, then idles 0.4–0.8 s
    const revAt = new Float32Array(frames);
    for (let t = rng.range(0.3, 0.6); t * sampleRate < frames;) {
      const hold = rng.range(0.8, 1.5), rest = rng.range(0.4, 0.8);
      const a = Math.round(t * sampleRate), b = Math.round((t + 0.3 + hold + 0.4) * sampleRate);
      for (let i = a; i < Math.min(b, frames); i++) {
        const s = (i - a) / sampleRate;
        revAt[i] = s < 0.3 ? s / 0.3 : s < 0.3 + hold ? 1 : 1 - (s - 0.3 - hold) / 0.4;
      }
      t += 0.3 + hold + 0.4 + rest;
    }
    const chain = biquad(pinkNoise(frames, rng), 'bandpass', 3000, 1.2, sampleRate);
    const out = new Float32Array(frames);
    let p = 0;
    for (let i = 0; i < frames; i++) {
      const r = revAt[i]!;
      p += (idle + (top - idle) * r) / sampleRate;
      const q = p % 1;
      out[i] = (q < 0.2 ? 1 - q / 0.2 : -0.2) * (0.5 + 0.5 * r) + chain[i]! * 0.5 * r * r;
    }
    biquad(out, 'peaking', 700, 1.5, sampleRate, 9);
    biquad(out, 'highpass', 60, 0.7, sampleRate);
    // a small engine's muffler: the firing pulses' sharp edges softened
    biquad(out, 'lowpass', 4500, 0.7, sampleRate);
    fadeEdges(out, 0.05 * sampleRate, 0.3 * sampleRate);
    return normalizePeak(out, 0.5);
  },
};
