/**
 * An alarm going off: an electronic alarm clock's beeping — bursts of four sharp beeps (~2.5–3.2
 * kHz square tones, ~8 a second), a burst every second — for as long as nobody stops it.
 */
import { biquad } from '../dsp/biquad.js';
import { normalizePeak } from '../dsp/buffer.js';
import type { SoundDef } from './types.js';

export const alarm: SoundDef = {
  id: 'alarm', family: 'effect', kind: 'event', sustained: true, length: 4,
  description: 'an alarm clock beeping',
  render(frames, { rng, sampleRate }) {
    const out = new Float32Array(frames);
    const f = rng.range(2500, 3200), beep = 0.07, step = 0.125;
    const fade = Math.round(0.002 * sampleRate);
    for (let burst = rng.range(0.05, 0.2); burst * sampleRate < frames; burst += 1) {
      for (let k = 0; k < 4; k++) {
        const at = Math.round((burst + k * step) * sampleRate), n = Math.round(beep * sampleRate);
        for (let i = 0; i < n && at + i < frames; i++) {
          const edge = Math.min(1, i / fade, (n - i) / fade);
          out[at + i] = (((f * i) / sampleRate) % 1 < 0.5 ? 1 : -1) * edge;
        }
      }
    }
    // a small piezo speaker: the square's highest harmonics rolled off
    biquad(out, 'lowpass', 9000, 0.7, sampleRate);
    return normalizePeak(out, 0.5);
  },
};
