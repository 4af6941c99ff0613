/**
 * Seagulls over a shore: a few gulls at different distances, each with its own voice, calling now
 * and then over a faint sea air. A gull's voice is harsh and nasal (a buzzy source, ~650–950 Hz,
 * through high formants); it calls with the long call's "kee-ow" — a note whose pitch leaps up and
 * falls away — or the "ha-ha-ha" laugh, a run of short clipped notes.
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizeRms } from '../dsp/buffer.js';
import { pinkNoise } from '../dsp/noise.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { Random } from '../../util/random.js';
import type { SoundDef } from './types.js';

/** One gull note of `seconds` whose pitch follows `shape(x)` × base over x ∈ [0, 1]. */
function note(seconds: number, base: number, shape: (x: number) => number, rng: Random, sampleRate: number): Float32Array {
  const n = Math.round(seconds * sampleRate);
  const src = pulseTrain(n, (i) => base * shape(i / n), sampleRate, () => rng.next(), 0.08);
  const out = formants(src, [{ f: 1900, bw: 300, gain: 1 }, { f: 3200, bw: 400, gain: 0.6 }, { f: 4600, bw: 500, gain: 0.25 }], sampleRate);
  const attack = 0.015 * sampleRate;
  for (let i = 0; i < n; i++) out[i]! *= Math.min(1, i / attack) * (1 - i / n) ** 0.6;
  return out;
}

/** "kee-ow": up fast over the first fifth, then falling well below where it started. */
const longCall = (x: number) => (x < 0.2 ? 0.85 + 0.4 * (x / 0.2) : 1.25 - 0.5 * ((x - 0.2) / 0.8));

/** One call of a gull at `at` s: a long call, or a laugh of 3–6 short notes. */
function call(out: Float32Array, at: number, base: number, level: number, rng: Random, sampleRate: number): number {
  if (rng.next() < 0.6) {
    const len = rng.range(0.3, 0.45);
    addAt(out, note(len, base, longCall, rng, sampleRate), Math.round(at * sampleRate), level);
    return len;
  }
  const count = 3 + rng.int(4), gap = rng.range(0.16, 0.2);
  for (let k = 0; k < count; k++) addAt(out, note(rng.range(0.09, 0.12), base * (1.1 - 0.03 * k), (x) => 1 - 0.12 * x, rng, sampleRate), Math.round((at + k * gap) * sampleRate), level * (1 - 0.08 * k));
  return count * gap;
}

export const seagull: SoundDef = {
  id: 'seagull', family: 'ambience', kind: 'bed', length: 0, loudness: -24,
  description: 'seagulls calling over a shore ("kee-ow" long calls and laughing runs)',
  render(frames, { rng, sampleRate }) {
    // the sea air under the calls: a bed, never a hole between them
    const out = pinkNoise(frames, rng);
    biquad(out, 'bandpass', 600, 0.5, sampleRate);
    for (let i = 0; i < frames; i++) out[i]! *= 0.15;
    const calls = new Float32Array(frames);
    const gulls = 2 + rng.int(3);
    for (let g = 0; g < gulls; g++) {
      const base = rng.range(650, 950), level = rng.range(0.3, 1); // near and far gulls
      const voice = new Float32Array(frames);
      for (let at = rng.range(0, 1.5); at * sampleRate < frames - 0.1 * sampleRate; ) at += call(voice, at, base, level, rng, sampleRate) + rng.range(1.2, 4);
      // a far gull loses its highs
      if (level < 0.6) biquad(voice, 'lowpass', 3000, 0.7, sampleRate);
      addAt(calls, voice, 0, 1);
    }
    addAt(out, calls, 0, 1);
    return normalizeRms(out, 0.1);
  },
};
