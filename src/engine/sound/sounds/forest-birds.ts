/**
 * Forest birds: a few birds of different species singing from different distances over a soft
 * leafy breeze. Each species sings phrases built from its own syllable (Farnell: birdsong is a
 * syllable — a short frequency-and-amplitude-modulated whistle — repeated and varied in phrases,
 * with silences between phrases):
 * - warbler: 3–7 varied warbled syllables (fast sinusoidal FM around 3 kHz), ~8 a second;
 * - chickadee: "fee-bee", two clean whistles stepping down;
 * - finch: a trill — one short down-sweep repeated ~18 times a second;
 * - sparrow: 2–4 sharp chirps (steep down-sweeps), ~6 a second.
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizeRms } from '../dsp/buffer.js';
import { pinkNoise } from '../dsp/noise.js';
import type { Random } from '../../util/random.js';
import type { SoundDef } from './types.js';

/** One syllable: a whistle from f0 to f1 with FM of `depth` at `rate` Hz, a little 2nd harmonic, a smooth envelope. */
function syllable(seconds: number, f0: number, f1: number, sampleRate: number, fm = { rate: 0, depth: 0 }): Float32Array {
  const n = Math.max(1, Math.round(seconds * sampleRate));
  const out = new Float32Array(n);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const x = i / n;
    const f = f0 + (f1 - f0) * x + fm.depth * Math.sin((2 * Math.PI * fm.rate * i) / sampleRate);
    phase += (2 * Math.PI * f) / sampleRate;
    out[i] = (Math.sin(phase) + 0.12 * Math.sin(2 * phase)) * Math.sin(Math.PI * x) ** 1.5;
  }
  return out;
}

/** Each species: one phrase as [onset s, syllable] pairs. */
const SPECIES: Record<string, (rng: Random, sr: number) => Array<[number, Float32Array]>> = {
  warbler: (rng, sr) => {
    const count = 3 + rng.int(5), base = rng.range(2600, 3600), out: Array<[number, Float32Array]> = [];
    for (let k = 0; k < count; k++) out.push([k * rng.range(0.11, 0.14), syllable(rng.range(0.06, 0.09), base * rng.range(0.85, 1.2), base * rng.range(0.8, 1.2), sr, { rate: rng.range(40, 80), depth: rng.range(200, 500) })]);
    return out;
  },
  chickadee: (rng, sr) => { const f = rng.range(3600, 4100); return [[0, syllable(0.28, f, f * 0.98, sr)], [0.36, syllable(0.3, f * 0.84, f * 0.82, sr)]]; },
  finch: (rng, sr) => {
    const count = 10 + rng.int(10), hi = rng.range(4500, 6000), rate = rng.range(15, 22), out: Array<[number, Float32Array]> = [];
    for (let k = 0; k < count; k++) out.push([k / rate, syllable(0.7 / rate, hi, hi * 0.7, sr)]);
    return out;
  },
  sparrow: (rng, sr) => {
    const count = 2 + rng.int(3), out: Array<[number, Float32Array]> = [];
    for (let k = 0; k < count; k++) out.push([k * rng.range(0.14, 0.18), syllable(0.05, rng.range(5000, 6000), rng.range(2800, 3400), sr)]);
    return out;
  },
};

export const forestBirds: SoundDef = {
  id: 'forest_birds', family: 'ambience', kind: 'bed', length: 0, loudness: -24,
  description: 'birdsong in a forest (warbler, chickadee, finch, sparrow) over a light breeze',
  render(frames, { rng, sampleRate }) {
    const out = pinkNoise(frames, rng);
    biquad(out, 'bandpass', 700, 0.6, sampleRate);
    for (let i = 0; i < frames; i++) out[i]! *= 0.2; // the leaves: a bed under the song, never a hole
    const names = Object.keys(SPECIES);
    const birds = 3 + rng.int(3);
    for (let b = 0; b < birds; b++) {
      const sing = SPECIES[names[(b + rng.int(names.length)) % names.length]!]!;
      const level = rng.range(0.25, 0.6); // near and far birds
      let at = rng.range(0, 1.2);
      while (at * sampleRate < frames) {
        const phrase = sing(rng, sampleRate);
        for (const [t, syl] of phrase) addAt(out, syl, Math.round((at + t) * sampleRate), level);
        at += phrase[phrase.length - 1]![0] + rng.range(0.6, 2); // a pause between phrases
      }
    }
    return normalizeRms(out, 0.1);
  },
};
