/**
 * A helicopter hovering nearby: the main rotor's blade slap (a low thump with a noisy edge at the
 * blade-pass rate, ~4 blades × 5 rev/s ≈ 20 Hz), the tail rotor's faster buzz and the turbine's
 * whine, the whole swaying slowly in level as the machine turns.
 */
import { biquad } from '../dsp/biquad.js';
import { normalizePeak } from '../dsp/buffer.js';
import { brownNoise, wander } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const helicopter: SoundDef = {
  id: 'helicopter', family: 'effect', kind: 'event', sustained: true, length: 4,
  description: 'a helicopter: rotor blade slap, tail rotor buzz and turbine whine',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const blade = rng.range(17, 22), tail = blade * 4.3, whine = rng.range(2800, 3600);
    const slapNoise = biquad(brownNoise(frames, rng), 'bandpass', 400, 0.8, sampleRate);
    const sway = wander(frames, rng, 2, sampleRate);
    let pb = 0, pt = 0, pw = 0;
    for (let i = 0; i < frames; i++) {
      pb = (pb + blade / sampleRate) % 1; pt = (pt + tail / sampleRate) % 1; pw = (pw + whine / sampleRate) % 1;
      const slap = Math.exp(-pb * 9); // each blade pass: a sharp thump decaying before the next
      const thump = Math.sin(2 * Math.PI * pb * 3) * slap;
      const buzz = Math.exp(-pt * 6) * Math.sin(2 * Math.PI * pt * 2);
      out[i] = (thump * 0.7 + slapNoise[i]! * slap * 3 + buzz * 0.12 + Math.sin(2 * Math.PI * pw) * 0.02) * (0.85 + 0.15 * sway[i]!);
    }
    return normalizePeak(out, 0.5);
  },
};
