/**
 * A crowd booing: many low voices on a long "boo" (an "oo" vowel, ~100–220 Hz, each voice sagging
 * a little over its second or so), overlapping into one sound that holds.
 */
import { fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { crowdVoices, VOWELS } from '../dsp/crowd-voices.js';
import type { SoundDef } from './types.js';

export const booing: SoundDef = {
  id: 'booing', family: 'effect', kind: 'event', people: true, sustained: true, length: 3,
  description: 'a crowd booing',
  render(frames, { rng, sampleRate }) {
    // a second of booing before the sound starts: the crowd is already at it, not one voice at a time
    const pre = sampleRate;
    const crowd = crowdVoices(frames + pre, sampleRate, rng, { rate: 24, f0: [100, 220], length: [0.8, 1.6], rise: -0.08, vowels: [VOWELS.u, VOWELS.o], breath: 0.15 });
    const out = crowd.slice(pre);
    fadeEdges(out, 0.2 * sampleRate, 0.4 * sampleRate);
    return normalizePeak(out, 0.5);
  },
};
