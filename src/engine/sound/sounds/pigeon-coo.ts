/**
 * Pigeons or doves cooing: two or three soft, hollow "hoo-ROO-oo" phrases ~1.1 s apart, each three
 * notes of an almost pure, low voice (~330–450 Hz fundamental) swelling and falling back, through a
 * closed bill's single dull resonance — the inflated throat, no bright formants.
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { pulseTrain, resonate } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

/** A coo's three notes: [start, length] in seconds within the phrase, and its pitch relative to the bird's. */
const NOTES: ReadonlyArray<readonly [number, number, number]> = [[0, 0.14, 0.92], [0.17, 0.3, 1.08], [0.5, 0.24, 0.9]];

export const pigeonCoo: SoundDef = {
  id: 'pigeon_coo', family: 'effect', kind: 'event', animalVoice: true, length: 3.2,
  description: 'pigeons cooing',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const phrases = 2 + rng.int(2), f = rng.range(330, 450), gap = rng.range(1, 1.25);
    for (let k = 0; k < phrases; k++) {
      const phrase = 0.05 + k * gap;
      for (const [on, len, rel] of NOTES) {
        const at = Math.round((phrase + on) * sampleRate), n = Math.min(frames - at, Math.round(len * sampleRate));
        if (n <= 0) break;
        // a rounded pitch glide within each note: up into its middle, down at its end
        const src = pulseTrain(n, (i) => f * rel * (1 + 0.05 * Math.sin(Math.PI * (i / n))), sampleRate, () => rng.next(), 0.05);
        // the throat: one broad low resonance, and the harmonics rolled off (a hollow, near-pure tone)
        const coo = resonate(src, f * rel * 1.5, 300, sampleRate);
        biquad(coo, 'lowpass', 900, 0.7, sampleRate);
        biquad(coo, 'lowpass', 900, 0.7, sampleRate);
        addAt(out, fadeEdges(coo, 0.4 * n, 0.45 * n), at, rel > 1 ? 1 : 0.75);
      }
    }
    return normalizePeak(out, 0.5);
  },
};
