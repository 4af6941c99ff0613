/**
 * A power drill: each pull of the trigger winds a small DC motor up to a whine (a fundamental of
 * 180–320 Hz, rich in harmonics from its brushes and gears) within a fifth of a second; when the
 * bit bites, the load drags the speed down by ~15–25 % and a gritty grinding joins in; on release
 * the motor spins down. Two or three pulls, 0.6–1.4 s each, with short pauses.
 */
import { biquad } from '../dsp/biquad.js';
import { fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { whiteNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const drill: SoundDef = {
  id: 'drill', family: 'effect', kind: 'event', length: 3,
  description: 'a power drill whining and biting',
  render(frames, { rng, sampleRate }) {
    const top = rng.range(180, 320);
    const speed = new Float32Array(frames), load = new Float32Array(frames);
    for (let t = rng.range(0.05, 0.15); t * sampleRate < frames;) {
      const hold = rng.range(0.6, 1.4), bite = rng.range(0.2, 0.4), sag = rng.range(0.15, 0.25);
      const a = Math.round(t * sampleRate), end = Math.min(frames, Math.round((t + hold + 0.35) * sampleRate));
      for (let i = a; i < end; i++) {
        const s = (i - a) / sampleRate;
        const run = s < 0.2 ? s / 0.2 : s < hold ? 1 : Math.max(0, 1 - (s - hold) / 0.35);
        const biting = s > bite && s < hold ? Math.min(1, (s - bite) / 0.1) : 0;
        speed[i] = run * (1 - sag * biting);
        load[i] = biting;
      }
      t += hold + 0.35 + rng.range(0.25, 0.5);
    }
    const grit = biquad(biquad(whiteNoise(frames, rng), 'bandpass', 2500, 0.8, sampleRate), 'lowpass', 5000, 0.7, sampleRate);
    const out = new Float32Array(frames);
    let p = 0;
    for (let i = 0; i < frames; i++) {
      const v = speed[i]!;
      p += (top * v) / sampleRate;
      // brushes and gears: a buzzy wave, its harmonics strongest at speed
      let tone = 0;
      for (let k = 1; k <= 8; k++) tone += Math.sin(2 * Math.PI * k * p) / k ** 0.8;
      out[i] = tone * v * v * 0.3 + grit[i]! * load[i]! * 0.35;
    }
    biquad(out, 'peaking', 1200, 1, sampleRate, 5);
    biquad(out, 'highpass', 90, 0.7, sampleRate);
    fadeEdges(out, 0.005 * sampleRate, 0.05 * sampleRate);
    return normalizePeak(out, 0.5);
  },
};
