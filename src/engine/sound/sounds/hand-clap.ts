/**
 * One person clapping: `params.count` claps (default 3; "claps twice" is 2), ~0.4 s apart, each a
 * burst of air through the cupped palms (a band of noise at 1–2 kHz, one cavity for the person)
 * with a slap's bright attack and a short room tail — one pair of hands, not an audience.
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst } from '../dsp/burst.js';
import { num, type SoundDef } from './types.js';

/** The gap between one person's claps (s), and how many they clap when no count is asked. */
const GAP = 0.4, CLAPS = 3;

export const handClap: SoundDef = {
  id: 'hand_clap', family: 'effect', kind: 'event', people: true, counted: CLAPS, length: GAP,
  description: 'one person clapping their hands',
  render(frames, { rng, sampleRate, params }) {
    const out = new Float32Array(frames);
    const count = Math.max(1, Math.round(num(params, 'count', CLAPS)));
    const cavity = rng.range(1000, 2000), q = rng.range(1.5, 3);
    for (let k = 0; k < count; k++) {
      const at = Math.round((0.02 + k * GAP * rng.range(0.95, 1.05)) * sampleRate);
      if (at >= frames) break;
      const cup = noiseBurst(0.12, 'bandpass', cavity * rng.range(0.95, 1.05), q, 0.012, rng, sampleRate);
      const slap = biquad(noiseBurst(0.02, 'highpass', 2500, 0.7, 0.002, rng, sampleRate), 'lowpass', 9000, 0.7, sampleRate);
      addAt(out, cup, at, rng.range(0.85, 1));
      addAt(out, slap, at, 0.5);
    }
    return normalizePeak(out, 0.5);
  },
};
