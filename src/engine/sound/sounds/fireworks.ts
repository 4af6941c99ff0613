/**
 * Fireworks: shells going up with a whistle, bursting with a deep boom that echoes, and the
 * crackle of the stars falling after, one every second or so (params.rate: bursts per second).
 */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, poissonOnsets, sineSweep } from '../dsp/burst.js';
import { num, type SoundDef } from './types.js';

export const fireworks: SoundDef = {
  id: 'fireworks', family: 'effect', kind: 'event', sustained: true, length: 4,
  description: 'fireworks bursting',
  render(frames, { rng, sampleRate, params }) {
    const out = new Float32Array(frames);
    const rate = num(params, 'rate', 0.8);
    for (let t = rng.range(0, 0.3); t * sampleRate < frames - 0.8 * sampleRate; t += rng.range(0.7, 1.3) / rate) {
      const at = Math.round(t * sampleRate);
      // the shell's whistle going up, faint
      if (rng.next() < 0.5) addAt(out, sineSweep(rng.range(900, 1200), rng.range(1800, 2600), 0.6, 0.5, sampleRate), Math.max(0, at - Math.round(0.6 * sampleRate)), 0.08);
      const size = rng.range(0.6, 1);
      addAt(out, sineSweep(90, 35, 0.8, 0.25, sampleRate), at, size);
      addAt(out, noiseBurst(0.5, 'lowpass', 1200, 0.7, 0.08, rng, sampleRate), at, size * 0.8);
      // echoes off buildings and hills
      addAt(out, noiseBurst(0.5, 'lowpass', 600, 0.7, 0.12, rng, sampleRate), at + Math.round(0.35 * sampleRate), size * 0.25);
      // the crackle: many tiny pops over the next second
      const crackle = new Float32Array(Math.round(1.1 * sampleRate));
      for (const p of poissonOnsets(crackle.length, 40, rng, sampleRate)) addAt(crackle, noiseBurst(0.006, 'highpass', 2500, 0.7, 0.0015, rng, sampleRate), p, rng.range(0.5, 1.5) * (1 - p / crackle.length));
      addAt(out, crackle, at + Math.round(0.25 * sampleRate), size);
    }
    return normalizePeak(out, 0.5);
  },
};
