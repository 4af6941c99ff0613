/**
 * A trailer's bass hit ("braam"): a sub-bass drop (~60 → 35 Hz) under a distorted low brass
 * blast whose filter opens and closes, decaying over two seconds.
 */
import { biquad, sweptFilter } from '../dsp/biquad.js';
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { sineSweep } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const bassHit: SoundDef = {
  id: 'bass_hit', family: 'effect', kind: 'event', length: 3,
  description: 'a cinematic bass hit',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    addAt(out, sineSweep(60, 35, Math.min(2.5, frames / sampleRate), 0.9, sampleRate), 0, 1);
    const n = Math.min(frames, Math.round(2.2 * sampleRate)), f = rng.range(52, 58);
    const brass = new Float32Array(n);
    let phase = 0;
    for (let i = 0; i < n; i++) {
      phase += f / sampleRate;
      brass[i] = Math.tanh(3 * (2 * (phase % 1) - 1)) * Math.exp(-i / (0.7 * sampleRate)) * Math.min(1, i / (0.02 * sampleRate));
    }
    sweptFilter(brass, 'lowpass', (i) => 150 + 900 * Math.exp(-i / (0.25 * sampleRate)), 0.9, sampleRate);
    biquad(brass, 'lowpass', 1200, 0.7, sampleRate);
    addAt(out, brass, 0, 0.45);
    return normalizePeak(out, 0.5);
  },
};
