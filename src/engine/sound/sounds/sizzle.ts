/**
 * Food sizzling in a pan: the steady hiss of water flashing to steam in hot fat (bright noise
 * above ~2 kHz) and the spit and crackle of bursting droplets — many tiny sharp pops a second.
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizeRms } from '../dsp/buffer.js';
import { noiseBurst, poissonOnsets } from '../dsp/burst.js';
import { wander } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const sizzle: SoundDef = {
  id: 'sizzle', family: 'ambience', kind: 'bed', length: 0, loudness: -24,
  description: 'food sizzling in a hot pan',
  render(frames, { rng, sampleRate, intensity }) {
    const out = new Float32Array(frames);
    for (let i = 0; i < frames; i++) out[i] = rng.next() * 2 - 1;
    biquad(out, 'highpass', 2500, 0.7, sampleRate);
    // (hot fat's hiss falls away above ~6 kHz: a frying pan is not a white-noise generator)
    biquad(out, 'lowpass', 6000, 0.7, sampleRate);
    biquad(out, 'lowpass', 7000, 0.7, sampleRate);
    // the hiss surges as the fat spits
    const surge = wander(frames, rng, 0.4, sampleRate);
    for (let i = 0; i < frames; i++) out[i]! *= 0.25 * (0.6 + 0.4 * surge[i]!);
    for (const p of poissonOnsets(frames, 30 + 50 * intensity, rng, sampleRate)) addAt(out, noiseBurst(0.008, 'bandpass', 3500, 0.8, 0.002, rng, sampleRate), p, rng.range(0.2, 0.8));
    return normalizeRms(out, 0.1);
  },
};
