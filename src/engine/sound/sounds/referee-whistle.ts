/**
 * A referee's pea whistle: a narrow-band tone near 3 kHz whose pea, spinning in the chamber,
 * chops the air at ~30–40 Hz (the trill), with a little breath noise; a sharp attack and a blast
 * that stops when the breath does. Two or three blasts: "phweet — phweeeet".
 */
import { biquad } from '../dsp/biquad.js';
import { normalizePeak } from '../dsp/buffer.js';
import { num, type SoundDef } from './types.js';

export const refereeWhistle: SoundDef = {
  id: 'referee_whistle', family: 'effect', kind: 'event', length: 1.4,
  description: "a referee's whistle: two sharp trilled blasts",
  render(frames, { rng, sampleRate, params }) {
    const out = new Float32Array(frames);
    const f = rng.range(2800, 3300);
    const trill = rng.range(28, 40);
    const blasts = [[0, 0.25], [0.4, 0.75]].slice(0, Math.max(1, num(params, 'blasts', 2)));
    let phase = 0, chop = 0;
    for (let i = 0; i < frames; i++) {
      const t = i / sampleRate;
      const blast = blasts.find(([a, b]) => t >= a! && t < b!);
      phase += (2 * Math.PI * f * (1 + 0.004 * Math.sin(chop))) / sampleRate;
      chop += (2 * Math.PI * trill) / sampleRate;
      if (!blast) continue;
      const env = Math.min(1, (t - blast[0]!) / 0.01, (blast[1]! - t) / 0.02);
      const am = 0.65 + 0.35 * Math.sin(chop);
      out[i] = env * (Math.sin(phase) * am + (rng.next() * 2 - 1) * 0.08);
    }
    biquad(out, 'bandpass', f, 4, sampleRate);
    return normalizePeak(out, 0.5);
  },
};
