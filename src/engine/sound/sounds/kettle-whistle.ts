/**
 * A kettle whistling as it comes to the boil: steam through the whistle's two plates — a breathy
 * hiss that tightens into a tone rising from ~1.2 kHz to ~2.2 kHz and steadies, wavering a little.
 */
import { biquad, sweptFilter } from '../dsp/biquad.js';
import { fadeEdges, normalizePeak } from '../dsp/buffer.js';
import type { SoundDef } from './types.js';

export const kettleWhistle: SoundDef = {
  id: 'kettle_whistle', family: 'effect', kind: 'event', sustained: true, length: 3,
  description: 'a kettle whistling',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const top = rng.range(2000, 2400), rise = Math.min(frames, 1.2 * sampleRate);
    const hiss = new Float32Array(frames);
    for (let i = 0; i < frames; i++) hiss[i] = rng.next() * 2 - 1;
    const freq = (i: number) => top * (0.55 + 0.45 * Math.min(1, i / rise) ** 0.7) * (1 + 0.006 * Math.sin((2 * Math.PI * 5.5 * i) / sampleRate));
    sweptFilter(hiss, 'bandpass', freq, 4, sampleRate);
    let phase = 0;
    for (let i = 0; i < frames; i++) {
      phase += (2 * Math.PI * freq(i)) / sampleRate;
      // the tone takes over from the hiss as the steam's pressure builds
      const tone = Math.min(1, i / rise);
      out[i] = Math.sin(phase) * tone * 0.8 + hiss[i]! * (1.2 - 0.6 * tone);
    }
    biquad(out, 'highpass', 600, 0.7, sampleRate);
    const fade = 0.25 * sampleRate;
    fadeEdges(out, 0.1 * sampleRate, fade);
    return normalizePeak(out, 0.5);
  },
};
