/**
 * A finger snap: `params.count` snaps (default 1; "snaps his fingers twice" is 2), ~0.5 s apart,
 * each the middle finger striking the palm — a click of a few milliseconds whose small cavity
 * rings at 1.8–3.2 kHz (shorter and higher than a hand clap's cupped palms), with the skin's
 * bright tick on top.
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst } from '../dsp/burst.js';
import { num, type SoundDef } from './types.js';

/** The gap between snaps (s), and how many when no count is asked. */
const GAP = 0.5, SNAPS = 1;

export const fingerSnap: SoundDef = {
  id: 'finger_snap', family: 'effect', kind: 'event', people: true, counted: SNAPS, length: GAP,
  description: 'a finger snap',
  render(frames, { rng, sampleRate, params }) {
    const out = new Float32Array(frames);
    const count = Math.max(1, Math.round(num(params, 'count', SNAPS)));
    const ring = rng.range(1800, 3200);
    for (let k = 0; k < count; k++) {
      const at = Math.round((0.02 + k * GAP * rng.range(0.95, 1.05)) * sampleRate);
      if (at >= frames) break;
      const body = noiseBurst(0.04, 'bandpass', ring * rng.range(0.96, 1.04), 2.5, 0.004, rng, sampleRate);
      const tick = biquad(noiseBurst(0.008, 'highpass', 4000, 0.7, 0.0008, rng, sampleRate), 'lowpass', 11000, 0.7, sampleRate);
      addAt(out, body, at, rng.range(0.9, 1));
      addAt(out, tick, at, 0.35);
    }
    return normalizePeak(out, 0.5);
  },
};
