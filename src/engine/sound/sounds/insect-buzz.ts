/**
 * A flying insect buzzing around: its wings' beat (a fly ~190 Hz, a bee ~230 Hz; params.rate
 * overrides) as a buzzy tone rich in harmonics, whose level and pitch wander as it flies near and
 * away, with a little Doppler on each pass.
 */
import { fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { wander } from '../dsp/noise.js';
import { num, type SoundDef } from './types.js';

export const insectBuzz: SoundDef = {
  id: 'insect_buzz', family: 'effect', kind: 'event', sustained: true, length: 3,
  description: 'a fly or bee buzzing around',
  render(frames, { rng, sampleRate, params }) {
    const out = new Float32Array(frames);
    const wing = num(params, 'rate', rng.range(180, 240));
    const near = wander(frames, rng, 0.6, sampleRate);
    let phase = 0, prev = near[0]!;
    for (let i = 0; i < frames; i++) {
      // approaching raises the pitch a little (Doppler), receding lowers it
      const d = (near[i]! - prev) * sampleRate; prev = near[i]!;
      phase += (wing * (1 + 0.02 * d)) / sampleRate;
      const p = phase % 1;
      // a wingbeat's pressure: a sawtooth, its drop a little softened
      const saw = 2 * p - 1 - (p > 0.97 ? (2 * (p - 0.97)) / 0.03 : 0);
      out[i] = saw * (0.25 + 0.75 * near[i]! ** 2);
    }
    const fade = 0.15 * sampleRate;
    fadeEdges(out, fade, fade);
    return normalizePeak(out, 0.5);
  },
};
