/**
 * Whale song: long moaning calls (1.2–2 s each) of a humpback, each a slow glide — up, down or
 * over an arch — through 120–600 Hz, nearly pure tones with a few harmonics, carried far through
 * water: the highs absorbed, a long trail of echoes.
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, fadeEdges, normalizePeak } from '../dsp/buffer.js';
import type { SoundDef } from './types.js';

export const whaleSong: SoundDef = {
  id: 'whale_song', family: 'effect', kind: 'event', animalVoice: true, length: 5,
  description: 'a whale singing underwater',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    let t = rng.range(0.05, 0.2);
    for (let call = 0; call < 3 && (t + 1.2) * sampleRate < frames; call++) {
      const n = Math.min(frames - Math.round(t * sampleRate), Math.round(rng.range(1.2, 2) * sampleRate));
      const lo = rng.range(120, 220), hi = lo * rng.range(1.8, 2.6);
      const shape = rng.int(3); // 0 rising, 1 falling, 2 an arch
      const f0 = (x: number) => lo * Math.pow(hi / lo, shape === 0 ? x : shape === 1 ? 1 - x : Math.sin(Math.PI * x));
      const voice = new Float32Array(n);
      let p = 0;
      for (let i = 0; i < n; i++) {
        p += f0(i / n) / sampleRate;
        const w = 2 * Math.PI * p;
        voice[i] = Math.sin(w) + 0.3 * Math.sin(2 * w) + 0.12 * Math.sin(3 * w);
      }
      addAt(out, fadeEdges(voice, 0.12 * sampleRate, 0.2 * sampleRate), Math.round(t * sampleRate), rng.range(0.7, 1));
      t += n / sampleRate + rng.range(0.3, 0.6);
    }
    // far through water: the highs gone, echoes trailing off the surface and the sea floor
    biquad(out, 'lowpass', 1500, 0.7, sampleRate);
    const d = Math.round(0.23 * sampleRate);
    for (let i = d; i < frames; i++) out[i]! += out[i - d]! * 0.35;
    return normalizePeak(out, 0.5);
  },
};
