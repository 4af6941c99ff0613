/**
 * Footsteps at a walking pace, by surface (params.surface): each step a heel strike and, ~70 ms
 * later, a softer toe roll, the two feet a little unequal, the pace a little uneven. The surface
 * decides what a strike sounds like (Farnell: the ground's material and granularity):
 * hard floors click with a low thump, wood knocks with a hollow resonance, gravel and snow are
 * dense crunches of tiny grains, grass is a soft swish.
 */
import type { Random } from '../../util/random.js';
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, sineSweep } from '../dsp/burst.js';
import { num, type SoundDef } from './types.js';

type Strike = (rng: Random, sr: number, weight: number) => Float32Array;

/** A crunch: many tiny grain clicks in a short window. */
function crunch(rng: Random, sr: number, seconds: number, grains: number, freq: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * sr));
  for (let g = 0; g < grains; g++) {
    const at = Math.round(Math.pow(rng.next(), 1.6) * out.length * 0.85);
    addAt(out, noiseBurst(0.004, 'bandpass', freq * rng.range(0.7, 1.4), 1.5, 0.0015, rng, sr), at, rng.range(0.3, 1));
  }
  return out;
}

export const SURFACES: Record<string, Strike> = {
  concrete: (rng, sr, w) => { const s = sineSweep(110, 60, 0.06, 0.015, sr); addAt(s, noiseBurst(0.03, 'bandpass', rng.range(2500, 3500), 1.2, 0.006, rng, sr), 0, 0.9 * w); return s; },
  wood: (rng, sr, w) => { const s = sineSweep(rng.range(180, 240), 150, 0.12, 0.035, sr); addAt(s, noiseBurst(0.02, 'bandpass', 1200, 1, 0.005, rng, sr), 0, 0.5 * w); return biquad(s, 'peaking', 400, 2, sr, 6); },
  gravel: (rng, sr, w) => crunch(rng, sr, 0.16, Math.round(40 * w), 3000),
  snow: (rng, sr, w) => biquad(crunch(rng, sr, 0.2, Math.round(60 * w), 1500), 'lowpass', 3000, 0.7, sr),
  grass: (rng, sr) => noiseBurst(0.18, 'bandpass', rng.range(2000, 3000), 0.6, 0.06, rng, sr),
};

export const footsteps: SoundDef = {
  id: 'footsteps', family: 'effect', kind: 'event', sustained: true, length: 3,
  description: 'footsteps at a walking pace (surface: concrete, wood, gravel, snow, grass)',
  render(frames, { rng, sampleRate, params }) {
    const out = new Float32Array(frames);
    const strike = SURFACES[typeof params.surface === 'string' ? params.surface : 'concrete'] ?? SURFACES.concrete!;
    const interval = num(params, 'interval', 0.55);
    let foot = 0;
    for (let t = 0.02; t < num(params, 'length', 3) && t * sampleRate < frames; t += interval * rng.range(0.92, 1.08), foot ^= 1) {
      const at = Math.round(t * sampleRate), level = foot ? 0.85 : 1;
      addAt(out, strike(rng, sampleRate, 1), at, level);
      addAt(out, strike(rng, sampleRate, 0.5), at + Math.round(rng.range(0.06, 0.09) * sampleRate), 0.4 * level);
    }
    return normalizePeak(out, 0.5);
  },
};
