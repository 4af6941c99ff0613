/** Forest birds: a soft leafy breeze with chirps and short trills of several birds. */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizeRms } from '../dsp/buffer.js';
import { pinkNoise } from '../dsp/noise.js';
import type { Random } from '../../util/random.js';
import type { SoundDef } from './types.js';

function chirp(rng: Random, sampleRate: number): Float32Array {
  const notes = 1 + rng.int(5);
  const base = rng.range(2200, 5200);
  const noteLen = Math.round(rng.range(0.04, 0.11) * sampleRate);
  const gap = Math.round(rng.range(0.02, 0.07) * sampleRate);
  const out = new Float32Array(notes * (noteLen + gap));
  let phase = 0;
  for (let k = 0; k < notes; k++) {
    const f0 = base * rng.range(0.85, 1.15);
    const f1 = f0 * rng.range(0.7, 1.5);
    for (let i = 0; i < noteLen; i++) {
      const t = i / noteLen;
      phase += (2 * Math.PI * (f0 + (f1 - f0) * t)) / sampleRate;
      out[k * (noteLen + gap) + i] = Math.sin(phase) * Math.sin(Math.PI * t);
    }
  }
  return out;
}

export const forestBirds: SoundDef = {
  id: 'forest_birds', family: 'ambience', kind: 'bed', length: 0,
  description: 'birdsong in a forest with a light breeze',
  render(frames, { rng, sampleRate }) {
    const out = pinkNoise(frames, rng);
    biquad(out, 'bandpass', 700, 0.6, sampleRate);
    for (let i = 0; i < frames; i++) out[i]! *= 0.12;
    let at = Math.round(rng.range(0.05, 0.4) * sampleRate);
    while (at < frames) {
      addAt(out, chirp(rng, sampleRate), at, rng.range(0.15, 0.45));
      at += Math.round(rng.range(0.15, 0.9) * sampleRate);
    }
    return normalizeRms(out, 0.1);
  },
};
