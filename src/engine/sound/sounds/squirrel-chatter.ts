/**
 * A squirrel (or a chipmunk) chattering: one or two bouts of quick "chuk" barks (25–45 ms each,
 * 7–11 a second), high and bright (a ~1.3–1.9 kHz voice through formants at ~3.2 and ~5.5 kHz),
 * each dropping in pitch; the last barks of a bout soften — the scolding run a tree squirrel
 * makes, not a bird's song nor a monkey's "ooh-ah".
 */
import { biquad } from '../dsp/biquad.js';
import { addAt, fadeEdges, normalizePeak } from '../dsp/buffer.js';
import { formants, pulseTrain } from '../dsp/resonator.js';
import type { SoundDef } from './types.js';

export const squirrelChatter: SoundDef = {
  id: 'squirrel_chatter', family: 'effect', kind: 'event', animalVoice: true, length: 2,
  description: 'a squirrel or a chipmunk chattering (quick high "chuk" barks)',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const bouts = 1 + rng.int(2), pitch = rng.range(1300, 1900);
    let t = 0.03;
    for (let b = 0; b < bouts; b++) {
      const barks = 7 + rng.int(6);
      for (let k = 0; k < barks; k++) {
        const at = Math.round(t * sampleRate), n = Math.min(frames - at, Math.round(rng.range(0.025, 0.045) * sampleRate));
        if (n <= 0) break;
        const src = pulseTrain(n, (i) => pitch * (1.15 - 0.3 * (i / n)), sampleRate, () => rng.next(), 0.3);
        const bark = formants(src, [{ f: 3200, bw: 900, gain: 1 }, { f: 5500, bw: 1500, gain: 0.7 }], sampleRate);
        addAt(out, fadeEdges(bark, 0.003 * sampleRate, 0.015 * sampleRate), at, 1 - (0.4 * k) / barks);
        t += 1 / rng.range(7, 11);
      }
      t += rng.range(0.25, 0.4);
    }
    // (a small animal: no chest below ~1 kHz)
    return normalizePeak(biquad(out, 'highpass', 1000, 0.7, sampleRate), 0.5);
  },
};
