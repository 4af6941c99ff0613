/**
 * Pots and pans clattering: a quick run of metal knocks — a pan's low inharmonic clang, a lid's
 * brighter ring, a spoon's tick — each dying in a fraction of a second, a kitchen at work.
 */
import { addAt, normalizePeak } from '../dsp/buffer.js';
import { noiseBurst, struckTone } from '../dsp/burst.js';
import type { SoundDef } from './types.js';

/** A thin metal plate's modes (a free circular plate's first ratios): clearly inharmonic, so it reads as metal. */
const PLATE = [1, 1.59, 2.14, 2.65, 3.16, 3.65];

export const potsClatter: SoundDef = {
  id: 'pots_clatter', family: 'effect', kind: 'event', length: 1.6,
  description: 'pots and pans clattering',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const hits = 5 + rng.int(4);
    let t = 0;
    for (let k = 0; k < hits; k++) {
      const at = Math.round(t * sampleRate);
      if (at >= frames) break;
      // a pan (low, long), a lid (higher, ringing) or a utensil (high, short)
      const kind = rng.next();
      const [f, tau, gain] = kind < 0.4 ? [rng.range(380, 620), 0.15, 1] : kind < 0.75 ? [rng.range(900, 1500), 0.2, 0.8] : [rng.range(2200, 3400), 0.05, 0.6];
      addAt(out, struckTone(f, PLATE, [1, 0.8, 0.6, 0.5, 0.35, 0.25], tau, sampleRate, tau * 5), at, gain);
      // the knock itself: a short bright click of metal on metal
      addAt(out, noiseBurst(0.02, 'bandpass', rng.range(3000, 5000), 1.2, 0.004, rng, sampleRate), at, 0.4 * gain);
      t += rng.range(0.07, 0.22);
    }
    return normalizePeak(out, 0.5);
  },
};
