/**
 * Radio static: the hiss of a receiver between stations, squeezed into the radio's band
 * (~300 Hz–3.5 kHz), with crackles of interference and now and then a tuning whistle.
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizeRms } from '../dsp/buffer.js';
import { noiseBurst, poissonOnsets } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const radioStatic: SoundDef = {
  id: 'radio_static', family: 'ambience', kind: 'bed', length: 0, loudness: -24,
  description: 'radio static',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    for (let i = 0; i < frames; i++) out[i] = (rng.next() * 2 - 1) * 0.3;
    for (const p of poissonOnsets(frames, 12, rng, sampleRate)) addAt(out, noiseBurst(0.02, 'highpass', 800, 0.7, 0.004, rng, sampleRate), p, rng.range(0.5, 1.5));
    // a heterodyne whistle drifting as if someone turned the dial
    const at = Math.round(rng.range(0.3, 0.6) * frames), len = Math.min(frames - at, Math.round(0.8 * sampleRate));
    let phase = 0;
    const f0 = rng.range(900, 1600);
    for (let i = 0; i < len; i++) { phase += (2 * Math.PI * f0 * (1 - 0.3 * (i / len))) / sampleRate; out[at + i]! += 0.08 * Math.sin(phase) * Math.sin(Math.PI * (i / len)); }
    biquad(out, 'highpass', 300, 0.7, sampleRate);
    biquad(out, 'lowpass', 3500, 0.7, sampleRate);
    biquad(out, 'lowpass', 3500, 0.7, sampleRate);
    return normalizeRms(out, 0.1);
  },
};
