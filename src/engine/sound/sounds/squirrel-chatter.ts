/**
 * A squirrel (or a chipmunk) chattering: two to four bouts of quick "chuk" calls, 9–14 a second,
 * each a bright chirp gliding down (~3–5 kHz) over a dry click, the bout's last calls drawn out
 * into a squeak — the scolding run a tree squirrel makes, not a bird's song nor a monkey's "ooh-ah".
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, sineSweep } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

export const squirrelChatter: SoundDef = {
  id: 'squirrel_chatter', family: 'effect', kind: 'event', animalVoice: true, length: 1.8,
  description: 'a squirrel or a chipmunk chattering (quick scolding "chuk" calls)',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const pitch = rng.range(3000, 4200), bouts = 2 + rng.int(3);
    let t = 0.02;
    for (let b = 0; b < bouts && t * sampleRate < frames; b++) {
      const calls = 5 + rng.int(8), rate = rng.range(9, 14);
      for (let k = 0; k < calls; k++) {
        const at = Math.round(t * sampleRate);
        if (at >= frames) break;
        // the bout's last calls are longer and higher: a squeak closing the run
        const last = k >= calls - 2, f = pitch * rng.range(0.92, 1.08) * (last ? 1.15 : 1);
        const sweep = sineSweep(f * 1.35, f, last ? 0.07 : 0.035, last ? 0.03 : 0.012, sampleRate);
        const chirp = fadeEdges(sweep, 0, Math.round(sweep.length / 3)); // (no click where it stops)
        const click = biquad(noiseBurst(0.012, 'bandpass', f * 1.4, 1.2, 0.003, rng, sampleRate), 'highpass', 1500, 0.7, sampleRate);
        const gain = rng.range(0.6, 1) * (1 - 0.25 * (k / calls));
        addAt(out, chirp, at, gain);
        addAt(out, click, at, 0.6 * gain);
        t += 1 / (rate * rng.range(0.9, 1.1));
      }
      t += rng.range(0.15, 0.35); // a breath between bouts
    }
    return normalizePeak(out, 0.5);
  },
};
