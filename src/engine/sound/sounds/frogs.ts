/**
 * Frogs croaking by a pond: a few frogs, each repeating its croak at its own pace (every 0.7–2 s)
 * and pitch. A croak is a short train of pulses (a vocal sac's ~50–90 pulses a second) on a
 * ~400–900 Hz voice, in pairs like "rib-bit", over a soft night of pond and reeds.
 */
import { biquad } from '../dsp/biquad.js';
import { normalizeRms } from '../dsp/buffer.js';
import { pinkNoise } from '../dsp/noise.js';
import type { SoundDef } from './types.js';

export const frogs: SoundDef = {
  id: 'frogs', family: 'ambience', kind: 'bed', length: 0, loudness: -26,
  description: 'frogs croaking by a pond',
  render(frames, { rng, sampleRate }) {
    const out = biquad(pinkNoise(frames, rng), 'lowpass', 500, 0.7, sampleRate);
    for (let i = 0; i < frames; i++) out[i]! *= 0.04;
    const count = 3 + rng.int(3);
    for (let c = 0; c < count; c++) {
      const carrier = rng.range(400, 900), pulses = rng.range(50, 90), every = rng.range(0.7, 2), level = rng.range(0.3, 1);
      for (let t = rng.range(0, every); t * sampleRate < frames; t += every * rng.range(0.9, 1.1)) {
        // "rib-bit": two bursts, the second a little higher
        for (const [offset, len, lift] of [[0, rng.range(0.1, 0.16), 1], [rng.range(0.18, 0.24), rng.range(0.12, 0.2), 1.12]] as const) {
          const start = Math.round((t + offset) * sampleRate), n = Math.round(len * sampleRate);
          let p = rng.next(), q = 0;
          for (let i = 0; i < n && start + i < frames; i++) {
            p += (carrier * lift) / sampleRate; q += pulses / sampleRate;
            const pulse = Math.max(0, Math.sin(2 * Math.PI * q)) ** 2;
            out[start + i]! += Math.sin(2 * Math.PI * p) * pulse * Math.sin((Math.PI * i) / n) * level;
          }
        }
      }
    }
    return normalizeRms(out, 0.1);
  },
};
