/**
 * An emergency siren's wail: a horn-driven tone sweeping up from ~650 Hz to ~1.5 kHz and back,
 * a few seconds a cycle, slightly overdriven (the odd harmonics of a square-ish horn), heard
 * from down the street (its top rolled off).
 */
import { biquad } from '../dsp/biquad.js';
import { fadeEdges, normalizePeak } from '../dsp/buffer.js';
import type { SoundDef } from './types.js';

export const siren: SoundDef = {
  id: 'siren', family: 'effect', kind: 'event', sustained: true, length: 4,
  description: 'an emergency siren wailing',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const lo = rng.range(620, 700), hi = lo * rng.range(2.1, 2.3);
    const cycle = rng.range(2.4, 3.2);
    const start = rng.next(); // where in its cycle the siren is when the clip starts
    let phase = 0;
    for (let i = 0; i < frames; i++) {
      const c = (start + i / sampleRate / cycle) % 1;
      // up over 45 % of the cycle, down over the rest (the rotor winds up faster than it runs down)
      const u = c < 0.45 ? c / 0.45 : 1 - (c - 0.45) / 0.55;
      const f = lo + (hi - lo) * (0.5 - 0.5 * Math.cos(Math.PI * u));
      phase += (2 * Math.PI * f) / sampleRate;
      out[i] = Math.tanh(2.2 * Math.sin(phase));
    }
    biquad(out, 'lowpass', 3500, 0.7, sampleRate);
    const fade = 0.3 * sampleRate;
    fadeEdges(out, fade, fade);
    return normalizePeak(out, 0.5);
  },
};
