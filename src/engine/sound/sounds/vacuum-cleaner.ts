/**
 * A vacuum cleaner: its motor spins up over about a second, then runs at a steady whine (the fan's
 * blade-pass tone, ~0.9–1.6 kHz, and its harmonic) over the roar of the air it pulls through the
 * hose; the roar's colour swells and narrows as the nozzle is pushed across the floor and pulled
 * back (every 1–2 s), and the whine dips a little when the nozzle seals against the carpet.
 */
import { biquad, sweptFilter } from '../dsp/biquad.js';
import { fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { pinkNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const vacuumCleaner: SoundDef = {
  id: 'vacuum_cleaner', family: 'effect', kind: 'event', sustained: true, length: 4,
  description: 'a vacuum cleaner running',
  render(frames, { rng, sampleRate }) {
    const whine = rng.range(900, 1600), spinUp = rng.range(0.8, 1.2), stroke = rng.range(1, 2);
    const out = new Float32Array(frames);
    // the run-up: the motor's speed rises from a fifth to full, easing in
    const speedAt = (t: number) => (t >= spinUp ? 1 : 0.2 + 0.8 * Math.sin((t / spinUp) * Math.PI / 2));
    // the push and pull: 0 … 1, a sine per stroke
    const pushAt = (t: number) => 0.5 + 0.5 * Math.sin((2 * Math.PI * t) / stroke);
    const air = sweptFilter(pinkNoise(frames, rng), 'bandpass', (i) => 600 + 1400 * pushAt(i / sampleRate) * speedAt(i / sampleRate), 0.6, sampleRate);
    let p = 0;
    for (let i = 0; i < frames; i++) {
      const t = i / sampleRate, speed = speedAt(t), push = pushAt(t);
      p += (whine * speed * (1 - 0.04 * push)) / sampleRate;
      const tone = Math.sin(2 * Math.PI * p) + 0.35 * Math.sin(4 * Math.PI * p) + 0.15 * Math.sin(6 * Math.PI * p + 1);
      out[i] = 0.25 * tone * speed + air[i]! * (0.6 + 0.4 * push) * speed * 1.6;
    }
    // the motor housing's low rumble
    biquad(out, 'lowshelf', 150, 0.7, sampleRate, 4);
    fadeEdges(out, 0.02 * sampleRate, 0.3 * sampleRate);
    return normalizePeak(out, 0.5);
  },
};
