/**
 * A crowd cheering: many voices shouting "yeah!" / "woo!" (rising pitch on open vowels), some
 * whistles, and applause underneath, swelling in and tailing off.
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, poissonOnsets } from '../dsp/burst.js';
import { crowdVoices, VOWELS } from '../dsp/crowd-voices.js';
import type { SoundDef } from './types.js';

export const cheering: SoundDef = {
  id: 'cheering', family: 'effect', kind: 'event', people: true, sustained: true, length: 3,
  description: 'a crowd cheering and whooping, with applause',
  render(frames, { rng, sampleRate }) {
    const swell = (t: number) => Math.min(1, t * 6) * Math.min(1, (1 - t) * 3 + 0.2);
    const out = crowdVoices(frames, sampleRate, rng, { rate: 28, f0: [220, 480], length: [0.25, 0.7], rise: 0.35, vowels: [VOWELS.e, VOWELS.a, VOWELS.u, VOWELS.ae], breath: 0.4, level: swell });
    for (const at of poissonOnsets(frames, 60, rng, sampleRate)) addAt(out, noiseBurst(0.03, 'bandpass', rng.range(900, 2500), 1.2, 0.007, rng, sampleRate), at, 0.35 * swell(at / frames));
    biquad(out, 'highpass', 120, 0.7, sampleRate);
    return normalizePeak(out, 0.5);
  },
};
